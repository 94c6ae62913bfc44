/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "paper-report.h"

#include "gnuplot-rendering.h"

#include "ns3/gnuplot.h"

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

/// Add to a plot the mean utility per q of the records selected by a
/// predicate; a q is a point only if every selected instance has a solution.
template <typename Select>
void
AddMeanCurve(Gnuplot& plot,
             const std::vector<PaperSolveRecord>& records,
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
WritePaperCsv(std::ostream& csv, const std::vector<PaperSolveRecord>& records, bool measureTime)
{
    csv << "algorithm,bandwidth_mhz,num_tasks,instance,status,utility,optimal_utility,gap,"
           "accepted,training_utility,upper_bound"
        << (measureTime ? ",runtime_ms" : "") << "\n";
    csv << std::setprecision(10);
    for (const auto& r : records)
    {
        const double utility = r.solution.feasible ? r.solution.objective : std::nan("");
        csv << r.algorithm << "," << r.bandwidthMhz << "," << r.numTasks << "," << r.instance << ","
            << ToString(r.solution.status) << "," << utility << "," << r.optimalUtility << ","
            << PaperGap(utility, r.optimalUtility) << "," << r.solution.accepted << ","
            << r.trainingUtility << "," << r.solution.upperBound;
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
                  const std::vector<PaperSolveRecord>& records,
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
            accepted += r.solution.accepted;
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
PlotPaperFigures(const std::vector<PaperSolveRecord>& records,
                 const std::vector<std::string>& names,
                 const std::vector<double>& bandwidths,
                 const std::string& figure2Algorithm,
                 double figure3BandwidthMhz,
                 const std::string& subtitle,
                 std::string& error)
{
    Gnuplot fig2("", "System utility vs tasks (" + figure2Algorithm + ", " + subtitle + ")");
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
                     [&](const PaperSolveRecord& r) {
                         return r.algorithm == figure2Algorithm && r.bandwidthMhz == bMhz;
                     });
        if (figure2Algorithm != "Exact")
        {
            AddMeanCurve(fig2, records, title.str() + ", optimum", [&](const PaperSolveRecord& r) {
                return r.algorithm == "Exact" && r.bandwidthMhz == bMhz;
            });
        }
    }
    std::ostringstream fig3Title;
    fig3Title << "System utility vs tasks per algorithm (B = " << figure3BandwidthMhz << " MHz, "
              << subtitle << ")";
    Gnuplot fig3("", fig3Title.str());
    fig3.SetTerminal("pngcairo size 900,600");
    fig3.SetLegend("number of tasks q", "mean system utility U");
    fig3.AppendExtra("set key outside right");
    for (const auto& name : names)
    {
        AddMeanCurve(fig3, records, name, [&](const PaperSolveRecord& r) {
            return r.algorithm == name && r.bandwidthMhz == figure3BandwidthMhz;
        });
    }
    return RenderGnuplot(fig2, "paper-utility-vs-tasks.png", "paper-utility-vs-tasks.plt", error) &&
           RenderGnuplot(fig3, "paper-algorithms.png", "paper-algorithms.plt", error);
}

} // namespace edgedml
} // namespace ns3
