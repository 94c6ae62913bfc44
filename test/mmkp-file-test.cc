/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The MMKP text format: exact round trips, the positional (disjoint) layout
 * of task-scheduling instances, and a message naming the line for every kind
 * of malformed file.
 */

#include "ns3/annulus-position-allocator.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/crowdsourcing-task-generator.h"
#include "ns3/mmkp-file.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/string.h"
#include "ns3/task-scheduling-problem.h"

#include <cmath>
#include <gtest/gtest.h>
#include <sstream>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// \param a an instance \param b another \param compareResources also resources
void
ExpectSameItems(const MmkpInstance& a, const MmkpInstance& b, bool compareResources)
{
    ASSERT_EQ(a.GetNumClasses(), b.GetNumClasses());
    ASSERT_EQ(a.GetNumDimensions(), b.GetNumDimensions());
    ASSERT_EQ(a.GetNumItems(), b.GetNumItems());
    for (uint32_t d = 0; d < a.GetNumDimensions(); ++d)
    {
        EXPECT_EQ(a.GetCapacity(d), b.GetCapacity(d));
    }
    for (uint32_t c = 0; c < a.GetNumClasses(); ++c)
    {
        ASSERT_EQ(a.GetFirstItem(c), b.GetFirstItem(c));
        ASSERT_EQ(a.GetEndItem(c), b.GetEndItem(c));
    }
    for (std::size_t k = 0; k < a.GetNumItems(); ++k)
    {
        EXPECT_EQ(a.GetValue(k), b.GetValue(k)) << "item " << k;
        for (uint32_t d = 0; d < a.GetNumDimensions(); ++d)
        {
            EXPECT_EQ(a.GetWeight(k, d), b.GetWeight(k, d)) << "item " << k;
        }
        if (compareResources)
        {
            EXPECT_EQ(a.GetResource(k), b.GetResource(k)) << "item " << k;
        }
    }
}

/// \param text file contents \param options options \return the read result
MmkpReadResult
Read(const std::string& text, const MmkpReadOptions& options = MmkpReadOptions())
{
    std::istringstream in(text);
    return ReadMmkp(in, "test.mmkp", options);
}

} // namespace

TEST(MmkpFile, ReadsTheSampleFile)
{
    const MmkpReadResult r = ReadMmkpFile(std::string(EDGE_DML_TEST_DATA_DIR) + "/mmkp/small.mmkp");
    ASSERT_TRUE(r.instance) << r.error;
    const MmkpInstance& instance = *r.instance;
    EXPECT_EQ(instance.GetNumClasses(), 3u);
    EXPECT_EQ(instance.GetNumItems(), 7u);
    EXPECT_EQ(instance.GetNumItems(1), 2u);
    EXPECT_EQ(instance.GetCapacity(1), 8.0);
    EXPECT_EQ(instance.GetValue(3), 6.0);
    EXPECT_EQ(instance.GetWeight(6, 1), 1.0);
    EXPECT_EQ(instance.GetResource(0), MmkpInstance::NO_RESOURCE);
    EXPECT_FALSE(instance.AreResourcesDisjoint());
    EXPECT_FALSE(instance.MustAssignAll());
    // The brute-force optimum (12) is feasible.
    EXPECT_TRUE(CheckMmkpAssignment(instance, {0, 4, 5}).feasible);
    EXPECT_EQ(instance.Evaluate({0, 4, 5}), 12.0);
}

TEST(MmkpFile, PositionalResourcesAndStrict)
{
    MmkpReadOptions options;
    options.resourcesByPosition = true;
    options.mustAssignAll = true;
    const MmkpReadResult r =
        ReadMmkpFile(std::string(EDGE_DML_TEST_DATA_DIR) + "/mmkp/small-disjoint.mmkp", options);
    ASSERT_TRUE(r.instance) << r.error;
    const MmkpInstance& instance = *r.instance;
    EXPECT_TRUE(instance.AreResourcesDisjoint());
    EXPECT_TRUE(instance.MustAssignAll());
    EXPECT_EQ(instance.GetNumResources(), 3u);
    EXPECT_EQ(instance.GetResource(instance.GetFirstItem(2) + 2), 2);
    // Items 0 of classes 0 and 2 share resource 0.
    EXPECT_FALSE(CheckMmkpAssignment(instance, {0, 4, 6}).feasible);
    EXPECT_TRUE(CheckMmkpAssignment(instance, {1, 3, 8}).feasible);
}

TEST(MmkpFile, RoundTripIsExact)
{
    MmkpInstance instance({1.0 / 3.0, 12345.678901234567, 0.0});
    instance.AddClass();
    instance.AddItem(0.1, {0.2, 1e-300, 0.0});
    instance.AddItem(-2.0 / 7.0, {std::nextafter(1.0, 2.0), 3.0, 0.0});
    instance.AddClass(); // empty class
    instance.AddClass();
    instance.AddItem(-0.0, {1e300, 5e-324, 0.0});
    std::ostringstream out;
    std::string error;
    ASSERT_TRUE(WriteMmkp(out, instance, false, error)) << error;
    std::istringstream in(out.str());
    const MmkpReadResult r = ReadMmkp(in, "round-trip");
    ASSERT_TRUE(r.instance) << r.error << "\n" << out.str();
    ExpectSameItems(instance, *r.instance, true);
}

TEST(MmkpFile, TaskSchedulingInstanceRoundTripsInThePositionalLayout)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(3);
    auto generator = CreateObject<CrowdsourcingTaskGenerator>();
    generator->AssignStreams(0);
    // Short deadlines, so that many pairs are infeasible and become placeholders.
    generator->SetAttribute("DeadlineS",
                            StringValue("ns3::UniformRandomVariable[Min=0.1|Max=0.6]"));
    const auto tasks = generator->Generate(15);
    auto positions = CreateObject<AnnulusPositionAllocator>();
    positions->AssignStreams(10);
    std::vector<EdgeServerState> servers;
    for (uint32_t i = 0; i < 12; ++i)
    {
        auto m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(positions->GetNext());
        servers.push_back({100.0 * (1 + i % 6), 1e9 + 1.5e8 * i, 0.95, m, i != 4});
    }
    for (bool strict : {false, true})
    {
        auto problem = CreateObject<TaskSchedulingProblem>();
        problem->AssignStreams(20);
        if (strict)
        {
            problem->SetAttribute("Preset", StringValue("Strict"));
        }
        problem->Build(tasks, servers);
        const MmkpInstance& instance = problem->GetInstance();
        ASSERT_GT(instance.GetNumItems(), 20u);
        ASSERT_LT(instance.GetNumItems(), 15u * 11u); // some pairs are infeasible
        std::ostringstream out;
        std::string error;
        ASSERT_TRUE(WriteMmkp(out, instance, true, error)) << error;
        MmkpReadOptions options;
        options.resourcesByPosition = true;
        options.dropOversizedItems = true;
        options.mustAssignAll = strict;
        std::istringstream in(out.str());
        const MmkpReadResult r = ReadMmkp(in, "positional", options);
        ASSERT_TRUE(r.instance) << r.error;
        ExpectSameItems(instance, *r.instance, true);
        EXPECT_TRUE(r.instance->AreResourcesDisjoint());
        EXPECT_EQ(r.instance->MustAssignAll(), strict);
    }
}

TEST(MmkpFile, WriterRefusesAPositionalLayoutItCannotExpress)
{
    MmkpInstance twoOnOne({5.0});
    twoOnOne.AddClass();
    twoOnOne.AddItem(1.0, {1.0}, 0);
    twoOnOne.AddItem(2.0, {1.0}, 0);
    std::ostringstream out;
    std::string error;
    EXPECT_FALSE(WriteMmkp(out, twoOnOne, true, error));
    EXPECT_NE(error.find("two items on resource 0"), std::string::npos) << error;
    MmkpInstance noResource({5.0});
    noResource.AddClass();
    noResource.AddItem(1.0, {1.0});
    EXPECT_FALSE(WriteMmkp(out, noResource, true, error));
    EXPECT_NE(error.find("no resource"), std::string::npos) << error;
}

TEST(MmkpFile, MalformedFilesNameTheLine)
{
    const struct
    {
        const char* text;
        const char* expected; // substring of the error
    } cases[] = {
        {"", "test.mmkp: line 1: premature end of file"},
        {"2\n", "line 1: missing numbers: expected 2"},
        {"2 2 7\n", "line 1: trailing content '7'"},
        {"x 2\n", "line 1: number of classes 'x' is not a non-negative integer"},
        {"-1 2\n", "line 1: number of classes '-1'"},
        {"1 0\n", "line 1: number of dimensions '0' is not a positive integer"},
        {"1 2\n", "line 2: premature end of file: expected the capacities"},
        {"1 2\n10\n", "line 2: missing numbers: expected 2 (capacities), found 1"},
        {"1 2\n10 abc\n", "line 2: 'abc' is not a number (capacity 2)"},
        {"1 2\n10 -1\n", "line 2: capacity 2 is '-1'"},
        {"1 2\n10 nan\n", "line 2: capacity 2 is 'nan'"},
        {"1 2\n10 1e999\n", "line 2: capacity 2 is '1e999'"},
        {"1 2\n10 5\n", "line 3: premature end of file: expected the item count of class 1"},
        {"1 2\n10 5\n2.5\n", "line 3: item count '2.5' of class 1 is not a non-negative integer"},
        {"1 2\n10 5\n2 3\n", "line 3: trailing content '3'"},
        {"1 2\n10 5\n2\n1 2 3\n", "line 5: premature end of file: expected item 2 of class 1"},
        {"1 2\n10 5\n1\n1 2\n", "line 4: missing numbers: expected 3"},
        {"1 2\n10 5\n1\n1 2 3 4\n", "line 4: trailing content '4'"},
        {"1 2\n10 5\n1\n1 2 3x\n", "line 4: '3x' is not a number (weight 2 of item 1 of class 1)"},
        {"1 2\n10 5\n1\n1 -2 3\n", "line 4: weight 1 of item 1 of class 1 is '-2'"},
        {"1 2\n10 5\n1\n1 NaN 3\n", "line 4: weight 1 of item 1 of class 1 is 'NaN'"},
        {"1 2\n10 5\n1\ninf 2 3\n", "line 4: value of item 1 of class 1 is 'inf'"},
        {"1 2\n10 5\n1\n1 2 3\n7\n", "line 5: extra content '7' after the last class"},
        // Blank lines count: the bad token is on line 6 of the file.
        {"1 2\n\n10 5\n\n1\n1 2 z\n", "line 6: 'z' is not a number"},
        // A class announcing more items than it has: the next count line is short.
        {"2 2\n10 5\n2\n1 2 3\n1\n4 5 6\n", "line 5: missing numbers: expected 3"},
    };

    for (const auto& c : cases)
    {
        const MmkpReadResult r = Read(c.text);
        EXPECT_FALSE(r.instance) << c.text;
        EXPECT_NE(r.error.find(c.expected), std::string::npos)
            << "file:\n"
            << c.text << "\nerror: " << r.error << "\nexpected: " << c.expected;
    }
}

TEST(MmkpFile, ToleratesCrLfAndBlankLinesAndReportsUnreadableFiles)
{
    const MmkpReadResult r = Read("1 1\r\n 4 \r\n\r\n1\r\n2.5 4\r\n\r\n");
    ASSERT_TRUE(r.instance) << r.error;
    EXPECT_EQ(r.instance->GetValue(0), 2.5);
    EXPECT_EQ(r.instance->GetWeight(0, 0), 4.0);
    const MmkpReadResult zero = Read("0 3\n1 2 3\n");
    ASSERT_TRUE(zero.instance) << zero.error;
    EXPECT_EQ(zero.instance->GetNumClasses(), 0u);
    const MmkpReadResult missing = ReadMmkpFile("/nonexistent/x.mmkp");
    EXPECT_FALSE(missing.instance);
    EXPECT_NE(missing.error.find("cannot open"), std::string::npos) << missing.error;
}
