/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TABU_TASK_SCHEDULER_H
#define EDGE_DML_TABU_TASK_SCHEDULER_H

#include "task-scheduler.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The paper's tabu search (the system model, "Task scheduling"), by default with an
 * extended neighbourhood (insert / replace / remove) beyond the paper.
 *
 * Starts from the greedy construction (BuildGreedyAssignment) on a class
 * order drawn exactly as GreedyTaskScheduler draws it, from this object's
 * first stream: with the same stream the start is the greedy result (with
 * SwapInsertRemove and EfficiencyStart, the better of it and a second
 * start, see below).
 *
 * <b>Paper's neighbourhood (Neighbourhood = Swap).</b> The solution is the
 * n x q assignment matrix X whose rows are the ES (see MmkpSearchState for
 * the rows of instances without disjoint resources: the item's index within
 * its class, rows not exclusive, so a row move only changes the item of one
 * task). A move swaps two rows i and i': the task on i goes to i' and the
 * task on i' (if any) to i; a move between an occupied and an idle row
 * relocates a task. Each iteration draws Candidates moves (an assigned task
 * uniformly, then a second row uniformly among the other rows; pairs of two
 * idle rows are never drawn, pairs of two busy rows are drawn twice as often
 * as busy/idle pairs), evaluates each in O(1) (values and weights of at most
 * four items), keeps the KeptCandidates best feasible ones, and applies the
 * best that is not tabu, or a tabu one that beats the best solution found
 * (aspiration). The row pair of an applied move is tabu for TabuTenure
 * iterations (n x n memory: a dense matrix for n <= 1024 rows, a hash map of
 * the recent moves beyond, so n = 10,000 needs no 400 MB). Swaps and
 * relocations never change the set of accepted tasks: on the paper's
 * instances the greedy start (highest value first, bandwidth ignored)
 * accepts about 19 of the optimum's 34 tasks, and this variant stays 21%
 * below the CBC optimum on average. With Swap the random sequence and the
 * result are exactly those of the paper-faithful implementation.
 *
 * <b>Extended neighbourhood (SwapInsertRemove, the default).</b> Valued
 * instances only (Strict instances use the paper's neighbourhood, so they
 * stay fully assigned). Each candidate is, with probability
 * InsertProbability, an insert of a rejected task (uniform) on an item drawn
 * uniformly from its insert list (the InsertItemsPerClass best items of
 * positive value by value per normalised weight, built once in O(items);
 * 0: any item) -- when that ES is held, its holder is rejected in exchange
 * (replace) --; with probability RemoveProbability the removal of an
 * assigned task; else a row swap as above. All are O(1) (O(m)) on
 * MmkpSearchState. Tabu memory of the new moves is per task: a removed or
 * ejected task may not be inserted, an inserted task not removed, for
 * ClassTabuTenure iterations; aspiration as above. Candidates are ranked by
 * their objective change plus FreeCapacityBonus x mean |value| x the
 * capacity they free (sum over dimensions of load decrease / capacity), so
 * that among near-equal moves the search prefers compact solutions that
 * leave room for more tasks; the best solution is always judged by the true
 * objective. Every FillIntervalIterations iterations, after the move, each
 * non-tabu rejected task takes the first item of its insert list that fits
 * (greedy fill, O(rejected x InsertItemsPerClass)). Defaults were tuned on
 * the edge-dml-paper instances (2 instances, q = 10..76 step 6, B = 10..80
 * MHz): mean gap to the CBC optimum 1.73% (worst 5.0%) against 21.1% for
 * Swap; the free-capacity bonus took it from 1.89% to 1.73%, the insert
 * lists and fill from 2.65% to 1.9%.
 *
 * Three further extended-only steps: (a) make room: an insert on a free ES
 * that exceeds a capacity ejects the best feasible of MakeRoomTries
 * uniformly drawn assigned tasks (a 2-change move, tabu as a replace);
 * (b) EfficiencyStart: a second start taking all insert-list items by
 * decreasing value per normalised weight when their task is open and they
 * fit; the search starts from the better of the two starts (so still never
 * worse than the greedy start); (c) every RestartStallIterations iterations
 * without a new best the search resumes from the best solution, and it stops
 * after MaxStallRestarts such returns in a row. Measured with the stock
 * check (edge-dml-paper --algorithms=Tabu --instances=2 --taskStep=6): mean
 * gap 0.80% (worst 2.8%), 11 ms per solve on a loaded 2-core machine,
 * against 19.8% (worst 51%), 8.5 ms for Swap. The gap depends strongly on the
 * stream: with other streams on the same instances the same defaults gave
 * 0.74% and 2.48% (worst 9.9%): the 1% target holds on average
 * in the benchmark (0.74%) and the paper run (0.84%), but not for every
 * stream. At 10,000 ES x 5,000 tasks the efficiency start accepts every task
 * (the greedy start about 3,000); a run took 1.1 s unloaded, 2.4-3 s on a
 * loaded machine (the insert lists scan all 5e7 items).
 *
 * The search stops after MaxIterations iterations, or MaxStallIterations
 * iterations without a new best (0 disables that). The best solution seen is
 * returned, so the result is never worse than the greedy start. Status
 * FEASIBLE, or NO_SOLUTION_FOUND when the greedy start of a Strict instance
 * fails. Uses two random streams (class order, moves).
 */
class TabuTaskScheduler : public TaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// The candidate moves.
    enum Neighbourhood
    {
        SWAP,              //!< the paper's: row swaps and relocations only
        SWAP_INSERT_REMOVE //!< also inserts (replaces) and removals, Valued only
    };

    TabuTaskScheduler();
    ~TabuTaskScheduler() override;

  private:
    Result DoSchedule(const MmkpInstance& instance) override;
    int64_t DoAssignStreams(int64_t stream) override;

    Ptr<UniformRandomVariable> m_orderRng; //!< draws the greedy class order
    Ptr<UniformRandomVariable> m_moveRng;  //!< draws the candidate moves
    uint32_t m_candidates;                 //!< candidate moves drawn per iteration (paper: r = 50)
    uint32_t m_keptCandidates;             //!< best feasible candidates kept (paper: 25)
    uint32_t m_tabuTenure;                 //!< iterations a row pair stays tabu
    uint32_t m_maxIterations;              //!< iteration limit
    uint32_t m_maxStallIterations;         //!< stop after this many without a new best (0: off)
    Neighbourhood m_neighbourhood;         //!< candidate moves
    double m_insertProbability;            //!< share of insert candidates (extended only)
    double m_removeProbability;            //!< share of remove candidates (extended only)
    double m_freeCapacityBonus;            //!< ranking bonus per freed capacity (extended only)
    uint32_t m_insertItemsPerClass;        //!< size of each class's insert list (0: all items)
    uint32_t m_fillInterval;               //!< iterations between greedy fills (0: never)
    uint32_t m_classTabuTenure;            //!< iterations of the insert / remove memory
    uint32_t m_makeRoomTries;              //!< ejections tried by a make-room insert (0: none)
    bool m_efficiencyStart;                //!< also start from the efficiency greedy
    uint32_t m_maxStallRestarts;           //!< stop after this many fruitless returns (0: never)
    uint32_t m_restartStall; //!< stall iterations between returns to the best (0: never)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TABU_TASK_SCHEDULER_H */
