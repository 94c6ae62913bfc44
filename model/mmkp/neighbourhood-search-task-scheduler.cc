/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "neighbourhood-search-task-scheduler.h"

#include "greedy-task-scheduler.h"
#include "mmkp-feasibility-repair.h"

#include "ns3/log.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("NeighbourhoodSearchTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(NeighbourhoodSearchTaskScheduler);

TypeId
NeighbourhoodSearchTaskScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::NeighbourhoodSearchTaskScheduler")
                            .SetParent<AnytimeTaskScheduler>()
                            .SetGroupName("EdgeDml");
    return tid;
}

NeighbourhoodSearchTaskScheduler::NeighbourhoodSearchTaskScheduler()
    : m_moveRng(CreateObject<UniformRandomVariable>()),
      m_orderRng(CreateObject<UniformRandomVariable>())
{
}

NeighbourhoodSearchTaskScheduler::~NeighbourhoodSearchTaskScheduler() = default;

void
NeighbourhoodSearchTaskScheduler::DoDispose()
{
    m_moveRng = nullptr;
    m_orderRng = nullptr;
    AnytimeTaskScheduler::DoDispose();
}

int64_t
NeighbourhoodSearchTaskScheduler::DoAssignStreams(int64_t stream)
{
    m_orderRng->SetStream(stream);
    m_moveRng->SetStream(stream + 1);
    return 2;
}

void
NeighbourhoodSearchTaskScheduler::BeginSolve(MmkpSearchState& /* state */,
                                             Incumbent& /* best */,
                                             const SearchDeadline& /* deadline */)
{
}

void
NeighbourhoodSearchTaskScheduler::EndSolve()
{
}

TaskScheduler::Result
NeighbourhoodSearchTaskScheduler::DoSchedule(const MmkpInstance& instance)
{
    const SearchDeadline deadline = StartDeadline();
    Result result;
    MmkpSearchState state(instance);
    if (!BuildGreedyAssignment(state, DrawRandomClassOrder(instance.GetNumClasses(), m_orderRng)) &&
        !MmkpFeasibilityRepair::MakeFeasible(state, deadline))
    {
        result.status = SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    Incumbent best(state);
    BeginSolve(state, best, deadline);
    Search(state, best, deadline);
    for (uint32_t round = 0; MayStartRound(round, deadline); ++round)
    {
        state.SetAssignment(best.GetAssignment());
        Diversify(state, round);
        best.Offer(state);
        Search(state, best, deadline);
    }
    EndSolve();
    NS_LOG_DEBUG(GetInstanceTypeId().GetName() << " best " << best.GetObjective());
    result.status = SolveStatus::FEASIBLE;
    result.assignment = best.GetAssignment();
    return result;
}

NeighbourhoodSearchTaskScheduler::Incumbent::Incumbent(const MmkpSearchState& state)
    : m_assignment(state.GetAssignment()),
      m_objective(state.GetObjective())
{
}

bool
NeighbourhoodSearchTaskScheduler::Incumbent::Offer(const MmkpSearchState& state)
{
    if (state.GetObjective() > m_objective + GetMargin() && state.IsWithinCapacities())
    {
        m_objective = state.GetObjective();
        m_assignment = state.GetAssignment();
        return true;
    }
    return false;
}

double
NeighbourhoodSearchTaskScheduler::Incumbent::GetObjective() const
{
    return m_objective;
}

const std::vector<int64_t>&
NeighbourhoodSearchTaskScheduler::Incumbent::GetAssignment() const
{
    return m_assignment;
}

double
NeighbourhoodSearchTaskScheduler::Incumbent::GetMargin() const
{
    return 1e-9 * (1.0 + std::abs(m_objective));
}

} // namespace edgedml
} // namespace ns3
