/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Feasibility first: the repair finds a feasible assignment of a Strict
 * instance whenever brute force or CBC does, from a bad start or from
 * scratch, and the upgrade keeps it feasible.
 */

#include "random-mmkp-instances.h"

#include "ns3/double.h"
#include "ns3/exact-task-scheduler.h"
#include "ns3/mmkp-feasibility-repair.h"
#include "ns3/mmkp-search-state.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;
using namespace ns3::edgedml::test;

namespace
{

/// Every class on its item of largest total weight (an infeasible start on
/// tight instances; classes sharing a resource keep the first one).
std::vector<int64_t>
HeaviestStart(const MmkpInstance& instance)
{
    std::vector<int64_t> start(instance.GetNumClasses(), MmkpInstance::REJECTED);
    std::vector<bool> used(instance.GetNumResources(), false);
    for (uint32_t j = 0; j < instance.GetNumClasses(); ++j)
    {
        double heaviest = -1.0;
        for (int64_t k = instance.GetFirstItem(j); k < instance.GetEndItem(j); ++k)
        {
            const int32_t r = instance.GetResource(k);
            if (instance.AreResourcesDisjoint() && r >= 0 && used[r])
            {
                continue;
            }
            double total = 0.0;
            for (uint32_t d = 0; d < instance.GetNumDimensions(); ++d)
            {
                total += instance.GetWeight(k, d);
            }
            if (total > heaviest)
            {
                heaviest = total;
                start[j] = k;
            }
        }
        if (start[j] != MmkpInstance::REJECTED && instance.AreResourcesDisjoint() &&
            instance.GetResource(start[j]) >= 0)
        {
            used[instance.GetResource(start[j])] = true;
        }
    }
    return start;
}

} // namespace

// Small Strict instances of many shapes (disjoint or not, 1 to 3
// dimensions, tight to loose capacities): from the heaviest start, from
// scratch (empty) and by BuildFromScratch, the repair succeeds exactly when
// brute force finds a feasible assignment, and its result passes the
// validator.
TEST(MmkpFeasibilityRepair, FeasibleWheneverBruteForceIs)
{
    uint32_t feasibleInstances = 0;
    uint32_t infeasibleInstances = 0;
    uint64_t seed = 500;
    for (bool disjoint : {true, false})
    {
        for (uint32_t dims : {1U, 2U, 3U})
        {
            for (double capacity : {0.15, 0.25, 0.4, 0.8})
            {
                for (int rep = 0; rep < 8; ++rep, ++seed)
                {
                    RandomMmkpShape shape;
                    shape.classes = 5;
                    shape.resources = 6;
                    shape.dimensions = dims;
                    shape.capacityFraction = capacity;
                    shape.disjoint = disjoint;
                    shape.mustAssignAll = true;
                    const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
                    std::vector<int64_t> best;
                    const bool feasible = BruteForceMmkpOptimum(instance, best);
                    feasibleInstances += feasible ? 1 : 0;
                    infeasibleInstances += feasible ? 0 : 1;
                    const std::string where = "seed " + std::to_string(seed);
                    for (int start = 0; start < 3; ++start)
                    {
                        MmkpSearchState state(instance);
                        if (start == 0)
                        {
                            state.SetAssignment(HeaviestStart(instance));
                        }
                        const SearchDeadline none;
                        const bool repaired =
                            start < 2 ? MmkpFeasibilityRepair::MakeFeasible(state, none)
                                      : MmkpFeasibilityRepair(state, none).BuildFromScratch();
                        EXPECT_EQ(repaired, feasible) << where << " start " << start;
                        if (repaired)
                        {
                            const MmkpCheck check =
                                CheckMmkpAssignment(instance, state.GetAssignment());
                            EXPECT_TRUE(check.feasible) << where << ": " << check.reason;
                            EXPECT_LE(state.GetObjective(), instance.Evaluate(best) + 1e-9);
                        }
                    }
                }
            }
        }
    }
    // Measured: 52 feasible, 140 infeasible.
    EXPECT_GE(feasibleInstances, 40u);
    EXPECT_GE(infeasibleInstances, 40u);
}

// Tight Strict instances with disjoint ES (20 tasks, 24 ES, 2 dimensions,
// capacities where about half the instances are feasible): BuildFromScratch
// (the Lagrangian-weighted matchings, then the bounded depth-first search)
// and MakeFeasible from the heaviest start never claim a placement where CBC
// proves none, and find one on nearly every instance CBC proves feasible.
// Measured: 23 of 40 feasible, both find a placement on 21 of them (the
// other two need more than the depth-first search's node budget).
TEST(MmkpFeasibilityRepair, MatchingsPlaceNearlyEveryFeasibleTightInstance)
{
    auto exact = CreateObject<ExactTaskScheduler>();
    exact->SetAttribute("TimeLimitS", DoubleValue(20.0));
    uint32_t feasible = 0;
    uint32_t decided = 0;
    uint32_t scratchFound = 0;
    uint32_t heavyFound = 0;
    for (uint64_t seed = 0; seed < 40; ++seed)
    {
        RandomMmkpShape shape;
        shape.classes = 20;
        shape.resources = 24;
        shape.capacityFraction = 0.35;
        shape.mustAssignAll = true;
        const MmkpInstance instance = MakeRandomMmkpInstance(shape, 7000 + seed);
        const MmkpSolution optimum = exact->Schedule(instance);
        if (optimum.status != SolveStatus::OPTIMAL && optimum.status != SolveStatus::INFEASIBLE)
        {
            continue; // not decided in time
        }
        ++decided;
        const bool isFeasible = optimum.status == SolveStatus::OPTIMAL;
        feasible += isFeasible ? 1 : 0;
        MmkpSearchState scratch(instance);
        const SearchDeadline none;
        const bool fromScratch = MmkpFeasibilityRepair(scratch, none).BuildFromScratch();
        MmkpSearchState heavy(instance);
        heavy.SetAssignment(HeaviestStart(instance));
        const bool fromHeavy = MmkpFeasibilityRepair::MakeFeasible(heavy, none);
        if (!isFeasible)
        {
            EXPECT_FALSE(fromScratch) << "seed " << seed;
            EXPECT_FALSE(fromHeavy) << "seed " << seed;
            continue;
        }
        scratchFound += fromScratch ? 1 : 0;
        heavyFound += fromHeavy ? 1 : 0;
        if (fromScratch)
        {
            EXPECT_TRUE(CheckMmkpAssignment(instance, scratch.GetAssignment()).feasible);
        }
        if (fromHeavy)
        {
            EXPECT_TRUE(CheckMmkpAssignment(instance, heavy.GetAssignment()).feasible);
        }
    }
    EXPECT_GE(decided, 35u);
    EXPECT_GE(feasible, 10u);
    EXPECT_LE(feasible, decided - 10);
    EXPECT_GE(scratchFound + 2, feasible);
    EXPECT_GE(heavyFound + 2, feasible);
}

// The upgrade after a repair only takes changes that keep the assignment
// feasible and raise its value.
TEST(MmkpFeasibilityRepair, UpgradeKeepsFeasibilityAndRaisesTheValue)
{
    uint32_t raised = 0;
    for (uint64_t seed = 0; seed < 30; ++seed)
    {
        RandomMmkpShape shape;
        shape.classes = 40;
        shape.resources = 50;
        shape.capacityFraction = 0.3;
        shape.mustAssignAll = true;
        const MmkpInstance instance = MakeRandomMmkpInstance(shape, 9000 + seed);
        MmkpSearchState state(instance);
        const SearchDeadline none;
        MmkpFeasibilityRepair repair(state, none);
        if (!repair.BuildFromScratch())
        {
            continue;
        }
        const double before = state.GetObjective();
        repair.Upgrade();
        EXPECT_TRUE(CheckMmkpAssignment(instance, state.GetAssignment()).feasible);
        EXPECT_GE(state.GetObjective(), before - 1e-12);
        raised += state.GetObjective() > before + 1e-9 ? 1 : 0;
    }
    EXPECT_GE(raised, 10u);
}
