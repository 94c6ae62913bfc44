/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_REPORT_H
#define EDGE_DML_TRAINING_REPORT_H

#include "ns3/training-recorder.h"
#include "ns3/training-scenario-helper.h"

#include <ostream>
#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Render test accuracy and participation over the rounds into
 * training.png (and its gnuplot script training.plt), atomically.
 * \param recorder the run's records
 * \param numEdgeServers n (participation is a fraction of it)
 * \param[out] error why the plot failed
 * \return whether both files are written
 */
bool PlotTraining(const TrainingRecorder& recorder, uint32_t numEdgeServers, std::string& error);

/**
 * \ingroup edge-dml
 * \brief Print the summary of a training run: its settings line, the update
 * size, samples, simulated time, accuracy and loss, participation, energy,
 * tasks and utility.
 * \param os the stream (stdout)
 * \param program the program name
 * \param settings e.g. "n=80 rounds=50 model=LogisticRegression ..." (the
 *        completed rounds are inserted after n)
 * \param recorder the run's records
 * \param scenario the run's scenario
 * \param files the result files written, e.g. "rounds.csv, workers.csv"
 * \return the number of completed rounds (0: nothing is printed)
 */
uint32_t PrintTrainingSummary(std::ostream& os,
                              const std::string& program,
                              const std::string& settings,
                              const TrainingRecorder& recorder,
                              const TrainingScenario& scenario,
                              const std::string& files);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TRAINING_REPORT_H */
