/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The paper's tabu search: never worse than its greedy start, valid on many
 * random and degenerate instances, Strict instances stay fully assigned,
 * reproducible by stream, and better than greedy on the paper's shape.
 */

#include "search-scheduler-test-util.h"

#include "ns3/tabu-task-scheduler.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;
using namespace ns3::edgedml::test;

namespace
{
const std::string TABU = "ns3::edgedml::TabuTaskScheduler";
const std::string GREEDY = "ns3::edgedml::GreedyTaskScheduler";
} // namespace

TEST(TabuTaskScheduler, NeverWorseThanItsGreedyStartAndValid)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    uint32_t improved = 0;
    uint32_t solved = 0;
    for (uint64_t seed = 0; seed < 400; ++seed)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(VariedShape(seed), seed);
        const MmkpSolution greedy = MakeScheduler(GREEDY, seed)->Schedule(instance);
        auto tabu = MakeScheduler(TABU, seed);
        tabu->SetAttribute("MaxIterations", UintegerValue(200));
        const MmkpSolution result = tabu->Schedule(instance);
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
        // Swaps and relocations keep the set of assigned tasks.
        EXPECT_EQ(result.accepted, greedy.accepted);
    }
    // Measured: 38 of the solved instances improve (many are tiny or have
    // at most one assigned task, where no swap exists).
    EXPECT_GT(solved, 250u);
    EXPECT_GT(improved, 25u);
}

TEST(TabuTaskScheduler, NeverWorseOnThePaperShapeAndStrictStaysAssigned)
{
    for (bool strict : {false, true})
    {
        for (uint64_t seed = 0; seed < 30; ++seed)
        {
            const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(strict), 500 + seed);
            const MmkpSolution greedy = MakeScheduler(GREEDY, 3 * seed)->Schedule(instance);
            const MmkpSolution tabu = MakeScheduler(TABU, 3 * seed)->Schedule(instance);
            ASSERT_EQ(tabu.status, greedy.status);
            if (!tabu.feasible)
            {
                continue;
            }
            EXPECT_GE(tabu.objective, greedy.objective);
            if (strict)
            {
                EXPECT_EQ(tabu.accepted, instance.GetNumClasses());
            }
        }
    }
}

TEST(TabuTaskScheduler, FixedStreamsReproduceDifferentStreamsDiffer)
{
    const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(false), 77);
    const MmkpSolution a = MakeScheduler(TABU, 10)->Schedule(instance);
    const MmkpSolution b = MakeScheduler(TABU, 10)->Schedule(instance);
    const MmkpSolution c = MakeScheduler(TABU, 12)->Schedule(instance);
    EXPECT_EQ(a.assignment, b.assignment);
    EXPECT_NE(a.assignment, c.assignment);
    EXPECT_EQ(MakeScheduler(TABU, 0)->AssignStreams(0), 2);
}

TEST(TabuTaskScheduler, SparseTabuMemoryAndItemIndexRows)
{
    // More than 1024 rows: the sparse tabu memory; and an instance whose
    // resources are not disjoint: rows are item indices.
    RandomMmkpShape wide;
    wide.classes = 60;
    wide.resources = 1500;
    wide.pairFeasibility = 0.05;
    wide.capacityFraction = 0.3;
    RandomMmkpShape shared = PaperShape(false);
    shared.disjoint = false;
    for (const RandomMmkpShape& shape : {wide, shared})
    {
        for (uint64_t seed = 0; seed < 10; ++seed)
        {
            const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
            const MmkpSolution greedy = MakeScheduler(GREEDY, seed)->Schedule(instance);
            const MmkpSolution tabu = MakeScheduler(TABU, seed)->Schedule(instance);
            ASSERT_TRUE(tabu.feasible);
            EXPECT_GE(tabu.objective, greedy.objective);
        }
    }
}

TEST(TabuTaskScheduler, ImprovesOnGreedyOnAverageOnThePaperShape)
{
    // Measured (50 instances, default attributes): mean greedy utility
    // 32.11, mean tabu gain +0.83 (46 of 50 improved). Asserted with a wide
    // margin below the measured gain.
    double gain = 0.0;
    uint32_t improved = 0;
    const uint32_t instances = 50;
    for (uint64_t k = 0; k < instances; ++k)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(false), 1000 + k);
        const MmkpSolution greedy = MakeScheduler(GREEDY, 10 * k)->Schedule(instance);
        const MmkpSolution tabu = MakeScheduler(TABU, 10 * k)->Schedule(instance);
        gain += tabu.objective - greedy.objective;
        improved += tabu.objective > greedy.objective ? 1 : 0;
    }
    EXPECT_GT(gain / instances, 0.4);
    EXPECT_GE(improved, 35u);
}
