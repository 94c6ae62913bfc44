/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LOCAL_SEARCH_TASK_SCHEDULER_H
#define EDGE_DML_LOCAL_SEARCH_TASK_SCHEDULER_H

#include "anytime-task-scheduler.h"

#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Lagrangian-guided iterated local search for the MMKP (our own
 * design, beyond the paper).
 *
 * 1. Candidates: per class the items that fit the capacities alone (and, in
 *    the Valued preset, have a positive value: an item of value <= 0 is never
 *    worth choosing). When a class has more than CandidatesPerClass of them,
 *    only the best are kept (selected in one pass over the class's items
 *    by a threshold that rejects most items with one comparison, no sort
 *    of the class): the union of the best by value per normalised weight
 *    (value / sum_d w_d / C_d) and the best by value (first round) or by value minus priced weight
 * minus resource price (after a first round of multiplier updates). Only the search is restricted;
 * the reported bound covers all items.
 * 2. Prices: subgradient optimisation of the Lagrangian relaxation of the
 *    capacities and of the resource disjointness (see
 *    ComputeLagrangianBound), with Polyak steps towards the best assignment
 *    found so far. The smallest value found is a valid upper bound, returned
 *    in Result.upperBound.
 * 3. Construction: a greedy by value per normalised weight over the
 *    candidates, and, every ConstructionInterval multiplier updates, a greedy
 *    by value - prices . weight (with and without resource prices). Each
 *    takes every candidate whose class is open, whose resource is free and
 *    which fits. The best assignment seeds the search.
 * 4. Matching phase (MatchingIterations bisection steps on a scaling t of
 *    the capacity prices): the resource assignment maximising
 *    value - t prices . weight with capacities relaxed, by the Hungarian
 *    method when classes x max(classes, resources) <= MatchingMaxCells,
 *    else by a greedy matching in decreasing reduced value; it is loaded
 *    greedily under the capacities and improved by local search.
 * 5. Local search to a local optimum (passes over all classes, best
 *    improvement per class) with the moves insert, relocate (another item of
 *    the same class on a free resource), swap (two classes exchange
 *    resources), replace (a rejected class takes the place of an assigned
 *    one), eject (a rejected class takes the resource of an assigned class,
 *    which relocates) and make-room (a rejected class's best free candidate
 *    enters by evicting one of the EvictionScanClasses cheapest assigned
 *    classes), each evaluated in O(1) from the loads, resource owners and
 *    objective; candidate lists are scanned by decreasing value with early
 *    exits, and (class, resource) lookups use a dense table up to
 *    DenseTableMaxCells, else binary search.
 * 6. Iterated local search: Iterations rounds of perturbation (force a random
 *    rejected candidate in, evicting classes at random until it fits, or
 *    evict PerturbationStrength random classes when none is rejected), local
 *    search, and acceptance of equal or better assignments (else back to the
 *    best). It stops early when the assignment meets the bound (then proven
 *    optimal). Work is bounded by iteration counts and MaxMoveEvaluations,
 *    never by wall time, so one seed and stream give one result.
 * 7. Size-adaptive effort (WorkBudget, in candidate visits, default 5e6: at 10,000 x 5,000 it cut
 * the solve from 4.0 s to 2.0 s and the objective by 0.007% against 1e7): steps 2 to 6 count their
 * work (one visit per candidate per multiplier update or local-search pass, 8 per candidate per
 * sorted construction, one per item for the re-ranking, one per evaluated move) and each optional
 * phase starts only while the count is below its share of the budget (30% updates and
 * constructions, 45% re-ranking, 75% matching, 100% local search and perturbations). The efficiency
 * greedy seed and one local-search pass always run. Paper-size instances (n = 80) stay far below
 * the default budget, so their search is unchanged; at 10,000 x 5,000 about half of the run is
 * outside the budget: building the candidate lists (two scans of all items, the first and the
 * re-ranking) and the final bound over all items (a third scan).
 *
 * Strict preset (MustAssignAll): the search maximises the number of assigned
 * classes first (each assignment is worth a constant larger than any value
 * range), then the value; if not every class is placed at the end the result
 * is NO_SOLUTION_FOUND (INFEASIBLE when some class has no item that fits).
 */
class LocalSearchTaskScheduler : public AnytimeTaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalSearchTaskScheduler();
    ~LocalSearchTaskScheduler() override;

  protected:
    void DoDispose() override;

  private:
    struct Settings;
    class Solve;

    Result DoSchedule(const MmkpInstance& instance) override;
    int64_t DoAssignStreams(int64_t stream) override;

    uint32_t m_candidatesPerClass;   //!< candidates kept per class (0: all)
    uint32_t m_lagrangianIterations; //!< multiplier updates
    double m_lagrangianStepScale;    //!< initial Polyak step factor
    uint32_t m_lagrangianPatience;   //!< updates without progress before halving the step
    uint32_t m_constructionInterval; //!< multiplier updates between greedy constructions
    uint32_t m_matchingIterations;   //!< price scalings of the matching phase
    uint64_t m_matchingMaxCells;     //!< size limit of the Hungarian matching
    uint64_t m_denseMaxCells;        //!< size limit of the dense (class, resource) table
    uint32_t m_iterations;           //!< perturbation rounds of the iterated local search
    uint32_t m_perturbationStrength; //!< classes evicted by a perturbation
    uint32_t m_replaceCandidates;    //!< best candidates per rejected class tried by replace/eject
    uint32_t m_evictScan;            //!< assigned classes tried by the make-room move
    uint64_t m_maxMoveEvaluations;   //!< cap on evaluated moves over the whole search
    uint64_t m_workBudget;           //!< size-adaptive effort in candidate visits (0: unlimited)
    uint32_t m_roundIterations;      //!< oscillation iterations per restart round
    uint32_t m_roundPerturbation;    //!< random changes before a round after a fruitless one
    uint32_t m_boundIterations;      //!< subgradient updates before the first round
    double m_penaltyWeight;          //!< excess penalty relative to the capacity prices
    uint32_t m_maxInfeasibleIterations;  //!< infeasible iterations before the way back
    Ptr<UniformRandomVariable> m_random; //!< perturbation choices
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LOCAL_SEARCH_TASK_SCHEDULER_H */
