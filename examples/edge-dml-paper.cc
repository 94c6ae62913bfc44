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
 * preset, energyBudgetJ and exactTimeLimitS are attributes of the
 * scheduling problem and the exact scheduler (--PrintHelp gives their
 * ranges); the others are this program's.
 *
 * runtime_ms is wall-clock time and differs from run to run; with
 * --measureTime=false the column is left out and the files are identical for
 * the same --RngSeed and --RngRun.
 */

#include "atomic-output-file.h"
#include "attribute-text.h"
#include "gnuplot-rendering.h"
#include "paper-report.h"
#include "program-options.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

int
main(int argc, char* argv[])
{
    uint32_t numEdgeServers = 80;
    std::string bandwidthsMhz = "10,30,50,80";
    uint32_t minTasks = 10;
    uint32_t maxTasks = 79;
    uint32_t taskStep = 3;
    uint32_t instances = 5;
    std::string algorithms = "Random,Greedy,Tabu,Annealing,LocalSearch";
    std::string figure2Algorithm = "Tabu";
    double figure3BandwidthMhz = 30.0;
    bool measureTime = true;
    bool plot = true;
    bool quiet = false;

    ProgramOptions options("edge-dml-paper",
                           "The paper's task-scheduling evaluation, with the exact optimum.");
    const auto count = [](uint32_t max) { return MakeUintegerChecker<uint32_t>(0, max); };
    options.AddValue("numEdgeServers",
                     "Number of edge servers n.",
                     numEdgeServers,
                     MakeUintegerChecker<uint32_t>(1, 100000));
    options.AddValue("bandwidthsMhz",
                     "System bandwidths B for tasks, comma-separated, in MHz.",
                     bandwidthsMhz,
                     MakeListChecker(MakePositiveDoubleChecker(1e9)),
                     "MHz");
    options.AddValue("minTasks", "Smallest number of tasks q.", minTasks, count(100000));
    options.AddValue("maxTasks",
                     "Largest number of tasks q (the task list length).",
                     maxTasks,
                     count(100000));
    options.AddValue("taskStep",
                     "Step of q from minTasks to maxTasks.",
                     taskStep,
                     MakeUintegerChecker<uint32_t>(1, 100000));
    options.AddValue("instances",
                     "Independent instances (ES and task draws) per point.",
                     instances,
                     MakeUintegerChecker<uint32_t>(1, 10000));
    options.AddValue("algorithms",
                     "Comma-separated schedulers (short names or TypeIds); Exact always runs "
                     "as the reference.",
                     algorithms,
                     MakeListChecker(MakeDerivedTypeNameChecker<TaskScheduler>()));
    options.AddAttribute("preset", "ns3::edgedml::TaskSchedulingProblem::Preset");
    options.AddAttribute("energyBudgetJ", "ns3::edgedml::TaskSchedulingProblem::TaskEnergyBudgetJ");
    options.AddAttribute("exactTimeLimitS", "ns3::edgedml::ExactTaskScheduler::TimeLimitS");
    options.AddValue("figure2Algorithm",
                     "Algorithm of the utility-vs-tasks-per-bandwidth plot.",
                     figure2Algorithm,
                     MakeNonEmptyTextChecker());
    options.AddValue("figure3BandwidthMhz",
                     "Bandwidth of the per-algorithm plot, in MHz.",
                     figure3BandwidthMhz,
                     MakePositiveDoubleChecker(1e9));
    options.AddValue("measureTime",
                     "Write the runtime_ms column (wall-clock, not reproducible).",
                     measureTime);
    options.AddValue("plot", "Render the PNG plots with gnuplot.", plot);
    options.AddValue("quiet", "No progress on stderr.", quiet);
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }

    // Checks across options.
    const std::string preset = options.GetText("preset");
    if (maxTasks < minTasks)
    {
        return options.FailBelow("maxTasks", maxTasks, minTasks, "tasks, at least minTasks");
    }
    if (preset == "Strict" && maxTasks > numEdgeServers)
    {
        return options.Fail("--maxTasks=" + std::to_string(maxTasks) +
                            " is invalid with --preset=Strict: every task needs its own edge "
                            "server, so give maxTasks <= numEdgeServers (" +
                            std::to_string(numEdgeServers) + ")");
    }
    if (plot && !GnuplotCanRenderPng())
    {
        return options.Fail("--plot=true needs gnuplot with the pngcairo terminal: install the "
                            "Debian package gnuplot-nox, or pass --plot=false");
    }
    std::vector<std::string> items;
    SplitList(bandwidthsMhz, items);
    std::vector<double> bandwidths;
    for (const auto& item : items)
    {
        bandwidths.push_back(std::stod(item));
    }
    if (std::find(bandwidths.begin(), bandwidths.end(), figure3BandwidthMhz) == bandwidths.end())
    {
        std::ostringstream msg;
        msg << "--figure3BandwidthMhz=" << figure3BandwidthMhz
            << " is invalid: it must be one of --bandwidthsMhz=" << bandwidthsMhz;
        return options.Fail(msg.str());
    }
    SplitList(algorithms, items);
    std::vector<std::string> names;
    std::copy_if(items.begin(), items.end(), std::back_inserter(names), [](const auto& name) {
        return name != "Exact";
    });
    names.emplace_back("Exact");
    if (std::find(names.begin(), names.end(), figure2Algorithm) == names.end())
    {
        return options.Fail("--figure2Algorithm=" + figure2Algorithm +
                            " is invalid: it must be one of --algorithms or Exact");
    }

    // Streams: schedulers first (fixed per algorithm), then the scenarios.
    std::vector<Ptr<TaskScheduler>> schedulers;
    int64_t stream = 0;
    for (const auto& name : names)
    {
        schedulers.push_back(CreateTaskScheduler(name));
        stream += schedulers.back()->AssignStreams(stream);
    }
    SchedulingScenarioHelper scenarios;
    scenarios.AssignStreams(stream + 1000);

    // Results are written under temporary names and renamed when complete.
    AtomicOutputFile file("paper-figures.csv");
    if (!file.IsOpen())
    {
        std::cerr << "edge-dml-paper: cannot create " << file.GetTemporaryPath()
                  << ": run in a writable directory" << std::endl;
        return 1;
    }
    std::vector<PaperSolveRecord> records;
    const uint64_t points = instances * bandwidths.size() * ((maxTasks - minTasks) / taskStep + 1);
    uint64_t done = 0;
    for (uint32_t k = 0; k < instances; ++k)
    {
        SchedulingScenario scenario = scenarios.Create(numEdgeServers, maxTasks);
        for (double bMhz : bandwidths)
        {
            scenario.problem->SetAttribute("TaskBandwidthHz", DoubleValue(bMhz * 1e6));
            for (uint32_t q = minTasks; q <= maxTasks; q += taskStep)
            {
                const std::vector<CrowdsourcingTask> tasks(scenario.tasks.begin(),
                                                           scenario.tasks.begin() + q);
                scenario.problem->Build(tasks, scenario.servers);
                const MmkpInstance& instance = scenario.problem->GetInstance();
                std::vector<PaperSolveRecord> point;
                for (uint32_t a = 0; a < names.size(); ++a)
                {
                    PaperSolveRecord
                        r{names[a], bMhz, q, k, schedulers[a]->Schedule(instance), 0.0, 0.0};
                    r.trainingUtility =
                        r.solution.feasible
                            ? scenario.problem->GetTrainingPerformance(r.solution.assignment)
                            : std::nan("");
                    point.push_back(std::move(r));
                }
                const MmkpSolution& exact = point.back().solution;
                for (auto& r : point)
                {
                    r.optimalUtility =
                        exact.status == SolveStatus::OPTIMAL ? exact.objective : std::nan("");
                    records.push_back(std::move(r));
                }
                if (!quiet)
                {
                    std::cerr << "\redge-dml-paper: " << ++done << "/" << points << " points"
                              << std::flush;
                }
            }
        }
    }
    if (!quiet)
    {
        std::cerr << "\n";
    }

    // Results: the CSV, the summary on stdout, the figures.
    WritePaperCsv(file.Stream(), records, measureTime);
    std::string error;
    if (!file.Commit(error))
    {
        std::cerr << "edge-dml-paper: " << error << std::endl;
        return 1;
    }
    PrintPaperSummary(std::cout, names, records, measureTime);
    if (plot && !PlotPaperFigures(records,
                                  names,
                                  bandwidths,
                                  figure2Algorithm,
                                  figure3BandwidthMhz,
                                  "n = " + std::to_string(numEdgeServers) + ", " + preset,
                                  error))
    {
        std::cerr << "edge-dml-paper: " << error
                  << "; paper-figures.csv is written. Check gnuplot (Debian package "
                     "gnuplot-nox) or pass --plot=false.\n";
        return 1;
    }
    return 0;
}
