/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lagrangian-subgradient.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ns3
{
namespace edgedml
{

namespace
{
constexpr double INF = std::numeric_limits<double>::infinity();
} // namespace

LagrangianSubgradient::LagrangianSubgradient(const MmkpInstance& instance,
                                             uint32_t resources,
                                             double stepScale,
                                             uint32_t patience,
                                             double epsilon)
    : m_instance(instance),
      m_dims(instance.GetNumDimensions()),
      m_resources(resources),
      m_stepScale(stepScale),
      m_patience(std::max<uint32_t>(patience, 1)),
      m_eps(epsilon),
      m_invCap(instance.GetNumDimensions()),
      m_limit(instance.GetNumDimensions()),
      m_bestBound(INF)
{
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double c = instance.GetCapacity(d);
        m_invCap[d] = c > 0.0 ? 1.0 / c : 0.0;
        m_limit[d] = c + 1e-9 * std::max(c, 1.0); // as CheckMmkpAssignment
    }
    m_mult.lambda.assign(m_dims, 0.0);
    m_mult.mu.assign(m_resources, 0.0);
    m_bestMult = m_mult;
}

double
LagrangianSubgradient::Evaluate(const NormalisedMultipliers& m, std::vector<int64_t>& choice) const
{
    const bool strict = m_instance.MustAssignAll();
    double total = std::accumulate(m.lambda.begin(), m.lambda.end(), 0.0) +
                   std::accumulate(m.mu.begin(), m.mu.end(), 0.0);
    const uint32_t q = m_instance.GetNumClasses();
    choice.assign(q, MmkpInstance::REJECTED);
    for (uint32_t j = 0; j < q; ++j)
    {
        double best = strict ? -INF : 0.0;
        for (int64_t k = m_instance.GetFirstItem(j); k < m_instance.GetEndItem(j); ++k)
        {
            double reduced = m_instance.GetValue(k);
            const double* w = m_instance.GetWeights(k);
            bool fits = true;
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                fits = fits && w[d] <= m_limit[d];
                reduced -= m.lambda[d] * (w[d] * m_invCap[d]);
            }
            const int32_t r = m_instance.GetResource(k);
            if (r != MmkpInstance::NO_RESOURCE && m_resources > 0)
            {
                reduced -= m.mu[r];
            }
            if (fits && reduced > best)
            {
                best = reduced;
                choice[j] = k;
            }
        }
        if (choice[j] != MmkpInstance::REJECTED || !strict)
        {
            total += best;
        }
    }
    return total;
}

void
LagrangianSubgradient::Run(uint32_t iterations, const Hooks& hooks)
{
    double theta = m_stepScale;
    uint32_t stall = 0;
    std::vector<double> gLambda(m_dims);
    std::vector<double> gMu(m_resources);
    const uint32_t q = m_instance.GetNumClasses();
    for (uint32_t it = 0; it < iterations && (!hooks.mayIterate || hooks.mayIterate()); ++it)
    {
        const double value = Evaluate(m_mult, m_choice);
        if (m_bestBound == INF || value < m_bestBound - 1e-12 * std::abs(m_bestBound))
        {
            m_bestBound = value;
            m_bestMult = m_mult;
            stall = 0;
        }
        else if (++stall >= m_patience)
        {
            theta *= 0.5;
            stall = 0;
        }
        if (hooks.onEvaluated)
        {
            hooks.onEvaluated(it, m_mult);
        }
        double lower = 0.0;
        const bool haveLower = hooks.lowerBound && hooks.lowerBound(lower);
        if (haveLower && m_bestBound - lower <= m_eps)
        {
            break; // proven optimal
        }
        std::fill(gLambda.begin(), gLambda.end(), 1.0);
        std::fill(gMu.begin(), gMu.end(), 1.0);
        for (uint32_t j = 0; j < q; ++j)
        {
            const int64_t k = m_choice[j];
            if (k == MmkpInstance::REJECTED)
            {
                continue;
            }
            const double* w = m_instance.GetWeights(k);
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                gLambda[d] -= w[d] * m_invCap[d];
            }
            const int32_t r = m_instance.GetResource(k);
            if (r != MmkpInstance::NO_RESOURCE && m_resources > 0)
            {
                gMu[r] -= 1.0;
            }
        }
        double norm2 = 0.0;
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            if (!(m_mult.lambda[d] <= 0.0 && gLambda[d] > 0.0))
            {
                norm2 += gLambda[d] * gLambda[d];
            }
        }
        for (uint32_t r = 0; r < m_resources; ++r)
        {
            if (!(m_mult.mu[r] <= 0.0 && gMu[r] > 0.0))
            {
                norm2 += gMu[r] * gMu[r];
            }
        }
        if (norm2 <= 0.0)
        {
            break; // the relaxed choice meets every relaxed constraint
        }
        const double target = haveLower ? lower : value - 0.1 * std::abs(value) - 1e-9;
        const double step = theta * std::max(value - target, m_eps) / norm2;
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            m_mult.lambda[d] = std::max(0.0, m_mult.lambda[d] - step * gLambda[d]);
        }
        for (uint32_t r = 0; r < m_resources; ++r)
        {
            m_mult.mu[r] = std::max(0.0, m_mult.mu[r] - step * gMu[r]);
        }
    }
}

void
LagrangianSubgradient::SetMultipliers(const NormalisedMultipliers& multipliers)
{
    m_mult = multipliers;
    m_bestMult = multipliers;
}

const NormalisedMultipliers&
LagrangianSubgradient::GetBestMultipliers() const
{
    return m_bestMult;
}

double
LagrangianSubgradient::GetBestBound() const
{
    return m_bestBound;
}

LagrangianMultipliers
LagrangianSubgradient::ToRaw(const NormalisedMultipliers& multipliers) const
{
    LagrangianMultipliers raw;
    raw.capacityPrices.assign(m_dims, 0.0);
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double c = m_instance.GetCapacity(d);
        raw.capacityPrices[d] = c > 0.0 ? multipliers.lambda[d] / c : 0.0;
    }
    if (m_resources > 0)
    {
        raw.resourcePrices = multipliers.mu;
    }
    return raw;
}

} // namespace edgedml
} // namespace ns3
