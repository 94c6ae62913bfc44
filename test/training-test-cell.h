/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A parameter server and workers over a small OFDMA cell (UDP/IPv4 or
 * packet sockets) on synthetic data, with the traces recorded: the set-up
 * of the synchronous SGD and training-policy tests.
 */

#ifndef EDGE_DML_TEST_TRAINING_TEST_CELL_H
#define EDGE_DML_TEST_TRAINING_TEST_CELL_H

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
#include <string>
#include <tuple>
#include <vector>

namespace edgedmltest
{

using namespace ns3;
using namespace ns3::edgedml;

/// What the parameter server's traces report.
struct TrainingRecord
{
    std::vector<uint32_t> participants;                        //!< per round, updates aggregated
    std::vector<uint32_t> eligible;                            //!< per round, eligible workers
    std::map<uint32_t, std::vector<uint32_t>> received;        //!< per round, workers aggregated
    std::map<int, uint32_t> drops;                             //!< drops by reason
    std::map<uint32_t, std::map<int, uint32_t>> dropsByWorker; //!< per worker, drops by reason
    std::vector<double> lossAfterRound; //!< training loss on the union per round
    /// per round, per worker, the updates aggregated (UpdateAggregated)
    std::map<uint32_t, std::map<uint32_t, uint32_t>> aggregated;
    std::map<int, uint32_t> discards; //!< UpdateDiscarded by reason
    /// every outcome: (worker, round) -> UpdateReceived (-1) or the DropReason, in order
    std::vector<std::tuple<uint32_t, uint32_t, int>> outcomes;
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
    /// per worker a constant straggler delay, in s (empty: stragglerDelayS for all)
    std::vector<double> stragglerDelaysS;
    uint32_t batches{1};                                               //!< M of NBatchSyncPolicy
    WorkerApplication::BusyPolicy busyPolicy{WorkerApplication::SKIP}; //!< BusyPolicy
    std::string availability; //!< availability model type (empty: default)
    std::map<std::string, double> availabilityAttributes; //!< its double attributes
    double initialEnergyJ{100.0};                         //!< battery, when withEnergy
    double shiftedExponentialShiftS{0.0}; //!< straggler shift, in s (with the mean below)
    double shiftedExponentialMeanS{0.0};  //!< straggler exponential mean, in s (0: none)
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
            battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(o.initialEnergyJ));
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
            Ipv4InterfaceContainer interfaces = InstallStarIpv4(cell->bsNode,
                                                                cell->terminalNodes,
                                                                devices,
                                                                "10.1.0.0",
                                                                "255.255.0.0");
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
        if (o.policy == "ns3::edgedml::NBatchSyncPolicy")
        {
            training.SetSyncPolicyAttribute("Batches", UintegerValue(o.batches));
        }
        training.SetBusyPolicy(o.busyPolicy);
        if (!o.availability.empty())
        {
            training.SetWorkerAvailability(o.availability);
            for (const auto& [name, value] : o.availabilityAttributes)
            {
                training.SetWorkerAvailabilityAttribute(name, DoubleValue(value));
            }
        }
        if (o.shiftedExponentialMeanS > 0.0)
        {
            training.SetShiftedExponentialStragglerDelay(o.shiftedExponentialShiftS,
                                                         o.shiftedExponentialMeanS);
        }
        if (o.stragglerDelayS > 0.0)
        {
            training.SetStragglerDelay("ns3::ConstantRandomVariable");
            training.SetStragglerDelayAttribute("Constant", DoubleValue(o.stragglerDelayS));
        }
        server = training.InstallServer(cell->bsNode, model);
        workers = training.InstallWorkers(cell->terminalNodes, server, model, data, shards);
        for (uint32_t i = 0; i < o.stragglerDelaysS.size(); ++i)
        {
            auto delay = CreateObject<ConstantRandomVariable>();
            delay->SetAttribute("Constant", DoubleValue(o.stragglerDelaysS[i]));
            workers.Get(i)->SetAttribute("StragglerDelayS", PointerValue(delay));
        }
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
        server->TraceConnectWithoutContext("UpdateAggregated",
                                           MakeCallback(&TrainingCell::OnAggregated, this));
        server->TraceConnectWithoutContext("UpdateDiscarded",
                                           MakeCallback(&TrainingCell::OnDiscarded, this));
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
        record.outcomes.emplace_back(worker, round, -1);
    }

    void OnDropped(uint32_t worker, uint32_t round, int reason)
    {
        ++record.drops[reason];
        ++record.dropsByWorker[worker][reason];
        record.outcomes.emplace_back(worker, round, reason);
    }

    void OnAggregated(uint32_t worker, uint32_t round, uint32_t /* sequence */)
    {
        ++record.aggregated[round][worker];
    }

    void OnDiscarded(uint32_t /* worker */, uint32_t /* round */, int reason)
    {
        ++record.discards[reason];
    }

    TrainingOptions m_options; //!< the options
};

/**
 * \param cell the cell
 * \param nodeId a worker's node id
 * \return the index of the worker with this node id in the cell
 */
inline uint32_t
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
} // namespace edgedmltest

#endif /* EDGE_DML_TEST_TRAINING_TEST_CELL_H */
