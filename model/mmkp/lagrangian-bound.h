/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LAGRANGIAN_BOUND_H
#define EDGE_DML_LAGRANGIAN_BOUND_H

#include "mmkp-instance.h"

#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Multipliers of the Lagrangian relaxation of an MMKP: one price per
 * capacity dimension and, when resources are disjoint, one price per resource.
 */
struct LagrangianMultipliers
{
    /// Price per unit of weight, one per dimension (each >= 0).
    std::vector<double> capacityPrices;
    /// Price per resource (each >= 0); empty, or one per resource of the
    /// instance. Ignored when resources are not disjoint.
    std::vector<double> resourcePrices;
};

/**
 * \ingroup edge-dml
 * \brief The Lagrangian upper bound of an MMKP for given multipliers.
 *
 * Relaxing the capacity constraints (prices lambda_d) and the resource
 * disjointness (prices mu_r) leaves one independent choice per class:
 *
 *   L(lambda, mu) = base + sum_d lambda_d C_d + sum_r mu_r
 *                   + sum_j max(0, max_{i in j} (v_i - lambda . w_i - mu_{r(i)}))
 *
 * (without the 0 when every class must be assigned). For any multipliers
 * >= 0, L is >= the objective of every feasible assignment, so it bounds the
 * optimum from above. Items that alone exceed a capacity (beyond the
 * validator's tolerance) are left out, as no feasible assignment uses them.
 * The minimum of L over the multipliers equals the bound of the linear
 * relaxation.
 *
 * \param instance the instance
 * \param multipliers the prices (negative entries abort)
 * \return the bound; -infinity when some class must be assigned but has no
 *         item that fits the capacities alone (the instance is infeasible)
 */
double ComputeLagrangianBound(const MmkpInstance& instance,
                              const LagrangianMultipliers& multipliers);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LAGRANGIAN_BOUND_H */
