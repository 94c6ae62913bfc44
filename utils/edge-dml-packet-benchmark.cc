/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-packet-benchmark: wall time and peak memory of synchronous SGD
 * at packet level (the goal: 1,000 edge servers x 50 rounds with the
 * Packet loss unit in under 60 s and 2 GiB on a 2-core machine).
 *
 * It first measures a bare ns-3 event loop (a chain of empty events) as the
 * baseline of this run, then builds the TrainingScenario of the flagship
 * example (Fashion-MNIST, logistic regression) and runs it, timing the
 * learning compute (each worker's local SGD, measured between its
 * ModelReceived and TrainingStart traces, which fire in the same event) apart
 * from everything else (the network: packets, devices, sockets, energy,
 * aggregation). Prints one table; all figures are wall-clock measurements of
 * this run, so compare ratios, not absolute times, across machines.
 *
 *   ./edge-dml-packet-benchmark
 *   ./edge-dml-packet-benchmark --numEdgeServers=200 --rounds=20
 */

#include "program-options.h"
#include "training-scenario-options.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

using Clock = std::chrono::steady_clock;

/// \return seconds since a time point \param since the time point
double
SecondsSince(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

/// \return the peak resident set size of this process so far, in MiB
double
PeakMemoryMib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // Linux reports KiB
}

/// Remaining events of the bare loop.
uint64_t g_bareRemaining = 0;

/// One empty event that schedules the next.
void
BareEvent()
{
    if (--g_bareRemaining > 0)
    {
        Simulator::Schedule(NanoSeconds(1), &BareEvent);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    // This benchmark's defaults: the 1,000-ES goal, packet loss with ARQ.
    const std::string scenario = "ns3::edgedml::TrainingScenarioHelper::";
    Config::SetDefault(scenario + "NumEdgeServers", UintegerValue(1000));
    Config::SetDefault(scenario + "SamplesPerServer", UintegerValue(60));
    Config::SetDefault("ns3::edgedml::OfdmaNetDevice::MaxRetransmissions", UintegerValue(3));
    Config::SetDefault("ns3::edgedml::WaterfallErrorModel::LossUnit", StringValue("Packet"));
    uint64_t bareEvents = 5000000;
    bool quiet = false;
    std::string dataDir = FASHION_MNIST_DEFAULT_DIRECTORY;

    ProgramOptions options("edge-dml-packet-benchmark",
                           "Wall time and peak memory of packet-level synchronous SGD.");
    AddTrainingCellOptions(options);
    AddTrainingRoundOptions(options);
    options.AddAttribute("tasks", scenario + "Tasks");
    options.AddValue("bareEvents",
                     "Events of the bare ns-3 event-loop baseline.",
                     bareEvents,
                     MakeUintegerChecker<uint64_t>(1, 10000000000));
    options.AddValue("quiet", "No progress lines on stderr.", quiet);
    options.AddValue("dataDir",
                     "Directory of the Fashion-MNIST IDX .gz files.",
                     dataDir,
                     MakeNonEmptyTextChecker());
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }

    // Baseline: a bare ns-3 event loop in this process, before anything else.
    g_bareRemaining = bareEvents;
    const auto bareStart = Clock::now();
    Simulator::Schedule(NanoSeconds(1), &BareEvent);
    Simulator::Run();
    const double bareS = SecondsSince(bareStart);
    const uint64_t bareCount = Simulator::GetEventCount();
    Simulator::Destroy();
    const double bareRate = bareCount / bareS;

    const auto readStart = Clock::now();
    FashionMnistReadResult data = ReadFashionMnist(dataDir);
    if (!data.train)
    {
        return options.Fail("--dataDir=" + dataDir + " is invalid: " + data.error);
    }
    auto train = std::make_shared<const Dataset>(std::move(*data.train));
    auto test = std::make_shared<const Dataset>(std::move(*data.test));
    const double readS = SecondsSince(readStart);
    const double dataMib = PeakMemoryMib();

    const auto setupStart = Clock::now();
    TrainingScenario built = CreateObject<TrainingScenarioHelper>()->Install(train, 0);
    if (built.shards.empty())
    {
        return options.Fail("the edge servers hold more samples than the 60,000 of Fashion-MNIST; "
                            "lower --samplesPerServer or --numEdgeServers");
    }
    uint64_t aggregated = 0;
    built.server->TraceConnectWithoutContext("UpdateReceived",
                                             MakeBoundCallback(
                                                 +[](uint64_t* n, uint32_t, uint32_t) { ++*n; },
                                                 &aggregated));
    built.server->TraceConnectWithoutContext("TrainingFinished",
                                             MakeCallback(+[](uint32_t) { Simulator::Stop(); }));
    const double setupS = SecondsSince(setupStart);

    const auto runStart = Clock::now();
    {
        // Progress on stderr (wall-clock paced), so stdout stays the table.
        std::unique_ptr<ShowProgress> progress;
        if (!quiet)
        {
            progress = std::make_unique<ShowProgress>(Seconds(10), std::cerr);
        }
        Simulator::Run();
    }
    const double runS = SecondsSince(runStart);
    const uint64_t events = Simulator::GetEventCount();
    const double simulatedS = Simulator::Now().GetSeconds();
    const double peakMib = PeakMemoryMib();

    const auto evalStart = Clock::now();
    Ptr<LearningModel> model = built.model;
    model->SetParameters(built.server->GetParameters());
    const ModelEvaluation final = model->Evaluate(*test);
    const double evalS = SecondsSince(evalStart);
    const uint32_t completed = built.server->GetRoundsCompleted();
    Simulator::Destroy();

    // The arithmetic's share of the simulator thread: the jobs it ran and the
    // time it waited for background threads.
    Ptr<TrainingExecutor> executor = built.executor;
    const double learningS = executor->GetBusySeconds();
    const double learningOnSimulatorS = executor->GetCallerSeconds();
    const uint64_t updates = executor->GetJobs();
    const double networkS = runS - learningOnSimulatorS;
    const uint64_t numEdgeServers = options.GetInteger("numEdgeServers");
    std::printf("edge-dml-packet-benchmark: n=%llu rounds=%u loss unit=%s retransmissions=%s "
                "socket=%s tasks=%s s_i=%s tau=%s b=%s update=%u bytes\n",
                static_cast<unsigned long long>(numEdgeServers),
                completed,
                options.GetText("lossUnit").c_str(),
                options.GetText("maxRetransmissions").c_str(),
                options.GetText("socket").c_str(),
                options.GetText("tasks") == "true" ? "on" : "off",
                options.GetText("samplesPerServer").c_str(),
                options.GetText("localSteps").c_str(),
                options.GetText("batchSize").c_str(),
                static_cast<uint32_t>(built.model->GetSerializedSize()));
    std::printf("  %-38s %10.2f s\n", "read Fashion-MNIST", readS);
    std::printf("  %-38s %10.2f s\n", "build the scenario", setupS);
    std::printf("  %-38s %10.2f s  (simulated %.1f s)\n", "run (wall)", runS, simulatedS);
    std::printf("  %-38s %10.2f s  (%llu local updates, %.2f ms each, %s)\n",
                "  learning compute",
                learningS,
                static_cast<unsigned long long>(updates),
                updates ? 1e3 * learningS / updates : 0.0,
                executor->GetThreads() == 0 ? "on the simulator's thread"
                                            : "on background threads");
    if (executor->GetThreads() > 0)
    {
        std::printf("  %-38s %10.2f s\n",
                    "  simulator thread in it (ran or waited)",
                    learningOnSimulatorS);
    }
    std::printf("  %-38s %10.2f s  (%llu events, %.3g events/s)\n",
                "  network and simulator",
                networkS,
                static_cast<unsigned long long>(events),
                networkS > 0 ? events / networkS : 0.0);
    std::printf("  %-38s %10.3g events/s (%llu events in %.2f s)\n",
                "bare ns-3 event loop",
                bareRate,
                static_cast<unsigned long long>(bareCount),
                bareS);
    std::printf("  %-38s %10.2f x the bare loop's time per event\n",
                "network cost per event",
                networkS > 0 && events > 0 ? (networkS / events) * bareRate : 0.0);
    std::printf("  %-38s %10.1f MiB (%.1f MiB after reading the data)\n",
                "peak memory (RSS)",
                peakMib,
                dataMib);
    std::printf("  %-38s %10llu of %llu worker-rounds\n",
                "updates aggregated",
                static_cast<unsigned long long>(aggregated),
                static_cast<unsigned long long>(completed) * numEdgeServers);
    std::printf("  %-38s %10.4f (evaluated in %.2f s)\n",
                "final test accuracy",
                final.accuracy,
                evalS);
    std::printf("  %-38s %10.2f s (target: under 60 s and 2048 MiB)\n",
                "total wall time",
                readS + setupS + runS);
    return 0;
}
