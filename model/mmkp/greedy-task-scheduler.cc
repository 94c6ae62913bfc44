/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "greedy-task-scheduler.h"

#include "mmkp-feasibility-repair.h"

#include "ns3/log.h"

#include <limits>
#include <numeric>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("GreedyTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(GreedyTaskScheduler);

std::vector<uint32_t>
DrawRandomClassOrder(uint32_t numClasses, Ptr<UniformRandomVariable> rng)
{
    std::vector<uint32_t> order(numClasses);
    std::iota(order.begin(), order.end(), 0u);
    for (uint32_t k = numClasses; k > 1; --k)
    {
        const uint32_t s = rng->GetInteger(0, k - 1);
        std::swap(order[k - 1], order[s]);
    }
    return order;
}

bool
BuildGreedyAssignment(MmkpSearchState& state, const std::vector<uint32_t>& order)
{
    state.Clear();
    const MmkpInstance& instance = state.GetInstance();
    const bool strict = instance.MustAssignAll();
    bool allPlaced = true;
    for (uint32_t cls : order)
    {
        int64_t best = MmkpInstance::REJECTED;
        // Valued: only strictly positive values are worth taking.
        double bestValue = strict ? -std::numeric_limits<double>::infinity() : 0.0;
        const int64_t end = instance.GetEndItem(cls);
        for (int64_t it = instance.GetFirstItem(cls); it < end; ++it)
        {
            const double value = instance.GetValue(it);
            // Check feasibility only for items that would beat the best so far.
            if (value > bestValue && state.CanAdd(it))
            {
                best = it;
                bestValue = value;
            }
        }
        if (best == MmkpInstance::REJECTED)
        {
            allPlaced = allPlaced && !strict;
            continue;
        }
        MmkpMove move;
        move.cls[0] = cls;
        move.to[0] = best;
        move.count = 1;
        state.Apply(move);
    }
    return allPlaced;
}

TypeId
GreedyTaskScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::GreedyTaskScheduler")
                            .SetParent<TaskScheduler>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<GreedyTaskScheduler>();
    return tid;
}

GreedyTaskScheduler::GreedyTaskScheduler()
    : m_orderRng(CreateObject<UniformRandomVariable>())
{
}

GreedyTaskScheduler::~GreedyTaskScheduler() = default;

TaskScheduler::Result
GreedyTaskScheduler::DoSchedule(const MmkpInstance& instance)
{
    MmkpSearchState state(instance, false);
    const bool placed =
        BuildGreedyAssignment(state, DrawRandomClassOrder(instance.GetNumClasses(), m_orderRng));
    Result result;
    result.status = SolveStatus::FEASIBLE;
    if (placed)
    {
        result.assignment = state.GetAssignment();
        return result;
    }
    // Strict and the paper's rule left a task unplaced: feasibility first.
    MmkpSearchState repaired(instance);
    repaired.SetAssignment(state.GetAssignment());
    if (!MmkpFeasibilityRepair::MakeFeasible(repaired, SearchDeadline()))
    {
        result.status = SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    result.assignment = repaired.GetAssignment();
    return result;
}

int64_t
GreedyTaskScheduler::DoAssignStreams(int64_t stream)
{
    m_orderRng->SetStream(stream);
    return 1;
}

} // namespace edgedml
} // namespace ns3
