/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Learning-rate schedules and local-work policies: closed forms on their
 * own, and in the simulated cell the tau, b and eta each update starts with.
 */

#include "training-test-cell.h"

#include "ns3/double.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <tuple>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::TrainingCell;
using edgedmltest::TrainingOptions;

namespace
{

using LocalWorkTest = edgedmltest::SimulationTest;

/// Per worker index, the (round, tau, b, eta) of each update.
using WorkLog = std::vector<std::vector<std::tuple<uint32_t, uint32_t, uint32_t, double>>>;

/// Record the LocalWork trace of every worker.
void
RecordWork(TrainingCell& cell, WorkLog& log)
{
    log.assign(cell.workers.GetN(), {});
    for (uint32_t i = 0; i < cell.workers.GetN(); ++i)
    {
        auto* out = &log[i];
        cell.workers.Get(i)->TraceConnectWithoutContext(
            "LocalWork",
            Callback<void, uint32_t, uint32_t, uint32_t, double>(
                [out](uint32_t round, uint32_t tau, uint32_t b, double eta) {
                    out->emplace_back(round, tau, b, eta);
                }));
    }
}

} // namespace

// The schedules' closed forms.
TEST_F(LocalWorkTest, LearningRateSchedulesFollowTheirFormulas)
{
    auto constant = CreateObject<ConstantLearningRate>();
    auto inverse = CreateObject<InverseTimeLearningRate>();
    inverse->SetAttribute("Decay", DoubleValue(0.5));
    auto step = CreateObject<StepLearningRate>();
    step->SetAttribute("Factor", DoubleValue(0.5));
    step->SetAttribute("StepRounds", UintegerValue(3));
    const std::vector<double> steps{0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05};
    for (uint32_t t = 0; t < steps.size(); ++t)
    {
        EXPECT_DOUBLE_EQ(constant->GetRate(0.2, t), 0.2);
        EXPECT_DOUBLE_EQ(inverse->GetRate(0.2, t), 0.2 / (1.0 + 0.5 * t));
        EXPECT_DOUBLE_EQ(step->GetRate(0.2, t), steps[t]);
    }
}

// The batch policies on hand-built contexts; the adaptive rule's direction.
TEST_F(LocalWorkTest, PoliciesOnHandBuiltContexts)
{
    LocalWorkContext c;
    c.localSteps = 8;
    c.batchSize = 10;
    c.samples = 700;
    c.cpuHz = 3e9;
    auto fixed = CreateObject<FixedLocalWork>();
    EXPECT_EQ(fixed->Choose(c).localSteps, 8u);
    EXPECT_EQ(fixed->Choose(c).batchSize, 10u);
    auto data = CreateObject<DataProportionalBatch>();
    EXPECT_EQ(data->Choose(c).batchSize, 20u); // 10 * 700 / 350
    EXPECT_EQ(data->Choose(c).localSteps, 8u);
    c.samples = 10;
    EXPECT_EQ(data->Choose(c).batchSize, 1u); // never below 1
    auto compute = CreateObject<ComputeProportionalBatch>();
    EXPECT_EQ(compute->Choose(c).batchSize, 15u); // 10 * 3e9 / 2e9
    auto adaptive = CreateObject<AdaptiveLocalSteps>();
    double loss = 2.0;
    c.loss = [&loss]() { return loss; };
    c.worker = 1;
    EXPECT_EQ(adaptive->Choose(c).localSteps, 8u); // the first loss is the reference
    loss = 0.5;
    EXPECT_EQ(adaptive->Choose(c).localSteps, 4u); // ceil(sqrt(0.25) * 8)
    loss = 0.02;
    EXPECT_EQ(adaptive->Choose(c).localSteps, 1u); // ceil(0.1 * 8)
    c.worker = 2;                                  // another worker has its own reference
    EXPECT_EQ(adaptive->Choose(c).localSteps, 8u);
}

// In the cell: eta_t follows the InverseTime schedule, b follows s_i, and
// the adaptive tau falls as the local loss falls, as its rule states.
TEST_F(LocalWorkTest, SchedulesAndPoliciesInTheCell)
{
    TrainingOptions o;
    o.distancesM = {100, 200, 300};
    o.shardSizes = {20, 40, 60};
    o.rounds = 12;
    o.localSteps = 8;
    o.batchSize = 10;
    o.learningRate = 0.5;
    TrainingCell cell(o);
    auto schedule = CreateObject<InverseTimeLearningRate>();
    schedule->SetAttribute("Decay", DoubleValue(0.25));
    auto adaptive = CreateObject<AdaptiveLocalSteps>();
    for (uint32_t i = 0; i < 3; ++i)
    {
        cell.workers.Get(i)->SetAttribute("LearningRateSchedule", PointerValue(schedule));
        cell.workers.Get(i)->SetAttribute("LocalWork", PointerValue(adaptive));
    }
    WorkLog log;
    RecordWork(cell, log);
    cell.Run();
    for (uint32_t i = 0; i < 3; ++i)
    {
        ASSERT_EQ(log[i].size(), o.rounds) << "worker " << i;
        uint32_t previous = 8;
        for (const auto& [round, tau, b, eta] : log[i])
        {
            EXPECT_DOUBLE_EQ(eta, 0.5 / (1.0 + 0.25 * round));
            EXPECT_EQ(b, 10u);
            EXPECT_LE(tau, previous) << "worker " << i << " round " << round;
            previous = tau;
        }
        EXPECT_EQ(std::get<1>(log[i].front()), 8u);
        EXPECT_LT(std::get<1>(log[i].back()), 8u) << "worker " << i; // the loss fell
    }

    // Data-proportional batches: b_i = round(10 * s_i / 40).
    Simulator::Destroy();
    TrainingCell second(o);
    auto data = CreateObject<DataProportionalBatch>();
    data->SetAttribute("ReferenceSamples", DoubleValue(40.0));
    for (uint32_t i = 0; i < 3; ++i)
    {
        second.workers.Get(i)->SetAttribute("LocalWork", PointerValue(data));
    }
    RecordWork(second, log);
    second.Run();
    const std::vector<uint32_t> expected{5, 10, 15};
    for (uint32_t i = 0; i < 3; ++i)
    {
        ASSERT_FALSE(log[i].empty());
        for (const auto& [round, tau, b, eta] : log[i])
        {
            EXPECT_EQ(b, expected[i]);
            EXPECT_EQ(tau, 8u);
            EXPECT_DOUBLE_EQ(eta, 0.5);
        }
    }
}
