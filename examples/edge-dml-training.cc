/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-training: the flagship example. Synchronous SGD (federated
 * averaging) of a Fashion-MNIST classifier over the packet-level OFDMA cell
 * (the system model, "Actors" to "Synchronous SGD"): the parameter server
 * broadcasts the real model parameters every round, each edge server that
 * received them, is online and not busy trains on its s_i samples for a
 * simulated time of cycles / f_i and uploads its model, and the parameter
 * server aggregates what arrived by the weighted rule.
 *
 * Every option is an attribute of the scenario (TrainingScenarioHelper) or
 * of a class it creates (training-scenario-options.cc binds them):
 * --PrintHelp lists them with their ranges and defaults, and
 * --ns3::edgedml::Type::Attribute=value sets any other attribute.
 *
 * Writes into the current directory:
 *   rounds.csv    one row per round: time, participation, drops by reason,
 *                 tasks, test accuracy and loss, energy spent so far
 *   workers.csv   one row per edge server: position, s_i, f_i, rounds
 *                 participated, drops, tasks executed, energy by activity
 *   training.png  test accuracy and participation over rounds (training.plt
 *                 is its gnuplot script)
 *   convergence.png  the optimality gap F(W_t) - F* and Chen et al.'s bound
 *                 over rounds (logistic regression; convergence.plt)
 *   optimum-cache.tsv  F* and the gradient-bound constants, reused by the next
 *                 run on the same data (--optimumCache)
 * Prints a summary on stdout and, unless --quiet, one progress line per
 * round on stderr.
 *
 *   ./edge-dml-training                        (80 ES, the paper's defaults)
 *   ./edge-dml-training --rounds=10 --numEdgeServers=20 --lossUnit=Packet
 *   ./edge-dml-training --syncPolicy=NSync --syncN=40 --dirichletAlpha=0.5
 */

#include "atomic-output-file.h"
#include "gnuplot-rendering.h"
#include "program-options.h"
#include "training-report.h"
#include "training-scenario-options.h"
#include "worker-policy-options.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"

#include <algorithm>
#include <iostream>
#include <numeric>

using namespace ns3;
using namespace ns3::edgedml;

int
main(int argc, char* argv[])
{
    std::string dataDir = FASHION_MNIST_DEFAULT_DIRECTORY;
    uint32_t trainLimit = 0;
    uint32_t testLimit = 0;
    uint32_t evaluateEvery = 1;
    bool learningRateOneOverL = false;
    bool convergenceBound = true;
    std::string optimumCache = "optimum-cache.tsv";
    bool plot = true;
    bool quiet = false;

    ProgramOptions options("edge-dml-training",
                           "Synchronous SGD of a Fashion-MNIST classifier over the edge cell.");
    AddTrainingCellOptions(options);
    AddTrainingScenarioOptions(options);
    AddTrainingRoundOptions(options);
    AddTrainingLearningOptions(options);
    AddWorkerPolicyOptions(options);
    options.AddValue("dataDir",
                     "Directory of the Fashion-MNIST IDX .gz files.",
                     dataDir,
                     MakeNonEmptyTextChecker());
    options.AddValue("trainLimit",
                     "Read at most this many training samples (0: all).",
                     trainLimit,
                     MakeUintegerChecker<uint32_t>(0, 1000000000));
    options.AddValue("testLimit",
                     "Read at most this many test samples (0: all).",
                     testLimit,
                     MakeUintegerChecker<uint32_t>(0, 1000000000));
    options.AddValue("evaluateEvery",
                     "Evaluate the test set every this many rounds.",
                     evaluateEvery,
                     MakeUintegerChecker<uint32_t>(1, 1000000));
    options.AddValue("learningRateOneOverL",
                     "Set every worker's learning rate to 1/L of the convergence bound "
                     "(logistic regression).",
                     learningRateOneOverL);
    options.AddValue("convergenceBound",
                     "Write the optimality gap and Chen et al.'s bound in rounds.csv (logistic "
                     "regression; costs a centralised run for F* unless cached).",
                     convergenceBound);
    options.AddValue("optimumCache",
                     "File that caches the centralised optimum F* of the bound (none: no cache).",
                     optimumCache,
                     MakeFileNameChecker());
    options.AddValue("plot", "Render training.png (and convergence.png) with gnuplot.", plot);
    options.AddValue("quiet", "No progress lines on stderr.", quiet);
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }

    // Checks across options.
    const uint32_t n = options.GetInteger("numEdgeServers");
    const double minRadiusM = options.GetReal("minRadiusM");
    if (options.GetReal("maxRadiusM") < minRadiusM + 1e-9)
    {
        return options.FailBelow("maxRadiusM",
                                 options.GetReal("maxRadiusM"),
                                 minRadiusM + 1e-9,
                                 "m, above minRadiusM");
    }
    TypeId policy;
    std::string error;
    TypeId::AttributeInformation quorum;
    LookupDerivedTypeId(options.GetText("syncPolicy"), SyncPolicy::GetTypeId(), policy, error);
    if (policy.LookupAttributeByName("N", &quorum) && options.GetInteger("syncN") > n)
    {
        // A policy that waits for N updates (one per ES) needs N <= n.
        return options.FailAbove("syncN",
                                 options.GetInteger("syncN"),
                                 n,
                                 "updates, at most numEdgeServers");
    }
    if (plot && !GnuplotCanRenderPng())
    {
        return options.Fail("--plot=true needs gnuplot with the pngcairo terminal: install the "
                            "Debian package gnuplot-nox, or pass --plot=false");
    }
    FashionMnistReadResult data = ReadFashionMnist(dataDir, trainLimit, testLimit);
    if (!data.train)
    {
        return options.Fail("--dataDir=" + dataDir + " is invalid: " + data.error);
    }

    // The scenario, from the attributes the options set.
    auto train = std::make_shared<const Dataset>(std::move(*data.train));
    auto test = std::make_shared<const Dataset>(std::move(*data.test));
    TrainingScenario built = CreateObject<TrainingScenarioHelper>()->Install(train, 0);
    if (built.shards.empty())
    {
        const auto sizes = TrainingHelper::GetSampleCounts(built.edgeNodes);
        return options.Fail(
            "the " + std::to_string(n) + " edge servers hold " +
            std::to_string(std::accumulate(sizes.begin(), sizes.end(), uint64_t{0})) +
            " samples but the training set has " + std::to_string(train->GetNumSamples()) +
            "; lower --numEdgeServers or raise --trainLimit");
    }
    // Opened before the run, so that an unwritable directory is reported at
    // once; renamed to their names only when complete.
    AtomicOutputFile roundsFile("rounds.csv");
    AtomicOutputFile workersFile("workers.csv");
    if (!roundsFile.IsOpen() || !workersFile.IsOpen())
    {
        std::cerr << "edge-dml-training: cannot write rounds.csv and workers.csv in the current "
                     "directory; run it from a writable directory\n";
        return 1;
    }
    TrainingRecorder recorder(built, test, evaluateEvery);
    if (!quiet)
    {
        recorder.SetProgressStream(&std::cerr);
    }
    // Chen et al.'s bound beside the simulated optimality gap (strongly convex models).
    ConvergenceBoundHelper bound(built);
    if (learningRateOneOverL)
    {
        if (!bound.IsAvailable())
        {
            return options.Fail("--learningRateOneOverL=true needs a model with a known "
                                "smoothness L (--model=LogisticRegression)");
        }
        bound.SetLearningRateOneOverL();
    }
    const bool withBound = convergenceBound && bound.IsAvailable();
    recorder.SetTrainingLossTracking(withBound);
    built.server->TraceConnectWithoutContext("TrainingFinished",
                                             MakeCallback(+[](uint32_t) { Simulator::Stop(); }));
    Simulator::Run();

    const auto& rounds = recorder.GetRounds();
    if (std::none_of(rounds.begin(), rounds.end(), [](const auto& r) { return r.ended; }))
    {
        std::cerr << "edge-dml-training: no round completed\n";
        return 1;
    }
    if (withBound)
    {
        bound.Apply(recorder, optimumCache == "none" ? "" : optimumCache);
    }
    recorder.WriteRounds(roundsFile.Stream());
    recorder.WriteWorkers(workersFile.Stream());
    if (!roundsFile.Commit(error) || !workersFile.Commit(error))
    {
        std::cerr << "edge-dml-training: " << error << "\n";
        return 1;
    }
    const bool plotted = !plot || (PlotTraining(recorder, n, error) &&
                                   (!withBound || PlotConvergence(recorder, error)));
    const bool withTasks = options.GetText("tasks") == "true";
    PrintTrainingSummary(
        std::cout,
        "edge-dml-training",
        "n=" + std::to_string(n) + " model=" + options.GetText("model") +
            " policy=" + options.GetText("syncPolicy") +
            " loss unit=" + options.GetText("lossUnit") + " tasks=" +
            (withTasks ? options.GetText("scheduler") + " " + options.GetText("taskArrival")
                       : std::string("off")),
        recorder,
        built,
        std::string("rounds.csv, workers.csv") +
            (plot && plotted ? (withBound ? ", training.png, convergence.png" : ", training.png")
                             : ""));
    if (withBound)
    {
        PrintConvergenceSummary(std::cout, recorder, bound);
    }
    Simulator::Destroy();
    if (!plotted)
    {
        std::cerr << "edge-dml-training: " << error
                  << "; rounds.csv and workers.csv are written. Check gnuplot (Debian package "
                     "gnuplot-nox) or pass --plot=false.\n";
        return 1;
    }
    return 0;
}
