/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-coordinator-helper.h"

#include "ns3/abort.h"
#include "ns3/pointer.h"
#include "ns3/task-scheduler-factory.h"

namespace ns3
{
namespace edgedml
{

TaskCoordinatorHelper::TaskCoordinatorHelper()
{
    m_coordinator.SetTypeId(TaskCoordinator::GetTypeId());
    m_generator.SetTypeId(CrowdsourcingTaskGenerator::GetTypeId());
}

void
TaskCoordinatorHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_coordinator.Set(name, value);
}

void
TaskCoordinatorHelper::SetTaskAttribute(const std::string& name, const AttributeValue& value)
{
    m_generator.Set(name, value);
}

void
TaskCoordinatorHelper::SetProblemAttribute(const std::string& name, const AttributeValue& value)
{
    NS_ABORT_MSG_IF(name == "Preset" || name == "TaskBandwidthHz" || name == "TaskEnergyBudgetJ",
                    "TaskCoordinatorHelper: set " << name
                                                  << " with SetAttribute (a TaskCoordinator "
                                                     "attribute)");
    m_problemAttributes.emplace_back(name, value.Copy());
}

void
TaskCoordinatorHelper::SetScheduler(const std::string& name)
{
    TypeId tid;
    std::string error;
    NS_ABORT_MSG_UNLESS(LookupTaskScheduler(name, tid, error), "TaskCoordinatorHelper: " << error);
    m_scheduler = ObjectFactory();
    m_scheduler.SetTypeId(tid);
    m_hasScheduler = true;
}

void
TaskCoordinatorHelper::SetSchedulerAttribute(const std::string& name, const AttributeValue& value)
{
    NS_ABORT_MSG_UNLESS(m_hasScheduler,
                        "TaskCoordinatorHelper: call SetScheduler before SetSchedulerAttribute");
    m_scheduler.Set(name, value);
}

Ptr<TaskCoordinator>
TaskCoordinatorHelper::Install(const NodeContainer& edgeNodes,
                               const std::vector<double>& trainingSuccessProbabilities) const
{
    Ptr<TaskCoordinator> coordinator = m_coordinator.Create<TaskCoordinator>();
    coordinator->SetAttribute("TaskGenerator",
                              PointerValue(m_generator.Create<CrowdsourcingTaskGenerator>()));
    if (m_hasScheduler)
    {
        coordinator->SetScheduler(m_scheduler.Create<TaskScheduler>());
    }
    Ptr<TaskSchedulingProblem> problem = coordinator->GetProblem();
    for (const auto& attribute : m_problemAttributes)
    {
        problem->SetAttribute(attribute.first, *attribute.second);
    }
    coordinator->SetEdgeServers(edgeNodes, trainingSuccessProbabilities);
    return coordinator;
}

} // namespace edgedml
} // namespace ns3
