/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The paper's tabu search (Tabu) and our extended tabu (ExtendedTabu): never
 * worse than their greedy start, valid on many random and degenerate
 * instances, Strict instances stay fully assigned, reproducible by stream,
 * and better than greedy on the paper's shape.
 */

#include "search-scheduler-test-util.h"

#include "ns3/boolean.h"
#include "ns3/mmkp-search-state.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;
using namespace ns3::edgedml::test;

namespace
{
const std::string TABU = "ns3::edgedml::TabuTaskScheduler";
const std::string EXTENDED = "ns3::edgedml::ExtendedTabuTaskScheduler";
const std::string GREEDY = "ns3::edgedml::GreedyTaskScheduler";

/// The paper's tabu and ours.
const std::string BOTH[] = {TABU, EXTENDED};

/// \param type a TypeId name \param stream the first stream \return the scheduler
Ptr<TaskScheduler>
MakeTabu(const std::string& type, int64_t stream)
{
    return MakeScheduler(type, stream);
}
} // namespace

TEST(TabuTaskScheduler, NeverWorseThanItsGreedyStartAndValid)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    for (const auto& neighbourhood : BOTH)
    {
        uint32_t improved = 0;
        uint32_t solved = 0;
        for (uint64_t seed = 0; seed < 400; ++seed)
        {
            const MmkpInstance instance = MakeRandomMmkpInstance(VariedShape(seed), seed);
            const MmkpSolution greedy = MakeScheduler(GREEDY, seed)->Schedule(instance);
            auto tabu = MakeTabu(neighbourhood, seed);
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
            if (neighbourhood == TABU || instance.MustAssignAll())
            {
                // Swaps and relocations keep the set of assigned tasks.
                EXPECT_EQ(result.accepted, greedy.accepted);
            }
        }
        // Measured: 38 (Tabu) of the solved instances improve (many are tiny or
        // have at most one assigned task, where no swap exists).
        EXPECT_GT(solved, 250u);
        EXPECT_GT(improved, 25u);
    }
}

TEST(TabuTaskScheduler, NeverWorseOnThePaperShapeAndStrictStaysAssigned)
{
    for (const auto& neighbourhood : BOTH)
        for (bool strict : {false, true})
        {
            for (uint64_t seed = 0; seed < 30; ++seed)
            {
                const MmkpInstance instance =
                    MakeRandomMmkpInstance(PaperShape(strict), 500 + seed);
                const MmkpSolution greedy = MakeScheduler(GREEDY, 3 * seed)->Schedule(instance);
                const MmkpSolution tabu = MakeTabu(neighbourhood, 3 * seed)->Schedule(instance);
                EXPECT_TRUE(!tabu.feasible ||
                            CheckMmkpAssignment(instance, tabu.assignment).feasible);
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
    for (const auto& neighbourhood : BOTH)
    {
        const MmkpSolution a = MakeTabu(neighbourhood, 10)->Schedule(instance);
        const MmkpSolution b = MakeTabu(neighbourhood, 10)->Schedule(instance);
        const MmkpSolution c = MakeTabu(neighbourhood, 12)->Schedule(instance);
        EXPECT_EQ(a.assignment, b.assignment);
        EXPECT_NE(a.assignment, c.assignment);
    }
    EXPECT_EQ(MakeScheduler(TABU, 0)->AssignStreams(0), 2);
    EXPECT_EQ(MakeScheduler(EXTENDED, 0)->AssignStreams(0), 2);
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
            for (const auto& neighbourhood : BOTH)
            {
                const MmkpSolution tabu = MakeTabu(neighbourhood, seed)->Schedule(instance);
                ASSERT_TRUE(tabu.feasible);
                EXPECT_GE(tabu.objective, greedy.objective);
            }
        }
    }
}

TEST(TabuTaskScheduler, SwapOnlyImprovesOnGreedyOnAverageOnThePaperShape)
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
        const MmkpSolution tabu = MakeTabu(TABU, 10 * k)->Schedule(instance);
        gain += tabu.objective - greedy.objective;
        improved += tabu.objective > greedy.objective ? 1 : 0;
    }
    EXPECT_GT(gain / instances, 0.4);
    EXPECT_GE(improved, 35u);
}

TEST(ExtendedTabuTaskScheduler, InsertReplaceRemoveDeltasEqualFullEvaluation)
{
    // The moves of the extended neighbourhood on random states: the O(1)
    // delta of MmkpSearchState equals the change of the full objective, and
    // the feasibility verdict that of the shared validator.
    std::mt19937_64 gen(5);
    uint32_t feasibleMoves = 0;
    for (uint64_t seed = 0; seed < 40; ++seed)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(false), 900 + seed);
        const MmkpSolution greedy = MakeScheduler(GREEDY, seed)->Schedule(instance);
        ASSERT_TRUE(greedy.feasible);
        MmkpSearchState state(instance);
        state.SetAssignment(greedy.assignment);
        for (uint32_t trial = 0; trial < 200; ++trial)
        {
            MmkpMove move;
            const uint32_t kind = gen() % 2;
            if (kind == 0 && state.GetNumRejected() > 0)
            {
                // Insert, replacing the holder of the item's ES.
                const uint32_t cls = state.GetRejectedClass(gen() % state.GetNumRejected());
                if (instance.GetNumItems(cls) == 0)
                {
                    continue;
                }
                const int64_t item = instance.GetFirstItem(cls) + gen() % instance.GetNumItems(cls);
                move.cls[0] = cls;
                move.to[0] = item;
                move.count = 1;
                const int64_t holder = state.GetRowOwner(state.GetRow(item));
                if (holder != MmkpInstance::REJECTED)
                {
                    move.cls[1] = static_cast<uint32_t>(holder);
                    move.to[1] = MmkpInstance::REJECTED;
                    move.count = 2;
                }
            }
            else if (state.GetNumAssigned() > 0)
            {
                move.cls[0] = state.GetAssignedClass(gen() % state.GetNumAssigned());
                move.to[0] = MmkpInstance::REJECTED;
                move.count = 1;
            }
            else
            {
                continue;
            }
            std::vector<int64_t> after = state.GetAssignment();
            for (uint32_t k = 0; k < move.count; ++k)
            {
                after[move.cls[k]] = move.to[k];
            }
            double delta = 0.0;
            const bool feasible = state.Evaluate(move, delta);
            EXPECT_EQ(feasible, CheckMmkpAssignment(instance, after).feasible);
            if (feasible)
            {
                ++feasibleMoves;
                EXPECT_NEAR(delta, instance.Evaluate(after) - state.GetObjective(), 1e-9);
                state.Apply(move);
                EXPECT_NEAR(state.GetObjective(), instance.Evaluate(after), 1e-9);
            }
        }
    }
    EXPECT_GT(feasibleMoves, 1000u);
}

TEST(ExtendedTabuTaskScheduler, ExtendedNeighbourhoodBeatsSwapOnlyOnBindingPaperShape)
{
    // 30 random binding 79 x 80 instances: mean objective of the extended
    // tabu against the paper's swap-only tabu. The margin
    // is justified by the measurement: mean swap-only 32.34, mean extended
    // 61.26 (the greedy start accepts about half the tasks and swaps never
    // change that set), extended better on 30 of 30. Asserted: at least 1.5
    // times the swap-only mean, better on at least 27.
    const uint32_t instances = 30;
    double swapSum = 0.0;
    double extendedSum = 0.0;
    uint32_t better = 0;
    for (uint64_t k = 0; k < instances; ++k)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(false), 2000 + k);
        const MmkpSolution swap = MakeTabu(TABU, 10 * k)->Schedule(instance);
        const MmkpSolution extended = MakeScheduler(EXTENDED, 10 * k)->Schedule(instance);
        swapSum += swap.objective;
        extendedSum += extended.objective;
        better += extended.objective > swap.objective ? 1 : 0;
    }
    EXPECT_GT(extendedSum / instances, 1.5 * swapSum / instances);
    EXPECT_GE(better, 27u);
}

TEST(ExtendedTabuTaskScheduler, MakeRoomEfficiencyStartAndRestartEachOnOrOffStayValid)
{
    // Every combination of the three extended-only steps: valid, never worse
    // than the greedy start, the same result for the same stream.
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    for (uint32_t mask = 0; mask < 8; ++mask)
    {
        for (uint64_t seed = 0; seed < 60; ++seed)
        {
            const MmkpInstance instance = MakeRandomMmkpInstance(VariedShape(seed), seed);
            const MmkpSolution greedy = MakeScheduler(GREEDY, seed)->Schedule(instance);
            MmkpSolution runs[2];
            for (auto& run : runs)
            {
                auto tabu = MakeScheduler(EXTENDED, seed);
                tabu->SetAttribute("MaxIterations", UintegerValue(150));
                tabu->SetAttribute("MakeRoomTries", UintegerValue(mask & 1 ? 4 : 0));
                tabu->SetAttribute("EfficiencyStart", BooleanValue((mask & 2) != 0));
                tabu->SetAttribute("RestartStallIterations", UintegerValue(mask & 4 ? 10 : 0));
                run = tabu->Schedule(instance);
            }
            ASSERT_EQ(runs[0].status, greedy.status) << "seed " << seed;
            EXPECT_EQ(runs[0].assignment, runs[1].assignment) << "seed " << seed;
            if (runs[0].status == SolveStatus::FEASIBLE)
            {
                EXPECT_TRUE(CheckMmkpAssignment(instance, runs[0].assignment).feasible);
                EXPECT_GE(runs[0].objective, greedy.objective) << "seed " << seed;
            }
        }
    }
}

TEST(ExtendedTabuTaskScheduler, EfficiencyStartAloneIsTheBetterOfTwoStarts)
{
    // With no iterations the result is the greedy start (EfficiencyStart
    // off) or the better of it and the efficiency start: never below the
    // greedy, and above it on most binding 79 x 80 instances, where the
    // greedy start (highest value first) fills the bandwidth with few tasks.
    // Measured: better on 20 of 20. Asserted: at least 15.
    uint32_t better = 0;
    for (uint64_t k = 0; k < 20; ++k)
    {
        const MmkpInstance instance = MakeRandomMmkpInstance(PaperShape(false), 3000 + k);
        const MmkpSolution greedy = MakeScheduler(GREEDY, k)->Schedule(instance);
        auto off = MakeScheduler(EXTENDED, k);
        off->SetAttribute("MaxIterations", UintegerValue(0));
        off->SetAttribute("EfficiencyStart", BooleanValue(false));
        EXPECT_EQ(off->Schedule(instance).assignment, greedy.assignment);
        auto on = MakeScheduler(EXTENDED, k);
        on->SetAttribute("MaxIterations", UintegerValue(0));
        const MmkpSolution start = on->Schedule(instance);
        EXPECT_TRUE(CheckMmkpAssignment(instance, start.assignment).feasible);
        EXPECT_GE(start.objective, greedy.objective);
        better += start.objective > greedy.objective ? 1 : 0;
    }
    EXPECT_GE(better, 15u);
}
