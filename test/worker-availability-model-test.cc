/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The volatile-worker availability models (AlwaysAvailable,
 * BernoulliAvailability, MarkovOnOffAvailability) and the shifted
 * exponential straggler delay, on their own: closed forms against long
 * pinned-seed runs.
 */

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/edge-dml-module.h"
#include "ns3/enum.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/string.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Pinned seed and run for every test here.
class AvailabilityModelTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
    }
};

/// \return a Markov model with a, b and a stream
Ptr<MarkovOnOffAvailability>
MakeMarkov(double a, double b, int64_t stream)
{
    auto model = CreateObject<MarkovOnOffAvailability>();
    model->SetAttribute("ProbabilityOnToOff", DoubleValue(a));
    model->SetAttribute("ProbabilityOffToOn", DoubleValue(b));
    EXPECT_EQ(model->AssignStreams(stream), 1);
    return model;
}

/// \return z standard deviations of a binomial fraction
double
Binomial(double p, double n, double z = 4.5)
{
    return z * std::sqrt(p * (1 - p) / n);
}

} // namespace

// AlwaysAvailable: available in every round, no stream.
TEST_F(AvailabilityModelTest, AlwaysAvailable)
{
    auto model = CreateObject<AlwaysAvailable>();
    EXPECT_EQ(model->AssignStreams(7), 0);
    for (uint32_t round = 0; round < 100; round += 3)
    {
        EXPECT_TRUE(model->IsAvailable(round));
    }
}

// Bernoulli: fraction within a binomial bound of p_a; p_a = 0 and 1 are
// exact; the same stream gives the same sequence.
TEST_F(AvailabilityModelTest, BernoulliFractionAndStreams)
{
    const uint32_t n = 100000;
    auto model = CreateObject<BernoulliAvailability>();
    model->SetAttribute("ProbabilityAvailable", DoubleValue(0.35));
    EXPECT_EQ(model->AssignStreams(3), 1);
    auto twin = CreateObject<BernoulliAvailability>();
    twin->SetAttribute("ProbabilityAvailable", DoubleValue(0.35));
    twin->AssignStreams(3);
    uint32_t available = 0;
    for (uint32_t round = 0; round < n; ++round)
    {
        const bool a = model->IsAvailable(round);
        EXPECT_EQ(a, twin->IsAvailable(round));
        available += a ? 1 : 0;
    }
    EXPECT_NEAR(static_cast<double>(available) / n, 0.35, Binomial(0.35, n));
    for (const double p : {0.0, 1.0})
    {
        auto extreme = CreateObject<BernoulliAvailability>();
        extreme->SetAttribute("ProbabilityAvailable", DoubleValue(p));
        extreme->AssignStreams(4);
        for (uint32_t round = 0; round < 1000; ++round)
        {
            EXPECT_EQ(extreme->IsAvailable(round), p == 1.0);
        }
    }
}

// Markov, asked every round: the stationary fraction b / (a + b), the
// one-step transition frequencies 1 - a and b, and the mean on- and
// off-run lengths 1 / a and 1 / b.
TEST_F(AvailabilityModelTest, MarkovStationaryFractionTransitionsAndRuns)
{
    const double a = 0.1;
    const double b = 0.3;
    const uint32_t n = 200000;
    auto model = MakeMarkov(a, b, 11);
    EXPECT_DOUBLE_EQ(model->GetStationaryProbabilityOn(), 0.75);
    std::vector<bool> sequence;
    for (uint32_t round = 0; round < n; ++round)
    {
        sequence.push_back(model->IsAvailable(round));
    }
    const double pi = 0.75;
    const double lambda = 1 - a - b;
    const double fraction = std::count(sequence.begin(), sequence.end(), true) / double(n);
    EXPECT_NEAR(fraction, pi, 4.5 * std::sqrt(pi * (1 - pi) * (1 + lambda) / (1 - lambda) / n));
    uint32_t fromOn = 0;
    uint32_t onOn = 0;
    uint32_t fromOff = 0;
    uint32_t offOn = 0;
    uint32_t onRuns = 0;
    uint32_t offRuns = 0;
    for (uint32_t t = 1; t < n; ++t)
    {
        if (sequence[t - 1])
        {
            ++fromOn;
            onOn += sequence[t] ? 1 : 0;
        }
        else
        {
            ++fromOff;
            offOn += sequence[t] ? 1 : 0;
        }
    }
    for (uint32_t t = 0; t < n; ++t)
    {
        if (t == 0 || sequence[t] != sequence[t - 1])
        {
            ++(sequence[t] ? onRuns : offRuns);
        }
    }
    EXPECT_NEAR(static_cast<double>(onOn) / fromOn, 1 - a, Binomial(1 - a, fromOn));
    EXPECT_NEAR(static_cast<double>(offOn) / fromOff, b, Binomial(b, fromOff));
    const double on = std::count(sequence.begin(), sequence.end(), true);
    const double meanOn = on / onRuns;
    const double meanOff = (n - on) / offRuns;
    EXPECT_NEAR(meanOn, 1 / a, 4.5 * std::sqrt(1 - a) / a / std::sqrt(onRuns));
    EXPECT_NEAR(meanOff, 1 / b, 4.5 * std::sqrt(1 - b) / b / std::sqrt(offRuns));
}

// Markov asked every 4th round: the chain steps 4 times in between, so the
// transition frequencies are the 4-step closed forms pi + (1 - pi) l^4 and
// pi (1 - l^4).
TEST_F(AvailabilityModelTest, MarkovSkippedRoundsUseTheKStepTransition)
{
    const double a = 0.1;
    const double b = 0.3;
    auto model = MakeMarkov(a, b, 12);
    const double pi = 0.75;
    const double l4 = std::pow(1 - a - b, 4);
    EXPECT_NEAR(model->GetProbabilityOnAfter(4, true), pi + (1 - pi) * l4, 1e-15);
    EXPECT_NEAR(model->GetProbabilityOnAfter(4, false), pi * (1 - l4), 1e-15);
    EXPECT_EQ(model->GetProbabilityOnAfter(1, true), 1 - a);
    EXPECT_EQ(model->GetProbabilityOnAfter(1, false), b);
    uint32_t fromOn = 0;
    uint32_t onOn = 0;
    uint32_t fromOff = 0;
    uint32_t offOn = 0;
    bool previous = model->IsAvailable(0);
    for (uint32_t round = 4; round < 4 * 100000; round += 4)
    {
        const bool now = model->IsAvailable(round);
        ++(previous ? fromOn : fromOff);
        if (now)
        {
            ++(previous ? onOn : offOn);
        }
        previous = now;
    }
    const double pOnOn = pi + (1 - pi) * l4;
    const double pOffOn = pi * (1 - l4);
    EXPECT_NEAR(static_cast<double>(onOn) / fromOn, pOnOn, Binomial(pOnOn, fromOn));
    EXPECT_NEAR(static_cast<double>(offOn) / fromOff, pOffOn, Binomial(pOffOn, fromOff));
}

// InitialState: Stationary starts on with probability pi_on over many
// workers; On and Off are exact; with a = b = 0 the state never changes.
TEST_F(AvailabilityModelTest, MarkovInitialState)
{
    const uint32_t workers = 4000;
    uint32_t on = 0;
    for (uint32_t i = 0; i < workers; ++i)
    {
        on += MakeMarkov(0.2, 0.2, 100 + i)->IsAvailable(0) ? 1 : 0;
    }
    EXPECT_NEAR(static_cast<double>(on) / workers, 0.5, Binomial(0.5, workers));
    for (const std::string state : {"On", "Off"})
    {
        auto model = MakeMarkov(0.0, 0.0, 5);
        model->SetAttribute("InitialState", StringValue(state));
        for (uint32_t round = 0; round < 50; ++round)
        {
            EXPECT_EQ(model->IsAvailable(round), state == "On") << state << " round " << round;
        }
    }
    EXPECT_EQ(MakeMarkov(0.0, 0.0, 6)->GetStationaryProbabilityOn(), 1.0);
}

// ShiftedExponentialRandomVariable: never below Shift, mean Shift + Mean,
// the median Shift + Mean ln 2, antithetic draws mirror u, Mean = 0 is
// the constant Shift.
TEST_F(AvailabilityModelTest, ShiftedExponential)
{
    const double shift = 0.05;
    const double mean = 0.2;
    const uint32_t n = 100000;
    auto x = CreateObject<ShiftedExponentialRandomVariable>();
    x->SetAttribute("Shift", DoubleValue(shift));
    x->SetAttribute("Mean", DoubleValue(mean));
    x->SetStream(21);
    auto mirror = CreateObject<ShiftedExponentialRandomVariable>();
    mirror->SetAttribute("Shift", DoubleValue(shift));
    mirror->SetAttribute("Mean", DoubleValue(mean));
    mirror->SetAttribute("Antithetic", BooleanValue(true));
    mirror->SetStream(21);
    double sum = 0.0;
    double minimum = 1e9;
    uint32_t belowMedian = 0;
    for (uint32_t k = 0; k < n; ++k)
    {
        const double v = x->GetValue();
        const double w = mirror->GetValue();
        // u = exp(-(v - shift) / mean) and 1 - u = exp(-(w - shift) / mean).
        EXPECT_NEAR(std::exp(-(v - shift) / mean) + std::exp(-(w - shift) / mean), 1.0, 1e-9);
        sum += v;
        minimum = std::min(minimum, v);
        belowMedian += v <= shift + mean * std::log(2.0) ? 1 : 0;
    }
    EXPECT_GE(minimum, shift);
    EXPECT_NEAR(sum / n, shift + mean, 4.5 * mean / std::sqrt(n));
    EXPECT_NEAR(static_cast<double>(belowMedian) / n, 0.5, Binomial(0.5, n));
    auto constant = CreateObject<ShiftedExponentialRandomVariable>();
    constant->SetAttribute("Shift", DoubleValue(0.3));
    constant->SetAttribute("Mean", DoubleValue(0.0));
    EXPECT_EQ(constant->GetValue(), 0.3);
    EXPECT_EQ(constant->GetInteger(), 0u);
}
