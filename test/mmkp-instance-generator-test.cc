/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The generator of hard correlated MMKP instances: the construction as
 * documented (checked number by number), reproducible by stream, and the
 * instances under test/data/mmkp are exactly what it writes.
 */

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/mmkp-file.h"
#include "ns3/mmkp-instance-generator.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// A generator of q classes, fixed stream 0 under seed 1, run 1.
Ptr<MmkpInstanceGenerator>
MakeGenerator(uint32_t classes, uint32_t items, uint32_t dims)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    auto generator = CreateObject<MmkpInstanceGenerator>();
    generator->SetAttribute("Classes", UintegerValue(classes));
    generator->SetAttribute("ItemsPerClass", UintegerValue(items));
    generator->SetAttribute("Dimensions", UintegerValue(dims));
    generator->AssignStreams(0);
    return generator;
}

/// \return the text WriteMmkp gives for an instance
std::string
Written(const MmkpInstance& instance)
{
    std::ostringstream os;
    std::string error;
    EXPECT_TRUE(WriteMmkp(os, instance, false, error)) << error;
    return os.str();
}

/// \return the contents of a file \param path the file
std::string
Slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

} // namespace

// Every number follows the documented construction: weights are integers
// in [0, MaxWeight], a value is the sum of its item's weights plus an
// integer noise in [0, ValueNoise], a capacity is floor(CapacityFraction x
// the sum over the classes of their largest weight); every class must take
// an item; no resources.
TEST(MmkpInstanceGenerator, FollowsTheCorrelatedConstruction)
{
    const MmkpInstance instance = MakeGenerator(40, 10, 10)->Generate();
    ASSERT_EQ(instance.GetNumClasses(), 40u);
    ASSERT_EQ(instance.GetNumDimensions(), 10u);
    EXPECT_TRUE(instance.MustAssignAll());
    EXPECT_FALSE(instance.AreResourcesDisjoint());
    EXPECT_EQ(instance.GetBaseValue(), 0.0);
    std::vector<double> maxSum(10, 0.0);
    double noiseMin = 1e9;
    double noiseMax = -1e9;
    for (uint32_t j = 0; j < 40; ++j)
    {
        ASSERT_EQ(instance.GetNumItems(j), 10u);
        std::vector<double> classMax(10, 0.0);
        for (int64_t k = instance.GetFirstItem(j); k < instance.GetEndItem(j); ++k)
        {
            double total = 0.0;
            for (uint32_t d = 0; d < 10; ++d)
            {
                const double w = instance.GetWeight(k, d);
                EXPECT_EQ(w, std::floor(w));
                EXPECT_GE(w, 0.0);
                EXPECT_LE(w, 100.0);
                total += w;
                classMax[d] = std::max(classMax[d], w);
            }
            const double noise = instance.GetValue(k) - total;
            EXPECT_EQ(noise, std::floor(noise));
            noiseMin = std::min(noiseMin, noise);
            noiseMax = std::max(noiseMax, noise);
            EXPECT_EQ(instance.GetResource(k), MmkpInstance::NO_RESOURCE);
        }
        for (uint32_t d = 0; d < 10; ++d)
        {
            maxSum[d] += classMax[d];
        }
    }
    EXPECT_GE(noiseMin, 0.0);
    EXPECT_LE(noiseMax, 100.0);
    EXPECT_GT(noiseMax - noiseMin, 50.0); // the noise spreads over its range
    for (uint32_t d = 0; d < 10; ++d)
    {
        EXPECT_EQ(instance.GetCapacity(d), std::floor(0.5 * maxSum[d]));
    }
}

// The same stream gives the same instance, another stream another; a second
// Generate() draws a new one; Valued instances when asked.
TEST(MmkpInstanceGenerator, ReproducibleByStream)
{
    const std::string a = Written(MakeGenerator(20, 5, 3)->Generate());
    const std::string b = Written(MakeGenerator(20, 5, 3)->Generate());
    EXPECT_EQ(a, b);
    auto other = MakeGenerator(20, 5, 3);
    other->AssignStreams(1);
    EXPECT_NE(Written(other->Generate()), a);
    auto twice = MakeGenerator(20, 5, 3);
    twice->Generate();
    EXPECT_NE(Written(twice->Generate()), a);
    auto valued = MakeGenerator(20, 5, 3);
    valued->SetAttribute("MustAssignAll", BooleanValue(false));
    EXPECT_FALSE(valued->Generate().MustAssignAll());
    EXPECT_EQ(MakeGenerator(1, 1, 1)->AssignStreams(0), 1);
}

// The hard instances under test/data/mmkp are the generator's, byte for
// byte: edge-dml-mmkp-generator --classes=30 (and 100) with its defaults
// (10 items, 10 dimensions, seed 1, run 1, stream 0).
TEST(MmkpInstanceGenerator, TestDataFilesAreTheGenerators)
{
    for (uint32_t classes : {30U, 100U})
    {
        const std::string path = std::string(EDGE_DML_TEST_DATA_DIR) + "/mmkp/hard-" +
                                 std::to_string(classes) + "x10x10.mmkp";
        EXPECT_EQ(Slurp(path), Written(MakeGenerator(classes, 10, 10)->Generate())) << path;
    }
}
