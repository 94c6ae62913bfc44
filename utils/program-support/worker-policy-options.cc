/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-policy-options.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace edgedml
{

void
AddWorkerPolicyOptions(ProgramOptions& options)
{
    const std::string scenario = "ns3::edgedml::TrainingScenarioHelper::";
    const std::string prices = "ns3::edgedml::TrainingCostModel::";
    const std::vector<std::pair<std::string, std::string>> bindings{
        {"workerSelector", scenario + "WorkerSelector"},
        {"selectK", "ns3::edgedml::WorkerSelector::K"},
        {"selectD", "ns3::edgedml::PowerOfChoiceSelector::D"},
        {"valueLossWeight", "ns3::edgedml::DataValueSelector::LossWeight"},
        {"valueGapWeight", "ns3::edgedml::DataValueSelector::GapWeight"},
        {"valueRepresentativenessWeight",
         "ns3::edgedml::DataValueSelector::RepresentativenessWeight"},
        {"workerRamp", scenario + "WorkerRamp"},
        {"rampInitialWorkers", "ns3::edgedml::WorkerRamp::InitialWorkers"},
        {"rampPhaseRounds", "ns3::edgedml::WorkerRamp::PhaseRounds"},
        {"rampMaxWorkers", "ns3::edgedml::WorkerRamp::MaxWorkers"},
        {"learningRateSchedule", scenario + "LearningRateSchedule"},
        {"learningRateDecay", "ns3::edgedml::InverseTimeLearningRate::Decay"},
        {"learningRateStepFactor", "ns3::edgedml::StepLearningRate::Factor"},
        {"learningRateStepRounds", "ns3::edgedml::StepLearningRate::StepRounds"},
        {"localWork", scenario + "LocalWork"},
        {"referenceSamples", "ns3::edgedml::DataProportionalBatch::ReferenceSamples"},
        {"referenceCpuHz", "ns3::edgedml::ComputeProportionalBatch::ReferenceCpuHz"},
        {"onDemandPricePerWorkerS", prices + "OnDemandPricePerWorkerS"},
        {"spotPricePerWorkerS", prices + "SpotPricePerWorkerS"},
        {"cellPricePerGb", prices + "CellPricePerGb"},
        {"backhaulPricePerGb", prices + "BackhaulPricePerGb"},
        {"energyPricePerJ", prices + "EnergyPricePerJ"},
    };
    for (const auto& [option, attribute] : bindings)
    {
        options.AddAttribute(option, attribute);
    }
}

} // namespace edgedml
} // namespace ns3
