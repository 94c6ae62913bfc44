/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Synchronous SGD over the simulated OFDMA cell: ParameterServerApplication,
 * WorkerApplication, the synchronisation policies and TrainingHelper.
 */

#include "training-test-cell.h"

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
using edgedmltest::IndexOf;
using edgedmltest::TrainingCell;
using edgedmltest::TrainingOptions;
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

// With Float32 on the wire (the system model's Z = 4 bytes per parameter) the same
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

// A worker busy at the round start but freed before the broadcast reaches
// it follows its round-start state, as the parameter server does: with
// BusyPolicy Skip it does not train; with Discard it trains and uploads and
// the server discards the update. In both policies and both sync policies
// the round is reported Busy exactly once and the update never enters the
// aggregate.
TEST_F(SynchronousSgdTest, UpdateOfWorkerBusyAtRoundStartNeverEntersTheAggregate)
{
    for (const std::string policy : {"ns3::edgedml::FullSyncPolicy", "ns3::edgedml::NSyncPolicy"})
    {
        for (const auto busyPolicy : {WorkerApplication::SKIP, WorkerApplication::DISCARD})
        {
            TrainingOptions o;
            o.distancesM = {100, 200, 300};
            o.shardSizes = {10, 20, 30};
            o.policy = policy;
            o.n = 3;
            o.deadlineS = 1.0;
            o.busyPolicy = busyPolicy;
            TrainingCell cell(o);
            cell.Server(0)->SetBusy(true);
            Simulator::Schedule(NanoSeconds(1), &EdgeServer::SetBusy, cell.Server(0), false);
            cell.Run();
            SCOPED_TRACE(policy + (busyPolicy == WorkerApplication::SKIP ? " Skip" : " Discard"));
            const uint32_t sent = busyPolicy == WorkerApplication::SKIP ? 0 : 1;
            EXPECT_EQ(DynamicCast<WorkerApplication>(cell.workers.Get(0))->GetUpdatesSent(), sent);
            ASSERT_EQ(cell.record.participants.size(), 1u);
            EXPECT_EQ(cell.record.participants[0], 2u);
            EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(0)][ParameterServerApplication::BUSY],
                      1u);
            EXPECT_EQ(cell.record.discards[ParameterServerApplication::BUSY], sent);
            EXPECT_EQ(cell.record.outcomes.size(), 3u);
            for (uint32_t id : cell.record.received[0])
            {
                EXPECT_NE(id, cell.WorkerId(0));
            }
            EXPECT_LT((cell.server->GetParameters() - cell.ExpectedAverage({1, 2}))
                          .lpNorm<Eigen::Infinity>(),
                      1e-9);
            Simulator::Destroy();
        }
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
    o.numRbs = 1; // one RB: every upload alone on it, SNR of the system model with B = B_RB
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
