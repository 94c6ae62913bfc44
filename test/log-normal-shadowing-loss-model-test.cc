/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * LogNormalShadowingLossModel: N(0, sigma) dB over pairs, fixed per unordered
 * pair, reproducible by stream.
 */

#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/log-normal-shadowing-loss-model.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/rng-seed-manager.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using ns3::edgedml::LogNormalShadowingLossModel;

namespace
{

/// \param count how many \param x0 first x \return models on a line, 1 m apart
std::vector<Ptr<MobilityModel>>
MakeModels(uint32_t count, double x0)
{
    std::vector<Ptr<MobilityModel>> models;
    for (uint32_t k = 0; k < count; ++k)
    {
        auto m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(Vector(x0 + k, 0.0, 0.0));
        models.push_back(m);
    }
    return models;
}

} // namespace

TEST(LogNormalShadowingLossModel, MeanStdAndShapeOverManyPairs)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    auto model = CreateObject<LogNormalShadowingLossModel>();
    EXPECT_EQ(model->AssignStreams(7), 1);
    const auto a = MakeModels(200, 0.0);
    const auto b = MakeModels(200, 1000.0);
    double sum = 0.0;
    double sumSq = 0.0;
    uint32_t withinOneSigma = 0;
    uint32_t n = 0;
    for (const auto& x : a)
    {
        for (const auto& y : b)
        {
            const double loss = 30.0 - model->CalcRxPower(30.0, x, y);
            sum += loss;
            sumSq += loss * loss;
            withinOneSigma += (std::abs(loss) <= 8.0) ? 1 : 0;
            ++n;
        }
    }
    const double mean = sum / n;
    const double stdDev = std::sqrt(sumSq / n - mean * mean);
    // 40,000 pairs: the standard error of the mean is 8 / 200 = 0.04 dB and
    // that of the standard deviation about 8 / sqrt(2 * 40000) = 0.028 dB;
    // the bounds are 5 standard errors.
    EXPECT_NEAR(mean, 0.0, 0.2);
    EXPECT_NEAR(stdDev, 8.0, 0.14);
    // P(|Z| <= 1) = 0.6827; the standard error of the fraction is 0.0023.
    EXPECT_NEAR(static_cast<double>(withinOneSigma) / n, 0.6827, 0.0116);
}

TEST(LogNormalShadowingLossModel, SymmetricAndFixedOverTime)
{
    auto model = CreateObject<LogNormalShadowingLossModel>();
    model->SetAttribute("StandardDeviationDb", DoubleValue(6.0));
    model->AssignStreams(3);
    const auto a = MakeModels(5, 0.0);
    std::vector<double> first;
    for (uint32_t i = 0; i < a.size(); ++i)
    {
        for (uint32_t j = 0; j < a.size(); ++j)
        {
            const double ab = model->GetShadowingLossDb(a[i], a[j]);
            EXPECT_EQ(ab, model->GetShadowingLossDb(a[j], a[i]));
            EXPECT_EQ(model->CalcRxPower(10.0, a[i], a[j]), model->CalcRxPower(10.0, a[j], a[i]));
            first.push_back(ab);
        }
    }
    // The same pairs queried again, after moving a node: still the same loss.
    a[0]->SetPosition(Vector(-300.0, 7.0, 0.0));
    std::size_t k = 0;
    for (uint32_t i = 0; i < a.size(); ++i)
    {
        for (uint32_t j = 0; j < a.size(); ++j)
        {
            EXPECT_EQ(model->GetShadowingLossDb(a[i], a[j]), first[k++]);
        }
    }
    // Distinct pairs differ.
    EXPECT_NE(first[1], first[2]);
}

TEST(LogNormalShadowingLossModel, ChainedAfterPathLossAndReproducibleByStream)
{
    auto run = [](int64_t stream) {
        RngSeedManager::SetSeed(5);
        RngSeedManager::SetRun(2);
        auto pathLoss = CreateObject<LogDistancePropagationLossModel>();
        auto shadowing = CreateObject<LogNormalShadowingLossModel>();
        pathLoss->SetNext(shadowing);
        EXPECT_EQ(pathLoss->AssignStreams(stream), 1); // LogDistance uses none
        const auto a = MakeModels(4, 10.0);
        const auto b = MakeModels(4, 200.0);
        std::vector<double> shadow;
        for (const auto& x : a)
        {
            for (const auto& y : b)
            {
                const double total = 20.0 - pathLoss->CalcRxPower(20.0, x, y);
                Ptr<LogDistancePropagationLossModel> alone =
                    CreateObject<LogDistancePropagationLossModel>();
                const double pathOnly = 20.0 - alone->CalcRxPower(20.0, x, y);
                EXPECT_NEAR(total - pathOnly, shadowing->GetShadowingLossDb(x, y), 1e-9);
                shadow.push_back(total - pathOnly);
            }
        }
        return shadow;
    };
    const auto s1 = run(11);
    const auto s2 = run(11);
    const auto s3 = run(12);
    ASSERT_EQ(s1.size(), s2.size());
    for (std::size_t k = 0; k < s1.size(); ++k)
    {
        EXPECT_NEAR(s1[k], s2[k], 1e-9);
    }
    EXPECT_GT(std::abs(s1[0] - s3[0]), 1e-6);
}

TEST(LogNormalShadowingLossModel, ZeroSigmaAddsNothing)
{
    auto model = CreateObject<LogNormalShadowingLossModel>();
    model->SetAttribute("StandardDeviationDb", DoubleValue(0.0));
    const auto a = MakeModels(2, 0.0);
    EXPECT_EQ(model->CalcRxPower(-3.5, a[0], a[1]), -3.5);
}
