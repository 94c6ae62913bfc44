/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_SCENARIO_OPTIONS_H
#define EDGE_DML_TRAINING_SCENARIO_OPTIONS_H

#include "program-options.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Register the options of the cell that every training program
 * shares, bound to their attributes: numEdgeServers, samplesPerServer and
 * socket (TrainingScenarioHelper), lossUnit (WaterfallErrorModel),
 * maxRetransmissions (OfdmaNetDevice) and trainingThreads
 * (TrainingExecutor::Threads).
 * \param options the program's options
 */
void AddTrainingCellOptions(ProgramOptions& options);

/**
 * \ingroup edge-dml
 * \brief Register the flagship's options of the cell's geometry and radio
 * (minRadiusM, maxRadiusM: AnnulusPositionAllocator; numRbs, rbBandwidthHz:
 * OfdmaChannel; txPowerW: OfdmaNetDevice; waterfallThreshold;
 * redrawInterference, initialEnergyJ), of the crowdsourcing tasks (tasks;
 * scheduler, taskArrival, tasksPerRound, taskArrivalRatePerS,
 * unplacedTasks, taskBandwidthMhz, taskEnergyBudgetJ, preset:
 * TaskCoordinator) and of the model (model, l2, hiddenUnits,
 * dirichletAlpha).
 * \param options the program's options
 */
void AddTrainingScenarioOptions(ProgramOptions& options);

/**
 * \ingroup edge-dml
 * \brief Register the flagship's options of the rounds and workers:
 * roundGapS (ParameterServerApplication), learningRate, syncPolicy,
 * availability, stragglerShiftS, stragglerMeanS (TrainingScenarioHelper),
 * busyPolicy (WorkerApplication), the availability models' probabilities,
 * and syncN, syncBatches (NSyncPolicy::N and NBatchSyncPolicy::Batches,
 * 40 by default here).
 * \param options the program's options
 */
void AddTrainingLearningOptions(ProgramOptions& options);

/**
 * \ingroup edge-dml
 * \brief Register the shared options of the rounds: rounds, localSteps and
 * roundDeadlineS (TrainingScenarioHelper) and batchSize (LocalTrainer).
 * \param options the program's options
 */
void AddTrainingRoundOptions(ProgramOptions& options);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_TRAINING_SCENARIO_OPTIONS_H
