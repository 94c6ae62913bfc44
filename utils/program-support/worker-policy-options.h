/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_POLICY_OPTIONS_H
#define EDGE_DML_WORKER_POLICY_OPTIONS_H

#include "command-line-checks.h"

#include "ns3/command-line.h"
#include "ns3/training-scenario-helper.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The command-line knobs of who trains, how much and at what cost:
 * the worker selector and its attributes, the worker ramp, the learning-rate
 * schedule, the local-work policy and the prices.
 */
struct WorkerPolicyOptions
{
    std::string selector{"AllAvailable"};         //!< WorkerSelector short or TypeId name
    int64_t selectK{0};                           //!< WorkerSelector::K
    int64_t selectD{0};                           //!< PowerOfChoiceSelector::D
    double lossWeight{1.0};                       //!< DataValueSelector::LossWeight
    double gapWeight{1.0};                        //!< DataValueSelector::GapWeight
    double representativenessWeight{1.0};         //!< DataValueSelector::RepresentativenessWeight
    bool ramp{false};                             //!< use a WorkerRamp
    int64_t rampInitialWorkers{2};                //!< WorkerRamp::InitialWorkers
    int64_t rampPhaseRounds{5};                   //!< WorkerRamp::PhaseRounds
    int64_t rampMaxWorkers{1000000};              //!< WorkerRamp::MaxWorkers
    std::string learningRateSchedule{"Constant"}; //!< Constant, InverseTime or Step
    double learningRateDecay{0.1};                //!< InverseTimeLearningRate::Decay
    double learningRateStepFactor{0.5};           //!< StepLearningRate::Factor
    int64_t learningRateStepRounds{10};           //!< StepLearningRate::StepRounds
    std::string localWork{"Fixed"}; //!< Fixed, DataProportional, ComputeProportional, AdaptiveSteps
    double onDemandPricePerWorkerS{0.085 / 3600.0};   //!< TrainingCostModel price
    double spotPricePerWorkerS{0.3 * 0.085 / 3600.0}; //!< TrainingCostModel price
    double cellPricePerGb{0.5};                       //!< TrainingCostModel price
    double backhaulPricePerGb{0.09};                  //!< TrainingCostModel price
    double energyPricePerJ{0.15 / 3.6e6};             //!< TrainingCostModel price
};

/**
 * \ingroup edge-dml
 * \brief Register the worker-policy options (workerSelector, selectK,
 * selectD, the data-value weights, workerRamp and its three knobs,
 * learningRateSchedule and its knobs, localWork, the five prices), bound to the fields of o (their
 * values are the defaults). \param cmd the command line \param check the checks \param o the
 * options
 */
void AddWorkerPolicyOptions(CommandLine& cmd, CommandLineChecks& check, WorkerPolicyOptions& o);

/**
 * \ingroup edge-dml
 * \brief After Parse: check the selector name (a one-line error and status 2
 * if unknown), set p.workerSelector, and make the other knobs the defaults
 * of their attributes (WorkerSelector::K, ..., TrainingCostModel's prices)
 * before the scenario is installed.
 * \param check the checks \param o the parsed options \param p the scenario parameters
 */
void ApplyWorkerPolicyOptions(const CommandLineChecks& check,
                              const WorkerPolicyOptions& o,
                              TrainingScenarioParameters& p);

/**
 * \param name a short selector name (RandomK) or a TypeId name
 * \return the TypeId name it stands for (ns3::edgedml::RandomKSelector)
 */
std::string WorkerSelectorTypeName(const std::string& name);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_WORKER_POLICY_OPTIONS_H
