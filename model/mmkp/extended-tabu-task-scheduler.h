/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_EXTENDED_TABU_TASK_SCHEDULER_H
#define EDGE_DML_EXTENDED_TABU_TASK_SCHEDULER_H

#include "mmkp-move-sampler.h"
#include "neighbourhood-search-task-scheduler.h"
#include "tabu-memory.h"

#include <memory>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Our extended tabu search (beyond the paper); short name
 * ExtendedTabu.
 *
 * The paper's tabu (TabuTaskScheduler: greedy start, row swaps, Candidates
 * drawn and KeptCandidates kept per iteration, n x n tabu memory,
 * aspiration) with a larger neighbourhood and more steps, all ours:
 *
 * <b>Valued instances.</b> Each candidate is, with probability
 * InsertProbability, an insert of a rejected task (uniform) on an item
 * drawn uniformly from its insert list (the InsertItemsPerClass best items
 * of positive value by value per normalised weight, see MmkpMoveSampler;
 * 0: any item) -- when that ES is held, its holder is rejected in exchange
 * (replace) --; with probability RemoveProbability the removal of an
 * assigned task; else a row swap. All are O(1) (O(m)) on MmkpSearchState.
 * An insert on a free ES that exceeds a capacity ejects the best feasible
 * of MakeRoomTries uniformly drawn assigned tasks (make room). Tabu memory
 * of the new moves is per task: a removed or ejected task may not be
 * inserted, an inserted task not removed, for ClassTabuTenure iterations;
 * aspiration as in the paper. Candidates are ranked by their objective
 * change plus FreeCapacityBonus x mean |value| x the capacity they free
 * (sum over dimensions of load decrease / capacity), so that among
 * near-equal moves the search prefers compact solutions; the best solution
 * is always judged by the true objective. Every FillIntervalIterations
 * iterations, after the move, each non-tabu rejected task takes the first
 * item of its insert list that fits (greedy fill). With EfficiencyStart a
 * second start takes all insert-list items by decreasing value per
 * normalised weight when their task is open and they fit; the search starts
 * from the better of the two starts. Every RestartStallIterations
 * iterations without a new best the search resumes from the best solution,
 * and it stops after MaxStallRestarts such returns in a row. Defaults were
 * tuned on the edge-dml-paper instances.
 *
 * <b>Strict instances</b> (every task placed): the paper's row swaps only,
 * starting from the feasibility-first start when the greedy fails.
 *
 * The search stops after MaxIterations iterations, or MaxStallIterations
 * without a new best (0: off). Restart rounds (Restarts, TimeLimitS) start
 * from the best solution after PerturbationMoves random feasible moves,
 * with new tabu memories. Uses two random streams (class order, moves).
 */
class ExtendedTabuTaskScheduler : public NeighbourhoodSearchTaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ExtendedTabuTaskScheduler();
    ~ExtendedTabuTaskScheduler() override;

  private:
    /// Kind of a candidate move.
    enum class MoveKind : uint8_t
    {
        SWAP,   //!< swap of two rows (the paper's), or relocation to an idle row
        INSERT, //!< a rejected task to one of its items; the ES holder, if any, rejected
        REMOVE  //!< an assigned task rejected
    };

    /// A candidate move with its objective change and tabu attributes.
    struct Candidate
    {
        MmkpMove move;  //!< the move
        double delta;   //!< objective change (-infinity for a move that leaves a capacity
                        //!< exceeded: it cannot aspire)
        double score;   //!< ranking: delta plus the free-capacity bonus, or minus the
                        //!< penalty change (Strict)
        MoveKind kind;  //!< kind of move
        uint32_t a;     //!< SWAP: row of the moved task; INSERT, REMOVE: the task
        uint32_t b;     //!< SWAP: the other row; INSERT: the ejected task or NO_CLASS
        uint32_t index; //!< draw index (deterministic tie-break)
    };

    /// What one solve prepares.
    struct Solve
    {
        bool extended{false};                //!< inserts and removals (Valued) or swaps only
        bool penalised{false};               //!< Strict: capacities as a penalty (oscillation)
        std::vector<double> unitPenalty;     //!< Strict: penalty per unit of excess, per dimension
        uint32_t infeasibleRun{0};           //!< Strict: infeasible iterations in a row
        double pInsert{0.0};                 //!< insert share of the candidates
        double pRemove{0.0};                 //!< remove share of the candidates
        double bonusScale{0.0};              //!< free-capacity ranking bonus per unit freed
        bool fill{false};                    //!< whether the greedy fill runs
        std::vector<double> inverseCapacity; //!< per dimension, 1 / C_d (0 for C_d = 0)
        std::vector<uint64_t> insertTabuUntil;    //!< per task: first iteration it may be inserted
        std::vector<uint64_t> removeTabuUntil;    //!< per task: first iteration it may be removed
        std::unique_ptr<MmkpMoveSampler> sampler; //!< the insert lists and move draws
    };

    void BeginSolve(MmkpSearchState& state,
                    Incumbent& best,
                    const SearchDeadline& deadline) override;
    void Search(MmkpSearchState& state, Incumbent& best, const SearchDeadline& deadline) override;
    void Diversify(MmkpSearchState& state, uint32_t round) override;
    void EndSolve() override;

    /**
     * \brief The second start (EfficiencyStart): every insert-list item by
     * decreasing value per normalised weight, taken when its task is open
     * and it fits; kept when better than the greedy start.
     * \param state the state \param best the incumbent
     */
    void TryEfficiencyStart(MmkpSearchState& state, Incumbent& best);

    /**
     * \brief Draw one candidate move.
     * \param state the state
     * \param[out] cand the candidate (move, kind, a, b)
     * \return false when the draw gives no move
     */
    bool DrawCandidate(const MmkpSearchState& state, Candidate& cand) const;

    /**
     * \brief Turn an insert that exceeds a capacity into a make-room move.
     * \param state the state \param[in,out] cand the insert candidate
     * \return false when no drawn ejection makes it feasible
     */
    bool MakeRoom(const MmkpSearchState& state, Candidate& cand) const;

    /**
     * \brief Strict instances: the penalty per unit of excess, from the
     * Lagrange multipliers of the capacities.
     * \param state the state, holding the start
     */
    void PriceCapacities(const MmkpSearchState& state);

    /**
     * \brief Score a drawn candidate (objective change, penalty in Strict).
     * \param state the state \param penalty the current penalty (Strict)
     * \param repairing only moves that lower the penalty qualify (Strict)
     * \param[in,out] cand the candidate
     * \return whether it qualifies
     */
    bool Score(const MmkpSearchState& state, double penalty, bool repairing, Candidate& cand) const;

    /**
     * \param cand a candidate \param iteration the current iteration
     * \param tabu the row-pair memory
     * \return whether the candidate is tabu
     */
    bool IsTabu(const Candidate& cand, uint64_t iteration, const TabuMemory& tabu) const;

    /**
     * \brief Apply the chosen move and record it in the tabu memories.
     * \param state the state \param cand the move \param iteration the iteration
     * \param tabu the row-pair memory
     */
    void ApplyChosen(MmkpSearchState& state,
                     const Candidate& cand,
                     uint64_t iteration,
                     TabuMemory& tabu);

    /**
     * \brief The greedy fill: each non-tabu rejected task takes the first
     * item of its insert list that fits.
     * \param state the state \param iteration the iteration
     */
    void Fill(MmkpSearchState& state, uint64_t iteration);

    uint32_t m_candidates;          //!< candidate moves drawn per iteration (paper: r = 50)
    uint32_t m_keptCandidates;      //!< best feasible candidates kept (paper: 25)
    uint32_t m_tabuTenure;          //!< iterations a row pair stays tabu
    uint32_t m_maxIterations;       //!< iteration limit
    uint32_t m_maxStallIterations;  //!< stop after this many without a new best (0: off)
    double m_insertProbability;     //!< share of insert candidates
    double m_removeProbability;     //!< share of remove candidates
    double m_freeCapacityBonus;     //!< ranking bonus per freed capacity
    uint32_t m_insertItemsPerClass; //!< size of each class's insert list (0: all items)
    uint32_t m_fillInterval;        //!< iterations between greedy fills (0: never)
    uint32_t m_classTabuTenure;     //!< iterations of the insert / remove memory
    uint32_t m_makeRoomTries;       //!< ejections tried by a make-room insert (0: none)
    bool m_efficiencyStart;         //!< also start from the efficiency greedy
    uint32_t m_maxStallRestarts;    //!< stop after this many fruitless returns (0: never)
    uint32_t m_restartStall;        //!< stall iterations between returns to the best (0: never)
    uint32_t m_perturbationMoves;   //!< random moves before a restart round
    uint32_t m_priceIterations;     //!< Strict: subgradient updates pricing the capacities
    uint32_t m_maxInfeasible;       //!< Strict: infeasible iterations before the way back
    Solve m_solve;                  //!< what the current solve prepared
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_EXTENDED_TABU_TASK_SCHEDULER_H */
