/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-paper: the task-scheduling evaluation of the paper (the system
 * model, "Task scheduling", and the paper's evaluation), reproduced and extended with the exact
 * optimum.
 *
 * n edge servers and a list of maxTasks crowdsourcing tasks are drawn once
 * per instance (common random numbers); for every system bandwidth B and
 * every task count q in minTasks..maxTasks (step taskStep) the first q tasks
 * are scheduled by every algorithm and by the exact MILP (COIN-OR CBC). The
 * program writes into the current directory:
 *   paper-figures.csv           one row per (algorithm, B, q, instance)
 *   paper-utility-vs-tasks.png  mean utility vs q, one curve per B (Fig. 2) for
 *                               figure2Algorithm and one for the optimum
 *   paper-algorithms.png        mean utility vs q, one curve per algorithm (Fig. 3)
 * and the gnuplot scripts (.plt) of the two plots. On stdout it prints, per
 * algorithm, the mean and worst optimality gap and the mean solve time.
 *
 *   ./edge-dml-paper                                   (the paper's setting)
 *   ./edge-dml-paper --instances=2 --taskStep=10       (a quick look)
 *   ./edge-dml-paper --preset=Strict --bandwidthsMhz=30,80
 *
 * runtime_ms is wall-clock time and differs from run to run; with
 * --measureTime=false the column is left out and the files are identical for
 * the same --RngSeed and --RngRun.
 */

#include "atomic-output-file.h"
#include "command-line-checks.h"
#include "gnuplot-rendering.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"
#include "ns3/gnuplot.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// One solve, as written to the CSV.
struct SolveRecord
{
    std::string algorithm;  //!< short name
    double bandwidthMhz;    //!< B
    uint32_t numTasks;      //!< q
    uint32_t instance;      //!< instance index
    MmkpSolution solution;  //!< the algorithm's result
    double optimalUtility;  //!< the exact optimum (NaN when none exists or unproven)
    double trainingUtility; //!< U_T of the assignment
};

/// Relative optimality gap of a utility against the optimum (NaN if either is missing).
double
Gap(double utility, double optimum)
{
    if (!std::isfinite(utility) || !std::isfinite(optimum) || optimum == 0.0)
    {
        return std::nan("");
    }
    return (optimum - utility) / std::fabs(optimum);
}

/// Add to a plot the mean utility per q of the records selected by a
/// predicate; a q is a point only if every selected instance has a solution.
template <typename Select>
void
AddMeanCurve(Gnuplot& plot,
             const std::vector<SolveRecord>& records,
             const std::string& title,
             Select select)
{
    std::map<uint32_t, std::pair<double, uint32_t>> sums; // q -> (sum, count)
    std::map<uint32_t, bool> missing;
    for (const auto& r : records)
    {
        if (!select(r))
        {
            continue;
        }
        if (r.solution.feasible)
        {
            sums[r.numTasks].first += r.solution.objective;
            ++sums[r.numTasks].second;
        }
        else
        {
            missing[r.numTasks] = true;
        }
    }
    Gnuplot2dDataset data(title);
    data.SetStyle(Gnuplot2dDataset::LINES_POINTS);
    uint32_t points = 0;
    for (const auto& [q, sum] : sums)
    {
        if (!missing[q] && sum.second > 0)
        {
            data.Add(q, sum.first / sum.second);
            ++points;
        }
    }
    if (points > 0) // gnuplot rejects an empty inline dataset
    {
        plot.AddDataset(data);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    int64_t numEdgeServers = 80;
    std::string bandwidthsMhz = "10,30,50,80";
    int64_t minTasks = 10;
    int64_t maxTasks = 79;
    int64_t taskStep = 3;
    int64_t instances = 5;
    std::string algorithms = "Random,Greedy,Tabu,ExtendedTabu,Annealing,LocalSearch";
    std::string preset = "Valued";
    double energyBudgetJ = 60.0;
    double exactTimeLimitS = 60.0;
    std::string figure2Algorithm = "Tabu";
    double figure3BandwidthMhz = 30.0;
    bool measureTime = true;
    bool plot = true;
    bool quiet = false;

    CommandLine cmd(__FILE__);
    CommandLineChecks check("edge-dml-paper");
    check.AddInteger(cmd, "numEdgeServers", "number of edge servers n", numEdgeServers, 1, 100000);
    check.AddString(cmd,
                    "bandwidthsMhz",
                    "system bandwidths B for tasks, comma-separated, in MHz",
                    bandwidthsMhz);
    check.AddInteger(cmd, "minTasks", "smallest number of tasks q", minTasks, 0, 100000);
    check.AddInteger(cmd,
                     "maxTasks",
                     "largest number of tasks q (the task list length)",
                     maxTasks,
                     0,
                     100000);
    check.AddInteger(cmd, "taskStep", "step of q from minTasks to maxTasks", taskStep, 1, 100000);
    check.AddInteger(cmd,
                     "instances",
                     "independent instances (ES and task draws) per point",
                     instances,
                     1,
                     10000);
    check.AddString(cmd,
                    "algorithms",
                    "comma-separated schedulers (short names or TypeIds); Exact always runs as "
                    "the reference",
                    algorithms);
    check.AddChoice(cmd,
                    "preset",
                    "Valued (tasks may be rejected) or Strict (all placed, phi = 0; needs "
                    "maxTasks <= numEdgeServers)",
                    preset,
                    {"Valued", "Strict"});
    // The problem's TaskEnergyBudgetJ and the bandwidth (in Hz) accept up to 1e15.
    check.AddPositive(cmd,
                      "energyBudgetJ",
                      "energy capacity E_max of the tasks, in J",
                      energyBudgetJ,
                      1e15,
                      "J");
    check.AddPositive(cmd,
                      "exactTimeLimitS",
                      "time limit of each exact solve, in s",
                      exactTimeLimitS,
                      1e6,
                      "s");
    check.AddString(cmd,
                    "figure2Algorithm",
                    "algorithm of the utility-vs-tasks-per-bandwidth plot",
                    figure2Algorithm);
    check.AddPositive(cmd,
                      "figure3BandwidthMhz",
                      "bandwidth of the per-algorithm plot, in MHz",
                      figure3BandwidthMhz,
                      1e9,
                      "MHz");
    check.AddBool(cmd,
                  "measureTime",
                  "write the runtime_ms column (wall-clock, not reproducible)",
                  measureTime);
    check.AddBool(cmd, "plot", "render the PNG plots with gnuplot", plot);
    check.AddBool(cmd, "quiet", "no progress on stderr", quiet);
    check.Parse(cmd, argc, argv);

    check.AtLeast("maxTasks", maxTasks, minTasks, "tasks, at least minTasks");
    if (preset == "Strict" && maxTasks > numEdgeServers)
    {
        check.Fail("--maxTasks=" + std::to_string(maxTasks) +
                   " is invalid with --preset=Strict: every task needs its own edge server, so "
                   "give maxTasks <= numEdgeServers (" +
                   std::to_string(numEdgeServers) + ")");
    }
    // exactTimeLimitS is at least the attribute's 1 ms.
    check.AtLeast("exactTimeLimitS", exactTimeLimitS, 1e-3, "s");
    // The plots need gnuplot with its pngcairo terminal: check before the run.
    if (plot && !GnuplotCanRenderPng())
    {
        check.Fail("--plot=true needs gnuplot with the pngcairo terminal: install the Debian "
                   "package gnuplot-nox, or pass --plot=false");
    }

    const std::vector<double> bandwidths =
        check.PositiveList("bandwidthsMhz", bandwidthsMhz, "MHz", 1e9);
    if (std::find(bandwidths.begin(), bandwidths.end(), figure3BandwidthMhz) == bandwidths.end())
    {
        std::ostringstream msg;
        msg << "--figure3BandwidthMhz=" << figure3BandwidthMhz
            << " is invalid: it must be one of --bandwidthsMhz=" << bandwidthsMhz;
        check.Fail(msg.str());
    }
    std::vector<std::string> names;
    for (const auto& name : check.SchedulerList("algorithms", algorithms))
    {
        if (name != "Exact")
        {
            names.push_back(name);
        }
    }
    names.emplace_back("Exact");
    if (std::find(names.begin(), names.end(), figure2Algorithm) == names.end())
    {
        check.Fail("--figure2Algorithm=" + figure2Algorithm +
                   " is invalid: it must be one of --algorithms or Exact");
    }

    // Streams: schedulers first (fixed per algorithm), then the scenarios.
    std::vector<Ptr<TaskScheduler>> schedulers;
    int64_t stream = 0;
    for (const auto& name : names)
    {
        schedulers.push_back(CreateTaskScheduler(name));
        if (name == "Exact")
        {
            schedulers.back()->SetAttribute("TimeLimitS", DoubleValue(exactTimeLimitS));
        }
        stream += schedulers.back()->AssignStreams(stream);
    }
    const uint32_t exactIndex = names.size() - 1;
    SchedulingScenarioHelper scenarios;
    scenarios.SetProblemAttribute("Preset", StringValue(preset));
    scenarios.SetProblemAttribute("TaskEnergyBudgetJ", DoubleValue(energyBudgetJ));
    scenarios.AssignStreams(stream + 1000);

    // Results are written under temporary names and renamed when complete.
    AtomicOutputFile file("paper-figures.csv");
    if (!file.IsOpen())
    {
        std::cerr << "edge-dml-paper: cannot create " << file.GetTemporaryPath()
                  << ": run in a writable directory" << std::endl;
        return 1;
    }
    std::vector<SolveRecord> records;
    const uint64_t points = instances * bandwidths.size() * ((maxTasks - minTasks) / taskStep + 1);
    uint64_t done = 0;
    for (uint32_t k = 0; k < instances; ++k)
    {
        SchedulingScenario scenario = scenarios.Create(numEdgeServers, maxTasks);
        for (double bMhz : bandwidths)
        {
            scenario.problem->SetAttribute("TaskBandwidthHz", DoubleValue(bMhz * 1e6));
            for (int64_t q = minTasks; q <= maxTasks; q += taskStep)
            {
                const std::vector<CrowdsourcingTask> tasks(scenario.tasks.begin(),
                                                           scenario.tasks.begin() + q);
                scenario.problem->Build(tasks, scenario.servers);
                const MmkpInstance& instance = scenario.problem->GetInstance();
                std::vector<SolveRecord> point;
                for (uint32_t a = 0; a < names.size(); ++a)
                {
                    SolveRecord r{names[a],
                                  bMhz,
                                  static_cast<uint32_t>(q),
                                  k,
                                  schedulers[a]->Schedule(instance),
                                  0.0,
                                  0.0};
                    r.trainingUtility =
                        r.solution.feasible
                            ? scenario.problem->GetTrainingPerformance(r.solution.assignment)
                            : std::nan("");
                    point.push_back(std::move(r));
                }
                const MmkpSolution& exact = point[exactIndex].solution;
                const double optimum =
                    exact.status == SolveStatus::OPTIMAL ? exact.objective : std::nan("");
                for (auto& r : point)
                {
                    r.optimalUtility = optimum;
                    records.push_back(std::move(r));
                }
                ++done;
                if (!quiet)
                {
                    std::cerr << "\redge-dml-paper: " << done << "/" << points << " points"
                              << std::flush;
                }
            }
        }
    }
    if (!quiet)
    {
        std::cerr << "\n";
    }

    // Results: the CSV, then the summary on stdout.
    {
        std::ostream& csv = file.Stream();
        csv << "algorithm,bandwidth_mhz,num_tasks,instance,status,utility,optimal_utility,gap,"
               "accepted,training_utility,upper_bound"
            << (measureTime ? ",runtime_ms" : "") << "\n";
        csv << std::setprecision(10);
        for (const auto& r : records)
        {
            const double utility = r.solution.feasible ? r.solution.objective : std::nan("");
            csv << r.algorithm << "," << r.bandwidthMhz << "," << r.numTasks << "," << r.instance
                << "," << ToString(r.solution.status) << "," << utility << "," << r.optimalUtility
                << "," << Gap(utility, r.optimalUtility) << "," << r.solution.accepted << ","
                << r.trainingUtility << "," << r.solution.upperBound;
            if (measureTime)
            {
                csv << "," << r.solution.wallTimeMs;
            }
            csv << "\n";
        }
        std::string error;
        if (!file.Commit(error))
        {
            std::cerr << "edge-dml-paper: " << error << std::endl;
            return 1;
        }
    }

    std::cout << "algorithm   solved  mean_gap_%  worst_gap_%  mean_accepted"
              << (measureTime ? "  mean_ms" : "") << "\n";
    for (const auto& name : names)
    {
        double gapSum = 0;
        double worst = 0;
        double accepted = 0;
        double ms = 0;
        uint32_t count = 0;
        uint32_t solved = 0;
        uint32_t gaps = 0;
        for (const auto& r : records)
        {
            if (r.algorithm != name)
            {
                continue;
            }
            ++count;
            ms += r.solution.wallTimeMs;
            if (!r.solution.feasible)
            {
                continue;
            }
            ++solved;
            accepted += r.solution.accepted;
            const double gap = Gap(r.solution.objective, r.optimalUtility);
            if (std::isfinite(gap))
            {
                gapSum += gap;
                worst = std::max(worst, gap);
                ++gaps;
            }
        }
        std::cout << std::left << std::setw(11) << name << " " << std::right << std::setw(3)
                  << solved << "/" << std::left << std::setw(4) << count << std::right << std::fixed
                  << std::setprecision(3) << std::setw(10)
                  << (gaps ? 100 * gapSum / gaps : std::nan("")) << std::setw(13)
                  << (gaps ? 100 * worst : std::nan("")) << std::setw(15)
                  << (solved ? accepted / solved : std::nan(""));
        if (measureTime)
        {
            std::cout << std::setw(9) << std::setprecision(3) << ms / std::max(count, 1u);
        }
        std::cout << "\n" << std::defaultfloat;
    }

    if (plot)
    {
        Gnuplot fig2("",
                     "System utility vs tasks (" + figure2Algorithm +
                         ", n = " + std::to_string(numEdgeServers) + ", " + preset + ")");
        fig2.SetTerminal("pngcairo size 900,600");
        fig2.SetLegend("number of tasks q", "mean system utility U");
        fig2.AppendExtra("set key outside right");
        for (double bMhz : bandwidths)
        {
            std::ostringstream title;
            title << "B = " << bMhz << " MHz";
            AddMeanCurve(fig2,
                         records,
                         title.str() + ", " + figure2Algorithm,
                         [&](const SolveRecord& r) {
                             return r.algorithm == figure2Algorithm && r.bandwidthMhz == bMhz;
                         });
            if (figure2Algorithm != "Exact")
            {
                AddMeanCurve(fig2, records, title.str() + ", optimum", [&](const SolveRecord& r) {
                    return r.algorithm == "Exact" && r.bandwidthMhz == bMhz;
                });
            }
        }
        std::ostringstream fig3Title;
        fig3Title << "System utility vs tasks per algorithm (B = " << figure3BandwidthMhz
                  << " MHz, n = " << numEdgeServers << ", " << preset << ")";
        Gnuplot fig3("", fig3Title.str());
        fig3.SetTerminal("pngcairo size 900,600");
        fig3.SetLegend("number of tasks q", "mean system utility U");
        fig3.AppendExtra("set key outside right");
        for (const auto& name : names)
        {
            AddMeanCurve(fig3, records, name, [&](const SolveRecord& r) {
                return r.algorithm == name && r.bandwidthMhz == figure3BandwidthMhz;
            });
        }
        std::string error;
        if (!RenderGnuplot(fig2,
                           "paper-utility-vs-tasks.png",
                           "paper-utility-vs-tasks.plt",
                           error) ||
            !RenderGnuplot(fig3, "paper-algorithms.png", "paper-algorithms.plt", error))
        {
            std::cerr << "edge-dml-paper: " << error
                      << "; paper-figures.csv is written. Check gnuplot (Debian package "
                         "gnuplot-nox) or pass --plot=false.\n";
            return 1;
        }
    }
    return 0;
}
