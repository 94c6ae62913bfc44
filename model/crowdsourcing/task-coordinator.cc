/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-coordinator.h"

#include "ns3/abort.h"
#include "ns3/derived-type-name.h"
#include "ns3/double.h"
#include "ns3/edge-server-energy-model.h"
#include "ns3/edge-server.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/task-scheduler-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("TaskCoordinator");
NS_OBJECT_ENSURE_REGISTERED(TaskCoordinator);

TypeId
TaskCoordinator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::TaskCoordinator")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<TaskCoordinator>()
            .AddAttribute("Scheduler",
                          "The task scheduler: a short name (Random, Greedy, Tabu, Annealing, "
                          "LocalSearch, Exact) or the TypeId name of a TaskScheduler subclass, "
                          "created with its default attributes (SetScheduler takes a "
                          "configured one).",
                          StringValue("Tabu"),
                          MakeStringAccessor(&TaskCoordinator::SetSchedulerName,
                                             &TaskCoordinator::GetSchedulerName),
                          MakeDerivedTypeNameChecker<TaskScheduler>())
            .AddAttribute(
                "Preset",
                "Preset of the scheduling problem: Valued (tasks may be rejected) or "
                "Strict (phi_j = 0, every pending task must be placed).",
                EnumValue(TaskSchedulingProblem::VALUED),
                MakeEnumAccessor(&TaskCoordinator::SetPreset, &TaskCoordinator::GetPreset),
                MakeEnumChecker(TaskSchedulingProblem::VALUED,
                                "Valued",
                                TaskSchedulingProblem::STRICT,
                                "Strict"))
            .AddAttribute("TaskBandwidthHz",
                          "Capacity B: system bandwidth for tasks per epoch, in Hz.",
                          DoubleValue(30e6),
                          MakeDoubleAccessor(&TaskCoordinator::SetTaskBandwidthHz,
                                             &TaskCoordinator::GetTaskBandwidthHz),
                          MakeDoubleChecker<double>(0.0, 1e15))
            .AddAttribute("TaskEnergyBudgetJ",
                          "Capacity E_max: energy for the tasks placed at one epoch, in J.",
                          DoubleValue(60.0),
                          MakeDoubleAccessor(&TaskCoordinator::SetTaskEnergyBudgetJ,
                                             &TaskCoordinator::GetTaskEnergyBudgetJ),
                          MakeDoubleChecker<double>(0.0, 1e15))
            .AddAttribute("TaskGenerator",
                          "Draws the crowdsourcing tasks (by default from the system model's "
                          "distributions).",
                          StringValue("ns3::edgedml::CrowdsourcingTaskGenerator"),
                          MakePointerAccessor(&TaskCoordinator::m_generator),
                          MakePointerChecker<CrowdsourcingTaskGenerator>())
            .AddAttribute("ArrivalMode",
                          "Batch: TasksPerEpoch tasks arrive at every epoch (the paper). "
                          "Poisson: tasks arrive after Start() at rate ArrivalRatePerS and wait "
                          "for the next epoch.",
                          EnumValue(TaskCoordinator::BATCH),
                          MakeEnumAccessor(&TaskCoordinator::m_arrivalMode),
                          MakeEnumChecker(TaskCoordinator::BATCH,
                                          "Batch",
                                          TaskCoordinator::POISSON,
                                          "Poisson"))
            .AddAttribute("TasksPerEpoch",
                          "Tasks arriving at each epoch in Batch mode.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&TaskCoordinator::m_tasksPerEpoch),
                          MakeUintegerChecker<uint32_t>(0, 1000000))
            .AddAttribute("ArrivalRatePerS",
                          "Rate of the Poisson arrivals, in tasks per s (Poisson mode).",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&TaskCoordinator::SetArrivalRatePerS,
                                             &TaskCoordinator::GetArrivalRatePerS),
                          MakeDoubleChecker<double>(1e-9, 1e9))
            .AddAttribute(
                "UnplacedPolicy",
                "A task not placed at an epoch: Retry (stays pending until placed or "
                "its deadline, counted from its arrival, passes: TaskExpired) or "
                "Reject (TaskRejected at once).",
                EnumValue(TaskCoordinator::RETRY),
                MakeEnumAccessor(&TaskCoordinator::m_unplacedPolicy),
                MakeEnumChecker(TaskCoordinator::RETRY, "Retry", TaskCoordinator::REJECT, "Reject"))
            .AddAttribute("EpochPeriod",
                          "Period of the coordinator's own epochs after Start() (0: "
                          "epochs only when RunEpoch is called, e.g. by the parameter "
                          "server's round-start hook).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&TaskCoordinator::m_epochPeriod),
                          MakeTimeChecker(Seconds(0), Seconds(1e9)))
            .AddTraceSource("TaskArrived",
                            "A task arrived.",
                            MakeTraceSourceAccessor(&TaskCoordinator::m_arrivedTrace),
                            "ns3::edgedml::TaskCoordinator::TaskArrivedTracedCallback")
            .AddTraceSource("TaskAssigned",
                            "A task was placed on an edge server (task, node id, utility, "
                            "energy in J, busy time).",
                            MakeTraceSourceAccessor(&TaskCoordinator::m_assignedTrace),
                            "ns3::edgedml::TaskCoordinator::TaskAssignedTracedCallback")
            .AddTraceSource("TaskFinished",
                            "A placed task ended: completed, or aborted because its edge "
                            "server went offline.",
                            MakeTraceSourceAccessor(&TaskCoordinator::m_finishedTrace),
                            "ns3::edgedml::TaskCoordinator::TaskFinishedTracedCallback")
            .AddTraceSource("TaskRejected",
                            "A task was not placed at an epoch (UnplacedPolicy Reject).",
                            MakeTraceSourceAccessor(&TaskCoordinator::m_rejectedTrace),
                            "ns3::edgedml::TaskCoordinator::TaskRejectedTracedCallback")
            .AddTraceSource("TaskExpired",
                            "A pending task's deadline passed before it was placed.",
                            MakeTraceSourceAccessor(&TaskCoordinator::m_expiredTrace),
                            "ns3::edgedml::TaskCoordinator::TaskExpiredTracedCallback")
            .AddTraceSource("EpochScheduled",
                            "An epoch was scheduled (round, pending, free, placed, system "
                            "utility, solve status).",
                            MakeTraceSourceAccessor(&TaskCoordinator::m_epochTrace),
                            "ns3::edgedml::TaskCoordinator::EpochScheduledTracedCallback");
    return tid;
}

TaskCoordinator::TaskCoordinator()
    : m_problem(CreateObject<TaskSchedulingProblem>()),
      m_preset(TaskSchedulingProblem::VALUED),
      m_taskBandwidthHz(30e6),
      m_taskEnergyBudgetJ(60.0),
      m_arrivalMode(BATCH),
      m_tasksPerEpoch(10),
      m_arrivalRatePerS(10.0),
      m_unplacedPolicy(RETRY),
      m_epochPeriod(Seconds(0)),
      m_serverKeysDrawn(false),
      m_interArrival(CreateObject<ExponentialRandomVariable>()),
      m_nextTaskId(0),
      m_started(false),
      m_periodicRound(0),
      m_arrived(0),
      m_assigned(0),
      m_completed(0),
      m_abortedTotal(0),
      m_rejected(0),
      m_expired(0),
      m_epochs(0),
      m_infeasibleEpochs(0)
{
    m_interArrival->SetAttribute("Mean", DoubleValue(1.0 / m_arrivalRatePerS));
}

TaskCoordinator::~TaskCoordinator() = default;

void
TaskCoordinator::DoDispose()
{
    m_arrivalEvent.Cancel();
    m_epochEvent.Cancel();
    for (auto& p : m_pending)
    {
        p.expiry.Cancel();
    }
    m_pending.clear();
    for (auto& r : m_running)
    {
        r.end.Cancel();
    }
    m_running.clear();
    DisconnectServers();
    m_nodes = NodeContainer();
    m_scheduler = nullptr;
    m_problem = nullptr;
    m_generator = nullptr;
    m_interArrival = nullptr;
    Object::DoDispose();
}

bool
TaskCoordinator::SetSchedulerName(std::string name)
{
    TypeId tid;
    std::string error;
    if (!LookupTaskScheduler(name, tid, error))
    {
        NS_LOG_WARN("TaskCoordinator: " << error);
        return false;
    }
    ObjectFactory factory;
    factory.SetTypeId(tid);
    m_scheduler = factory.Create<TaskScheduler>();
    m_schedulerName = name;
    return true;
}

std::string
TaskCoordinator::GetSchedulerName() const
{
    return m_schedulerName;
}

void
TaskCoordinator::SetPreset(TaskSchedulingProblem::Preset preset)
{
    m_preset = preset;
    m_problem->SetAttribute("Preset", EnumValue(preset));
}

TaskSchedulingProblem::Preset
TaskCoordinator::GetPreset() const
{
    return m_preset;
}

void
TaskCoordinator::SetTaskBandwidthHz(double hz)
{
    m_taskBandwidthHz = hz;
    m_problem->SetAttribute("TaskBandwidthHz", DoubleValue(hz));
}

double
TaskCoordinator::GetTaskBandwidthHz() const
{
    return m_taskBandwidthHz;
}

void
TaskCoordinator::SetTaskEnergyBudgetJ(double joules)
{
    m_taskEnergyBudgetJ = joules;
    m_problem->SetAttribute("TaskEnergyBudgetJ", DoubleValue(joules));
}

double
TaskCoordinator::GetTaskEnergyBudgetJ() const
{
    return m_taskEnergyBudgetJ;
}

void
TaskCoordinator::SetArrivalRatePerS(double rate)
{
    m_arrivalRatePerS = rate;
    m_interArrival->SetAttribute("Mean", DoubleValue(1.0 / rate));
}

double
TaskCoordinator::GetArrivalRatePerS() const
{
    return m_arrivalRatePerS;
}

void
TaskCoordinator::SetScheduler(Ptr<TaskScheduler> scheduler)
{
    NS_ABORT_MSG_UNLESS(scheduler, "TaskCoordinator::SetScheduler: null scheduler");
    m_scheduler = scheduler;
    m_schedulerName = scheduler->GetInstanceTypeId().GetName();
}

Ptr<TaskScheduler>
TaskCoordinator::GetScheduler() const
{
    return m_scheduler;
}

Ptr<TaskSchedulingProblem>
TaskCoordinator::GetProblem() const
{
    return m_problem;
}

Ptr<CrowdsourcingTaskGenerator>
TaskCoordinator::GetTaskGenerator() const
{
    return m_generator;
}

namespace
{

/// Aborts unless every o_i is in [0, 1]. \param o the probabilities
void
CheckProbabilities(const std::vector<double>& o)
{
    for (std::size_t i = 0; i < o.size(); ++i)
    {
        NS_ABORT_MSG_UNLESS(o[i] >= 0.0 && o[i] <= 1.0,
                            "TaskCoordinator: training success probability o_"
                                << i << " = " << o[i] << " is not in [0, 1]");
    }
}

} // namespace

void
TaskCoordinator::SetEdgeServers(const NodeContainer& nodes,
                                const std::vector<double>& trainingSuccessProbabilities)
{
    NS_LOG_FUNCTION(this << nodes.GetN());
    NS_ABORT_MSG_IF(GetNRunningTasks() > 0,
                    "TaskCoordinator::SetEdgeServers: tasks are running on the old servers");
    CheckProbabilities(trainingSuccessProbabilities);
    // Checks the EdgeServer and MobilityModel of every node and the sizes.
    TaskSchedulingProblem::DescribeEdgeServers(nodes, trainingSuccessProbabilities);
    DisconnectServers();
    m_nodes = nodes;
    m_successProbability = trainingSuccessProbabilities;
    const uint32_t n = nodes.GetN();
    m_indexOfNode.clear();
    for (uint32_t i = 0; i < n; ++i)
    {
        m_indexOfNode[nodes.Get(i)->GetId()] = i;
    }
    m_running.assign(n, RunningTask());
    m_executed.assign(n, 0);
    m_aborted.assign(n, 0);
    m_energyJ.assign(n, 0.0);
    m_serverKeysDrawn = false;
    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<EdgeServer> es = nodes.Get(i)->GetObject<EdgeServer>();
        es->TraceConnectWithoutContext("Online",
                                       MakeCallback(&TaskCoordinator::OnlineChanged, this).Bind(i));
    }
}

void
TaskCoordinator::DisconnectServers()
{
    for (uint32_t i = 0; i < m_nodes.GetN(); ++i)
    {
        Ptr<EdgeServer> es = m_nodes.Get(i)->GetObject<EdgeServer>();
        if (es)
        {
            es->TraceDisconnectWithoutContext(
                "Online",
                MakeCallback(&TaskCoordinator::OnlineChanged, this).Bind(i));
        }
    }
}

void
TaskCoordinator::SetTrainingSuccessProbabilities(
    const std::vector<double>& trainingSuccessProbabilities)
{
    NS_ABORT_MSG_UNLESS(trainingSuccessProbabilities.size() == m_nodes.GetN(),
                        "TaskCoordinator: " << trainingSuccessProbabilities.size()
                                            << " training success probabilities for "
                                            << m_nodes.GetN() << " edge servers");
    CheckProbabilities(trainingSuccessProbabilities);
    m_successProbability = trainingSuccessProbabilities;
}

const NodeContainer&
TaskCoordinator::GetEdgeServers() const
{
    return m_nodes;
}

int64_t
TaskCoordinator::GetEdgeServerIndex(uint32_t nodeId) const
{
    auto it = m_indexOfNode.find(nodeId);
    return it == m_indexOfNode.end() ? -1 : static_cast<int64_t>(it->second);
}

void
TaskCoordinator::Start()
{
    NS_LOG_FUNCTION(this);
    if (m_started)
    {
        return;
    }
    m_started = true;
    if (m_arrivalMode == POISSON)
    {
        ScheduleArrival();
    }
    if (m_epochPeriod.IsStrictlyPositive())
    {
        m_epochEvent = Simulator::ScheduleNow(&TaskCoordinator::PeriodicEpoch, this);
    }
}

void
TaskCoordinator::Stop()
{
    NS_LOG_FUNCTION(this);
    m_started = false;
    m_arrivalEvent.Cancel();
    m_epochEvent.Cancel();
}

void
TaskCoordinator::ScheduleArrival()
{
    m_arrivalEvent =
        Simulator::Schedule(Seconds(m_interArrival->GetValue()), &TaskCoordinator::Arrive, this);
}

void
TaskCoordinator::Arrive()
{
    const std::vector<CrowdsourcingTask> tasks = m_generator->Generate(1);
    AddTask(tasks.front());
    ScheduleArrival();
}

void
TaskCoordinator::PeriodicEpoch()
{
    RunEpoch(m_periodicRound++);
    m_epochEvent = Simulator::Schedule(m_epochPeriod, &TaskCoordinator::PeriodicEpoch, this);
}

void
TaskCoordinator::DrawServerKeys()
{
    if (m_serverKeysDrawn || m_nodes.GetN() == 0)
    {
        return;
    }
    m_serverKeysDrawn = true;
    PointerValue loss;
    m_problem->GetAttribute("PublisherLossModel", loss);
    Ptr<PropagationLossModel> model = loss.Get<PropagationLossModel>();
    if (!model)
    {
        return;
    }
    Ptr<MobilityModel> first = m_nodes.Get(0)->GetObject<MobilityModel>();
    for (uint32_t i = 0; i < m_nodes.GetN(); ++i)
    {
        model->CalcRxPower(0.0, m_nodes.Get(i)->GetObject<MobilityModel>(), first);
    }
}

void
TaskCoordinator::AddTask(const CrowdsourcingTask& task)
{
    NS_ABORT_MSG_UNLESS(m_nodes.GetN() > 0, "TaskCoordinator: call SetEdgeServers first");
    DrawServerKeys();
    PointerValue loss;
    m_problem->GetAttribute("PublisherLossModel", loss);
    if (Ptr<PropagationLossModel> model = loss.Get<PropagationLossModel>())
    {
        model->CalcRxPower(0.0, task.publisherMobility, m_nodes.Get(0)->GetObject<MobilityModel>());
    }
    PendingTask pending;
    pending.id = m_nextTaskId++;
    pending.task = task;
    const Time deadline = Seconds(task.deadlineS);
    pending.deadline = Simulator::Now() + deadline;
    pending.expiry = Simulator::Schedule(deadline, &TaskCoordinator::Expire, this, pending.id);
    ++m_arrived;
    NS_LOG_DEBUG("task " << pending.id << " arrived, deadline " << pending.deadline.As(Time::S));
    m_pending.push_back(pending);
    m_arrivedTrace(pending.id, task);
}

void
TaskCoordinator::Expire(uint64_t id)
{
    auto it = std::find_if(m_pending.begin(), m_pending.end(), [id](const PendingTask& p) {
        return p.id == id;
    });
    if (it == m_pending.end())
    {
        return;
    }
    it->expiry.Cancel();
    m_pending.erase(it);
    ++m_expired;
    NS_LOG_DEBUG("task " << id << " expired");
    m_expiredTrace(id);
}

void
TaskCoordinator::RunEpoch(uint32_t round)
{
    NS_LOG_FUNCTION(this << round);
    NS_ABORT_MSG_UNLESS(m_nodes.GetN() > 0, "TaskCoordinator: call SetEdgeServers first");
    NS_ABORT_MSG_UNLESS(m_scheduler, "TaskCoordinator: no scheduler");
    DrawServerKeys();
    const Time now = Simulator::Now();
    ++m_epochs;

    // Deadlines that come now (their expiry events may be later in the queue).
    std::vector<uint64_t> due;
    for (const auto& p : m_pending)
    {
        if (p.deadline <= now)
        {
            due.push_back(p.id);
        }
    }
    for (uint64_t id : due)
    {
        Expire(id);
    }
    if (m_arrivalMode == BATCH && m_tasksPerEpoch > 0)
    {
        for (const auto& task : m_generator->Generate(m_tasksPerEpoch))
        {
            AddTask(task);
        }
    }

    // The instance: pending tasks with their remaining deadlines, all ES.
    const std::vector<PendingTask> offered = m_pending;
    std::vector<CrowdsourcingTask> tasks;
    tasks.reserve(offered.size());
    for (const auto& p : offered)
    {
        CrowdsourcingTask t = p.task;
        t.deadlineS = (p.deadline - now).GetSeconds();
        tasks.push_back(t);
    }
    const std::vector<EdgeServerState> servers =
        TaskSchedulingProblem::DescribeEdgeServers(m_nodes, m_successProbability);
    const auto freeServers = static_cast<uint32_t>(
        std::count_if(servers.begin(), servers.end(), [](const EdgeServerState& s) {
            return s.available;
        }));
    m_problem->Build(tasks, servers);
    const MmkpInstance& instance = m_problem->GetInstance();

    MmkpSolution solution;
    if (offered.empty())
    {
        solution.status = SolveStatus::OPTIMAL;
        solution.feasible = true;
        solution.objective = instance.Evaluate(solution.assignment);
    }
    else
    {
        solution = m_scheduler->Schedule(instance);
    }
    if (!solution.feasible)
    {
        ++m_infeasibleEpochs;
        NS_LOG_INFO("epoch " << round << ": no feasible assignment (" << ToString(solution.status)
                             << ") for " << offered.size() << " tasks on " << freeServers
                             << " free servers");
    }

    // Start the placed tasks, then apply the policy to the others.
    uint32_t placed = 0;
    std::vector<bool> leaves(offered.size(), false);
    for (std::size_t j = 0; j < offered.size(); ++j)
    {
        const int64_t item = solution.assignment[j];
        if (item == MmkpInstance::REJECTED)
        {
            continue;
        }
        const uint32_t i = m_problem->GetEdgeServerOfItem(item);
        const auto task = static_cast<uint32_t>(j);
        const double utility = m_problem->GetUtility(task, i);
        const double energyJ = m_problem->GetEnergyWeightJ(task, i);
        ++placed;
        leaves[j] = true;
        Execute(offered[j], i, utility, energyJ, offered[j].deadline - now);
    }
    for (std::size_t j = 0; j < offered.size(); ++j)
    {
        if (!leaves[j] && m_unplacedPolicy == REJECT)
        {
            leaves[j] = true;
            ++m_rejected;
            m_rejectedTrace(offered[j].id, round);
        }
    }
    std::vector<PendingTask> stay;
    for (std::size_t j = 0; j < offered.size(); ++j)
    {
        if (leaves[j])
        {
            Simulator::Cancel(offered[j].expiry);
        }
        else
        {
            stay.push_back(offered[j]);
        }
    }
    m_pending = stay;
    NS_LOG_DEBUG("epoch " << round << ": " << offered.size() << " pending, " << freeServers
                          << " free, " << placed << " placed, utility " << solution.objective);
    m_epochTrace(round,
                 static_cast<uint32_t>(offered.size()),
                 freeServers,
                 placed,
                 solution.objective,
                 solution.status);
}

void
TaskCoordinator::Execute(const PendingTask& pending,
                         uint32_t index,
                         double utility,
                         double energyJ,
                         Time duration)
{
    Ptr<EdgeServer> es = m_nodes.Get(index)->GetObject<EdgeServer>();
    const uint32_t nodeId = m_nodes.Get(index)->GetId();
    NS_ABORT_MSG_UNLESS(es->IsOnline() && !es->IsBusy() && !m_running[index].active,
                        "TaskCoordinator: task " << pending.id << " placed on edge server " << index
                                                 << " which is not free");
    ++m_assigned;
    NS_LOG_DEBUG("task " << pending.id << " on node " << nodeId << " for " << duration.As(Time::S)
                         << ", " << energyJ << " J");
    m_assignedTrace(pending.id, nodeId, utility, energyJ, duration);

    // Power from the rounded duration, so that power x duration = E_task.
    const double powerW = energyJ / duration.GetSeconds();
    uint64_t activity = 0;
    if (Ptr<EdgeServerEnergyModel> energy = es->GetEnergyModel())
    {
        activity = energy->StartActivity(EnergyActivity::TASK, powerW, duration);
        if (activity == 0 || !es->IsOnline())
        {
            // The source is depleted (possibly found so just now).
            energy->StopActivity(activity);
            ++m_aborted[index];
            ++m_abortedTotal;
            NS_LOG_DEBUG("task " << pending.id << " aborted at start: energy depleted");
            m_finishedTrace(pending.id, nodeId, false);
            return;
        }
    }
    RunningTask& running = m_running[index];
    running.active = true;
    running.id = pending.id;
    running.start = Simulator::Now();
    running.powerW = powerW;
    running.energyJ = energyJ;
    running.activity = activity;
    running.end = Simulator::Schedule(duration, &TaskCoordinator::Finish, this, index);
    es->SetBusy(true);
}

void
TaskCoordinator::Finish(uint32_t index)
{
    NS_ASSERT(m_running[index].active);
    // Clear the record first: stopping the activity may deplete the source,
    // take the server offline and call OnlineChanged.
    const RunningTask running = m_running[index];
    m_running[index] = RunningTask();
    Ptr<EdgeServer> es = m_nodes.Get(index)->GetObject<EdgeServer>();
    m_energyJ[index] += running.energyJ;
    ++m_executed[index];
    ++m_completed;
    es->SetBusy(false);
    if (Ptr<EdgeServerEnergyModel> energy = es->GetEnergyModel())
    {
        energy->StopActivity(running.activity); // normally ended at this instant already
    }
    NS_LOG_DEBUG("task " << running.id << " completed on node " << m_nodes.Get(index)->GetId());
    m_finishedTrace(running.id, m_nodes.Get(index)->GetId(), true);
}

void
TaskCoordinator::Abort(uint32_t index)
{
    NS_ASSERT(m_running[index].active);
    // Clear the record first (see Finish).
    RunningTask running = m_running[index];
    m_running[index] = RunningTask();
    running.end.Cancel();
    Ptr<EdgeServer> es = m_nodes.Get(index)->GetObject<EdgeServer>();
    m_energyJ[index] += running.powerW * (Simulator::Now() - running.start).GetSeconds();
    ++m_aborted[index];
    ++m_abortedTotal;
    es->SetBusy(false);
    if (Ptr<EdgeServerEnergyModel> energy = es->GetEnergyModel())
    {
        energy->StopActivity(running.activity); // already stopped on depletion
    }
    NS_LOG_DEBUG("task " << running.id << " aborted on node " << m_nodes.Get(index)->GetId());
    m_finishedTrace(running.id, m_nodes.Get(index)->GetId(), false);
}

void
TaskCoordinator::OnlineChanged(uint32_t index, bool /* oldValue */, bool newValue)
{
    if (!newValue && index < m_running.size() && m_running[index].active)
    {
        Abort(index);
    }
}

uint64_t
TaskCoordinator::GetTasksArrived() const
{
    return m_arrived;
}

uint64_t
TaskCoordinator::GetTasksAssigned() const
{
    return m_assigned;
}

uint64_t
TaskCoordinator::GetTasksCompleted() const
{
    return m_completed;
}

uint64_t
TaskCoordinator::GetTasksAborted() const
{
    return m_abortedTotal;
}

uint64_t
TaskCoordinator::GetTasksRejected() const
{
    return m_rejected;
}

uint64_t
TaskCoordinator::GetTasksExpired() const
{
    return m_expired;
}

uint32_t
TaskCoordinator::GetNPendingTasks() const
{
    return static_cast<uint32_t>(m_pending.size());
}

uint32_t
TaskCoordinator::GetNRunningTasks() const
{
    return static_cast<uint32_t>(std::count_if(m_running.begin(),
                                               m_running.end(),
                                               [](const RunningTask& r) { return r.active; }));
}

uint32_t
TaskCoordinator::GetEpochs() const
{
    return m_epochs;
}

uint32_t
TaskCoordinator::GetInfeasibleEpochs() const
{
    return m_infeasibleEpochs;
}

uint32_t
TaskCoordinator::GetTasksExecuted(uint32_t index) const
{
    NS_ABORT_MSG_UNLESS(index < m_executed.size(), "TaskCoordinator: no edge server " << index);
    return m_executed[index];
}

uint32_t
TaskCoordinator::GetTasksAborted(uint32_t index) const
{
    NS_ABORT_MSG_UNLESS(index < m_aborted.size(), "TaskCoordinator: no edge server " << index);
    return m_aborted[index];
}

bool
TaskCoordinator::IsExecutingTask(uint32_t index) const
{
    NS_ABORT_MSG_UNLESS(index < m_running.size(), "TaskCoordinator: no edge server " << index);
    return m_running[index].active;
}

double
TaskCoordinator::GetTaskEnergyJ(uint32_t index) const
{
    NS_ABORT_MSG_UNLESS(index < m_energyJ.size(), "TaskCoordinator: no edge server " << index);
    double energy = m_energyJ[index];
    const RunningTask& running = m_running[index];
    if (running.active)
    {
        energy += running.powerW * (Simulator::Now() - running.start).GetSeconds();
    }
    return energy;
}

double
TaskCoordinator::GetTotalTaskEnergyJ() const
{
    double total = 0.0;
    for (uint32_t i = 0; i < m_energyJ.size(); ++i)
    {
        total += GetTaskEnergyJ(i);
    }
    return total;
}

int64_t
TaskCoordinator::AssignStreams(int64_t stream)
{
    NS_ABORT_MSG_UNLESS(m_generator && m_scheduler, "TaskCoordinator: no generator or scheduler");
    int64_t used = m_generator->AssignStreams(stream);
    m_interArrival->SetStream(stream + used);
    ++used;
    used += m_problem->AssignStreams(stream + used);
    used += m_scheduler->AssignStreams(stream + used);
    return used;
}

} // namespace edgedml
} // namespace ns3
