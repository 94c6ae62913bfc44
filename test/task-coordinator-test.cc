/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The crowdsourcing-task coordinator (the system model, "Task scheduling", last bullet) on
 * real ns-3 nodes: busy periods, task energy against the closed form of
 * section 3, no placement on busy or offline servers, aborts on depletion or
 * going offline, the exact scheduler against brute force, Poisson arrivals,
 * reproducibility, the Strict preset when infeasible, and the parameter
 * server's round-start hook.
 */

#include "ofdma-test-cell.h"
#include "random-mmkp-instances.h"

#include "ns3/basic-energy-source-helper.h"
#include "ns3/basic-energy-source.h"
#include "ns3/edge-dml-module.h"
#include "ns3/energy-module.h"
#include "ns3/internet-module.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <gtest/gtest.h>
#include <iomanip>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::OfdmaTestCell;

namespace
{

/// gamma of the system model, "Energy", in J / (cycle Hz^2).
constexpr double TASK_CAPACITANCE = 1e-28;

/// A placed task as TaskAssigned reported it.
struct AssignedRecord
{
    uint64_t id;    //!< task
    uint32_t node;  //!< ES node id
    double utility; //!< u_{j,i}
    double energyJ; //!< E_task, in J
    Time duration;  //!< busy time
    Time at;        //!< when
    bool wasFree;   //!< the ES was online and not busy when it was placed
};

/// A finished task as TaskFinished reported it.
struct FinishedRecord
{
    uint64_t id;    //!< task
    uint32_t node;  //!< ES node id
    bool completed; //!< completed or aborted
    Time at;        //!< when
};

/// An epoch as EpochScheduled reported it.
struct EpochRecord
{
    uint32_t round;     //!< round
    uint32_t pending;   //!< tasks offered
    uint32_t free;      //!< free ES
    uint32_t placed;    //!< tasks placed
    double utility;     //!< system utility
    SolveStatus status; //!< solve status
    Time at;            //!< when
};

/// Everything a coordinator's traces say.
class TraceRecorder
{
  public:
    /// \param coordinator the coordinator to listen to
    explicit TraceRecorder(Ptr<TaskCoordinator> coordinator)
        : m_coordinator(coordinator)
    {
        coordinator->TraceConnectWithoutContext("TaskArrived",
                                                MakeCallback(&TraceRecorder::OnArrived, this));
        coordinator->TraceConnectWithoutContext("TaskAssigned",
                                                MakeCallback(&TraceRecorder::OnAssigned, this));
        coordinator->TraceConnectWithoutContext("TaskFinished",
                                                MakeCallback(&TraceRecorder::OnFinished, this));
        coordinator->TraceConnectWithoutContext("TaskRejected",
                                                MakeCallback(&TraceRecorder::OnRejected, this));
        coordinator->TraceConnectWithoutContext("TaskExpired",
                                                MakeCallback(&TraceRecorder::OnExpired, this));
        coordinator->TraceConnectWithoutContext("EpochScheduled",
                                                MakeCallback(&TraceRecorder::OnEpoch, this));
    }

    std::map<uint64_t, CrowdsourcingTask> tasks; //!< arrived tasks by id
    std::map<uint64_t, Time> arrival;            //!< arrival times by id
    std::vector<AssignedRecord> assigned;        //!< placements, in order
    std::vector<FinishedRecord> finished;        //!< ends, in order
    std::map<uint64_t, Time> rejected;           //!< rejections by id
    std::map<uint64_t, Time> expired;            //!< expiries by id
    std::vector<EpochRecord> epochs;             //!< epochs, in order
    std::vector<std::string> log;                //!< every event, printed exactly

  private:
    /// \param prefix event name \return a line start with the time
    std::ostringstream Line(const std::string& prefix) const
    {
        std::ostringstream os;
        os << std::setprecision(17) << Simulator::Now().GetTimeStep() << " " << prefix;
        return os;
    }

    void OnArrived(uint64_t id, const CrowdsourcingTask& task)
    {
        tasks[id] = task;
        arrival[id] = Simulator::Now();
        const Vector p = task.publisherMobility->GetPosition();
        auto os = Line("arrived");
        os << " " << id << " " << task.dataBits << " " << task.deadlineS << " " << task.value << " "
           << p.x << " " << p.y;
        log.push_back(os.str());
    }

    void OnAssigned(uint64_t id, uint32_t node, double utility, double energyJ, Time duration)
    {
        Ptr<EdgeServer> es = NodeList::GetNode(node)->GetObject<EdgeServer>();
        assigned.push_back({id,
                            node,
                            utility,
                            energyJ,
                            duration,
                            Simulator::Now(),
                            es->IsOnline() && !es->IsBusy()});
        auto os = Line("assigned");
        os << " " << id << " " << node << " " << utility << " " << energyJ << " "
           << duration.GetTimeStep();
        log.push_back(os.str());
    }

    void OnFinished(uint64_t id, uint32_t node, bool completed)
    {
        finished.push_back({id, node, completed, Simulator::Now()});
        auto os = Line("finished");
        os << " " << id << " " << node << " " << completed;
        log.push_back(os.str());
    }

    void OnRejected(uint64_t id, uint32_t round)
    {
        rejected[id] = Simulator::Now();
        auto os = Line("rejected");
        os << " " << id << " " << round;
        log.push_back(os.str());
    }

    void OnExpired(uint64_t id)
    {
        expired[id] = Simulator::Now();
        auto os = Line("expired");
        os << " " << id;
        log.push_back(os.str());
    }

    void OnEpoch(uint32_t round,
                 uint32_t pending,
                 uint32_t free,
                 uint32_t placed,
                 double utility,
                 SolveStatus status)
    {
        epochs.push_back({round, pending, free, placed, utility, status, Simulator::Now()});
        auto os = Line("epoch");
        os << " " << round << " " << pending << " " << free << " " << placed << " " << utility
           << " " << ToString(status);
        log.push_back(os.str());
    }

    Ptr<TaskCoordinator> m_coordinator; //!< the coordinator
};

/// Edge servers with batteries and energy models over an OFDMA cell.
class TaskCoordinatorTest : public edgedmltest::SimulationTest
{
  protected:
    /**
     * \brief Build the edge servers.
     * \param distancesM one ES per distance from the base station, in m
     * \param batteryJ initial energy of each battery, in J
     * \param cpuHz CPU frequency per ES (empty: 2 GHz each)
     */
    void Build(const std::vector<double>& distancesM,
               double batteryJ = 1000.0,
               const std::vector<double>& cpuHz = {})
    {
        m_cell = std::make_unique<OfdmaTestCell>(distancesM, OfdmaHelper(), true);
        for (uint32_t i = 0; i < cpuHz.size(); ++i)
        {
            Server(i)->SetAttribute("CpuFrequencyHz", DoubleValue(cpuHz[i]));
        }
        BasicEnergySourceHelper battery;
        battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(batteryJ));
        // EnergySourceContainer is an Object: copy-construct it, never assign it.
        EnergySourceContainer sources = battery.Install(m_cell->terminalNodes);
        NetDeviceContainer devices;
        for (const auto& terminal : m_cell->terminals)
        {
            devices.Add(terminal);
        }
        EdgeServerEnergyModelHelper energy;
        DeviceEnergyModelContainer models = energy.Install(devices, sources);
        m_sources.clear();
        m_models.clear();
        for (uint32_t i = 0; i < sources.GetN(); ++i)
        {
            m_sources.push_back(sources.Get(i));
            m_models.push_back(DynamicCast<EdgeServerEnergyModel>(models.Get(i)));
        }
        // A small o_i, so that a task's value beats the training share
        // s_i o_i / S of a server even with a handful of servers.
        m_o.assign(distancesM.size(), 0.01);
    }

    /// \return ES i's EdgeServer \param i the index
    Ptr<EdgeServer> Server(uint32_t i) const
    {
        return m_cell->terminalNodes.Get(i)->GetObject<EdgeServer>();
    }

    /// \return the index of the ES with a node id \param node the node id
    uint32_t IndexOf(uint32_t node) const
    {
        for (uint32_t i = 0; i < m_cell->terminalNodes.GetN(); ++i)
        {
            if (m_cell->terminalNodes.Get(i)->GetId() == node)
            {
                return i;
            }
        }
        ADD_FAILURE() << "no ES with node id " << node;
        return 0;
    }

    /**
     * \brief A coordinator over the cell's servers.
     * \param helper configured helper
     * \param stream first stream
     * \return the coordinator
     */
    Ptr<TaskCoordinator> Install(TaskCoordinatorHelper& helper, int64_t stream = 1000)
    {
        Ptr<TaskCoordinator> c = helper.Install(m_cell->terminalNodes, m_o);
        c->AssignStreams(stream);
        return c;
    }

    /**
     * \brief E_task(j, i) of the system model, "Energy" with eta0 = eta = 1.
     * \param task the task \param cpuHz f_i \param deadlineS the deadline it was scheduled with
     * \return gamma f^2 C + p (T - C / f), in J
     */
    static double ClosedFormTaskEnergyJ(const CrowdsourcingTask& task,
                                        double cpuHz,
                                        double deadlineS)
    {
        return TASK_CAPACITANCE * cpuHz * cpuHz * task.computeCycles +
               task.publisherTxPowerW * (deadlineS - task.computeCycles / cpuHz);
    }

    std::unique_ptr<OfdmaTestCell> m_cell;            //!< the cell
    std::vector<Ptr<EnergySource>> m_sources;         //!< per ES, its battery
    std::vector<Ptr<EdgeServerEnergyModel>> m_models; //!< per ES, its energy model
    std::vector<double> m_o;                          //!< o_i per ES
};

} // namespace

// An assigned ES is busy exactly during [epoch, epoch + T_j]: its Busy flag
// rises at the epoch and falls at epoch + T_j, probes scheduled just inside
// and just outside that interval see it, and unassigned ES are never busy.
TEST_F(TaskCoordinatorTest, ServerIsBusyExactlyDuringItsTask)
{
    Build({100, 200, 300});
    TaskCoordinatorHelper helper;
    helper.SetScheduler("Greedy");
    helper.SetAttribute("TasksPerEpoch", UintegerValue(2));
    helper.SetTaskAttribute("DeadlineS", StringValue("ns3::ConstantRandomVariable[Constant=1.25]"));
    Ptr<TaskCoordinator> c = Install(helper);
    TraceRecorder rec(c);

    const Time epoch = Seconds(0.5);
    const Time end = epoch + Seconds(1.25);
    std::map<uint32_t, std::vector<std::pair<Time, bool>>> busyChanges;
    for (uint32_t i = 0; i < 3; ++i)
    {
        Server(i)->TraceConnectWithoutContext(
            "Busy",
            MakeBoundCallback(
                +[](std::vector<std::pair<Time, bool>>* changes, bool, bool now) {
                    changes->emplace_back(Simulator::Now(), now);
                },
                &busyChanges[i]));
    }
    const std::vector<Time> probes{epoch - NanoSeconds(1),
                                   epoch + NanoSeconds(1),
                                   end - NanoSeconds(1),
                                   end + NanoSeconds(1)};
    std::vector<std::vector<bool>> seen(3);
    for (uint32_t i = 0; i < 3; ++i)
    {
        for (const Time& t : probes)
        {
            Simulator::Schedule(t, [this, i, &seen]() { seen[i].push_back(Server(i)->IsBusy()); });
        }
    }
    Simulator::Schedule(epoch, &TaskCoordinator::RunEpoch, c, 0);
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    ASSERT_EQ(rec.assigned.size(), 2u) << "both tasks fit on the three servers";
    std::set<uint32_t> used;
    for (const auto& a : rec.assigned)
    {
        EXPECT_EQ(a.at, epoch);
        EXPECT_EQ(a.duration, Seconds(1.25));
        used.insert(IndexOf(a.node));
    }
    for (uint32_t i = 0; i < 3; ++i)
    {
        if (used.count(i))
        {
            EXPECT_EQ(seen[i], (std::vector<bool>{false, true, true, false})) << "ES " << i;
            const std::vector<std::pair<Time, bool>> expected{{epoch, true}, {end, false}};
            EXPECT_EQ(busyChanges[i], expected) << "ES " << i;
            EXPECT_EQ(c->GetTasksExecuted(i), 1u);
        }
        else
        {
            EXPECT_EQ(seen[i], (std::vector<bool>{false, false, false, false})) << "ES " << i;
            EXPECT_TRUE(busyChanges[i].empty());
            EXPECT_EQ(c->GetTasksExecuted(i), 0u);
        }
    }
    ASSERT_EQ(rec.finished.size(), 2u);
    for (const auto& f : rec.finished)
    {
        EXPECT_TRUE(f.completed);
        EXPECT_EQ(f.at, end);
    }
    ASSERT_EQ(rec.epochs.size(), 1u);
    EXPECT_EQ(rec.epochs[0].pending, 2u);
    EXPECT_EQ(rec.epochs[0].free, 3u);
    EXPECT_EQ(rec.epochs[0].placed, 2u);
}

// The TASK energy each ES's energy model counts, the coordinator's per-ES
// counter and what the battery lost equal the sum over the placed pairs of
// the closed form E_task = gamma f_i^2 C_j + p_j (T'_j - C_j / f_i), over
// several overlapping epochs with different CPU frequencies (T'_j: the
// deadline left when the task is placed, T_j unless it waited).
TEST_F(TaskCoordinatorTest, TaskEnergyIsTheSumOfTheClosedForms)
{
    const std::vector<double> cpuHz{1.5e9, 2e9, 2.5e9, 3e9};
    Build({120, 240, 360, 480}, 1000.0, cpuHz);
    TaskCoordinatorHelper helper;
    helper.SetScheduler("Tabu");
    helper.SetAttribute("TasksPerEpoch", UintegerValue(3));
    helper.SetAttribute("EpochPeriod", TimeValue(Seconds(0.7)));
    Ptr<TaskCoordinator> c = Install(helper);
    TraceRecorder rec(c);
    c->Start();
    Simulator::Schedule(Seconds(10), &TaskCoordinator::Stop, c);
    Simulator::Stop(Seconds(15));
    Simulator::Run();

    std::vector<double> expected(4, 0.0);
    std::vector<uint32_t> count(4, 0);
    uint32_t retried = 0;
    for (const auto& a : rec.assigned)
    {
        const uint32_t i = IndexOf(a.node);
        const CrowdsourcingTask& task = rec.tasks.at(a.id);
        // A task retried at a later epoch is scheduled with its remaining deadline.
        const double remainingS =
            (rec.arrival.at(a.id) + Seconds(task.deadlineS) - a.at).GetSeconds();
        retried += a.at > rec.arrival.at(a.id) ? 1 : 0;
        const double closed = ClosedFormTaskEnergyJ(task, cpuHz[i], remainingS);
        EXPECT_NEAR(a.energyJ, closed, 1e-9 * closed) << "task " << a.id;
        expected[i] += closed;
        ++count[i];
    }
    EXPECT_GE(rec.assigned.size(), 10u);
    EXPECT_GT(retried, 0u) << "some tasks should be placed at a later epoch";
    double total = 0.0;
    for (uint32_t i = 0; i < 4; ++i)
    {
        EXPECT_GT(count[i], 0u) << "every ES should run a task";
        EXPECT_EQ(c->GetTasksExecuted(i), count[i]);
        const double modelJ = m_models[i]->GetEnergyJ(EnergyActivity::TASK);
        EXPECT_NEAR(modelJ, expected[i], 1e-9 * expected[i]) << "ES " << i;
        EXPECT_NEAR(c->GetTaskEnergyJ(i), expected[i], 1e-9 * expected[i]) << "ES " << i;
        EXPECT_NEAR(m_models[i]->GetTotalEnergyConsumption(), modelJ, 1e-12);
        // BasicEnergySource rounds each update to 1 ns of draw (< 1 nJ here);
        // a few updates per task plus the periodic ones (one per second).
        const double updates = 4.0 * count[i] + 20.0;
        EXPECT_NEAR(m_sources[i]->GetRemainingEnergy(), 1000.0 - expected[i], 1e-9 * updates);
        total += expected[i];
    }
    EXPECT_NEAR(c->GetTotalTaskEnergyJ(), total, 1e-9 * total);
    EXPECT_EQ(c->GetTasksCompleted(), rec.assigned.size());
    EXPECT_EQ(c->GetTasksAborted(), 0u);
}

// Tasks outlast the gap between epochs (T_j in [0.5, 2] s, epochs every
// 0.3 s) and one ES is offline during [2, 4] s: no task is ever placed on a
// busy or offline ES, the tasks of one ES never overlap, and the task running
// on the ES when it goes offline is aborted at that instant.
TEST_F(TaskCoordinatorTest, NeverPlacesOnBusyOrOfflineServers)
{
    Build({80, 160, 240, 320, 400, 480});
    TaskCoordinatorHelper helper;
    helper.SetScheduler("Greedy");
    helper.SetAttribute("TasksPerEpoch", UintegerValue(4));
    helper.SetAttribute("EpochPeriod", TimeValue(Seconds(0.3)));
    Ptr<TaskCoordinator> c = Install(helper);
    TraceRecorder rec(c);
    // ES 2 gets a task at the first epoch (greedy, all free) and is taken
    // offline while it may still run it.
    Ptr<EdgeServer> volatileServer = Server(2);
    Simulator::Schedule(Seconds(2.0), &EdgeServer::SetOnline, volatileServer, false);
    Simulator::Schedule(Seconds(4.0), &EdgeServer::SetOnline, volatileServer, true);
    c->Start();
    Simulator::Schedule(Seconds(12), &TaskCoordinator::Stop, c);
    Simulator::Stop(Seconds(16));
    Simulator::Run();

    ASSERT_GE(rec.epochs.size(), 40u);
    uint32_t crowded = 0;
    for (const auto& e : rec.epochs)
    {
        crowded += e.free < 6 ? 1 : 0;
    }
    EXPECT_GT(crowded, 20u) << "tasks should outlast the epoch gap";

    std::map<uint64_t, FinishedRecord> endOf;
    for (const auto& f : rec.finished)
    {
        endOf[f.id] = f;
    }
    std::map<uint32_t, Time> freeAt; // per ES, when its last task ended
    for (const auto& a : rec.assigned)
    {
        EXPECT_TRUE(a.wasFree) << "task " << a.id << " placed on a busy or offline ES";
        const uint32_t i = IndexOf(a.node);
        if (freeAt.count(i))
        {
            EXPECT_GE(a.at, freeAt[i]) << "tasks overlap on ES " << i;
        }
        ASSERT_TRUE(endOf.count(a.id)) << "task " << a.id << " never finished";
        const FinishedRecord& f = endOf[a.id];
        EXPECT_EQ(f.node, a.node);
        freeAt[i] = f.at;
        if (i == 2)
        {
            EXPECT_FALSE(a.at >= Seconds(2.0) && a.at < Seconds(4.0))
                << "task " << a.id << " placed on the offline ES at " << a.at.As(Time::S);
        }
        const bool crossesOffline =
            i == 2 && a.at < Seconds(2.0) && a.at + a.duration > Seconds(2.0);
        if (crossesOffline)
        {
            EXPECT_FALSE(f.completed);
            EXPECT_EQ(f.at, Seconds(2.0));
        }
        else
        {
            EXPECT_TRUE(f.completed) << "task " << a.id;
            EXPECT_EQ(f.at, a.at + a.duration);
        }
    }
    EXPECT_EQ(c->GetTasksAssigned(), rec.assigned.size());
    EXPECT_EQ(c->GetTasksAssigned(), c->GetTasksCompleted() + c->GetTasksAborted());
}

// SetOnline(false) in the middle of a task aborts it then: TaskFinished
// reports it aborted, the ES is no longer busy, and the energy drawn is the
// task power times the time it ran (a third of E_task here).
TEST_F(TaskCoordinatorTest, GoingOfflineAbortsTheRunningTask)
{
    Build({150});
    TaskCoordinatorHelper helper;
    helper.SetScheduler("Greedy");
    helper.SetAttribute("TasksPerEpoch", UintegerValue(1));
    helper.SetTaskAttribute("DeadlineS", StringValue("ns3::ConstantRandomVariable[Constant=1.5]"));
    Ptr<TaskCoordinator> c = Install(helper);
    TraceRecorder rec(c);
    Simulator::Schedule(Seconds(0.5), &TaskCoordinator::RunEpoch, c, 0);
    Simulator::Schedule(Seconds(1.0), &EdgeServer::SetOnline, Server(0), false);
    bool busyAfter = true;
    Simulator::Schedule(Seconds(1.0) + NanoSeconds(1),
                        [this, &busyAfter]() { busyAfter = Server(0)->IsBusy(); });
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    ASSERT_EQ(rec.assigned.size(), 1u);
    ASSERT_EQ(rec.finished.size(), 1u);
    EXPECT_FALSE(rec.finished[0].completed);
    EXPECT_EQ(rec.finished[0].at, Seconds(1.0));
    EXPECT_FALSE(busyAfter);
    EXPECT_FALSE(c->IsExecutingTask(0));
    EXPECT_EQ(c->GetTasksAborted(0), 1u);
    EXPECT_EQ(c->GetTasksExecuted(0), 0u);
    const CrowdsourcingTask& task = rec.tasks.at(rec.assigned[0].id);
    const double spent = ClosedFormTaskEnergyJ(task, 2e9, 1.5) / 3.0;
    EXPECT_NEAR(m_models[0]->GetEnergyJ(EnergyActivity::TASK), spent, 1e-9 * spent);
    EXPECT_NEAR(c->GetTaskEnergyJ(0), spent, 1e-9 * spent);
}

// An energy source that runs dry during a task takes the ES offline; the
// coordinator reports the task aborted at the depletion instant, the energy
// drawn is what the battery held, and later epochs see no free ES.
TEST_F(TaskCoordinatorTest, EnergyDepletionAbortsTheRunningTask)
{
    const double batteryJ = 0.05;
    Build({150}, batteryJ);
    DoubleValue threshold;
    m_sources[0]->GetAttribute("BasicEnergyLowBatteryThreshold", threshold);
    const double usableJ = batteryJ * (1.0 - threshold.Get());
    TaskCoordinatorHelper helper;
    helper.SetScheduler("Greedy");
    helper.SetAttribute("TasksPerEpoch", UintegerValue(1));
    helper.SetTaskAttribute("DeadlineS", StringValue("ns3::ConstantRandomVariable[Constant=1.5]"));
    Ptr<TaskCoordinator> c = Install(helper);
    TraceRecorder rec(c);
    Time depletedAt;
    m_models[0]->TraceConnectWithoutContext("Depleted",
                                            MakeBoundCallback(
                                                +[](Time* t) { *t = Simulator::Now(); },
                                                &depletedAt));
    Simulator::Schedule(Seconds(0.5), &TaskCoordinator::RunEpoch, c, 0);
    Simulator::Schedule(Seconds(2.5), &TaskCoordinator::RunEpoch, c, 1);
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    ASSERT_EQ(rec.assigned.size(), 1u);
    ASSERT_GT(rec.assigned[0].energyJ, batteryJ) << "the task must need more than the battery";
    ASSERT_EQ(rec.finished.size(), 1u);
    EXPECT_FALSE(rec.finished[0].completed);
    EXPECT_GT(depletedAt, Seconds(0.5));
    EXPECT_LT(depletedAt, Seconds(2.0));
    EXPECT_EQ(rec.finished[0].at, depletedAt);
    EXPECT_FALSE(Server(0)->IsOnline());
    EXPECT_FALSE(Server(0)->IsBusy());
    EXPECT_EQ(c->GetTasksAborted(0), 1u);
    // The battery down to its low-battery threshold went into the task, to
    // within one nanosecond of task power.
    const double powerW = rec.assigned[0].energyJ / 1.5;
    EXPECT_NEAR(m_models[0]->GetEnergyJ(EnergyActivity::TASK), usableJ, powerW * 1e-9 + 1e-9);
    EXPECT_NEAR(c->GetTaskEnergyJ(0), m_models[0]->GetEnergyJ(EnergyActivity::TASK), 1e-12);
    ASSERT_EQ(rec.epochs.size(), 2u);
    EXPECT_EQ(rec.epochs[1].free, 0u);
    EXPECT_EQ(rec.epochs[1].placed, 0u);
}

// With the Exact scheduler the utility of every epoch equals the brute-force
// optimum of that epoch's instance (4 tasks x 4 ES, a tight bandwidth).
TEST_F(TaskCoordinatorTest, ExactEpochEqualsBruteForce)
{
    Build({100, 200, 300, 400});
    TaskCoordinatorHelper helper;
    helper.SetScheduler("Exact");
    helper.SetAttribute("TasksPerEpoch", UintegerValue(4));
    helper.SetAttribute("TaskBandwidthHz", DoubleValue(8e6));
    helper.SetAttribute("UnplacedPolicy", StringValue("Reject"));
    Ptr<TaskCoordinator> c = Install(helper);
    TraceRecorder rec(c);
    uint32_t placedTotal = 0;
    uint32_t capacityBound = 0;
    for (uint32_t k = 0; k < 6; ++k)
    {
        Simulator::Schedule(Seconds(3.0 * k), [&, k]() {
            c->RunEpoch(k);
            const MmkpInstance& instance = c->GetProblem()->GetInstance();
            std::vector<int64_t> best;
            ASSERT_TRUE(ns3::edgedml::test::BruteForceMmkpOptimum(instance, best));
            const EpochRecord& e = rec.epochs.back();
            EXPECT_EQ(e.free, 4u);
            EXPECT_EQ(e.pending, 4u);
            EXPECT_EQ(e.status, SolveStatus::OPTIMAL);
            EXPECT_NEAR(e.utility, instance.Evaluate(best), 1e-9) << "epoch " << k;
            placedTotal += e.placed;
            capacityBound += e.placed < 4 ? 1 : 0;
        });
    }
    Simulator::Stop(Seconds(20));
    Simulator::Run();
    EXPECT_EQ(rec.epochs.size(), 6u);
    EXPECT_GT(placedTotal, 0u);
    EXPECT_GT(capacityBound, 0u) << "the bandwidth should bind at some epoch";
}

// Poisson arrivals at 5 tasks/s over 2,000 s: the count lies within 4.5
// standard deviations of 10,000, and every task has exactly one fate.
TEST_F(TaskCoordinatorTest, PoissonArrivalCountMatchesTheRate)
{
    Build({100, 250, 400});
    TaskCoordinatorHelper helper;
    helper.SetScheduler("Greedy");
    helper.SetAttribute("ArrivalMode", StringValue("Poisson"));
    helper.SetAttribute("ArrivalRatePerS", DoubleValue(5.0));
    helper.SetAttribute("EpochPeriod", TimeValue(Seconds(1.0)));
    helper.SetAttribute("UnplacedPolicy", StringValue("Reject"));
    Ptr<TaskCoordinator> c = Install(helper);
    TraceRecorder rec(c);
    const double horizonS = 2000.0;
    c->Start();
    Simulator::Schedule(Seconds(horizonS), &TaskCoordinator::Stop, c);
    Simulator::Stop(Seconds(horizonS + 0.5));
    Simulator::Run();

    const double mean = 5.0 * horizonS;
    const auto arrived = static_cast<double>(c->GetTasksArrived());
    EXPECT_NEAR(arrived, mean, 4.5 * std::sqrt(mean));
    EXPECT_EQ(rec.tasks.size(), c->GetTasksArrived());
    for (const auto& entry : rec.arrival)
    {
        EXPECT_LT(entry.second, Seconds(horizonS));
    }
    // Conservation: arrived = placed + rejected + expired + pending, and
    // placed = completed + aborted + running.
    EXPECT_EQ(c->GetTasksArrived(),
              c->GetTasksAssigned() + c->GetTasksRejected() + c->GetTasksExpired() +
                  c->GetNPendingTasks());
    EXPECT_EQ(c->GetTasksAssigned(),
              c->GetTasksCompleted() + c->GetTasksAborted() + c->GetNRunningTasks());
    EXPECT_GT(c->GetTasksRejected(), 0u);
    EXPECT_GT(c->GetTasksExpired(), 0u) << "tasks with T_j < the wait for an epoch expire";
    // At 0, 1, ..., 1999 s: the Stop at 2000 s was scheduled first.
    EXPECT_EQ(c->GetEpochs(), 2000u);
}

namespace
{

/// What RunScenario saw.
struct ScenarioResult
{
    std::vector<std::string> log;    //!< every trace line
    std::vector<double> shadowingDb; //!< shadowing of every (publisher, ES) pair, in dB
    uint32_t crowdedEpochs{0};       //!< epochs with pending tasks and no free ES
};

/**
 * \brief Run a Poisson scenario.
 * \param stream first stream \param scheduler scheduler name
 * \return what it saw
 */
ScenarioResult
RunScenario(int64_t stream, const std::string& scheduler)
{
    // Few servers for the load, so that some epochs find none free.
    OfdmaTestCell cell({90, 180, 270}, OfdmaHelper(), true);
    auto shadowing = CreateObject<LogNormalShadowingLossModel>();
    TaskCoordinatorHelper helper;
    helper.SetScheduler(scheduler);
    helper.SetAttribute("ArrivalMode", StringValue("Poisson"));
    helper.SetAttribute("ArrivalRatePerS", DoubleValue(6.0));
    helper.SetAttribute("EpochPeriod", TimeValue(Seconds(0.5)));
    helper.SetProblemAttribute("PublisherLossModel", PointerValue(shadowing));
    Ptr<TaskCoordinator> c = helper.Install(cell.terminalNodes, std::vector<double>(3, 0.01));
    c->AssignStreams(stream);
    TraceRecorder rec(c);
    c->Start();
    Simulator::Schedule(Seconds(20), &TaskCoordinator::Stop, c);
    Simulator::Stop(Seconds(23));
    Simulator::Run();
    ScenarioResult result;
    for (const auto& e : rec.epochs)
    {
        result.crowdedEpochs += e.pending > 0 && e.free == 0 ? 1 : 0;
    }
    for (const auto& task : rec.tasks)
    {
        for (uint32_t i = 0; i < 3; ++i)
        {
            result.shadowingDb.push_back(shadowing->GetShadowingLossDb(
                task.second.publisherMobility,
                cell.terminalNodes.Get(i)->GetObject<MobilityModel>()));
        }
    }
    result.log = rec.log;
    c->Dispose();
    Simulator::Destroy();
    return result;
}

/// \param log trace lines \param kind an event name \return the lines of that event
std::vector<std::string>
LinesOf(const std::vector<std::string>& log, const std::string& kind)
{
    std::vector<std::string> lines;
    for (const auto& line : log)
    {
        if (line.find(" " + kind + " ") != std::string::npos)
        {
            lines.push_back(line);
        }
    }
    return lines;
}

} // namespace

// Same streams give the same trace sequence, event for event; another
// stream gives another one. Another scheduler with the same streams sees the
// same arrivals and the same shadowing of every (publisher, ES) pair
// (common random numbers), even though it frees other servers.
TEST_F(TaskCoordinatorTest, SameStreamsGiveIdenticalTraces)
{
    const auto a = RunScenario(77, "Tabu");
    const auto b = RunScenario(77, "Tabu");
    const auto other = RunScenario(78, "Tabu");
    const auto random = RunScenario(77, "Random");
    ASSERT_GT(LinesOf(a.log, "assigned").size(), 20u);
    EXPECT_EQ(a.log, b.log);
    EXPECT_EQ(a.shadowingDb, b.shadowingDb);
    EXPECT_NE(a.log, other.log);
    EXPECT_EQ(LinesOf(a.log, "arrived"), LinesOf(random.log, "arrived"));
    EXPECT_NE(LinesOf(a.log, "assigned"), LinesOf(random.log, "assigned"));
    EXPECT_GT(a.crowdedEpochs, 0u) << "the common-random-number check needs crowded epochs";
    EXPECT_GT(random.crowdedEpochs, 0u);
    EXPECT_EQ(a.shadowingDb, random.shadowingDb);
}

// Strict preset with more tasks than free ES: every scheduler reports no
// feasible assignment, nothing is placed, no ES is busy, the epoch reports
// the base utility, and the simulation goes on: the unplaced tasks expire
// (Retry) and a later feasible epoch places its task.
TEST_F(TaskCoordinatorTest, StrictInfeasibleEpochIsReportedAndSimulationContinues)
{
    for (const auto& name : GetTaskSchedulerShortNames())
    {
        SCOPED_TRACE(name);
        Build({100, 300});
        TaskCoordinatorHelper helper;
        helper.SetScheduler(name);
        helper.SetAttribute("Preset", StringValue("Strict"));
        helper.SetAttribute("TasksPerEpoch", UintegerValue(3));
        Ptr<TaskCoordinator> c = Install(helper);
        TraceRecorder rec(c);
        bool anyBusy = false;
        Simulator::Schedule(Seconds(0.0), &TaskCoordinator::RunEpoch, c, 0);
        Simulator::Schedule(Seconds(2.5), &TaskCoordinator::RunEpoch, c, 1);
        Simulator::Schedule(Seconds(2.5), [&]() {
            anyBusy = anyBusy || Server(0)->IsBusy() || Server(1)->IsBusy();
            c->SetAttribute("TasksPerEpoch", UintegerValue(1));
        });
        Simulator::Schedule(Seconds(5.0), &TaskCoordinator::RunEpoch, c, 2);
        Simulator::Stop(Seconds(8));
        Simulator::Run();

        ASSERT_EQ(rec.epochs.size(), 3u);
        for (uint32_t k = 0; k < 2; ++k)
        {
            const EpochRecord& e = rec.epochs[k];
            EXPECT_TRUE(e.status == SolveStatus::INFEASIBLE ||
                        e.status == SolveStatus::NO_SOLUTION_FOUND)
                << ToString(e.status);
            EXPECT_EQ(e.pending, 3u);
            EXPECT_EQ(e.free, 2u);
            EXPECT_EQ(e.placed, 0u);
            // Base value: sum over the free ES of s_i o_i / S = o.
            EXPECT_NEAR(e.utility, 0.01, 1e-15);
        }
        EXPECT_FALSE(anyBusy);
        EXPECT_EQ(c->GetInfeasibleEpochs(), 2u);
        EXPECT_EQ(rec.expired.size(), 6u) << "the unplaced tasks expire at their deadlines";
        for (const auto& entry : rec.expired)
        {
            EXPECT_EQ(entry.second,
                      rec.arrival.at(entry.first) + Seconds(rec.tasks.at(entry.first).deadlineS));
        }
        EXPECT_EQ(rec.epochs[2].pending, 1u);
        EXPECT_EQ(rec.epochs[2].placed, 1u);
        EXPECT_TRUE(rec.epochs[2].status == SolveStatus::FEASIBLE ||
                    rec.epochs[2].status == SolveStatus::OPTIMAL);
        EXPECT_EQ(c->GetTasksCompleted(), 1u);
        c->Dispose();
        Simulator::Destroy();
    }
}

// Retry: a task not placed stays pending, is offered again at the next
// epochs with its remaining deadline, and expires at arrival + T_j; a task
// placed late keeps its ES busy only for its remaining deadline. Reject: it
// is rejected at its epoch.
TEST_F(TaskCoordinatorTest, UnplacedTasksAreRetriedOrRejected)
{
    for (const std::string policy : {"Retry", "Reject"})
    {
        SCOPED_TRACE(policy);
        Build({150});
        TaskCoordinatorHelper helper;
        helper.SetScheduler("Greedy");
        helper.SetAttribute("TasksPerEpoch", UintegerValue(2));
        helper.SetAttribute("EpochPeriod", TimeValue(Seconds(0.4)));
        helper.SetAttribute("UnplacedPolicy", StringValue(policy));
        helper.SetTaskAttribute("DeadlineS",
                                StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));
        helper.SetTaskAttribute("DataBits",
                                StringValue("ns3::ConstantRandomVariable[Constant=5e6]"));
        Ptr<TaskCoordinator> c = Install(helper);
        TraceRecorder rec(c);
        c->Start();
        Simulator::Schedule(Seconds(1.3), &TaskCoordinator::Stop, c);
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        ASSERT_EQ(rec.epochs.size(), 4u); // at 0, 0.4, 0.8, 1.2 s
        std::vector<uint32_t> pending;
        std::vector<uint32_t> free;
        for (const auto& e : rec.epochs)
        {
            pending.push_back(e.pending);
            free.push_back(e.free);
        }
        EXPECT_EQ(free, (std::vector<uint32_t>{1, 0, 0, 1}));
        ASSERT_EQ(rec.epochs[0].placed, 1u);
        for (const auto& a : rec.assigned)
        {
            EXPECT_EQ(a.duration, rec.arrival.at(a.id) + Seconds(1.0) - a.at) << "task " << a.id;
        }
        if (policy == "Retry")
        {
            // 0 s: 2 new; 0.4 s: 1 left + 2; 0.8 s: + 2; 1.2 s: the two of
            // 0 s are gone (placed, expired at 1 s), + 2.
            EXPECT_EQ(pending, (std::vector<uint32_t>{2, 3, 5, 6}));
            EXPECT_TRUE(rec.rejected.empty());
            ASSERT_FALSE(rec.expired.empty());
            const uint64_t leftOver = rec.assigned[0].id == 0 ? 1 : 0;
            ASSERT_TRUE(rec.expired.count(leftOver));
            EXPECT_EQ(rec.expired.at(leftOver), Seconds(1.0));
            EXPECT_EQ(rec.epochs[3].placed, 1u);
            // The last instance (1.2 s) saw the first retried task (arrived at
            // 0.4 s) with its remaining deadline 0.2 s: t^x = 0.2 - C / f.
            Ptr<TaskSchedulingProblem> problem = c->GetProblem();
            ASSERT_EQ(problem->GetNumTasks(), 6u);
            EXPECT_NEAR(problem->GetComputeTimeS(0, 0), 40.0 * 5e6 / 2e9, 1e-15);
            EXPECT_NEAR(problem->GetTransmitWindowS(0, 0), 0.2 - 0.1, 1e-12);
        }
        else
        {
            EXPECT_EQ(pending, (std::vector<uint32_t>{2, 2, 2, 2}));
            EXPECT_EQ(rec.rejected.size(), 8u - rec.assigned.size());
            EXPECT_TRUE(rec.expired.empty());
            for (const auto& entry : rec.rejected)
            {
                EXPECT_EQ(entry.second, rec.arrival.at(entry.first));
            }
        }
        c->Dispose();
        Simulator::Destroy();
    }
}

// The Scheduler attribute takes short and TypeId names and refuses others;
// the capacities and the preset reach the problem.
TEST_F(TaskCoordinatorTest, AttributesReachSchedulerAndProblem)
{
    auto c = CreateObject<TaskCoordinator>();
    EXPECT_EQ(c->GetScheduler()->GetInstanceTypeId().GetName(), "ns3::edgedml::TabuTaskScheduler");
    EXPECT_TRUE(c->SetAttributeFailSafe("Scheduler", StringValue("Exact")));
    EXPECT_EQ(c->GetScheduler()->GetInstanceTypeId().GetName(), "ns3::edgedml::ExactTaskScheduler");
    EXPECT_TRUE(
        c->SetAttributeFailSafe("Scheduler", StringValue("ns3::edgedml::GreedyTaskScheduler")));
    EXPECT_EQ(c->GetScheduler()->GetInstanceTypeId().GetName(),
              "ns3::edgedml::GreedyTaskScheduler");
    EXPECT_FALSE(c->SetAttributeFailSafe("Scheduler", StringValue("Fastest")));
    EXPECT_FALSE(c->SetAttributeFailSafe("Scheduler", StringValue("ns3::Node")));
    EXPECT_EQ(c->GetScheduler()->GetInstanceTypeId().GetName(),
              "ns3::edgedml::GreedyTaskScheduler");

    c->SetAttribute("TaskBandwidthHz", DoubleValue(10e6));
    c->SetAttribute("TaskEnergyBudgetJ", DoubleValue(5.0));
    c->SetAttribute("Preset", StringValue("Strict"));
    DoubleValue b;
    DoubleValue e;
    EnumValue preset;
    c->GetProblem()->GetAttribute("TaskBandwidthHz", b);
    c->GetProblem()->GetAttribute("TaskEnergyBudgetJ", e);
    c->GetProblem()->GetAttribute("Preset", preset);
    EXPECT_EQ(b.Get(), 10e6);
    EXPECT_EQ(e.Get(), 5.0);
    EXPECT_EQ(preset.Get(), TaskSchedulingProblem::STRICT);

    TaskCoordinatorHelper helper;
    helper.SetScheduler("Annealing");
    helper.SetSchedulerAttribute("CoolingFactor", DoubleValue(0.5));
    Build({100});
    Ptr<TaskCoordinator> installed = Install(helper);
    DoubleValue cooling;
    installed->GetScheduler()->GetAttribute("CoolingFactor", cooling);
    EXPECT_EQ(cooling.Get(), 0.5);
    EXPECT_EQ(installed->GetEdgeServerIndex(m_cell->terminalNodes.Get(0)->GetId()), 0);
    EXPECT_EQ(installed->GetEdgeServerIndex(m_cell->bsNode->GetId()), -1);
}

// Hooked to the parameter server's round start, the coordinator places
// tasks before eligibility: in every round the workers dropped as Busy are
// exactly the ES busy with a task after that round's epoch.
TEST_F(TaskCoordinatorTest, RoundStartHookDropsExactlyTheBusyWorkers)
{
    const std::vector<double> distances{100, 150, 200, 250, 300, 350};
    const uint32_t n = static_cast<uint32_t>(distances.size());
    OfdmaHelper ofdma;
    ofdma.DisableErrorModel();
    OfdmaTestCell cell(distances, ofdma, true);
    NetDeviceContainer devices(cell.bs);
    for (const auto& t : cell.terminals)
    {
        devices.Add(t);
    }
    Ipv4InterfaceContainer interfaces =
        InstallStarIpv4(cell.bsNode, cell.terminalNodes, devices, "10.1.0.0", "255.255.0.0");

    auto generator = CreateObject<SyntheticDatasetGenerator>();
    generator->SetAttribute("NumClasses", UintegerValue(3));
    generator->SetAttribute("NumFeatures", UintegerValue(4));
    generator->AssignStreams(1);
    const std::vector<uint32_t> shardSizes(n, 20);
    auto data = std::make_shared<Dataset>(generator->Generate(20 * n));
    auto partitioner = CreateObject<IidDataPartitioner>();
    partitioner->AssignStreams(2);
    const auto shards = partitioner->Partition(*data, shardSizes);
    auto model = CreateObject<LogisticRegressionModel>();
    model->SetAttribute("NumFeatures", UintegerValue(4));
    model->SetAttribute("NumClasses", UintegerValue(3));
    model->AssignStreams(3);
    model->InitialiseParameters();

    const uint16_t port = 9000;
    TrainingHelper training("ns3::UdpSocketFactory",
                            InetSocketAddress(Ipv4Address::GetAny(), port),
                            InetSocketAddress(Ipv4Address::GetBroadcast(), port),
                            InetSocketAddress(Ipv4Address::GetAny(), port),
                            InetSocketAddress(interfaces.GetAddress(0), port));
    training.SetServerAttribute("MaxRounds", UintegerValue(6));
    Ptr<ParameterServerApplication> server = training.InstallServer(cell.bsNode, model);
    ApplicationContainer workers =
        training.InstallWorkers(cell.terminalNodes, server, model, data, shards);
    TrainingHelper::AssignStreams(workers, 50);

    TaskCoordinatorHelper tasks;
    tasks.SetScheduler("Greedy");
    tasks.SetAttribute("TasksPerEpoch", UintegerValue(2));
    Ptr<TaskCoordinator> c = tasks.Install(cell.terminalNodes, std::vector<double>(n, 0.01));
    c->AssignStreams(500);
    server->SetRoundStartHook(MakeCallback(&TaskCoordinator::RunEpoch, c));

    std::map<uint32_t, std::set<uint32_t>> busyAfterEpoch;
    std::map<uint32_t, std::set<uint32_t>> droppedBusy;
    std::map<uint32_t, uint32_t> participants;
    c->TraceConnectWithoutContext(
        "EpochScheduled",
        Callback<void, uint32_t, uint32_t, uint32_t, uint32_t, double, SolveStatus>(
            [&](uint32_t round, uint32_t, uint32_t, uint32_t, double, SolveStatus) {
                for (uint32_t i = 0; i < n; ++i)
                {
                    Ptr<Node> node = cell.terminalNodes.Get(i);
                    if (node->GetObject<EdgeServer>()->IsBusy())
                    {
                        busyAfterEpoch[round].insert(node->GetId());
                    }
                }
            }));
    server->TraceConnectWithoutContext(
        "UpdateDropped",
        Callback<void, uint32_t, uint32_t, int>([&](uint32_t worker, uint32_t round, int reason) {
            if (reason == ParameterServerApplication::BUSY)
            {
                droppedBusy[round].insert(worker);
            }
        }));
    server->TraceConnectWithoutContext(
        "RoundEnd",
        Callback<void, uint32_t, uint32_t, Time>(
            [&](uint32_t round, uint32_t count, Time) { participants[round] = count; }));
    server->SetStopTime(Seconds(100));
    Simulator::Stop(Seconds(101));
    Simulator::Run();

    EXPECT_EQ(server->GetRoundsCompleted(), 6u);
    EXPECT_EQ(c->GetEpochs(), 6u);
    uint32_t totalBusy = 0;
    for (uint32_t r = 0; r < 6; ++r)
    {
        EXPECT_EQ(droppedBusy[r], busyAfterEpoch[r]) << "round " << r;
        EXPECT_EQ(participants[r], n - busyAfterEpoch[r].size()) << "round " << r;
        totalBusy += static_cast<uint32_t>(busyAfterEpoch[r].size());
    }
    EXPECT_GE(totalBusy, 6u) << "tasks should keep some workers busy";
}
