/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The checks of the paper's four findings: on hand-made curves (each check
 * can fail), and on the default reading at the paper's scale (a reduced
 * sweep with pinned streams; the directions of the trends, not values).
 */

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/paper-findings.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/string.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <iostream>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// \return a feasible record \param a algorithm \param b B \param q tasks \param k instance
/// \param ut U_T
SweepRecord
Record(const std::string& a, double b, uint32_t q, uint32_t k, double ut)
{
    SweepRecord r;
    r.algorithm = a;
    r.bandwidthMhz = b;
    r.numTasks = q;
    r.instance = k;
    r.solution.feasible = true;
    r.solution.objective = ut + 0.01 * q;
    r.trainingUtility = ut;
    return r;
}

/// Curves that show all four findings: utility = level(B) - slope(B) q,
/// flat at the smallest B; Tabu ahead at many tasks; Random noisy.
std::vector<SweepRecord>
Paper(const std::function<double(const std::string&, double, uint32_t, uint32_t)>& tweak)
{
    std::vector<SweepRecord> records;
    for (uint32_t k = 0; k < 3; ++k)
    {
        for (double b : {10.0, 30.0, 80.0})
        {
            for (uint32_t q : {10u, 30u, 50u, 70u})
            {
                const double base = 0.2 + b / 200.0 - (b > 10 ? b / 20000.0 : 0.0002) * q;
                for (const char* a : {"Tabu", "Annealing", "Greedy", "Random"})
                {
                    const std::string name(a);
                    double lead = name == "Tabu" ? 0.0 : (q - 10) * 0.001;
                    double noise = name == "Random" ? (k == 1 ? 0.01 : -0.005) : 0.0;
                    records.push_back(
                        Record(name, b, q, k, base - lead + noise + tweak(name, b, q, k)));
                }
            }
        }
    }
    return records;
}

/// \return which findings hold \param records the sweep
std::vector<bool>
Verdicts(const std::vector<SweepRecord>& records)
{
    std::vector<bool> v;
    for (const auto& f : CheckPaperFindings(records, PaperFindingsOptions()))
    {
        v.push_back(f.holds);
    }
    return v;
}

} // namespace

// Every check holds on curves made to show the findings, and each fails when
// its own property is broken.
TEST(PaperFindings, EachCheckCanFail)
{
    auto none = [](const std::string&, double, uint32_t, uint32_t) { return 0.0; };
    EXPECT_EQ(Verdicts(Paper(none)), (std::vector<bool>{true, true, true, true}));
    // 1: the 80 MHz curve rises at the end.
    auto rises = [](const std::string&, double b, uint32_t q, uint32_t) {
        return b == 80 && q == 70 ? 0.5 : 0.0;
    };
    EXPECT_FALSE(Verdicts(Paper(rises))[0]);
    // 2: 30 MHz above 80 MHz at q = 30.
    auto crossed = [](const std::string&, double b, uint32_t q, uint32_t) {
        return b == 30 && q == 30 ? 0.3 : 0.0;
    };
    EXPECT_FALSE(Verdicts(Paper(crossed))[1]);
    // 3: the 10 MHz curve keeps falling steeply.
    auto steep = [](const std::string&, double b, uint32_t q, uint32_t) {
        return b == 10 ? -0.01 * q : 0.0;
    };
    EXPECT_FALSE(Verdicts(Paper(steep))[2]);
    // 4: Greedy level with Tabu at many tasks; or far apart at few tasks;
    // or Random as steady as the others.
    auto level = [](const std::string& a, double, uint32_t q, uint32_t) {
        return a == "Greedy" ? (q - 10) * 0.001 : 0.0;
    };
    EXPECT_FALSE(Verdicts(Paper(level))[3]);
    auto apart = [](const std::string& a, double, uint32_t q, uint32_t) {
        return a == "Annealing" && q == 10 ? -0.2 : 0.0;
    };
    EXPECT_FALSE(Verdicts(Paper(apart))[3]);
    auto steady = [](const std::string& a, double, uint32_t, uint32_t k) {
        return a == "Random" ? (k == 1 ? -0.01 : 0.005) : 0.0;
    };
    EXPECT_FALSE(Verdicts(Paper(steady))[3]);
    // A missing algorithm is reported, not assumed.
    auto records = Paper(none);
    records.erase(std::remove_if(records.begin(),
                                 records.end(),
                                 [](const SweepRecord& r) { return r.algorithm == "Annealing"; }),
                  records.end());
    const auto findings = CheckPaperFindings(records, PaperFindingsOptions());
    EXPECT_FALSE(findings[3].holds);
    EXPECT_NE(findings[3].evidence.find("Annealing"), std::string::npos);
}

// The default reading of edge-dml-paper (SharedBandwidth, E_max = 10 J) at
// the paper's scale (n = 80), on a reduced sweep with the program's pinned
// streams: the paper's greedy + tabu shows findings 1 (every curve falls with
// q) and 2 (a larger B gives a higher curve). Findings 3 (a plateau at the
// smallest B) and 4 (tabu clearly ahead, random the least stable) do not come
// out under this reading (the documentation shows the evidence); their
// verdicts are printed, not asserted.
TEST(PaperFindingsAtScale, DefaultReadingShowsFindingsOneAndTwo)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    SchedulingSweepHelper sweep;
    sweep.SetAlgorithms({"Tabu", "Annealing", "Greedy", "Random"});
    sweep.GetScenarios().SetProblemAttribute("Preset", StringValue("SharedBandwidth"));
    sweep.GetScenarios().SetProblemAttribute("TaskEnergyBudgetJ", DoubleValue(10.0));
    sweep.AssignStreams(0);
    const auto records = sweep.Run(80, {10.0, 30.0, 80.0}, 10, 70, 20, 3);
    const auto findings = CheckPaperFindings(records, PaperFindingsOptions());
    ASSERT_EQ(findings.size(), 4u);
    for (const auto& f : findings)
    {
        std::cout << "finding " << f.number << " (" << (f.holds ? "holds" : "does not hold")
                  << "): " << f.evidence << std::endl;
        if (f.number <= 2)
        {
            EXPECT_TRUE(f.holds) << "finding " << f.number << ": " << f.claim;
        }
    }
}
