/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "random-mmkp-instances.h"

#include "ns3/random-task-scheduler.h"
#include "ns3/rng-seed-manager.h"

#include <gtest/gtest.h>

using ns3::CreateObject;
using ns3::RngSeedManager;
using ns3::edgedml::CheckMmkpAssignment;
using ns3::edgedml::MmkpInstance;
using ns3::edgedml::MmkpSolution;
using ns3::edgedml::RandomTaskScheduler;
using ns3::edgedml::SolveStatus;
using ns3::edgedml::ToString;
using ns3::edgedml::test::BruteForceMmkpOptimum;
using ns3::edgedml::test::MakeRandomMmkpInstance;
using ns3::edgedml::test::RandomMmkpShape;

namespace
{

/// Many classes, many fitting items each: many possible random placements.
MmkpInstance
RoomyInstance()
{
    RandomMmkpShape shape;
    shape.classes = 20;
    shape.resources = 30;
    shape.capacityFraction = 0.8;
    return MakeRandomMmkpInstance(shape, 99);
}

/// Whether item k fits the loads of an assignment and uses a free resource.
bool
CouldAdd(const MmkpInstance& instance, const std::vector<int64_t>& assignment, int64_t k)
{
    std::vector<double> load(instance.GetNumDimensions(), 0.0);
    for (int64_t item : assignment)
    {
        if (item == MmkpInstance::REJECTED)
        {
            continue;
        }
        if (instance.AreResourcesDisjoint() &&
            instance.GetResource(item) == instance.GetResource(k))
        {
            return false;
        }
        for (uint32_t d = 0; d < load.size(); ++d)
        {
            load[d] += instance.GetWeight(item, d);
        }
    }
    for (uint32_t d = 0; d < load.size(); ++d)
    {
        if (load[d] + instance.GetWeight(k, d) > instance.GetCapacity(d))
        {
            return false;
        }
    }
    return true;
}

} // namespace

TEST(RandomTaskScheduler, SameStreamSameAssignmentOtherStreamOther)
{
    const MmkpInstance instance = RoomyInstance();
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    auto a = CreateObject<RandomTaskScheduler>();
    auto b = CreateObject<RandomTaskScheduler>();
    auto c = CreateObject<RandomTaskScheduler>();
    EXPECT_EQ(a->AssignStreams(5), 1);
    b->AssignStreams(5);
    c->AssignStreams(6);
    const MmkpSolution sa = a->Schedule(instance);
    const MmkpSolution sb = b->Schedule(instance);
    const MmkpSolution sc = c->Schedule(instance);
    EXPECT_EQ(sa.assignment, sb.assignment);
    EXPECT_NE(sa.assignment, sc.assignment);
    EXPECT_GT(sa.accepted, 10u);
    // Re-assigning the stream restarts it.
    a->AssignStreams(5);
    EXPECT_EQ(a->Schedule(instance).assignment, sa.assignment);
}

// Always valid; in the Valued preset it never takes an item of value <= 0 and
// leaves a class rejected only when none of its positive items could still be
// added to the final assignment (the candidates only shrink as it proceeds).
// In the Strict preset it fails only where brute force finds nothing or
// reports NO_SOLUTION_FOUND, never INFEASIBLE.
TEST(RandomTaskScheduler, ValidAndMaximalOnRandomInstances)
{
    auto random = CreateObject<RandomTaskScheduler>();
    random->AssignStreams(0);
    uint32_t strictFailures = 0;
    uint32_t strictPlaced = 0;
    for (uint64_t seed = 1; seed <= 200; ++seed)
    {
        RandomMmkpShape shape;
        shape.classes = 1 + seed % 5;
        shape.resources = 1 + seed % 6;
        shape.dimensions = 1 + seed % 3;
        shape.mustAssignAll = seed % 2 == 0;
        // Strict instances need room, or almost none is feasible.
        shape.capacityFraction = (shape.mustAssignAll ? 0.8 : 0.2) + 0.15 * (seed % 5);
        shape.negativeValueProb = 0.3;
        shape.disjoint = seed % 7 != 0;
        const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
        const MmkpSolution s = random->Schedule(instance);
        ASSERT_EQ(s.assignment.size(), instance.GetNumClasses());
        if (!shape.mustAssignAll)
        {
            ASSERT_EQ(s.status, SolveStatus::FEASIBLE) << "seed " << seed;
            for (uint32_t j = 0; j < instance.GetNumClasses(); ++j)
            {
                if (s.assignment[j] != MmkpInstance::REJECTED)
                {
                    EXPECT_GT(instance.GetValue(s.assignment[j]), 0.0) << "seed " << seed;
                    continue;
                }
                for (int64_t k = instance.GetFirstItem(j); k < instance.GetEndItem(j); ++k)
                {
                    EXPECT_FALSE(instance.GetValue(k) > 0.0 && CouldAdd(instance, s.assignment, k))
                        << "seed " << seed << " class " << j << " item " << k;
                }
            }
            continue;
        }
        std::vector<int64_t> best;
        const bool found = BruteForceMmkpOptimum(instance, best);
        ASSERT_TRUE(s.status == SolveStatus::FEASIBLE || s.status == SolveStatus::NO_SOLUTION_FOUND)
            << "seed " << seed << ": " << ToString(s.status);
        if (s.status == SolveStatus::FEASIBLE)
        {
            EXPECT_TRUE(found);
            EXPECT_EQ(s.accepted, instance.GetNumClasses());
            EXPECT_TRUE(CheckMmkpAssignment(instance, s.assignment).feasible);
            EXPECT_LE(s.objective, instance.Evaluate(best) + 1e-9);
            ++strictPlaced;
        }
        else
        {
            EXPECT_EQ(s.accepted, 0u);
            ++strictFailures;
        }
    }
    EXPECT_GT(strictPlaced, 10u);
    EXPECT_GT(strictFailures, 5u);
}

// One class of four equally fitting items: each is drawn about a quarter of the
// time (pinned stream, so the counts are fixed; the window is +-10%).
TEST(RandomTaskScheduler, ItemChoiceIsUniform)
{
    MmkpInstance instance({10.0});
    instance.AddClass();
    for (int32_t i = 0; i < 4; ++i)
    {
        instance.AddItem(1.0, {1.0}, i);
    }
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(1);
    auto random = CreateObject<RandomTaskScheduler>();
    random->AssignStreams(11);
    std::vector<uint32_t> count(4, 0);
    for (int run = 0; run < 4000; ++run)
    {
        ++count[random->Schedule(instance).assignment[0]];
    }
    for (uint32_t c : count)
    {
        EXPECT_GT(c, 900u);
        EXPECT_LT(c, 1100u);
    }
}

// Two classes competing for one resource: each wins about half of the time,
// so the class order is random too.
TEST(RandomTaskScheduler, ClassOrderIsUniform)
{
    MmkpInstance instance({10.0});
    instance.SetResourcesDisjoint(true);
    instance.AddClass();
    instance.AddItem(1.0, {1.0}, 0);
    instance.AddClass();
    instance.AddItem(1.0, {1.0}, 0);
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(1);
    auto random = CreateObject<RandomTaskScheduler>();
    random->AssignStreams(12);
    uint32_t firstWins = 0;
    for (int run = 0; run < 2000; ++run)
    {
        const MmkpSolution s = random->Schedule(instance);
        ASSERT_EQ(s.accepted, 1u);
        firstWins += s.assignment[0] != MmkpInstance::REJECTED ? 1 : 0;
    }
    EXPECT_GT(firstWins, 900u);
    EXPECT_LT(firstWins, 1100u);
}
