/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Worker selection: each WorkerSelector's rule on hand-built candidates,
 * Random-k's uniformity (chi-square, pinned seed), the exponential worker
 * ramp, and selection in the simulated cell (unselected workers do not
 * train and are reported Unselected).
 */

#include "training-test-cell.h"

#include "ns3/double.h"
#include "ns3/edge-dml-module.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::TrainingCell;
using edgedmltest::TrainingOptions;

namespace
{

using WorkerSelectorTest = edgedmltest::SimulationTest;

/// \return a candidate
WorkerCandidate
Candidate(uint32_t id,
          bool eligible,
          uint32_t samples,
          double successProbability,
          double loss,
          std::vector<double> labelShares = {})
{
    WorkerCandidate c;
    c.id = id;
    c.eligible = eligible;
    c.samples = samples;
    c.successProbability = successProbability;
    c.localLoss = [loss]() { return loss; };
    c.labelShares = std::move(labelShares);
    return c;
}

/// Six hand-built workers; worker 3 is not eligible but best in every respect.
std::vector<WorkerCandidate>
HandBuilt()
{
    return {
        Candidate(10, true, 100, 0.50, 0.9, {0.5, 0.5}),
        Candidate(11, true, 400, 0.95, 0.2, {0.9, 0.1}),
        Candidate(12, true, 300, 0.10, 1.5, {0.2, 0.8}),
        Candidate(13, false, 900, 0.99, 9.0, {0.5, 0.5}),
        Candidate(14, true, 200, 0.80, 0.4, {0.6, 0.4}),
        Candidate(15, true, 50, 0.30, 1.1, {0.0, 1.0}),
    };
}

/// \return a selector of a type with K
template <typename T>
Ptr<T>
Make(uint32_t k)
{
    Ptr<T> s = CreateObject<T>();
    s->SetAttribute("K", UintegerValue(k));
    return s;
}

using Ids = std::vector<uint32_t>;

} // namespace

// AllAvailable: every eligible worker, whatever K.
TEST_F(WorkerSelectorTest, AllAvailableTakesEveryEligibleWorker)
{
    EXPECT_EQ(Make<AllAvailableSelector>(0)->Select(0, HandBuilt()), (Ids{10, 11, 12, 14, 15}));
    EXPECT_EQ(Make<AllAvailableSelector>(2)->Select(0, HandBuilt()), (Ids{10, 11, 12, 14, 15}));
    EXPECT_TRUE(Make<AllAvailableSelector>(0)->Select(0, {Candidate(1, false, 5, 1, 1)}).empty());
}

// BestChannel: the k highest o_i among the eligible (not the ineligible 13).
TEST_F(WorkerSelectorTest, BestChannelTakesHighestSuccessProbability)
{
    EXPECT_EQ(Make<BestChannelSelector>(2)->Select(0, HandBuilt()), (Ids{11, 14}));
    EXPECT_EQ(Make<BestChannelSelector>(3)->Select(0, HandBuilt()), (Ids{10, 11, 14}));
    // K above the eligible count: all of them; K = 0: all of them.
    EXPECT_EQ(Make<BestChannelSelector>(50)->Select(0, HandBuilt()).size(), 5u);
    EXPECT_EQ(Make<BestChannelSelector>(0)->Select(0, HandBuilt()).size(), 5u);
    // Ties go to the lower id.
    auto tied = HandBuilt();
    tied[4].successProbability = 0.95; // worker 14 ties worker 11
    EXPECT_EQ(Make<BestChannelSelector>(1)->Select(0, tied), (Ids{11}));
}

// LargestData: the k largest shards.
TEST_F(WorkerSelectorTest, LargestDataTakesTheLargestShards)
{
    EXPECT_EQ(Make<LargestDataSelector>(2)->Select(0, HandBuilt()), (Ids{11, 12}));
    EXPECT_EQ(Make<LargestDataSelector>(4)->Select(0, HandBuilt()), (Ids{10, 11, 12, 14}));
}

// Power of choice with d = every eligible worker: the k highest local losses;
// with d = k: k distinct eligible workers; d sampled proportionally to s_i.
TEST_F(WorkerSelectorTest, PowerOfChoiceTakesHighestLossOfTheSampled)
{
    auto all = Make<PowerOfChoiceSelector>(2);
    all->SetAttribute("D", UintegerValue(0));
    all->AssignStreams(7);
    EXPECT_EQ(all->Select(0, HandBuilt()), (Ids{12, 15}));
    all->SetAttribute("D", UintegerValue(5));
    EXPECT_EQ(all->Select(1, HandBuilt()), (Ids{12, 15}));

    // d = k = 1: the sampled worker is chosen; its frequency follows s_i / sum s.
    auto one = Make<PowerOfChoiceSelector>(1);
    one->SetAttribute("D", UintegerValue(1));
    one->AssignStreams(8);
    std::map<uint32_t, uint32_t> counts;
    const uint32_t draws = 20000;
    for (uint32_t t = 0; t < draws; ++t)
    {
        const Ids s = one->Select(t, HandBuilt());
        ASSERT_EQ(s.size(), 1u);
        ++counts[s[0]];
    }
    EXPECT_EQ(counts.count(13), 0u);
    const std::map<uint32_t, double> samples{{10, 100}, {11, 400}, {12, 300}, {14, 200}, {15, 50}};
    double chi2 = 0.0;
    for (const auto& [id, s] : samples)
    {
        const double expected = draws * s / 1050.0;
        chi2 += (counts[id] - expected) * (counts[id] - expected) / expected;
    }
    EXPECT_LT(chi2, 18.47); // chi-square, 4 degrees of freedom, 0.999 quantile
}

// Data value: each term alone ranks as its rule says, and a mix equals the
// hand-computed values.
TEST_F(WorkerSelectorTest, DataValueRanksByItsWeightedSum)
{
    auto selector = [](double loss, double gap, double representativeness, uint32_t k) {
        auto s = Make<DataValueSelector>(k);
        s->SetAttribute("LossWeight", DoubleValue(loss));
        s->SetAttribute("GapWeight", DoubleValue(gap));
        s->SetAttribute("RepresentativenessWeight", DoubleValue(representativeness));
        return s;
    };
    // Loss only: the highest local losses (12: 1.5, 15: 1.1).
    EXPECT_EQ(selector(1, 0, 0, 2)->Select(0, HandBuilt()), (Ids{12, 15}));
    // Gap only: the smallest gap proxy sqrt(s_min / s_i), i.e. the largest shards.
    EXPECT_EQ(selector(0, 1, 0, 2)->Select(0, HandBuilt()), (Ids{11, 12}));
    // Representativeness only. Global label distribution over all six workers
    // (ineligible 13 included): class 0 = (50 + 360 + 60 + 450 + 120 + 0) / 1950.
    const double p0 = 1040.0 / 1950.0;
    std::map<uint32_t, double> tv{{10, std::abs(0.5 - p0)},
                                  {11, std::abs(0.9 - p0)},
                                  {12, std::abs(0.2 - p0)},
                                  {14, std::abs(0.6 - p0)},
                                  {15, std::abs(0.0 - p0)}};
    // 10 (0.033) and 14 (0.067) are the closest to the global distribution.
    EXPECT_EQ(selector(0, 0, 1, 2)->Select(0, HandBuilt()), (Ids{10, 14}));
    // Mix (1, 1, 1), by hand: v = F / 1.5 - sqrt(50 / s) + 1 - TV.
    const std::map<uint32_t, std::pair<double, double>> fs{{10, {0.9, 100}},
                                                           {11, {0.2, 400}},
                                                           {12, {1.5, 300}},
                                                           {14, {0.4, 200}},
                                                           {15, {1.1, 50}}};
    std::vector<std::pair<double, uint32_t>> values;
    for (const auto& [id, f] : fs)
    {
        values.emplace_back(-(f.first / 1.5 - std::sqrt(50.0 / f.second) + 1.0 - tv[id]), id);
    }
    std::sort(values.begin(), values.end());
    Ids expected{values[0].second, values[1].second};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(selector(1, 1, 1, 2)->Select(0, HandBuilt()), expected);
    EXPECT_EQ(expected, (Ids{10, 12})); // v: 12 1.258, 10 0.860, 14 0.700, 11 0.413, 15 0.200
}

// Random-k: k distinct eligible workers, each with frequency k / n
// (chi-square over the workers, 9 degrees of freedom, and over the pairs).
TEST_F(WorkerSelectorTest, RandomKIsUniformOverTheEligible)
{
    std::vector<WorkerCandidate> candidates;
    for (uint32_t id = 0; id < 12; ++id)
    {
        candidates.push_back(Candidate(id, id != 4 && id != 9, 100, 1.0, 1.0));
    }
    auto selector = Make<RandomKSelector>(3);
    EXPECT_EQ(selector->AssignStreams(11), 1);
    const uint32_t draws = 30000;
    std::map<uint32_t, uint32_t> counts;
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> pairs;
    for (uint32_t t = 0; t < draws; ++t)
    {
        const Ids s = selector->Select(t, candidates);
        ASSERT_EQ(s.size(), 3u);
        ASSERT_EQ(std::set<uint32_t>(s.begin(), s.end()).size(), 3u);
        for (uint32_t id : s)
        {
            ASSERT_TRUE(id != 4 && id != 9) << "ineligible worker " << id << " selected";
            ++counts[id];
        }
        ++pairs[{s[0], s[1]}];
        ++pairs[{s[0], s[2]}];
        ++pairs[{s[1], s[2]}];
    }
    ASSERT_EQ(counts.size(), 10u);
    const double expected = draws * 3.0 / 10.0;
    double chi2 = 0.0;
    for (const auto& [id, count] : counts)
    {
        chi2 += (count - expected) * (count - expected) / expected;
    }
    EXPECT_LT(chi2, 27.88); // chi-square, 9 degrees of freedom, 0.999 quantile
    // Each of the 45 pairs appears in a k-subset with probability 3 * 2 / (10 * 9).
    ASSERT_EQ(pairs.size(), 45u);
    const double pairExpected = draws * 3.0 / 45.0;
    double pairChi2 = 0.0;
    for (const auto& [pair, count] : pairs)
    {
        pairChi2 += (count - pairExpected) * (count - pairExpected) / pairExpected;
    }
    EXPECT_LT(pairChi2, 80.08); // chi-square, 44 degrees of freedom, 0.999 quantile
    // Same stream, same draws.
    auto again = Make<RandomKSelector>(3);
    again->AssignStreams(11);
    auto first = Make<RandomKSelector>(3);
    first->AssignStreams(11);
    for (uint32_t t = 0; t < 50; ++t)
    {
        EXPECT_EQ(again->Select(t, candidates), first->Select(t, candidates));
    }
}

// The exponential ramp: k_0 = 2 doubling every 3 rounds, capped at 10; a
// selector with the ramp takes k_t workers (fewer when fewer are eligible).
TEST_F(WorkerSelectorTest, RampDoublesEachPhaseUpToItsCap)
{
    auto ramp = CreateObject<WorkerRamp>();
    ramp->SetAttribute("InitialWorkers", UintegerValue(2));
    ramp->SetAttribute("PhaseRounds", UintegerValue(3));
    ramp->SetAttribute("MaxWorkers", UintegerValue(10));
    const Ids expected{2, 2, 2, 4, 4, 4, 8, 8, 8, 10, 10, 10, 10};
    for (uint32_t t = 0; t < expected.size(); ++t)
    {
        EXPECT_EQ(ramp->GetWorkers(t), expected[t]) << "round " << t;
    }
    EXPECT_EQ(ramp->GetWorkers(4000000000u), 10u);
    auto selector = Make<RandomKSelector>(1);
    selector->SetAttribute("Ramp", PointerValue(ramp));
    selector->AssignStreams(3);
    std::vector<WorkerCandidate> candidates;
    for (uint32_t id = 0; id < 9; ++id)
    {
        candidates.push_back(Candidate(id, true, 100, 1.0, 1.0));
    }
    for (uint32_t t = 0; t < expected.size(); ++t)
    {
        EXPECT_EQ(selector->GetK(t), expected[t]);
        EXPECT_EQ(selector->Select(t, candidates).size(), std::min<uint32_t>(expected[t], 9));
    }
}

// In the cell: Random-k with k = 2 of 6 workers. Every round aggregates
// exactly 2 updates, the 4 others are reported Unselected, every worker-round
// has one outcome, and a worker uploads exactly in the rounds it was selected.
TEST_F(WorkerSelectorTest, UnselectedWorkersDoNotTrainInTheCell)
{
    TrainingOptions o;
    o.distancesM = {100, 150, 200, 250, 300, 350};
    o.shardSizes = {5, 6, 7, 8, 9, 10};
    o.rounds = 40;
    TrainingCell cell(o);
    auto selector = Make<RandomKSelector>(2);
    cell.server->SetAttribute("WorkerSelector", PointerValue(selector));
    EXPECT_EQ(cell.server->AssignStreams(99), 1);
    std::map<uint32_t, uint32_t> selected;
    cell.server->TraceConnectWithoutContext(
        "WorkerSelected",
        Callback<void, uint32_t, uint32_t>(
            [&selected](uint32_t worker, uint32_t /* round */) { ++selected[worker]; }));
    cell.Run();
    ASSERT_EQ(cell.record.participants.size(), o.rounds);
    for (uint32_t t = 0; t < o.rounds; ++t)
    {
        EXPECT_EQ(cell.record.participants[t], 2u) << "round " << t;
        EXPECT_EQ(cell.record.eligible[t], 2u) << "round " << t;
    }
    EXPECT_EQ(cell.record.drops[ParameterServerApplication::UNSELECTED], 4 * o.rounds);
    uint32_t total = 0;
    for (uint32_t i = 0; i < 6; ++i)
    {
        const uint32_t id = cell.WorkerId(i);
        auto worker = DynamicCast<WorkerApplication>(cell.workers.Get(i));
        EXPECT_EQ(worker->GetUpdatesSent(), selected[id]) << "worker " << i;
        EXPECT_EQ(cell.record.dropsByWorker[id][ParameterServerApplication::UNSELECTED],
                  o.rounds - selected[id]);
        total += selected[id];
    }
    EXPECT_EQ(total, 2 * o.rounds);
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> outcomes;
    for (const auto& [worker, round, what] : cell.record.outcomes)
    {
        ++outcomes[{worker, round}];
    }
    EXPECT_EQ(outcomes.size(), 6u * o.rounds);
    for (const auto& [key, count] : outcomes)
    {
        EXPECT_EQ(count, 1u);
    }
}

// In the cell: power of choice and data value compute the workers' local
// losses of W_t on their shards; with d = n and only the loss weighted they
// pick the same workers, and training still converges.
TEST_F(WorkerSelectorTest, LossBasedSelectorsAgreeInTheCell)
{
    TrainingOptions o;
    o.distancesM = {100, 150, 200, 250};
    o.shardSizes = {8, 8, 8, 8};
    o.rounds = 6;
    std::vector<std::vector<uint32_t>> picks[2];
    for (int which = 0; which < 2; ++which)
    {
        TrainingCell cell(o);
        Ptr<WorkerSelector> selector;
        if (which == 0)
        {
            selector = Make<PowerOfChoiceSelector>(2);
        }
        else
        {
            auto value = Make<DataValueSelector>(2);
            value->SetAttribute("GapWeight", DoubleValue(0.0));
            value->SetAttribute("RepresentativenessWeight", DoubleValue(0.0));
            selector = value;
        }
        cell.server->SetAttribute("WorkerSelector", PointerValue(selector));
        cell.server->AssignStreams(5);
        auto* out = &picks[which];
        out->assign(o.rounds, {});
        cell.server->TraceConnectWithoutContext(
            "WorkerSelected",
            Callback<void, uint32_t, uint32_t>(
                [out](uint32_t worker, uint32_t round) { (*out)[round].push_back(worker); }));
        cell.Run();
        for (uint32_t t = 0; t < o.rounds; ++t)
        {
            EXPECT_EQ(cell.record.participants[t], 2u);
        }
        Simulator::Destroy();
    }
    EXPECT_EQ(picks[0], picks[1]);
}
