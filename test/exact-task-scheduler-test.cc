/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "random-mmkp-instances.h"

#include "ns3/double.h"
#include "ns3/exact-task-scheduler.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <limits>

using ns3::CreateObject;
using ns3::DoubleValue;
using ns3::Ptr;
using ns3::UintegerValue;
using ns3::edgedml::CheckMmkpAssignment;
using ns3::edgedml::ExactTaskScheduler;
using ns3::edgedml::MmkpInstance;
using ns3::edgedml::MmkpSolution;
using ns3::edgedml::SolveStatus;
using ns3::edgedml::ToString;
using ns3::edgedml::test::BruteForceMmkpOptimum;
using ns3::edgedml::test::MakeRandomMmkpInstance;
using ns3::edgedml::test::RandomMmkpShape;

namespace
{

/// A 79 classes x 80 resources instance, 2 dimensions, binding capacities:
/// CBC needs seconds to prove optimality (not done in these tests).
MmkpInstance
LargeInstance(bool mustAssignAll)
{
    RandomMmkpShape shape;
    shape.classes = 79;
    shape.resources = 80;
    shape.capacityFraction = mustAssignAll ? 1.0 : 0.4;
    shape.mustAssignAll = mustAssignAll;
    return MakeRandomMmkpInstance(shape, 4242);
}

} // namespace

// The exact optimum equals brute force on small random instances of both
// presets, disjoint or not, 1 to 3 dimensions; infeasibility is reported
// exactly when brute force finds no feasible assignment; the LP bound is never
// below the optimum.
TEST(ExactTaskScheduler, EqualsBruteForceOnSmallRandomInstances)
{
    auto exact = CreateObject<ExactTaskScheduler>();
    uint32_t optimal = 0;
    uint32_t infeasible = 0;
    uint32_t lpStrictlyAbove = 0;
    uint64_t seed = 1;
    for (bool mustAssignAll : {false, true})
    {
        for (bool disjoint : {true, false})
        {
            for (uint32_t dims = 1; dims <= 3; ++dims)
            {
                for (uint32_t rep = 0; rep < 20; ++rep, ++seed)
                {
                    RandomMmkpShape shape;
                    shape.classes = 1 + rep % 5;                // 1..5
                    shape.resources = 1 + (rep * 7 + dims) % 6; // 1..6
                    shape.dimensions = dims;
                    shape.pairFeasibility = rep % 4 == 3 ? 1.0 : 0.7;
                    shape.capacityFraction = 0.2 + 0.2 * (rep % 4); // 0.2..0.8
                    shape.negativeValueProb = 0.3;
                    shape.disjoint = disjoint;
                    shape.mustAssignAll = mustAssignAll;
                    const MmkpInstance instance = MakeRandomMmkpInstance(shape, seed);
                    std::vector<int64_t> best;
                    const bool found = BruteForceMmkpOptimum(instance, best);
                    const MmkpSolution s = exact->Schedule(instance);
                    const double lp = exact->SolveLpRelaxationBound(instance);
                    const std::string where = "seed " + std::to_string(seed) + " classes " +
                                              std::to_string(shape.classes) + " resources " +
                                              std::to_string(shape.resources) + " dims " +
                                              std::to_string(dims) +
                                              (mustAssignAll ? " strict" : " valued") +
                                              (disjoint ? " disjoint" : " shared");
                    if (!found)
                    {
                        EXPECT_EQ(s.status, SolveStatus::INFEASIBLE) << where;
                        EXPECT_FALSE(s.feasible) << where;
                        EXPECT_EQ(lp, -std::numeric_limits<double>::infinity()) << where;
                        ++infeasible;
                        continue;
                    }
                    const double optimum = instance.Evaluate(best);
                    ASSERT_EQ(s.status, SolveStatus::OPTIMAL)
                        << where << ": " << ToString(s.status);
                    EXPECT_TRUE(s.feasible) << where;
                    EXPECT_TRUE(CheckMmkpAssignment(instance, s.assignment).feasible) << where;
                    EXPECT_NEAR(s.objective, optimum, 1e-9) << where;
                    EXPECT_GE(s.upperBound, s.objective) << where;
                    EXPECT_NEAR(s.upperBound, optimum, 1e-6) << where;
                    EXPECT_GE(lp, optimum - 1e-9) << where;
                    lpStrictlyAbove += lp > optimum + 1e-6 ? 1 : 0;
                    ++optimal;
                }
            }
        }
    }
    EXPECT_EQ(optimal + infeasible, 240u);
    // The sample must exercise both outcomes, and the LP bound must not be trivially tight.
    EXPECT_GE(optimal, 120u);
    EXPECT_GE(infeasible, 10u);
    EXPECT_GE(lpStrictlyAbove, 20u);
}

// Instances decided without CBC: no class, no item, an empty class in the Strict preset.
TEST(ExactTaskScheduler, DegenerateInstances)
{
    auto exact = CreateObject<ExactTaskScheduler>();

    MmkpInstance empty({1.0, 1.0});
    empty.SetBaseValue(0.25);
    MmkpSolution s = exact->Schedule(empty);
    EXPECT_EQ(s.status, SolveStatus::OPTIMAL);
    EXPECT_TRUE(s.assignment.empty());
    EXPECT_DOUBLE_EQ(s.objective, 0.25);
    EXPECT_DOUBLE_EQ(s.upperBound, 0.25);
    empty.SetMustAssignAll(true);
    EXPECT_EQ(exact->Schedule(empty).status, SolveStatus::OPTIMAL);

    MmkpInstance noItems({1.0});
    noItems.SetBaseValue(0.5);
    noItems.AddClass();
    noItems.AddClass();
    s = exact->Schedule(noItems);
    EXPECT_EQ(s.status, SolveStatus::OPTIMAL);
    EXPECT_EQ(s.accepted, 0u);
    EXPECT_EQ(s.assignment.size(), 2u);
    EXPECT_DOUBLE_EQ(s.objective, 0.5);
    EXPECT_DOUBLE_EQ(exact->SolveLpRelaxationBound(noItems), 0.5);
    noItems.SetMustAssignAll(true);
    s = exact->Schedule(noItems);
    EXPECT_EQ(s.status, SolveStatus::INFEASIBLE);
    EXPECT_EQ(s.upperBound, -std::numeric_limits<double>::infinity());

    // Only negative values and an item too heavy: rejecting all is optimal.
    MmkpInstance useless({1.0});
    useless.AddClass();
    useless.AddItem(-1.0, {0.1}, 0);
    useless.AddItem(5.0, {1.5}, 1);
    s = exact->Schedule(useless);
    EXPECT_EQ(s.status, SolveStatus::OPTIMAL);
    EXPECT_EQ(s.accepted, 0u);
    EXPECT_DOUBLE_EQ(s.objective, 0.0);
    // Strict: the negative item must be taken.
    useless.SetMustAssignAll(true);
    s = exact->Schedule(useless);
    EXPECT_EQ(s.status, SolveStatus::OPTIMAL);
    ASSERT_EQ(s.assignment.size(), 1u);
    EXPECT_EQ(s.assignment[0], 0);
    EXPECT_DOUBLE_EQ(s.objective, -1.0);

    // Strict, each class alone placeable but not both together (one resource).
    MmkpInstance clash({10.0});
    clash.SetResourcesDisjoint(true);
    clash.SetMustAssignAll(true);
    clash.AddClass();
    clash.AddItem(1.0, {1.0}, 0);
    clash.AddClass();
    clash.AddItem(2.0, {1.0}, 0);
    s = exact->Schedule(clash);
    EXPECT_EQ(s.status, SolveStatus::INFEASIBLE);
    EXPECT_EQ(exact->SolveLpRelaxationBound(clash), -std::numeric_limits<double>::infinity());
    clash.SetMustAssignAll(false);
    s = exact->Schedule(clash);
    EXPECT_EQ(s.status, SolveStatus::OPTIMAL);
    EXPECT_DOUBLE_EQ(s.objective, 2.0);
}

// Known optimum where greedy by value is wrong: class 0's best item blocks
// both items of class 1 through the capacity.
TEST(ExactTaskScheduler, HandInstanceOptimum)
{
    MmkpInstance instance({10.0, 10.0});
    instance.SetResourcesDisjoint(true);
    instance.SetBaseValue(1.0);
    instance.AddClass();
    instance.AddItem(5.0, {9.0, 1.0}, 0);
    instance.AddItem(3.0, {2.0, 2.0}, 1);
    instance.AddClass();
    instance.AddItem(4.0, {5.0, 5.0}, 1);
    instance.AddItem(3.5, {6.0, 1.0}, 2);
    auto exact = CreateObject<ExactTaskScheduler>();
    const MmkpSolution s = exact->Schedule(instance);
    EXPECT_EQ(s.status, SolveStatus::OPTIMAL);
    // Item 1 (resource 1) with item 3 (resource 2): 1 + 3 + 3.5; item 1 with 2 share resource 1.
    EXPECT_EQ(s.assignment, (std::vector<int64_t>{1, 3}));
    EXPECT_NEAR(s.objective, 7.5, 1e-12);
    EXPECT_EQ(s.accepted, 2u);
}

// Loads within CBC's row tolerance but beyond the validator's: the result must
// still pass the validator. CBC 2.10.8 takes both items (load 1 + 6e-9 against
// capacity 1); the scheduler repairs that by rejecting one and reports FEASIBLE,
// not OPTIMAL. A CBC that rejected the pair itself would return OPTIMAL.
TEST(ExactTaskScheduler, AssignmentAtCapacityToleranceIsValid)
{
    MmkpInstance instance({1.0});
    instance.AddClass();
    instance.AddItem(1.0, {0.5 + 3e-9}, 0);
    instance.AddClass();
    instance.AddItem(1.0, {0.5 + 3e-9}, 1);
    auto exact = CreateObject<ExactTaskScheduler>();
    const MmkpSolution s = exact->Schedule(instance);
    ASSERT_TRUE(s.status == SolveStatus::OPTIMAL || s.status == SolveStatus::FEASIBLE)
        << ToString(s.status);
    EXPECT_TRUE(CheckMmkpAssignment(instance, s.assignment).feasible);
    EXPECT_EQ(s.accepted, 1u);
    EXPECT_NEAR(s.objective, 1.0, 1e-12);
    EXPECT_GE(s.upperBound, s.objective);
}

// A tiny time limit on an instance CBC needs seconds for: a feasible
// assignment (Valued: at worst all rejected) with a bound not below it.
TEST(ExactTaskScheduler, TimeLimitReturnsSolutionAndBound)
{
    const MmkpInstance instance = LargeInstance(false);
    auto exact = CreateObject<ExactTaskScheduler>();
    exact->SetAttribute("TimeLimitS", DoubleValue(0.05));
    const MmkpSolution s = exact->Schedule(instance);
    ASSERT_TRUE(s.status == SolveStatus::FEASIBLE || s.status == SolveStatus::OPTIMAL)
        << ToString(s.status);
    EXPECT_TRUE(s.feasible);
    EXPECT_GE(s.objective, instance.GetBaseValue());
    EXPECT_GE(s.upperBound, s.objective);
    const double lp = exact->SolveLpRelaxationBound(instance);
    EXPECT_GE(lp, s.objective);
    EXPECT_LT(lp, std::numeric_limits<double>::infinity());

    // A node limit stops it as well.
    auto limited = CreateObject<ExactTaskScheduler>();
    limited->SetAttribute("MaxNodes", UintegerValue(1));
    const MmkpSolution n = limited->Schedule(instance);
    ASSERT_TRUE(n.status == SolveStatus::FEASIBLE || n.status == SolveStatus::OPTIMAL)
        << ToString(n.status);
    EXPECT_GE(n.upperBound, n.objective);
    EXPECT_GE(lp, n.objective);
}

// Strict preset at a tiny time limit: a solution or NO_SOLUTION_FOUND, never a
// false infeasibility claim (the instance has feasible assignments: the
// capacities equal the mean load of placing every class on a random item).
TEST(ExactTaskScheduler, StrictTimeLimitNeverClaimsInfeasible)
{
    const MmkpInstance instance = LargeInstance(true);
    auto exact = CreateObject<ExactTaskScheduler>();
    exact->SetAttribute("TimeLimitS", DoubleValue(0.01));
    const MmkpSolution s = exact->Schedule(instance);
    EXPECT_NE(s.status, SolveStatus::INFEASIBLE);
    if (s.feasible)
    {
        EXPECT_EQ(s.accepted, instance.GetNumClasses());
        EXPECT_GE(s.upperBound, s.objective);
    }
}

// CBC and CLP print nothing.
TEST(ExactTaskScheduler, PrintsNothing)
{
    RandomMmkpShape shape;
    shape.classes = 12;
    shape.resources = 14;
    auto exact = CreateObject<ExactTaskScheduler>();
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    exact->Schedule(MakeRandomMmkpInstance(shape, 7));
    shape.mustAssignAll = true;
    shape.capacityFraction = 0.05; // Strict and infeasible
    exact->Schedule(MakeRandomMmkpInstance(shape, 8));
    exact->SolveLpRelaxationBound(MakeRandomMmkpInstance(shape, 9));
    const std::string out = testing::internal::GetCapturedStdout();
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(out, "");
    EXPECT_EQ(err, "");
}

TEST(ExactTaskScheduler, UsesNoStreams)
{
    auto exact = CreateObject<ExactTaskScheduler>();
    EXPECT_EQ(exact->AssignStreams(3), 0);
}
