/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-scheduler-benchmark: quality and speed of the task-scheduling
 * algorithms. Prints three tables on stdout:
 *
 *  1. Paper instances (n = 80, B in bandwidthsMhz, q = minTasks..79 step
 *     taskStep, several instances): per algorithm the mean and worst
 *     optimality gap against the proven CBC optimum, and the mean and worst
 *     time per solve.
 *  2. Equal time: the paper's tabu with growing iteration budgets against our
 *     LocalSearch, on the same instances.
 *  3. Scaling to n = 1,000 and n = 10,000 ES with q = n / 2 tasks and both
 *     capacities scaled by n / 80: time per solve and the gap against an
 *     upper bound: CBC's LP relaxation where it is small enough
 *     (lpMaxItems), otherwise the Lagrangian bound minimised by subgradient
 *     steps (its minimum equals the LP bound; a finite number of steps gives
 *     a valid but weaker bound).
 *
 * The gap is (reference - utility) / reference of the system utility U.
 * Times are wall-clock on this machine; compare algorithms within one run.
 *
 *   ./edge-dml-scheduler-benchmark                        (everything, ~10 min)
 *   ./edge-dml-scheduler-benchmark --scaleSizes=1000      (skip n = 10,000)
 */

#include "command-line-checks.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Running statistics of a gap or time.
struct Stats
{
    double sum{0};                                          //!< sum of samples
    double worst{-std::numeric_limits<double>::infinity()}; //!< largest sample
    uint32_t count{0};                                      //!< number of samples

    /// \param x a sample
    void Add(double x)
    {
        sum += x;
        worst = std::max(worst, x);
        ++count;
    }

    /// \return the mean (NaN when empty)
    double Mean() const
    {
        return count ? sum / count : std::nan("");
    }
};

/// Relative gap of a utility below a reference (NaN if the reference is 0 or not finite).
double
Gap(double utility, double reference)
{
    if (!std::isfinite(reference) || reference == 0.0)
    {
        return std::nan("");
    }
    return (reference - utility) / std::fabs(reference);
}

/**
 * The Lagrangian bound minimised by the library's subgradient steps
 * (LagrangianSubgradient, with the best known utility as the Polyak target),
 * evaluated by ComputeLagrangianBound so that its validity rests on the
 * library's tested function.
 */
double
SubgradientBound(const MmkpInstance& instance, double bestKnown, uint32_t steps)
{
    const uint32_t resources = instance.AreResourcesDisjoint() ? instance.GetNumResources() : 0;
    LagrangianSubgradient subgradient(instance, resources, 1.0, 10, 1e-9);
    LagrangianSubgradient::Hooks hooks;
    hooks.lowerBound = [&instance, bestKnown](double& lower) {
        lower = bestKnown - instance.GetBaseValue();
        return true;
    };
    subgradient.Run(steps, hooks);
    return ComputeLagrangianBound(instance, subgradient.ToRaw(subgradient.GetBestMultipliers()));
}

/// Seconds since a start point.
double
Since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string bandwidthsMhz = "10,30,50,80";
    int64_t minTasks = 10;
    int64_t maxTasks = 79;
    int64_t taskStep = 10;
    int64_t instances = 3;
    std::string algorithms = "Random,Greedy,Tabu,ExtendedTabu,Annealing,LocalSearch";
    std::string tabuIterations = "1000,10000,50000";
    std::string scaleSizes = "1000,10000";
    double scaleBaseBandwidthMhz = 30.0;
    int64_t lpMaxItems = 600000;
    int64_t subgradientSteps = 150;

    CommandLine cmd(__FILE__);
    CommandLineChecks check("edge-dml-scheduler-benchmark");
    check.AddString(cmd, "bandwidthsMhz", "paper instances: bandwidths B, in MHz", bandwidthsMhz);
    check.AddInteger(cmd, "minTasks", "paper instances: smallest q", minTasks, 0, 79);
    check.AddInteger(cmd,
                     "maxTasks",
                     "paper instances: largest q",
                     maxTasks,
                     0,
                     79,
                     "tasks (n = 80)");
    check.AddInteger(cmd, "taskStep", "paper instances: step of q", taskStep, 1, 79);
    check.AddInteger(cmd,
                     "instances",
                     "paper instances: independent draws per point",
                     instances,
                     1,
                     10000);
    check.AddString(cmd, "algorithms", "heuristics to measure, comma-separated", algorithms);
    check.AddString(cmd,
                    "tabuIterations",
                    "tabu MaxIterations budgets of the equal-time table",
                    tabuIterations);
    check.AddString(cmd,
                    "scaleSizes",
                    "numbers of ES n of the scaling table (q = n/2; at most 10000)",
                    scaleSizes);
    // Scaled by n/80 <= 125, 1e6 MHz stays within the problem's TaskBandwidthHz
    // range (<= 1e15 Hz).
    check.AddPositive(cmd,
                      "scaleBaseBandwidthMhz",
                      "scaling: bandwidth at n = 80, in MHz (x n/80)",
                      scaleBaseBandwidthMhz,
                      1e6,
                      "MHz");
    check.AddInteger(cmd,
                     "lpMaxItems",
                     "scaling: largest instance (items) bounded by CBC's LP",
                     lpMaxItems,
                     0,
                     4294967295,
                     "items");
    check.AddInteger(cmd,
                     "subgradientSteps",
                     "scaling: subgradient steps of the Lagrangian bound",
                     subgradientSteps,
                     0,
                     10000000);
    check.Parse(cmd, argc, argv);

    check.AtLeast("maxTasks", maxTasks, minTasks, "tasks, at least minTasks");
    const std::vector<double> bandwidths =
        check.PositiveList("bandwidthsMhz", bandwidthsMhz, "MHz", 1e9);
    // Tabu iterations are a uint32_t attribute. n ES with q = n/2 tasks make
    // n^2/2 items: 5e7 at n = 10000, the largest size measured (memory and
    // time grow with n^2; 100000 would need 5e9 items).
    std::vector<double> tabuBudgets;
    for (int64_t budget : check.IntegerList("tabuIterations", tabuIterations, 1, 4294967295, ""))
    {
        tabuBudgets.push_back(static_cast<double>(budget));
    }
    std::vector<double> sizes;
    for (int64_t n : check.IntegerList("scaleSizes", scaleSizes, 1, 10000, "ES"))
    {
        sizes.push_back(static_cast<double>(n));
    }
    const std::vector<std::string> names = check.SchedulerList("algorithms", algorithms);

    int64_t stream = 0;
    std::vector<Ptr<TaskScheduler>> schedulers;
    for (const auto& name : names)
    {
        schedulers.push_back(CreateTaskScheduler(name));
        stream += schedulers.back()->AssignStreams(stream);
    }
    std::vector<Ptr<TaskScheduler>> tabus;
    for (double budget : tabuBudgets)
    {
        tabus.push_back(CreateTaskScheduler("Tabu"));
        tabus.back()->SetAttribute("MaxIterations", UintegerValue(budget));
        tabus.back()->SetAttribute("MaxStallIterations", UintegerValue(budget));
        stream += tabus.back()->AssignStreams(stream);
    }
    Ptr<TaskScheduler> localSearch = CreateTaskScheduler("LocalSearch");
    stream += localSearch->AssignStreams(stream);
    Ptr<ExactTaskScheduler> exact = DynamicCast<ExactTaskScheduler>(CreateTaskScheduler("Exact"));

    // 1 and 2: the paper's instances.
    std::map<std::string, std::pair<Stats, Stats>> quality; // name -> (gap %, ms)
    std::vector<std::pair<Stats, Stats>> equalTime(tabus.size() + 1);
    Stats exactMs;
    uint32_t unproven = 0;
    SchedulingScenarioHelper scenarios;
    scenarios.AssignStreams(stream + 1000);
    for (int64_t k = 0; k < instances; ++k)
    {
        SchedulingScenario scenario = scenarios.Create(80, maxTasks);
        for (double bMhz : bandwidths)
        {
            scenario.problem->SetAttribute("TaskBandwidthHz", DoubleValue(bMhz * 1e6));
            for (int64_t q = minTasks; q <= maxTasks; q += taskStep)
            {
                scenario.problem->Build({scenario.tasks.begin(), scenario.tasks.begin() + q},
                                        scenario.servers);
                const MmkpInstance& instance = scenario.problem->GetInstance();
                const MmkpSolution optimum = exact->Schedule(instance);
                exactMs.Add(optimum.wallTimeMs);
                if (optimum.status != SolveStatus::OPTIMAL)
                {
                    ++unproven;
                    continue;
                }
                for (std::size_t a = 0; a < names.size(); ++a)
                {
                    const MmkpSolution s = schedulers[a]->Schedule(instance);
                    quality[names[a]].first.Add(100 * Gap(s.objective, optimum.objective));
                    quality[names[a]].second.Add(s.wallTimeMs);
                }
                for (std::size_t t = 0; t <= tabus.size(); ++t)
                {
                    const MmkpSolution s =
                        (t < tabus.size() ? tabus[t] : localSearch)->Schedule(instance);
                    equalTime[t].first.Add(100 * Gap(s.objective, optimum.objective));
                    equalTime[t].second.Add(s.wallTimeMs);
                }
            }
        }
        std::cerr << "\rpaper instances: " << k + 1 << "/" << instances << std::flush;
    }
    std::cerr << "\n";

    std::cout << std::fixed;
    std::cout << "== Paper instances: n = 80, B = " << bandwidthsMhz << " MHz, q = " << minTasks
              << ".." << maxTasks << " step " << taskStep << ", " << instances
              << " instances; gap vs the proven CBC optimum (" << exactMs.count - unproven
              << " solves proven, " << unproven
              << " not proven within the time limit and left out; CBC mean " << std::setprecision(1)
              << exactMs.Mean() << " ms, worst " << exactMs.worst << " ms) ==\n";
    std::cout << "algorithm      mean_gap_%  worst_gap_%   mean_ms  worst_ms\n";
    for (const auto& name : names)
    {
        const auto& [gap, ms] = quality[name];
        std::cout << std::left << std::setw(13) << name << std::right << std::setprecision(4)
                  << std::setw(12) << gap.Mean() << std::setw(13) << gap.worst
                  << std::setprecision(3) << std::setw(10) << ms.Mean() << std::setw(10) << ms.worst
                  << "\n";
    }

    std::cout << "\n== Equal time: the paper's tabu with growing budgets vs LocalSearch "
                 "(same instances) ==\n";
    std::cout << "algorithm                 mean_gap_%  worst_gap_%   mean_ms\n";
    for (std::size_t t = 0; t <= tabus.size(); ++t)
    {
        std::ostringstream label;
        if (t < tabus.size())
        {
            label << "Tabu(" << static_cast<uint64_t>(tabuBudgets[t]) << " it)";
        }
        else
        {
            label << "LocalSearch";
        }
        std::cout << std::left << std::setw(24) << label.str() << std::right << std::setprecision(4)
                  << std::setw(12) << equalTime[t].first.Mean() << std::setw(13)
                  << equalTime[t].first.worst << std::setprecision(3) << std::setw(10)
                  << equalTime[t].second.Mean() << "\n";
    }

    // 3: scaling.
    std::cout << "\n== Scaling: q = n/2, capacities x n/80 (B = " << scaleBaseBandwidthMhz
              << " MHz x n/80, E = 60 J x n/80); gap vs an upper bound ==\n";
    std::cout << "n       q      items      build_s  bound            algorithm      time_ms"
                 "   accepted  utility     gap_%\n";
    for (double nValue : sizes)
    {
        const auto n = static_cast<uint32_t>(nValue);
        const uint32_t q = n / 2;
        auto buildStart = std::chrono::steady_clock::now();
        SchedulingScenarioHelper large;
        large.AssignStreams(stream + 5000 + n);
        SchedulingScenario scenario = large.Create(n, q);
        scenario.problem->SetAttribute("TaskBandwidthHz",
                                       DoubleValue(scaleBaseBandwidthMhz * 1e6 * n / 80.0));
        scenario.problem->SetAttribute("TaskEnergyBudgetJ", DoubleValue(60.0 * n / 80.0));
        scenario.problem->Build(scenario.tasks, scenario.servers);
        const MmkpInstance& instance = scenario.problem->GetInstance();
        const double buildS = Since(buildStart);

        std::vector<MmkpSolution> solutions;
        double bestKnown = instance.GetBaseValue();
        for (auto& scheduler : schedulers)
        {
            solutions.push_back(scheduler->Schedule(instance));
            if (solutions.back().feasible)
            {
                bestKnown = std::max(bestKnown, solutions.back().objective);
            }
        }
        double bound = std::numeric_limits<double>::infinity();
        std::string boundName;
        if (static_cast<int64_t>(instance.GetNumItems()) <= lpMaxItems)
        {
            bound = exact->SolveLpRelaxationBound(instance);
            boundName = "CBC LP";
        }
        else
        {
            bound = SubgradientBound(instance, bestKnown, subgradientSteps);
            boundName = "Lagrangian";
        }
        for (const auto& s : solutions)
        {
            bound = std::min(bound, s.upperBound); // any proven bound is valid
        }
        for (std::size_t a = 0; a < names.size(); ++a)
        {
            const MmkpSolution& s = solutions[a];
            std::cout << std::left << std::setw(8) << n << std::setw(7) << q << std::setw(11)
                      << instance.GetNumItems() << std::right << std::setprecision(1)
                      << std::setw(7) << buildS << "  " << std::left << std::setw(11) << boundName
                      << std::right << std::setprecision(4) << std::setw(6) << bound << " "
                      << std::left << std::setw(13) << names[a] << std::right
                      << std::setprecision(1) << std::setw(9) << s.wallTimeMs << std::setw(11)
                      << s.accepted << std::setprecision(4) << std::setw(9) << s.objective
                      << std::setprecision(3) << std::setw(10) << 100 * Gap(s.objective, bound)
                      << "\n";
        }
    }
    return 0;
}
