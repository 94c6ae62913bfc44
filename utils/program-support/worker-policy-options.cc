/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-policy-options.h"

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/worker-selector.h"

namespace ns3
{
namespace edgedml
{

std::string
WorkerSelectorTypeName(const std::string& name)
{
    TypeId tid;
    const std::string full = "ns3::edgedml::" + name + "Selector";
    return TypeId::LookupByNameFailSafe(full, &tid) ? full : name;
}

void
AddWorkerPolicyOptions(CommandLine& cmd, CommandLineChecks& check, WorkerPolicyOptions& o)
{
    check.AddString(cmd,
                    "workerSelector",
                    "who trains in a round: AllAvailable, RandomK, BestChannel, LargestData, "
                    "PowerOfChoice, DataValue (or a WorkerSelector TypeId name)",
                    o.selector);
    check.AddInteger(cmd,
                     "selectK",
                     "workers k selected per round (0: every eligible worker)",
                     o.selectK,
                     0,
                     1000000,
                     "workers");
    check.AddInteger(cmd,
                     "selectD",
                     "candidates d of PowerOfChoice (0: every eligible worker)",
                     o.selectD,
                     0,
                     1000000,
                     "workers");
    check.AddDouble(cmd,
                    "valueLossWeight",
                    "DataValue weight of the local loss",
                    o.lossWeight,
                    0,
                    1e6,
                    "");
    check.AddDouble(cmd,
                    "valueGapWeight",
                    "DataValue weight of the generalisation-gap proxy",
                    o.gapWeight,
                    0,
                    1e6,
                    "");
    check.AddDouble(cmd,
                    "valueRepresentativenessWeight",
                    "DataValue weight of the label-distribution representativeness",
                    o.representativenessWeight,
                    0,
                    1e6,
                    "");
    check.AddBool(cmd,
                  "workerRamp",
                  "exponential worker ramp: rampInitialWorkers, doubled every rampPhaseRounds "
                  "up to rampMaxWorkers (replaces selectK)",
                  o.ramp);
    check.AddInteger(cmd,
                     "rampInitialWorkers",
                     "workers of the ramp's first phase",
                     o.rampInitialWorkers,
                     1,
                     1000000,
                     "workers");
    check.AddInteger(cmd,
                     "rampPhaseRounds",
                     "rounds per ramp phase",
                     o.rampPhaseRounds,
                     1,
                     1000000,
                     "rounds");
    check.AddInteger(cmd,
                     "rampMaxWorkers",
                     "cap of the ramp",
                     o.rampMaxWorkers,
                     1,
                     1000000,
                     "workers");
    check.AddChoice(cmd,
                    "learningRateSchedule",
                    "learning rate per round: Constant, InverseTime (eta / (1 + decay t)) or "
                    "Step (eta * factor^floor(t / stepRounds))",
                    o.learningRateSchedule,
                    {"Constant", "InverseTime", "Step"});
    check.AddDouble(cmd,
                    "learningRateDecay",
                    "decay d of the InverseTime schedule, per round",
                    o.learningRateDecay,
                    0,
                    1e6,
                    "per round");
    check.AddDouble(cmd,
                    "learningRateStepFactor",
                    "multiplier of the Step schedule",
                    o.learningRateStepFactor,
                    1e-6,
                    1,
                    "");
    check.AddInteger(cmd,
                     "learningRateStepRounds",
                     "rounds between the Step schedule's steps",
                     o.learningRateStepRounds,
                     1,
                     1000000,
                     "rounds");
    check.AddChoice(cmd,
                    "localWork",
                    "local steps and batch size per update: Fixed, DataProportional (b ~ s_i), "
                    "ComputeProportional (b ~ f_i) or AdaptiveSteps (tau ~ sqrt of the loss "
                    "ratio)",
                    o.localWork,
                    {"Fixed", "DataProportional", "ComputeProportional", "AdaptiveSteps"});
    check.AddDouble(cmd,
                    "onDemandPricePerWorkerS",
                    "price of an on-demand worker-second",
                    o.onDemandPricePerWorkerS,
                    0,
                    1e9,
                    "currency units per s");
    check.AddDouble(cmd,
                    "spotPricePerWorkerS",
                    "price of a spot (volatile) worker-second",
                    o.spotPricePerWorkerS,
                    0,
                    1e9,
                    "currency units per s");
    check.AddDouble(cmd,
                    "cellPricePerGb",
                    "price of a GB sent over the cell",
                    o.cellPricePerGb,
                    0,
                    1e9,
                    "currency units per GB");
    check.AddDouble(cmd,
                    "backhaulPricePerGb",
                    "price of a GB sent over the backhaul",
                    o.backhaulPricePerGb,
                    0,
                    1e9,
                    "currency units per GB");
    check.AddDouble(cmd,
                    "energyPricePerJ",
                    "price of a joule the edge servers spend",
                    o.energyPricePerJ,
                    0,
                    1e9,
                    "currency units per J");
}

void
ApplyWorkerPolicyOptions(const CommandLineChecks& check,
                         const WorkerPolicyOptions& o,
                         TrainingScenarioParameters& p)
{
    p.workerSelector = check
                           .DerivedFrom("workerSelector",
                                        WorkerSelectorTypeName(o.selector),
                                        WorkerSelector::GetTypeId())
                           .GetName();
    if (o.ramp && p.workerSelector == "ns3::edgedml::AllAvailableSelector")
    {
        check.Fail("--workerRamp=true needs a selector that takes k workers: pass "
                   "--workerSelector=RandomK (or BestChannel, LargestData, PowerOfChoice, "
                   "DataValue)");
    }
    Config::SetDefault("ns3::edgedml::WorkerSelector::K", UintegerValue(o.selectK));
    Config::SetDefault("ns3::edgedml::PowerOfChoiceSelector::D", UintegerValue(o.selectD));
    Config::SetDefault("ns3::edgedml::DataValueSelector::LossWeight", DoubleValue(o.lossWeight));
    Config::SetDefault("ns3::edgedml::DataValueSelector::GapWeight", DoubleValue(o.gapWeight));
    Config::SetDefault("ns3::edgedml::DataValueSelector::RepresentativenessWeight",
                       DoubleValue(o.representativenessWeight));
    if (o.ramp)
    {
        // The ramp's knobs first: the Ramp default below is built from them
        // (a WorkerRamp has no state, so the selectors may share it).
        Config::SetDefault("ns3::edgedml::WorkerRamp::InitialWorkers",
                           UintegerValue(o.rampInitialWorkers));
        Config::SetDefault("ns3::edgedml::WorkerRamp::PhaseRounds",
                           UintegerValue(o.rampPhaseRounds));
        Config::SetDefault("ns3::edgedml::WorkerRamp::MaxWorkers", UintegerValue(o.rampMaxWorkers));
        Config::SetDefault("ns3::edgedml::WorkerSelector::Ramp",
                           StringValue("ns3::edgedml::WorkerRamp"));
    }
    // Schedules and local-work policies: their knobs first, then the
    // WorkerApplication defaults built from them (a schedule has no state; a
    // local-work policy keeps its state per worker id).
    Config::SetDefault("ns3::edgedml::InverseTimeLearningRate::Decay",
                       DoubleValue(o.learningRateDecay));
    Config::SetDefault("ns3::edgedml::StepLearningRate::Factor",
                       DoubleValue(o.learningRateStepFactor));
    Config::SetDefault("ns3::edgedml::StepLearningRate::StepRounds",
                       UintegerValue(o.learningRateStepRounds));
    if (o.learningRateSchedule != "Constant")
    {
        Config::SetDefault("ns3::edgedml::WorkerApplication::LearningRateSchedule",
                           StringValue("ns3::edgedml::" + o.learningRateSchedule + "LearningRate"));
    }
    const std::string localWork = o.localWork == "DataProportional" ? "DataProportionalBatch"
                                  : o.localWork == "ComputeProportional"
                                      ? "ComputeProportionalBatch"
                                  : o.localWork == "AdaptiveSteps" ? "AdaptiveLocalSteps"
                                                                   : "";
    if (!localWork.empty())
    {
        Config::SetDefault("ns3::edgedml::WorkerApplication::LocalWork",
                           StringValue("ns3::edgedml::" + localWork));
    }
    Config::SetDefault("ns3::edgedml::TrainingCostModel::OnDemandPricePerWorkerS",
                       DoubleValue(o.onDemandPricePerWorkerS));
    Config::SetDefault("ns3::edgedml::TrainingCostModel::SpotPricePerWorkerS",
                       DoubleValue(o.spotPricePerWorkerS));
    Config::SetDefault("ns3::edgedml::TrainingCostModel::CellPricePerGb",
                       DoubleValue(o.cellPricePerGb));
    Config::SetDefault("ns3::edgedml::TrainingCostModel::BackhaulPricePerGb",
                       DoubleValue(o.backhaulPricePerGb));
    Config::SetDefault("ns3::edgedml::TrainingCostModel::EnergyPricePerJ",
                       DoubleValue(o.energyPricePerJ));
}

} // namespace edgedml
} // namespace ns3
