/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Synchronous SGD over the simulated OFDMA cell: ParameterServerApplication,
 * WorkerApplication, the synchronisation policies and TrainingHelper.
 */

#include "ofdma-test-cell.h"

#include "ns3/basic-energy-source-helper.h"
#include "ns3/edge-dml-module.h"
#include "ns3/energy-module.h"
#include "ns3/internet-module.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <numeric>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::OfdmaTestCell;

namespace
{

/// What the parameter server's traces report.
struct TrainingRecord
{
    std::vector<uint32_t> participants;                        //!< per round, updates aggregated
    std::vector<uint32_t> eligible;                            //!< per round, eligible workers
    std::map<uint32_t, std::vector<uint32_t>> received;        //!< per round, workers aggregated
    std::map<int, uint32_t> drops;                             //!< drops by reason
    std::map<uint32_t, std::map<int, uint32_t>> dropsByWorker; //!< per worker, drops by reason
    std::vector<double> lossAfterRound; //!< training loss on the union per round
};

/// Options of a training cell.
struct TrainingOptions
{
    std::vector<double> distancesM;                         //!< one worker per distance
    std::vector<uint32_t> shardSizes;                       //!< s_i per worker
    uint32_t features{4};                                   //!< features
    uint32_t classes{3};                                    //!< classes
    uint32_t localSteps{1};                                 //!< tau
    uint32_t batchSize{1000000};                            //!< b (default: full batch)
    double learningRate{0.5};                               //!< eta
    double l2{0.01};                                        //!< lambda
    uint32_t rounds{1};                                     //!< MaxRounds
    bool lossless{true};                                    //!< no receive error model
    double waterfallThreshold{1.08};                        //!< m, when not lossless
    uint32_t numRbs{0};                                     //!< uplink RBs (0: one per worker)
    ParameterEncoding encoding{ParameterEncoding::FLOAT64}; //!< wire format
    std::string policy{"ns3::edgedml::FullSyncPolicy"};     //!< sync policy
    uint32_t n{1};                                          //!< N of NSyncPolicy
    double deadlineS{0.0};                                  //!< RoundDeadlineS
    bool packetSockets{false};   //!< raw packet sockets instead of UDP/IPv4
    bool withEnergy{false};      //!< batteries and energy models
    double stragglerDelayS{0.0}; //!< constant straggler delay, in s (0: none)
};

/// A PS and workers over an OFDMA cell with UDP/IPv4, on synthetic data.
class TrainingCell
{
  public:
    /// \param o the options
    explicit TrainingCell(const TrainingOptions& o)
        : m_options(o)
    {
        OfdmaHelper ofdma;
        ofdma.SetChannelAttribute("NumResourceBlocks", UintegerValue(o.numRbs));
        if (o.lossless)
        {
            ofdma.DisableErrorModel();
        }
        else
        {
            ofdma.SetErrorModel("ns3::edgedml::WaterfallErrorModel",
                                "LossUnit",
                                StringValue("Message"),
                                "WaterfallThreshold",
                                DoubleValue(o.waterfallThreshold));
        }
        cell = std::make_unique<OfdmaTestCell>(o.distancesM, ofdma, true);
        NetDeviceContainer devices(cell->bs);
        for (const auto& t : cell->terminals)
        {
            devices.Add(t);
        }
        if (o.withEnergy)
        {
            BasicEnergySourceHelper battery;
            battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(100.0));
            EnergySourceContainer sources = battery.Install(cell->terminalNodes);
            NetDeviceContainer terminalDevices;
            for (const auto& t : cell->terminals)
            {
                terminalDevices.Add(t);
            }
            EdgeServerEnergyModelHelper energy;
            energyModels = energy.Install(terminalDevices, sources);
        }

        auto generator = CreateObject<SyntheticDatasetGenerator>();
        generator->SetAttribute("NumClasses", UintegerValue(o.classes));
        generator->SetAttribute("NumFeatures", UintegerValue(o.features));
        generator->AssignStreams(1);
        const uint32_t total = std::accumulate(o.shardSizes.begin(), o.shardSizes.end(), 0u);
        data = std::make_shared<Dataset>(generator->Generate(total));
        auto partitioner = CreateObject<IidDataPartitioner>();
        partitioner->AssignStreams(2);
        shards = partitioner->Partition(*data, o.shardSizes);

        model = CreateObject<LogisticRegressionModel>();
        model->SetAttribute("NumFeatures", UintegerValue(o.features));
        model->SetAttribute("NumClasses", UintegerValue(o.classes));
        model->SetAttribute("L2Regularisation", DoubleValue(o.l2));
        model->AssignStreams(3);
        model->InitialiseParameters();
        w0 = model->GetParameters();

        std::unique_ptr<TrainingHelper> helper;
        if (o.packetSockets)
        {
            PacketSocketHelper packetSockets;
            packetSockets.Install(cell->bsNode);
            packetSockets.Install(cell->terminalNodes);
            PacketSocketAddress local;
            local.SetAllDevices();
            local.SetProtocol(edgedmltest::TEST_PROTOCOL);
            PacketSocketAddress broadcast;
            broadcast.SetSingleDevice(cell->bs->GetIfIndex());
            broadcast.SetPhysicalAddress(cell->bs->GetBroadcast());
            broadcast.SetProtocol(edgedmltest::TEST_PROTOCOL);
            // Every terminal has one OFDMA device, with the same interface index.
            PacketSocketAddress remote;
            remote.SetSingleDevice(cell->terminals[0]->GetIfIndex());
            remote.SetPhysicalAddress(cell->bs->GetAddress());
            remote.SetProtocol(edgedmltest::TEST_PROTOCOL);
            helper = std::make_unique<TrainingHelper>("ns3::PacketSocketFactory",
                                                      local,
                                                      broadcast,
                                                      local,
                                                      remote);
        }
        else
        {
            InternetStackHelper internet;
            internet.Install(cell->bsNode);
            internet.Install(cell->terminalNodes);
            Ipv4AddressHelper ipv4;
            ipv4.SetBase("10.1.0.0", "255.255.0.0");
            Ipv4InterfaceContainer interfaces = ipv4.Assign(devices);
            NeighborCacheHelper neighbors;
            neighbors.PopulateNeighborCache();
            const uint16_t port = 9000;
            helper = std::make_unique<TrainingHelper>(
                "ns3::UdpSocketFactory",
                InetSocketAddress(Ipv4Address::GetAny(), port),
                InetSocketAddress(Ipv4Address::GetBroadcast(), port),
                InetSocketAddress(Ipv4Address::GetAny(), port),
                InetSocketAddress(interfaces.GetAddress(0), port));
        }
        TrainingHelper& training = *helper;
        training.SetParameterEncoding(o.encoding);
        training.SetServerAttribute("MaxRounds", UintegerValue(o.rounds));
        training.SetTrainerAttribute("LocalSteps", UintegerValue(o.localSteps));
        training.SetTrainerAttribute("BatchSize", UintegerValue(o.batchSize));
        training.SetTrainerAttribute("LearningRate", DoubleValue(o.learningRate));
        training.SetSyncPolicy(o.policy);
        training.SetSyncPolicyAttribute("RoundDeadlineS", DoubleValue(o.deadlineS));
        if (o.policy == "ns3::edgedml::NSyncPolicy")
        {
            training.SetSyncPolicyAttribute("N", UintegerValue(o.n));
        }
        if (o.stragglerDelayS > 0.0)
        {
            training.SetStragglerDelay("ns3::ConstantRandomVariable");
            training.SetStragglerDelayAttribute("Constant", DoubleValue(o.stragglerDelayS));
        }
        server = training.InstallServer(cell->bsNode, model);
        workers = training.InstallWorkers(cell->terminalNodes, server, model, data, shards);
        TrainingHelper::AssignStreams(workers, 50);

        evaluationModel = CreateObject<LogisticRegressionModel>();
        evaluationModel->SetAttribute("NumFeatures", UintegerValue(o.features));
        evaluationModel->SetAttribute("NumClasses", UintegerValue(o.classes));
        evaluationModel->SetAttribute("L2Regularisation", DoubleValue(o.l2));

        server->TraceConnectWithoutContext("RoundStart",
                                           MakeCallback(&TrainingCell::OnRoundStart, this));
        server->TraceConnectWithoutContext("RoundEnd",
                                           MakeCallback(&TrainingCell::OnRoundEnd, this));
        server->TraceConnectWithoutContext("UpdateReceived",
                                           MakeCallback(&TrainingCell::OnReceived, this));
        server->TraceConnectWithoutContext("UpdateDropped",
                                           MakeCallback(&TrainingCell::OnDropped, this));
    }

    /// Run until the simulation empties, the server stopping at stopS. \param stopS limit, in s
    void Run(double stopS = 1000.0)
    {
        server->SetStopTime(Seconds(stopS));
        Simulator::Stop(Seconds(stopS + 1.0));
        Simulator::Run();
    }

    /// \return worker i's node id
    uint32_t WorkerId(uint32_t i) const
    {
        return cell->terminalNodes.Get(i)->GetId();
    }

    /// \return worker i's edge server
    Ptr<EdgeServer> Server(uint32_t i) const
    {
        return cell->terminalNodes.Get(i)->GetObject<EdgeServer>();
    }

    /// \return the training loss on the union of the shards at w
    double UnionLoss(const Eigen::VectorXd& w) const
    {
        evaluationModel->SetParameters(w);
        return evaluationModel->Loss(*data, UnionRows());
    }

    /// \return all shard rows
    std::vector<uint32_t> UnionRows() const
    {
        std::vector<uint32_t> rows;
        for (const auto& s : shards)
        {
            rows.insert(rows.end(), s.begin(), s.end());
        }
        return rows;
    }

    /// \return the gradient at w of F on some rows
    Eigen::VectorXd Gradient(const Eigen::VectorXd& w, const std::vector<uint32_t>& rows) const
    {
        evaluationModel->SetParameters(w);
        return evaluationModel->Gradient(*data, rows);
    }

    /// \return sum s_i (w0 - eta grad_i) / sum s_i over some workers
    Eigen::VectorXd ExpectedAverage(const std::vector<uint32_t>& workerIndices) const
    {
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(w0.size());
        double weight = 0.0;
        for (uint32_t i : workerIndices)
        {
            const double s = static_cast<double>(shards[i].size());
            sum += s * (w0 - m_options.learningRate * Gradient(w0, shards[i]));
            weight += s;
        }
        return sum / weight;
    }

    std::unique_ptr<OfdmaTestCell> cell;          //!< the radio cell
    std::shared_ptr<Dataset> data;                //!< the data set
    std::vector<std::vector<uint32_t>> shards;    //!< per worker its rows
    Ptr<LogisticRegressionModel> model;           //!< the trained model
    Ptr<LogisticRegressionModel> evaluationModel; //!< a model for test arithmetic
    Eigen::VectorXd w0;                           //!< initial parameters
    Ptr<ParameterServerApplication> server;       //!< the parameter server
    ApplicationContainer workers;                 //!< the workers
    TrainingRecord record;                        //!< what the traces said
    DeviceEnergyModelContainer energyModels;      //!< per worker, if withEnergy

  private:
    void OnRoundStart(uint32_t /* round */, uint32_t eligible)
    {
        record.eligible.push_back(eligible);
    }

    void OnRoundEnd(uint32_t /* round */, uint32_t participants, Time /* duration */)
    {
        record.participants.push_back(participants);
        record.lossAfterRound.push_back(UnionLoss(server->GetParameters()));
    }

    void OnReceived(uint32_t worker, uint32_t round)
    {
        record.received[round].push_back(worker);
    }

    void OnDropped(uint32_t worker, uint32_t /* round */, int reason)
    {
        ++record.drops[reason];
        ++record.dropsByWorker[worker][reason];
    }

    TrainingOptions m_options; //!< the options
};

/// Index of the worker with this node id in the cell.
uint32_t
IndexOf(const TrainingCell& cell, uint32_t nodeId)
{
    for (uint32_t i = 0; i < cell.cell->terminalNodes.GetN(); ++i)
    {
        if (cell.WorkerId(i) == nodeId)
        {
            return i;
        }
    }
    ADD_FAILURE() << "no worker with node id " << nodeId;
    return 0;
}

using SynchronousSgdTest = edgedmltest::SimulationTest;

} // namespace

// One round, no loss, no tasks, Float64 on the wire, one full-batch local
// step: the parameter server's W_1 is one centralised full-batch gradient
// step on the union of the shards.
TEST_F(SynchronousSgdTest, OneRoundEqualsCentralisedFullBatchStep)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {10, 20, 30};
    TrainingCell cell(o);
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), 1u);
    EXPECT_EQ(cell.record.participants[0], 3u);
    EXPECT_EQ(cell.server->GetRoundsCompleted(), 1u);
    const Eigen::VectorXd central = cell.w0 - 0.5 * cell.Gradient(cell.w0, cell.UnionRows());
    const Eigen::VectorXd distributed = cell.server->GetParameters();
    ASSERT_EQ(distributed.size(), central.size());
    EXPECT_GT((central - cell.w0).norm(), 1e-3) << "the step must move the parameters";
    EXPECT_LT((distributed - central).lpNorm<Eigen::Infinity>(), 1e-9);
    EXPECT_TRUE(cell.record.drops.empty());
    // Every worker uploaded exactly once.
    for (uint32_t i = 0; i < cell.workers.GetN(); ++i)
    {
        EXPECT_EQ(DynamicCast<WorkerApplication>(cell.workers.Get(i))->GetUpdatesSent(), 1u);
    }
}

// With Float32 on the wire (MODEL.md's Z = 4 bytes per parameter) the same
// round differs from the centralised step only by float32 rounding.
TEST_F(SynchronousSgdTest, Float32RoundIsCentralisedStepUpToFloatRounding)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {10, 20, 30};
    o.encoding = ParameterEncoding::FLOAT32;
    TrainingCell cell(o);
    cell.Run();
    const Eigen::VectorXd central = cell.w0 - 0.5 * cell.Gradient(cell.w0, cell.UnionRows());
    const double difference = (cell.server->GetParameters() - central).lpNorm<Eigen::Infinity>();
    // Two float32 roundings (broadcast and upload) of values below ~10 in magnitude.
    EXPECT_LT(difference, 1e-6);
    EXPECT_GT(difference, 0.0) << "float32 on the wire should round something";
}

// N-sync aggregates exactly N updates per round: the first N to arrive, and
// W_1 is exactly their weighted average.
TEST_F(SynchronousSgdTest, NSyncAggregatesExactlyN)
{
    TrainingOptions o;
    o.distancesM = {100, 150, 200, 250, 300};
    o.shardSizes = {10, 15, 20, 25, 30};
    o.policy = "ns3::edgedml::NSyncPolicy";
    o.n = 2;
    o.rounds = 4;
    TrainingCell cell(o);
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), 4u);
    for (uint32_t round = 0; round < 4; ++round)
    {
        EXPECT_EQ(cell.record.participants[round], 2u) << "round " << round;
        EXPECT_EQ(cell.record.received[round].size(), 2u) << "round " << round;
    }
    // The other 3 per round arrive after their round closed, or are skipped
    // by workers still computing the previous round: all Late.
    EXPECT_EQ(cell.record.drops[ParameterServerApplication::LATE], 4u * 3u);
    EXPECT_EQ(cell.record.drops.size(), 1u);

    // Round 0 exactly: the weighted average of the two accepted updates.
    TrainingOptions one = o;
    one.rounds = 1;
    Simulator::Destroy();
    TrainingCell single(one);
    single.Run();
    ASSERT_EQ(single.record.received[0].size(), 2u);
    std::vector<uint32_t> accepted;
    for (uint32_t id : single.record.received[0])
    {
        accepted.push_back(IndexOf(single, id));
    }
    EXPECT_LT((single.server->GetParameters() - single.ExpectedAverage(accepted))
                  .lpNorm<Eigen::Infinity>(),
              1e-9);
}

// A worker busy at the round start is dropped with reason Busy and its
// samples do not weigh in: W_1 is the average of the others.
TEST_F(SynchronousSgdTest, BusyWorkerIsDroppedInFullSync)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {10, 20, 30};
    TrainingCell cell(o);
    cell.Server(1)->SetBusy(true);
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), 1u);
    EXPECT_EQ(cell.record.participants[0], 2u);
    EXPECT_EQ(cell.record.eligible[0], 2u);
    EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(1)][ParameterServerApplication::BUSY], 1u);
    EXPECT_LT(
        (cell.server->GetParameters() - cell.ExpectedAverage({0, 2})).lpNorm<Eigen::Infinity>(),
        1e-9);
    EXPECT_EQ(DynamicCast<WorkerApplication>(cell.workers.Get(1))->GetUpdatesSent(), 0u);
}

// A worker busy at the round start that trains and uploads anyway (it
// becomes free before the broadcast reaches it) is still discarded, in
// both policies: its update never enters the aggregate.
TEST_F(SynchronousSgdTest, UpdateOfWorkerBusyAtRoundStartNeverEntersTheAggregate)
{
    for (const std::string policy : {"ns3::edgedml::FullSyncPolicy", "ns3::edgedml::NSyncPolicy"})
    {
        TrainingOptions o;
        o.distancesM = {100, 200, 300};
        o.shardSizes = {10, 20, 30};
        o.policy = policy;
        o.n = 3;
        o.deadlineS = 1.0;
        TrainingCell cell(o);
        cell.Server(0)->SetBusy(true);
        Simulator::Schedule(NanoSeconds(1), &EdgeServer::SetBusy, cell.Server(0), false);
        cell.Run();
        SCOPED_TRACE(policy);
        EXPECT_EQ(DynamicCast<WorkerApplication>(cell.workers.Get(0))->GetUpdatesSent(), 1u);
        ASSERT_EQ(cell.record.participants.size(), 1u);
        EXPECT_EQ(cell.record.participants[0], 2u);
        // Busy at the round start, and its upload discarded as Busy too.
        EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(0)][ParameterServerApplication::BUSY],
                  2u);
        for (uint32_t id : cell.record.received[0])
        {
            EXPECT_NE(id, cell.WorkerId(0));
        }
        EXPECT_LT(
            (cell.server->GetParameters() - cell.ExpectedAverage({1, 2})).lpNorm<Eigen::Infinity>(),
            1e-9);
        Simulator::Destroy();
    }
}

// The training loss on the union falls round after round (full-batch local
// steps, several per round) and ends well below its start.
TEST_F(SynchronousSgdTest, LossDecreasesOverRounds)
{
    TrainingOptions o;
    o.distancesM = {100, 150, 200, 250};
    o.shardSizes = {40, 60, 80, 100};
    o.features = 8;
    o.classes = 4;
    o.localSteps = 2;
    o.learningRate = 0.2;
    o.rounds = 15;
    o.encoding = ParameterEncoding::FLOAT32;
    TrainingCell cell(o);
    const double initial = cell.UnionLoss(cell.w0);
    cell.Run();
    ASSERT_EQ(cell.record.lossAfterRound.size(), 15u);
    double previous = initial;
    for (std::size_t t = 0; t < cell.record.lossAfterRound.size(); ++t)
    {
        EXPECT_LT(cell.record.lossAfterRound[t], previous) << "round " << t;
        previous = cell.record.lossAfterRound[t];
    }
    EXPECT_LT(cell.record.lossAfterRound.back(), 0.5 * initial)
        << "initial " << initial << ", final " << cell.record.lossAfterRound.back();
}

// Message loss unit: a worker's update enters the aggregate when its
// downlink broadcast and its uplink update both survive, with probability
// o_down * o_up = exp(-m / SNR_down) exp(-m / SNR_up); over many rounds the
// fraction aggregated is within a binomial bound of it, and every other
// round of that worker is reported Lost.
TEST_F(SynchronousSgdTest, AggregatedFractionMatchesSuccessProbability)
{
    TrainingOptions o;
    o.distancesM = {250, 350, 450};
    o.shardSizes = {5, 5, 5};
    o.lossless = false;
    o.numRbs = 1; // one RB: every upload alone on it, SNR of MODEL.md with B = B_RB
    o.rounds = 2000;
    o.deadlineS = 0.2;
    o.encoding = ParameterEncoding::FLOAT32;
    TrainingCell cell(o);
    cell.Run(1e4);
    ASSERT_EQ(cell.record.participants.size(), o.rounds);
    std::map<uint32_t, uint32_t> aggregated;
    for (const auto& [round, ids] : cell.record.received)
    {
        for (uint32_t id : ids)
        {
            ++aggregated[id];
        }
    }
    for (uint32_t i = 0; i < o.distancesM.size(); ++i)
    {
        const double snrUp = OfdmaTestCell::UplinkSnr(o.distancesM[i], 0.01, 1, 1e6);
        const double snrDown = cell.cell->channel->CalcDownlinkSnr(cell.cell->terminals[i]);
        const double p =
            std::exp(-o.waterfallThreshold / snrUp) * std::exp(-o.waterfallThreshold / snrDown);
        const double fraction = static_cast<double>(aggregated[cell.WorkerId(i)]) / o.rounds;
        EXPECT_NEAR(fraction, p, edgedmltest::BinomialTolerance(p, o.rounds))
            << "worker " << i << " at " << o.distancesM[i] << " m";
        EXPECT_GT(p, 0.2);
        EXPECT_LT(p, 0.8);
        EXPECT_EQ(aggregated[cell.WorkerId(i)] +
                      cell.record.dropsByWorker[cell.WorkerId(i)][ParameterServerApplication::LOST],
                  o.rounds)
            << "worker " << i;
    }
    EXPECT_EQ(cell.record.drops.count(ParameterServerApplication::LATE), 0u);
}

// An update on the wire has its true size: Z = 4 bytes per parameter in
// Float32, split into 1444-byte slices, each packet with the 28-byte message
// header, UDP (8), IPv4 (20) and MAC (14) headers; the broadcast carries the
// same. Local compute lasts kappa * 6272 * s_i * tau / f_i, and a straggler
// delay adds to it.
TEST_F(SynchronousSgdTest, WireSizeAndComputeTime)
{
    for (const double stragglerS : {0.0, 0.25})
    {
        SCOPED_TRACE(stragglerS);
        TrainingOptions o;
        o.distancesM = {100, 200};
        o.shardSizes = {10, 30};
        o.features = 100;
        o.classes = 10; // 1010 parameters: Z = 4040 bytes, 3 packets
        o.localSteps = 3;
        o.encoding = ParameterEncoding::FLOAT32;
        o.stragglerDelayS = stragglerS;
        TrainingCell cell(o);
        ASSERT_EQ(cell.model->GetNumParameters(), 1010u);
        std::map<uint32_t, uint64_t> uplinkBits;
        uint64_t downlinkBits = 0;
        auto countUp = [&uplinkBits](uint32_t i, Ptr<const Packet>, const OfdmaTransmission& tx) {
            uplinkBits[i] += tx.bits;
        };
        for (uint32_t i = 0; i < 2; ++i)
        {
            cell.cell->terminals[i]->TraceConnectWithoutContext(
                "PhyTxBegin",
                Callback<void, Ptr<const Packet>, const OfdmaTransmission&>(
                    [countUp, i](Ptr<const Packet> p, const OfdmaTransmission& tx) {
                        countUp(i, p, tx);
                    }));
        }
        cell.cell->bs->TraceConnectWithoutContext(
            "PhyTxBegin",
            Callback<void, Ptr<const Packet>, const OfdmaTransmission&>(
                [&downlinkBits](Ptr<const Packet>, const OfdmaTransmission& tx) {
                    downlinkBits += tx.bits;
                }));
        std::map<uint32_t, Time> trainingStart;
        std::map<uint32_t, Time> updateSent;
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<Application> app = cell.workers.Get(i);
            app->TraceConnectWithoutContext("TrainingStart",
                                            Callback<void, uint32_t>([&trainingStart, i](uint32_t) {
                                                trainingStart[i] = Simulator::Now();
                                            }));
            app->TraceConnectWithoutContext("UpdateSent",
                                            Callback<void, uint32_t>([&updateSent, i](uint32_t) {
                                                updateSent[i] = Simulator::Now();
                                            }));
        }
        cell.Run();
        const uint64_t expectedBits = (4040 + 3 * (28 + 8 + 20 + 14)) * 8;
        EXPECT_EQ(downlinkBits, expectedBits);
        for (uint32_t i = 0; i < 2; ++i)
        {
            EXPECT_EQ(uplinkBits[i], expectedBits) << "worker " << i;
            const double cycles = 40.0 * 6272.0 * o.shardSizes[i] * o.localSteps;
            const double expectedS = cycles / cell.Server(i)->GetCpuFrequencyHz() + stragglerS;
            EXPECT_NEAR((updateSent[i] - trainingStart[i]).GetSeconds(), expectedS, 1e-9)
                << "worker " << i;
        }
        EXPECT_EQ(cell.record.participants.at(0), 2u);
        Simulator::Destroy();
    }
}

// A worker offline at the round start is reported Offline and does not
// weigh in; the round completes with the others.
TEST_F(SynchronousSgdTest, OfflineWorkerIsDropped)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {10, 20, 30};
    TrainingCell cell(o);
    cell.Server(2)->SetOnline(false);
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), 1u);
    EXPECT_EQ(cell.record.participants[0], 2u);
    EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(2)][ParameterServerApplication::OFFLINE], 1u);
    EXPECT_EQ(cell.record.drops.size(), 1u);
    EXPECT_LT(
        (cell.server->GetParameters() - cell.ExpectedAverage({0, 1})).lpNorm<Eigen::Infinity>(),
        1e-9);
}

// Full sync with a round deadline shorter than the workers' straggler delay:
// every round closes at the deadline with nobody, W stays W_0, and every
// (worker, round) is reported Late: the uploads that come after their round,
// and the rounds the workers skip while still on an older one.
TEST_F(SynchronousSgdTest, DeadlineClosesRoundAndLateUpdatesAreDropped)
{
    TrainingOptions o;
    o.distancesM = {100, 200};
    o.shardSizes = {10, 20};
    o.rounds = 2;
    o.deadlineS = 0.1;
    o.stragglerDelayS = 0.15;
    TrainingCell cell(o);
    std::vector<Time> durations;
    cell.server->TraceConnectWithoutContext(
        "RoundEnd",
        Callback<void, uint32_t, uint32_t, Time>(
            [&durations](uint32_t, uint32_t, Time d) { durations.push_back(d); }));
    cell.Run(10.0);
    ASSERT_EQ(cell.record.participants.size(), 2u);
    EXPECT_EQ(cell.record.participants[0], 0u);
    EXPECT_EQ(cell.record.participants[1], 0u);
    ASSERT_EQ(durations.size(), 2u);
    EXPECT_EQ(durations[0], Seconds(0.1));
    EXPECT_EQ(durations[1], Seconds(0.1));
    EXPECT_EQ(cell.server->GetParameters(), cell.w0);
    EXPECT_EQ(cell.record.drops[ParameterServerApplication::LATE], 4u);
    EXPECT_EQ(cell.record.drops.size(), 1u);
}

// Energy: each worker's total equals the sum of its parts, compute
// gamma_T * kappa * 6272 * s_i * tau * f_i^2 per round and transmission
// p * airtime of its attempts.
TEST_F(SynchronousSgdTest, EnergyTotalsEqualSumOfParts)
{
    TrainingOptions o;
    o.distancesM = {100, 200};
    o.shardSizes = {10, 20};
    o.rounds = 3;
    o.localSteps = 2;
    o.withEnergy = true;
    TrainingCell cell(o);
    std::map<uint32_t, double> airtimeS;
    for (uint32_t i = 0; i < 2; ++i)
    {
        cell.cell->terminals[i]->TraceConnectWithoutContext(
            "PhyTxBegin",
            Callback<void, Ptr<const Packet>, const OfdmaTransmission&>(
                [&airtimeS, i](Ptr<const Packet>, const OfdmaTransmission& tx) {
                    airtimeS[i] += tx.airtime.GetSeconds();
                }));
    }
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), 3u);
    for (uint32_t i = 0; i < 2; ++i)
    {
        auto model = DynamicCast<EdgeServerEnergyModel>(cell.energyModels.Get(i));
        ASSERT_TRUE(model);
        const double f = cell.Server(i)->GetCpuFrequencyHz();
        const double cycles = 40.0 * 6272.0 * o.shardSizes[i] * o.localSteps;
        const double compute = 3 * 1e-27 * cycles * f * f;
        const double transmit = 0.01 * airtimeS[i];
        EXPECT_NEAR(model->GetEnergyJ(EnergyActivity::COMPUTE), compute, 1e-12 + 1e-9 * compute);
        EXPECT_NEAR(model->GetEnergyJ(EnergyActivity::TRANSMIT), transmit, 1e-12 + 1e-6 * transmit);
        EXPECT_GT(transmit, 0.0);
        EXPECT_NEAR(model->GetTotalEnergyConsumption(),
                    model->GetEnergyJ(EnergyActivity::COMPUTE) +
                        model->GetEnergyJ(EnergyActivity::TRANSMIT) +
                        model->GetEnergyJ(EnergyActivity::TASK),
                    1e-12);
    }
}

// The applications are socket-agnostic: over raw packet sockets (no IP
// stack) the lossless Float64 round is the centralised step as well.
TEST_F(SynchronousSgdTest, PacketSocketsGiveTheSameRound)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {10, 20, 30};
    o.packetSockets = true;
    TrainingCell cell(o);
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), 1u);
    EXPECT_EQ(cell.record.participants[0], 3u);
    const Eigen::VectorXd central = cell.w0 - 0.5 * cell.Gradient(cell.w0, cell.UnionRows());
    EXPECT_LT((cell.server->GetParameters() - central).lpNorm<Eigen::Infinity>(), 1e-9);
}

// The round-start hook runs before eligibility: a worker it marks busy in
// round 1 (as a task coordinator would) is dropped as Busy in that round
// only, and takes part again in round 2 once freed.
TEST_F(SynchronousSgdTest, RoundStartHookRunsBeforeEligibility)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {10, 20, 30};
    o.rounds = 3;
    TrainingCell cell(o);
    Ptr<EdgeServer> busy = cell.Server(1);
    std::vector<uint32_t> hookRounds;
    cell.server->SetRoundStartHook(Callback<void, uint32_t>([busy, &hookRounds](uint32_t round) {
        hookRounds.push_back(round);
        busy->SetBusy(round == 1);
    }));
    cell.Run();
    EXPECT_EQ(hookRounds, (std::vector<uint32_t>{0, 1, 2}));
    ASSERT_EQ(cell.record.participants.size(), 3u);
    EXPECT_EQ(cell.record.participants, (std::vector<uint32_t>{3, 2, 3}));
    EXPECT_EQ(cell.record.eligible, (std::vector<uint32_t>{3, 2, 3}));
    EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(1)][ParameterServerApplication::BUSY], 1u);
    EXPECT_EQ(cell.record.drops.size(), 1u);
}
