/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_HELPER_H
#define EDGE_DML_TRAINING_HELPER_H

#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/dataset.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/parameter-encoding.h"
#include "ns3/parameter-server-application.h"
#include "ns3/worker-application.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

class LearningModel;

/**
 * \ingroup edge-dml
 * \brief Installs synchronous SGD: one ParameterServerApplication and a
 * WorkerApplication (with its own LocalTrainer) per edge server.
 *
 * The addresses are the caller's, so any socket type works; for UDP over
 * IPv4: server local = (any, port), server broadcast = (255.255.255.255,
 * port), worker local = (any, port), server remote = (PS address, port).
 */
class TrainingHelper
{
  public:
    /**
     * \param protocol socket factory type name, e.g. "ns3::UdpSocketFactory"
     * \param serverLocal the parameter server's Local address
     * \param serverBroadcast the parameter server's BroadcastRemote address
     * \param workerLocal the workers' Local address
     * \param serverRemote the workers' Remote address (the parameter server)
     */
    TrainingHelper(const std::string& protocol,
                   const Address& serverLocal,
                   const Address& serverBroadcast,
                   const Address& workerLocal,
                   const Address& serverRemote);

    /// \param name a ParameterServerApplication attribute \param value its value
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /// \param name a WorkerApplication attribute \param value its value
    void SetWorkerAttribute(const std::string& name, const AttributeValue& value);
    /// \param name a LocalTrainer attribute (LocalSteps, BatchSize, LearningRate) \param value its
    /// value
    void SetTrainerAttribute(const std::string& name, const AttributeValue& value);
    /// \param encoding the wire format, for the server and the workers alike
    void SetParameterEncoding(ParameterEncoding encoding);
    /**
     * \brief Choose the synchronisation policy.
     * \param type a SyncPolicy TypeId name, e.g. "ns3::edgedml::NSyncPolicy"
     */
    void SetSyncPolicy(const std::string& type);
    /// \param name a SyncPolicy attribute (RoundDeadlineS, N, Batches) \param value its value
    void SetSyncPolicyAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief What workers busy with a task at a round start do (attribute
     * BusyPolicy of WorkerApplication).
     * \param policy WorkerApplication::SKIP (default) or WorkerApplication::DISCARD
     */
    void SetBusyPolicy(WorkerApplication::BusyPolicy policy);

    /**
     * \brief Give every worker its own availability model (attribute
     * Availability of WorkerApplication; default ns3::edgedml::AlwaysAvailable).
     * \param type a WorkerAvailabilityModel TypeId name, e.g.
     *        "ns3::edgedml::BernoulliAvailability" or "ns3::edgedml::MarkovOnOffAvailability"
     */
    void SetWorkerAvailability(const std::string& type);
    /**
     * \param name an attribute of the availability model (ProbabilityAvailable;
     *        ProbabilityOnToOff, ProbabilityOffToOn, InitialState)
     * \param value its value
     */
    void SetWorkerAvailabilityAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Give every worker its own straggler delay variable (attribute
     * StragglerDelayS of WorkerApplication), in s.
     * \param type a RandomVariableStream TypeId name, e.g.
     *        "ns3::ExponentialRandomVariable"
     */
    void SetStragglerDelay(const std::string& type);
    /// \param name an attribute of the straggler delay variable \param value its value
    void SetStragglerDelayAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief the system model's straggler noise: every worker's delay is its own
     * ShiftedExponentialRandomVariable, shiftS + Exponential(meanS).
     * \param shiftS the shift, in s (>= 0)
     * \param meanS the mean of the exponential part, in s (>= 0)
     */
    void SetShiftedExponentialStragglerDelay(double shiftS, double meanS);

    /**
     * \brief Install the parameter server.
     * \param node the parameter server node
     * \param model the model (W_0 = its parameters, initialised if it has none)
     * \return the application
     */
    Ptr<ParameterServerApplication> InstallServer(Ptr<Node> node, Ptr<LearningModel> model) const;

    /**
     * \brief Install a worker on every node and register it with the server.
     * Each node's EdgeServer samples s_i are set to its shard's size (the
     * shard is authoritative); each worker's RepeatLocalUpdates is set from
     * the server's SyncPolicy (AcceptsRepeatedUpdates: true for
     * NBatchSyncPolicy).
     * \param nodes the edge-server nodes (each with an EdgeServer)
     * \param server the parameter server
     * \param model the model the workers train (may be the server's)
     * \param data the data set
     * \param shards one non-empty shard (row indices) per node
     * \return the worker applications
     */
    ApplicationContainer InstallWorkers(NodeContainer nodes,
                                        Ptr<ParameterServerApplication> server,
                                        Ptr<LearningModel> model,
                                        std::shared_ptr<const Dataset> data,
                                        const std::vector<std::vector<uint32_t>>& shards) const;

    /**
     * \param nodes edge-server nodes (each with an EdgeServer)
     * \return their sample counts s_i, e.g. for DataPartitioner::Partition
     */
    static std::vector<uint32_t> GetSampleCounts(NodeContainer nodes);

    /**
     * \brief Fix the random streams of the workers (trainers, straggler
     * delays, availability models).
     * \param workers applications returned by InstallWorkers
     * \param stream first stream index
     * \return the number of streams used
     */
    static int64_t AssignStreams(ApplicationContainer workers, int64_t stream);

  private:
    ObjectFactory m_serverFactory;       //!< ParameterServerApplication factory
    ObjectFactory m_workerFactory;       //!< WorkerApplication factory
    ObjectFactory m_trainerFactory;      //!< LocalTrainer factory
    ObjectFactory m_policyFactory;       //!< SyncPolicy factory
    ObjectFactory m_stragglerFactory;    //!< straggler delay factory, if any
    bool m_hasStraggler;                 //!< whether SetStragglerDelay was called
    ObjectFactory m_availabilityFactory; //!< availability model factory, if any
    bool m_hasAvailability;              //!< whether SetWorkerAvailability was called
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TRAINING_HELPER_H */
