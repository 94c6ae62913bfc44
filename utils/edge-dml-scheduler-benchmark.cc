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

#include "attribute-text.h"
#include "program-options.h"

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
 * Minimise the Lagrangian bound by projected subgradient steps (Polyak step
 * towards a target of the best known utility). Returns the best bound,
 * evaluated by ComputeLagrangianBound so that its validity rests on the
 * library's tested function.
 */
double
SubgradientBound(const MmkpInstance& instance, double bestKnown, uint32_t steps)
{
    const uint32_t dims = instance.GetNumDimensions();
    const uint32_t resources = instance.GetNumResources();
    const bool disjoint = instance.AreResourcesDisjoint();
    LagrangianMultipliers mult;
    mult.capacityPrices.assign(dims, 0.0);
    mult.resourcePrices.assign(disjoint ? resources : 0, 0.0);
    LagrangianMultipliers best = mult;
    double bestBound = ComputeLagrangianBound(instance, mult);
    double factor = 1.0;
    uint32_t sinceBetter = 0;
    std::vector<double> gCap(dims);
    std::vector<double> gRes(mult.resourcePrices.size());
    for (uint32_t step = 0; step < steps; ++step)
    {
        // Subgradient at the current multipliers: C_d - load_d, 1 - uses_r.
        std::fill(gCap.begin(), gCap.end(), 0.0);
        std::fill(gRes.begin(), gRes.end(), 1.0);
        for (uint32_t d = 0; d < dims; ++d)
        {
            gCap[d] = instance.GetCapacity(d);
        }
        double value = instance.GetBaseValue();
        for (uint32_t d = 0; d < dims; ++d)
        {
            value += mult.capacityPrices[d] * instance.GetCapacity(d);
        }
        for (double mu : mult.resourcePrices)
        {
            value += mu;
        }
        for (uint32_t j = 0; j < instance.GetNumClasses(); ++j)
        {
            int64_t arg = MmkpInstance::REJECTED;
            double bestReduced =
                instance.MustAssignAll() ? -std::numeric_limits<double>::infinity() : 0.0;
            for (int64_t k = instance.GetFirstItem(j); k < instance.GetEndItem(j); ++k)
            {
                const double* w = instance.GetWeights(k);
                double reduced = instance.GetValue(k);
                bool fits = true;
                for (uint32_t d = 0; d < dims; ++d)
                {
                    reduced -= mult.capacityPrices[d] * w[d];
                    fits = fits && w[d] <= instance.GetCapacity(d) * (1 + 1e-9);
                }
                const int32_t r = instance.GetResource(k);
                if (disjoint && r >= 0)
                {
                    reduced -= mult.resourcePrices[r];
                }
                if (fits && reduced > bestReduced)
                {
                    bestReduced = reduced;
                    arg = k;
                }
            }
            if (arg == MmkpInstance::REJECTED)
            {
                continue;
            }
            value += bestReduced;
            const double* w = instance.GetWeights(arg);
            for (uint32_t d = 0; d < dims; ++d)
            {
                gCap[d] -= w[d];
            }
            const int32_t r = instance.GetResource(arg);
            if (disjoint && r >= 0)
            {
                gRes[r] -= 1.0;
            }
        }
        if (value < bestBound - 1e-12)
        {
            bestBound = value;
            best = mult;
            sinceBetter = 0;
        }
        else if (++sinceBetter >= 10)
        {
            factor /= 2;
            sinceBetter = 0;
        }
        // Steps on prices per fraction of capacity, so that dimensions in
        // different units (Hz, J) and the resources step alike.
        for (uint32_t d = 0; d < dims; ++d)
        {
            const double c = instance.GetCapacity(d);
            gCap[d] = c > 0 ? gCap[d] / c : 0.0;
        }
        double norm = 0;
        for (uint32_t d = 0; d < dims; ++d)
        {
            norm += gCap[d] * gCap[d];
        }
        for (double g : gRes)
        {
            norm += g * g;
        }
        if (norm == 0)
        {
            break; // the relaxed solution is feasible and complementary
        }
        const double stepSize = factor * std::max(value - bestKnown, 1e-9) / norm;
        for (uint32_t d = 0; d < dims; ++d)
        {
            const double c = instance.GetCapacity(d);
            if (c > 0)
            {
                mult.capacityPrices[d] =
                    std::max(0.0, mult.capacityPrices[d] - stepSize * gCap[d] / c);
            }
        }
        for (std::size_t r = 0; r < gRes.size(); ++r)
        {
            mult.resourcePrices[r] = std::max(0.0, mult.resourcePrices[r] - stepSize * gRes[r]);
        }
    }
    return ComputeLagrangianBound(instance, best);
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
    uint32_t minTasks = 10;
    uint32_t maxTasks = 79;
    uint32_t taskStep = 10;
    uint32_t instances = 3;
    std::string algorithms = "Random,Greedy,Tabu,Annealing,LocalSearch";
    std::string tabuIterations = "1000,10000,50000";
    std::string scaleSizes = "1000,10000";
    double scaleBaseBandwidthMhz = 30.0;
    uint32_t lpMaxItems = 600000;
    uint32_t subgradientSteps = 150;

    ProgramOptions options("edge-dml-scheduler-benchmark",
                           "Quality and speed of the task-scheduling algorithms.");
    options.AddValue("bandwidthsMhz",
                     "Paper instances: bandwidths B, in MHz.",
                     bandwidthsMhz,
                     MakeListChecker(MakePositiveDoubleChecker(1e9)),
                     "MHz");
    options.AddValue("minTasks",
                     "Paper instances: smallest q.",
                     minTasks,
                     MakeUintegerChecker<uint32_t>(0, 79));
    options.AddValue("maxTasks",
                     "Paper instances: largest q.",
                     maxTasks,
                     MakeUintegerChecker<uint32_t>(0, 79),
                     "tasks (n = 80)");
    options.AddValue("taskStep",
                     "Paper instances: step of q.",
                     taskStep,
                     MakeUintegerChecker<uint32_t>(1, 79));
    options.AddValue("instances",
                     "Paper instances: independent draws per point.",
                     instances,
                     MakeUintegerChecker<uint32_t>(1, 10000));
    options.AddValue("algorithms",
                     "Heuristics to measure, comma-separated.",
                     algorithms,
                     MakeListChecker(MakeDerivedTypeNameChecker<TaskScheduler>()));
    // Tabu iterations are a uint32_t attribute. n ES with q = n/2 tasks make
    // n^2/2 items: 5e7 at n = 10000, the largest size measured (memory and
    // time grow with n^2; 100000 would need 5e9 items).
    options.AddValue("tabuIterations",
                     "Tabu MaxIterations budgets of the equal-time table.",
                     tabuIterations,
                     MakeListChecker(MakeUintegerChecker<uint32_t>(1)));
    options.AddValue("scaleSizes",
                     "Numbers of ES n of the scaling table (q = n/2).",
                     scaleSizes,
                     MakeListChecker(MakeUintegerChecker<uint32_t>(1, 10000)),
                     "ES");
    // Scaled by n/80 <= 125, 1e6 MHz stays within the problem's TaskBandwidthHz
    // range (<= 1e15 Hz).
    options.AddValue("scaleBaseBandwidthMhz",
                     "Scaling: bandwidth at n = 80, in MHz (x n/80).",
                     scaleBaseBandwidthMhz,
                     MakePositiveDoubleChecker(1e6));
    options.AddValue("lpMaxItems",
                     "Scaling: largest instance (items) bounded by CBC's LP.",
                     lpMaxItems,
                     MakeUintegerChecker<uint32_t>(),
                     "items");
    options.AddValue("subgradientSteps",
                     "Scaling: subgradient steps of the Lagrangian bound.",
                     subgradientSteps,
                     MakeUintegerChecker<uint32_t>(0, 10000000));
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }
    if (maxTasks < minTasks)
    {
        return options.FailBelow("maxTasks", maxTasks, minTasks, "tasks, at least minTasks");
    }
    std::vector<std::string> items;
    SplitList(bandwidthsMhz, items);
    std::vector<double> bandwidths;
    for (const auto& item : items)
    {
        bandwidths.push_back(std::stod(item));
    }
    SplitList(tabuIterations, items);
    std::vector<double> tabuBudgets;
    for (const auto& item : items)
    {
        tabuBudgets.push_back(std::stod(item));
    }
    SplitList(scaleSizes, items);
    std::vector<double> sizes;
    for (const auto& item : items)
    {
        sizes.push_back(std::stod(item));
    }
    std::vector<std::string> names;
    SplitList(algorithms, names);

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
    for (uint32_t k = 0; k < instances; ++k)
    {
        SchedulingScenario scenario = scenarios.Create(80, maxTasks);
        for (double bMhz : bandwidths)
        {
            scenario.problem->SetAttribute("TaskBandwidthHz", DoubleValue(bMhz * 1e6));
            for (uint32_t q = minTasks; q <= maxTasks; q += taskStep)
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
        if (instance.GetNumItems() <= lpMaxItems)
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
