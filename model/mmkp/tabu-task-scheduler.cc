/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tabu-task-scheduler.h"

#include "mmkp-search-state.h"
#include "tabu-memory.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <vector>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("TabuTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(TabuTaskScheduler);

namespace
{

/// A candidate row move with its objective change.
struct SwapCandidate
{
    MmkpMove move;  //!< the move
    double delta;   //!< objective change
    double score;   //!< ranking (the objective change)
    uint32_t a;     //!< row of the moved task
    uint32_t b;     //!< the other row
    uint32_t index; //!< draw index (deterministic tie-break)
};

} // namespace

TypeId
TabuTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::TabuTaskScheduler")
            .SetParent<NeighbourhoodSearchTaskScheduler>()
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
            .AddAttribute("PerturbationMoves",
                          "Random feasible row moves applied to the best solution before a "
                          "restart round (see Restarts and TimeLimitS).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&TabuTaskScheduler::m_perturbationMoves),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

TabuTaskScheduler::TabuTaskScheduler() = default;

TabuTaskScheduler::~TabuTaskScheduler() = default;

void
TabuTaskScheduler::Search(MmkpSearchState& state, Incumbent& best, const SearchDeadline& deadline)
{
    const uint32_t rows = state.GetNumRows();
    if (state.GetNumAssigned() == 0 || rows < 2)
    {
        return;
    }
    TabuMemory tabu(rows);
    std::vector<SwapCandidate> candidates;
    candidates.reserve(m_candidates);
    uint32_t stall = 0;
    for (uint64_t iteration = 1; iteration <= m_maxIterations && !deadline.IsExpired(); ++iteration)
    {
        candidates.clear();
        for (uint32_t c = 0; c < m_candidates; ++c)
        {
            SwapCandidate cand;
            cand.index = c;
            uint32_t cls;
            DrawRowMove(state, m_moveRng, cls, cand.b);
            cand.a = state.GetClassRow(cls);
            if (state.MakeRowMove(cls, cand.b, cand.move) && state.Evaluate(cand.move, cand.delta))
            {
                cand.score = cand.delta;
                candidates.push_back(cand);
            }
        }
        const SwapCandidate* chosen =
            ChooseTabuCandidate(candidates,
                                m_keptCandidates,
                                state.GetObjective(),
                                best.GetObjective(),
                                best.GetMargin(),
                                [&tabu, iteration](const SwapCandidate& cand) {
                                    return tabu.IsTabu(cand.a, cand.b, iteration);
                                });
        if (chosen)
        {
            state.Apply(chosen->move);
            tabu.Set(chosen->a, chosen->b, iteration + m_tabuTenure, iteration);
        }
        stall = best.Offer(state) ? 0 : stall + 1;
        if (m_maxStallIterations > 0 && stall >= m_maxStallIterations)
        {
            break;
        }
    }
}

void
TabuTaskScheduler::Diversify(MmkpSearchState& state, uint32_t /* round */)
{
    if (state.GetNumAssigned() == 0 || state.GetNumRows() < 2)
    {
        return;
    }
    for (uint32_t k = 0; k < m_perturbationMoves; ++k)
    {
        uint32_t cls;
        uint32_t row;
        DrawRowMove(state, m_moveRng, cls, row);
        MmkpMove move;
        double delta;
        if (state.MakeRowMove(cls, row, move) && state.Evaluate(move, delta))
        {
            state.Apply(move);
        }
    }
}

} // namespace edgedml
} // namespace ns3
