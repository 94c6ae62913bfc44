/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "random-mmkp-instances.h"

#include "ns3/task-scheduler-factory.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using ns3::Ptr;
using ns3::TypeId;
using ns3::edgedml::CheckMmkpAssignment;
using ns3::edgedml::CreateTaskScheduler;
using ns3::edgedml::GetTaskSchedulerShortNames;
using ns3::edgedml::LookupTaskScheduler;
using ns3::edgedml::MmkpInstance;
using ns3::edgedml::MmkpSolution;
using ns3::edgedml::SolveStatus;
using ns3::edgedml::TaskScheduler;
using ns3::edgedml::ToString;
using ns3::edgedml::test::BruteForceMmkpOptimum;
using ns3::edgedml::test::MakeRandomMmkpInstance;
using ns3::edgedml::test::RandomMmkpShape;

namespace
{

/// One test instance, with its brute-force optimum when small enough.
struct ValidityCase
{
    std::string name;         //!< shape and seed, for messages
    MmkpInstance instance;    //!< the instance
    bool hasReference{false}; //!< whether brute force was run
    bool feasible{false};     //!< brute force: a feasible assignment exists
    double optimum{0.0};      //!< brute force: the optimum, when feasible
};

/// A named family of shapes; seeds vary the rest.
struct Family
{
    std::string name;      //!< for messages
    RandomMmkpShape shape; //!< the shape
};

std::vector<Family>
Families()
{
    std::vector<Family> families;
    auto add = [&families](const std::string& name, auto&& edit) {
        RandomMmkpShape shape;
        shape.classes = 4;
        shape.resources = 5;
        edit(shape);
        families.push_back({name, shape});
    };
    add("default", [](RandomMmkpShape&) {});
    add("no-classes", [](RandomMmkpShape& s) { s.classes = 0; });
    add("no-feasible-pair", [](RandomMmkpShape& s) { s.pairFeasibility = 0.0; });
    add("zero-capacity", [](RandomMmkpShape& s) { s.capacityFraction = 0.0; });
    add("single-class", [](RandomMmkpShape& s) { s.classes = 1; });
    add("more-classes-than-resources", [](RandomMmkpShape& s) {
        s.classes = 5;
        s.resources = 3;
    });
    add("all-negative", [](RandomMmkpShape& s) { s.negativeValueProb = 1.0; });
    add("one-dimension", [](RandomMmkpShape& s) { s.dimensions = 1; });
    add("three-dimensions", [](RandomMmkpShape& s) {
        s.dimensions = 3;
        s.capacityFraction = 0.6;
    });
    add("shared-resources", [](RandomMmkpShape& s) { s.disjoint = false; });
    add("loose", [](RandomMmkpShape& s) {
        s.capacityFraction = 2.0;
        s.pairFeasibility = 1.0;
    });
    // Strict preset: some instances feasible, some not.
    const std::size_t valued = families.size();
    for (std::size_t f = 0; f < valued; ++f)
    {
        Family strict = families[f];
        strict.name += "-strict";
        strict.shape.mustAssignAll = true;
        families.push_back(strict);
    }
    add("strict-tight", [](RandomMmkpShape& s) {
        s.mustAssignAll = true;
        s.capacityFraction = 0.15;
    });
    return families;
}

/// The shared cases (built once): small ones with brute force, a few medium ones without.
const std::vector<ValidityCase>&
Cases()
{
    static const std::vector<ValidityCase> cases = [] {
        std::vector<ValidityCase> all;
        uint64_t seed = 1000;
        for (const Family& family : Families())
        {
            for (uint32_t rep = 0; rep < 14; ++rep, ++seed)
            {
                RandomMmkpShape shape = family.shape;
                if (shape.classes > 1 && rep % 2 == 1)
                {
                    shape.classes -= 1; // vary the size a little
                }
                ValidityCase c{family.name + " seed " + std::to_string(seed),
                               MakeRandomMmkpInstance(shape, seed)};
                std::vector<int64_t> best;
                c.hasReference = true;
                c.feasible = BruteForceMmkpOptimum(c.instance, best);
                c.optimum = c.feasible ? c.instance.Evaluate(best) : 0.0;
                all.push_back(std::move(c));
            }
            // Medium size, validity only.
            RandomMmkpShape medium = family.shape;
            if (medium.classes > 1)
            {
                medium.classes *= 4;
                medium.resources *= 4;
            }
            all.push_back({family.name + " medium seed " + std::to_string(seed),
                           MakeRandomMmkpInstance(medium, seed)});
            ++seed;
        }
        return all;
    }();
    return cases;
}

/// Parameter: a scheduler short name.
class TaskSchedulerValidity : public testing::TestWithParam<std::string>
{
};

} // namespace

// Every algorithm, on every case: a status from the enum; a claimed solution
// passes the shared validator with consistent fields; no objective above the
// brute-force optimum; OPTIMAL only at the optimum; INFEASIBLE only where
// brute force finds nothing; a bound, when given, not below the optimum.
TEST_P(TaskSchedulerValidity, OutputValidOnRandomAndDegenerateInstances)
{
    const std::string name = GetParam();
    TypeId tid;
    std::string error;
    ASSERT_TRUE(LookupTaskScheduler(name, tid, error)) << error;
    Ptr<TaskScheduler> scheduler = CreateTaskScheduler(name);
    scheduler->AssignStreams(17);
    const auto& cases = Cases();
    ASSERT_GE(cases.size(), 300u);
    uint32_t claimed = 0;
    uint32_t infeasibleInstances = 0;
    for (const ValidityCase& c : cases)
    {
        const MmkpInstance& instance = c.instance;
        const std::string where = name + " on " + c.name;
        const MmkpSolution s = scheduler->Schedule(instance);
        const bool claims = s.status == SolveStatus::OPTIMAL || s.status == SolveStatus::FEASIBLE;
        ASSERT_TRUE(claims || s.status == SolveStatus::INFEASIBLE ||
                    s.status == SolveStatus::NO_SOLUTION_FOUND)
            << where << ": status " << static_cast<int>(s.status);
        ASSERT_EQ(s.assignment.size(), instance.GetNumClasses()) << where;
        EXPECT_EQ(s.feasible, claims) << where;
        uint32_t accepted = 0;
        for (int64_t item : s.assignment)
        {
            accepted += item != MmkpInstance::REJECTED ? 1 : 0;
        }
        EXPECT_EQ(s.accepted, accepted) << where;
        EXPECT_DOUBLE_EQ(s.objective, instance.Evaluate(s.assignment)) << where;
        EXPECT_GE(s.wallTimeMs, 0.0) << where;
        if (claims)
        {
            ++claimed;
            const auto check = CheckMmkpAssignment(instance, s.assignment);
            EXPECT_TRUE(check.feasible) << where << ": " << check.reason;
            EXPECT_GE(s.upperBound, s.objective - 1e-9) << where;
            if (instance.MustAssignAll())
            {
                EXPECT_EQ(s.accepted, instance.GetNumClasses()) << where;
            }
        }
        else
        {
            EXPECT_EQ(s.accepted, 0u) << where << " " << ToString(s.status);
        }
        if (s.status == SolveStatus::INFEASIBLE)
        {
            EXPECT_TRUE(instance.MustAssignAll()) << where;
        }
        if (!c.hasReference)
        {
            continue;
        }
        infeasibleInstances += c.feasible ? 0 : 1;
        if (!c.feasible)
        {
            EXPECT_FALSE(claims) << where << " claims " << ToString(s.status);
            continue;
        }
        EXPECT_NE(s.status, SolveStatus::INFEASIBLE) << where << " optimum " << c.optimum;
        EXPECT_GE(s.upperBound, c.optimum - 1e-9) << where;
        if (claims)
        {
            EXPECT_LE(s.objective, c.optimum + 1e-9) << where;
        }
        if (s.status == SolveStatus::OPTIMAL)
        {
            EXPECT_NEAR(s.objective, c.optimum, 1e-9) << where;
        }
    }
    // The sample must exercise both kinds of instance.
    EXPECT_GE(claimed, 150u);
    EXPECT_GE(infeasibleInstances, 30u);
}

INSTANTIATE_TEST_SUITE_P(AllSchedulers,
                         TaskSchedulerValidity,
                         testing::ValuesIn(GetTaskSchedulerShortNames()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             return info.param;
                         });
