/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Training policies over the simulated OFDMA cell: the busy-worker policies
 * (Skip, Discard), N-batch-sync, volatile workers (Bernoulli and Markov
 * on/off availability) and the shifted-exponential straggler delay.
 */

#include "training-test-cell.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::IndexOf;
using edgedmltest::TrainingCell;
using edgedmltest::TrainingOptions;

namespace
{

using TrainingPolicyTest = edgedmltest::SimulationTest;

/// gamma_T of EdgeServerEnergyModel (the system model, "Energy"), in J s^2 / cycle.
constexpr double GAMMA_T = 1e-27;

/// \return the worker application i of the cell
Ptr<WorkerApplication>
Worker(const TrainingCell& cell, uint32_t i)
{
    return DynamicCast<WorkerApplication>(cell.workers.Get(i));
}

/// \return the number of outcomes (UpdateReceived or UpdateDropped) per (worker, round)
std::map<std::pair<uint32_t, uint32_t>, uint32_t>
OutcomeCounts(const TrainingCell& cell)
{
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> counts;
    for (const auto& [worker, round, what] : cell.record.outcomes)
    {
        ++counts[{worker, round}];
    }
    return counts;
}

/// Every registered worker's round has exactly one outcome.
void
ExpectOneOutcomePerWorkerRound(const TrainingCell& cell, uint32_t rounds)
{
    const auto counts = OutcomeCounts(cell);
    EXPECT_EQ(counts.size(), static_cast<std::size_t>(rounds) * cell.workers.GetN());
    for (const auto& [key, count] : counts)
    {
        EXPECT_EQ(count, 1u) << "worker " << key.first << " round " << key.second;
        EXPECT_LT(key.second, rounds);
    }
}

/// Record, per worker index and round, whether its availability draw said available.
void
RecordAvailability(const TrainingCell& cell, std::vector<std::vector<bool>>& out)
{
    out.assign(cell.workers.GetN(), {});
    for (uint32_t i = 0; i < cell.workers.GetN(); ++i)
    {
        std::vector<bool>* sequence = &out[i];
        cell.workers.Get(i)->TraceConnectWithoutContext(
            "Availability",
            Callback<void, uint32_t, bool>([sequence](uint32_t round, bool available) {
                EXPECT_EQ(round, sequence->size());
                sequence->push_back(available);
            }));
    }
}

/// Mean length of the runs of `value` in a sequence (0 if none).
double
MeanRunLength(const std::vector<bool>& sequence, bool value, uint32_t& runs)
{
    runs = 0;
    uint64_t total = 0;
    bool inRun = false;
    for (bool v : sequence)
    {
        if (v == value)
        {
            ++total;
            if (!inRun)
            {
                ++runs;
            }
        }
        inRun = v == value;
    }
    return runs > 0 ? static_cast<double>(total) / runs : 0.0;
}

} // namespace

// BusyPolicy Discard: a worker busy with a task at every round start still
// trains (its compute energy is exactly gamma_T * kappa * 6272 * s_i * tau *
// f_i^2 per round, as for the others: EdgeServer::Compute runs while busy)
// and uploads; the parameter server reports each of its rounds Busy once,
// discards each upload, and W_1 is exactly the weighted average of the
// others. Full sync and N-sync (N = number of non-busy workers, so a
// counted busy update would take a slot).
TEST_F(TrainingPolicyTest, DiscardTrainsSpendsEnergyAndIsNeverAggregated)
{
    for (const std::string policy : {"ns3::edgedml::FullSyncPolicy", "ns3::edgedml::NSyncPolicy"})
    {
        SCOPED_TRACE(policy);
        TrainingOptions o;
        o.distancesM = {300, 100, 200}; // the busy worker 1 is the nearest, fastest uplink
        o.shardSizes = {10, 20, 30};
        o.policy = policy;
        o.n = 2;
        o.rounds = 3;
        o.localSteps = 2;
        o.withEnergy = true;
        o.busyPolicy = WorkerApplication::DISCARD;
        TrainingCell cell(o);
        cell.Server(1)->SetBusy(true);
        cell.Run();
        ASSERT_EQ(cell.record.participants, (std::vector<uint32_t>{2, 2, 2}));
        EXPECT_EQ(cell.record.eligible, (std::vector<uint32_t>{2, 2, 2}));
        EXPECT_EQ(Worker(cell, 1)->GetUpdatesSent(), 3u);
        EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(1)][ParameterServerApplication::BUSY],
                  3u);
        EXPECT_EQ(cell.record.drops.size(), 1u);
        EXPECT_EQ(cell.record.discards[ParameterServerApplication::BUSY], 3u);
        EXPECT_EQ(cell.record.discards.size(), 1u);
        for (const auto& [round, perWorker] : cell.record.aggregated)
        {
            EXPECT_EQ(perWorker.count(cell.WorkerId(1)), 0u) << "round " << round;
        }
        ExpectOneOutcomePerWorkerRound(cell, 3);
        for (uint32_t i = 0; i < 3; ++i)
        {
            auto model = DynamicCast<EdgeServerEnergyModel>(cell.energyModels.Get(i));
            ASSERT_TRUE(model);
            const double f = cell.Server(i)->GetCpuFrequencyHz();
            const double compute = 3 * GAMMA_T * 40.0 * 6272.0 * o.shardSizes[i] * 2 * f * f;
            EXPECT_NEAR(model->GetEnergyJ(EnergyActivity::COMPUTE), compute, 1e-12 + 1e-9 * compute)
                << "worker " << i;
            EXPECT_GT(compute, 0.0);
        }
        Simulator::Destroy();
    }

    // One round, exactly: the aggregate is the weighted average of workers 0 and 2.
    TrainingOptions o;
    o.distancesM = {300, 100, 200};
    o.shardSizes = {10, 20, 30};
    o.busyPolicy = WorkerApplication::DISCARD;
    TrainingCell cell(o);
    cell.Server(1)->SetBusy(true);
    cell.Run();
    EXPECT_EQ(Worker(cell, 1)->GetUpdatesSent(), 1u);
    EXPECT_LT(
        (cell.server->GetParameters() - cell.ExpectedAverage({0, 2})).lpNorm<Eigen::Infinity>(),
        1e-12);
    EXPECT_GT(
        (cell.ExpectedAverage({0, 1, 2}) - cell.ExpectedAverage({0, 2})).lpNorm<Eigen::Infinity>(),
        1e-6)
        << "the busy worker's update must make a difference if it were aggregated";
}

// BusyPolicy Skip (the default): the busy worker computes nothing (no
// training start, no compute energy, no upload); it is reported Busy once
// per round and the aggregate is that of the others.
TEST_F(TrainingPolicyTest, SkipComputesNothing)
{
    TrainingOptions o;
    o.distancesM = {300, 100, 200};
    o.shardSizes = {10, 20, 30};
    o.rounds = 3;
    o.withEnergy = true;
    TrainingCell cell(o);
    ASSERT_EQ(Worker(cell, 1)->GetBusyPolicy(), WorkerApplication::SKIP);
    cell.Server(1)->SetBusy(true);
    uint32_t starts = 0;
    cell.workers.Get(1)->TraceConnectWithoutContext(
        "TrainingStart",
        Callback<void, uint32_t>([&starts](uint32_t) { ++starts; }));
    cell.Run();
    EXPECT_EQ(starts, 0u);
    EXPECT_EQ(Worker(cell, 1)->GetUpdatesSent(), 0u);
    auto busyModel = DynamicCast<EdgeServerEnergyModel>(cell.energyModels.Get(1));
    EXPECT_EQ(busyModel->GetEnergyJ(EnergyActivity::COMPUTE), 0.0);
    EXPECT_EQ(busyModel->GetEnergyJ(EnergyActivity::TRANSMIT), 0.0);
    EXPECT_GT(DynamicCast<EdgeServerEnergyModel>(cell.energyModels.Get(0))
                  ->GetEnergyJ(EnergyActivity::COMPUTE),
              0.0);
    EXPECT_EQ(cell.record.participants, (std::vector<uint32_t>{2, 2, 2}));
    EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(1)][ParameterServerApplication::BUSY], 3u);
    EXPECT_TRUE(cell.record.discards.empty());
    ExpectOneOutcomePerWorkerRound(cell, 3);
}

// N-batch-sync, one round: worker 0 waits 0.1 s after each local update,
// worker 1 0.25 s, so the first M = 4 updates to arrive are worker 0's at
// ~0.1 s and ~0.2 s, worker 1's at ~0.25 s and worker 0's at ~0.3 s. W_1 is
// exactly sum_k s_i(k) w_k / sum_k s_i(k) over these four (worker 0's three
// are equal: full-batch steps from the same W_0), which differs from the
// one-update-per-worker average.
TEST_F(TrainingPolicyTest, NBatchSyncAggregatesTheFirstMUpdatesWithRepeats)
{
    TrainingOptions o;
    o.distancesM = {100, 200};
    o.shardSizes = {10, 30};
    o.policy = "ns3::edgedml::NBatchSyncPolicy";
    o.batches = 4;
    o.stragglerDelaysS = {0.1, 0.25};
    TrainingCell cell(o);
    ASSERT_TRUE(Worker(cell, 0)->IsRepeatingLocalUpdates());
    std::vector<Time> ends;
    cell.server->TraceConnectWithoutContext(
        "RoundEnd",
        Callback<void, uint32_t, uint32_t, Time>(
            [&ends](uint32_t, uint32_t, Time d) { ends.push_back(d); }));
    // Uploads handed over before 1.99 s arrive (airtime ~1 ms) before the
    // server stops at 2 s; none is handed over between 1.99 and 2 s.
    uint32_t sentBefore = 0;
    for (uint32_t i = 0; i < 2; ++i)
    {
        cell.workers.Get(i)->TraceConnectWithoutContext(
            "UpdateSent",
            Callback<void, uint32_t>([&sentBefore](uint32_t) {
                sentBefore += Simulator::Now() < Seconds(1.99) ? 1 : 0;
            }));
    }
    cell.Run(2.0);
    ASSERT_EQ(cell.record.participants, (std::vector<uint32_t>{4}));
    EXPECT_EQ(cell.record.aggregated[0][cell.WorkerId(0)], 3u);
    EXPECT_EQ(cell.record.aggregated[0][cell.WorkerId(1)], 1u);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_GT(ends[0].GetSeconds(), 0.3);
    EXPECT_LT(ends[0].GetSeconds(), 0.31);
    const Eigen::VectorXd expected = cell.ExpectedAverage({0, 0, 0, 1});
    EXPECT_LT((cell.server->GetParameters() - expected).lpNorm<Eigen::Infinity>(), 1e-12);
    EXPECT_GT((expected - cell.ExpectedAverage({0, 1})).lpNorm<Eigen::Infinity>(), 1e-6);
    // One outcome each: both Received; the workers' later updates of round 0
    // (they go on until the server stops at 2 s) are discarded as Late.
    ExpectOneOutcomePerWorkerRound(cell, 1);
    EXPECT_EQ(cell.record.received[0].size(), 2u);
    EXPECT_TRUE(cell.record.drops.empty());
    // One upload per 0.1 s + compute (worker 0) and per 0.25 s + compute
    // (worker 1) before 1.99 s: 19 + 7.
    EXPECT_EQ(sentBefore, 19u + 7u);
    EXPECT_EQ(cell.record.discards[ParameterServerApplication::LATE], sentBefore - 4);
    EXPECT_EQ(cell.record.discards.size(), 1u);
}

// N-batch-sync over several rounds with mini-batches: every round
// aggregates exactly M updates, the fastest worker contributes more than
// one, every worker's round has exactly one outcome, and extra updates that
// a newer model overtakes are abandoned rather than uploaded.
TEST_F(TrainingPolicyTest, NBatchSyncEveryRoundExactlyM)
{
    TrainingOptions o;
    o.distancesM = {100, 150, 200};
    o.shardSizes = {20, 20, 20};
    o.batchSize = 5;
    o.policy = "ns3::edgedml::NBatchSyncPolicy";
    o.batches = 5;
    o.rounds = 6;
    o.stragglerDelaysS = {0.01, 0.03, 0.07};
    TrainingCell cell(o);
    uint32_t abandoned = 0;
    for (uint32_t i = 0; i < 3; ++i)
    {
        cell.workers.Get(i)->TraceConnectWithoutContext(
            "UpdateAbandoned",
            Callback<void, uint32_t>([&abandoned](uint32_t) { ++abandoned; }));
    }
    const double initial = cell.UnionLoss(cell.w0);
    cell.Run(10.0);
    ASSERT_EQ(cell.record.participants.size(), 6u);
    for (uint32_t round = 0; round < 6; ++round)
    {
        SCOPED_TRACE(round);
        EXPECT_EQ(cell.record.participants[round], 5u);
        uint32_t sum = 0;
        for (const auto& [worker, count] : cell.record.aggregated[round])
        {
            sum += count;
        }
        EXPECT_EQ(sum, 5u);
        EXPECT_GE(cell.record.aggregated[round][cell.WorkerId(0)], 2u);
    }
    ExpectOneOutcomePerWorkerRound(cell, 6);
    EXPECT_GT(abandoned, 0u);
    EXPECT_LT(cell.record.lossAfterRound.back(), initial);
}

// N-batch-sync with nobody eligible closes the round at once.
TEST_F(TrainingPolicyTest, NBatchSyncWithNobodyEligibleCompletes)
{
    TrainingOptions o;
    o.distancesM = {100, 200};
    o.shardSizes = {10, 10};
    o.policy = "ns3::edgedml::NBatchSyncPolicy";
    o.batches = 3;
    o.rounds = 4;
    TrainingCell cell(o);
    cell.Server(0)->SetBusy(true);
    cell.Server(1)->SetOnline(false);
    cell.Run();
    EXPECT_EQ(cell.record.participants, (std::vector<uint32_t>{0, 0, 0, 0}));
    EXPECT_EQ(cell.server->GetRoundsCompleted(), 4u);
    EXPECT_EQ(cell.server->GetParameters(), cell.w0);
}

// Bernoulli availability p_a = 0.6, per worker and round: the fraction of
// available worker-rounds is within a binomial bound of p_a (per worker and
// overall), each unavailable round is reported Offline, and every available
// round is aggregated (lossless, full sync).
TEST_F(TrainingPolicyTest, BernoulliAvailabilityFraction)
{
    TrainingOptions o;
    o.distancesM = {100, 150, 200, 250};
    o.shardSizes = {5, 5, 5, 5};
    o.rounds = 500;
    o.encoding = ParameterEncoding::FLOAT32;
    o.availability = "ns3::edgedml::BernoulliAvailability";
    o.availabilityAttributes = {{"ProbabilityAvailable", 0.6}};
    TrainingCell cell(o);
    std::vector<std::vector<bool>> available;
    RecordAvailability(cell, available);
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), o.rounds);
    uint32_t total = 0;
    for (uint32_t i = 0; i < 4; ++i)
    {
        ASSERT_EQ(available[i].size(), o.rounds);
        const auto count =
            static_cast<uint32_t>(std::count(available[i].begin(), available[i].end(), true));
        total += count;
        EXPECT_NEAR(static_cast<double>(count) / o.rounds,
                    0.6,
                    edgedmltest::BinomialTolerance(0.6, o.rounds))
            << "worker " << i;
        EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(i)][ParameterServerApplication::OFFLINE],
                  o.rounds - count);
    }
    EXPECT_NEAR(static_cast<double>(total) / (4 * o.rounds),
                0.6,
                edgedmltest::BinomialTolerance(0.6, 4 * o.rounds));
    for (uint32_t t = 0; t < o.rounds; ++t)
    {
        uint32_t availableNow = 0;
        for (uint32_t i = 0; i < 4; ++i)
        {
            availableNow += available[i][t] ? 1 : 0;
        }
        EXPECT_EQ(cell.record.participants[t], availableNow) << "round " << t;
        EXPECT_EQ(cell.record.eligible[t], availableNow) << "round " << t;
    }
    EXPECT_EQ(cell.record.drops.size(), 1u);
    ExpectOneOutcomePerWorkerRound(cell, o.rounds);
}

// Markov on/off availability (a = 0.1, b = 0.3, stationary start): the
// fraction of available worker-rounds is close to pi_on = b / (a + b) =
// 0.75 and the mean on-run to 1 / a = 10 rounds, the off-run to 1 / b, within
// bounds that account for the chain's correlation (pinned seed).
TEST_F(TrainingPolicyTest, MarkovAvailabilityStationaryFractionAndRunLengths)
{
    TrainingOptions o;
    o.distancesM = {100, 150, 200};
    o.shardSizes = {5, 5, 5};
    o.rounds = 1500;
    o.encoding = ParameterEncoding::FLOAT32;
    o.availability = "ns3::edgedml::MarkovOnOffAvailability";
    o.availabilityAttributes = {{"ProbabilityOnToOff", 0.1}, {"ProbabilityOffToOn", 0.3}};
    TrainingCell cell(o);
    std::vector<std::vector<bool>> available;
    RecordAvailability(cell, available);
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), o.rounds);
    const double a = 0.1;
    const double b = 0.3;
    const double pi = b / (a + b);
    const double lambda = 1.0 - a - b;
    std::vector<bool> all;
    uint32_t onRuns = 0;
    uint32_t offRuns = 0;
    double onLengthSum = 0.0;
    double offLengthSum = 0.0;
    for (uint32_t i = 0; i < 3; ++i)
    {
        ASSERT_EQ(available[i].size(), o.rounds);
        uint32_t runs = 0;
        onLengthSum += MeanRunLength(available[i], true, runs) * runs;
        onRuns += runs;
        offLengthSum += MeanRunLength(available[i], false, runs) * runs;
        offRuns += runs;
        all.insert(all.end(), available[i].begin(), available[i].end());
        const auto on =
            static_cast<uint32_t>(std::count(available[i].begin(), available[i].end(), true));
        EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(i)][ParameterServerApplication::OFFLINE],
                  o.rounds - on);
    }
    const double n = all.size();
    const double fraction = std::count(all.begin(), all.end(), true) / n;
    // Variance of a two-state chain's time average: pi (1 - pi) (1 + l) / (1 - l) / n.
    const double sd = std::sqrt(pi * (1 - pi) * (1 + lambda) / (1 - lambda) / n);
    EXPECT_NEAR(fraction, pi, 4.5 * sd);
    // Runs are geometric: mean 1/a, standard deviation sqrt(1 - a) / a.
    const double meanOn = onLengthSum / onRuns;
    const double meanOff = offLengthSum / offRuns;
    EXPECT_NEAR(meanOn, 1 / a, 4.5 * std::sqrt(1 - a) / a / std::sqrt(onRuns)) << onRuns;
    EXPECT_NEAR(meanOff, 1 / b, 4.5 * std::sqrt(1 - b) / b / std::sqrt(offRuns)) << offRuns;
    ExpectOneOutcomePerWorkerRound(cell, o.rounds);
}

// Everyone unavailable (Bernoulli p_a = 0, or Markov starting Off with
// b = 0): every round still completes at once with nobody, W_{t+1} = W_t,
// nobody trains, every worker-round is Offline; the edge servers stay
// online (availability is not energy depletion).
TEST_F(TrainingPolicyTest, EveryoneOfflineRoundsStillComplete)
{
    for (const bool markov : {false, true})
    {
        SCOPED_TRACE(markov ? "Markov" : "Bernoulli");
        TrainingOptions o;
        o.distancesM = {100, 200, 300};
        o.shardSizes = {10, 20, 30};
        o.rounds = 5;
        if (markov)
        {
            o.availability = "ns3::edgedml::MarkovOnOffAvailability";
            o.availabilityAttributes = {{"ProbabilityOffToOn", 0.0}};
        }
        else
        {
            o.availability = "ns3::edgedml::BernoulliAvailability";
            o.availabilityAttributes = {{"ProbabilityAvailable", 0.0}};
        }
        TrainingCell cell(o);
        if (markov)
        {
            for (uint32_t i = 0; i < 3; ++i)
            {
                Worker(cell, i)->GetAvailabilityModel()->SetAttribute("InitialState",
                                                                      StringValue("Off"));
            }
        }
        cell.Run();
        EXPECT_EQ(cell.server->GetRoundsCompleted(), 5u);
        EXPECT_EQ(cell.record.participants, (std::vector<uint32_t>(5, 0)));
        EXPECT_EQ(cell.record.eligible, (std::vector<uint32_t>(5, 0)));
        EXPECT_EQ(cell.server->GetParameters(), cell.w0);
        EXPECT_EQ(cell.record.drops[ParameterServerApplication::OFFLINE], 15u);
        EXPECT_EQ(cell.record.drops.size(), 1u);
        for (uint32_t i = 0; i < 3; ++i)
        {
            EXPECT_EQ(Worker(cell, i)->GetUpdatesSent(), 0u);
            EXPECT_TRUE(cell.Server(i)->IsOnline());
        }
        Simulator::Destroy();
    }
}

// Availability never brings an edge server back online: one taken offline
// (as energy depletion does) stays offline and Offline in every round even
// though it is always available, and a busy, unavailable worker under
// Discard does not train (Busy takes precedence in the report).
TEST_F(TrainingPolicyTest, AvailabilityIsNotEnergyDepletionAndBeatsDiscard)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {10, 20, 30};
    o.rounds = 4;
    o.busyPolicy = WorkerApplication::DISCARD;
    o.availability = "ns3::edgedml::BernoulliAvailability";
    o.availabilityAttributes = {{"ProbabilityAvailable", 1.0}};
    TrainingCell cell(o);
    cell.Server(0)->SetOnline(false);
    Worker(cell, 1)->GetAvailabilityModel()->SetAttribute("ProbabilityAvailable", DoubleValue(0.0));
    cell.Server(1)->SetBusy(true);
    cell.Run();
    EXPECT_FALSE(cell.Server(0)->IsOnline());
    EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(0)][ParameterServerApplication::OFFLINE], 4u);
    EXPECT_EQ(cell.record.dropsByWorker[cell.WorkerId(1)][ParameterServerApplication::BUSY], 4u);
    EXPECT_EQ(Worker(cell, 1)->GetUpdatesSent(), 0u);
    EXPECT_EQ(cell.record.participants, (std::vector<uint32_t>(4, 1)));
    ExpectOneOutcomePerWorkerRound(cell, 4);
}

// TrainingHelper::SetShiftedExponentialStragglerDelay: the time between a
// worker's training start and its upload is its compute time plus a draw of
// shift + Exponential(mean): never below the shift, with the right mean.
TEST_F(TrainingPolicyTest, ShiftedExponentialStragglerDelayInTheNetwork)
{
    TrainingOptions o;
    o.distancesM = {100, 200};
    o.shardSizes = {10, 30};
    o.rounds = 400;
    o.encoding = ParameterEncoding::FLOAT32;
    const double shiftS = 0.01;
    const double meanS = 0.02;
    o.shiftedExponentialShiftS = shiftS;
    o.shiftedExponentialMeanS = meanS;
    TrainingCell cell(o);
    PointerValue delay0;
    PointerValue delay1;
    cell.workers.Get(0)->GetAttribute("StragglerDelayS", delay0);
    cell.workers.Get(1)->GetAttribute("StragglerDelayS", delay1);
    auto variable = delay0.Get<ShiftedExponentialRandomVariable>();
    ASSERT_TRUE(variable);
    EXPECT_EQ(variable->GetShift(), shiftS);
    EXPECT_EQ(variable->GetMean(), meanS);
    EXPECT_NE(delay0.Get<RandomVariableStream>(), delay1.Get<RandomVariableStream>())
        << "one variable per worker";
    std::vector<std::vector<double>> delays(2);
    std::vector<Time> start(2);
    for (uint32_t i = 0; i < 2; ++i)
    {
        const double computeS =
            40.0 * 6272.0 * o.shardSizes[i] / cell.Server(i)->GetCpuFrequencyHz();
        cell.workers.Get(i)->TraceConnectWithoutContext(
            "TrainingStart",
            Callback<void, uint32_t>([&start, i](uint32_t) { start[i] = Simulator::Now(); }));
        cell.workers.Get(i)->TraceConnectWithoutContext(
            "UpdateSent",
            Callback<void, uint32_t>([&delays, &start, i, computeS](uint32_t) {
                delays[i].push_back((Simulator::Now() - start[i]).GetSeconds() - computeS);
            }));
    }
    cell.Run(1e4);
    for (uint32_t i = 0; i < 2; ++i)
    {
        ASSERT_EQ(delays[i].size(), o.rounds);
        const double mean =
            std::accumulate(delays[i].begin(), delays[i].end(), 0.0) / delays[i].size();
        EXPECT_GE(*std::min_element(delays[i].begin(), delays[i].end()), shiftS - 1e-9);
        EXPECT_NEAR(mean, shiftS + meanS, 4.5 * meanS / std::sqrt(delays[i].size()));
    }
}
