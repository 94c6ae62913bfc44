/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "scheduling-sweep-helper.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/task-scheduler-factory.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

namespace
{
/// Instances one sweep can draw: the scenario blocks end below the schedulers' streams.
constexpr int64_t MAX_INSTANCES = 1000000;
/// Capacity of a lifted constraint (the attributes' upper bound).
constexpr double LIFTED_CAPACITY = 1e15;
/// Streams reserved per point for each scheduler.
constexpr int64_t STREAMS_PER_POINT = 16;
/// Task counts per instance in the point numbering (the programs accept q <= 100000).
constexpr int64_t TASK_COUNTS = 100001;
} // namespace

SchedulingSweepHelper::SchedulingSweepHelper()
{
    AssignStreams(0);
}

SchedulingScenarioHelper&
SchedulingSweepHelper::GetScenarios()
{
    return m_scenarios;
}

void
SchedulingSweepHelper::SetAlgorithms(const std::vector<std::string>& names)
{
    m_names = names;
    m_schedulers.clear();
    for (const auto& name : names)
    {
        m_schedulers.push_back(CreateTaskScheduler(name));
    }
}

const std::vector<std::string>&
SchedulingSweepHelper::GetAlgorithms() const
{
    return m_names;
}

void
SchedulingSweepHelper::SetSchedulerAttribute(const std::string& algorithm,
                                             const std::string& name,
                                             const AttributeValue& value)
{
    bool found = false;
    for (std::size_t a = 0; a < m_names.size(); ++a)
    {
        if (m_names[a] == algorithm)
        {
            m_schedulers[a]->SetAttribute(name, value);
            found = true;
        }
    }
    NS_ABORT_MSG_UNLESS(found, "SchedulingSweepHelper: no algorithm " << algorithm);
    if (algorithm == "Exact" && m_bindingReferee)
    {
        m_bindingReferee->SetAttribute(name, value);
    }
}

void
SchedulingSweepHelper::SetBindingAnalysis(bool enable)
{
    m_binding = enable;
    if (enable && !m_bindingReferee)
    {
        m_bindingReferee = CreateTaskScheduler("Exact");
        for (std::size_t a = 0; a < m_names.size(); ++a)
        {
            if (m_names[a] == "Exact")
            {
                DoubleValue limit;
                m_schedulers[a]->GetAttribute("TimeLimitS", limit);
                m_bindingReferee->SetAttribute("TimeLimitS", limit);
            }
        }
    }
}

void
SchedulingSweepHelper::SetProgressCallback(std::function<void(uint64_t, uint64_t)> progress)
{
    m_progress = std::move(progress);
}

int64_t
SchedulingSweepHelper::AssignStreams(int64_t stream)
{
    const int64_t perScenario = m_scenarios.AssignStreams(stream);
    m_schedulerStream = stream + perScenario * MAX_INSTANCES;
    return perScenario * MAX_INSTANCES + MAX_INSTANCES * TASK_COUNTS * STREAMS_PER_POINT;
}

int8_t
SchedulingSweepHelper::Binds(const SchedulingScenario& scenario,
                             const std::vector<CrowdsourcingTask>& tasks,
                             const std::string& attribute,
                             double value,
                             double optimum)
{
    if (!std::isfinite(optimum))
    {
        return -1;
    }
    scenario.problem->SetAttribute(attribute, DoubleValue(LIFTED_CAPACITY));
    scenario.problem->Build(tasks, scenario.servers);
    const MmkpSolution lifted = m_bindingReferee->Schedule(scenario.problem->GetInstance());
    scenario.problem->SetAttribute(attribute, DoubleValue(value));
    if (lifted.status != SolveStatus::OPTIMAL)
    {
        return -1;
    }
    return lifted.objective > optimum + 1e-6 * std::max(1.0, std::fabs(optimum)) ? 1 : 0;
}

std::vector<SweepRecord>
SchedulingSweepHelper::Run(uint32_t numEdgeServers,
                           const std::vector<double>& bandwidthsMhz,
                           uint32_t minTasks,
                           uint32_t maxTasks,
                           uint32_t taskStep,
                           uint32_t instances)
{
    NS_ABORT_MSG_UNLESS(taskStep > 0 && minTasks <= maxTasks && instances <= MAX_INSTANCES,
                        "SchedulingSweepHelper: bad sweep " << minTasks << ".." << maxTasks
                                                            << " step " << taskStep << ", "
                                                            << instances << " instances");
    NS_ABORT_MSG_UNLESS(maxTasks < TASK_COUNTS, "SchedulingSweepHelper: maxTasks " << maxTasks);
    int64_t referee = -1;
    for (std::size_t a = 0; a < m_names.size(); ++a)
    {
        if (m_names[a] == "Exact")
        {
            referee = static_cast<int64_t>(a);
        }
    }
    std::vector<SweepRecord> records;
    const uint64_t points =
        uint64_t{instances} * bandwidthsMhz.size() * ((maxTasks - minTasks) / taskStep + 1);
    uint64_t done = 0;
    for (uint32_t k = 0; k < instances; ++k)
    {
        SchedulingScenario scenario = m_scenarios.Create(numEdgeServers, maxTasks, k);
        DoubleValue energy;
        scenario.problem->GetAttribute("TaskEnergyBudgetJ", energy);
        for (double bMhz : bandwidthsMhz)
        {
            scenario.problem->SetAttribute("TaskBandwidthHz", DoubleValue(bMhz * 1e6));
            for (uint32_t q = minTasks; q <= maxTasks; q += taskStep)
            {
                const std::vector<CrowdsourcingTask> tasks(scenario.tasks.begin(),
                                                           scenario.tasks.begin() + q);
                scenario.problem->Build(tasks, scenario.servers);
                const MmkpInstance& instance = scenario.problem->GetInstance();
                const std::size_t first = records.size();
                // Every scheduler draws from the streams of the point (k, q), the same
                // for all algorithms and bandwidths: common random numbers.
                const int64_t pointStream =
                    m_schedulerStream + (int64_t{k} * TASK_COUNTS + q) * STREAMS_PER_POINT;
                for (std::size_t a = 0; a < m_names.size(); ++a)
                {
                    NS_ABORT_MSG_UNLESS(
                        m_schedulers[a]->AssignStreams(pointStream) <= STREAMS_PER_POINT,
                        "SchedulingSweepHelper: " << m_names[a] << " uses more than "
                                                  << STREAMS_PER_POINT << " streams");
                    SweepRecord r;
                    r.algorithm = m_names[a];
                    r.bandwidthMhz = bMhz;
                    r.numTasks = q;
                    r.instance = k;
                    r.solution = m_schedulers[a]->Schedule(instance);
                    r.trainingUtility = std::nan("");
                    if (r.solution.feasible)
                    {
                        r.trainingUtility =
                            scenario.problem->GetTrainingPerformance(r.solution.assignment);
                        for (int32_t server :
                             scenario.problem->GetAssignedEdgeServers(r.solution.assignment))
                        {
                            r.tasksPlaced += server >= 0 ? 1 : 0;
                        }
                        for (int64_t item : r.solution.assignment)
                        {
                            if (item != MmkpInstance::REJECTED)
                            {
                                r.bandwidthUsedHz += instance.GetWeight(item, 0);
                                r.energyUsedJ += instance.GetWeight(item, 1);
                            }
                        }
                    }
                    records.push_back(std::move(r));
                }
                double optimum = std::nan("");
                if (referee >= 0)
                {
                    SweepRecord& exact = records[first + referee];
                    if (exact.solution.status == SolveStatus::OPTIMAL)
                    {
                        optimum = exact.solution.objective;
                    }
                    if (m_binding)
                    {
                        exact.bandwidthBinds =
                            Binds(scenario, tasks, "TaskBandwidthHz", bMhz * 1e6, optimum);
                        exact.energyBinds =
                            Binds(scenario, tasks, "TaskEnergyBudgetJ", energy.Get(), optimum);
                        scenario.problem->Build(tasks, scenario.servers);
                    }
                }
                for (std::size_t r = first; r < records.size(); ++r)
                {
                    records[r].optimalUtility = optimum;
                }
                ++done;
                if (m_progress)
                {
                    m_progress(done, points);
                }
            }
        }
    }
    return records;
}

} // namespace edgedml
} // namespace ns3
