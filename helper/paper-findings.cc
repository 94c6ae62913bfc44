/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "paper-findings.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <set>
#include <sstream>

namespace ns3
{
namespace edgedml
{

namespace
{

/// \param r a record \param training U_T or U \return the metric (NaN if infeasible)
double
Metric(const SweepRecord& r, bool training)
{
    if (!r.solution.feasible)
    {
        return std::nan("");
    }
    return training ? r.trainingUtility : r.solution.objective;
}

/// A curve: q -> mean.
using Curve = std::map<uint32_t, double>;

/// \return a number with 3 decimals \param x the number
std::string
Fixed(double x)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << x;
    return s.str();
}

/// \return a bandwidth as written \param b in MHz
std::string
Mhz(double b)
{
    std::ostringstream s;
    s << b;
    return s.str();
}

/// \return the change of a curve between two task counts \param c the curve
/// \param from q \param to q
double
Change(const Curve& c, uint32_t from, uint32_t to)
{
    return c.at(to) - c.at(from);
}

} // namespace

std::map<std::string, std::map<double, std::map<uint32_t, double>>>
MeanCurves(const std::vector<SweepRecord>& records, bool trainingMetric)
{
    struct Sum
    {
        double sum{0.0};
        uint32_t count{0};
        bool missing{false};
    };

    std::map<std::string, std::map<double, std::map<uint32_t, Sum>>> sums;
    for (const auto& r : records)
    {
        Sum& s = sums[r.algorithm][r.bandwidthMhz][r.numTasks];
        const double x = Metric(r, trainingMetric);
        if (std::isfinite(x))
        {
            s.sum += x;
            ++s.count;
        }
        else
        {
            s.missing = true;
        }
    }
    std::map<std::string, std::map<double, std::map<uint32_t, double>>> curves;
    for (const auto& [algorithm, byB] : sums)
    {
        for (const auto& [b, byQ] : byB)
        {
            for (const auto& [q, s] : byQ)
            {
                if (!s.missing && s.count > 0)
                {
                    curves[algorithm][b][q] = s.sum / s.count;
                }
            }
        }
    }
    return curves;
}

std::vector<PaperFinding>
CheckPaperFindings(const std::vector<SweepRecord>& records, const PaperFindingsOptions& options)
{
    const auto curves = MeanCurves(records, options.trainingMetric);
    std::vector<PaperFinding> findings(4);
    findings[0] = {1,
                   "for every bandwidth the utility falls as the number of tasks grows",
                   false,
                   ""};
    findings[1] = {2, "a larger bandwidth gives a higher curve", false, ""};
    findings[2] = {3, "at the smallest bandwidth the curve levels off", false, ""};
    findings[3] = {4,
                   "few tasks: the algorithms about equal; many tasks: " + options.proposed +
                       " clearly ahead; random unstable; every curve falls",
                   false,
                   ""};

    // The task counts every curve of the proposed algorithm has.
    const auto proposed = curves.find(options.proposed);
    std::set<uint32_t> common;
    bool first = true;
    if (proposed != curves.end())
    {
        for (const auto& [b, c] : proposed->second)
        {
            std::set<uint32_t> qs;
            for (const auto& [q, v] : c)
            {
                if (first || common.count(q))
                {
                    qs.insert(q);
                }
            }
            common = qs;
            first = false;
        }
    }
    if (proposed == curves.end() || common.size() < 3 || proposed->second.size() < 2)
    {
        for (uint32_t f = 0; f < 3; ++f)
        {
            findings[f].evidence = "needs " + options.proposed +
                                   " with feasible means at >= 3 task counts and >= 2 bandwidths";
        }
    }
    else
    {
        const auto& byB = proposed->second;
        const std::vector<uint32_t> qs(common.begin(), common.end());
        const uint32_t qMin = qs.front();
        const uint32_t qMax = qs.back();
        const uint32_t qMid = qs[qs.size() / 2];

        // 1: lower at the largest q than at the smallest, for every B.
        bool all = true;
        std::ostringstream e1;
        for (const auto& [b, c] : byB)
        {
            const bool falls = c.at(qMax) < c.at(qMin);
            all = all && falls;
            e1 << (e1.tellp() > 0 ? "; " : "") << "B=" << Mhz(b) << ": " << Fixed(c.at(qMin))
               << " -> " << Fixed(c.at(qMax));
        }
        findings[0].holds = all;
        findings[0].evidence =
            "q=" + std::to_string(qMin) + " -> " + std::to_string(qMax) + ": " + e1.str();

        // 2: strictly rising with B at every q.
        uint32_t ordered = 0;
        std::vector<uint32_t> broken;
        for (uint32_t q : qs)
        {
            bool up = true;
            double previous = -std::numeric_limits<double>::infinity();
            for (const auto& [b, c] : byB)
            {
                up = up && c.at(q) > previous;
                previous = c.at(q);
            }
            ordered += up ? 1 : 0;
            if (!up)
            {
                broken.push_back(q);
            }
        }
        findings[1].holds = ordered == qs.size();
        std::ostringstream e2;
        e2 << "ordered by B at " << ordered << "/" << qs.size() << " task counts";
        if (!broken.empty())
        {
            e2 << " (not at q =";
            for (uint32_t q : broken)
            {
                e2 << " " << q;
            }
            e2 << ")";
        }
        findings[1].evidence = e2.str();

        // 3: over the upper half of q, the smallest B changes least.
        const double smallest = byB.begin()->first;
        const double flat = std::fabs(Change(byB.begin()->second, qMid, qMax));
        bool least = true;
        std::ostringstream e3;
        e3 << "change over q=" << qMid << ".." << qMax << ":";
        for (const auto& [b, c] : byB)
        {
            const double change = Change(c, qMid, qMax);
            e3 << " B=" << Mhz(b) << " " << Fixed(change);
            if (b != smallest)
            {
                least = least && flat < std::fabs(change);
            }
        }
        findings[2].holds = least;
        findings[2].evidence = e3.str();
    }

    // 4: Fig. 3.
    std::vector<std::string> four{options.proposed};
    four.insert(four.end(), options.others.begin(), options.others.end());
    std::vector<const Curve*> fig3;
    for (const auto& name : four)
    {
        const auto a = curves.find(name);
        if (a == curves.end() || !a->second.count(options.figure3BandwidthMhz))
        {
            findings[3].evidence = "needs " + name + " at B=" + Mhz(options.figure3BandwidthMhz);
            return findings;
        }
        fig3.push_back(&a->second.at(options.figure3BandwidthMhz));
    }
    std::set<uint32_t> qs3;
    for (const auto& [q, v] : *fig3[0])
    {
        bool everywhere = true;
        for (const Curve* c : fig3)
        {
            everywhere = everywhere && c->count(q);
        }
        if (everywhere)
        {
            qs3.insert(q);
        }
    }
    if (qs3.size() < 2)
    {
        findings[3].evidence = "needs >= 2 task counts where all four are feasible";
        return findings;
    }
    const uint32_t q0 = *qs3.begin();
    const uint32_t q1 = *qs3.rbegin();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double mean = 0.0;
    for (const Curve* c : fig3)
    {
        lo = std::min(lo, c->at(q0));
        hi = std::max(hi, c->at(q0));
        mean += c->at(q0) / fig3.size();
    }
    const double spread = mean != 0.0 ? (hi - lo) / std::fabs(mean) : 0.0;
    const bool fewEqual = spread <= options.fewTasksSpread;
    bool ahead = true;
    bool allFall = true;
    std::ostringstream e4;
    e4 << "q=" << q0 << ": spread " << Fixed(100 * spread) << " % of the mean; q=" << q1 << ":";
    for (std::size_t a = 0; a < four.size(); ++a)
    {
        e4 << " " << four[a] << " " << Fixed(fig3[a]->at(q1));
        allFall = allFall && fig3[a]->at(q1) < fig3[a]->at(q0);
        if (a > 0)
        {
            ahead = ahead && fig3[0]->at(q1) >= fig3[a]->at(q1) + options.clearlyAhead *
                                                                      std::fabs(fig3[a]->at(q1));
        }
    }
    // Standard deviation over instances, averaged over the task counts.
    std::map<std::string, double> deviation;
    for (const auto& name : four)
    {
        double total = 0.0;
        uint32_t counted = 0;
        for (uint32_t q : qs3)
        {
            std::vector<double> xs;
            for (const auto& r : records)
            {
                if (r.algorithm == name && r.numTasks == q &&
                    r.bandwidthMhz == options.figure3BandwidthMhz)
                {
                    const double x = Metric(r, options.trainingMetric);
                    if (std::isfinite(x))
                    {
                        xs.push_back(x);
                    }
                }
            }
            if (xs.size() > 1)
            {
                // Two passes: equal values give exactly 0.
                double m = 0.0;
                for (double x : xs)
                {
                    m += x / xs.size();
                }
                double squares = 0.0;
                for (double x : xs)
                {
                    squares += (x - m) * (x - m);
                }
                total += std::sqrt(squares / (xs.size() - 1));
                ++counted;
            }
        }
        deviation[name] = counted ? total / counted : std::nan("");
    }
    bool unstable = std::isfinite(deviation[options.randomAlgorithm]);
    e4 << "; std over instances:";
    for (const auto& name : four)
    {
        e4 << " " << name << " " << Fixed(deviation[name]);
        if (name != options.randomAlgorithm)
        {
            unstable = unstable && deviation[options.randomAlgorithm] > deviation[name] + 1e-12;
        }
    }
    e4 << " (about equal with few tasks: " << (fewEqual ? "yes" : "no")
       << "; clearly ahead: " << (ahead ? "yes" : "no")
       << "; random unstable: " << (unstable ? "yes" : "no")
       << "; all fall: " << (allFall ? "yes" : "no") << ")";
    findings[3].holds = fewEqual && ahead && unstable && allFall;
    findings[3].evidence = e4.str();
    return findings;
}

void
WriteBindingTable(const std::vector<SweepRecord>& records,
                  const std::vector<double>& bandwidthsMhz,
                  std::ostream& out)
{
    // counts[row] = {points, bandwidth only, energy only, both, neither}
    std::vector<std::vector<uint32_t>> counts(bandwidthsMhz.size() + 1,
                                              std::vector<uint32_t>(5, 0));
    uint32_t unknown = 0;
    for (const auto& r : records)
    {
        if (r.algorithm != "Exact")
        {
            continue; // only the referee's records carry verdicts
        }
        if (r.bandwidthBinds < 0 || r.energyBinds < 0)
        {
            ++unknown;
            continue;
        }
        const auto row = static_cast<std::size_t>(
            std::find(bandwidthsMhz.begin(), bandwidthsMhz.end(), r.bandwidthMhz) -
            bandwidthsMhz.begin());
        const uint32_t kind = r.bandwidthBinds && r.energyBinds ? 3
                              : r.bandwidthBinds                ? 1
                              : r.energyBinds                   ? 2
                                                                : 4;
        for (std::size_t row2 : {row, bandwidthsMhz.size()})
        {
            if (row2 < counts.size())
            {
                ++counts[row2][0];
                ++counts[row2][kind];
            }
        }
    }
    out << "binding at the optimum (share of points): B_mhz points bandwidth_only energy_only "
           "both neither\n";
    for (std::size_t row = 0; row < counts.size(); ++row)
    {
        const auto& c = counts[row];
        out << "  " << std::left << std::setw(6)
            << (row < bandwidthsMhz.size() ? Mhz(bandwidthsMhz[row]) : std::string("all"))
            << std::right << std::setw(7) << c[0];
        for (uint32_t k = 1; k <= 4; ++k)
        {
            out << std::setw(9) << (c[0] ? Fixed(100.0 * c[k] / c[0]) + "%" : std::string("-"));
        }
        out << "\n";
    }
    if (unknown > 0)
    {
        out << "  (" << unknown << " points left out: a solve was not proven optimal)\n";
    }
}

} // namespace edgedml
} // namespace ns3
