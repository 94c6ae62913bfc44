/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "random-task-scheduler.h"

#include "greedy-task-scheduler.h"
#include "mmkp-feasibility-repair.h"

#include "ns3/log.h"

#include <utility>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("RandomTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(RandomTaskScheduler);

TypeId
RandomTaskScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::RandomTaskScheduler")
                            .SetParent<TaskScheduler>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<RandomTaskScheduler>();
    return tid;
}

RandomTaskScheduler::RandomTaskScheduler()
    : m_rng(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

RandomTaskScheduler::~RandomTaskScheduler()
{
    NS_LOG_FUNCTION(this);
}

void
RandomTaskScheduler::DoDispose()
{
    m_rng = nullptr;
    TaskScheduler::DoDispose();
}

TaskScheduler::Result
RandomTaskScheduler::RepairStrict(const MmkpInstance& instance,
                                  const std::vector<int64_t>& partial) const
{
    MmkpSearchState state(instance);
    state.SetAssignment(partial);
    Result result;
    if (!MmkpFeasibilityRepair::MakeFeasible(state, SearchDeadline()))
    {
        result.assignment.assign(instance.GetNumClasses(), MmkpInstance::REJECTED);
        result.status = SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    result.assignment = state.GetAssignment();
    result.status = SolveStatus::FEASIBLE;
    return result;
}

int64_t
RandomTaskScheduler::DoAssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

TaskScheduler::Result
RandomTaskScheduler::DoSchedule(const MmkpInstance& instance)
{
    NS_LOG_FUNCTION(this << instance.GetNumClasses() << instance.GetNumItems());
    const uint32_t q = instance.GetNumClasses();
    const uint32_t dims = instance.GetNumDimensions();
    const bool disjoint = instance.AreResourcesDisjoint();
    const bool mustAssignAll = instance.MustAssignAll();
    const std::vector<double>& capacities = instance.GetCapacities();

    Result result;
    result.assignment.assign(q, MmkpInstance::REJECTED);
    m_order = DrawRandomClassOrder(q, m_rng); // the same draws as Greedy's order
    m_resourceUsed.assign(disjoint ? instance.GetNumResources() : 0, 0);
    m_load.assign(dims, 0.0);

    for (uint32_t j : m_order)
    {
        m_candidates.clear();
        const int64_t first = instance.GetFirstItem(j);
        const int64_t end = instance.GetEndItem(j);
        // Weights are stored item-major and class by class: walk them with a
        // pointer. The (cheap, selective) capacity test comes first.
        const double* w = first < end ? instance.GetWeights(first) : nullptr;
        for (int64_t k = first; k < end; ++k, w += dims)
        {
            bool fits = true;
            for (uint32_t d = 0; d < dims; ++d)
            {
                fits = fits && m_load[d] + w[d] <= capacities[d];
            }
            if (!fits || (!mustAssignAll && instance.GetValue(k) <= 0.0))
            {
                continue;
            }
            const int32_t resource = instance.GetResource(k);
            if (disjoint && resource != MmkpInstance::NO_RESOURCE && m_resourceUsed[resource])
            {
                continue;
            }
            m_candidates.push_back(k);
        }
        if (m_candidates.empty())
        {
            if (mustAssignAll)
            {
                return RepairStrict(instance, result.assignment);
            }
            continue;
        }
        const auto pick = m_rng->GetInteger(0, static_cast<uint32_t>(m_candidates.size() - 1));
        const int64_t item = m_candidates[pick];
        result.assignment[j] = item;
        const double* itemWeights = instance.GetWeights(item);
        for (uint32_t d = 0; d < dims; ++d)
        {
            m_load[d] += itemWeights[d];
        }
        const int32_t resource = instance.GetResource(item);
        if (disjoint && resource != MmkpInstance::NO_RESOURCE)
        {
            m_resourceUsed[resource] = 1;
        }
    }
    result.status = SolveStatus::FEASIBLE;
    return result;
}

} // namespace edgedml
} // namespace ns3
