/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/double.h"
#include "ns3/link-budget.h"
#include "ns3/mobility-model.h"
#include "ns3/scheduling-scenario-helper.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;

// o_i follows the system model, "Training link" from the node's real position: the implied
// interference p d^-2 / SNR - N0 B lies in [1e-8, 1.1e-7] W and
// o_i = exp(-1.08 / SNR); positions in the 50..500 m annulus.
TEST(SchedulingScenarioHelper, TrainingLinkFollowsTheModel)
{
    SchedulingScenarioHelper helper;
    helper.AssignStreams(7);
    SchedulingScenario s = helper.Create(200, 5);
    ASSERT_EQ(s.servers.size(), 200u);
    ASSERT_EQ(s.tasks.size(), 5u);
    const double noiseW = NoisePowerW(-174.0, 1e6);
    double minI = 1;
    double maxI = 0;
    for (uint32_t i = 0; i < 200; ++i)
    {
        const Vector p = s.edgeNodes.Get(i)->GetObject<MobilityModel>()->GetPosition();
        const double d = std::hypot(p.x, p.y);
        EXPECT_GE(d, 50.0 - 1e-9);
        EXPECT_LE(d, 500.0 + 1e-9);
        const double snr = s.trainingLinkSnr[i];
        const double interference = 0.01 / (d * d) / snr - noiseW;
        EXPECT_GE(interference, 1e-8 * (1 - 1e-9));
        EXPECT_LE(interference, 1.1e-7 * (1 + 1e-9));
        minI = std::min(minI, interference);
        maxI = std::max(maxI, interference);
        EXPECT_NEAR(s.servers[i].trainingSuccessProbability, std::exp(-1.08 / snr), 1e-12);
        EXPECT_GE(s.servers[i].samples, 100);
        EXPECT_LE(s.servers[i].samples, 600);
    }
    // 200 uniform draws span most of the range.
    EXPECT_LT(minI, 2e-8);
    EXPECT_GT(maxI, 1e-7);
}

// Same streams give the same scenario; a second Create gives a new one.
TEST(SchedulingScenarioHelper, ReproducibleAndIndependentScenarios)
{
    SchedulingScenarioHelper a;
    SchedulingScenarioHelper b;
    a.AssignStreams(100);
    b.AssignStreams(100);
    SchedulingScenario sa = a.Create(20, 10);
    SchedulingScenario sb = b.Create(20, 10);
    for (uint32_t i = 0; i < 20; ++i)
    {
        EXPECT_EQ(sa.trainingLinkSnr[i], sb.trainingLinkSnr[i]);
        EXPECT_EQ(sa.servers[i].cpuFrequencyHz, sb.servers[i].cpuFrequencyHz);
    }
    for (uint32_t j = 0; j < 10; ++j)
    {
        EXPECT_EQ(sa.tasks[j].dataBits, sb.tasks[j].dataBits);
    }
    SchedulingScenario next = a.Create(20, 10);
    EXPECT_NE(next.trainingLinkSnr[0], sa.trainingLinkSnr[0]);
    EXPECT_NE(next.tasks[0].dataBits, sa.tasks[0].dataBits);
}

// Common random numbers: the instance of the first q tasks has exactly the
// items of those tasks in the instance of all tasks (same shadowing, same
// weights), whatever the capacity.
TEST(SchedulingScenarioHelper, TaskPrefixesShareEveryDraw)
{
    SchedulingScenarioHelper helper;
    helper.AssignStreams(3);
    SchedulingScenario s = helper.Create(30, 12);
    s.problem->SetAttribute("TaskBandwidthHz", DoubleValue(80e6));
    s.problem->Build(s.tasks, s.servers);
    const MmkpInstance full = s.problem->GetInstance();
    s.problem->SetAttribute("TaskBandwidthHz", DoubleValue(80e6));
    s.problem->Build({s.tasks.begin(), s.tasks.begin() + 5}, s.servers);
    const MmkpInstance& prefix = s.problem->GetInstance();
    ASSERT_EQ(prefix.GetNumClasses(), 5u);
    for (uint32_t j = 0; j < 5; ++j)
    {
        ASSERT_EQ(prefix.GetNumItems(j), full.GetNumItems(j));
        for (uint32_t k = 0; k < prefix.GetNumItems(j); ++k)
        {
            const int64_t a = prefix.GetFirstItem(j) + k;
            const int64_t b = full.GetFirstItem(j) + k;
            EXPECT_EQ(prefix.GetResource(a), full.GetResource(b));
            EXPECT_EQ(prefix.GetValue(a), full.GetValue(b));
            EXPECT_EQ(prefix.GetWeight(a, 0), full.GetWeight(b, 0));
            EXPECT_EQ(prefix.GetWeight(a, 1), full.GetWeight(b, 1));
        }
    }
}

// Common random numbers: scenario k of Create(n, q, k) is the same whether or
// not other scenarios were drawn before it, with every draw (servers, tasks,
// training links and the shadowing of its pairs) equal; another index
// differs.
TEST(SchedulingScenarioHelper, IndexedScenariosDependOnlyOnTheirIndex)
{
    SchedulingScenarioHelper a;
    SchedulingScenarioHelper b;
    a.AssignStreams(11);
    b.AssignStreams(11);
    EXPECT_GT(a.GetStreamsPerScenario(), 5);
    for (uint32_t k = 0; k < 3; ++k)
    {
        SchedulingScenario early = a.Create(15, 6, k);
        early.problem->Build(early.tasks, early.servers); // draws its shadowing
    }
    SchedulingScenario sa = a.Create(15, 6, 3);
    SchedulingScenario sb = b.Create(15, 6, 3); // drawn first in b
    sa.problem->Build(sa.tasks, sa.servers);
    const MmkpInstance ia = sa.problem->GetInstance();
    sb.problem->Build(sb.tasks, sb.servers);
    const MmkpInstance& ib = sb.problem->GetInstance();
    for (uint32_t i = 0; i < 15; ++i)
    {
        EXPECT_EQ(sa.trainingLinkSnr[i], sb.trainingLinkSnr[i]);
        EXPECT_EQ(sa.servers[i].trainingLinkSnr, sa.trainingLinkSnr[i]);
        EXPECT_EQ(sa.servers[i].samples, sb.servers[i].samples);
        EXPECT_EQ(sa.servers[i].cpuFrequencyHz, sb.servers[i].cpuFrequencyHz);
    }
    for (uint32_t j = 0; j < 6; ++j)
    {
        EXPECT_EQ(sa.tasks[j].dataBits, sb.tasks[j].dataBits);
        EXPECT_EQ(sa.tasks[j].deadlineS, sb.tasks[j].deadlineS);
    }
    ASSERT_EQ(ia.GetNumItems(), ib.GetNumItems());
    for (std::size_t item = 0; item < ia.GetNumItems(); ++item)
    {
        EXPECT_EQ(ia.GetValue(item), ib.GetValue(item));
        EXPECT_EQ(ia.GetWeight(item, 0), ib.GetWeight(item, 0)); // same shadowing
    }
    SchedulingScenario other = b.Create(15, 6, 4);
    EXPECT_NE(other.trainingLinkSnr[0], sa.trainingLinkSnr[0]);
}
