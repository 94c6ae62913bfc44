/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "random-mmkp-instances.h"

#include "ns3/lagrangian-bound.h"
#include "ns3/local-search-task-scheduler.h"
#include "ns3/task-scheduler-factory.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>

using namespace ns3;
using namespace ns3::edgedml;
using ns3::edgedml::test::BruteForceMmkpOptimum;
using ns3::edgedml::test::MakeRandomMmkpInstance;
using ns3::edgedml::test::RandomMmkpShape;

namespace
{

/// Least fraction of small random instances solved to the brute-force optimum.
constexpr double FRACTION_OPTIMAL_MIN = 0.85; // measured 152 of 168 = 0.905
/// Largest mean relative gap to the brute-force optimum on them.
constexpr double MEAN_GAP_MAX = 0.02; // measured 0.0090

Ptr<LocalSearchTaskScheduler>
MakeScheduler()
{
    Ptr<LocalSearchTaskScheduler> s = CreateObject<LocalSearchTaskScheduler>();
    s->AssignStreams(7);
    return s;
}

/// Shapes covering both presets, disjoint or not, loose and tight capacities.
std::vector<RandomMmkpShape>
SmallShapes()
{
    std::vector<RandomMmkpShape> shapes;
    for (bool strict : {false, true})
    {
        for (bool disjoint : {true, false})
        {
            for (double cap : {0.25, 0.5, 1.0})
            {
                RandomMmkpShape s;
                s.classes = 5;
                s.resources = 6;
                s.capacityFraction = cap;
                s.disjoint = disjoint;
                s.mustAssignAll = strict;
                shapes.push_back(s);
            }
        }
    }
    return shapes;
}

} // namespace

TEST(LagrangianBound, AboveBruteForceOptimumForAnyMultipliers)
{
    std::mt19937_64 gen(11);
    std::uniform_real_distribution<double> price(0.0, 1.0);
    uint32_t checked = 0;
    uint64_t seed = 100;
    for (const auto& shape : SmallShapes())
    {
        for (int rep = 0; rep < 15; ++rep)
        {
            const MmkpInstance instance = MakeRandomMmkpInstance(shape, ++seed);
            std::vector<int64_t> best;
            const bool feasible = BruteForceMmkpOptimum(instance, best);
            LagrangianMultipliers m;
            m.capacityPrices.assign(2, 0.0);
            m.capacityPrices[0] = price(gen);
            m.capacityPrices[1] = price(gen);
            for (uint32_t r = 0; r < instance.GetNumResources(); ++r)
            {
                m.resourcePrices.push_back(rep % 3 == 0 ? 0.0 : price(gen));
            }
            const double bound = ComputeLagrangianBound(instance, m);
            if (feasible)
            {
                EXPECT_GE(bound, instance.Evaluate(best) - 1e-12) << "seed " << seed;
                ++checked;
            }
            else
            {
                // Only Strict instances can be infeasible; the bound may be
                // anything then, but -infinity only when some class cannot
                // be placed at all.
                EXPECT_TRUE(instance.MustAssignAll());
            }
        }
    }
    EXPECT_GT(checked, 100u);
}

TEST(LagrangianBound, ClosedFormsAndInfeasibleClass)
{
    // One class, items (value 3, weight 2) and (value 1, weight 0.5), capacity 1.
    MmkpInstance instance({1.0});
    instance.SetBaseValue(0.5);
    instance.AddClass();
    instance.AddItem(3.0, {2.0}); // never fits alone: left out
    instance.AddItem(1.0, {0.5});
    LagrangianMultipliers m;
    m.capacityPrices.assign(1, 0.0);
    EXPECT_DOUBLE_EQ(ComputeLagrangianBound(instance, m), 1.5);
    m.capacityPrices.assign(1, 1.0); // 0.5 + 1 * 1 + max(0, 1 - 0.5)
    EXPECT_DOUBLE_EQ(ComputeLagrangianBound(instance, m), 2.0);
    m.capacityPrices.assign(1, 4.0); // 0.5 + 4 + max(0, 1 - 2)
    EXPECT_DOUBLE_EQ(ComputeLagrangianBound(instance, m), 4.5);
    instance.SetMustAssignAll(true); // 0.5 + 4 + (1 - 2)
    EXPECT_DOUBLE_EQ(ComputeLagrangianBound(instance, m), 3.5);
    instance.AddClass();
    instance.AddItem(1.0, {1.5}); // the second class cannot be placed
    EXPECT_EQ(ComputeLagrangianBound(instance, m), -std::numeric_limits<double>::infinity());
}

TEST(LocalSearchTaskScheduler, MatchesBruteForceOnSmallInstances)
{
    Ptr<LocalSearchTaskScheduler> scheduler = MakeScheduler();
    uint32_t compared = 0;
    uint32_t optimal = 0;
    double gapSum = 0.0;
    uint64_t seed = 5000;
    for (const auto& shape : SmallShapes())
    {
        for (int rep = 0; rep < 20; ++rep)
        {
            const MmkpInstance instance = MakeRandomMmkpInstance(shape, ++seed);
            std::vector<int64_t> best;
            const bool feasible = BruteForceMmkpOptimum(instance, best);
            const MmkpSolution sol = scheduler->Schedule(instance);
            if (!feasible)
            {
                EXPECT_FALSE(sol.feasible) << "seed " << seed;
                EXPECT_TRUE(sol.status == SolveStatus::INFEASIBLE ||
                            sol.status == SolveStatus::NO_SOLUTION_FOUND);
                continue;
            }
            const double opt = instance.Evaluate(best);
            EXPECT_GE(sol.upperBound, opt - 1e-9) << "seed " << seed;
            if (instance.MustAssignAll() && !sol.feasible)
            {
                ++compared; // a Strict instance the heuristic could not place
                gapSum += 1.0;
                continue;
            }
            ASSERT_TRUE(sol.feasible) << "seed " << seed;
            EXPECT_LE(sol.objective, opt + 1e-9) << "seed " << seed;
            if (sol.status == SolveStatus::OPTIMAL)
            {
                EXPECT_NEAR(sol.objective, opt, 1e-9) << "seed " << seed;
            }
            ++compared;
            optimal += sol.objective >= opt - 1e-9 ? 1 : 0;
            gapSum += (opt - sol.objective) / std::max(std::abs(opt), 1e-9);
        }
    }
    ASSERT_GT(compared, 150u);
    const double fraction = static_cast<double>(optimal) / compared;
    const double meanGap = gapSum / compared;
    EXPECT_GE(fraction, FRACTION_OPTIMAL_MIN) << optimal << " of " << compared;
    EXPECT_LE(meanGap, MEAN_GAP_MAX);
    RecordProperty("fraction_optimal", std::to_string(fraction));
    RecordProperty("mean_gap", std::to_string(meanGap));
    std::cout << "LocalSearch small instances: optimal " << optimal << " of " << compared
              << ", mean relative gap " << meanGap << "\n";
}

TEST(LocalSearchTaskScheduler, ValidOnManyRandomInstances)
{
    // Schedule() aborts on an infeasible assignment; here also the status,
    // the bound and the objective are checked for consistency.
    Ptr<LocalSearchTaskScheduler> scheduler = MakeScheduler();
    std::mt19937_64 gen(3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    uint32_t solved = 0;
    for (uint64_t seed = 1; seed <= 400; ++seed)
    {
        RandomMmkpShape shape;
        shape.classes = 1 + static_cast<uint32_t>(unit(gen) * 30);
        shape.resources = 1 + static_cast<uint32_t>(unit(gen) * 30);
        shape.pairFeasibility = unit(gen);
        shape.capacityFraction = unit(gen) < 0.1 ? 0.0 : 2.0 * unit(gen);
        shape.disjoint = unit(gen) < 0.7;
        shape.mustAssignAll = unit(gen) < 0.3;
        shape.dimensions = 1 + static_cast<uint32_t>(unit(gen) * 3);
        const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
        const MmkpSolution sol = scheduler->Schedule(instance);
        ASSERT_EQ(sol.assignment.size(), instance.GetNumClasses());
        if (sol.feasible)
        {
            ++solved;
            EXPECT_TRUE(CheckMmkpAssignment(instance, sol.assignment).feasible);
            EXPECT_GE(sol.upperBound, sol.objective - 1e-9) << "seed " << seed;
            for (int64_t item : sol.assignment)
            {
                // Valued: an item of value <= 0 is never chosen.
                if (item != MmkpInstance::REJECTED && !instance.MustAssignAll())
                {
                    EXPECT_GT(instance.GetValue(item), 0.0) << "seed " << seed;
                }
            }
        }
        else
        {
            EXPECT_TRUE(instance.MustAssignAll()) << "seed " << seed;
        }
    }
    EXPECT_GT(solved, 250u);
}

TEST(LocalSearchTaskScheduler, DegenerateInstances)
{
    Ptr<LocalSearchTaskScheduler> scheduler = MakeScheduler();

    MmkpInstance empty({1.0, 1.0});
    empty.SetBaseValue(0.25);
    MmkpSolution sol = scheduler->Schedule(empty);
    EXPECT_EQ(sol.status, SolveStatus::OPTIMAL);
    EXPECT_TRUE(sol.assignment.empty());
    EXPECT_DOUBLE_EQ(sol.objective, 0.25);
    EXPECT_DOUBLE_EQ(sol.upperBound, 0.25);

    MmkpInstance noItems({1.0});
    noItems.AddClass();
    noItems.AddClass();
    sol = scheduler->Schedule(noItems);
    EXPECT_EQ(sol.status, SolveStatus::OPTIMAL);
    EXPECT_EQ(sol.accepted, 0u);
    noItems.SetMustAssignAll(true);
    sol = scheduler->Schedule(noItems);
    EXPECT_EQ(sol.status, SolveStatus::INFEASIBLE);
    EXPECT_FALSE(sol.feasible);

    // Zero capacity: only weightless items fit.
    MmkpInstance zero({0.0, 5.0});
    zero.SetResourcesDisjoint(true);
    zero.AddClass();
    zero.AddItem(2.0, {1.0, 1.0}, 0);
    zero.AddItem(1.0, {0.0, 1.0}, 1);
    zero.AddClass();
    zero.AddItem(3.0, {0.0, 1.0}, 1);
    zero.AddItem(-1.0, {0.0, 0.0}, 2);
    sol = scheduler->Schedule(zero);
    EXPECT_EQ(sol.status, SolveStatus::OPTIMAL);
    EXPECT_DOUBLE_EQ(sol.objective, 3.0); // class 1 on resource 1; class 0 rejected
    zero.SetMustAssignAll(true);
    sol = scheduler->Schedule(zero);
    ASSERT_TRUE(sol.feasible); // 1 + (-1): the only complete assignment
    EXPECT_DOUBLE_EQ(sol.objective, 0.0);
    EXPECT_GE(sol.upperBound, -1e-9);

    // Strict and every item too heavy.
    MmkpInstance heavy({1.0});
    heavy.SetMustAssignAll(true);
    heavy.AddClass();
    heavy.AddItem(1.0, {2.0});
    sol = scheduler->Schedule(heavy);
    EXPECT_EQ(sol.status, SolveStatus::INFEASIBLE);

    // Strict: each fits alone but not together (only one of two fits).
    MmkpInstance pair({1.0});
    pair.SetMustAssignAll(true);
    pair.AddClass();
    pair.AddItem(1.0, {0.6});
    pair.AddClass();
    pair.AddItem(1.0, {0.6});
    sol = scheduler->Schedule(pair);
    EXPECT_FALSE(sol.feasible);
    EXPECT_EQ(sol.status, SolveStatus::NO_SOLUTION_FOUND);
}

TEST(LocalSearchTaskScheduler, SameStreamSameAssignment)
{
    RandomMmkpShape shape;
    shape.classes = 40;
    shape.resources = 50;
    shape.capacityFraction = 0.3;
    const MmkpInstance instance = MakeRandomMmkpInstance(shape, 77);
    Ptr<LocalSearchTaskScheduler> a = MakeScheduler();
    Ptr<LocalSearchTaskScheduler> b = MakeScheduler();
    const MmkpSolution sa = a->Schedule(instance);
    const MmkpSolution sb = b->Schedule(instance);
    EXPECT_EQ(sa.assignment, sb.assignment);
    EXPECT_EQ(sa.objective, sb.objective);
    EXPECT_EQ(sa.upperBound, sb.upperBound);
}

TEST(LocalSearchTaskScheduler, CandidateCapKeepsValidityAndBound)
{
    // With at most 3 candidates per class the search is restricted but the
    // bound still covers every item.
    Ptr<LocalSearchTaskScheduler> scheduler = MakeScheduler();
    scheduler->SetAttribute("CandidatesPerClass", UintegerValue(3));
    uint64_t seed = 900;
    for (const auto& shape : SmallShapes())
    {
        for (int rep = 0; rep < 5; ++rep)
        {
            const MmkpInstance instance = MakeRandomMmkpInstance(shape, ++seed);
            std::vector<int64_t> best;
            const MmkpSolution sol = scheduler->Schedule(instance);
            if (BruteForceMmkpOptimum(instance, best))
            {
                EXPECT_GE(sol.upperBound, instance.Evaluate(best) - 1e-9) << "seed " << seed;
            }
        }
    }
}

TEST(LocalSearchTaskScheduler, CreatedByShortName)
{
    Ptr<TaskScheduler> s = CreateTaskScheduler("LocalSearch");
    EXPECT_EQ(s->GetInstanceTypeId().GetName(), "ns3::edgedml::LocalSearchTaskScheduler");
}
