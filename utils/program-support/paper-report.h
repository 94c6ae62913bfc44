/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_PAPER_REPORT_H
#define EDGE_DML_PAPER_REPORT_H

#include "ns3/task-scheduler.h"

#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief One solve of edge-dml-paper, as written to paper-figures.csv.
 */
struct PaperSolveRecord
{
    std::string algorithm;  //!< short name
    double bandwidthMhz;    //!< B
    uint32_t numTasks;      //!< q
    uint32_t instance;      //!< instance index
    MmkpSolution solution;  //!< the algorithm's result
    double optimalUtility;  //!< the exact optimum (NaN when none exists or unproven)
    double trainingUtility; //!< U_T of the assignment
};

/**
 * \ingroup edge-dml
 * \param utility a utility \param optimum the optimum
 * \return the relative optimality gap (NaN if either is missing or the optimum is 0)
 */
double PaperGap(double utility, double optimum);

/**
 * \ingroup edge-dml
 * \brief Write paper-figures.csv: one row per solve (runtime_ms, wall-clock,
 * only with measureTime).
 * \param os the file \param records the solves \param measureTime with runtime_ms
 */
void WritePaperCsv(std::ostream& os,
                   const std::vector<PaperSolveRecord>& records,
                   bool measureTime);

/**
 * \ingroup edge-dml
 * \brief Print per algorithm the solved count, mean and worst gap, mean
 * accepted tasks and (with measureTime) the mean solve time.
 * \param os the stream \param names the algorithms \param records the solves
 * \param measureTime with mean_ms
 */
void PrintPaperSummary(std::ostream& os,
                       const std::vector<std::string>& names,
                       const std::vector<PaperSolveRecord>& records,
                       bool measureTime);

/**
 * \ingroup edge-dml
 * \brief Render the paper's two figures, atomically: mean utility vs q per
 * bandwidth for one algorithm and the optimum (paper-utility-vs-tasks.png),
 * and per algorithm at one bandwidth (paper-algorithms.png), with their
 * gnuplot scripts.
 * \param records the solves \param names the algorithms
 * \param bandwidths the bandwidths, in MHz
 * \param figure2Algorithm the algorithm of the first figure
 * \param figure3BandwidthMhz the bandwidth of the second
 * \param subtitle e.g. "n = 80, Valued"
 * \param[out] error why a plot failed
 * \return whether all files are written
 */
bool PlotPaperFigures(const std::vector<PaperSolveRecord>& records,
                      const std::vector<std::string>& names,
                      const std::vector<double>& bandwidths,
                      const std::string& figure2Algorithm,
                      double figure3BandwidthMhz,
                      const std::string& subtitle,
                      std::string& error);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_PAPER_REPORT_H */
