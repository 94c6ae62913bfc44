/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "scheduling-scenario-helper.h"

#include "ns3/abort.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/edge-server.h"
#include "ns3/link-budget.h"
#include "ns3/mobility-helper.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

SchedulingScenarioHelper::SchedulingScenarioHelper()
    : m_problem(CreateObject<TaskSchedulingProblem>()),
      m_positions(CreateObject<AnnulusPositionAllocator>()),
      m_tasks(CreateObject<CrowdsourcingTaskGenerator>()),
      m_interference(CreateObject<UniformRandomVariable>())
{
    // the system model, "Training link": h_i = d^-2 (log-distance, exponent 2, 0 dB at 1 m);
    // I ~ U[1e-8, 1.1e-7] W per RB.
    m_trainingLoss =
        CreateObjectWithAttributes<LogDistancePropagationLossModel>("Exponent",
                                                                    DoubleValue(2.0),
                                                                    "ReferenceDistance",
                                                                    DoubleValue(1.0),
                                                                    "ReferenceLoss",
                                                                    DoubleValue(0.0));
    SetInterferenceRangeW(1e-8, 1.1e-7);
}

Ptr<TaskSchedulingProblem>
SchedulingScenarioHelper::GetProblem() const
{
    return m_problem;
}

void
SchedulingScenarioHelper::SetProblemAttribute(const std::string& name, const AttributeValue& value)
{
    m_problem->SetAttribute(name, value);
}

void
SchedulingScenarioHelper::SetTaskAttribute(const std::string& name, const AttributeValue& value)
{
    m_tasks->SetAttribute(name, value);
}

void
SchedulingScenarioHelper::SetEdgeServerAttribute(const std::string& name,
                                                 const AttributeValue& value)
{
    m_edgeServers.SetAttribute(name, value);
}

void
SchedulingScenarioHelper::SetRadii(double minRadiusM, double maxRadiusM)
{
    m_positions->SetRadii(minRadiusM, maxRadiusM);
}

void
SchedulingScenarioHelper::SetTrainingTxPowerW(double txPowerW)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(txPowerW) && txPowerW > 0, "txPowerW " << txPowerW);
    m_txPowerW = txPowerW;
}

void
SchedulingScenarioHelper::SetTrainingBandwidthHz(double bandwidthHz)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(bandwidthHz) && bandwidthHz > 0,
                        "bandwidthHz " << bandwidthHz);
    m_bandwidthHz = bandwidthHz;
}

void
SchedulingScenarioHelper::SetWaterfallThreshold(double threshold)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(threshold) && threshold >= 0, "threshold " << threshold);
    m_threshold = threshold;
}

void
SchedulingScenarioHelper::SetInterferenceRangeW(double minW, double maxW)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(minW) && std::isfinite(maxW) && 0 <= minW && minW <= maxW,
                        "interference range [" << minW << ", " << maxW << "] W");
    m_interference->SetAttribute("Min", DoubleValue(minW));
    m_interference->SetAttribute("Max", DoubleValue(maxW));
}

SchedulingScenario
SchedulingScenarioHelper::Create(uint32_t numEdgeServers, uint32_t numTasks)
{
    SchedulingScenario scenario;
    scenario.edgeNodes.Create(numEdgeServers);
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.SetPositionAllocator(m_positions);
    mobility.Install(scenario.edgeNodes);
    m_edgeServers.Install(scenario.edgeNodes);

    // The parameter server sits at the origin (the annulus centre).
    auto ps = CreateObject<ConstantPositionMobilityModel>();
    const double noiseW = NoisePowerW(m_noiseDensityDbmPerHz, m_bandwidthHz);
    std::vector<double> successProbability;
    successProbability.reserve(numEdgeServers);
    for (uint32_t i = 0; i < numEdgeServers; ++i)
    {
        auto mobilityModel = scenario.edgeNodes.Get(i)->GetObject<MobilityModel>();
        const double rxDbm = m_trainingLoss->CalcRxPower(WToDbm(m_txPowerW), mobilityModel, ps);
        const double snr = Sinr(DbmToW(rxDbm), m_interference->GetValue(), noiseW);
        scenario.trainingLinkSnr.push_back(snr);
        successProbability.push_back(WaterfallSuccessProbability(m_threshold, snr));
    }
    scenario.servers =
        TaskSchedulingProblem::DescribeEdgeServers(scenario.edgeNodes, successProbability);
    for (uint32_t i = 0; i < numEdgeServers; ++i)
    {
        scenario.servers[i].trainingLinkSnr = scenario.trainingLinkSnr[i];
    }
    scenario.tasks = m_tasks->Generate(numTasks);
    scenario.problem = m_problem;
    return scenario;
}

SchedulingScenario
SchedulingScenarioHelper::Create(uint32_t numEdgeServers, uint32_t numTasks, uint32_t index)
{
    NS_ABORT_MSG_IF(m_firstStream < 0,
                    "SchedulingScenarioHelper: call AssignStreams before Create(n, q, index)");
    DoAssignStreams(m_firstStream + static_cast<int64_t>(index) * m_streamsPerScenario);
    return Create(numEdgeServers, numTasks);
}

int64_t
SchedulingScenarioHelper::GetStreamsPerScenario() const
{
    return m_streamsPerScenario;
}

int64_t
SchedulingScenarioHelper::AssignStreams(int64_t stream)
{
    m_firstStream = stream;
    m_streamsPerScenario = DoAssignStreams(stream);
    return m_streamsPerScenario;
}

int64_t
SchedulingScenarioHelper::DoAssignStreams(int64_t stream)
{
    int64_t used = 0;
    used += m_positions->AssignStreams(stream + used);
    used += m_edgeServers.AssignStreams(stream + used);
    m_interference->SetStream(stream + used);
    ++used;
    used += m_tasks->AssignStreams(stream + used);
    used += m_problem->AssignStreams(stream + used);
    return used;
}

} // namespace edgedml
} // namespace ns3
