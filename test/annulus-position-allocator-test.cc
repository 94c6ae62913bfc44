/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/annulus-position-allocator.h"
#include "ns3/double.h"
#include "ns3/rng-seed-manager.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;
using ns3::edgedml::AnnulusPositionAllocator;

namespace
{

Ptr<AnnulusPositionAllocator>
MakeAllocator(double minRadiusM, double maxRadiusM)
{
    auto allocator = CreateObject<AnnulusPositionAllocator>();
    allocator->SetAttribute("MinRadiusM", DoubleValue(minRadiusM));
    allocator->SetAttribute("MaxRadiusM", DoubleValue(maxRadiusM));
    allocator->AssignStreams(0);
    return allocator;
}

} // namespace

// Every point lies in the annulus, and the fraction inside radius r matches
// the area law (r^2 - a^2) / (b^2 - a^2) within a binomial 5-sigma bound.
TEST(AnnulusPositionAllocator, PointsAreUniformByArea)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    const double a = 50.0;
    const double b = 500.0;
    auto allocator = MakeAllocator(a, b);
    allocator->SetCentre(Vector(10.0, -20.0, 1.5));
    const int draws = 20000;
    const double r = 300.0;
    int inside = 0;
    for (int k = 0; k < draws; ++k)
    {
        const Vector p = allocator->GetNext();
        const double d = std::hypot(p.x - 10.0, p.y + 20.0);
        ASSERT_GE(d, a - 1e-9);
        ASSERT_LE(d, b + 1e-9);
        ASSERT_DOUBLE_EQ(p.z, 1.5);
        inside += d < r ? 1 : 0;
    }
    const double expected = (r * r - a * a) / (b * b - a * a);
    const double sigma = std::sqrt(expected * (1.0 - expected) / draws);
    EXPECT_NEAR(static_cast<double>(inside) / draws, expected, 5.0 * sigma);
}

TEST(AnnulusPositionAllocator, SameStreamGivesSamePositions)
{
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(2);
    auto first = MakeAllocator(50.0, 500.0);
    auto second = MakeAllocator(50.0, 500.0);
    for (int k = 0; k < 10; ++k)
    {
        const Vector p = first->GetNext();
        const Vector q = second->GetNext();
        EXPECT_EQ(p.x, q.x);
        EXPECT_EQ(p.y, q.y);
    }
}
