/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-scenario-helper.h"

#include "edge-server-energy-model-helper.h"
#include "edge-server-helper.h"
#include "ipv4-star-helper.h"
#include "task-coordinator-helper.h"
#include "training-helper.h"

#include "ns3/annulus-position-allocator.h"
#include "ns3/basic-energy-source-helper.h"
#include "ns3/boolean.h"
#include "ns3/bounded-checkers.h"
#include "ns3/data-partitioner.h"
#include "ns3/derived-type-name.h"
#include "ns3/dirichlet-data-partitioner.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/iid-data-partitioner.h"
#include "ns3/inet-socket-address.h"
#include "ns3/learning-model.h"
#include "ns3/link-budget.h"
#include "ns3/local-trainer.h"
#include "ns3/mobility-helper.h"
#include "ns3/object-factory.h"
#include "ns3/packet-socket-address.h"
#include "ns3/packet-socket-helper.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/shifted-exponential-random-variable.h"
#include "ns3/string.h"
#include "ns3/sync-policy.h"
#include "ns3/uinteger.h"
#include "ns3/waterfall-error-model.h"
#include "ns3/worker-availability-model.h"

#include <algorithm>
#include <numeric>

namespace ns3
{
namespace edgedml
{

int64_t
TrainingScenario::GetEdgeServerIndex(uint32_t nodeId) const
{
    for (uint32_t i = 0; i < edgeNodes.GetN(); ++i)
    {
        if (edgeNodes.Get(i)->GetId() == nodeId)
        {
            return i;
        }
    }
    return -1;
}

NS_OBJECT_ENSURE_REGISTERED(TrainingScenarioHelper);

namespace
{

/// \return the checker of an attribute of a type (the bounds written once, there)
/// \param tid the type \param name the attribute
Ptr<const AttributeChecker>
CheckerOf(TypeId tid, const std::string& name)
{
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_UNLESS(tid.LookupAttributeByName(name, &info),
                        tid.GetName() << " has no attribute " << name);
    return info.checker;
}

/// \return the TypeId a name resolves to under a base (names are checked
/// by the attributes' checkers) \param name the name \param base the base
TypeId
Resolve(const std::string& name, TypeId base)
{
    TypeId tid;
    std::string error;
    NS_ABORT_MSG_UNLESS(LookupDerivedTypeId(name, base, tid, error), error);
    return tid;
}

} // namespace

TypeId
TrainingScenarioHelper::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::TrainingScenarioHelper")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<TrainingScenarioHelper>()
            .AddAttribute("NumEdgeServers",
                          "n: number of edge servers (workers) around the parameter server.",
                          UintegerValue(80),
                          MakeUintegerAccessor(&TrainingScenarioHelper::m_numEdgeServers),
                          MakeUintegerChecker<uint32_t>(1, 100000))
            .AddAttribute("SamplesPerServer",
                          "s_i, training samples of every edge server (0: each ES draws its "
                          "own from EdgeServerHelper's samples variable, U{100, 200, ..., "
                          "600}).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TrainingScenarioHelper::m_samplesPerServer),
                          MakeUintegerChecker<uint32_t>(0, 1000000000))
            .AddAttribute("Socket",
                          "Transport of the parameter messages: udp (UDP over IPv4) or packet "
                          "(raw packet sockets on the OFDMA devices, without the IP stack's "
                          "per-packet cost).",
                          EnumValue(TrainingScenarioHelper::UDP),
                          MakeEnumAccessor(&TrainingScenarioHelper::m_socket),
                          MakeEnumChecker(TrainingScenarioHelper::UDP,
                                          "udp",
                                          TrainingScenarioHelper::PACKET,
                                          "packet"))
            .AddAttribute("Port",
                          "UDP port of the parameter server and the workers.",
                          UintegerValue(9000),
                          MakeUintegerAccessor(&TrainingScenarioHelper::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("RedrawInterference",
                          "Redraw the uplink interference of every edge server at every round "
                          "start (OfdmaChannel::RedrawUplinkInterference).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TrainingScenarioHelper::m_redrawInterference),
                          MakeBooleanChecker())
            .AddAttribute("InitialEnergyJ",
                          "Initial battery energy of each edge server (its "
                          "BasicEnergySource), in J.",
                          DoubleValue(10000.0),
                          MakeDoubleAccessor(&TrainingScenarioHelper::m_initialEnergyJ),
                          MakePositiveDoubleChecker(1e15))
            .AddAttribute("LearningModel",
                          "The learning model: a short name or the TypeId name of a "
                          "LearningModel subclass.",
                          StringValue("LogisticRegression"),
                          MakeStringAccessor(&TrainingScenarioHelper::m_learningModel),
                          MakeDerivedTypeNameChecker<LearningModel>())
            .AddAttribute(
                "DirichletAlpha",
                "Dirichlet alpha of the non-IID split of the training set over the "
                "edge servers (DirichletDataPartitioner::Alpha; 0: an IID split).",
                DoubleValue(0.0),
                MakeDoubleAccessor(&TrainingScenarioHelper::m_dirichletAlpha),
                MakeZeroOrDoubleChecker(CheckerOf(DirichletDataPartitioner::GetTypeId(), "Alpha")))
            .AddAttribute("Rounds",
                          "Synchronous SGD rounds (the parameter server's MaxRounds).",
                          UintegerValue(50),
                          MakeUintegerAccessor(&TrainingScenarioHelper::m_rounds),
                          CheckerOf(ParameterServerApplication::GetTypeId(), "MaxRounds"))
            .AddAttribute("LocalSteps",
                          "tau: local SGD steps per round (the workers' LocalTrainer).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&TrainingScenarioHelper::m_localSteps),
                          CheckerOf(LocalTrainer::GetTypeId(), "LocalSteps"))
            .AddAttribute("LearningRate",
                          "eta: SGD step size (the workers' LocalTrainer, dimensionless).",
                          DoubleValue(0.2),
                          MakeDoubleAccessor(&TrainingScenarioHelper::m_learningRate),
                          CheckerOf(LocalTrainer::GetTypeId(), "LearningRate"))
            .AddAttribute("RoundDeadlineS",
                          "Time after a round's start at which the parameter server "
                          "aggregates whatever arrived, in s (the sync policy's; 0: none).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&TrainingScenarioHelper::m_roundDeadlineS),
                          CheckerOf(SyncPolicy::GetTypeId(), "RoundDeadlineS"))
            .AddAttribute("SyncPolicy",
                          "When the parameter server closes a round: a short name or the "
                          "TypeId name of a SyncPolicy subclass.",
                          StringValue("Full"),
                          MakeStringAccessor(&TrainingScenarioHelper::m_syncPolicy),
                          MakeDerivedTypeNameChecker<SyncPolicy>())
            .AddAttribute("WorkerAvailability",
                          "Whether a worker is available in a round (one model per worker): a "
                          "short name (Always, Bernoulli, Markov) or the TypeId name of a "
                          "WorkerAvailabilityModel subclass.",
                          StringValue("Always"),
                          MakeStringAccessor(&TrainingScenarioHelper::m_availability),
                          MakeDerivedTypeNameChecker<WorkerAvailabilityModel>())
            .AddAttribute("WorkerSelector",
                          "Which eligible workers train in a round: a short name (AllAvailable, "
                          "RandomK, BestChannel, LargestData, PowerOfChoice, DataValue) or the "
                          "TypeId name of a WorkerSelector subclass; its K and weights are its "
                          "attributes' defaults.",
                          StringValue("AllAvailable"),
                          MakeStringAccessor(&TrainingScenarioHelper::m_workerSelector),
                          MakeDerivedTypeNameChecker<WorkerSelector>())
            .AddAttribute("WorkerRamp",
                          "Give the worker selector an exponential WorkerRamp (its attributes' "
                          "defaults) instead of its fixed K; AllAvailable ignores it.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&TrainingScenarioHelper::m_workerRamp),
                          MakeBooleanChecker())
            .AddAttribute("LearningRateSchedule",
                          "eta_t of each round: a short name (Constant, InverseTime, Step) or "
                          "the TypeId name of a LearningRateSchedule subclass.",
                          StringValue("Constant"),
                          MakeStringAccessor(&TrainingScenarioHelper::m_learningRateSchedule),
                          MakeDerivedTypeNameChecker<LearningRateSchedule>())
            .AddAttribute("LocalWork",
                          "Local steps and batch size of each update: a short name (Fixed, "
                          "DataProportional, ComputeProportional, Adaptive) or the TypeId name "
                          "of a LocalWorkPolicy subclass.",
                          StringValue("Fixed"),
                          MakeStringAccessor(&TrainingScenarioHelper::m_localWork),
                          MakeDerivedTypeNameChecker<LocalWorkPolicy>())
            .AddAttribute("StragglerShiftS",
                          "Shift of the workers' straggler delay (a shifted exponential "
                          "between local compute and upload), in s; shift and mean 0: none.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&TrainingScenarioHelper::m_stragglerShiftS),
                          CheckerOf(ShiftedExponentialRandomVariable::GetTypeId(), "Shift"))
            .AddAttribute("StragglerMeanS",
                          "Mean of the exponential part of the straggler delay, in s.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&TrainingScenarioHelper::m_stragglerMeanS),
                          CheckerOf(ShiftedExponentialRandomVariable::GetTypeId(), "Mean"))
            .AddAttribute("Tasks",
                          "Run crowdsourcing tasks: a TaskCoordinator (its attributes' "
                          "defaults) with a scheduling epoch at every round start.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TrainingScenarioHelper::m_tasks),
                          MakeBooleanChecker());
    return tid;
}

TrainingScenarioHelper::TrainingScenarioHelper() = default;

TrainingScenarioHelper::~TrainingScenarioHelper() = default;

void
TrainingScenarioHelper::SetRoundStartHook(Callback<void, uint32_t> hook)
{
    m_hook = hook;
}

TrainingScenario
TrainingScenarioHelper::Install(std::shared_ptr<const Dataset> train,
                                int64_t stream,
                                int64_t* streamsUsed) const
{
    const int64_t first = stream;
    TrainingScenario s;
    s.train = train;

    // Nodes: the parameter server at the origin, the edge servers around it.
    s.psNode = CreateObject<Node>();
    s.edgeNodes.Create(m_numEdgeServers);
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(s.psNode);
    auto positions = CreateObject<AnnulusPositionAllocator>();
    stream += positions->AssignStreams(stream);
    mobility.SetPositionAllocator(positions);
    mobility.Install(s.edgeNodes);

    EdgeServerHelper edgeServers;
    if (m_samplesPerServer > 0)
    {
        edgeServers.SetSamplesVariable(
            CreateObjectWithAttributes<ConstantRandomVariable>("Constant",
                                                               DoubleValue(m_samplesPerServer)));
    }
    stream += edgeServers.AssignStreams(stream);
    s.servers = edgeServers.Install(s.edgeNodes);

    // The OFDMA cell with the waterfall loss (OfdmaHelper's defaults).
    NetDeviceContainer devices = s.ofdma.Install(s.psNode, s.edgeNodes);
    stream += s.ofdma.AssignStreams(devices, stream);
    s.psDevice = DynamicCast<OfdmaNetDevice>(devices.Get(0));
    s.channel = DynamicCast<OfdmaChannel>(s.psDevice->GetChannel());
    for (uint32_t i = 1; i < devices.GetN(); ++i)
    {
        s.edgeDevices.Add(devices.Get(i));
    }

    // Energy: a battery and an EdgeServerEnergyModel per edge server.
    {
        BasicEnergySourceHelper battery;
        battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(m_initialEnergyJ));
        EnergySourceContainer sources = battery.Install(s.edgeNodes);
        EdgeServerEnergyModelHelper energy;
        s.energyModels = energy.Install(s.edgeDevices, sources);
    }

    // The transport; the PS broadcasts W_t to every ES.
    std::unique_ptr<TrainingHelper> trainingHelper;
    if (m_socket == PACKET)
    {
        PacketSocketHelper packetSockets;
        packetSockets.Install(s.psNode);
        packetSockets.Install(s.edgeNodes);
        const uint16_t protocol = 0x88B5; // IEEE 802 local experimental EtherType
        PacketSocketAddress local;
        local.SetAllDevices();
        local.SetProtocol(protocol);
        PacketSocketAddress broadcast;
        broadcast.SetSingleDevice(s.psDevice->GetIfIndex());
        broadcast.SetPhysicalAddress(s.psDevice->GetBroadcast());
        broadcast.SetProtocol(protocol);
        // Every ES has one device (index 0 besides the loopback-free packet
        // stack), so one Remote address serves all workers.
        PacketSocketAddress remote;
        remote.SetSingleDevice(s.edgeDevices.Get(0)->GetIfIndex());
        remote.SetPhysicalAddress(s.psDevice->GetAddress());
        remote.SetProtocol(protocol);
        trainingHelper = std::make_unique<TrainingHelper>("ns3::PacketSocketFactory",
                                                          local,
                                                          broadcast,
                                                          local,
                                                          remote);
    }
    else
    {
        Ipv4InterfaceContainer interfaces =
            InstallStarIpv4(s.psNode, s.edgeNodes, devices, "10.0.0.0", "255.0.0.0");
        trainingHelper =
            std::make_unique<TrainingHelper>("ns3::UdpSocketFactory",
                                             InetSocketAddress(Ipv4Address::GetAny(), m_port),
                                             InetSocketAddress(Ipv4Address::GetBroadcast(), m_port),
                                             InetSocketAddress(Ipv4Address::GetAny(), m_port),
                                             InetSocketAddress(interfaces.GetAddress(0), m_port));
    }

    // The data split: s_i samples per edge server.
    const std::vector<uint32_t> sizes = TrainingHelper::GetSampleCounts(s.edgeNodes);
    const uint64_t needed = std::accumulate(sizes.begin(), sizes.end(), uint64_t{0});
    Ptr<DataPartitioner> partitioner;
    if (m_dirichletAlpha > 0.0)
    {
        partitioner =
            CreateObjectWithAttributes<DirichletDataPartitioner>("Alpha",
                                                                 DoubleValue(m_dirichletAlpha));
    }
    else
    {
        partitioner = CreateObject<IidDataPartitioner>();
    }
    stream += partitioner->AssignStreams(stream);
    if (needed > train->GetNumSamples())
    {
        if (streamsUsed)
        {
            *streamsUsed = stream - first;
        }
        return s; // no shards: the caller reports the shortage
    }
    s.shards = partitioner->Partition(*train, sizes);

    // The model (the other attributes: its type's defaults) and the applications.
    ObjectFactory modelFactory;
    modelFactory.SetTypeId(Resolve(m_learningModel, LearningModel::GetTypeId()));
    modelFactory.Set("NumFeatures", UintegerValue(train->GetNumFeatures()));
    modelFactory.Set("NumClasses", UintegerValue(train->numClasses));
    s.model = modelFactory.Create<LearningModel>();
    stream += s.model->AssignStreams(stream);
    s.model->InitialiseParameters();

    TrainingHelper& training = *trainingHelper;
    training.SetServerAttribute("MaxRounds", UintegerValue(m_rounds));
    training.SetTrainerAttribute("LocalSteps", UintegerValue(m_localSteps));
    training.SetTrainerAttribute("LearningRate", DoubleValue(m_learningRate));
    training.SetSyncPolicy(Resolve(m_syncPolicy, SyncPolicy::GetTypeId()).GetName());
    training.SetSyncPolicyAttribute("RoundDeadlineS", DoubleValue(m_roundDeadlineS));
    if (m_stragglerShiftS > 0.0 || m_stragglerMeanS > 0.0)
    {
        training.SetShiftedExponentialStragglerDelay(m_stragglerShiftS, m_stragglerMeanS);
    }
    training.SetWorkerAvailability(
        Resolve(m_availability, WorkerAvailabilityModel::GetTypeId()).GetName());
    s.executor = CreateObject<TrainingExecutor>();
    training.SetWorkerAttribute("Executor", PointerValue(s.executor));
    // Who trains and how much (one selector per scenario; the schedule and
    // the local-work policy are shared by its workers: a schedule has no
    // state, a local-work policy keeps its state per worker).
    Ptr<WorkerSelector> selector =
        ObjectFactory(Resolve(m_workerSelector, WorkerSelector::GetTypeId()).GetName())
            .Create<WorkerSelector>();
    if (m_workerRamp)
    {
        selector->SetAttribute("Ramp", PointerValue(CreateObject<WorkerRamp>()));
    }
    training.SetServerAttribute("WorkerSelector", PointerValue(selector));
    training.SetWorkerAttribute(
        "LearningRateSchedule",
        PointerValue(
            ObjectFactory(
                Resolve(m_learningRateSchedule, LearningRateSchedule::GetTypeId()).GetName())
                .Create<LearningRateSchedule>()));
    training.SetWorkerAttribute(
        "LocalWork",
        PointerValue(ObjectFactory(Resolve(m_localWork, LocalWorkPolicy::GetTypeId()).GetName())
                         .Create<LocalWorkPolicy>()));
    s.server = training.InstallServer(s.psNode, s.model);
    s.workers = training.InstallWorkers(s.edgeNodes, s.server, s.model, train, s.shards);
    stream += TrainingHelper::AssignStreams(s.workers, stream);
    stream += s.server->AssignStreams(stream); // the worker selector's draws (if any)

    // The crowdsourcing tasks (TaskCoordinator's defaults: scheduler,
    // arrivals, capacities, preset); Start() begins Poisson arrivals.
    if (m_tasks)
    {
        TaskCoordinatorHelper tasks;
        s.coordinator = tasks.Install(s.edgeNodes, GetTrainingSuccessProbabilities(s));
        stream += s.coordinator->AssignStreams(stream);
        s.coordinator->Start();
    }

    // Round start: this round's interference, the scheduling epoch, then the
    // caller's hook.
    const bool redraw = m_redrawInterference;
    const Callback<void, uint32_t> hook = m_hook;
    Ptr<OfdmaChannel> channel = s.channel;
    Ptr<TaskCoordinator> coordinator = s.coordinator;
    Ptr<OfdmaNetDevice> psDevice = s.psDevice;
    NetDeviceContainer edgeDevices = s.edgeDevices;
    ParameterServerApplication* server = PeekPointer(s.server); // the hook lives in it
    s.server->SetRoundStartHook(Callback<void, uint32_t>(
        [redraw, hook, channel, coordinator, psDevice, edgeDevices, server](uint32_t round) {
            if (redraw)
            {
                channel->RedrawUplinkInterference();
            }
            // This round's o_i, for the worker selector and the task scheduler.
            const std::vector<double> o =
                ComputeTrainingSuccessProbabilities(channel, psDevice, edgeDevices);
            for (uint32_t i = 0; i < edgeDevices.GetN(); ++i)
            {
                server->SetWorkerSuccessProbability(edgeDevices.Get(i)->GetNode()->GetId(), o[i]);
            }
            if (coordinator)
            {
                coordinator->SetTrainingSuccessProbabilities(o);
                coordinator->RunEpoch(round);
            }
            if (!hook.IsNull())
            {
                hook(round);
            }
        }));
    if (streamsUsed)
    {
        *streamsUsed = stream - first;
    }
    return s;
}

std::vector<double>
TrainingScenarioHelper::GetTrainingSuccessProbabilities(const TrainingScenario& scenario)
{
    return ComputeTrainingSuccessProbabilities(scenario.channel,
                                               scenario.psDevice,
                                               scenario.edgeDevices);
}

std::vector<double>
TrainingScenarioHelper::ComputeTrainingSuccessProbabilities(Ptr<OfdmaChannel> channel,
                                                            Ptr<OfdmaNetDevice> psDevice,
                                                            const NetDeviceContainer& devices)
{
    // The threshold m of the parameter server's receive error model (none: no loss).
    PointerValue errorModel;
    psDevice->GetAttribute("ReceiveErrorModel", errorModel);
    Ptr<WaterfallErrorModel> waterfall = errorModel.Get<WaterfallErrorModel>();
    DoubleValue threshold(0.0);
    if (waterfall)
    {
        waterfall->GetAttribute("WaterfallThreshold", threshold);
    }
    // The fair share of the uplink RBs when every ES sends at once.
    const uint32_t share =
        std::max<uint32_t>(1, channel->GetUplinkRbCount() / std::max<uint32_t>(1, devices.GetN()));
    std::vector<double> o(devices.GetN());
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Ptr<OfdmaNetDevice> terminal = DynamicCast<OfdmaNetDevice>(devices.Get(i));
        o[i] =
            WaterfallSuccessProbability(threshold.Get(), channel->CalcUplinkSnr(terminal, share));
    }
    return o;
}

} // namespace edgedml
} // namespace ns3
