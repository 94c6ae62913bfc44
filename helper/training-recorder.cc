/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-recorder.h"

#include "ns3/abort.h"
#include "ns3/edge-server-energy-model.h"
#include "ns3/learning-model.h"
#include "ns3/mobility-model.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <iomanip>

namespace ns3
{
namespace edgedml
{

namespace
{

/// \param model a model \return a new model of the same type and attribute values
Ptr<LearningModel>
CopyModelConfiguration(Ptr<const LearningModel> model)
{
    ObjectFactory factory;
    factory.SetTypeId(model->GetInstanceTypeId());
    for (TypeId tid = model->GetInstanceTypeId(); tid != Object::GetTypeId(); tid = tid.GetParent())
    {
        for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
        {
            const TypeId::AttributeInformation info = tid.GetAttribute(i);
            if ((info.flags & TypeId::ATTR_GET) && (info.flags & TypeId::ATTR_CONSTRUCT))
            {
                Ptr<AttributeValue> value = info.checker->Create();
                model->GetAttribute(info.name, *value);
                factory.Set(info.name, *value);
            }
        }
    }
    return factory.Create<LearningModel>();
}

} // namespace

TrainingRecorder::TrainingRecorder(const TrainingScenario& scenario,
                                   std::shared_ptr<const Dataset> test,
                                   uint32_t evaluateEvery)
    : m_scenario(scenario),
      m_test(std::move(test)),
      m_evaluateEvery(std::max<uint32_t>(1, evaluateEvery)),
      m_workers(scenario.edgeNodes.GetN()),
      m_cost(scenario)
{
    NS_ABORT_MSG_UNLESS(scenario.server && scenario.model, "TrainingRecorder: empty scenario");
    for (uint32_t i = 0; i < scenario.edgeNodes.GetN(); ++i)
    {
        const uint32_t id = scenario.edgeNodes.Get(i)->GetId();
        if (id >= m_indexOfNode.size())
        {
            m_indexOfNode.resize(id + 1, -1);
        }
        m_indexOfNode[id] = i;
    }
    UintegerValue maxRounds;
    scenario.server->GetAttribute("MaxRounds", maxRounds);
    m_maxRounds = maxRounds.Get();
    m_evaluator = CopyModelConfiguration(scenario.model);
    m_evaluator->SetParameters(scenario.server->GetParameters());
    m_initial = m_evaluator->Evaluate(*m_test);
    m_last = m_initial;
    Ptr<ParameterServerApplication> server = scenario.server;
    server->TraceConnectWithoutContext("RoundStart",
                                       MakeCallback(&TrainingRecorder::RoundStarted, this));
    server->TraceConnectWithoutContext("RoundEnd",
                                       MakeCallback(&TrainingRecorder::RoundEnded, this));
    server->TraceConnectWithoutContext("UpdateReceived",
                                       MakeCallback(&TrainingRecorder::UpdateReceived, this));
    server->TraceConnectWithoutContext("UpdateDropped",
                                       MakeCallback(&TrainingRecorder::UpdateDropped, this));
    if (scenario.coordinator)
    {
        scenario.coordinator->TraceConnectWithoutContext(
            "TaskAssigned",
            MakeCallback(&TrainingRecorder::TaskAssigned, this));
        scenario.coordinator->TraceConnectWithoutContext(
            "EpochScheduled",
            MakeCallback(&TrainingRecorder::EpochScheduled, this));
    }
}

void
TrainingRecorder::SetProgressStream(std::ostream* progress)
{
    m_progress = progress;
}

void
TrainingRecorder::SetTrainingLossTracking(bool enable)
{
    m_trainingRows.clear();
    m_initialTrainingLoss = std::nan("");
    if (!enable)
    {
        return;
    }
    for (const auto& shard : m_scenario.shards)
    {
        m_trainingRows.insert(m_trainingRows.end(), shard.begin(), shard.end());
    }
    NS_ABORT_MSG_IF(m_trainingRows.empty() || !m_scenario.train,
                    "TrainingRecorder: no training samples to track the loss on");
    Ptr<LearningModel> initial = CopyModelConfiguration(m_scenario.model);
    initial->SetParameters(m_scenario.server->GetParameters());
    m_initialTrainingLoss = initial->Loss(*m_scenario.train, m_trainingRows);
}

double
TrainingRecorder::GetInitialTrainingLoss() const
{
    return m_initialTrainingLoss;
}

void
TrainingRecorder::SetConvergenceBound(const ConvergenceConstants& constants, double optimum)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(m_initialTrainingLoss),
                        "TrainingRecorder: SetConvergenceBound needs SetTrainingLossTracking");
    m_hasBound = true;
    m_boundConstants = constants;
    m_optimum = optimum;
}

double
TrainingRecorder::GetOptimum() const
{
    return m_optimum;
}

std::vector<double>
TrainingRecorder::GetGapBounds() const
{
    std::vector<double> bounds(m_rounds.size(), std::nan(""));
    if (!m_hasBound)
    {
        return bounds;
    }
    double total = 0.0;
    for (const auto& server : m_scenario.servers)
    {
        total += server->GetSamples();
    }
    ConvergenceBound bound(m_boundConstants, std::max(0.0, m_initialTrainingLoss - m_optimum));
    for (uint32_t t = 0; t < m_rounds.size(); ++t)
    {
        const double share = total > 0.0 ? m_rounds[t].aggregatedSamples / total : 0.0;
        const double missing = std::min(1.0, std::max(0.0, 1.0 - share));
        const double value = bound.Step(missing);
        if (m_rounds[t].ended)
        {
            bounds[t] = value;
        }
    }
    return bounds;
}

void
TrainingRecorder::TaskAssigned(uint64_t /* taskId */,
                               uint32_t nodeId,
                               double /* utility */,
                               double energyJ,
                               Time /* duration */)
{
    m_epochTaskEnergyJ += energyJ;
    ++m_workers[Index(nodeId)].tasksAssigned;
}

void
TrainingRecorder::EpochScheduled(uint32_t round,
                                 uint32_t pending,
                                 uint32_t free,
                                 uint32_t placed,
                                 double utility,
                                 SolveStatus status)
{
    RoundRecord& r = Round(round);
    r.scheduled = true;
    r.tasksPending = pending;
    r.freeServers = free;
    r.tasksAssigned = placed;
    r.utility = utility;
    r.feasible = status == SolveStatus::OPTIMAL || status == SolveStatus::FEASIBLE;
    r.taskEnergyJ = m_epochTaskEnergyJ;
    m_epochTaskEnergyJ = 0.0;
}

const std::vector<RoundRecord>&
TrainingRecorder::GetRounds() const
{
    return m_rounds;
}

const std::vector<WorkerRecord>&
TrainingRecorder::GetWorkers() const
{
    return m_workers;
}

ModelEvaluation
TrainingRecorder::GetInitialEvaluation() const
{
    return m_initial;
}

TrainingCostAccountant&
TrainingRecorder::GetCostAccountant()
{
    return m_cost;
}

RoundRecord&
TrainingRecorder::Round(uint32_t round)
{
    if (round >= m_rounds.size())
    {
        m_rounds.resize(round + 1);
    }
    return m_rounds[round];
}

uint32_t
TrainingRecorder::Index(uint32_t nodeId) const
{
    NS_ABORT_MSG_IF(nodeId >= m_indexOfNode.size() || m_indexOfNode[nodeId] < 0,
                    "TrainingRecorder: node " << nodeId << " is not an edge server");
    return static_cast<uint32_t>(m_indexOfNode[nodeId]);
}

double
TrainingRecorder::TotalEnergyJ() const
{
    double total = 0.0;
    for (uint32_t i = 0; i < m_scenario.energyModels.GetN(); ++i)
    {
        total += m_scenario.energyModels.Get(i)->GetTotalEnergyConsumption();
    }
    return total;
}

void
TrainingRecorder::RoundStarted(uint32_t round, uint32_t eligible)
{
    RoundRecord& r = Round(round);
    r.started = true;
    r.startS = Simulator::Now().GetSeconds();
    r.eligible = eligible;
}

void
TrainingRecorder::RoundEnded(uint32_t round, uint32_t participants, Time /* duration */)
{
    RoundRecord& r = Round(round);
    r.ended = true;
    r.endS = Simulator::Now().GetSeconds();
    r.participants = participants;
    if ((round + 1) % m_evaluateEvery == 0 || round + 1 == m_maxRounds)
    {
        m_evaluator->SetParameters(m_scenario.server->GetParameters());
        m_last = m_evaluator->Evaluate(*m_test);
        if (!m_trainingRows.empty())
        {
            r.trainingLoss = m_evaluator->Loss(*m_scenario.train, m_trainingRows);
        }
    }
    r.testAccuracy = m_last.accuracy;
    r.testLoss = m_last.loss;
    r.energyJ = TotalEnergyJ();
    r.cost = m_cost.CloseRound(round, r.startS, r.endS, r.energyJ);
    r.totalCost = m_cost.GetTotal().Total();
    if (m_progress)
    {
        *m_progress << "round " << round + 1 << " t=" << std::fixed << std::setprecision(3)
                    << r.endS << "s participants " << participants << "/"
                    << m_scenario.edgeNodes.GetN() << " tasks " << r.tasksAssigned
                    << " test_accuracy " << std::setprecision(4) << r.testAccuracy << std::endl;
        m_progress->unsetf(std::ios_base::floatfield);
    }
}

void
TrainingRecorder::UpdateReceived(uint32_t worker, uint32_t round)
{
    const uint32_t i = Index(worker);
    ++m_workers[i].participated;
    Round(round).aggregatedSamples += m_scenario.servers[i]->GetSamples();
}

void
TrainingRecorder::UpdateDropped(uint32_t worker, uint32_t round, int reason)
{
    NS_ABORT_MSG_IF(reason < 0 || reason > ParameterServerApplication::UNSELECTED,
                    "TrainingRecorder: unknown drop reason " << reason);
    ++Round(round).dropped[reason];
    ++m_workers[Index(worker)].dropped[reason];
}

void
TrainingRecorder::WriteRounds(std::ostream& out) const
{
    using PS = ParameterServerApplication;
    out << "round,time_s,start_s,eligible,participants,busy_dropped,lost_dropped,late_dropped,"
           "offline_dropped,tasks_pending,free_es,tasks_assigned,task_energy_j,utility,"
           "test_accuracy,test_loss,energy_j,training_loss,optimality_gap,gap_bound,"
           "unselected_dropped,cost_instance,cost_cell,cost_backhaul,cost_energy,cost,"
           "total_cost\n";
    out << std::setprecision(10);
    const std::vector<double> bounds = GetGapBounds();
    // An empty cell for a value that is not known.
    const auto cell = [&out](double x) -> std::ostream& {
        if (std::isfinite(x))
        {
            out << x;
        }
        return out;
    };
    for (uint32_t t = 0; t < m_rounds.size(); ++t)
    {
        const RoundRecord& r = m_rounds[t];
        if (!r.ended)
        {
            continue;
        }
        out << t + 1 << "," << r.endS << "," << r.startS << "," << r.eligible << ","
            << r.participants << "," << r.dropped[PS::BUSY] << "," << r.dropped[PS::LOST] << ","
            << r.dropped[PS::LATE] << "," << r.dropped[PS::OFFLINE] << "," << r.tasksPending << ","
            << r.freeServers << "," << r.tasksAssigned << "," << r.taskEnergyJ << "," << r.utility
            << "," << r.testAccuracy << "," << r.testLoss << "," << r.energyJ << ",";
        cell(r.trainingLoss) << ",";
        cell(r.trainingLoss - m_optimum) << ",";
        cell(bounds[t]) << ",";
        out << r.dropped[PS::UNSELECTED] << "," << r.cost.instance << "," << r.cost.cell << ","
            << r.cost.backhaul << "," << r.cost.energy << "," << r.cost.Total() << ","
            << r.totalCost << "\n";
    }
}

void
TrainingRecorder::WriteWorkers(std::ostream& out) const
{
    using PS = ParameterServerApplication;
    out << "es,node,distance_m,samples,cpu_hz,rounds_participated,busy_dropped,lost_dropped,"
           "late_dropped,offline_dropped,tasks_executed,energy_j,compute_energy_j,"
           "transmit_energy_j,task_energy_j,online,unselected_dropped,spot,rented_s,cell_bytes,"
           "cost_instance,cost_cell,cost_energy,cost\n";
    out << std::setprecision(10);
    Ptr<MobilityModel> psMobility = m_scenario.psNode->GetObject<MobilityModel>();
    for (uint32_t i = 0; i < m_workers.size(); ++i)
    {
        const WorkerRecord& w = m_workers[i];
        Ptr<Node> node = m_scenario.edgeNodes.Get(i);
        Ptr<EdgeServerEnergyModel> energy =
            DynamicCast<EdgeServerEnergyModel>(m_scenario.energyModels.Get(i));
        const double distance = node->GetObject<MobilityModel>()->GetDistanceFrom(psMobility);
        const TrainingCost cost = m_cost.GetWorkerCost(i);
        out << i << "," << node->GetId() << "," << distance << ","
            << m_scenario.servers[i]->GetSamples() << ","
            << m_scenario.servers[i]->GetCpuFrequencyHz() << "," << w.participated << ","
            << w.dropped[PS::BUSY] << "," << w.dropped[PS::LOST] << "," << w.dropped[PS::LATE]
            << "," << w.dropped[PS::OFFLINE] << "," << w.tasksAssigned << ","
            << energy->GetTotalEnergyConsumption() << ","
            << energy->GetEnergyJ(EnergyActivity::COMPUTE) << ","
            << energy->GetEnergyJ(EnergyActivity::TRANSMIT) << ","
            << energy->GetEnergyJ(EnergyActivity::TASK) << ","
            << (m_scenario.servers[i]->IsOnline() ? 1 : 0) << "," << w.dropped[PS::UNSELECTED]
            << "," << (m_cost.IsSpot(i) ? 1 : 0) << "," << m_cost.GetRentedS(i) << ","
            << m_cost.GetCellBytes(i) << "," << cost.instance << "," << cost.cell << ","
            << cost.energy << "," << cost.Total() << "\n";
    }
}

} // namespace edgedml
} // namespace ns3
