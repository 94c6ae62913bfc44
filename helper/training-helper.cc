/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/edge-server.h"
#include "ns3/enum.h"
#include "ns3/full-sync-policy.h"
#include "ns3/learning-model.h"
#include "ns3/local-trainer.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/shifted-exponential-random-variable.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/worker-application.h"
#include "ns3/worker-availability-model.h"

namespace ns3
{
namespace edgedml
{

TrainingHelper::TrainingHelper(const std::string& protocol,
                               const Address& serverLocal,
                               const Address& serverBroadcast,
                               const Address& workerLocal,
                               const Address& serverRemote)
    : m_hasStraggler(false),
      m_hasAvailability(false)
{
    m_serverFactory.SetTypeId(ParameterServerApplication::GetTypeId());
    m_serverFactory.Set("Protocol", TypeIdValue(TypeId::LookupByName(protocol)));
    m_serverFactory.Set("Local", AddressValue(serverLocal));
    m_serverFactory.Set("BroadcastRemote", AddressValue(serverBroadcast));
    m_workerFactory.SetTypeId(WorkerApplication::GetTypeId());
    m_workerFactory.Set("Protocol", TypeIdValue(TypeId::LookupByName(protocol)));
    m_workerFactory.Set("Local", AddressValue(workerLocal));
    m_workerFactory.Set("Remote", AddressValue(serverRemote));
    m_trainerFactory.SetTypeId(LocalTrainer::GetTypeId());
    m_policyFactory.SetTypeId(FullSyncPolicy::GetTypeId());
}

void
TrainingHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_serverFactory.Set(name, value);
}

void
TrainingHelper::SetWorkerAttribute(const std::string& name, const AttributeValue& value)
{
    m_workerFactory.Set(name, value);
}

void
TrainingHelper::SetTrainerAttribute(const std::string& name, const AttributeValue& value)
{
    m_trainerFactory.Set(name, value);
}

void
TrainingHelper::SetParameterEncoding(ParameterEncoding encoding)
{
    m_serverFactory.Set("ParameterEncoding", EnumValue(encoding));
    m_workerFactory.Set("ParameterEncoding", EnumValue(encoding));
}

void
TrainingHelper::SetSyncPolicy(const std::string& type)
{
    m_policyFactory = ObjectFactory(type);
}

void
TrainingHelper::SetSyncPolicyAttribute(const std::string& name, const AttributeValue& value)
{
    m_policyFactory.Set(name, value);
}

void
TrainingHelper::SetBusyPolicy(WorkerApplication::BusyPolicy policy)
{
    m_workerFactory.Set("BusyPolicy", EnumValue(policy));
}

void
TrainingHelper::SetWorkerAvailability(const std::string& type)
{
    m_availabilityFactory = ObjectFactory(type);
    m_hasAvailability = true;
}

void
TrainingHelper::SetWorkerAvailabilityAttribute(const std::string& name, const AttributeValue& value)
{
    NS_ABORT_MSG_UNLESS(
        m_hasAvailability,
        "TrainingHelper::SetWorkerAvailabilityAttribute: call SetWorkerAvailability first");
    m_availabilityFactory.Set(name, value);
}

void
TrainingHelper::SetShiftedExponentialStragglerDelay(double shiftS, double meanS)
{
    SetStragglerDelay(ShiftedExponentialRandomVariable::GetTypeId().GetName());
    SetStragglerDelayAttribute("Shift", DoubleValue(shiftS));
    SetStragglerDelayAttribute("Mean", DoubleValue(meanS));
}

void
TrainingHelper::SetStragglerDelay(const std::string& type)
{
    m_stragglerFactory = ObjectFactory(type);
    m_hasStraggler = true;
}

void
TrainingHelper::SetStragglerDelayAttribute(const std::string& name, const AttributeValue& value)
{
    NS_ABORT_MSG_UNLESS(m_hasStraggler,
                        "TrainingHelper::SetStragglerDelayAttribute: call SetStragglerDelay first");
    m_stragglerFactory.Set(name, value);
}

Ptr<ParameterServerApplication>
TrainingHelper::InstallServer(Ptr<Node> node, Ptr<LearningModel> model) const
{
    Ptr<ParameterServerApplication> server = m_serverFactory.Create<ParameterServerApplication>();
    server->SetAttribute("SyncPolicy", PointerValue(m_policyFactory.Create<SyncPolicy>()));
    server->SetModel(model);
    node->AddApplication(server);
    return server;
}

ApplicationContainer
TrainingHelper::InstallWorkers(NodeContainer nodes,
                               Ptr<ParameterServerApplication> server,
                               Ptr<LearningModel> model,
                               std::shared_ptr<const Dataset> data,
                               const std::vector<std::vector<uint32_t>>& shards) const
{
    NS_ABORT_MSG_UNLESS(server, "TrainingHelper::InstallWorkers: null server");
    NS_ABORT_MSG_UNLESS(shards.size() == nodes.GetN(),
                        "TrainingHelper::InstallWorkers: " << shards.size() << " shards for "
                                                           << nodes.GetN() << " nodes");
    NS_ABORT_MSG_UNLESS(server->GetSyncPolicy(), "TrainingHelper::InstallWorkers: no SyncPolicy");
    const bool repeat = server->GetSyncPolicy()->AcceptsRepeatedUpdates();
    ApplicationContainer apps;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        Ptr<Node> node = nodes.Get(i);
        Ptr<EdgeServer> edgeServer = node->GetObject<EdgeServer>();
        NS_ABORT_MSG_UNLESS(edgeServer,
                            "TrainingHelper::InstallWorkers: node " << node->GetId()
                                                                    << " has no EdgeServer");
        edgeServer->SetSamples(static_cast<uint32_t>(shards[i].size()));
        Ptr<WorkerApplication> worker = m_workerFactory.Create<WorkerApplication>();
        worker->SetLearning(model, m_trainerFactory.Create<LocalTrainer>(), data, shards[i]);
        worker->SetServerId(server->GetNode()->GetId());
        if (m_hasStraggler)
        {
            worker->SetAttribute("StragglerDelayS",
                                 PointerValue(m_stragglerFactory.Create<RandomVariableStream>()));
        }
        if (m_hasAvailability)
        {
            worker->SetAttribute(
                "Availability",
                PointerValue(m_availabilityFactory.Create<WorkerAvailabilityModel>()));
        }
        worker->SetAttribute("RepeatLocalUpdates", BooleanValue(repeat));
        node->AddApplication(worker);
        server->AddWorker(node);
        apps.Add(worker);
    }
    return apps;
}

std::vector<uint32_t>
TrainingHelper::GetSampleCounts(NodeContainer nodes)
{
    std::vector<uint32_t> counts;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        Ptr<EdgeServer> edgeServer = nodes.Get(i)->GetObject<EdgeServer>();
        NS_ABORT_MSG_UNLESS(edgeServer,
                            "TrainingHelper::GetSampleCounts: node " << nodes.Get(i)->GetId()
                                                                     << " has no EdgeServer");
        counts.push_back(edgeServer->GetSamples());
    }
    return counts;
}

int64_t
TrainingHelper::AssignStreams(ApplicationContainer workers, int64_t stream)
{
    int64_t used = 0;
    for (uint32_t i = 0; i < workers.GetN(); ++i)
    {
        Ptr<WorkerApplication> worker = DynamicCast<WorkerApplication>(workers.Get(i));
        NS_ABORT_MSG_UNLESS(worker, "TrainingHelper::AssignStreams: not a WorkerApplication");
        used += worker->AssignStreams(stream + used);
    }
    return used;
}

} // namespace edgedml
} // namespace ns3
