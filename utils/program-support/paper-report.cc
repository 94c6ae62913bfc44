/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "paper-report.h"

#include "gnuplot-rendering.h"

#include "ns3/gnuplot.h"
#include "ns3/paper-findings.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <sstream>

namespace ns3
{
namespace edgedml
{

namespace
{

/// Add to a plot one curve of MeanCurves (nothing if it is empty: gnuplot
/// rejects an empty inline dataset).
void
AddCurve(Gnuplot& plot, const std::map<uint32_t, double>& curve, const std::string& title)
{
    Gnuplot2dDataset data(title);
    data.SetStyle(Gnuplot2dDataset::LINES_POINTS);
    for (const auto& [q, mean] : curve)
    {
        data.Add(q, mean);
    }
    if (!curve.empty())
    {
        plot.AddDataset(data);
    }
}

/// Add the curve of (algorithm, B) if the sweep has it.
void
AddCurveIfAny(Gnuplot& plot,
              const std::map<std::string, std::map<double, std::map<uint32_t, double>>>& curves,
              const std::string& algorithm,
              double bandwidthMhz,
              const std::string& title)
{
    const auto a = curves.find(algorithm);
    if (a == curves.end())
    {
        return;
    }
    const auto b = a->second.find(bandwidthMhz);
    if (b != a->second.end())
    {
        AddCurve(plot, b->second, title);
    }
}

} // namespace

double
PaperGap(double utility, double optimum)
{
    if (!std::isfinite(utility) || !std::isfinite(optimum) || optimum == 0.0)
    {
        return std::nan("");
    }
    return (optimum - utility) / std::fabs(optimum);
}

void
WritePaperCsv(std::ostream& csv, const std::vector<SweepRecord>& records, bool measureTime)
{
    csv << "algorithm,bandwidth_mhz,num_tasks,instance,status,utility,optimal_utility,gap,"
           "accepted,training_utility,upper_bound,bandwidth_used_mhz,energy_used_j,"
           "bandwidth_binds,energy_binds"
        << (measureTime ? ",runtime_ms" : "") << "\n";
    csv << std::setprecision(10);
    for (const auto& r : records)
    {
        const double utility = r.solution.feasible ? r.solution.objective : std::nan("");
        csv << r.algorithm << "," << r.bandwidthMhz << "," << r.numTasks << "," << r.instance << ","
            << ToString(r.solution.status) << "," << utility << "," << r.optimalUtility << ","
            << PaperGap(utility, r.optimalUtility) << "," << r.tasksPlaced << ","
            << r.trainingUtility << "," << r.solution.upperBound << "," << r.bandwidthUsedHz / 1e6
            << "," << r.energyUsedJ << "," << int{r.bandwidthBinds} << "," << int{r.energyBinds};
        if (measureTime)
        {
            csv << "," << r.solution.wallTimeMs;
        }
        csv << "\n";
    }
}

void
PrintPaperSummary(std::ostream& os,
                  const std::vector<std::string>& names,
                  const std::vector<SweepRecord>& records,
                  bool measureTime)
{
    os << "algorithm   solved  mean_gap_%  worst_gap_%  mean_accepted"
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
            accepted += r.tasksPlaced;
            const double gap = PaperGap(r.solution.objective, r.optimalUtility);
            if (std::isfinite(gap))
            {
                gapSum += gap;
                worst = std::max(worst, gap);
                ++gaps;
            }
        }
        os << std::left << std::setw(11) << name << " " << std::right << std::setw(3) << solved
           << "/" << std::left << std::setw(4) << count << std::right << std::fixed
           << std::setprecision(3) << std::setw(10) << (gaps ? 100 * gapSum / gaps : std::nan(""))
           << std::setw(13) << (gaps ? 100 * worst : std::nan("")) << std::setw(15)
           << (solved ? accepted / solved : std::nan(""));
        if (measureTime)
        {
            os << std::setw(9) << std::setprecision(3) << ms / std::max(count, 1u);
        }
        os << "\n" << std::defaultfloat;
    }
}

bool
PlotPaperFigures(const std::vector<SweepRecord>& records,
                 const std::vector<std::string>& names,
                 const std::vector<double>& bandwidths,
                 const std::string& figure2Algorithm,
                 double figure3BandwidthMhz,
                 const std::string& subtitle,
                 bool trainingMetric,
                 std::string& error)
{
    const auto curves = MeanCurves(records, trainingMetric);
    const std::string metric =
        trainingMetric ? "mean training performance U_T" : "mean system utility U";
    Gnuplot fig2("", "Utility vs tasks (" + figure2Algorithm + ", " + subtitle + ")");
    fig2.SetTerminal("pngcairo size 900,600");
    fig2.SetLegend("number of tasks q", metric);
    fig2.AppendExtra("set key outside right");
    for (double bMhz : bandwidths)
    {
        std::ostringstream title;
        title << "B = " << bMhz << " MHz";
        AddCurveIfAny(fig2, curves, figure2Algorithm, bMhz, title.str() + ", " + figure2Algorithm);
        if (figure2Algorithm != "Exact")
        {
            AddCurveIfAny(fig2, curves, "Exact", bMhz, title.str() + ", optimum");
        }
    }
    std::ostringstream fig3Title;
    fig3Title << "Utility vs tasks per algorithm (B = " << figure3BandwidthMhz << " MHz, "
              << subtitle << ")";
    Gnuplot fig3("", fig3Title.str());
    fig3.SetTerminal("pngcairo size 900,600");
    fig3.SetLegend("number of tasks q", metric);
    fig3.AppendExtra("set key outside right");
    for (const auto& name : names)
    {
        AddCurveIfAny(fig3, curves, name, figure3BandwidthMhz, name);
    }
    return RenderGnuplot(fig2, "paper-utility-vs-tasks.png", "paper-utility-vs-tasks.plt", error) &&
           RenderGnuplot(fig3, "paper-algorithms.png", "paper-algorithms.plt", error);
}

} // namespace edgedml
} // namespace ns3
