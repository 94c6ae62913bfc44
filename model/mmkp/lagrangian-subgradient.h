/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LAGRANGIAN_SUBGRADIENT_H
#define EDGE_DML_LAGRANGIAN_SUBGRADIENT_H

#include "lagrangian-bound.h"
#include "mmkp-instance.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Normalised Lagrange multipliers: lambda_d prices the whole
 * capacity of dimension d (its price per unit of weight is lambda_d / C_d),
 * mu_r prices resource r. Steps in these units treat dimensions of
 * different units (Hz, J) and the resources alike.
 */
struct NormalisedMultipliers
{
    std::vector<double> lambda; //!< per dimension, price of the whole capacity
    std::vector<double> mu;     //!< per resource
};

/**
 * \ingroup edge-dml
 * \brief Minimises the Lagrangian bound of an MMKP (see
 * ComputeLagrangianBound) over the multipliers by projected subgradient
 * steps: the one subgradient loop of the module (LocalSearchTaskScheduler
 * and edge-dml-scheduler-benchmark use it).
 *
 * At multipliers (lambda, mu) the relaxation chooses, per class, its item
 * of largest reduced value v - sum_d lambda_d w_d / C_d - mu_r (or none
 * when that is not positive and rejecting is allowed). The values are
 * base-value free: L = sum_d lambda_d + sum_r mu_r + sum_j best_j. Items
 * heavier than a capacity alone are left out, as in ComputeLagrangianBound.
 * Each update:
 *
 * 1. keeps the multipliers when L is below the best bound by more than
 *    1e-12 |best|, else counts a stall; after Patience stalls the step
 *    factor theta (initially StepScale) halves;
 * 2. calls the onEvaluated hook (constructions may use the multipliers),
 *    then stops when a known objective (the lowerBound hook) is within
 *    epsilon of the best bound (optimality proven);
 * 3. steps along the subgradient g_d = 1 - sum_chosen w_d / C_d,
 *    g_r = 1 - uses of r, with the Polyak step theta (L - target) / |g|^2
 *    (components that the projection onto >= 0 would cancel left out of
 *    |g|); the target is the known objective, or L - 0.1 |L| without one;
 *    then projects onto multipliers >= 0. It stops when |g| = 0.
 *
 * Work: one pass over all items of the instance per update, O(items m).
 */
class LagrangianSubgradient
{
  public:
    /// Hooks of Run(); empty functions are skipped.
    struct Hooks
    {
        /// Asked before each update; false stops (e.g. a work or time budget).
        std::function<bool()> mayIterate;
        /// After the bound of update `it` is known, with the multipliers of that update.
        std::function<void(uint32_t it, const NormalisedMultipliers& multipliers)> onEvaluated;
        /// A known feasible objective (base value excluded), if any.
        std::function<bool(double& lower)> lowerBound;
    };

    /**
     * \param instance the instance (e.g. a candidate sub-instance); must outlive this object
     * \param resources number of resource prices (0: the resources are not relaxed)
     * \param stepScale initial step factor theta, in (0, 2]
     * \param patience updates without a better bound before theta halves
     * \param epsilon least gap that counts (objective units)
     */
    LagrangianSubgradient(const MmkpInstance& instance,
                          uint32_t resources,
                          double stepScale,
                          uint32_t patience,
                          double epsilon);

    /**
     * \brief Run updates from the current multipliers (theta restarts at
     * the step scale; the best bound and multipliers carry over).
     * \param iterations updates at most
     * \param hooks the hooks
     */
    void Run(uint32_t iterations, const Hooks& hooks);

    /**
     * \brief The Lagrangian function, base value excluded.
     * \param multipliers the multipliers
     * \param[out] choice per class, its chosen item or MmkpInstance::REJECTED
     * \return the value
     */
    double Evaluate(const NormalisedMultipliers& multipliers, std::vector<int64_t>& choice) const;

    /// \param multipliers the multipliers to continue from
    void SetMultipliers(const NormalisedMultipliers& multipliers);
    /// \return the multipliers of the best bound
    const NormalisedMultipliers& GetBestMultipliers() const;
    /// \return the best (smallest) bound found, base value excluded (+infinity before any)
    double GetBestBound() const;
    /**
     * \param multipliers normalised multipliers
     * \return the same prices in the raw units of ComputeLagrangianBound
     */
    LagrangianMultipliers ToRaw(const NormalisedMultipliers& multipliers) const;

  private:
    const MmkpInstance& m_instance;   //!< the instance
    uint32_t m_dims;                  //!< number of dimensions
    uint32_t m_resources;             //!< number of resource prices
    double m_stepScale;               //!< initial step factor
    uint32_t m_patience;              //!< stalls before the factor halves
    double m_eps;                     //!< least gap that counts
    std::vector<double> m_invCap;     //!< per dimension, 1 / C_d (0 for C_d = 0)
    std::vector<double> m_limit;      //!< per dimension, the largest weight of an item
    NormalisedMultipliers m_mult;     //!< current multipliers
    NormalisedMultipliers m_bestMult; //!< multipliers of the best bound
    double m_bestBound;               //!< best bound, base excluded
    std::vector<int64_t> m_choice;    //!< scratch: the relaxation's choice
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LAGRANGIAN_SUBGRADIENT_H */
