/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_SCENARIO_HELPER_H
#define EDGE_DML_TRAINING_SCENARIO_HELPER_H

#include "ns3/application-container.h"
#include "ns3/callback.h"
#include "ns3/dataset.h"
#include "ns3/device-energy-model-container.h"
#include "ns3/edge-server.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object.h"
#include "ns3/ofdma-channel.h"
#include "ns3/ofdma-helper.h"
#include "ns3/ofdma-net-device.h"
#include "ns3/parameter-server-application.h"
#include "ns3/task-coordinator.h"
#include "ns3/training-executor.h"

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
 * \brief Everything a synchronous-SGD scenario is made of (the
 * system model, "Actors" to "Synchronous SGD"), as built by TrainingScenarioHelper::Install. The
 * worker of edge server i runs on edgeNodes.Get(i); its id at the parameter server is that node's
 * id.
 */
struct TrainingScenario
{
    Ptr<Node> psNode;                          //!< the parameter server's node (origin)
    NodeContainer edgeNodes;                   //!< the edge servers' nodes
    std::vector<Ptr<EdgeServer>> servers;      //!< EdgeServer of each ES (s_i, f_i)
    Ptr<OfdmaNetDevice> psDevice;              //!< the base-station device of the PS
    NetDeviceContainer edgeDevices;            //!< the terminal device of each ES
    Ptr<OfdmaChannel> channel;                 //!< the OFDMA channel
    DeviceEnergyModelContainer energyModels;   //!< EdgeServerEnergyModel of each ES
    Ptr<LearningModel> model;                  //!< the model (the PS holds W_t)
    Ptr<ParameterServerApplication> server;    //!< the parameter server
    ApplicationContainer workers;              //!< WorkerApplication of each ES
    std::vector<std::vector<uint32_t>> shards; //!< training rows of each ES (s_i of them)
    std::shared_ptr<const Dataset> train;      //!< the training set
    OfdmaHelper ofdma;                         //!< the helper that built the cell (pcap)
    Ptr<TaskCoordinator> coordinator;          //!< the crowdsourcing tasks (null: none)
    Ptr<TrainingExecutor> executor;            //!< runs the workers' local updates

    /**
     * \param nodeId a node id
     * \return the index i of the edge server on that node, or -1
     */
    int64_t GetEdgeServerIndex(uint32_t nodeId) const;
};

/**
 * \ingroup edge-dml
 * \brief Builds a whole synchronous-SGD scenario over the packet-level
 * OFDMA cell: the PS at the origin, n edge servers (EdgeServerHelper draws
 * s_i and f_i) placed uniformly in the annulus, the OFDMA devices with the
 * waterfall loss, a BasicEnergySource and an EdgeServerEnergyModel per ES,
 * UDP/IPv4 (or raw packet sockets straight on the OFDMA devices, which
 * skips the IP stack's per-packet cost), the training set split over the ES (s_i samples each, IID
 * or Dirichlet) and the parameter server and workers (TrainingHelper).
 *
 * Its attributes are the scenario's own knobs: the number of ES, the
 * replaceable parts (learning model, sync policy, worker availability; by
 * short name or TypeId name), and the learning settings in which the
 * scenario differs from the defaults of the classes it creates (rounds,
 * local steps, learning rate, round deadline; their checkers are those of
 * ParameterServerApplication::MaxRounds, LocalTrainer and SyncPolicy).
 * Everything else takes the attribute defaults of the created classes
 * (AnnulusPositionAllocator, OfdmaChannel, OfdmaNetDevice,
 * WaterfallErrorModel, LearningModel, NSyncPolicy, BernoulliAvailability,
 * WorkerApplication, TrainingExecutor, TaskCoordinator, ...): set them with
 * Config::SetDefault or `--ns3::edgedml::Type::Attribute=value`.
 *
 * At every round start (the PS's round-start hook) it redraws the uplink
 * interference (if RedrawInterference), gives the TaskCoordinator
 * (if Tasks) this round's o_i (GetTrainingSuccessProbabilities) and runs its
 * scheduling epoch, which marks the ES that receive a task busy before the
 * PS decides who is eligible; then it calls the hook given to
 * SetRoundStartHook.
 *
 * Install draws from fixed streams starting at the given index; the same
 * attributes, seed and run give the same scenario.
 */
class TrainingScenarioHelper : public Object
{
  public:
    /// The transport of the parameter messages.
    enum Socket
    {
        UDP,   //!< UDP over IPv4
        PACKET //!< raw packet sockets on the OFDMA devices
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TrainingScenarioHelper();
    ~TrainingScenarioHelper() override;

    /**
     * \brief A hook run at every round start after the interference redraw,
     * before the PS decides eligibility (see
     * ParameterServerApplication::SetRoundStartHook).
     * \param hook the hook
     */
    void SetRoundStartHook(Callback<void, uint32_t> hook);

    /**
     * \brief Build the scenario.
     * \param train the training set (shared by the workers; must hold at least
     *        the sum of the drawn s_i)
     * \param stream first random stream index
     * \param streamsUsed set to the number of streams used, if not null
     * \return the scenario; its shards are empty if the training set is too
     *         small (the caller reports it)
     */
    TrainingScenario Install(std::shared_ptr<const Dataset> train,
                             int64_t stream,
                             int64_t* streamsUsed = nullptr) const;

    /**
     * \param scenario a scenario
     * \return o_i of every ES: the waterfall success probability of its next
     *         upload under the current interference, with its fair share of
     *         the RBs (the system model, "Training link")
     */
    static std::vector<double> GetTrainingSuccessProbabilities(const TrainingScenario& scenario);

  private:
    /**
     * \param channel the cell's channel \param psDevice the parameter server's device
     * \param devices the ES devices
     * \return o_i of every ES under the current interference
     */
    static std::vector<double> ComputeTrainingSuccessProbabilities(
        Ptr<OfdmaChannel> channel,
        Ptr<OfdmaNetDevice> psDevice,
        const NetDeviceContainer& devices);

    uint32_t m_numEdgeServers;          //!< n
    uint32_t m_samplesPerServer;        //!< s_i of every ES (0: EdgeServerHelper's draw)
    Socket m_socket;                    //!< the transport
    uint16_t m_port;                    //!< UDP port of the parameter server and the workers
    bool m_redrawInterference;          //!< redraw I_i at every round start
    double m_initialEnergyJ;            //!< battery energy of each ES, in J
    std::string m_learningModel;        //!< LearningModel type (short or TypeId name)
    double m_dirichletAlpha;            //!< Dirichlet alpha of the split (0: IID)
    uint32_t m_rounds;                  //!< ParameterServerApplication::MaxRounds
    uint32_t m_localSteps;              //!< LocalTrainer::LocalSteps tau
    double m_learningRate;              //!< LocalTrainer::LearningRate eta
    double m_roundDeadlineS;            //!< SyncPolicy::RoundDeadlineS, in s (0: none)
    std::string m_syncPolicy;           //!< SyncPolicy type (short or TypeId name)
    std::string m_availability;         //!< WorkerAvailabilityModel type (short or TypeId name)
    std::string m_workerSelector;       //!< WorkerSelector type (short or TypeId name)
    bool m_workerRamp;                  //!< give the selector a WorkerRamp
    std::string m_learningRateSchedule; //!< LearningRateSchedule type (short or TypeId name)
    std::string m_localWork;            //!< LocalWorkPolicy type (short or TypeId name)
    double m_stragglerShiftS;           //!< shift of the straggler delay, in s
    double m_stragglerMeanS;            //!< mean of its exponential part, in s
    bool m_tasks;                       //!< run a TaskCoordinator
    Callback<void, uint32_t> m_hook;    //!< the caller's round-start hook
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TRAINING_SCENARIO_HELPER_H */
