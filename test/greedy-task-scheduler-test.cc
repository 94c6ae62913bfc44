/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The paper's greedy: hand-made instances with known results, the random
 * order, Valued/Strict handling, validity on many random and degenerate
 * instances, and reproducibility by stream.
 */

#include "random-mmkp-instances.h"

#include "ns3/greedy-task-scheduler.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/task-scheduler-factory.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>

using namespace ns3;
using namespace ns3::edgedml;
using ns3::edgedml::test::MakeRandomMmkpInstance;
using ns3::edgedml::test::RandomMmkpShape;

namespace
{

constexpr int64_t R = MmkpInstance::REJECTED;

// Two classes over three resources, capacities 10 and 5.
MmkpInstance
SmallInstance()
{
    MmkpInstance instance({10.0, 5.0});
    instance.SetResourcesDisjoint(true);
    instance.SetBaseValue(0.5);
    instance.AddClass();
    instance.AddItem(3.0, {4.0, 1.0}, 0); // item 0
    instance.AddItem(5.0, {7.0, 2.0}, 1); // item 1
    instance.AddClass();
    instance.AddItem(2.0, {4.0, 4.0}, 1); // item 2
    instance.AddItem(1.0, {1.0, 1.0}, 2); // item 3
    return instance;
}

std::vector<int64_t>
Greedy(const MmkpInstance& instance, const std::vector<uint32_t>& order, bool* placed = nullptr)
{
    MmkpSearchState state(instance);
    const bool ok = BuildGreedyAssignment(state, order);
    if (placed)
    {
        *placed = ok;
    }
    return state.GetAssignment();
}

Ptr<GreedyTaskScheduler>
MakeGreedy(int64_t stream)
{
    auto greedy = CreateObject<GreedyTaskScheduler>();
    EXPECT_EQ(greedy->AssignStreams(stream), 1);
    return greedy;
}

} // namespace

TEST(GreedyTaskScheduler, HandMadeInstancesInGivenOrder)
{
    const MmkpInstance instance = SmallInstance();
    // Class 0 first takes its best item 1 (ES 1); class 1 then cannot use
    // ES 1 and takes item 3.
    EXPECT_EQ(Greedy(instance, {0, 1}), (std::vector<int64_t>{1, 3}));
    // Class 1 first takes item 2 (ES 1, loads 4/4); class 0 cannot use ES 1,
    // item 0 fits exactly (8/5).
    EXPECT_EQ(Greedy(instance, {1, 0}), (std::vector<int64_t>{0, 2}));

    // Best value does not fit: the next one that fits is taken.
    MmkpInstance fit({3.0});
    fit.SetResourcesDisjoint(true);
    fit.AddClass();
    fit.AddItem(9.0, {3.5}, 0);
    fit.AddItem(2.0, {3.0}, 1);
    fit.AddItem(4.0, {3.1}, 2);
    EXPECT_EQ(Greedy(fit, {0}), (std::vector<int64_t>{1}));

    // Ties: the lowest item index.
    MmkpInstance tie({3.0});
    tie.AddClass();
    tie.AddItem(1.0, {1.0}, 0);
    tie.AddItem(1.0, {1.0}, 1);
    EXPECT_EQ(Greedy(tie, {0}), (std::vector<int64_t>{0}));
}

TEST(GreedyTaskScheduler, ValuedRejectsNonPositiveStrictTakesBestFitting)
{
    MmkpInstance instance({10.0});
    instance.SetResourcesDisjoint(true);
    instance.AddClass();
    instance.AddItem(-1.0, {1.0}, 0);
    instance.AddItem(-0.5, {1.0}, 1);
    instance.AddItem(0.0, {1.0}, 2);
    instance.AddClass();
    instance.AddItem(-2.0, {1.0}, 0);
    instance.AddItem(-3.0, {1.0}, 1);
    EXPECT_EQ(Greedy(instance, {0, 1}), (std::vector<int64_t>{R, R}));

    instance.SetMustAssignAll(true);
    bool placed = false;
    EXPECT_EQ(Greedy(instance, {0, 1}, &placed), (std::vector<int64_t>{2, 3}));
    EXPECT_TRUE(placed);
    // Class 1 first takes ES 0, class 0 then its best free one (ES 2, value 0).
    EXPECT_EQ(Greedy(instance, {1, 0}, &placed), (std::vector<int64_t>{2, 3}));

    // A Strict class that cannot be placed: no solution.
    MmkpInstance tight({1.0});
    tight.SetMustAssignAll(true);
    tight.SetResourcesDisjoint(true);
    tight.AddClass();
    tight.AddItem(1.0, {0.6}, 0);
    tight.AddClass();
    tight.AddItem(1.0, {0.6}, 1);
    Greedy(tight, {0, 1}, &placed);
    EXPECT_FALSE(placed);
    const MmkpSolution solution = MakeGreedy(3)->Schedule(tight);
    EXPECT_EQ(solution.status, SolveStatus::NO_SOLUTION_FOUND);
    EXPECT_FALSE(solution.feasible);
    EXPECT_EQ(solution.assignment, (std::vector<int64_t>{R, R}));
    tight.SetMustAssignAll(false);
    EXPECT_EQ(MakeGreedy(3)->Schedule(tight).accepted, 1u);
}

TEST(GreedyTaskScheduler, RandomOrderIsUniformAndFollowsTheStream)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    auto rng = CreateObject<UniformRandomVariable>();
    rng->SetStream(5);
    std::map<std::vector<uint32_t>, uint32_t> counts;
    const uint32_t draws = 6000;
    for (uint32_t t = 0; t < draws; ++t)
    {
        counts[DrawRandomClassOrder(3, rng)]++;
    }
    ASSERT_EQ(counts.size(), 6u);
    // Chi-square with 5 degrees of freedom; 20.5 is its 0.999 quantile.
    double chi2 = 0.0;
    for (const auto& [order, count] : counts)
    {
        const double expected = draws / 6.0;
        chi2 += (count - expected) * (count - expected) / expected;
    }
    EXPECT_LT(chi2, 20.5);
    EXPECT_TRUE(DrawRandomClassOrder(0, rng).empty());
    EXPECT_EQ(DrawRandomClassOrder(1, rng), (std::vector<uint32_t>{0}));

    // The scheduler on stream s is the construction on the order stream s draws.
    const MmkpInstance instance = MakeRandomMmkpInstance(RandomMmkpShape{20, 22}, 9);
    rng->SetStream(17);
    const std::vector<int64_t> expected =
        Greedy(instance, DrawRandomClassOrder(instance.GetNumClasses(), rng));
    EXPECT_EQ(MakeGreedy(17)->Schedule(instance).assignment, expected);
}

TEST(GreedyTaskScheduler, ValidOnRandomAndDegenerateInstances)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    auto greedy = MakeGreedy(0);
    uint32_t noSolution = 0;
    for (uint64_t seed = 0; seed < 300; ++seed)
    {
        RandomMmkpShape shape;
        shape.classes = seed % 13; // includes q = 0
        shape.resources = 1 + seed % 11;
        shape.dimensions = 1 + seed % 3;
        shape.pairFeasibility = (seed % 7) / 6.0;  // includes no items at all
        shape.capacityFraction = (seed % 6) * 0.2; // includes zero capacity
        shape.disjoint = seed % 5 != 0;
        shape.mustAssignAll = seed % 3 == 0;
        const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
        const MmkpSolution solution = greedy->Schedule(instance);
        if (solution.status == SolveStatus::FEASIBLE)
        {
            EXPECT_TRUE(CheckMmkpAssignment(instance, solution.assignment).feasible);
        }
        else
        {
            EXPECT_EQ(solution.status, SolveStatus::NO_SOLUTION_FOUND);
            EXPECT_TRUE(shape.mustAssignAll);
            ++noSolution;
        }
    }
    EXPECT_GT(noSolution, 10u);
    EXPECT_LT(noSolution, 100u);
}

TEST(GreedyTaskScheduler, SameStreamSameAssignmentDifferentStreamDifferent)
{
    RandomMmkpShape shape;
    shape.classes = 79;
    shape.resources = 80;
    shape.capacityFraction = 0.4;
    const MmkpInstance instance = MakeRandomMmkpInstance(shape, 1);
    const MmkpSolution a = MakeGreedy(42)->Schedule(instance);
    const MmkpSolution b = MakeGreedy(42)->Schedule(instance);
    const MmkpSolution c = MakeGreedy(43)->Schedule(instance);
    EXPECT_EQ(a.assignment, b.assignment);
    EXPECT_NE(a.assignment, c.assignment);
}

TEST(GreedyTaskScheduler, ShortNamesResolveToTheHeuristics)
{
    for (const std::string name : {"Greedy", "Tabu", "ExtendedTabu", "Annealing"})
    {
        Ptr<TaskScheduler> scheduler = CreateTaskScheduler(name);
        ASSERT_TRUE(scheduler);
        EXPECT_EQ(scheduler->GetInstanceTypeId().GetName(),
                  "ns3::edgedml::" + name + "TaskScheduler");
    }
}
