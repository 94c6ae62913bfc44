/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "extended-tabu-task-scheduler.h"

#include "lagrangian-subgradient.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("ExtendedTabuTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(ExtendedTabuTaskScheduler);

namespace
{

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

} // namespace

TypeId
ExtendedTabuTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::ExtendedTabuTaskScheduler")
            .SetParent<NeighbourhoodSearchTaskScheduler>()
            .SetGroupName("EdgeDml")
            .AddConstructor<ExtendedTabuTaskScheduler>()
            .AddAttribute("Candidates",
                          "Candidate moves drawn per iteration (the paper's r = 50).",
                          UintegerValue(50),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_candidates),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("KeptCandidates",
                          "Best feasible candidates kept per iteration (the paper's 25).",
                          UintegerValue(25),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_keptCandidates),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("TabuTenure",
                          "Iterations during which a swapped row pair is tabu.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_tabuTenure),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxIterations",
                          "Iteration limit of one search.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_maxIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxStallIterations",
                          "Stop after this many iterations without a new best solution (0: "
                          "only MaxIterations stops).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_maxStallIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("InsertProbability",
                          "Valued instances: probability that a candidate is an insert (or "
                          "replace) of a rejected task (dimensionless).",
                          DoubleValue(0.4),
                          MakeDoubleAccessor(&ExtendedTabuTaskScheduler::m_insertProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("RemoveProbability",
                          "Valued instances: probability that a candidate is the removal of an "
                          "assigned task (dimensionless); InsertProbability + "
                          "RemoveProbability must not exceed 1.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&ExtendedTabuTaskScheduler::m_removeProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("FreeCapacityBonus",
                          "Valued instances: candidates are ranked by their objective change "
                          "plus this factor times the mean |value| of the items times the "
                          "capacity they free, summed over the dimensions as fractions of "
                          "each capacity (dimensionless; 0: rank by the objective change).",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&ExtendedTabuTaskScheduler::m_freeCapacityBonus),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("InsertItemsPerClass",
                          "Valued instances: an insert draws its item among the class's "
                          "InsertItemsPerClass best items of positive value by value per "
                          "normalised weight (value / sum_d w_d / C_d); 0: any item of the "
                          "class uniformly.",
                          UintegerValue(16),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_insertItemsPerClass),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("FillIntervalIterations",
                          "Valued instances with insert lists: every this many iterations, "
                          "after the move, each rejected task that is not tabu takes the first "
                          "item of its insert list that fits the free capacity and a free ES "
                          "(0: never).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_fillInterval),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ClassTabuTenure",
                          "Valued instances: iterations during which a removed (or ejected) "
                          "task may not be inserted again and an inserted task may not be "
                          "removed.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_classTabuTenure),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MakeRoomTries",
                          "Valued instances: when an insert on a free ES exceeds a capacity, "
                          "this many assigned tasks are drawn uniformly and the insert "
                          "ejecting the best feasible one of them is the candidate (make "
                          "room; 0: the infeasible insert is dropped).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_makeRoomTries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("EfficiencyStart",
                          "Valued instances with insert lists: also build a second start (all "
                          "insert-list items by decreasing value per normalised weight, each "
                          "taken when its task is open and it fits) and search from the "
                          "better of it and the greedy start.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&ExtendedTabuTaskScheduler::m_efficiencyStart),
                          MakeBooleanChecker())
            .AddAttribute("RestartStallIterations",
                          "Valued instances: after every this many iterations without a new "
                          "best solution, the search resumes from the best solution (0: "
                          "never).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_restartStall),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxStallRestarts",
                          "Valued instances with RestartStallIterations > 0: stop when this "
                          "many returns to the best solution in a row found no new best (0: "
                          "only MaxIterations and MaxStallIterations stop).",
                          UintegerValue(30),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_maxStallRestarts),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PriceIterations",
                          "Strict instances: subgradient updates of the Lagrange multipliers "
                          "that price a unit of capacity excess (at most 1e9 item visits).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_priceIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxInfeasibleIterations",
                          "Strict instances: after this many iterations in a row with a "
                          "capacity exceeded, only moves that lower the excess qualify until "
                          "the assignment is feasible again.",
                          UintegerValue(200),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_maxInfeasible),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PerturbationMoves",
                          "Random feasible moves applied to the best solution before a "
                          "restart round (see Restarts and TimeLimitS).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&ExtendedTabuTaskScheduler::m_perturbationMoves),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

ExtendedTabuTaskScheduler::ExtendedTabuTaskScheduler() = default;

ExtendedTabuTaskScheduler::~ExtendedTabuTaskScheduler() = default;

void
ExtendedTabuTaskScheduler::BeginSolve(MmkpSearchState& state,
                                      Incumbent& best,
                                      const SearchDeadline& /* deadline */)
{
    const MmkpInstance& instance = state.GetInstance();
    Solve& s = m_solve;
    s = Solve();
    s.extended = !instance.MustAssignAll();
    s.penalised = instance.MustAssignAll();
    if (s.penalised)
    {
        PriceCapacities(state);
    }
    NS_ABORT_MSG_IF(s.extended && m_insertProbability + m_removeProbability > 1.0,
                    "ExtendedTabuTaskScheduler: InsertProbability + RemoveProbability = "
                        << m_insertProbability + m_removeProbability << " exceeds 1");
    s.pInsert = s.extended ? m_insertProbability : 0.0;
    s.pRemove = s.extended ? m_removeProbability : 0.0;
    if (s.extended)
    {
        s.insertTabuUntil.assign(instance.GetNumClasses(), 0);
        s.removeTabuUntil.assign(instance.GetNumClasses(), 0);
    }
    // Ranking bonus for freed capacity (0 in the paper's neighbourhood).
    s.bonusScale = s.extended ? m_freeCapacityBonus * state.GetMeanAbsValue() : 0.0;
    s.inverseCapacity.assign(instance.GetNumDimensions(), 0.0);
    for (uint32_t d = 0; d < instance.GetNumDimensions(); ++d)
    {
        const double cap = instance.GetCapacity(d);
        s.inverseCapacity[d] = cap > 0.0 ? 1.0 / cap : 0.0;
    }
    s.sampler = std::make_unique<MmkpMoveSampler>(instance, s.extended ? m_insertItemsPerClass : 0);
    s.fill = s.extended && m_insertItemsPerClass > 0 && m_fillInterval > 0;
    if (s.extended && m_insertItemsPerClass > 0 && m_efficiencyStart)
    {
        TryEfficiencyStart(state, best);
    }
}

void
ExtendedTabuTaskScheduler::PriceCapacities(const MmkpSearchState& state)
{
    const MmkpInstance& instance = state.GetInstance();
    const uint32_t dims = instance.GetNumDimensions();
    // A bounded effort: at most 1e9 item visits.
    const double items = std::max<double>(instance.GetNumItems(), 1.0);
    const auto iterations = static_cast<uint32_t>(std::min<double>(m_priceIterations, 1e9 / items));
    const uint32_t resources = instance.AreResourcesDisjoint() ? instance.GetNumResources() : 0;
    LagrangianSubgradient subgradient(instance, resources, 1.0, 8, 1e-9);
    LagrangianSubgradient::Hooks hooks;
    const double lower = state.GetObjective() - instance.GetBaseValue();
    hooks.lowerBound = [lower](double& known) {
        known = lower;
        return true;
    };
    subgradient.Run(iterations, hooks);
    const std::vector<double>& lambda = subgradient.GetBestMultipliers().lambda;
    double mean = 0.0;
    for (uint32_t d = 0; d < dims; ++d)
    {
        mean += lambda[d] / dims;
    }
    if (mean <= 0.0)
    {
        mean = state.GetMeanAbsValue() * instance.GetNumClasses() / std::max(dims, 1U);
    }
    m_solve.unitPenalty.assign(dims, 0.0);
    for (uint32_t d = 0; d < dims; ++d)
    {
        const double c = instance.GetCapacity(d);
        m_solve.unitPenalty[d] =
            std::max(lambda[d], std::max(0.1 * mean, 1e-300)) / (c > 0.0 ? c : 1.0);
    }
}

bool
ExtendedTabuTaskScheduler::Score(const MmkpSearchState& state,
                                 double penalty,
                                 bool repairing,
                                 Candidate& cand) const
{
    const Solve& s = m_solve;
    if (!s.penalised)
    {
        if (!state.Evaluate(cand.move, cand.delta))
        {
            return false;
        }
        cand.score = cand.delta;
        if (s.bonusScale > 0.0)
        {
            cand.score += s.bonusScale * FreedCapacity(state, cand.move, s.inverseCapacity);
        }
        return true;
    }
    double delta;
    double after;
    if (!state.EvaluateExcess(cand.move, s.unitPenalty.data(), delta, after) ||
        (repairing && !(after < penalty)))
    {
        return false;
    }
    cand.score = delta - (after - penalty);
    cand.delta = after > 0.0 ? -std::numeric_limits<double>::infinity() : delta;
    return true;
}

void
ExtendedTabuTaskScheduler::EndSolve()
{
    m_solve = Solve();
}

void
ExtendedTabuTaskScheduler::TryEfficiencyStart(MmkpSearchState& state, Incumbent& best)
{
    const MmkpInstance& instance = state.GetInstance();
    const MmkpMoveSampler& sampler = *m_solve.sampler;
    std::vector<std::pair<double, int64_t>> order;
    order.reserve(sampler.GetInsertItems().size());
    for (const int64_t item : sampler.GetInsertItems())
    {
        order.emplace_back(sampler.GetEfficiency(item), item);
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
    if (!best.Offer(state))
    {
        state.SetAssignment(best.GetAssignment());
    }
}

bool
ExtendedTabuTaskScheduler::MakeRoom(const MmkpSearchState& state, Candidate& cand) const
{
    // The ES is free but the capacities are not: eject the best of
    // MakeRoomTries random assigned tasks.
    MmkpMove best;
    double bestDelta = 0.0;
    MmkpMove trial = cand.move;
    trial.count = 2;
    trial.to[1] = MmkpInstance::REJECTED;
    for (uint32_t t = 0; t < m_makeRoomTries; ++t)
    {
        trial.cls[1] = state.GetAssignedClass(m_moveRng->GetInteger(0, state.GetNumAssigned() - 1));
        double trialDelta;
        if (state.Evaluate(trial, trialDelta) && (best.count == 0 || trialDelta > bestDelta))
        {
            best = trial;
            bestDelta = trialDelta;
        }
    }
    if (best.count == 0)
    {
        return false;
    }
    cand.move = best;
    cand.b = best.cls[1];
    return true;
}

bool
ExtendedTabuTaskScheduler::DrawCandidate(const MmkpSearchState& state, Candidate& cand) const
{
    const Solve& s = m_solve;
    // The swap-only neighbourhood draws no kind: its random sequence is the
    // paper's tabu's.
    const double u = s.extended ? m_moveRng->GetValue() : 1.0;
    if (u < s.pInsert)
    {
        if (!s.sampler->DrawInsert(state, m_moveRng, cand.move))
        {
            return false;
        }
        cand.kind = MoveKind::INSERT;
        cand.a = cand.move.cls[0];
        cand.b = cand.move.count == 2 ? cand.move.cls[1] : NO_CLASS;
        if (cand.move.count == 1 && m_makeRoomTries > 0 && !state.Evaluate(cand.move, cand.delta) &&
            state.GetNumAssigned() > 0)
        {
            return MakeRoom(state, cand);
        }
        return true;
    }
    if (u < s.pInsert + s.pRemove)
    {
        if (!s.sampler->DrawRemove(state, m_moveRng, cand.move))
        {
            return false;
        }
        cand.kind = MoveKind::REMOVE;
        cand.a = cand.move.cls[0];
        cand.b = NO_CLASS;
        return true;
    }
    cand.kind = MoveKind::SWAP;
    return s.sampler->DrawSwap(state, m_moveRng, cand.move, cand.a, cand.b);
}

bool
ExtendedTabuTaskScheduler::IsTabu(const Candidate& cand,
                                  uint64_t iteration,
                                  const TabuMemory& tabu) const
{
    switch (cand.kind)
    {
    case MoveKind::SWAP:
        return tabu.IsTabu(cand.a, cand.b, iteration);
    case MoveKind::INSERT:
        return m_solve.insertTabuUntil[cand.a] > iteration ||
               (cand.b != NO_CLASS && m_solve.removeTabuUntil[cand.b] > iteration);
    case MoveKind::REMOVE:
        return m_solve.removeTabuUntil[cand.a] > iteration;
    }
    return false;
}

void
ExtendedTabuTaskScheduler::ApplyChosen(MmkpSearchState& state,
                                       const Candidate& cand,
                                       uint64_t iteration,
                                       TabuMemory& tabu)
{
    state.Apply(cand.move);
    const uint64_t classUntil = iteration + m_classTabuTenure;
    switch (cand.kind)
    {
    case MoveKind::SWAP:
        tabu.Set(cand.a, cand.b, iteration + m_tabuTenure, iteration);
        break;
    case MoveKind::INSERT:
        m_solve.removeTabuUntil[cand.a] = classUntil;
        if (cand.b != NO_CLASS)
        {
            m_solve.insertTabuUntil[cand.b] = classUntil;
        }
        break;
    case MoveKind::REMOVE:
        m_solve.insertTabuUntil[cand.a] = classUntil;
        break;
    }
}

void
ExtendedTabuTaskScheduler::Fill(MmkpSearchState& state, uint64_t iteration)
{
    std::vector<uint32_t> rejected;
    rejected.reserve(state.GetNumRejected());
    for (uint32_t k = 0; k < state.GetNumRejected(); ++k)
    {
        rejected.push_back(state.GetRejectedClass(k));
    }
    const MmkpMoveSampler& sampler = *m_solve.sampler;
    for (const uint32_t cls : rejected)
    {
        if (m_solve.insertTabuUntil[cls] > iteration)
        {
            continue;
        }
        for (const int64_t* it = sampler.InsertListBegin(cls); it != sampler.InsertListEnd(cls);
             ++it)
        {
            if (state.CanAdd(*it))
            {
                MmkpMove add;
                add.cls[0] = cls;
                add.to[0] = *it;
                add.count = 1;
                state.Apply(add);
                m_solve.removeTabuUntil[cls] = iteration + m_classTabuTenure;
                break;
            }
        }
    }
}

void
ExtendedTabuTaskScheduler::Search(MmkpSearchState& state,
                                  Incumbent& best,
                                  const SearchDeadline& deadline)
{
    const Solve& s = m_solve;
    const uint32_t rows = state.GetNumRows();
    if ((state.GetNumAssigned() == 0 || rows < 2) && !s.extended)
    {
        return;
    }
    TabuMemory tabu(rows);
    std::vector<Candidate> candidates;
    candidates.reserve(m_candidates);
    uint32_t stall = 0;
    m_solve.infeasibleRun = 0;
    for (uint64_t iteration = 1; iteration <= m_maxIterations && !deadline.IsExpired(); ++iteration)
    {
        candidates.clear();
        // Strict: after MaxInfeasibleIterations infeasible iterations in a
        // row, only moves that lower the penalty qualify (the way back).
        const double penalty = s.penalised ? state.GetExcessPenalty(s.unitPenalty.data()) : 0.0;
        const bool repairing = penalty > 0.0 && s.infeasibleRun >= m_maxInfeasible;
        for (uint32_t c = 0; c < m_candidates; ++c)
        {
            Candidate cand;
            cand.index = c;
            if (DrawCandidate(state, cand) && Score(state, penalty, repairing, cand))
            {
                candidates.push_back(cand);
            }
        }
        const Candidate* chosen =
            ChooseTabuCandidate(candidates,
                                m_keptCandidates,
                                state.GetObjective(),
                                best.GetObjective(),
                                best.GetMargin(),
                                [this, iteration, &tabu](const Candidate& cand) {
                                    return IsTabu(cand, iteration, tabu);
                                });
        if (chosen)
        {
            ApplyChosen(state, *chosen, iteration, tabu);
        }
        m_solve.infeasibleRun = state.IsWithinCapacities() ? 0 : m_solve.infeasibleRun + 1;
        if (s.fill && iteration % m_fillInterval == 0 && state.GetNumRejected() > 0)
        {
            Fill(state, iteration);
        }
        stall = best.Offer(state) ? 0 : stall + 1;
        if (s.extended && m_restartStall > 0 && stall > 0 && stall % m_restartStall == 0)
        {
            // Intensification: back to the best solution found.
            if (m_maxStallRestarts > 0 && stall / m_restartStall >= m_maxStallRestarts)
            {
                break;
            }
            state.SetAssignment(best.GetAssignment());
            m_solve.infeasibleRun = 0;
        }
        if (m_maxStallIterations > 0 && stall >= m_maxStallIterations)
        {
            break;
        }
    }
}

void
ExtendedTabuTaskScheduler::Diversify(MmkpSearchState& state, uint32_t /* round */)
{
    // New tabu memories, and a few random feasible moves.
    std::fill(m_solve.insertTabuUntil.begin(), m_solve.insertTabuUntil.end(), 0);
    std::fill(m_solve.removeTabuUntil.begin(), m_solve.removeTabuUntil.end(), 0);
    for (uint32_t k = 0; k < m_perturbationMoves; ++k)
    {
        Candidate cand;
        if (DrawCandidate(state, cand) && state.Evaluate(cand.move, cand.delta))
        {
            state.Apply(cand.move);
        }
    }
}

} // namespace edgedml
} // namespace ns3
