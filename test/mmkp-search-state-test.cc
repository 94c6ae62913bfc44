/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The shared incremental search state: every move's delta and feasibility
 * equal a full re-evaluation with the shared validator, the state after a
 * long random move sequence equals one rebuilt from scratch, and the three
 * (class, row) -> item lookups agree with a linear scan.
 */

#include "random-mmkp-instances.h"

#include "ns3/mmkp-search-state.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>

using namespace ns3::edgedml;
using ns3::edgedml::test::MakeRandomMmkpInstance;
using ns3::edgedml::test::RandomMmkpShape;

namespace
{

/// Brute-force (class, row) lookup: highest-valued item of the class on the row.
int64_t
ScanRowItem(const MmkpInstance& instance, uint32_t cls, uint32_t row, bool resourceRows)
{
    const int64_t first = instance.GetFirstItem(cls);
    if (!resourceRows)
    {
        return row < instance.GetNumItems(cls) ? first + row : MmkpInstance::REJECTED;
    }
    int64_t best = MmkpInstance::REJECTED;
    for (int64_t it = first; it < instance.GetEndItem(cls); ++it)
    {
        if (instance.GetResource(it) == static_cast<int32_t>(row) &&
            (best == MmkpInstance::REJECTED || instance.GetValue(it) > instance.GetValue(best)))
        {
            best = it;
        }
    }
    return best;
}

/// A random move over arbitrary classes and items (also nonsensical ones the
/// searches never make, e.g. rejecting in Strict, taking a held resource).
MmkpMove
RandomMove(const MmkpInstance& instance, std::mt19937_64& gen)
{
    const uint32_t q = instance.GetNumClasses();
    std::uniform_int_distribution<uint32_t> pickClass(0, q - 1);
    MmkpMove move;
    move.count = q > 1 && gen() % 2 == 0 ? 2 : 1;
    move.cls[0] = pickClass(gen);
    do
    {
        move.cls[1] = pickClass(gen);
    } while (move.count == 2 && move.cls[1] == move.cls[0]);
    for (uint32_t k = 0; k < move.count; ++k)
    {
        const uint32_t n = instance.GetNumItems(move.cls[k]);
        const uint32_t pick = std::uniform_int_distribution<uint32_t>(0, n)(gen);
        move.to[k] = pick == n ? MmkpInstance::REJECTED : instance.GetFirstItem(move.cls[k]) + pick;
    }
    return move;
}

void
ExpectStateMatchesScratch(const MmkpSearchState& state)
{
    const MmkpInstance& instance = state.GetInstance();
    MmkpSearchState scratch(instance);
    scratch.SetAssignment(state.GetAssignment());
    EXPECT_NEAR(state.GetObjective(), instance.Evaluate(state.GetAssignment()), 1e-12);
    for (uint32_t d = 0; d < instance.GetNumDimensions(); ++d)
    {
        EXPECT_NEAR(state.GetLoad(d), scratch.GetLoad(d), 1e-12);
    }
    EXPECT_EQ(state.GetNumAssigned() + state.GetNumRejected(), instance.GetNumClasses());
    for (uint32_t k = 0; k < state.GetNumAssigned(); ++k)
    {
        EXPECT_NE(state.GetItem(state.GetAssignedClass(k)), MmkpInstance::REJECTED);
    }
    for (uint32_t k = 0; k < state.GetNumRejected(); ++k)
    {
        EXPECT_EQ(state.GetItem(state.GetRejectedClass(k)), MmkpInstance::REJECTED);
    }
    for (uint32_t row = 0; row < state.GetNumRows() && state.UsesResourceRows(); ++row)
    {
        EXPECT_EQ(state.GetRowOwner(row), scratch.GetRowOwner(row));
    }
}

} // namespace

TEST(MmkpSearchState, DeltaAndFeasibilityEqualFullReevaluation)
{
    std::mt19937_64 gen(7);
    uint32_t applied = 0;
    uint32_t rejectedAsInfeasible = 0;
    for (uint64_t seed = 0; seed < 60; ++seed)
    {
        RandomMmkpShape shape;
        shape.classes = 3 + seed % 9;
        shape.resources = 2 + seed % 7;
        shape.dimensions = 1 + seed % 3;
        shape.capacityFraction = 0.2 + 0.1 * (seed % 5);
        shape.disjoint = seed % 4 != 3;
        shape.mustAssignAll = seed % 5 == 4;
        const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
        MmkpInstance relaxed = instance;
        relaxed.SetMustAssignAll(false);
        MmkpSearchState state(instance);
        for (uint32_t step = 0; step < 3000; ++step)
        {
            const MmkpMove move = RandomMove(instance, gen);
            std::vector<int64_t> after = state.GetAssignment();
            for (uint32_t k = 0; k < move.count; ++k)
            {
                after[move.cls[k]] = move.to[k];
            }
            // The state's verdict is exact; the validator's tolerance of 1e-9
            // never matters for random doubles. Strict instances start with
            // every class rejected: there the state judges the capacities,
            // the resources and that the move rejects no class (the
            // relaxed validator plus that rule).
            bool feasibleAfter = CheckMmkpAssignment(relaxed, after, 0.0).feasible;
            for (uint32_t k = 0; k < move.count && instance.MustAssignAll(); ++k)
            {
                feasibleAfter = feasibleAfter && move.to[k] != MmkpInstance::REJECTED;
            }
            double delta = 0.0;
            const bool feasible = state.Evaluate(move, delta);
            ASSERT_EQ(feasible, feasibleAfter) << "seed " << seed << " step " << step;
            if (feasible)
            {
                EXPECT_NEAR(delta,
                            instance.Evaluate(after) - instance.Evaluate(state.GetAssignment()),
                            1e-12);
                const double before = state.GetObjective();
                state.Apply(move);
                EXPECT_NEAR(state.GetObjective(), before + delta, 1e-12);
                ++applied;
            }
            else
            {
                ++rejectedAsInfeasible;
            }
        }
        ExpectStateMatchesScratch(state);
    }
    // Both verdicts occur often.
    EXPECT_GT(applied, 10000u);
    EXPECT_GT(rejectedAsInfeasible, 10000u);
}

TEST(MmkpSearchState, RowLookupsAgreeWithScan)
{
    std::mt19937_64 gen(11);

    struct Case
    {
        uint32_t classes;
        uint32_t resources;
        double feasibility;
        bool reversed; // items listed in decreasing resource order, with duplicates
    };

    // Dense table; binary search over sorted classes (q n above the dense
    // limit); binary search over a sorted index (unsorted classes).
    const Case cases[] = {{12, 9, 0.7, false},
                          {12, 9, 0.7, true},
                          {2100, 2100, 0.01, false},
                          {2100, 2100, 0.01, true}};
    for (const Case& c : cases)
    {
        ASSERT_EQ(static_cast<uint64_t>(c.classes) * c.resources >
                      MmkpSearchState::DENSE_LOOKUP_LIMIT,
                  c.classes > 100);
        MmkpInstance instance({1.0});
        instance.SetResourcesDisjoint(true);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (uint32_t j = 0; j < c.classes; ++j)
        {
            instance.AddClass();
            for (uint32_t k = 0; k < c.resources; ++k)
            {
                const uint32_t i = c.reversed ? c.resources - 1 - k : k;
                if (unit(gen) < c.feasibility)
                {
                    instance.AddItem(unit(gen), {unit(gen)}, static_cast<int32_t>(i));
                    if (c.reversed && unit(gen) < 0.3)
                    {
                        // A second item on the same resource.
                        instance.AddItem(unit(gen), {unit(gen)}, static_cast<int32_t>(i));
                    }
                }
            }
        }
        MmkpSearchState state(instance);
        ASSERT_TRUE(state.UsesResourceRows());
        ASSERT_EQ(state.GetNumRows(), instance.GetNumResources());
        std::uniform_int_distribution<uint32_t> pickClass(0, c.classes - 1);
        std::uniform_int_distribution<uint32_t> pickRow(0, state.GetNumRows() - 1);
        uint32_t found = 0;
        for (uint32_t t = 0; t < 20000; ++t)
        {
            const uint32_t cls = pickClass(gen);
            const uint32_t row = pickRow(gen);
            const int64_t expected = ScanRowItem(instance, cls, row, true);
            ASSERT_EQ(state.GetRowItem(cls, row), expected) << cls << " " << row;
            found += expected != MmkpInstance::REJECTED ? 1 : 0;
        }
        EXPECT_GT(found, 100u);
    }
}

TEST(MmkpSearchState, RowsAreItemIndicesWithoutDisjointResources)
{
    RandomMmkpShape shape;
    shape.classes = 6;
    shape.resources = 5;
    shape.disjoint = false;
    const MmkpInstance instance = MakeRandomMmkpInstance(shape, 3);
    MmkpSearchState state(instance);
    EXPECT_FALSE(state.UsesResourceRows());
    uint32_t maxItems = 0;
    for (uint32_t j = 0; j < instance.GetNumClasses(); ++j)
    {
        maxItems = std::max(maxItems, instance.GetNumItems(j));
        for (uint32_t row = 0; row < 7; ++row)
        {
            EXPECT_EQ(state.GetRowItem(j, row), ScanRowItem(instance, j, row, false));
        }
    }
    EXPECT_EQ(state.GetNumRows(), maxItems);
    // A row move changes only the moved class: no owner is displaced.
    MmkpMove move;
    move.cls[0] = 0;
    move.to[0] = instance.GetFirstItem(0);
    move.count = 1;
    state.Apply(move);
    EXPECT_EQ(state.GetRowOwner(0), MmkpInstance::REJECTED);
    EXPECT_EQ(state.GetClassRow(0), 0u);
    ASSERT_TRUE(state.MakeRowMove(0, 1, move));
    EXPECT_EQ(move.count, 1u);
    EXPECT_EQ(move.to[0], instance.GetFirstItem(0) + 1);
}

TEST(MmkpSearchState, RowMoveSwapsTwoServersOrRelocates)
{
    // Two tasks, three ES; task 0 on ES 0, task 1 on ES 1, ES 2 idle.
    MmkpInstance instance({10.0});
    instance.SetResourcesDisjoint(true);
    instance.AddClass();
    instance.AddItem(1.0, {1.0}, 0); // 0
    instance.AddItem(2.0, {1.0}, 1); // 1
    instance.AddItem(4.0, {1.0}, 2); // 2
    instance.AddClass();
    instance.AddItem(3.0, {1.0}, 0); // 3
    instance.AddItem(1.5, {1.0}, 1); // 4
    MmkpSearchState state(instance);
    state.SetAssignment({0, 4});
    EXPECT_DOUBLE_EQ(state.GetObjective(), 2.5);
    MmkpMove move;
    ASSERT_TRUE(state.MakeRowMove(0, 1, move)); // swap ES 0 and 1
    ASSERT_EQ(move.count, 2u);
    double delta = 0.0;
    ASSERT_TRUE(state.Evaluate(move, delta));
    EXPECT_DOUBLE_EQ(delta, (2.0 + 3.0) - (1.0 + 1.5));
    state.Apply(move);
    EXPECT_EQ(state.GetAssignment(), (std::vector<int64_t>{1, 3}));
    EXPECT_EQ(state.GetRowOwner(0), 1);
    EXPECT_EQ(state.GetRowOwner(1), 0);
    // Task 1 cannot go to ES 2 (no such item); task 0 can (a relocation).
    EXPECT_FALSE(state.MakeRowMove(1, 2, move));
    ASSERT_TRUE(state.MakeRowMove(0, 2, move));
    EXPECT_EQ(move.count, 1u);
    state.Apply(move);
    EXPECT_EQ(state.GetRowOwner(1), MmkpInstance::REJECTED);
    EXPECT_EQ(state.GetRowOwner(2), 0);
    EXPECT_DOUBLE_EQ(state.GetObjective(), 7.0);
    // Swapping task 1 (ES 0) with the task on ES 2 needs task 0 on ES 0.
    ASSERT_TRUE(state.MakeRowMove(1, 2, move) == false);
}
