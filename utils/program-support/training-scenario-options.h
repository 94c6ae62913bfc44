/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_SCENARIO_OPTIONS_H
#define EDGE_DML_TRAINING_SCENARIO_OPTIONS_H

#include "command-line-checks.h"

#include "ns3/command-line.h"
#include "ns3/training-scenario-helper.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Register the command-line options of the cell that every training
 * program shares, bound to the parameters' fields (their current values are
 * the defaults): numEdgeServers, samplesPerServer, socket, lossUnit,
 * maxRetransmissions and trainingThreads.
 * \param cmd the command line
 * \param check the checks that parse it
 * \param p the parameters the options set
 */
void AddTrainingCellOptions(CommandLine& cmd,
                            CommandLineChecks& check,
                            TrainingScenarioParameters& p);

/**
 * \ingroup edge-dml
 * \brief Register the shared options of the rounds, bound to the
 * parameters' fields: rounds, localSteps, batchSize and roundDeadlineS.
 * \param cmd the command line
 * \param check the checks that parse it
 * \param p the parameters the options set
 */
void AddTrainingRoundOptions(CommandLine& cmd,
                             CommandLineChecks& check,
                             TrainingScenarioParameters& p);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_TRAINING_SCENARIO_OPTIONS_H
