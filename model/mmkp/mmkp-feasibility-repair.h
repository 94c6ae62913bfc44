/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_FEASIBILITY_REPAIR_H
#define EDGE_DML_MMKP_FEASIBILITY_REPAIR_H

#include "mmkp-search-state.h"
#include "search-deadline.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Feasibility first, for instances in which every class must be
 * assigned (MmkpInstance::MustAssignAll, the Strict preset): a
 * feasibility-aware construction and a repair of infeasible assignments.
 *
 * The repair works on an MmkpSearchState whose assignment may leave classes
 * rejected and whose loads may exceed the capacities (resources are never
 * used twice). It measures the infeasibility by the penalty
 *
 *   P = sum_d pi_d max(0, L_d - C_d) / C_d
 *
 * (C_d replaced by 1 when it is 0; the weights pi_d start at 1) and runs:
 *
 * 1. Completion: every rejected class, in index order, takes the item that
 *    raises P least, ties broken by the smallest aggregate normalised weight
 *    sum_d w_d / C_d (the aggregate-resource rule of the MMKP literature),
 *    then by the lowest index, among items whose resource is free; when
 *    every resource of its items is held, the holder of one moves to its
 *    best free item (an ejection chain of length 2). A class with no item
 *    at all fails the repair.
 * 2. Sweeps: each sweep visits the classes in index order and gives each
 *    the change that lowers P most per unit of value lost (a change that
 *    lowers P and raises the value first): another item of the class, or,
 *    when that item's resource is held, a swap of the two classes'
 *    resources (the paper's row swap). When a whole sweep finds no change
 *    that lowers P, the weights pi_d of the exceeded dimensions grow by 1
 *    (a breakout, so the search leaves the local minimum). The repair
 *    succeeds when no capacity is exceeded and stops after
 *    MAX_REPAIR_SWEEPS sweeps or at the deadline.
 *
 * Every step is deterministic (no random draw). Cost: one pass over the
 * items per sweep, O(items m).
 */
class MmkpFeasibilityRepair
{
  public:
    /// Sweeps after which the repair gives up.
    static constexpr uint32_t MAX_REPAIR_SWEEPS = 200;
    /// Passes of Upgrade at most.
    static constexpr uint32_t MAX_UPGRADE_PASSES = 50;
    /// Largest q^2 n for which BuildFromScratch solves matchings.
    static constexpr double MATCHING_MAX_WORK = 2e8;
    /// Weighted matchings solved by BuildFromScratch at most.
    static constexpr uint32_t MATCHING_ROUNDS = 30;
    /// Repair sweeps after each matching.
    static constexpr uint32_t MATCHING_REPAIR_SWEEPS = 20;
    /// Nodes of the last-resort depth-first search at most.
    static constexpr uint64_t BACKTRACK_MAX_NODES = 50000;

    /**
     * \brief The feasibility-first path of a heuristic whose own rule left a
     * MustAssignAll instance incomplete or infeasible: Repair() from the
     * state's assignment, else BuildFromScratch(); then Upgrade().
     * \param state the state (built with row moves, so that swaps of
     *        resources are available)
     * \param deadline the solve's deadline
     * \return whether the state now holds a feasible assignment
     */
    static bool MakeFeasible(MmkpSearchState& state, const SearchDeadline& deadline);

    /**
     * \param state the state to repair (its instance must outlive this object)
     * \param deadline the solve's deadline
     */
    MmkpFeasibilityRepair(MmkpSearchState& state, const SearchDeadline& deadline);

    /**
     * \brief Complete the state's assignment and repair it (steps 1 and 2).
     * \return whether every class is assigned and every capacity is met
     */
    bool Repair();

    /**
     * \brief A feasibility-aware construction from scratch, then the repair:
     *
     * - Disjoint resources (every item on a resource) and q^2 n at most
     *   MATCHING_MAX_WORK: Lagrangian-weighted matchings. The classes are
     *   matched to distinct resources at least aggregate weight
     *   sum_d pi_d w_d / C_d (SolveMinCostAssignment); the matching is
     *   repaired (at most MATCHING_REPAIR_SWEEPS sweeps); while it stays
     *   infeasible, the weights pi_d of the exceeded dimensions double and
     *   the matching is solved again (at most MATCHING_ROUNDS times). With
     *   one binding dimension the first matching decides: it is the least
     *   load any placement can have.
     * - Otherwise the aggregate-resource greedy: the classes, in decreasing
     *   order of their lightest item's aggregate normalised weight (the
     *   hardest first), are completed one by one (step 1), then repaired.
     *
     * When that fails, a last resort: a depth-first search over the classes
     * (hardest first, each class's items lightest first by aggregate
     * normalised weight) that prunes a partial assignment when its load plus
     * the remaining classes' least weight exceeds a capacity in some
     * dimension, and stops after BACKTRACK_MAX_NODES nodes or at the
     * deadline. On small instances it is complete: it finds a feasible
     * assignment whenever one exists.
     * \return whether the result is feasible
     */
    bool BuildFromScratch();

    /**
     * \brief Improve a feasible assignment: passes over the classes in
     * index order, each class taking the change of largest value gain that
     * keeps the assignment feasible (another item, or a swap of resources
     * with the holder of that item's resource), until a pass changes
     * nothing (at most MAX_UPGRADE_PASSES passes, or the deadline).
     */
    void Upgrade();

  private:
    /// \return the penalty of the current loads
    double CurrentPenalty() const;
    /**
     * \param move a move
     * \return the penalty of the loads after the move
     */
    double PenaltyAfter(const MmkpMove& move) const;
    /**
     * \param move a move
     * \return the change of the objective if it is applied
     */
    double ValueChange(const MmkpMove& move) const;
    /**
     * \param item an item \return its aggregate normalised weight
     */
    double AggregateWeight(int64_t item) const;
    /**
     * \brief The move that gives class cls the item: alone when the item's
     * resource is free; else with the holder moved back to the class's
     * current resource (a swap) or, when the class is rejected or that item
     * does not exist, to the holder's free item of least penalty.
     * \param cls the class \param item an item of it (not its current one)
     * \param[out] move the move
     * \return false when no such move exists
     */
    bool MakeChange(uint32_t cls, int64_t item, MmkpMove& move) const;
    /**
     * \brief Give a rejected class its item of least penalty (step 1).
     * \param cls the class
     * \return false when the class has no usable item
     */
    bool Complete(uint32_t cls);
    /// \return whether a sweep lowered the penalty (step 2)
    bool Sweep();
    /**
     * \brief Step 2 alone: sweeps with breakouts.
     * \param maxSweeps sweeps at most
     * \return whether no capacity is exceeded at the end
     */
    bool RunSweeps(uint32_t maxSweeps);
    /// \return whether the weighted matchings found a feasible assignment
    bool BuildByMatching();
    /// \return whether the aggregate-resource greedy and the repair succeeded
    bool BuildByAggregateWeight();
    /// \return whether the bounded depth-first search found a feasible assignment
    bool BuildByBacktracking();

    MmkpSearchState& m_state;           //!< the state
    const MmkpInstance& m_instance;     //!< its instance
    const SearchDeadline& m_deadline;   //!< the solve's deadline
    uint32_t m_dims;                    //!< number of dimensions
    std::vector<double> m_scale;        //!< per dimension, 1 / C_d (1 when C_d is 0)
    std::vector<double> m_weight;       //!< per dimension, pi_d
    mutable std::vector<double> m_load; //!< scratch: loads after a move
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_FEASIBILITY_REPAIR_H */
