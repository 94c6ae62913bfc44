/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_EXACT_TASK_SCHEDULER_H
#define EDGE_DML_EXACT_TASK_SCHEDULER_H

#include "task-scheduler.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The exact scheduler: the MMKP as a 0-1 integer program solved by
 * COIN-OR CBC (coinor-libcbc-dev, CBC 2.10).
 *
 * One binary variable x_k per item k; per class sum_k x_k <= 1 (== 1 when
 * MmkpInstance::MustAssignAll()); per resource sum_k x_k <= 1 when the
 * resources are disjoint; one row sum_k w_kd x_k <= capacity_d per
 * dimension d; maximise the base value plus sum_k value_k x_k. CBC runs its
 * default strategy (preprocessing, cuts, heuristics, branch and bound) with
 * all its output switched off; the model never prints.
 *
 * Reductions made before CBC is called, all preserving the optimum: items
 * that alone exceed a capacity are dropped, and when rejecting is allowed
 * (not MustAssignAll) items with value <= 0 are dropped (rejecting their class
 * is never worse). Trivial instances (no class, no usable item, a class with
 * no usable item under MustAssignAll) are decided without CBC.
 *
 * Outcomes:
 * - OPTIMAL: CBC proved optimality within AbsoluteGap / RelativeGap (and its
 *   LP tolerances, about 1e-7 on rows).
 * - FEASIBLE: stopped by TimeLimitS or MaxNodes with a solution; upperBound is
 *   CBC's best bound (plus the base value). When rejecting is allowed and CBC
 *   stopped before finding a solution, the all-rejected assignment is returned
 *   as FEASIBLE with CBC's bound.
 * - INFEASIBLE: CBC (or the trivial checks) proved that no assignment places
 *   every class (only possible with MustAssignAll); upperBound is -infinity.
 * - NO_SOLUTION_FOUND: with MustAssignAll, stopped before finding any
 *   solution and before proving infeasibility.
 *
 * The binary solution is rounded (x > 0.5) and checked with
 * CheckMmkpAssignment. CBC accepts rows violated by up to its primal
 * tolerance, more than the validator's relative 1e-9; if the rounded
 * assignment fails the check, it is repaired when rejecting is allowed (the
 * chosen items of lowest value are rejected until it passes) and reported as
 * FEASIBLE, never OPTIMAL; under MustAssignAll it is reported as
 * NO_SOLUTION_FOUND. upperBound is never below the returned objective.
 *
 * Range: item values must be within +-1e20 (CLP asserts on objective
 * coefficients from 1e25 on); a larger value aborts with a message naming
 * the item (ReadMmkp already limits files to 1e15).
 *
 * Determinism: CBC runs single-threaded and is deterministic for a given
 * instance and attributes, except that where a time limit stops it depends on
 * the machine's speed. The scheduler uses no random variable
 * (AssignStreams uses 0 streams). CBC keeps some global state: do not run two
 * solves concurrently in different threads.
 */
class ExactTaskScheduler : public TaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ExactTaskScheduler();
    ~ExactTaskScheduler() override;

    /**
     * \brief Bound from the LP relaxation (0 <= x <= 1) of the same model,
     * solved by CLP without branch and bound; for instances too large for
     * branch and bound. The reductions described above are applied first, so
     * the bound is at least as tight as the plain LP relaxation's. CLP's dual
     * simplex has no time limit here and grows fast with size (measured with
     * 2 dimensions and disjoint resources: 5,000 items about 20 ms, 400,000
     * items about 9 s, 800,000 items about 42 s), so it does not reach
     * instances of tens of millions of items.
     * \param instance the instance
     * \return an upper bound on the optimum including the base value;
     *         -infinity when the relaxation is infeasible (no feasible
     *         assignment exists); +infinity when CLP stopped without a result
     */
    double SolveLpRelaxationBound(const MmkpInstance& instance) const;

  private:
    Result DoSchedule(const MmkpInstance& instance) override;
    /**
     * \brief Replace a missing bound, or one below the returned objective
     * (CBC stopped inside an LP), by a Lagrangian bound.
     * \param instance the instance \param fallbackBound the Lagrangian bound
     * \param result a FEASIBLE result (others pass)
     * \return the result
     */
    Result CheckBound(const MmkpInstance& instance, double fallbackBound, Result& result) const;
    int64_t DoAssignStreams(int64_t stream) override;

    double m_timeLimitS;      //!< wall-clock limit of one CBC solve, in seconds
    double m_relativeGap;     //!< stop when (bound - best) / |best| is below this (fraction)
    double m_absoluteGap;     //!< stop when bound - best is below this (objective units)
    uint32_t m_maxNodes;      //!< branch-and-bound node limit, 0 for none (nodes)
    bool m_usePreprocessing;  //!< whether CBC preprocesses the model (CglPreProcess)
    bool m_heuristicFallback; //!< whether a heuristic solution backs a stopped solve
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_EXACT_TASK_SCHEDULER_H */
