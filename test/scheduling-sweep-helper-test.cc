/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * SchedulingSweepHelper: common random numbers (the instances and each
 * algorithm's result depend only on the point, never on which algorithms
 * run), the greedy start shared by the searches, and the binding analysis.
 */

#include "ns3/double.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/scheduling-sweep-helper.h"
#include "ns3/string.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <tuple>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Key of a record: (algorithm, B, q, instance).
using Key = std::tuple<std::string, double, uint32_t, uint32_t>;

/// \return the records by key \param algorithms the schedulers to run
std::map<Key, SweepRecord>
RunSmallSweep(const std::vector<std::string>& algorithms, bool binding = false)
{
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(1);
    SchedulingSweepHelper sweep;
    sweep.SetAlgorithms(algorithms);
    sweep.SetBindingAnalysis(binding);
    sweep.GetScenarios().SetProblemAttribute("Preset", StringValue("SharedBandwidth"));
    sweep.GetScenarios().SetProblemAttribute("TaskEnergyBudgetJ", DoubleValue(2.0));
    sweep.AssignStreams(40);
    std::map<Key, SweepRecord> byKey;
    for (auto& r : sweep.Run(20, {4.0, 12.0}, 3, 12, 3, 2))
    {
        byKey[{r.algorithm, r.bandwidthMhz, r.numTasks, r.instance}] = r;
    }
    return byKey;
}

} // namespace

// The instances of a point, and an algorithm's result there, do not depend on
// which other algorithms run; every greedy-started search starts from the
// greedy's placement, so it is never below it.
TEST(SchedulingSweepHelper, CommonRandomNumbersWhateverTheAlgorithms)
{
    const auto alone = RunSmallSweep({"Greedy", "Exact"});
    const auto all = RunSmallSweep({"Random", "Tabu", "Annealing", "Greedy", "Exact"});
    ASSERT_EQ(alone.size(), 2u * 2 * 4 * 2);
    uint32_t points = 0;
    for (const auto& [key, r] : alone)
    {
        const auto& [algorithm, b, q, k] = key;
        const SweepRecord& same = all.at(key);
        EXPECT_EQ(r.solution.assignment, same.solution.assignment)
            << algorithm << " " << b << " " << q;
        EXPECT_EQ(r.solution.objective, same.solution.objective);
        EXPECT_EQ(r.trainingUtility, same.trainingUtility);
        if (algorithm == "Greedy")
        {
            ++points;
            EXPECT_EQ(r.optimalUtility, same.optimalUtility);
            EXPECT_TRUE(std::isfinite(r.optimalUtility));
            for (const char* search : {"Tabu", "Annealing"})
            {
                const SweepRecord& s = all.at({search, b, q, k});
                EXPECT_GE(s.solution.objective, r.solution.objective - 1e-12)
                    << search << " below its greedy start at B=" << b << " q=" << q;
                EXPECT_LE(s.solution.objective, r.optimalUtility * (1 + 1e-6)); // CBC's tolerance
            }
        }
    }
    EXPECT_EQ(points, 16u);
}

// Binding: a capacity binds at the optimum iff lifting it raises the proven
// optimum; the referee's records carry the verdicts, the others -1.
TEST(SchedulingSweepHelper, BindingAnalysisLiftsOneCapacity)
{
    const auto records = RunSmallSweep({"Greedy", "Exact"}, true);
    uint32_t energy = 0;
    uint32_t bandwidth = 0;
    for (const auto& [key, r] : records)
    {
        if (std::get<0>(key) != "Exact")
        {
            EXPECT_EQ(r.bandwidthBinds, -1);
            EXPECT_EQ(r.energyBinds, -1);
            continue;
        }
        ASSERT_GE(r.bandwidthBinds, 0);
        ASSERT_GE(r.energyBinds, 0);
        bandwidth += r.bandwidthBinds;
        energy += r.energyBinds;
        // Nothing binds only if the solution uses little of both capacities.
        if (r.energyBinds)
        {
            EXPECT_GT(r.energyUsedJ, 2.0 * 0.5);
        }
    }
    // 4 MHz for 20 training uploads binds everywhere; 2 J binds somewhere.
    EXPECT_GT(bandwidth, 8u);
    EXPECT_GT(energy, 0u);
}
