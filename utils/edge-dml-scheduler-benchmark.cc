/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-scheduler-benchmark: quality and speed of the task-scheduling
 * algorithms. Prints four tables on stdout (--tables chooses them):
 *
 *  1. Paper instances (n = 80, B in bandwidthsMhz, q = minTasks..79 step
 *     taskStep, several instances): per algorithm the mean and worst
 *     optimality gap against the proven CBC optimum, the mean and worst
 *     wall time per solve and the mean processor time per solve (which
 *     does not grow with the load of a shared machine).
 *  2. Equal time: our extended tabu with growing iteration budgets against our
 *     LocalSearch, on the same instances.
 *  3. Scaling to n = 1,000 and n = 10,000 ES with q = n / 2 tasks and both
 *     capacities scaled by n / 80: time per solve and the gap against an
 *     upper bound: CBC's LP relaxation where it is small enough
 *     (lpMaxItems), otherwise the Lagrangian bound minimised by subgradient
 *     steps (its minimum equals the LP bound; a finite number of steps gives
 *     a valid but weaker bound).
 *
 *  4. Hard generated instances (MmkpInstanceGenerator: every class takes one
 *     of 10 items, 10 dimensions, values correlated with the weights,
 *     capacities half the heaviest demand), hardSizes classes: per algorithm
 *     and time limit, the mean and worst gap to CBC's best bound after a long
 *     run (hardReferenceS), the mean time and the number of instances solved
 *     feasibly.
 *
 * The gap is (reference - utility) / reference of the objective. Times are
 * wall-clock on this machine; compare algorithms within one run, and state
 * the machine's load with the figures.
 *
 *   ./edge-dml-scheduler-benchmark                        (everything, ~40 min)
 *   ./edge-dml-scheduler-benchmark --tables=paper,equal   (the paper's instances)
 *   ./edge-dml-scheduler-benchmark --tables=hard --hardSizes=400 --hardTimeLimitsS=10
 */

#include "attribute-text.h"
#include "program-options.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <set>
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

/// Processor time of this (single-threaded) process, in ms: unlike wall
/// time, it does not grow with the load of a shared machine.
double
CpuMs()
{
    return 1e3 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

/// Seconds since a start point.
double
Since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Options of the paper and equal-time tables.
struct PaperOptions
{
    std::string bandwidthsMhz;       //!< as given
    std::vector<double> bandwidths;  //!< B, in MHz
    int64_t minTasks;                //!< smallest q
    int64_t maxTasks;                //!< largest q
    int64_t taskStep;                //!< step of q
    int64_t instances;               //!< draws per point
    std::vector<double> tabuBudgets; //!< ExtendedTabu MaxIterations of the equal-time table
};

/// Tables 1 and 2: the paper's instances against the proven CBC optimum.
void
PaperTables(const PaperOptions& o,
            const std::vector<std::string>& names,
            bool paperTable,
            bool equalTable,
            int64_t& stream)
{
    std::vector<Ptr<TaskScheduler>> schedulers;
    for (const auto& name : names)
    {
        schedulers.push_back(CreateTaskScheduler(name));
        stream += schedulers.back()->AssignStreams(stream);
    }
    std::vector<Ptr<TaskScheduler>> tabus;
    for (double budget : o.tabuBudgets)
    {
        tabus.push_back(CreateTaskScheduler("ExtendedTabu"));
        tabus.back()->SetAttribute("MaxIterations", UintegerValue(budget));
        tabus.back()->SetAttribute("MaxStallIterations", UintegerValue(budget));
        stream += tabus.back()->AssignStreams(stream);
    }
    Ptr<TaskScheduler> localSearch = CreateTaskScheduler("LocalSearch");
    stream += localSearch->AssignStreams(stream);
    Ptr<TaskScheduler> exact = CreateTaskScheduler("Exact");

    std::map<std::string, std::pair<Stats, Stats>> quality; // name -> (gap %, ms)
    std::map<std::string, Stats> cpu;                       // name -> processor ms
    std::vector<std::pair<Stats, Stats>> equalTime(tabus.size() + 1);
    Stats exactMs;
    uint32_t unproven = 0;
    SchedulingScenarioHelper scenarios;
    scenarios.AssignStreams(stream + 1000);
    for (int64_t k = 0; k < o.instances; ++k)
    {
        SchedulingScenario scenario = scenarios.Create(80, o.maxTasks);
        for (double bMhz : o.bandwidths)
        {
            scenario.problem->SetAttribute("TaskBandwidthHz", DoubleValue(bMhz * 1e6));
            for (int64_t q = o.minTasks; q <= o.maxTasks; q += o.taskStep)
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
                for (std::size_t a = 0; a < names.size() && paperTable; ++a)
                {
                    const double cpuStart = CpuMs();
                    const MmkpSolution s = schedulers[a]->Schedule(instance);
                    cpu[names[a]].Add(CpuMs() - cpuStart);
                    quality[names[a]].first.Add(100 * Gap(s.objective, optimum.objective));
                    quality[names[a]].second.Add(s.wallTimeMs);
                }
                for (std::size_t t = 0; t <= tabus.size() && equalTable; ++t)
                {
                    const MmkpSolution s =
                        (t < tabus.size() ? tabus[t] : localSearch)->Schedule(instance);
                    equalTime[t].first.Add(100 * Gap(s.objective, optimum.objective));
                    equalTime[t].second.Add(s.wallTimeMs);
                }
            }
        }
        std::cerr << "\rpaper instances: " << k + 1 << "/" << o.instances << std::flush;
    }
    std::cerr << "\n";

    std::cout << std::fixed;
    if (paperTable)
    {
        std::cout << "== Paper instances: n = 80, B = " << o.bandwidthsMhz
                  << " MHz, q = " << o.minTasks << ".." << o.maxTasks << " step " << o.taskStep
                  << ", " << o.instances << " instances; gap vs the proven CBC optimum ("
                  << exactMs.count - unproven << " solves proven, " << unproven
                  << " not proven within the time limit and left out; CBC mean "
                  << std::setprecision(1) << exactMs.Mean() << " ms, worst " << exactMs.worst
                  << " ms) ==\n";
        std::cout << "algorithm      mean_gap_%  worst_gap_%   mean_ms  worst_ms  mean_cpu_ms\n";
        for (const auto& name : names)
        {
            const auto& [gap, ms] = quality[name];
            std::cout << std::left << std::setw(13) << name << std::right << std::setprecision(4)
                      << std::setw(12) << gap.Mean() << std::setw(13) << gap.worst
                      << std::setprecision(3) << std::setw(10) << ms.Mean() << std::setw(10)
                      << ms.worst << std::setw(13) << cpu[name].Mean() << "\n";
        }
        std::cout << "\n";
    }
    if (equalTable)
    {
        std::cout << "== Equal time: the extended tabu with growing budgets vs LocalSearch "
                     "(same instances) ==\n";
        std::cout << "algorithm                 mean_gap_%  worst_gap_%   mean_ms\n";
        for (std::size_t t = 0; t <= tabus.size(); ++t)
        {
            std::ostringstream label;
            if (t < tabus.size())
            {
                label << "ExtendedTabu(" << static_cast<uint64_t>(o.tabuBudgets[t]) << " it)";
            }
            else
            {
                label << "LocalSearch";
            }
            std::cout << std::left << std::setw(24) << label.str() << std::right
                      << std::setprecision(4) << std::setw(12) << equalTime[t].first.Mean()
                      << std::setw(13) << equalTime[t].first.worst << std::setprecision(3)
                      << std::setw(10) << equalTime[t].second.Mean() << "\n";
        }
        std::cout << "\n";
    }
}

/// Options of the scaling table.
struct ScaleOptions
{
    std::vector<double> sizes; //!< numbers of ES n
    double baseBandwidthMhz;   //!< bandwidth at n = 80
    int64_t lpMaxItems;        //!< largest instance bounded by CBC's LP
    int64_t subgradientSteps;  //!< steps of the Lagrangian bound otherwise
};

/// Table 3: scaling to large n against an upper bound.
void
ScalingTable(const ScaleOptions& o, const std::vector<std::string>& names, int64_t& stream)
{
    std::vector<Ptr<TaskScheduler>> schedulers;
    for (const auto& name : names)
    {
        schedulers.push_back(CreateTaskScheduler(name));
        stream += schedulers.back()->AssignStreams(stream);
    }
    Ptr<ExactTaskScheduler> exact = DynamicCast<ExactTaskScheduler>(CreateTaskScheduler("Exact"));
    std::cout << std::fixed;
    std::cout << "== Scaling: q = n/2, capacities x n/80 (B = " << o.baseBandwidthMhz
              << " MHz x n/80, E = 60 J x n/80); gap vs an upper bound ==\n";
    std::cout << "n       q      items      build_s  bound            algorithm      time_ms"
                 "   accepted  utility     gap_%    cpu_ms\n";
    for (double nValue : o.sizes)
    {
        const auto n = static_cast<uint32_t>(nValue);
        const uint32_t q = n / 2;
        auto buildStart = std::chrono::steady_clock::now();
        SchedulingScenarioHelper large;
        large.AssignStreams(stream + 5000 + n);
        SchedulingScenario scenario = large.Create(n, q);
        scenario.problem->SetAttribute("TaskBandwidthHz",
                                       DoubleValue(o.baseBandwidthMhz * 1e6 * n / 80.0));
        scenario.problem->SetAttribute("TaskEnergyBudgetJ", DoubleValue(60.0 * n / 80.0));
        scenario.problem->Build(scenario.tasks, scenario.servers);
        const MmkpInstance& instance = scenario.problem->GetInstance();
        const double buildS = Since(buildStart);

        std::vector<MmkpSolution> solutions;
        std::vector<double> cpuMs;
        double bestKnown = instance.GetBaseValue();
        for (auto& scheduler : schedulers)
        {
            const double cpuStart = CpuMs();
            solutions.push_back(scheduler->Schedule(instance));
            cpuMs.push_back(CpuMs() - cpuStart);
            if (solutions.back().feasible)
            {
                bestKnown = std::max(bestKnown, solutions.back().objective);
            }
        }
        double bound = std::numeric_limits<double>::infinity();
        std::string boundName;
        if (static_cast<int64_t>(instance.GetNumItems()) <= o.lpMaxItems)
        {
            bound = exact->SolveLpRelaxationBound(instance);
            boundName = "CBC LP";
        }
        else
        {
            bound = SubgradientBound(instance, bestKnown, o.subgradientSteps);
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
                      << std::setprecision(1) << std::setw(10) << cpuMs[a] << "\n";
        }
    }
    std::cout << "\n";
}

/// Options of the hard-instance table.
struct HardOptions
{
    std::vector<int64_t> sizes;      //!< numbers of classes
    int64_t instances;               //!< instances per size
    std::vector<double> timeLimitsS; //!< time limits of the searching algorithms
    double referenceS;               //!< CBC's time limit for the reference bound
};

/// Table 4: the hard generated instances against CBC's best bound.
void
HardTable(const HardOptions& o, const std::vector<std::string>& names, int64_t& stream)
{
    Ptr<MmkpInstanceGenerator> generator = CreateObject<MmkpInstanceGenerator>();
    stream += generator->AssignStreams(stream);

    // Per size: the instances and CBC's reference (best bound, best value).
    struct Reference
    {
        MmkpInstance instance;  //!< the instance
        MmkpSolution reference; //!< CBC after the long run
    };

    std::vector<std::vector<Reference>> cases;
    for (int64_t q : o.sizes)
    {
        generator->SetAttribute("Classes", UintegerValue(q));
        cases.emplace_back();
        for (int64_t k = 0; k < o.instances; ++k)
        {
            MmkpInstance instance = generator->Generate();
            Ptr<TaskScheduler> exact = CreateTaskScheduler("Exact");
            exact->SetAttribute("TimeLimitS", DoubleValue(o.referenceS));
            const MmkpSolution reference = exact->Schedule(instance);
            cases.back().push_back({std::move(instance), reference});
            std::cerr << "\rhard instances: CBC reference " << q << " classes, " << k + 1 << "/"
                      << o.instances << std::flush;
        }
    }
    std::cerr << "\n";
    std::cout << std::fixed;
    std::cout << "== Hard generated instances: q classes x 10 items x 10 dimensions, correlated "
                 "values, capacities half the heaviest demand, every class assigned; "
              << o.instances << " instance(s) per size; gap vs CBC's best bound after "
              << std::setprecision(0) << o.referenceS << " s ==\n";
    std::cout << "CBC reference (" << std::setprecision(0) << o.referenceS << " s):";
    for (std::size_t s = 0; s < o.sizes.size(); ++s)
    {
        Stats gap;
        for (const auto& c : cases[s])
        {
            gap.Add(100 * Gap(c.reference.objective, c.reference.upperBound));
        }
        std::cout << "  q=" << o.sizes[s] << ": incumbent gap " << std::setprecision(3)
                  << gap.Mean() << " %";
    }
    std::cout << "\n";
    std::cout << "algorithm      limit_s  classes  feasible  mean_gap_%  worst_gap_%   mean_ms\n";
    for (const auto& name : names)
    {
        TypeId tid;
        std::string error;
        LookupTaskScheduler(name, tid, error);
        TypeId::AttributeInformation info;
        const bool searches = tid.LookupAttributeByName("TimeLimitS", &info);
        // The same streams for every time limit, so that a longer limit
        // follows the path of a shorter one further.
        const int64_t base = stream;
        stream += 16 * static_cast<int64_t>(o.sizes.size()) * o.instances;
        for (double limit : o.timeLimitsS)
        {
            for (std::size_t s = 0; s < o.sizes.size(); ++s)
            {
                Stats gap;
                Stats ms;
                uint32_t feasible = 0;
                for (std::size_t k = 0; k < cases[s].size(); ++k)
                {
                    const auto& c = cases[s][k];
                    Ptr<TaskScheduler> scheduler = CreateTaskScheduler(name);
                    scheduler->AssignStreams(base + 16 * static_cast<int64_t>(s * o.instances + k));
                    if (searches)
                    {
                        scheduler->SetAttribute("TimeLimitS", DoubleValue(limit));
                    }
                    const MmkpSolution solution = scheduler->Schedule(c.instance);
                    feasible += solution.feasible ? 1 : 0;
                    if (solution.feasible)
                    {
                        gap.Add(100 * Gap(solution.objective, c.reference.upperBound));
                    }
                    ms.Add(solution.wallTimeMs);
                }
                std::cout << std::left << std::setw(13) << name << std::right
                          << std::setprecision(1) << std::setw(9) << (searches ? limit : 0.0)
                          << std::setw(9) << o.sizes[s] << std::setw(7) << feasible << "/"
                          << std::left << std::setw(3) << cases[s].size() << std::right
                          << std::setprecision(3) << std::setw(12) << gap.Mean() << std::setw(13)
                          << gap.worst << std::setprecision(1) << std::setw(10) << ms.Mean()
                          << "\n";
            }
            if (!searches)
            {
                break; // no time limit to vary
            }
        }
    }
    std::cout << "\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string tables = "paper,equal,scale,hard";
    std::string bandwidthsMhz = "10,30,50,80";
    uint32_t minTasks = 10;
    uint32_t maxTasks = 79;
    uint32_t taskStep = 10;
    uint32_t instances = 3;
    std::string algorithms = "Random,Greedy,Tabu,ExtendedTabu,Annealing,LocalSearch";
    std::string tabuIterations = "1000,10000,50000";
    std::string scaleSizes = "1000,10000";
    double scaleBaseBandwidthMhz = 30.0;
    uint32_t lpMaxItems = 600000;
    uint32_t subgradientSteps = 150;
    std::string hardSizes = "100,200,300,400";
    uint32_t hardInstances = 1;
    std::string hardTimeLimitsS = "1,10";
    double hardReferenceS = 300.0;
    std::string hardAlgorithms = "Random,Greedy,Tabu,ExtendedTabu,Annealing,LocalSearch,Exact";

    ProgramOptions options("edge-dml-scheduler-benchmark",
                           "Quality and speed of the task-scheduling algorithms.");
    options.AddValue("tables",
                     "Tables to print, comma-separated: paper, equal, scale, hard.",
                     tables,
                     MakeListChecker(MakeChoiceChecker({"paper", "equal", "scale", "hard"})));
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
                     "Heuristics of the paper and scaling tables, comma-separated.",
                     algorithms,
                     MakeListChecker(MakeDerivedTypeNameChecker<TaskScheduler>()));
    // Tabu iterations are a uint32_t attribute. n ES with q = n/2 tasks make
    // n^2/2 items: 5e7 at n = 10000, the largest size measured (memory and
    // time grow with n^2; 100000 would need 5e9 items).
    options.AddValue("tabuIterations",
                     "Extended tabu MaxIterations budgets of the equal-time table.",
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
    options.AddValue("hardSizes",
                     "Hard instances: numbers of classes, comma-separated (10 items and 10 "
                     "dimensions each).",
                     hardSizes,
                     MakeListChecker(MakeUintegerChecker<uint32_t>(1, 100000)),
                     "classes");
    options.AddValue("hardInstances",
                     "Hard instances: instances per size.",
                     hardInstances,
                     MakeUintegerChecker<uint32_t>(1, 1000));
    // Time limits every scheduler's TimeLimitS accepts (the exact one's bounds).
    TypeId::AttributeInformation limit;
    ExactTaskScheduler::GetTypeId().LookupAttributeByName("TimeLimitS", &limit);
    options.AddValue("hardTimeLimitsS",
                     "Hard instances: time limits of the searching algorithms, in s, "
                     "comma-separated.",
                     hardTimeLimitsS,
                     MakeListChecker(limit.checker),
                     "s");
    options.AddValue("hardReferenceS",
                     "Hard instances: CBC's time limit for the reference bound, in s.",
                     hardReferenceS,
                     limit.checker,
                     "s");
    options.AddValue("hardAlgorithms",
                     "Algorithms of the hard-instance table, comma-separated.",
                     hardAlgorithms,
                     MakeListChecker(MakeDerivedTypeNameChecker<TaskScheduler>()));
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }
    if (maxTasks < minTasks)
    {
        return options.FailBelow("maxTasks", maxTasks, minTasks, "tasks, at least minTasks");
    }
    std::vector<std::string> items;
    SplitList(tables, items);
    const std::set<std::string> chosen(items.begin(), items.end());
    PaperOptions paper;
    paper.bandwidthsMhz = bandwidthsMhz;
    SplitList(bandwidthsMhz, items);
    for (const auto& item : items)
    {
        paper.bandwidths.push_back(std::stod(item));
    }
    paper.minTasks = minTasks;
    paper.maxTasks = maxTasks;
    paper.taskStep = taskStep;
    paper.instances = instances;
    SplitList(tabuIterations, items);
    for (const auto& item : items)
    {
        paper.tabuBudgets.push_back(std::stod(item));
    }
    ScaleOptions scale;
    SplitList(scaleSizes, items);
    for (const auto& item : items)
    {
        scale.sizes.push_back(std::stod(item));
    }
    scale.baseBandwidthMhz = scaleBaseBandwidthMhz;
    scale.lpMaxItems = lpMaxItems;
    scale.subgradientSteps = subgradientSteps;
    HardOptions hard;
    SplitList(hardSizes, items);
    for (const auto& item : items)
    {
        hard.sizes.push_back(std::stoll(item));
    }
    hard.instances = hardInstances;
    SplitList(hardTimeLimitsS, items);
    for (const auto& item : items)
    {
        hard.timeLimitsS.push_back(std::stod(item));
    }
    hard.referenceS = hardReferenceS;
    std::vector<std::string> names;
    SplitList(algorithms, names);
    std::vector<std::string> hardNames;
    SplitList(hardAlgorithms, hardNames);

    int64_t stream = 0;
    if (chosen.count("paper") || chosen.count("equal"))
    {
        PaperTables(paper, names, chosen.count("paper") > 0, chosen.count("equal") > 0, stream);
    }
    if (chosen.count("scale"))
    {
        ScalingTable(scale, names, stream);
    }
    if (chosen.count("hard"))
    {
        HardTable(hard, hardNames, stream);
    }
    Simulator::Destroy();
    return 0;
}
