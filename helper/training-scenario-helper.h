/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_SCENARIO_HELPER_H
#define EDGE_DML_TRAINING_SCENARIO_HELPER_H

#include "ns3/application-container.h"
#include "ns3/dataset.h"
#include "ns3/device-energy-model-container.h"
#include "ns3/edge-server.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
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
 * \brief The knobs of a TrainingScenario, with the system model's defaults and the
 * flagship example's learning settings.
 *
 * Every field maps to one Attribute of the classes the helper creates; the
 * comment names it. Values are checked by those attributes' checkers (an
 * out-of-range value aborts in Install); programs validate user input first
 * (see CommandLineChecks).
 */
struct TrainingScenarioParameters
{
    // Actors and positions (the system model, "Actors").
    uint32_t numEdgeServers{80};  //!< n
    double minRadiusM{50.0};      //!< AnnulusPositionAllocator inner radius, in m
    double maxRadiusM{500.0};     //!< AnnulusPositionAllocator outer radius, in m
    uint32_t samplesPerServer{0}; //!< s_i of every ES (0: the system model's draw U{100, ..., 600})

    // Training link (the system model, "Training link").
    uint32_t numRbs{0};              //!< OfdmaChannel::NumResourceBlocks (0: one per ES)
    double rbBandwidthHz{1e6};       //!< OfdmaChannel::ResourceBlockBandwidthHz, in Hz
    double txPowerW{0.01};           //!< terminal TxPowerW p_i, in W
    std::string lossUnit{"Message"}; //!< WaterfallErrorModel::LossUnit (Message or Packet)
    double waterfallThreshold{1.08}; //!< WaterfallErrorModel::WaterfallThreshold m
    uint32_t maxRetransmissions{0};  //!< OfdmaNetDevice::MaxRetransmissions
    std::string rbAllocator{"ns3::edgedml::EqualShareRbAllocator"}; //!< RbAllocator TypeId
    bool redrawInterferenceEachRound{true}; //!< redraw I_i at every round start (system model)

    // Energy (the system model, "Energy").
    double initialEnergyJ{10000.0}; //!< BasicEnergySourceInitialEnergyJ of each ES, in J

    // Learning (the system model, "Synchronous SGD").
    std::string modelType{"ns3::edgedml::LogisticRegressionModel"}; //!< LearningModel TypeId
    double l2{1e-4};            //!< LearningModel::L2Regularisation lambda
    uint32_t hiddenUnits{64};   //!< MlpModel::HiddenUnits (MLP only)
    double dirichletAlpha{0.0}; //!< DirichletDataPartitioner::Alpha (0: IID split)
    uint32_t rounds{50};        //!< ParameterServerApplication::MaxRounds
    double roundGapS{0.0};      //!< ParameterServerApplication::RoundGapS, in s
    uint32_t localSteps{10};    //!< LocalTrainer::LocalSteps tau
    uint32_t batchSize{64};     //!< LocalTrainer::BatchSize b
    double learningRate{0.2};   //!< LocalTrainer::LearningRate eta
    std::string syncPolicy{"ns3::edgedml::FullSyncPolicy"}; //!< SyncPolicy TypeId
    /// WorkerSelector TypeId (ParameterServerApplication::WorkerSelector; its K, Ramp and
    /// weights are its attributes' defaults)
    std::string workerSelector{"ns3::edgedml::AllAvailableSelector"};
    double roundDeadlineS{1.0};     //!< SyncPolicy::RoundDeadlineS, in s (0: none)
    uint32_t syncN{40};             //!< NSyncPolicy::N (N-sync only)
    uint32_t syncBatches{40};       //!< NBatchSyncPolicy::Batches M (N-batch-sync only)
    double stragglerShiftS{0.0};    //!< shift of the straggler delay, in s
    double stragglerMeanS{0.0};     //!< mean of its exponential part, in s (shift and mean 0: none)
    std::string busyPolicy{"Skip"}; //!< WorkerApplication::BusyPolicy (Skip or Discard)
    std::string availability{"Always"}; //!< worker availability: Always, Bernoulli or Markov
    double probabilityAvailable{0.9};   //!< BernoulliAvailability::ProbabilityAvailable p_a
    double probabilityOnToOff{0.1};     //!< MarkovOnOffAvailability::ProbabilityOnToOff
    double probabilityOffToOn{0.4};     //!< MarkovOnOffAvailability::ProbabilityOffToOn
    // Crowdsourcing tasks (the system model, "Task scheduling"), scheduled at every round start.
    bool tasks{true};                   //!< run a TaskCoordinator
    std::string scheduler{"Tabu"};      //!< TaskCoordinator::Scheduler (short or TypeId name)
    std::string taskArrival{"Batch"};   //!< TaskCoordinator::ArrivalMode (Batch or Poisson)
    uint32_t tasksPerRound{10};         //!< TaskCoordinator::TasksPerEpoch (Batch)
    double taskArrivalRatePerS{10.0};   //!< TaskCoordinator::ArrivalRatePerS (Poisson)
    std::string unplacedTasks{"Retry"}; //!< TaskCoordinator::UnplacedPolicy (Retry or Reject)
    double taskBandwidthHz{30e6};       //!< TaskCoordinator::TaskBandwidthHz B, in Hz
    double taskEnergyBudgetJ{60.0};     //!< TaskCoordinator::TaskEnergyBudgetJ E_max, in J
    std::string preset{"Valued"};       //!< TaskCoordinator::Preset (Valued or Strict)

    std::string socket{"udp"};   //!< transport: udp (UDP/IPv4) or packet (raw packet sockets)
    uint32_t trainingThreads{1}; //!< TrainingExecutor::Threads (0: on the simulator's thread)
    uint16_t port{9000};         //!< UDP port of the parameter server and the workers
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
 * At every round start (the PS's round-start hook) it redraws the uplink
 * interference (if redrawInterferenceEachRound), gives the TaskCoordinator
 * (if tasks) this round's o_i (GetTrainingSuccessProbabilities) and runs its
 * scheduling epoch, which marks the ES that receive a task busy before the
 * PS decides who is eligible; then it calls the hook given to
 * SetRoundStartHook.
 *
 * Install draws from fixed streams starting at the given index; the same
 * parameters, seed and run give the same scenario.
 */
class TrainingScenarioHelper
{
  public:
    /// \param parameters the knobs
    explicit TrainingScenarioHelper(const TrainingScenarioParameters& parameters);

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
    std::vector<double> GetTrainingSuccessProbabilities(const TrainingScenario& scenario) const;

  private:
    /**
     * \param channel the cell's channel \param devices the ES devices
     * \return o_i of every ES under the current interference
     */
    std::vector<double> ComputeTrainingSuccessProbabilities(
        Ptr<OfdmaChannel> channel,
        const NetDeviceContainer& devices) const;

    TrainingScenarioParameters m_parameters; //!< the knobs
    Callback<void, uint32_t> m_hook;         //!< the caller's round-start hook
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TRAINING_SCENARIO_HELPER_H */
