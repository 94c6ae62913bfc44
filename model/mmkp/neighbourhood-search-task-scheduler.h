/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_NEIGHBOURHOOD_SEARCH_TASK_SCHEDULER_H
#define EDGE_DML_NEIGHBOURHOOD_SEARCH_TASK_SCHEDULER_H

#include "anytime-task-scheduler.h"
#include "mmkp-search-state.h"

#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Shared base of the searches that start from the paper's greedy
 * and move on an MmkpSearchState: the paper's tabu (TabuTaskScheduler),
 * our extended tabu (ExtendedTabuTaskScheduler) and simulated annealing
 * (AnnealingTaskScheduler). Abstract (no constructor in its TypeId).
 *
 * It owns the two random streams and the skeleton of a solve:
 *
 * 1. Start: the paper's greedy (BuildGreedyAssignment) on a class order
 *    drawn from the first stream exactly as GreedyTaskScheduler draws it,
 *    so with the same stream the start is the greedy result. When that rule
 *    leaves a task of a Strict (MustAssignAll) instance unplaced, the
 *    feasibility-first path runs instead (MmkpFeasibilityRepair::MakeFeasible,
 *    from the greedy's partial placement, the same as GreedyTaskScheduler's);
 *    if it fails too, the solve ends with NO_SOLUTION_FOUND.
 * 2. BeginSolve(): the leaf's preparation (per-instance lists, other starts).
 * 3. Search(): the leaf's search from the start.
 * 4. Restart rounds (AnytimeTaskScheduler: Restarts, TimeLimitS): each
 *    from the best solution, after the leaf's Diversify(), then Search().
 *
 * The best solution seen is returned (status FEASIBLE), so the result is
 * never worse than the start. Streams: the first draws the class order, the
 * second the moves (AssignStreams uses 2).
 */
class NeighbourhoodSearchTaskScheduler : public AnytimeTaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NeighbourhoodSearchTaskScheduler();
    ~NeighbourhoodSearchTaskScheduler() override;

  protected:
    void DoDispose() override;

    /**
     * \brief The best solution of a solve.
     */
    class Incumbent
    {
      public:
        /// \param state the state holding the start
        explicit Incumbent(const MmkpSearchState& state);

        /**
         * \brief Keep the state's assignment if it beats the best by more
         * than GetMargin().
         * \param state the state
         * \return whether it was kept
         */
        bool Offer(const MmkpSearchState& state);

        /// \return the best objective
        double GetObjective() const;
        /// \return the best assignment
        const std::vector<int64_t>& GetAssignment() const;
        /// \return the least improvement that counts: 1e-9 (1 + |best|), far
        ///         above the rounding drift of the incremental objective
        double GetMargin() const;

      private:
        std::vector<int64_t> m_assignment; //!< the best assignment
        double m_objective;                //!< its objective
    };

    Ptr<UniformRandomVariable> m_moveRng; //!< the second stream: the moves

  private:
    Result DoSchedule(const MmkpInstance& instance) final;
    int64_t DoAssignStreams(int64_t stream) final;

    /**
     * \brief Prepare a solve after the start (default: nothing).
     * \param state the state, holding the start
     * \param best the incumbent (a better start may be offered)
     * \param deadline the solve's deadline
     */
    virtual void BeginSolve(MmkpSearchState& state,
                            Incumbent& best,
                            const SearchDeadline& deadline);

    /**
     * \brief The search.
     * \param state the state to move from
     * \param best the incumbent, to offer improvements to
     * \param deadline the solve's deadline: stop when it expires
     */
    virtual void Search(MmkpSearchState& state,
                        Incumbent& best,
                        const SearchDeadline& deadline) = 0;

    /// \brief Release what BeginSolve prepared (default: nothing); called
    /// at the end of every solve that got past the start.
    virtual void EndSolve();

    /**
     * \brief Diversify before a restart round.
     * \param state the state, holding the best solution
     * \param round the round, from 0
     */
    virtual void Diversify(MmkpSearchState& state, uint32_t round) = 0;

    Ptr<UniformRandomVariable> m_orderRng; //!< the first stream: the greedy class order
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_NEIGHBOURHOOD_SEARCH_TASK_SCHEDULER_H */
