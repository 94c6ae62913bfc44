/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lagrangian-bound.h"

#include "ns3/abort.h"

#include <algorithm>
#include <limits>

namespace ns3
{
namespace edgedml
{

double
ComputeLagrangianBound(const MmkpInstance& instance, const LagrangianMultipliers& multipliers)
{
    const uint32_t dims = instance.GetNumDimensions();
    NS_ABORT_MSG_UNLESS(multipliers.capacityPrices.size() == dims,
                        "ComputeLagrangianBound: " << multipliers.capacityPrices.size()
                                                   << " capacity prices for " << dims
                                                   << " dimensions");
    const bool disjoint = instance.AreResourcesDisjoint();
    const std::vector<double>& mu = multipliers.resourcePrices;
    NS_ABORT_MSG_UNLESS(mu.empty() || mu.size() == instance.GetNumResources(),
                        "ComputeLagrangianBound: " << mu.size() << " resource prices for "
                                                   << instance.GetNumResources() << " resources");
    double bound = instance.GetBaseValue();
    for (uint32_t d = 0; d < dims; ++d)
    {
        NS_ABORT_MSG_UNLESS(multipliers.capacityPrices[d] >= 0.0,
                            "ComputeLagrangianBound: negative price of dimension " << d);
        bound += multipliers.capacityPrices[d] * instance.GetCapacity(d);
    }
    if (disjoint)
    {
        for (double m : mu)
        {
            NS_ABORT_MSG_UNLESS(m >= 0.0, "ComputeLagrangianBound: negative resource price");
            bound += m;
        }
    }
    // The same slack the shared validator allows, so that the bound also
    // covers assignments that use it.
    std::vector<double> limit(dims);
    for (uint32_t d = 0; d < dims; ++d)
    {
        const double c = instance.GetCapacity(d);
        limit[d] = c + 1e-9 * std::max(c, 1.0);
    }
    const bool mustAssign = instance.MustAssignAll();
    const double* lambda = multipliers.capacityPrices.data();
    for (uint32_t j = 0; j < instance.GetNumClasses(); ++j)
    {
        double best = mustAssign ? -std::numeric_limits<double>::infinity() : 0.0;
        for (int64_t item = instance.GetFirstItem(j); item < instance.GetEndItem(j); ++item)
        {
            const double* w = instance.GetWeights(item);
            double reduced = instance.GetValue(item);
            bool fits = true;
            for (uint32_t d = 0; d < dims; ++d)
            {
                fits = fits && w[d] <= limit[d];
                reduced -= lambda[d] * w[d];
            }
            if (!fits)
            {
                continue;
            }
            const int32_t r = instance.GetResource(item);
            if (disjoint && !mu.empty() && r != MmkpInstance::NO_RESOURCE)
            {
                reduced -= mu[r];
            }
            best = std::max(best, reduced);
        }
        if (best == -std::numeric_limits<double>::infinity())
        {
            return best;
        }
        bound += best;
    }
    return bound;
}

} // namespace edgedml
} // namespace ns3
