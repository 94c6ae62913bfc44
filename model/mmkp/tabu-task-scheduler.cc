/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tabu-task-scheduler.h"

#include "greedy-task-scheduler.h"
#include "mmkp-search-state.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("TabuTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(TabuTaskScheduler);

namespace
{

/// Largest number of rows for which the tabu memory is a dense n x n matrix.
constexpr uint32_t DENSE_TABU_ROWS = 1024;

/**
 * The n x n tabu memory: per unordered row pair, the first iteration at which
 * it is no longer tabu. Dense for moderate n, a hash map of recent moves
 * (purged of expired entries) for large n.
 */
class TabuMemory
{
  public:
    /// \param rows number of rows n
    explicit TabuMemory(uint32_t rows)
        : m_rows(rows)
    {
        if (rows <= DENSE_TABU_ROWS)
        {
            m_dense.assign(static_cast<std::size_t>(rows) * rows, 0);
        }
    }

    /// \param a a row \param b another row \param iteration the current iteration
    /// \return whether the pair is tabu at that iteration
    bool IsTabu(uint32_t a, uint32_t b, uint64_t iteration) const
    {
        const uint64_t key = Key(a, b);
        if (!m_dense.empty())
        {
            return m_dense[key] > iteration;
        }
        auto it = m_sparse.find(key);
        return it != m_sparse.end() && it->second > iteration;
    }

    /// \param a a row \param b another row \param until first iteration it is free again
    /// \param now the current iteration
    void Set(uint32_t a, uint32_t b, uint64_t until, uint64_t now)
    {
        const uint64_t key = Key(a, b);
        if (!m_dense.empty())
        {
            m_dense[key] = static_cast<uint32_t>(std::min<uint64_t>(until, UINT32_MAX));
            return;
        }
        if (m_sparse.size() >= m_purgeAt)
        {
            for (auto it = m_sparse.begin(); it != m_sparse.end();)
            {
                it = it->second <= now ? m_sparse.erase(it) : std::next(it);
            }
            m_purgeAt = std::max<std::size_t>(64, 2 * m_sparse.size());
        }
        m_sparse[key] = until;
    }

  private:
    /// \param a a row \param b another row \return the key of the unordered pair
    uint64_t Key(uint32_t a, uint32_t b) const
    {
        return a < b ? static_cast<uint64_t>(a) * m_rows + b
                     : static_cast<uint64_t>(b) * m_rows + a;
    }

    uint32_t m_rows;                                 //!< number of rows
    std::vector<uint32_t> m_dense;                   //!< dense matrix, row-major
    std::unordered_map<uint64_t, uint64_t> m_sparse; //!< recent moves
    std::size_t m_purgeAt{64};                       //!< map size that triggers a purge
};

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
    double delta;   //!< objective change
    double score;   //!< ranking: delta plus the free-capacity bonus
    MoveKind kind;  //!< kind of move
    uint32_t a;     //!< SWAP: row of the moved task; INSERT, REMOVE: the task
    uint32_t b;     //!< SWAP: the other row; INSERT: the ejected task or UINT32_MAX
    uint32_t index; //!< draw index (deterministic tie-break)
};

/// No ejected task in an INSERT candidate.
constexpr uint32_t NO_CLASS = UINT32_MAX;

/**
 * Capacity a move frees: the sum over the dimensions of the load decrease
 * divided by the capacity (negative when the move adds load). O(m).
 * \param state the state \param move the move
 * \param inverseCapacity per dimension, 1 / capacity (0 for a zero capacity)
 * \return the freed capacity
 */
double
FreedCapacity(const MmkpSearchState& state,
              const MmkpMove& move,
              const std::vector<double>& inverseCapacity)
{
    const MmkpInstance& instance = state.GetInstance();
    const uint32_t dims = instance.GetNumDimensions();
    double freed = 0.0;
    for (uint32_t k = 0; k < move.count; ++k)
    {
        const int64_t from = state.GetItem(move.cls[k]);
        if (from != MmkpInstance::REJECTED)
        {
            const double* w = instance.GetWeights(from);
            for (uint32_t d = 0; d < dims; ++d)
            {
                freed += w[d] * inverseCapacity[d];
            }
        }
        if (move.to[k] != MmkpInstance::REJECTED)
        {
            const double* w = instance.GetWeights(move.to[k]);
            for (uint32_t d = 0; d < dims; ++d)
            {
                freed -= w[d] * inverseCapacity[d];
            }
        }
    }
    return freed;
}

/**
 * Per class, its best items of positive value by value per normalised weight
 * value / sum_d w_d / C_d (an item of zero normalised weight ranks first).
 * O(items) overall. The result lists the items of class j in
 * list[start[j] .. start[j + 1]).
 * \param instance the instance
 * \param inverseCapacity per dimension, 1 / capacity (0 for a zero capacity)
 * \param perClass the number of items kept per class
 * \param[out] list the items
 * \param[out] start the class offsets into list (size classes + 1)
 */
void
BuildInsertLists(const MmkpInstance& instance,
                 const std::vector<double>& inverseCapacity,
                 uint32_t perClass,
                 std::vector<int64_t>& list,
                 std::vector<uint32_t>& start)
{
    const uint32_t classes = instance.GetNumClasses();
    const uint32_t dims = instance.GetNumDimensions();
    start.assign(classes + 1, 0);
    list.clear();
    std::vector<std::pair<double, int64_t>> scored;
    for (uint32_t j = 0; j < classes; ++j)
    {
        scored.clear();
        const int64_t first = instance.GetFirstItem(j);
        for (uint32_t k = 0; k < instance.GetNumItems(j); ++k)
        {
            const int64_t item = first + k;
            const double value = instance.GetValue(item);
            if (value <= 0.0)
            {
                continue;
            }
            const double* w = instance.GetWeights(item);
            double norm = 0.0;
            for (uint32_t d = 0; d < dims; ++d)
            {
                norm += w[d] * inverseCapacity[d];
            }
            scored.emplace_back(norm > 0.0 ? value / norm : std::numeric_limits<double>::max(),
                                item);
        }
        if (scored.size() > perClass)
        {
            // Ties by item index keep the selection deterministic.
            std::nth_element(scored.begin(),
                             scored.begin() + perClass,
                             scored.end(),
                             [](const auto& x, const auto& y) {
                                 return x.first > y.first ||
                                        (x.first == y.first && x.second < y.second);
                             });
            scored.resize(perClass);
        }
        std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) {
            return x.first > y.first || (x.first == y.first && x.second < y.second);
        });
        for (const auto& entry : scored)
        {
            list.push_back(entry.second);
        }
        start[j + 1] = static_cast<uint32_t>(list.size());
    }
}

} // namespace

TypeId
TabuTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::TabuTaskScheduler")
            .SetParent<TaskScheduler>()
            .SetGroupName("EdgeDml")
            .AddConstructor<TabuTaskScheduler>()
            .AddAttribute("Candidates",
                          "Candidate moves drawn per iteration (the paper's r = 50).",
                          UintegerValue(50),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_candidates),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("KeptCandidates",
                          "Best feasible candidates kept per iteration (the paper's 25).",
                          UintegerValue(25),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_keptCandidates),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("TabuTenure",
                          "Iterations during which a swapped row pair is tabu (the paper gives "
                          "no value; 10).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_tabuTenure),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxIterations",
                          "Number of iterations (the paper gives no value; 1000).",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_maxIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxStallIterations",
                          "Stop after this many iterations without a new best solution (0: "
                          "only MaxIterations stops).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_maxStallIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Neighbourhood",
                          "Candidate moves: Swap (the paper's: row swaps and relocations "
                          "only, the set of accepted tasks never changes) or SwapInsertRemove "
                          "(also inserts of rejected tasks, ejecting the holder of the chosen "
                          "ES, and removals; Valued instances only).",
                          EnumValue(TabuTaskScheduler::SWAP_INSERT_REMOVE),
                          MakeEnumAccessor(&TabuTaskScheduler::m_neighbourhood),
                          MakeEnumChecker(TabuTaskScheduler::SWAP,
                                          "Swap",
                                          TabuTaskScheduler::SWAP_INSERT_REMOVE,
                                          "SwapInsertRemove"))
            .AddAttribute("InsertProbability",
                          "With SwapInsertRemove: probability that a candidate is an insert "
                          "(or replace) of a rejected task (dimensionless).",
                          DoubleValue(0.4),
                          MakeDoubleAccessor(&TabuTaskScheduler::m_insertProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("RemoveProbability",
                          "With SwapInsertRemove: probability that a candidate is the removal "
                          "of an assigned task (dimensionless).",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&TabuTaskScheduler::m_removeProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("FreeCapacityBonus",
                          "With SwapInsertRemove: candidates are ranked by their objective "
                          "change plus this factor times the mean |value| of the items times "
                          "the capacity they free, summed over the dimensions as fractions of "
                          "each capacity (dimensionless; 0: rank by the objective change).",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&TabuTaskScheduler::m_freeCapacityBonus),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("InsertItemsPerClass",
                          "With SwapInsertRemove: an insert draws its item among the class's "
                          "InsertItemsPerClass best items of positive value by value per "
                          "normalised weight (value / sum_d w_d / C_d); 0: any item of the "
                          "class uniformly.",
                          UintegerValue(16),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_insertItemsPerClass),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("FillIntervalIterations",
                          "With SwapInsertRemove and insert lists: every this many iterations, "
                          "after the move, each rejected task that is not tabu takes the first "
                          "item of its insert list that fits the free capacity and a free ES "
                          "(0: never).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_fillInterval),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ClassTabuTenure",
                          "With SwapInsertRemove: iterations during which a removed (or "
                          "ejected) task may not be inserted again and an inserted task may "
                          "not be removed.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_classTabuTenure),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MakeRoomTries",
                          "With SwapInsertRemove: when an insert on a free ES exceeds a "
                          "capacity, this many assigned tasks are drawn uniformly and the "
                          "insert ejecting the best feasible one of them is the candidate "
                          "(make room; 0: the infeasible insert is dropped).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_makeRoomTries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("EfficiencyStart",
                          "With SwapInsertRemove and insert lists: also build a second start "
                          "(all insert-list items by decreasing value per normalised weight, "
                          "each taken when its task is open and it fits) and search from the "
                          "better of it and the greedy start.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TabuTaskScheduler::m_efficiencyStart),
                          MakeBooleanChecker())
            .AddAttribute("RestartStallIterations",
                          "With SwapInsertRemove: after every this many iterations without a "
                          "new best solution, the search resumes from the best solution "
                          "(0: never).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_restartStall),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxStallRestarts",
                          "With SwapInsertRemove and RestartStallIterations > 0: stop when "
                          "this many returns to the best solution in a row found no new best "
                          "(0: only MaxIterations and MaxStallIterations stop).",
                          UintegerValue(30),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_maxStallRestarts),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

TabuTaskScheduler::TabuTaskScheduler()
    : m_orderRng(CreateObject<UniformRandomVariable>()),
      m_moveRng(CreateObject<UniformRandomVariable>())
{
}

TabuTaskScheduler::~TabuTaskScheduler() = default;

TaskScheduler::Result
TabuTaskScheduler::DoSchedule(const MmkpInstance& instance)
{
    Result result;
    MmkpSearchState state(instance);
    if (!BuildGreedyAssignment(state, DrawRandomClassOrder(instance.GetNumClasses(), m_orderRng)))
    {
        result.status = SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    result.status = SolveStatus::FEASIBLE;
    result.assignment = state.GetAssignment();
    double bestObjective = state.GetObjective();
    const uint32_t rows = state.GetNumRows();

    const bool extended = m_neighbourhood == SWAP_INSERT_REMOVE && !instance.MustAssignAll();
    NS_ABORT_MSG_IF(extended && m_insertProbability + m_removeProbability > 1.0,
                    "TabuTaskScheduler: InsertProbability + RemoveProbability = "
                        << m_insertProbability + m_removeProbability << " exceeds 1");
    const double pInsert = extended ? m_insertProbability : 0.0;
    const double pRemove = extended ? m_removeProbability : 0.0;
    if ((state.GetNumAssigned() == 0 || rows < 2) && !extended)
    {
        return result;
    }

    TabuMemory tabu(rows);
    // Class-level memory of the insert / remove moves: the first iteration at
    // which a task may be inserted again (after its removal or ejection),
    // respectively removed again (after its insertion).
    std::vector<uint64_t> insertTabuUntil;
    std::vector<uint64_t> removeTabuUntil;
    if (extended)
    {
        insertTabuUntil.assign(instance.GetNumClasses(), 0);
        removeTabuUntil.assign(instance.GetNumClasses(), 0);
    }
    // Ranking bonus for freed capacity (0 in the paper's neighbourhood).
    const double bonusScale = extended ? m_freeCapacityBonus * state.GetMeanAbsValue() : 0.0;
    std::vector<double> inverseCapacity(instance.GetNumDimensions(), 0.0);
    for (uint32_t d = 0; d < instance.GetNumDimensions(); ++d)
    {
        const double cap = instance.GetCapacity(d);
        inverseCapacity[d] = cap > 0.0 ? 1.0 / cap : 0.0;
    }
    // Insert lists: per class its best InsertItemsPerClass items of positive
    // value by value per normalised weight (one pass, nth_element per class).
    std::vector<int64_t> insertList;
    std::vector<uint32_t> insertListStart;
    if (extended && m_insertItemsPerClass > 0)
    {
        BuildInsertLists(instance,
                         inverseCapacity,
                         m_insertItemsPerClass,
                         insertList,
                         insertListStart);
    }
    const bool fill = extended && m_insertItemsPerClass > 0 && m_fillInterval > 0;
    if (extended && m_insertItemsPerClass > 0 && m_efficiencyStart)
    {
        // Second start: all insert-list items by decreasing value per
        // normalised weight, each taken when its task is open and it fits.
        // The search starts from the better of the two starts.
        std::vector<std::pair<double, int64_t>> order;
        order.reserve(insertList.size());
        for (const int64_t item : insertList)
        {
            const double* w = instance.GetWeights(item);
            double norm = 0.0;
            for (uint32_t d = 0; d < instance.GetNumDimensions(); ++d)
            {
                norm += w[d] * inverseCapacity[d];
            }
            order.emplace_back(norm > 0.0 ? instance.GetValue(item) / norm
                                          : std::numeric_limits<double>::max(),
                               item);
        }
        std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
            return x.first > y.first || (x.first == y.first && x.second < y.second);
        });
        state.Clear();
        for (const auto& entry : order)
        {
            const uint32_t cls = instance.GetClassOf(entry.second);
            if (state.GetItem(cls) == MmkpInstance::REJECTED && state.CanAdd(entry.second))
            {
                MmkpMove add;
                add.cls[0] = cls;
                add.to[0] = entry.second;
                add.count = 1;
                state.Apply(add);
            }
        }
        const double margin = 1e-9 * (1.0 + std::abs(bestObjective));
        if (state.GetObjective() > bestObjective + margin)
        {
            bestObjective = state.GetObjective();
            result.assignment = state.GetAssignment();
        }
        else
        {
            state.SetAssignment(result.assignment);
        }
    }
    std::vector<uint32_t> rejected;
    std::vector<Candidate> candidates;
    candidates.reserve(m_candidates);
    uint32_t stall = 0;
    for (uint64_t iteration = 1; iteration <= m_maxIterations; ++iteration)
    {
        candidates.clear();
        for (uint32_t c = 0; c < m_candidates; ++c)
        {
            Candidate cand;
            cand.index = c;
            // The swap-only neighbourhood draws no kind: its random sequence
            // is the paper-faithful tabu's.
            const double u = extended ? m_moveRng->GetValue() : 1.0;
            if (u < pInsert)
            {
                if (state.GetNumRejected() == 0)
                {
                    continue;
                }
                const uint32_t cls =
                    state.GetRejectedClass(m_moveRng->GetInteger(0, state.GetNumRejected() - 1));
                int64_t item;
                if (m_insertItemsPerClass > 0)
                {
                    const uint32_t first = insertListStart[cls];
                    const uint32_t items = insertListStart[cls + 1] - first;
                    if (items == 0)
                    {
                        continue;
                    }
                    item = insertList[first + m_moveRng->GetInteger(0, items - 1)];
                }
                else
                {
                    const uint32_t items = instance.GetNumItems(cls);
                    if (items == 0)
                    {
                        continue;
                    }
                    item = instance.GetFirstItem(cls) + m_moveRng->GetInteger(0, items - 1);
                }
                cand.kind = MoveKind::INSERT;
                cand.a = cls;
                cand.b = NO_CLASS;
                cand.move.cls[0] = cls;
                cand.move.to[0] = item;
                cand.move.count = 1;
                if (state.UsesResourceRows())
                {
                    // Replace: the holder of the item's ES is rejected in exchange.
                    const int64_t holder = state.GetRowOwner(state.GetRow(item));
                    if (holder != MmkpInstance::REJECTED)
                    {
                        cand.b = static_cast<uint32_t>(holder);
                        cand.move.cls[1] = cand.b;
                        cand.move.to[1] = MmkpInstance::REJECTED;
                        cand.move.count = 2;
                    }
                }
                if (cand.move.count == 1 && m_makeRoomTries > 0 &&
                    !state.Evaluate(cand.move, cand.delta) && state.GetNumAssigned() > 0)
                {
                    // Make room: the ES is free but the capacities are not;
                    // eject the best of MakeRoomTries random assigned tasks.
                    MmkpMove best;
                    double bestDelta = 0.0;
                    MmkpMove trial = cand.move;
                    trial.count = 2;
                    trial.to[1] = MmkpInstance::REJECTED;
                    for (uint32_t t = 0; t < m_makeRoomTries; ++t)
                    {
                        trial.cls[1] = state.GetAssignedClass(
                            m_moveRng->GetInteger(0, state.GetNumAssigned() - 1));
                        double trialDelta;
                        if (state.Evaluate(trial, trialDelta) &&
                            (best.count == 0 || trialDelta > bestDelta))
                        {
                            best = trial;
                            bestDelta = trialDelta;
                        }
                    }
                    if (best.count == 0)
                    {
                        continue;
                    }
                    cand.move = best;
                    cand.b = best.cls[1];
                }
            }
            else if (u < pInsert + pRemove)
            {
                if (state.GetNumAssigned() == 0)
                {
                    continue;
                }
                cand.kind = MoveKind::REMOVE;
                cand.a =
                    state.GetAssignedClass(m_moveRng->GetInteger(0, state.GetNumAssigned() - 1));
                cand.b = NO_CLASS;
                cand.move.cls[0] = cand.a;
                cand.move.to[0] = MmkpInstance::REJECTED;
                cand.move.count = 1;
            }
            else
            {
                if (state.GetNumAssigned() == 0 || rows < 2)
                {
                    continue;
                }
                uint32_t cls;
                cand.kind = MoveKind::SWAP;
                DrawRowMove(state, m_moveRng, cls, cand.b);
                cand.a = state.GetClassRow(cls);
                if (!state.MakeRowMove(cls, cand.b, cand.move))
                {
                    continue;
                }
            }
            if (state.Evaluate(cand.move, cand.delta))
            {
                cand.score = cand.delta;
                if (bonusScale > 0.0)
                {
                    cand.score += bonusScale * FreedCapacity(state, cand.move, inverseCapacity);
                }
                candidates.push_back(cand);
            }
        }
        // The best KeptCandidates feasible candidates (by delta, ties by draw
        // order) are kept; the chosen one is the best kept candidate that is
        // not tabu or beats the best solution (aspiration). Equivalently, and
        // without sorting: the best eligible candidate, if fewer than
        // KeptCandidates candidates rank above it.
        // An improvement counts only beyond this margin, far above the
        // rounding drift of the incremental objective.
        const double margin = 1e-9 * (1.0 + std::abs(bestObjective));
        auto isTabu = [&](const Candidate& cand) {
            switch (cand.kind)
            {
            case MoveKind::SWAP:
                return tabu.IsTabu(cand.a, cand.b, iteration);
            case MoveKind::INSERT:
                return insertTabuUntil[cand.a] > iteration ||
                       (cand.b != NO_CLASS && removeTabuUntil[cand.b] > iteration);
            case MoveKind::REMOVE:
                return removeTabuUntil[cand.a] > iteration;
            }
            return false;
        };
        const Candidate* chosen = nullptr;
        for (const Candidate& cand : candidates)
        {
            if (chosen && cand.score <= chosen->score)
            {
                continue; // drawn later and not better
            }
            const bool aspiration = state.GetObjective() + cand.delta > bestObjective + margin;
            if (aspiration || !isTabu(cand))
            {
                chosen = &cand;
            }
        }
        if (chosen)
        {
            uint32_t above = 0;
            for (const Candidate& cand : candidates)
            {
                above += cand.score > chosen->score ||
                                 (cand.score == chosen->score && cand.index < chosen->index)
                             ? 1
                             : 0;
            }
            chosen = above < m_keptCandidates ? chosen : nullptr;
        }
        bool improved = false;
        if (chosen)
        {
            state.Apply(chosen->move);
            const uint64_t until = iteration + m_tabuTenure;
            const uint64_t classUntil = iteration + m_classTabuTenure;
            switch (chosen->kind)
            {
            case MoveKind::SWAP:
                tabu.Set(chosen->a, chosen->b, until, iteration);
                break;
            case MoveKind::INSERT:
                removeTabuUntil[chosen->a] = classUntil;
                if (chosen->b != NO_CLASS)
                {
                    insertTabuUntil[chosen->b] = classUntil;
                }
                break;
            case MoveKind::REMOVE:
                insertTabuUntil[chosen->a] = classUntil;
                break;
            }
        }
        if (fill && iteration % m_fillInterval == 0 && state.GetNumRejected() > 0)
        {
            rejected.clear();
            for (uint32_t k = 0; k < state.GetNumRejected(); ++k)
            {
                rejected.push_back(state.GetRejectedClass(k));
            }
            for (const uint32_t cls : rejected)
            {
                if (insertTabuUntil[cls] > iteration)
                {
                    continue;
                }
                for (uint32_t k = insertListStart[cls]; k < insertListStart[cls + 1]; ++k)
                {
                    if (state.CanAdd(insertList[k]))
                    {
                        MmkpMove add;
                        add.cls[0] = cls;
                        add.to[0] = insertList[k];
                        add.count = 1;
                        state.Apply(add);
                        removeTabuUntil[cls] = iteration + m_classTabuTenure;
                        break;
                    }
                }
            }
        }
        if (state.GetObjective() > bestObjective + margin)
        {
            bestObjective = state.GetObjective();
            result.assignment = state.GetAssignment();
            improved = true;
        }
        stall = improved ? 0 : stall + 1;
        if (extended && m_restartStall > 0 && stall > 0 && stall % m_restartStall == 0)
        {
            // Intensification: back to the best solution found.
            if (m_maxStallRestarts > 0 && stall / m_restartStall >= m_maxStallRestarts)
            {
                break;
            }
            state.SetAssignment(result.assignment);
        }
        if (m_maxStallIterations > 0 && stall >= m_maxStallIterations)
        {
            break;
        }
    }
    NS_LOG_DEBUG("tabu best " << bestObjective);
    return result;
}

int64_t
TabuTaskScheduler::DoAssignStreams(int64_t stream)
{
    m_orderRng->SetStream(stream);
    m_moveRng->SetStream(stream + 1);
    return 2;
}

} // namespace edgedml
} // namespace ns3
