/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-report.h"

#include "gnuplot-rendering.h"

#include "ns3/gnuplot.h"
#include "ns3/learning-model.h"

#include <cmath>
#include <iomanip>
#include <numeric>

namespace ns3
{
namespace edgedml
{

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

uint32_t
PrintTrainingSummary(std::ostream& os,
                     const std::string& program,
                     const std::string& settings,
                     const TrainingRecorder& recorder,
                     const TrainingScenario& scenario,
                     const std::string& files)
{
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
        return 0;
    }
    const uint32_t n = scenario.edgeNodes.GetN();
    const std::size_t space = settings.find(' ');
    const RoundRecord& last = records.back();
    os << std::fixed << std::setprecision(4) << program << ": " << settings.substr(0, space)
       << " rounds=" << completed << settings.substr(space) << "\n"
       << "  update " << scenario.model->GetSerializedSize() << " bytes, samples "
       << std::accumulate(scenario.shards.begin(),
                          scenario.shards.end(),
                          uint64_t{0},
                          [](uint64_t sum, const auto& s) { return sum + s.size(); })
       << ", simulated time " << last.endS << " s\n"
       << "  test accuracy " << recorder.GetInitialEvaluation().accuracy << " -> "
       << last.testAccuracy << ", test loss " << last.testLoss << "\n"
       << "  mean participants per round " << participation / completed << " of " << n
       << ", energy " << last.energyJ << " J, cost " << last.totalCost << "\n"
       << "  tasks placed " << tasksPlaced << ", busy drops " << busyDropped
       << ", mean system utility " << utility / completed << "\n"
       << "  results in " << files << std::endl;
    return completed;
}

bool
PlotConvergence(const TrainingRecorder& recorder, std::string& error)
{
    Gnuplot plot("convergence.png", "Optimality gap and the convergence bound");
    plot.SetTerminal("pngcairo size 900,540 font ',11'");
    plot.SetLegend("Round", "F(W_t) - F*");
    plot.SetExtra("set logscale y\nset format y '10^{%L}'\nset key top right\nset grid");
    Gnuplot2dDataset gap("simulated gap F(W_t) - F*");
    gap.SetStyle(Gnuplot2dDataset::LINES_POINTS);
    gap.SetExtra("lw 2");
    Gnuplot2dDataset bound("bound (Chen et al., Theorem 1)");
    bound.SetStyle(Gnuplot2dDataset::LINES);
    bound.SetExtra("dt 2 lw 2");
    const double optimum = recorder.GetOptimum();
    gap.Add(0, recorder.GetInitialTrainingLoss() - optimum);
    bound.Add(0, recorder.GetInitialTrainingLoss() - optimum);
    const auto& rounds = recorder.GetRounds();
    const auto bounds = recorder.GetGapBounds();
    for (uint32_t t = 0; t < rounds.size(); ++t)
    {
        if (rounds[t].ended && std::isfinite(rounds[t].trainingLoss) &&
            rounds[t].trainingLoss - optimum > 0.0)
        {
            gap.Add(t + 1, rounds[t].trainingLoss - optimum);
        }
        if (std::isfinite(bounds[t]) && bounds[t] > 0.0)
        {
            bound.Add(t + 1, bounds[t]);
        }
    }
    plot.AddDataset(gap);
    plot.AddDataset(bound);
    return RenderGnuplot(plot, "convergence.png", "convergence.plt", error);
}

void
PrintConvergenceSummary(std::ostream& os,
                        const TrainingRecorder& recorder,
                        const ConvergenceBoundHelper& bound)
{
    const auto& rounds = recorder.GetRounds();
    const auto bounds = recorder.GetGapBounds();
    double gap = std::nan("");
    double last = std::nan("");
    for (uint32_t t = 0; t < rounds.size(); ++t)
    {
        if (rounds[t].ended && std::isfinite(rounds[t].trainingLoss))
        {
            gap = rounds[t].trainingLoss - bound.GetOptimum();
            last = bounds[t];
        }
    }
    const auto flags = os.flags();
    const auto precision = os.precision();
    os << std::setprecision(6) << "  convergence bound: mu " << bound.GetMu() << ", L "
       << bound.GetSmoothness() << ", zeta1 " << bound.GetConstants().zeta1 << ", zeta2 "
       << bound.GetConstants().zeta2 << ", F* " << bound.GetOptimum()
       << (bound.WasCached() ? " (cached)" : "") << "; final gap " << gap << ", bound " << last
       << std::endl;
    os.flags(flags);
    os.precision(precision);
}

} // namespace edgedml
} // namespace ns3
