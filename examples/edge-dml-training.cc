/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-training: the flagship example. Synchronous SGD (federated
 * averaging) of a Fashion-MNIST classifier over the packet-level OFDMA cell
 * (the system model, "Actors" to "Synchronous SGD"): the parameter server broadcasts the real model
 * parameters every round, each edge server that received them, is online and
 * not busy trains on its s_i samples for a simulated time of cycles / f_i and
 * uploads its model, and the parameter server aggregates what arrived by the
 * weighted rule.
 *
 * Writes into the current directory:
 *   rounds.csv    one row per round: time, participation, drops by reason,
 *                 tasks, test accuracy and loss, energy spent so far
 *   workers.csv   one row per edge server: position, s_i, f_i, rounds
 *                 participated, drops, tasks executed, energy by activity
 *   training.png  test accuracy and participation over rounds (training.plt
 *                 is its gnuplot script)
 * Prints a summary on stdout and, unless --quiet, one progress line per
 * round on stderr.
 *
 *   ./edge-dml-training                        (80 ES, the paper's defaults)
 *   ./edge-dml-training --rounds=10 --numEdgeServers=20 --lossUnit=Packet
 *   ./edge-dml-training --syncPolicy=NSync --syncN=40 --dirichletAlpha=0.5
 */

#include "atomic-output-file.h"
#include "command-line-checks.h"
#include "gnuplot-rendering.h"
#include "training-scenario-options.h"
#include "worker-policy-options.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"
#include "ns3/gnuplot.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <numeric>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Render accuracy and participation over rounds into training.png (and
/// its script training.plt); false, with the reason in error, if that failed.
bool
PlotTraining(const TrainingRecorder& recorder, uint32_t numEdgeServers, std::string& error)
{
    Gnuplot plot("training.png", "Synchronous SGD over the edge network");
    plot.SetTerminal("pngcairo size 900,540 font ',11'");
    plot.SetLegend("Round", "Test accuracy");
    plot.SetExtra("set y2label 'Participation (fraction of ES)'\n"
                  "set y2tics\nset ytics nomirror\nset yrange [0:1]\nset y2range [0:1]\n"
                  "set key bottom right\nset grid");
    Gnuplot2dDataset accuracy("test accuracy");
    accuracy.SetStyle(Gnuplot2dDataset::LINES_POINTS);
    accuracy.SetExtra("axes x1y1 lw 2");
    Gnuplot2dDataset participation("participation");
    participation.SetStyle(Gnuplot2dDataset::LINES);
    participation.SetExtra("axes x1y2 dt 2");
    accuracy.Add(0, recorder.GetInitialEvaluation().accuracy);
    const auto& rounds = recorder.GetRounds();
    for (uint32_t t = 0; t < rounds.size(); ++t)
    {
        if (rounds[t].ended)
        {
            accuracy.Add(t + 1, rounds[t].testAccuracy);
            participation.Add(t + 1, double(rounds[t].participants) / numEdgeServers);
        }
    }
    plot.AddDataset(accuracy);
    plot.AddDataset(participation);
    return RenderGnuplot(plot, "training.png", "training.plt", error);
}

} // namespace

int
main(int argc, char* argv[])
{
    TrainingScenarioParameters p;
    int64_t numRbs = p.numRbs;
    int64_t hiddenUnits = p.hiddenUnits;
    int64_t syncN = p.syncN;
    int64_t syncBatches = p.syncBatches;
    int64_t tasksPerRound = p.tasksPerRound;
    double taskBandwidthMhz = p.taskBandwidthHz / 1e6;
    std::string model = "LogisticRegression";
    std::string syncPolicy = "Full";
    std::string dataDir = FASHION_MNIST_DEFAULT_DIRECTORY;
    int64_t trainLimit = 0;
    int64_t testLimit = 0;
    int64_t evaluateEvery = 1;
    bool plot = true;
    bool quiet = false;

    CommandLine cmd(__FILE__);
    CommandLineChecks check("edge-dml-training");
    AddTrainingCellOptions(cmd, check, p);
    check.AddDouble(cmd,
                    "minRadiusM",
                    "smallest edge-server distance to the PS, in m",
                    p.minRadiusM,
                    0,
                    1e6,
                    "m");
    check.AddDouble(cmd,
                    "maxRadiusM",
                    "largest edge-server distance to the PS, in m",
                    p.maxRadiusM,
                    0,
                    1e6,
                    "m");
    check.AddInteger(cmd,
                     "numRbs",
                     "uplink resource blocks R (0: one per edge server)",
                     numRbs,
                     0,
                     1000000,
                     "RBs; 0 gives one per edge server");
    check.AddDouble(cmd,
                    "rbBandwidthHz",
                    "bandwidth of one resource block, in Hz",
                    p.rbBandwidthHz,
                    1,
                    1e12,
                    "Hz");
    check
        .AddPositive(cmd, "txPowerW", "edge-server transmit power p_i, in W", p.txPowerW, 1e6, "W");
    check.AddDouble(cmd,
                    "waterfallThreshold",
                    "waterfall threshold m (linear)",
                    p.waterfallThreshold,
                    0,
                    1e6,
                    "");
    check.AddBool(cmd,
                  "redrawInterference",
                  "redraw the uplink interference at every round start",
                  p.redrawInterferenceEachRound);
    check.AddPositive(cmd,
                      "initialEnergyJ",
                      "initial battery energy of each edge server, in J",
                      p.initialEnergyJ,
                      1e15,
                      "J");
    check.AddBool(cmd, "tasks", "run crowdsourcing tasks (a scheduling epoch per round)", p.tasks);
    check.AddString(cmd,
                    "scheduler",
                    "task scheduler: Random, Greedy, Tabu, Annealing, LocalSearch, Exact (or a "
                    "TaskScheduler TypeId name)",
                    p.scheduler);
    check.AddChoice(cmd,
                    "taskArrival",
                    "task arrivals: Batch (per round) or Poisson",
                    p.taskArrival,
                    {"Batch", "Poisson"});
    check.AddInteger(cmd,
                     "tasksPerRound",
                     "tasks q arriving at each round start (Batch)",
                     tasksPerRound,
                     0,
                     1000000,
                     "tasks");
    check.AddPositive(cmd,
                      "taskArrivalRatePerS",
                      "rate of the Poisson task arrivals, in tasks per s",
                      p.taskArrivalRatePerS,
                      1e6,
                      "tasks per s");
    check.AddChoice(cmd,
                    "unplacedTasks",
                    "a task not placed at an epoch: Retry (until its deadline) or Reject",
                    p.unplacedTasks,
                    {"Retry", "Reject"});
    check.AddDouble(cmd,
                    "taskBandwidthMhz",
                    "task bandwidth capacity B per epoch, in MHz",
                    taskBandwidthMhz,
                    0,
                    1e6,
                    "MHz");
    check.AddDouble(cmd,
                    "taskEnergyBudgetJ",
                    "task energy capacity E_max per epoch, in J",
                    p.taskEnergyBudgetJ,
                    0,
                    1e9,
                    "J");
    check.AddChoice(cmd,
                    "preset",
                    "scheduling preset: Valued or Strict (every task placed)",
                    p.preset,
                    {"Valued", "Strict"});
    check.AddString(cmd,
                    "model",
                    "LogisticRegression or Mlp (or a LearningModel TypeId name)",
                    model);
    check.AddDouble(cmd, "l2", "L2 regularisation coefficient lambda", p.l2, 0, 1e6, "");
    check.AddInteger(cmd,
                     "hiddenUnits",
                     "hidden units of the Mlp model",
                     hiddenUnits,
                     1,
                     100000,
                     "");
    check.AddDouble(cmd,
                    "dirichletAlpha",
                    "Dirichlet alpha of the non-IID split (0: IID)",
                    p.dirichletAlpha,
                    0,
                    1e6,
                    "");
    AddTrainingRoundOptions(cmd, check, p);
    WorkerPolicyOptions workerPolicy;
    AddWorkerPolicyOptions(cmd, check, workerPolicy);
    check.AddDouble(cmd,
                    "roundGapS",
                    "pause between a round's end and the next start, in s",
                    p.roundGapS,
                    0,
                    1e6,
                    "s");
    check.AddPositive(cmd, "learningRate", "SGD step size eta", p.learningRate, 1e6, "");
    check.AddString(cmd,
                    "syncPolicy",
                    "Full, NSync, NBatchSync (or a SyncPolicy TypeId name)",
                    syncPolicy);
    check.AddInteger(cmd,
                     "syncBatches",
                     "M of the NBatchSync policy (updates per round)",
                     syncBatches,
                     1,
                     1000000,
                     "updates");
    check.AddChoice(cmd,
                    "busyPolicy",
                    "a worker busy with a task: Skip (does not train) or Discard (trains, the "
                    "update is discarded)",
                    p.busyPolicy,
                    {"Skip", "Discard"});
    check.AddChoice(cmd,
                    "availability",
                    "volatile workers: Always, Bernoulli (p_a per round) or Markov (on/off chain)",
                    p.availability,
                    {"Always", "Bernoulli", "Markov"});
    check.AddDouble(cmd,
                    "probabilityAvailable",
                    "p_a of the Bernoulli availability",
                    p.probabilityAvailable,
                    0,
                    1,
                    "");
    check.AddDouble(cmd,
                    "probabilityOnToOff",
                    "per-round on->off probability (Markov)",
                    p.probabilityOnToOff,
                    0,
                    1,
                    "");
    check.AddDouble(cmd,
                    "probabilityOffToOn",
                    "per-round off->on probability (Markov)",
                    p.probabilityOffToOn,
                    0,
                    1,
                    "");
    check.AddDouble(cmd,
                    "stragglerShiftS",
                    "shift of the straggler delay, in s",
                    p.stragglerShiftS,
                    0,
                    1e6,
                    "s");
    check.AddInteger(cmd, "syncN", "N of the NSync policy", syncN, 1, 1000000, "");
    check.AddDouble(cmd,
                    "stragglerMeanS",
                    "mean exponential straggler delay, in s (0: none)",
                    p.stragglerMeanS,
                    0,
                    1e6,
                    "s");
    check.AddString(cmd, "dataDir", "directory of the Fashion-MNIST IDX .gz files", dataDir);
    check.AddInteger(cmd,
                     "trainLimit",
                     "read at most this many training samples (0: all)",
                     trainLimit,
                     0,
                     1000000000,
                     "");
    check.AddInteger(cmd,
                     "testLimit",
                     "read at most this many test samples (0: all)",
                     testLimit,
                     0,
                     1000000000,
                     "");
    check.AddInteger(cmd,
                     "evaluateEvery",
                     "evaluate the test set every this many rounds",
                     evaluateEvery,
                     1,
                     1000000,
                     "");
    check.AddBool(cmd, "plot", "render training.png with gnuplot", plot);
    check.AddBool(cmd, "quiet", "no progress lines on stderr", quiet);
    check.Parse(cmd, argc, argv);

    check.AtLeast("maxRadiusM", p.maxRadiusM, p.minRadiusM + 1e-9, "m, above minRadiusM");
    {
        TypeId schedulerTid;
        std::string error;
        if (!LookupTaskScheduler(p.scheduler, schedulerTid, error))
        {
            check.Fail("--scheduler=" + p.scheduler + ": " + error);
        }
    }
    p.tasksPerRound = tasksPerRound;
    p.taskBandwidthHz = taskBandwidthMhz * 1e6;
    p.modelType =
        check.DerivedFrom("model", LearningModelTypeName(model), LearningModel::GetTypeId())
            .GetName();
    const std::string policyName = syncPolicy == "Full"         ? "ns3::edgedml::FullSyncPolicy"
                                   : syncPolicy == "NSync"      ? "ns3::edgedml::NSyncPolicy"
                                   : syncPolicy == "NBatchSync" ? "ns3::edgedml::NBatchSyncPolicy"
                                                                : syncPolicy;
    p.syncPolicy = check.DerivedFrom("syncPolicy", policyName, SyncPolicy::GetTypeId()).GetName();
    if (p.syncPolicy == "ns3::edgedml::NSyncPolicy")
    {
        // Only N-sync uses N; SEM passes every default, so the others ignore it.
        check.AtMost("syncN", syncN, p.numEdgeServers, "updates, at most numEdgeServers");
    }
    ApplyWorkerPolicyOptions(check, workerPolicy, p);
    p.numRbs = numRbs;
    p.hiddenUnits = hiddenUnits;
    p.syncN = syncN;
    p.syncBatches = syncBatches;

    // The plot needs gnuplot with its pngcairo terminal: check before the run.
    if (plot && !GnuplotCanRenderPng())
    {
        check.Fail("--plot=true needs gnuplot with the pngcairo terminal: install the Debian "
                   "package gnuplot-nox, or pass --plot=false");
    }
    FashionMnistReadResult data = ReadFashionMnist(dataDir, trainLimit, testLimit);
    if (!data.train)
    {
        check.Fail("--dataDir=" + dataDir + " is invalid: " + data.error);
    }

    auto train = std::make_shared<const Dataset>(std::move(*data.train));
    auto test = std::make_shared<const Dataset>(std::move(*data.test));
    TrainingScenarioHelper helper(p);
    TrainingScenario scenario = helper.Install(train, 0);
    if (scenario.shards.empty())
    {
        const auto sizes = TrainingHelper::GetSampleCounts(scenario.edgeNodes);
        check.Fail("the " + std::to_string(p.numEdgeServers) + " edge servers hold " +
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
    TrainingRecorder recorder(scenario, test, evaluateEvery);
    if (!quiet)
    {
        recorder.SetProgressStream(&std::cerr);
    }

    // Stop once every round's updates are resolved (the energy sources keep
    // the event list alive, so the simulation would not empty by itself).
    scenario.server->TraceConnectWithoutContext("TrainingFinished",
                                                MakeCallback(+[](uint32_t) { Simulator::Stop(); }));
    Simulator::Run();

    const auto& records = recorder.GetRounds();
    uint32_t completed = 0;
    double participation = 0.0;
    uint64_t tasksPlaced = 0;
    uint64_t busyDropped = 0;
    double utility = 0.0;
    for (const auto& r : records)
    {
        if (r.ended)
        {
            ++completed;
            participation += r.participants;
            tasksPlaced += r.tasksAssigned;
            busyDropped += r.dropped[ParameterServerApplication::BUSY];
            utility += r.utility;
        }
    }
    if (completed == 0)
    {
        std::cerr << "edge-dml-training: no round completed\n";
        return 1;
    }
    recorder.WriteRounds(roundsFile.Stream());
    recorder.WriteWorkers(workersFile.Stream());
    std::string error;
    if (!roundsFile.Commit(error) || !workersFile.Commit(error))
    {
        std::cerr << "edge-dml-training: " << error << "\n";
        return 1;
    }
    bool plotted = true;
    std::string plotError;
    if (plot)
    {
        plotted = PlotTraining(recorder, p.numEdgeServers, plotError);
    }
    const RoundRecord& last = records.back();
    std::cout << std::fixed << std::setprecision(4) << "edge-dml-training: n=" << p.numEdgeServers
              << " rounds=" << completed << " model=" << model << " policy=" << syncPolicy
              << " loss unit=" << p.lossUnit << " selector=" << workerPolicy.selector
              << " tasks=" << (p.tasks ? p.scheduler + " " + p.taskArrival : std::string("off"))
              << "\n"
              << "  update " << scenario.model->GetSerializedSize() << " bytes, samples "
              << std::accumulate(scenario.shards.begin(),
                                 scenario.shards.end(),
                                 uint64_t{0},
                                 [](uint64_t sum, const auto& s) { return sum + s.size(); })
              << ", simulated time " << last.endS << " s\n"
              << "  test accuracy " << recorder.GetInitialEvaluation().accuracy << " -> "
              << last.testAccuracy << ", test loss " << last.testLoss << "\n"
              << "  mean participants per round " << participation / completed << " of "
              << p.numEdgeServers << ", energy " << last.energyJ << " J, cost " << last.totalCost
              << "\n"
              << "  tasks placed " << tasksPlaced << ", busy drops " << busyDropped
              << ", mean system utility " << utility / completed << "\n"
              << "  results in rounds.csv, workers.csv" << (plot && plotted ? ", training.png" : "")
              << std::endl;
    Simulator::Destroy();
    if (!plotted)
    {
        std::cerr << "edge-dml-training: " << plotError
                  << "; rounds.csv and workers.csv are written. Check gnuplot (Debian package "
                     "gnuplot-nox) or pass --plot=false.\n";
        return 1;
    }
    return 0;
}
