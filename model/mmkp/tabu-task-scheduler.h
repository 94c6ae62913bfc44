/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TABU_TASK_SCHEDULER_H
#define EDGE_DML_TABU_TASK_SCHEDULER_H

#include "neighbourhood-search-task-scheduler.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The paper's tabu search, as the paper wrote it (the system model,
 * "Task scheduling"); short name Tabu.
 *
 * Starts from the paper's greedy (see NeighbourhoodSearchTaskScheduler: the
 * same class order as GreedyTaskScheduler on the same stream, and the
 * feasibility-first repair when the greedy fails on a Strict instance).
 *
 * The solution is the n x q assignment matrix X whose rows are the ES (see
 * MmkpSearchState for instances without disjoint resources: the item's
 * index within its class, rows not exclusive, so a move only changes the
 * item of one task). A move swaps two rows i and i': the task on i goes to
 * i' and the task on i' (if any) to i; a move between an occupied and an
 * idle row relocates a task. Each iteration draws Candidates (r = 50) moves
 * (an assigned task uniformly, then a second row uniformly among the other
 * rows; pairs of two idle rows are never drawn, pairs of two busy rows are
 * drawn twice as often as busy/idle pairs), evaluates each in O(1) (values
 * and weights of at most four items), keeps the KeptCandidates (25) best
 * feasible ones, and applies the best that is not tabu, or a tabu one that
 * beats the best solution found (aspiration). The row pair of an applied
 * move is tabu for TabuTenure iterations (the paper's n x n memory,
 * TabuMemory). The search stops after MaxIterations iterations, or
 * MaxStallIterations iterations without a new best (0 disables that), and
 * returns the best solution seen, so it never returns less than its greedy
 * start. Swaps and relocations never change the set of accepted tasks.
 *
 * Restart rounds (Restarts, TimeLimitS) start from the best solution with a
 * new tabu memory after Diversify: PerturbationMoves random feasible row
 * moves. With the defaults (no rounds, no time limit) the random sequence
 * and the result are exactly the paper's algorithm's.
 */
class TabuTaskScheduler : public NeighbourhoodSearchTaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TabuTaskScheduler();
    ~TabuTaskScheduler() override;

  private:
    void Search(MmkpSearchState& state, Incumbent& best, const SearchDeadline& deadline) override;
    void Diversify(MmkpSearchState& state, uint32_t round) override;

    uint32_t m_candidates;         //!< candidate moves drawn per iteration (paper: r = 50)
    uint32_t m_keptCandidates;     //!< best feasible candidates kept (paper: 25)
    uint32_t m_tabuTenure;         //!< iterations a row pair stays tabu
    uint32_t m_maxIterations;      //!< iteration limit
    uint32_t m_maxStallIterations; //!< stop after this many without a new best (0: off)
    uint32_t m_perturbationMoves;  //!< random row moves before a restart round
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TABU_TASK_SCHEDULER_H */
