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
#include "ns3/data-partitioner.h"
#include "ns3/dirichlet-data-partitioner.h"
#include "ns3/double.h"
#include "ns3/iid-data-partitioner.h"
#include "ns3/inet-socket-address.h"
#include "ns3/learning-model.h"
#include "ns3/link-budget.h"
#include "ns3/mobility-helper.h"
#include "ns3/object-factory.h"
#include "ns3/packet-socket-address.h"
#include "ns3/packet-socket-helper.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

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

TrainingScenarioHelper::TrainingScenarioHelper(const TrainingScenarioParameters& parameters)
    : m_parameters(parameters)
{
}

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
    const TrainingScenarioParameters& p = m_parameters;
    const int64_t first = stream;
    TrainingScenario s;
    s.train = train;

    // Nodes: the parameter server at the origin, the edge servers around it.
    s.psNode = CreateObject<Node>();
    s.edgeNodes.Create(p.numEdgeServers);
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(s.psNode);
    auto positions = CreateObject<AnnulusPositionAllocator>();
    positions->SetRadii(p.minRadiusM, p.maxRadiusM);
    stream += positions->AssignStreams(stream);
    mobility.SetPositionAllocator(positions);
    mobility.Install(s.edgeNodes);

    EdgeServerHelper edgeServers;
    if (p.samplesPerServer > 0)
    {
        edgeServers.SetSamplesVariable(
            CreateObjectWithAttributes<ConstantRandomVariable>("Constant",
                                                               DoubleValue(p.samplesPerServer)));
    }
    stream += edgeServers.AssignStreams(stream);
    s.servers = edgeServers.Install(s.edgeNodes);

    // The OFDMA cell with the waterfall loss.
    s.ofdma.SetChannelAttribute("NumResourceBlocks", UintegerValue(p.numRbs));
    s.ofdma.SetChannelAttribute("ResourceBlockBandwidthHz", DoubleValue(p.rbBandwidthHz));
    s.ofdma.SetRbAllocator(p.rbAllocator);
    s.ofdma.SetTerminalAttribute("TxPowerW", DoubleValue(p.txPowerW));
    s.ofdma.SetDeviceAttribute("MaxRetransmissions", UintegerValue(p.maxRetransmissions));
    s.ofdma.SetErrorModel("ns3::edgedml::WaterfallErrorModel",
                          "LossUnit",
                          StringValue(p.lossUnit),
                          "WaterfallThreshold",
                          DoubleValue(p.waterfallThreshold));
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
        battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(p.initialEnergyJ));
        EnergySourceContainer sources = battery.Install(s.edgeNodes);
        EdgeServerEnergyModelHelper energy;
        s.energyModels = energy.Install(s.edgeDevices, sources);
    }

    // The transport; the PS broadcasts W_t to every ES.
    std::unique_ptr<TrainingHelper> trainingHelper;
    if (p.socket == "packet")
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
        NS_ABORT_MSG_UNLESS(p.socket == "udp",
                            "TrainingScenarioHelper: socket must be udp or packet, not "
                                << p.socket);
        Ipv4InterfaceContainer interfaces =
            InstallStarIpv4(s.psNode, s.edgeNodes, devices, "10.0.0.0", "255.0.0.0");
        trainingHelper =
            std::make_unique<TrainingHelper>("ns3::UdpSocketFactory",
                                             InetSocketAddress(Ipv4Address::GetAny(), p.port),
                                             InetSocketAddress(Ipv4Address::GetBroadcast(), p.port),
                                             InetSocketAddress(Ipv4Address::GetAny(), p.port),
                                             InetSocketAddress(interfaces.GetAddress(0), p.port));
    }

    // The data split: s_i samples per edge server.
    const std::vector<uint32_t> sizes = TrainingHelper::GetSampleCounts(s.edgeNodes);
    const uint64_t needed = std::accumulate(sizes.begin(), sizes.end(), uint64_t{0});
    Ptr<DataPartitioner> partitioner;
    if (p.dirichletAlpha > 0.0)
    {
        partitioner =
            CreateObjectWithAttributes<DirichletDataPartitioner>("Alpha",
                                                                 DoubleValue(p.dirichletAlpha));
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

    // The model and the applications.
    ObjectFactory modelFactory(p.modelType);
    modelFactory.Set("L2Regularisation", DoubleValue(p.l2));
    TypeId::AttributeInformation info;
    if (modelFactory.GetTypeId().LookupAttributeByName("HiddenUnits", &info))
    {
        modelFactory.Set("HiddenUnits", UintegerValue(p.hiddenUnits));
    }
    modelFactory.Set("NumFeatures", UintegerValue(train->GetNumFeatures()));
    modelFactory.Set("NumClasses", UintegerValue(train->numClasses));
    s.model = modelFactory.Create<LearningModel>();
    stream += s.model->AssignStreams(stream);
    s.model->InitialiseParameters();

    TrainingHelper& training = *trainingHelper;
    training.SetServerAttribute("MaxRounds", UintegerValue(p.rounds));
    training.SetServerAttribute("RoundGapS", DoubleValue(p.roundGapS));
    training.SetTrainerAttribute("LocalSteps", UintegerValue(p.localSteps));
    training.SetTrainerAttribute("BatchSize", UintegerValue(p.batchSize));
    training.SetTrainerAttribute("LearningRate", DoubleValue(p.learningRate));
    training.SetSyncPolicy(p.syncPolicy);
    training.SetSyncPolicyAttribute("RoundDeadlineS", DoubleValue(p.roundDeadlineS));
    if (TypeId::LookupByName(p.syncPolicy).LookupAttributeByName("N", &info))
    {
        training.SetSyncPolicyAttribute("N", UintegerValue(p.syncN));
    }
    if (TypeId::LookupByName(p.syncPolicy).LookupAttributeByName("Batches", &info))
    {
        training.SetSyncPolicyAttribute("Batches", UintegerValue(p.syncBatches));
    }
    if (p.stragglerShiftS > 0.0 || p.stragglerMeanS > 0.0)
    {
        training.SetShiftedExponentialStragglerDelay(p.stragglerShiftS, p.stragglerMeanS);
    }
    NS_ABORT_MSG_UNLESS(p.busyPolicy == "Skip" || p.busyPolicy == "Discard",
                        "TrainingScenarioHelper: busyPolicy must be Skip or Discard");
    training.SetBusyPolicy(p.busyPolicy == "Skip" ? WorkerApplication::SKIP
                                                  : WorkerApplication::DISCARD);
    if (p.availability == "Bernoulli")
    {
        training.SetWorkerAvailability("ns3::edgedml::BernoulliAvailability");
        training.SetWorkerAvailabilityAttribute("ProbabilityAvailable",
                                                DoubleValue(p.probabilityAvailable));
    }
    else if (p.availability == "Markov")
    {
        training.SetWorkerAvailability("ns3::edgedml::MarkovOnOffAvailability");
        training.SetWorkerAvailabilityAttribute("ProbabilityOnToOff",
                                                DoubleValue(p.probabilityOnToOff));
        training.SetWorkerAvailabilityAttribute("ProbabilityOffToOn",
                                                DoubleValue(p.probabilityOffToOn));
    }
    else
    {
        NS_ABORT_MSG_UNLESS(p.availability == "Always",
                            "TrainingScenarioHelper: availability must be Always, Bernoulli "
                            "or Markov");
    }
    s.executor =
        CreateObjectWithAttributes<TrainingExecutor>("Threads", UintegerValue(p.trainingThreads));
    training.SetWorkerAttribute("Executor", PointerValue(s.executor));
    training.SetServerAttribute(
        "WorkerSelector",
        PointerValue(ObjectFactory(p.workerSelector).Create<WorkerSelector>()));
    s.server = training.InstallServer(s.psNode, s.model);
    s.workers = training.InstallWorkers(s.edgeNodes, s.server, s.model, train, s.shards);
    stream += TrainingHelper::AssignStreams(s.workers, stream);
    stream += s.server->AssignStreams(stream); // the worker selector's draws (if any)

    // The crowdsourcing tasks.
    if (p.tasks)
    {
        TaskCoordinatorHelper tasks;
        tasks.SetScheduler(p.scheduler);
        tasks.SetAttribute("ArrivalMode", StringValue(p.taskArrival));
        tasks.SetAttribute("TasksPerEpoch", UintegerValue(p.tasksPerRound));
        tasks.SetAttribute("ArrivalRatePerS", DoubleValue(p.taskArrivalRatePerS));
        tasks.SetAttribute("UnplacedPolicy", StringValue(p.unplacedTasks));
        tasks.SetAttribute("TaskBandwidthHz", DoubleValue(p.taskBandwidthHz));
        tasks.SetAttribute("TaskEnergyBudgetJ", DoubleValue(p.taskEnergyBudgetJ));
        tasks.SetAttribute("Preset", StringValue(p.preset));
        s.coordinator = tasks.Install(s.edgeNodes, GetTrainingSuccessProbabilities(s));
        stream += s.coordinator->AssignStreams(stream);
        if (p.taskArrival == "Poisson")
        {
            s.coordinator->Start();
        }
    }

    // Round start: this round's interference, the scheduling epoch, then the
    // caller's hook.
    const TrainingScenarioHelper helper = *this;
    Ptr<OfdmaChannel> channel = s.channel;
    Ptr<TaskCoordinator> coordinator = s.coordinator;
    NetDeviceContainer edgeDevices = s.edgeDevices;
    ParameterServerApplication* server = PeekPointer(s.server); // the hook lives in it
    s.server->SetRoundStartHook(Callback<void, uint32_t>(
        [helper, channel, coordinator, edgeDevices, server](uint32_t round) {
            if (helper.m_parameters.redrawInterferenceEachRound)
            {
                channel->RedrawUplinkInterference();
            }
            const std::vector<double> o =
                helper.ComputeTrainingSuccessProbabilities(channel, edgeDevices);
            for (uint32_t i = 0; i < edgeDevices.GetN(); ++i)
            {
                server->SetWorkerSuccessProbability(edgeDevices.Get(i)->GetNode()->GetId(), o[i]);
            }
            if (coordinator)
            {
                coordinator->SetTrainingSuccessProbabilities(o);
                coordinator->RunEpoch(round);
            }
            if (!helper.m_hook.IsNull())
            {
                helper.m_hook(round);
            }
        }));
    if (streamsUsed)
    {
        *streamsUsed = stream - first;
    }
    return s;
}

std::vector<double>
TrainingScenarioHelper::GetTrainingSuccessProbabilities(const TrainingScenario& scenario) const
{
    return ComputeTrainingSuccessProbabilities(scenario.channel, scenario.edgeDevices);
}

std::vector<double>
TrainingScenarioHelper::ComputeTrainingSuccessProbabilities(Ptr<OfdmaChannel> channel,
                                                            const NetDeviceContainer& devices) const
{
    // The fair share of the uplink RBs when every ES sends at once.
    const uint32_t share =
        std::max<uint32_t>(1, channel->GetUplinkRbCount() / std::max<uint32_t>(1, devices.GetN()));
    std::vector<double> o(devices.GetN());
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Ptr<OfdmaNetDevice> terminal = DynamicCast<OfdmaNetDevice>(devices.Get(i));
        o[i] = WaterfallSuccessProbability(m_parameters.waterfallThreshold,
                                           channel->CalcUplinkSnr(terminal, share));
    }
    return o;
}

} // namespace edgedml
} // namespace ns3
