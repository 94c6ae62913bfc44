/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-mmkp: solve a multiple-choice multidimensional knapsack problem
 * given in the standard MMKP text format with one or all task-scheduling
 * algorithms of the edge-dml module.
 *
 *   edge-dml-mmkp --input=FILE [--algorithm=NAME|all] [--disjoint=true]
 *                 [--strict=true] [--timeLimitS=S] [--RngRun=N]
 *
 * One line per algorithm on stdout:
 *   algorithm=Greedy value=0.61 feasible=true status=feasible accepted=12
 *   time_ms=0.08 [upper_bound=0.62]
 * value is the objective: the sum of the chosen items' values (the format
 * has no constant term). With --disjoint=true item k of every class is
 * resource k (an edge server) and no two classes may use the same resource:
 * the layout WriteMmkp gives task-scheduling instances. Bad input: one line
 * on stderr and exit status 2.
 */

#include "program-options.h"

#include "ns3/bounded-checkers.h"
#include "ns3/double.h"
#include "ns3/exact-task-scheduler.h"
#include "ns3/mmkp-file.h"
#include "ns3/simulator.h"
#include "ns3/task-scheduler-factory.h"

#include <cmath>
#include <iostream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

int
main(int argc, char* argv[])
{
    std::string input = "none";
    std::string algorithm = "all";
    bool disjoint = false;
    bool strict = false;
    double timeLimitS = 0.0;

    ProgramOptions options("edge-dml-mmkp",
                           "Solve an MMKP file (first line 'classes dimensions', then the "
                           "capacities, then per class its item count and one line 'value "
                           "weight_1 ... weight_m' per item) with one or all task-scheduling "
                           "algorithms; prints one line per algorithm.");
    options.AddValue("input", "The MMKP file to solve.", input, MakeNonEmptyTextChecker());
    options.AddValue("algorithm",
                     "A scheduler (short name or TypeId name), or all.",
                     algorithm,
                     MakeNonEmptyTextChecker());
    options.AddValue("disjoint",
                     "Item k of every class is resource k and resources are disjoint (files "
                     "written from a task-scheduling problem).",
                     disjoint);
    options.AddValue("strict", "Every class must get an item (the Strict preset).", strict);
    // 0, or a limit every scheduler's TimeLimitS accepts (the exact one's bounds).
    TypeId::AttributeInformation limit;
    ExactTaskScheduler::GetTypeId().LookupAttributeByName("TimeLimitS", &limit);
    options.AddValue("timeLimitS",
                     "Time limit, in s, of the algorithms with a TimeLimitS attribute (0: "
                     "their default).",
                     timeLimitS,
                     MakeZeroOrDoubleChecker(limit.checker));
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }
    if (input == "none")
    {
        return options.Fail(
            "--input is missing: give the MMKP file to solve, e.g. --input=instance.mmkp");
    }

    MmkpReadOptions reading;
    reading.resourcesByPosition = disjoint;
    reading.mustAssignAll = strict;
    // Items that exceed a capacity on their own can never be chosen (WriteMmkp
    // writes absent task-server pairs that way); dropping them keeps the optimum.
    reading.dropOversizedItems = true;
    const MmkpReadResult read = ReadMmkpFile(input, reading);
    if (!read.instance)
    {
        return options.Fail("--input=" + input + " is invalid: " + read.error +
                            "; fix the file (format: see --help)");
    }
    const MmkpInstance& instance = *read.instance;

    std::vector<std::string> names;
    if (algorithm == "all")
    {
        names = GetTaskSchedulerShortNames();
    }
    else
    {
        names.push_back(algorithm);
    }
    std::vector<TypeId> tids;
    for (const auto& name : names)
    {
        TypeId tid;
        std::string error;
        if (!LookupTaskScheduler(name, tid, error))
        {
            return options.Fail("--algorithm=" + algorithm + " is invalid: " + error +
                                (algorithm == "all"
                                     ? " (it is one of the names 'all' runs, but no such "
                                       "scheduler is built into this program)"
                                     : ""));
        }
        tids.push_back(tid);
    }

    std::cout.precision(12);
    for (std::size_t a = 0; a < names.size(); ++a)
    {
        Ptr<TaskScheduler> scheduler = CreateTaskScheduler(names[a]);
        TypeId::AttributeInformation info;
        if (timeLimitS > 0.0 && tids[a].LookupAttributeByName("TimeLimitS", &info))
        {
            if (!scheduler->SetAttributeFailSafe("TimeLimitS", DoubleValue(timeLimitS)))
            {
                return options.Fail("--timeLimitS=" + std::to_string(timeLimitS) +
                                    " is invalid for " + names[a] +
                                    ": its TimeLimitS attribute rejects it");
            }
        }
        const MmkpSolution solution = scheduler->Schedule(instance);
        std::cout << "algorithm=" << names[a] << " value=" << solution.objective
                  << " feasible=" << (solution.feasible ? "true" : "false")
                  << " status=" << ToString(solution.status) << " accepted=" << solution.accepted
                  << " time_ms=" << solution.wallTimeMs;
        if (std::isfinite(solution.upperBound))
        {
            std::cout << " upper_bound=" << solution.upperBound;
        }
        std::cout << std::endl;
        scheduler->Dispose();
    }
    Simulator::Destroy();
    return 0;
}
