/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-scenario-options.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace edgedml
{

namespace
{

/// Options bound to attributes: (option, attribute) pairs.
using Bindings = std::vector<std::pair<std::string, std::string>>;

/// \param options the options \param bindings the pairs to register
void
Bind(ProgramOptions& options, const Bindings& bindings)
{
    for (const auto& [option, attribute] : bindings)
    {
        options.AddAttribute(option, attribute);
    }
}

/// The scenario's attributes.
const std::string SCENARIO = "ns3::edgedml::TrainingScenarioHelper::";
/// The task coordinator's attributes.
const std::string TASKS = "ns3::edgedml::TaskCoordinator::";

} // namespace

void
AddTrainingCellOptions(ProgramOptions& options)
{
    Bind(options,
         {{"numEdgeServers", SCENARIO + "NumEdgeServers"},
          {"samplesPerServer", SCENARIO + "SamplesPerServer"},
          {"socket", SCENARIO + "Socket"},
          {"lossUnit", "ns3::edgedml::WaterfallErrorModel::LossUnit"},
          {"maxRetransmissions", "ns3::edgedml::OfdmaNetDevice::MaxRetransmissions"},
          {"trainingThreads", "ns3::edgedml::TrainingExecutor::Threads"}});
}

void
AddTrainingScenarioOptions(ProgramOptions& options)
{
    Bind(options,
         {{"minRadiusM", "ns3::edgedml::AnnulusPositionAllocator::MinRadiusM"},
          {"maxRadiusM", "ns3::edgedml::AnnulusPositionAllocator::MaxRadiusM"},
          {"numRbs", "ns3::edgedml::OfdmaChannel::NumResourceBlocks"},
          {"rbBandwidthHz", "ns3::edgedml::OfdmaChannel::ResourceBlockBandwidthHz"},
          {"txPowerW", "ns3::edgedml::OfdmaNetDevice::TxPowerW"},
          {"waterfallThreshold", "ns3::edgedml::WaterfallErrorModel::WaterfallThreshold"},
          {"redrawInterference", SCENARIO + "RedrawInterference"},
          {"initialEnergyJ", SCENARIO + "InitialEnergyJ"},
          {"tasks", SCENARIO + "Tasks"},
          {"scheduler", TASKS + "Scheduler"},
          {"taskArrival", TASKS + "ArrivalMode"},
          {"tasksPerRound", TASKS + "TasksPerEpoch"},
          {"taskArrivalRatePerS", TASKS + "ArrivalRatePerS"},
          {"unplacedTasks", TASKS + "UnplacedPolicy"}});
    options.AddScaledAttribute("taskBandwidthMhz", TASKS + "TaskBandwidthHz", 1e6, "MHz");
    Bind(options,
         {{"taskEnergyBudgetJ", TASKS + "TaskEnergyBudgetJ"},
          {"preset", TASKS + "Preset"},
          {"model", SCENARIO + "LearningModel"},
          {"l2", "ns3::edgedml::LearningModel::L2Regularisation"},
          {"hiddenUnits", "ns3::edgedml::MlpModel::HiddenUnits"},
          {"dirichletAlpha", SCENARIO + "DirichletAlpha"}});
}

void
AddTrainingLearningOptions(ProgramOptions& options)
{
    Bind(options,
         {{"roundGapS", "ns3::edgedml::ParameterServerApplication::RoundGapS"},
          {"learningRate", SCENARIO + "LearningRate"},
          {"syncPolicy", SCENARIO + "SyncPolicy"},
          {"busyPolicy", "ns3::edgedml::WorkerApplication::BusyPolicy"},
          {"availability", SCENARIO + "WorkerAvailability"},
          {"probabilityAvailable", "ns3::edgedml::BernoulliAvailability::ProbabilityAvailable"},
          {"probabilityOnToOff", "ns3::edgedml::MarkovOnOffAvailability::ProbabilityOnToOff"},
          {"probabilityOffToOn", "ns3::edgedml::MarkovOnOffAvailability::ProbabilityOffToOn"},
          {"stragglerShiftS", SCENARIO + "StragglerShiftS"},
          {"stragglerMeanS", SCENARIO + "StragglerMeanS"}});
    // N of N-sync and M of N-batch-sync: the flagship's defaults, half its cell.
    options.AddAttribute("syncN", "ns3::edgedml::NSyncPolicy::N", "40");
    options.AddAttribute("syncBatches", "ns3::edgedml::NBatchSyncPolicy::Batches", "40");
}

void
AddTrainingRoundOptions(ProgramOptions& options)
{
    Bind(options,
         {{"rounds", SCENARIO + "Rounds"},
          {"localSteps", SCENARIO + "LocalSteps"},
          {"batchSize", "ns3::edgedml::LocalTrainer::BatchSize"},
          {"roundDeadlineS", SCENARIO + "RoundDeadlineS"}});
}

} // namespace edgedml
} // namespace ns3
