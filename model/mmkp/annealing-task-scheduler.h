/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_ANNEALING_TASK_SCHEDULER_H
#define EDGE_DML_ANNEALING_TASK_SCHEDULER_H

#include "neighbourhood-search-task-scheduler.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Simulated annealing from the greedy start (the system model, "Task scheduling").
 *
 * The start is the paper's greedy of NeighbourhoodSearchTaskScheduler (the
 * class order drawn as GreedyTaskScheduler draws it, from this object's
 * first stream; the feasibility-first repair when the greedy fails on a
 * Strict instance). Each of Iterations steps draws one move from the second
 * stream (MmkpMoveSampler, insert lists off):
 * - Valued instances only, with probability InsertProbability: a rejected
 *   task and one of its items uniformly; if another task holds that item's
 *   ES, that task is rejected in exchange (an "insert", or "exchange").
 * - Valued only, with probability RemoveProbability: reject an assigned task.
 * - Otherwise a row move as in TabuTaskScheduler: an assigned task and
 *   another row uniformly; swap the two rows' tasks, or relocate the task if
 *   the other ES is free.
 * An infeasible move is skipped (the step still counts). A feasible move of
 * objective change delta is accepted if delta >= 0, else with probability
 * exp(delta / T) (Metropolis). The temperature starts at T0 =
 * InitialTemperature times the mean |value| over all items of the instance
 * (so the attribute is scale free) and is multiplied by CoolingFactor after
 * every step (geometric cooling). The defaults (T0 = 1 x mean |value|, factor
 * 0.999, 10,000 steps, so the final temperature is e^-10 T0; insert 0.4,
 * remove 0.1) were tuned on random 79 x 80 instances with binding capacities
 * (test/random-mmkp-instances.h shapes), where they beat smaller
 * temperatures and fewer inserts clearly. The best solution seen is returned, never
 * worse than the greedy start. Strict instances only use row moves, so every
 * task stays assigned. A restart round (Restarts, TimeLimitS) anneals again
 * from the best solution, from T0. Uses two random streams (class order,
 * moves).
 */
class AnnealingTaskScheduler : public NeighbourhoodSearchTaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    AnnealingTaskScheduler();
    ~AnnealingTaskScheduler() override;

  private:
    void Search(MmkpSearchState& state, Incumbent& best, const SearchDeadline& deadline) override;
    void Diversify(MmkpSearchState& state, uint32_t round) override;

    double m_initialTemperature; //!< T0 relative to the mean |item value|
    double m_coolingFactor;      //!< temperature factor per step, in (0, 1]
    uint32_t m_iterations;       //!< number of steps
    double m_insertProbability;  //!< probability of an insert move (Valued)
    double m_removeProbability;  //!< probability of a remove move (Valued)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_ANNEALING_TASK_SCHEDULER_H */
