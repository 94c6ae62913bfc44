/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/mmkp-instance.h"

#include <gtest/gtest.h>

using ns3::edgedml::CheckMmkpAssignment;
using ns3::edgedml::MmkpInstance;

namespace
{

// Two classes over three resources, two dimensions with capacities 10 and 5.
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

} // namespace

TEST(MmkpInstance, LayoutAndEvaluation)
{
    const MmkpInstance instance = SmallInstance();
    EXPECT_EQ(instance.GetNumClasses(), 2u);
    EXPECT_EQ(instance.GetNumItems(), 4u);
    EXPECT_EQ(instance.GetNumItems(1), 2u);
    EXPECT_EQ(instance.GetFirstItem(1), 2);
    EXPECT_EQ(instance.GetClassOf(3), 1u);
    EXPECT_EQ(instance.GetClassOf(0), 0u);
    EXPECT_EQ(instance.GetNumResources(), 3u);
    EXPECT_DOUBLE_EQ(instance.GetWeight(2, 1), 4.0);
    EXPECT_DOUBLE_EQ(instance.Evaluate({1, 3}), 6.5);
    EXPECT_DOUBLE_EQ(instance.Evaluate({MmkpInstance::REJECTED, MmkpInstance::REJECTED}), 0.5);
}

TEST(MmkpInstance, ValidatorAcceptsFeasibleAndNamesEachViolation)
{
    MmkpInstance instance = SmallInstance();
    EXPECT_TRUE(CheckMmkpAssignment(instance, {1, 3}).feasible);
    EXPECT_TRUE(CheckMmkpAssignment(instance, {MmkpInstance::REJECTED, 2}).feasible);

    auto wrongClass = CheckMmkpAssignment(instance, {2, MmkpInstance::REJECTED});
    EXPECT_FALSE(wrongClass.feasible);
    EXPECT_NE(wrongClass.reason.find("class 0"), std::string::npos) << wrongClass.reason;

    auto shared = CheckMmkpAssignment(instance, {1, 2}); // both on resource 1
    EXPECT_FALSE(shared.feasible);
    EXPECT_NE(shared.reason.find("resource 1"), std::string::npos) << shared.reason;

    // Loads exactly at capacity are feasible: dimension 0 is 4 + 4 <= 10, dimension 1 is 1 + 4 = 5.
    EXPECT_TRUE(CheckMmkpAssignment(instance, {0, 2}).feasible);

    MmkpInstance tight({5.0, 5.0});
    tight.AddClass();
    tight.AddItem(1.0, {6.0, 0.0});
    auto over = CheckMmkpAssignment(tight, {0});
    EXPECT_FALSE(over.feasible);
    EXPECT_NE(over.reason.find("dimension 0"), std::string::npos) << over.reason;

    instance.SetMustAssignAll(true);
    auto missing = CheckMmkpAssignment(instance, {1, MmkpInstance::REJECTED});
    EXPECT_FALSE(missing.feasible);
    EXPECT_NE(missing.reason.find("class 1"), std::string::npos) << missing.reason;

    EXPECT_FALSE(CheckMmkpAssignment(instance, {1}).feasible);
}
