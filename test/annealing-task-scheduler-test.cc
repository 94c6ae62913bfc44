/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Simulated annealing: never worse than its greedy start, valid on many
 * random and degenerate instances, Strict instances stay fully assigned,
 * reproducible by stream, and better than greedy on the paper's shape.
 */

#include "search-scheduler-test-util.h"

#include "ns3/annealing-task-scheduler.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;
using namespace ns3::edgedml::test;

namespace
{
const std::string ANNEALING = "ns3::edgedml::AnnealingTaskScheduler";
const std::string GREEDY = "ns3::edgedml::GreedyTaskScheduler";
} // namespace

TEST(AnnealingTaskScheduler, NeverWorseThanItsGreedyStartAndValid)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    uint32_t improved = 0;
    uint32_t solved = 0;
    for (uint64_t seed = 0; seed < 400; ++seed)
    {
        const RandomMmkpShape shape = VariedShape(seed);
        const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
        const MmkpSolution greedy = MakeScheduler(GREEDY, seed)->Schedule(instance);
        auto annealing = MakeScheduler(ANNEALING, seed);
        annealing->SetAttribute("Iterations", UintegerValue(2000));
        const MmkpSolution result = annealing->Schedule(instance);
        ASSERT_EQ(result.status, greedy.status) << "seed " << seed;
        if (result.status != SolveStatus::FEASIBLE)
        {
            EXPECT_EQ(result.status, SolveStatus::NO_SOLUTION_FOUND);
            continue;
        }
        ++solved;
        EXPECT_TRUE(CheckMmkpAssignment(instance, result.assignment).feasible);
        EXPECT_GE(result.objective, greedy.objective) << "seed " << seed;
        improved += result.objective > greedy.objective ? 1 : 0;
        if (shape.mustAssignAll)
        {
            EXPECT_EQ(result.accepted, instance.GetNumClasses());
        }
    }
    EXPECT_GT(solved, 250u);
    EXPECT_GT(improved, 50u);
}

TEST(AnnealingTaskScheduler, StrictStaysAssignedOnThePaperShape)
{
    uint32_t solved = 0;
    for (uint64_t seed = 0; seed < 30; ++seed)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(true), 500 + seed);
        const MmkpSolution greedy = MakeScheduler(GREEDY, 3 * seed)->Schedule(instance);
        const MmkpSolution annealing = MakeScheduler(ANNEALING, 3 * seed)->Schedule(instance);
        ASSERT_EQ(annealing.status, greedy.status);
        if (!annealing.feasible)
        {
            continue;
        }
        ++solved;
        EXPECT_GE(annealing.objective, greedy.objective);
        EXPECT_EQ(annealing.accepted, instance.GetNumClasses());
    }
    EXPECT_GT(solved, 10u);
}

TEST(AnnealingTaskScheduler, FixedStreamsReproduceDifferentStreamsDiffer)
{
    const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(false), 77);
    const MmkpSolution a = MakeScheduler(ANNEALING, 10)->Schedule(instance);
    const MmkpSolution b = MakeScheduler(ANNEALING, 10)->Schedule(instance);
    const MmkpSolution c = MakeScheduler(ANNEALING, 12)->Schedule(instance);
    EXPECT_EQ(a.assignment, b.assignment);
    EXPECT_NE(a.assignment, c.assignment);
    EXPECT_EQ(MakeScheduler(ANNEALING, 0)->AssignStreams(0), 2);
}

TEST(AnnealingTaskScheduler, ItemIndexRowsWithoutDisjointResources)
{
    RandomMmkpShape shared = PaperShape(false);
    shared.disjoint = false;
    for (uint64_t seed = 0; seed < 10; ++seed)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(shared, seed);
        const MmkpSolution greedy = MakeScheduler(GREEDY, seed)->Schedule(instance);
        const MmkpSolution annealing = MakeScheduler(ANNEALING, seed)->Schedule(instance);
        ASSERT_TRUE(annealing.feasible);
        EXPECT_GE(annealing.objective, greedy.objective);
    }
}

TEST(AnnealingTaskScheduler, ImprovesOnGreedyOnAverageOnThePaperShape)
{
    // Measured (50 instances, default attributes): mean greedy utility
    // 32.11, mean annealing gain +21.40, the smallest gain +13.49 (all 50
    // improved: the value-only greedy wastes the binding capacities, which
    // the insert/remove moves repair). Asserted with a wide margin.
    double gain = 0.0;
    uint32_t improved = 0;
    const uint32_t instances = 50;
    for (uint64_t k = 0; k < instances; ++k)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(false), 1000 + k);
        const MmkpSolution greedy = MakeScheduler(GREEDY, 10 * k)->Schedule(instance);
        const MmkpSolution annealing = MakeScheduler(ANNEALING, 10 * k)->Schedule(instance);
        gain += annealing.objective - greedy.objective;
        improved += annealing.objective > greedy.objective ? 1 : 0;
    }
    EXPECT_GT(gain / instances, 10.0);
    EXPECT_EQ(improved, instances);
}
