/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_PAPER_FINDINGS_H
#define EDGE_DML_PAPER_FINDINGS_H

#include "scheduling-sweep-helper.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Which curves the findings are checked on.
 */
struct PaperFindingsOptions
{
    std::string proposed{"Tabu"}; //!< the paper's greedy + tabu (Fig. 2, leader of Fig. 3)
    std::vector<std::string> others{"Annealing", "Greedy", "Random"}; //!< the rest of Fig. 3
    std::string randomAlgorithm{"Random"}; //!< the one expected to be unstable
    double figure3BandwidthMhz{30.0};      //!< B of Fig. 3
    bool trainingMetric{true};   //!< U_T (the paper's "system utility") or U (with task values)
    double fewTasksSpread{0.10}; //!< Fig. 3, few tasks: spread / mean at most this
    double clearlyAhead{0.02};   //!< Fig. 3, many tasks: lead of the proposed, relative
};

/**
 * \ingroup edge-dml
 * \brief The verdict on one finding of the paper.
 */
struct PaperFinding
{
    uint32_t number{0};   //!< 1..4
    std::string claim;    //!< what the paper reports
    bool holds{false};    //!< whether the sweep shows it
    std::string evidence; //!< the figures the verdict rests on
};

/**
 * \ingroup edge-dml
 * \brief Mean of the metric per (algorithm, B, q) over the instances; a point
 * is left out unless every instance has a solution.
 * \param records the sweep
 * \param trainingMetric U_T (true) or U
 * \return algorithm -> B -> q -> mean
 */
std::map<std::string, std::map<double, std::map<uint32_t, double>>> MeanCurves(
    const std::vector<SweepRecord>& records,
    bool trainingMetric);

/**
 * \ingroup edge-dml
 * \brief Check the paper's four findings on a sweep (the directions of the
 * trends, on the curves of the mean over instances):
 * 1. for every B, the proposed algorithm's curve is lower at the largest q
 *    than at the smallest;
 * 2. at every q, its curve rises with B;
 * 3. over the upper half of the q range, its curve at the smallest B changes
 *    less (in absolute value) than at every larger B (it levels off);
 * 4. at Fig. 3's B: with the fewest tasks the spread of the algorithms is at
 *    most fewTasksSpread of their mean; with the most tasks the proposed one
 *    is ahead of every other by at least clearlyAhead (relative); the random
 *    algorithm has the largest standard deviation over instances (mean over
 *    q); every algorithm's curve is lower at the largest q than at the
 *    smallest.
 * A finding whose curves are missing (an algorithm not run, infeasible
 * points) does not hold, and the evidence says why.
 * \param records the sweep
 * \param options the curves to check
 * \return findings 1 to 4
 */
std::vector<PaperFinding> CheckPaperFindings(const std::vector<SweepRecord>& records,
                                             const PaperFindingsOptions& options);

/**
 * \ingroup edge-dml
 * \brief Write the table of the capacities that bind at the referee's optimum
 * (SchedulingSweepHelper::SetBindingAnalysis; the records of the referee,
 * "Exact"): per bandwidth and in all, the
 * points with a verdict on both capacities and the share of them where only
 * the bandwidth, only the energy, both or neither bind.
 * \param records the sweep
 * \param bandwidthsMhz the bandwidths, in the order of the rows
 * \param out where to write
 */
void WriteBindingTable(const std::vector<SweepRecord>& records,
                       const std::vector<double>& bandwidthsMhz,
                       std::ostream& out);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_PAPER_FINDINGS_H */
