/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-scheduling-problem.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/edge-server.h"
#include "ns3/enum.h"
#include "ns3/link-budget.h"
#include "ns3/log-normal-shadowing-loss-model.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("TaskSchedulingProblem");
NS_OBJECT_ENSURE_REGISTERED(TaskSchedulingProblem);

TypeId
TaskSchedulingProblem::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::TaskSchedulingProblem")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<TaskSchedulingProblem>()
            .AddAttribute("Preset",
                          "Valued (utility phi_j rho - s_i o_i / S, tasks may be rejected) or "
                          "Strict (phi_j = 0, every task must be placed).",
                          EnumValue(TaskSchedulingProblem::VALUED),
                          MakeEnumAccessor(&TaskSchedulingProblem::m_preset),
                          MakeEnumChecker(TaskSchedulingProblem::VALUED,
                                          "Valued",
                                          TaskSchedulingProblem::STRICT,
                                          "Strict"))
            .AddAttribute("PublisherLossModel",
                          "Propagation loss from a task's publisher to an edge server. Default "
                          "(when null after construction): LogDistancePropagationLossModel "
                          "with ReferenceDistance 1 m, ReferenceLoss 15.3 dB, Exponent 3.76 "
                          "(= 128.1 + 37.6 log10(d / 1 km) dB for d > 1 m) chained with a "
                          "LogNormalShadowingLossModel of 8 dB.",
                          PointerValue(),
                          MakePointerAccessor(&TaskSchedulingProblem::m_lossModel),
                          MakePointerChecker<PropagationLossModel>())
            .AddAttribute("NoiseDensityDbmPerHz",
                          "Noise power spectral density N0, in dBm/Hz.",
                          DoubleValue(-174.0),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_noiseDensityDbmPerHz),
                          MakeDoubleChecker<double>(-300.0, 100.0))
            .AddAttribute("ReferenceNoiseBandwidthHz",
                          "Bandwidth of the reference noise sigma^2 = N0 * B_ref, in Hz.",
                          DoubleValue(1e6),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_referenceNoiseBandwidthHz),
                          MakeDoubleChecker<double>(1e-3, 1e15))
            .AddAttribute("WaterfallThreshold",
                          "Waterfall threshold m (linear) of rho = exp(-m / SNR).",
                          DoubleValue(1.08),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_waterfallThreshold),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("TaskBandwidthHz",
                          "Capacity B: system bandwidth for tasks, in Hz.",
                          DoubleValue(30e6),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_taskBandwidthHz),
                          MakeDoubleChecker<double>(0.0, 1e15))
            .AddAttribute("TaskEnergyBudgetJ",
                          "Capacity E_max: energy for tasks, in J.",
                          DoubleValue(60.0),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_taskEnergyBudgetJ),
                          MakeDoubleChecker<double>(0.0, 1e15))
            .AddAttribute("TaskCapacitance",
                          "Effective switched capacitance gamma of task execution, in "
                          "J / (cycle Hz^2).",
                          DoubleValue(1e-28),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_taskCapacitance),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("ComputeEnergyFactor",
                          "Weight eta0 of the compute energy in e_{j,i}.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_computeEnergyFactor),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("TransmitEnergyFactor",
                          "Weight eta of the transmit energy in e_{j,i}.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&TaskSchedulingProblem::m_transmitEnergyFactor),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("DropOversizedPairs",
                          "Leave out pairs whose bandwidth or energy weight alone exceeds its "
                          "capacity (they can never be chosen; the optimum is unchanged).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TaskSchedulingProblem::m_dropOversizedPairs),
                          MakeBooleanChecker());
    return tid;
}

TaskSchedulingProblem::TaskSchedulingProblem()
    : m_preset(VALUED),
      m_noiseDensityDbmPerHz(-174.0),
      m_referenceNoiseBandwidthHz(1e6),
      m_waterfallThreshold(1.08),
      m_taskBandwidthHz(30e6),
      m_taskEnergyBudgetJ(60.0),
      m_taskCapacitance(1e-28),
      m_computeEnergyFactor(1.0),
      m_transmitEnergyFactor(1.0),
      m_dropOversizedPairs(true)
{
}

TaskSchedulingProblem::~TaskSchedulingProblem() = default;

void
TaskSchedulingProblem::NotifyConstructionCompleted()
{
    if (!m_lossModel)
    {
        auto pathLoss = CreateObject<LogDistancePropagationLossModel>();
        // ns-3 returns the reference loss for every d <= ReferenceDistance, so
        // 128.1 dB at 1 km is written as 15.3 dB at 1 m (128.1 - 37.6 * 3).
        pathLoss->SetAttribute("ReferenceDistance", DoubleValue(1.0));
        pathLoss->SetAttribute("ReferenceLoss", DoubleValue(128.1 - 37.6 * 3.0));
        pathLoss->SetAttribute("Exponent", DoubleValue(3.76));
        auto shadowing = CreateObject<LogNormalShadowingLossModel>();
        pathLoss->SetNext(shadowing);
        m_lossModel = pathLoss;
    }
    Object::NotifyConstructionCompleted();
}

void
TaskSchedulingProblem::DoDispose()
{
    m_lossModel = nullptr;
    m_tasks.clear();
    m_servers.clear();
    m_instance.reset();
    m_deliveryProbability.clear();
    Object::DoDispose();
}

namespace
{

/// \return whether x is finite and >= 0 \param x a value
bool
IsNonNegative(double x)
{
    return std::isfinite(x) && x >= 0.0;
}

} // namespace

void
TaskSchedulingProblem::Build(const std::vector<CrowdsourcingTask>& tasks,
                             const std::vector<EdgeServerState>& servers)
{
    NS_ABORT_MSG_UNLESS(m_lossModel, "TaskSchedulingProblem: PublisherLossModel is null");
    NS_ABORT_MSG_UNLESS(tasks.size() < (1ULL << 31) && servers.size() < (1ULL << 31),
                        "TaskSchedulingProblem: too many tasks or servers");
    for (std::size_t j = 0; j < tasks.size(); ++j)
    {
        const auto& t = tasks[j];
        NS_ABORT_MSG_UNLESS(IsNonNegative(t.dataBits) && IsNonNegative(t.computeCycles) &&
                                IsNonNegative(t.value) && IsNonNegative(t.publisherTxPowerW) &&
                                std::isfinite(t.deadlineS) && t.deadlineS > 0.0,
                            "TaskSchedulingProblem: task "
                                << j << " has D=" << t.dataBits << " C=" << t.computeCycles << " T="
                                << t.deadlineS << " phi=" << t.value << " p=" << t.publisherTxPowerW
                                << "; need D, C, phi, p finite and >= 0 and T finite and > 0");
        NS_ABORT_MSG_UNLESS(t.publisherMobility,
                            "TaskSchedulingProblem: task " << j << " has no publisher mobility");
    }
    double totalSamples = 0.0;
    for (std::size_t i = 0; i < servers.size(); ++i)
    {
        const auto& s = servers[i];
        const double o = s.trainingSuccessProbability;
        NS_ABORT_MSG_UNLESS(IsNonNegative(s.samples) && std::isfinite(s.cpuFrequencyHz) &&
                                s.cpuFrequencyHz > 0.0 && o >= 0.0 && o <= 1.0,
                            "TaskSchedulingProblem: edge server "
                                << i << " has s=" << s.samples << " f=" << s.cpuFrequencyHz << " o="
                                << o << "; need s finite and >= 0, f finite and > 0, o in [0, 1]");
        NS_ABORT_MSG_UNLESS(!s.available || s.mobility,
                            "TaskSchedulingProblem: available edge server " << i
                                                                            << " has no mobility");
        totalSamples += s.samples;
    }

    m_tasks = tasks;
    m_servers = servers;
    m_totalSamples = totalSamples;
    const bool strict = (m_preset == STRICT);
    const uint32_t q = static_cast<uint32_t>(tasks.size());
    const uint32_t n = static_cast<uint32_t>(servers.size());

    // Training share s_i o_i / S of each server (0 when S = 0).
    std::vector<double> share(n, 0.0);
    double baseValue = 0.0;
    for (uint32_t i = 0; i < n; ++i)
    {
        if (totalSamples > 0.0)
        {
            share[i] = servers[i].samples * servers[i].trainingSuccessProbability / totalSamples;
        }
        if (servers[i].available)
        {
            baseValue += share[i];
        }
    }

    // Count the pairs that meet their deadline, to reserve once.
    std::size_t candidates = 0;
    for (uint32_t j = 0; j < q; ++j)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            if (servers[i].available &&
                tasks[j].deadlineS - tasks[j].computeCycles / servers[i].cpuFrequencyHz > 0.0)
            {
                ++candidates;
            }
        }
    }

    m_instance =
        std::make_unique<MmkpInstance>(std::vector<double>{m_taskBandwidthHz, m_taskEnergyBudgetJ});
    m_instance->SetResourcesDisjoint(true);
    m_instance->SetMustAssignAll(strict);
    m_instance->SetBaseValue(baseValue);
    m_instance->Reserve(q, candidates);
    m_deliveryProbability.clear();
    m_deliveryProbability.reserve(candidates);

    const double noiseW = NoisePowerW(m_noiseDensityDbmPerHz, m_referenceNoiseBandwidthHz);
    std::vector<double> weights(2, 0.0);
    for (uint32_t j = 0; j < q; ++j)
    {
        const CrowdsourcingTask& task = tasks[j];
        m_instance->AddClass();
        const bool silent = !(task.publisherTxPowerW > 0.0);
        const double txDbm = silent ? 0.0 : WToDbm(task.publisherTxPowerW);
        const double phi = strict ? 0.0 : task.value;
        for (uint32_t i = 0; i < n; ++i)
        {
            const EdgeServerState& server = servers[i];
            if (!server.available)
            {
                continue;
            }
            const double f = server.cpuFrequencyHz;
            const double transmitS = task.deadlineS - task.computeCycles / f;
            if (!(transmitS > 0.0))
            {
                continue; // misses the deadline even with an instant upload
            }
            double snr = 0.0;
            if (!silent)
            {
                const double rxDbm =
                    m_lossModel->CalcRxPower(txDbm, task.publisherMobility, server.mobility);
                snr = DbmToW(rxDbm) / noiseW;
            }
            double bandwidthHz = 0.0;
            if (task.dataBits > 0.0)
            {
                bandwidthHz = task.dataBits / (transmitS * std::log2(1.0 + snr));
                if (!std::isfinite(bandwidthHz))
                {
                    continue; // zero rate: the data can never be delivered
                }
            }
            const double energyJ =
                m_computeEnergyFactor * m_taskCapacitance * f * f * task.computeCycles +
                m_transmitEnergyFactor * task.publisherTxPowerW * transmitS;
            NS_ABORT_MSG_UNLESS(std::isfinite(energyJ),
                                "TaskSchedulingProblem: energy weight of task "
                                    << j << " on server " << i << " is " << energyJ);
            if (m_dropOversizedPairs &&
                (bandwidthHz > m_taskBandwidthHz || energyJ > m_taskEnergyBudgetJ))
            {
                continue;
            }
            const double rho = WaterfallSuccessProbability(m_waterfallThreshold, snr);
            weights[0] = bandwidthHz;
            weights[1] = energyJ;
            m_instance->AddItem(phi * rho - share[i], weights, static_cast<int32_t>(i));
            m_deliveryProbability.push_back(rho);
        }
    }
    NS_LOG_INFO("built " << q << " tasks x " << n << " servers: " << m_instance->GetNumItems()
                         << " items");
}

std::vector<EdgeServerState>
TaskSchedulingProblem::DescribeEdgeServers(const NodeContainer& nodes,
                                           const std::vector<double>& trainingSuccessProbabilities)
{
    NS_ABORT_MSG_UNLESS(nodes.GetN() == trainingSuccessProbabilities.size(),
                        "TaskSchedulingProblem: " << nodes.GetN() << " nodes but "
                                                  << trainingSuccessProbabilities.size()
                                                  << " training success probabilities");
    std::vector<EdgeServerState> servers;
    servers.reserve(nodes.GetN());
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        Ptr<Node> node = nodes.Get(i);
        Ptr<EdgeServer> es = node->GetObject<EdgeServer>();
        NS_ABORT_MSG_UNLESS(es,
                            "TaskSchedulingProblem: node " << node->GetId()
                                                           << " carries no EdgeServer");
        Ptr<MobilityModel> mobility = node->GetObject<MobilityModel>();
        NS_ABORT_MSG_UNLESS(mobility,
                            "TaskSchedulingProblem: node " << node->GetId()
                                                           << " has no MobilityModel");
        EdgeServerState state;
        state.samples = es->GetSamples();
        state.cpuFrequencyHz = es->GetCpuFrequencyHz();
        state.trainingSuccessProbability = trainingSuccessProbabilities[i];
        state.mobility = mobility;
        state.available = es->IsOnline() && !es->IsBusy();
        servers.push_back(state);
    }
    return servers;
}

void
TaskSchedulingProblem::Build(const std::vector<CrowdsourcingTask>& tasks,
                             const NodeContainer& nodes,
                             const std::vector<double>& trainingSuccessProbabilities)
{
    Build(tasks, DescribeEdgeServers(nodes, trainingSuccessProbabilities));
}

void
TaskSchedulingProblem::CheckBuilt() const
{
    NS_ABORT_MSG_UNLESS(m_instance, "TaskSchedulingProblem: call Build first");
}

const MmkpInstance&
TaskSchedulingProblem::GetInstance() const
{
    CheckBuilt();
    return *m_instance;
}

uint32_t
TaskSchedulingProblem::GetNumTasks() const
{
    return static_cast<uint32_t>(m_tasks.size());
}

uint32_t
TaskSchedulingProblem::GetNumEdgeServers() const
{
    return static_cast<uint32_t>(m_servers.size());
}

double
TaskSchedulingProblem::GetTotalSamples() const
{
    return m_totalSamples;
}

int64_t
TaskSchedulingProblem::GetItem(uint32_t task, uint32_t server) const
{
    CheckBuilt();
    NS_ABORT_MSG_UNLESS(task < m_tasks.size() && server < m_servers.size(),
                        "TaskSchedulingProblem: no pair (" << task << ", " << server << ")");
    // Items of a class are in increasing server order.
    int64_t lo = m_instance->GetFirstItem(task);
    int64_t hi = m_instance->GetEndItem(task);
    const auto wanted = static_cast<int32_t>(server);
    while (lo < hi)
    {
        const int64_t mid = lo + (hi - lo) / 2;
        if (m_instance->GetResource(mid) < wanted)
        {
            lo = mid + 1;
        }
        else
        {
            hi = mid;
        }
    }
    if (lo < m_instance->GetEndItem(task) && m_instance->GetResource(lo) == wanted)
    {
        return lo;
    }
    return MmkpInstance::REJECTED;
}

bool
TaskSchedulingProblem::IsFeasible(uint32_t task, uint32_t server) const
{
    return GetItem(task, server) != MmkpInstance::REJECTED;
}

int64_t
TaskSchedulingProblem::GetExistingItem(uint32_t task, uint32_t server) const
{
    const int64_t item = GetItem(task, server);
    NS_ABORT_MSG_IF(item == MmkpInstance::REJECTED,
                    "TaskSchedulingProblem: pair (" << task << ", " << server
                                                    << ") is infeasible; check IsFeasible");
    return item;
}

uint32_t
TaskSchedulingProblem::GetTaskOfItem(int64_t item) const
{
    CheckBuilt();
    NS_ABORT_MSG_UNLESS(item >= 0 && static_cast<std::size_t>(item) < m_instance->GetNumItems(),
                        "TaskSchedulingProblem: no item " << item);
    return m_instance->GetClassOf(item);
}

uint32_t
TaskSchedulingProblem::GetEdgeServerOfItem(int64_t item) const
{
    CheckBuilt();
    NS_ABORT_MSG_UNLESS(item >= 0 && static_cast<std::size_t>(item) < m_instance->GetNumItems(),
                        "TaskSchedulingProblem: no item " << item);
    return static_cast<uint32_t>(m_instance->GetResource(item));
}

double
TaskSchedulingProblem::GetUtility(uint32_t task, uint32_t server) const
{
    return m_instance->GetValue(GetExistingItem(task, server));
}

double
TaskSchedulingProblem::GetBandwidthWeightHz(uint32_t task, uint32_t server) const
{
    return m_instance->GetWeight(GetExistingItem(task, server), 0);
}

double
TaskSchedulingProblem::GetEnergyWeightJ(uint32_t task, uint32_t server) const
{
    return m_instance->GetWeight(GetExistingItem(task, server), 1);
}

double
TaskSchedulingProblem::GetDeliveryProbability(uint32_t task, uint32_t server) const
{
    return m_deliveryProbability[GetExistingItem(task, server)];
}

double
TaskSchedulingProblem::GetComputeTimeS(uint32_t task, uint32_t server) const
{
    CheckBuilt();
    NS_ABORT_MSG_UNLESS(task < m_tasks.size() && server < m_servers.size(),
                        "TaskSchedulingProblem: no pair (" << task << ", " << server << ")");
    return m_tasks[task].computeCycles / m_servers[server].cpuFrequencyHz;
}

double
TaskSchedulingProblem::GetTransmitWindowS(uint32_t task, uint32_t server) const
{
    return m_tasks[task].deadlineS - GetComputeTimeS(task, server);
}

double
TaskSchedulingProblem::GetTrainingPerformance(const std::vector<int64_t>& assignment) const
{
    CheckBuilt();
    NS_ABORT_MSG_UNLESS(assignment.size() == m_tasks.size(),
                        "TaskSchedulingProblem: assignment has "
                            << assignment.size() << " entries for " << m_tasks.size() << " tasks");
    if (!(m_totalSamples > 0.0))
    {
        return 0.0;
    }
    std::vector<bool> executes(m_servers.size(), false);
    for (int64_t item : assignment)
    {
        if (item != MmkpInstance::REJECTED)
        {
            executes[GetEdgeServerOfItem(item)] = true;
        }
    }
    double total = 0.0;
    for (std::size_t i = 0; i < m_servers.size(); ++i)
    {
        if (m_servers[i].available && !executes[i])
        {
            total += m_servers[i].samples * m_servers[i].trainingSuccessProbability;
        }
    }
    return total / m_totalSamples;
}

double
TaskSchedulingProblem::GetSystemUtility(const std::vector<int64_t>& assignment) const
{
    CheckBuilt();
    return m_instance->Evaluate(assignment);
}

std::vector<int32_t>
TaskSchedulingProblem::GetAssignedEdgeServers(const std::vector<int64_t>& assignment) const
{
    CheckBuilt();
    std::vector<int32_t> servers(assignment.size(), -1);
    for (std::size_t j = 0; j < assignment.size(); ++j)
    {
        if (assignment[j] != MmkpInstance::REJECTED)
        {
            servers[j] = static_cast<int32_t>(GetEdgeServerOfItem(assignment[j]));
        }
    }
    return servers;
}

int64_t
TaskSchedulingProblem::AssignStreams(int64_t stream)
{
    NS_ABORT_MSG_UNLESS(m_lossModel, "TaskSchedulingProblem: PublisherLossModel is null");
    return m_lossModel->AssignStreams(stream);
}

} // namespace edgedml
} // namespace ns3
