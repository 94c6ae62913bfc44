/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-scheduler.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <chrono>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("TaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(TaskScheduler);

std::string
ToString(SolveStatus status)
{
    switch (status)
    {
    case SolveStatus::OPTIMAL:
        return "optimal";
    case SolveStatus::FEASIBLE:
        return "feasible";
    case SolveStatus::INFEASIBLE:
        return "infeasible";
    case SolveStatus::NO_SOLUTION_FOUND:
        return "no-solution-found";
    }
    return "unknown";
}

TypeId
TaskScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::TaskScheduler")
                            .SetParent<Object>()
                            .SetGroupName("EdgeDml")
                            .AddTraceSource("Solved",
                                            "A solve finished; carries the solution.",
                                            MakeTraceSourceAccessor(&TaskScheduler::m_solvedTrace),
                                            "ns3::edgedml::TaskScheduler::SolvedTracedCallback");
    return tid;
}

TaskScheduler::TaskScheduler() = default;

TaskScheduler::~TaskScheduler() = default;

MmkpSolution
TaskScheduler::Schedule(const MmkpInstance& instance)
{
    NS_LOG_FUNCTION(this << instance.GetNumClasses() << instance.GetNumItems());
    const auto start = std::chrono::steady_clock::now();
    Result result = DoSchedule(instance);
    const auto stop = std::chrono::steady_clock::now();

    MmkpSolution solution;
    solution.wallTimeMs = std::chrono::duration<double, std::milli>(stop - start).count();
    solution.status = result.status;
    solution.upperBound = result.upperBound;
    const bool claimsSolution =
        result.status == SolveStatus::OPTIMAL || result.status == SolveStatus::FEASIBLE;
    if (claimsSolution)
    {
        const MmkpCheck check = CheckMmkpAssignment(instance, result.assignment);
        NS_ABORT_MSG_UNLESS(check.feasible,
                            GetInstanceTypeId().GetName()
                                << " returned an infeasible assignment: " << check.reason);
        solution.assignment = std::move(result.assignment);
        solution.feasible = true;
    }
    else
    {
        solution.assignment.assign(instance.GetNumClasses(), MmkpInstance::REJECTED);
    }
    solution.objective = instance.Evaluate(solution.assignment);
    for (int64_t item : solution.assignment)
    {
        solution.accepted += item != MmkpInstance::REJECTED ? 1 : 0;
    }
    NS_LOG_DEBUG(GetInstanceTypeId().GetName()
                 << " status " << ToString(solution.status) << " objective " << solution.objective
                 << " accepted " << solution.accepted << " in " << solution.wallTimeMs << " ms");
    m_solvedTrace(solution);
    return solution;
}

int64_t
TaskScheduler::AssignStreams(int64_t stream)
{
    return DoAssignStreams(stream);
}

} // namespace edgedml
} // namespace ns3
