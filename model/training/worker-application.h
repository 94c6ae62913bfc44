/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_APPLICATION_H
#define EDGE_DML_WORKER_APPLICATION_H

#include "learning-rate-schedule.h"
#include "local-work-policy.h"
#include "parameter-encoding.h"
#include "parameter-message.h"
#include "training-executor.h"
#include "worker-availability-model.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/dataset.h"
#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <Eigen/Dense>
#include <future>
#include <memory>
#include <set>
#include <vector>

namespace ns3
{
namespace edgedml
{

class EdgeServer;
class LearningModel;

/**
 * \ingroup edge-dml
 * \brief An edge server's side of synchronous SGD (the system model, "Synchronous SGD").
 *
 * Round start: the parameter server calls BeginRound(t) on every
 * registered worker after its round-start hook (a control-plane shortcut,
 * no packet): the worker draws its availability (attribute Availability, a
 * WorkerAvailabilityModel) and notes whether its EdgeServer is online and
 * busy with a task at that instant; the server decides eligibility from
 * the returned RoundState, so the two always agree.
 *
 * Receives the parameter server's model broadcast of round t (a message
 * numbered t, see SendParameterMessage). When the whole model arrived
 * (c_i = 1), the EdgeServer is online, the worker is available in round t,
 * it is not busy at the round start or BusyPolicy is Discard, and it is not
 * already computing, the worker runs the LocalTrainer on its shard (tau
 * local SGD steps), then occupies the EdgeServer CPU for
 * CyclesPerBit * BitsPerSample * (samples processed) cycles through
 * EdgeServer::Compute (so the compute time is cycles / f_i and the energy is
 * charged, busy or not), waits an optional straggler delay
 * (StragglerDelayS, e.g. a ShiftedExponentialRandomVariable; idle, no
 * energy), then uploads its parameters as update 0 of round t
 * (MakeUpdateMessageId) to Remote. The arithmetic of the steps starts when
 * training starts (the batches are drawn then), on the simulator's thread or,
 * with an Executor, on a background thread while the simulation goes on; the
 * result is collected at the upload. Only the simulated time and energy
 * follow the CPU model, and the results do not depend on the executor.
 * A broadcast that arrives while the worker cannot train is ignored (the
 * parameter server sees its round as busy, offline or missing).
 *
 * Busy policy (y_i = 1: the EdgeServer is busy with a task at the round
 * start): Skip (default) does not train in that round; Discard trains
 * anyway, spends the compute energy and uploads, and the parameter server
 * discards the update (the round is reported Busy either way).
 *
 * RepeatLocalUpdates (N-batch-sync; TrainingHelper sets it from the sync
 * policy): after each upload of round t, while no newer model has arrived,
 * the worker starts another local update from the same W_t on its next
 * mini-batches (updates 1, 2, ... of round t, at most
 * MAX_UPDATES_PER_ROUND). When a newer model arrives during such an extra
 * update, the extra update is abandoned (not uploaded; its compute still
 * runs to its end and is charged, an extra update waiting out its
 * straggler delay is dropped at once) and training on the newer model
 * starts as soon as the CPU is free. Without it a broadcast arriving while
 * the worker computes is ignored, as above.
 *
 * The node needs an EdgeServer (EdgeServerHelper). The learning context
 * (model, trainer, data set and shard) is set with SetLearning, usually by
 * TrainingHelper.
 */
class WorkerApplication : public Application
{
  public:
    /// What a worker busy with a task at a round start does in that round.
    enum BusyPolicy
    {
        SKIP,    //!< it does not train ("Skip")
        DISCARD, //!< it trains and uploads; the parameter server discards the update ("Discard")
    };

    /// A worker's state at a round start (BeginRound), in order of precedence.
    enum RoundState
    {
        ELIGIBLE,    //!< online, not busy, available: its update may be aggregated
        OFFLINE,     //!< its EdgeServer is offline (e.g. energy depleted)
        BUSY,        //!< its EdgeServer is busy with a task (y_i = 1)
        UNAVAILABLE, //!< the availability model took it out of the round
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WorkerApplication();
    ~WorkerApplication() override;

    /**
     * \brief Set what the worker trains.
     * \param model the model (may be shared by workers: training is instantaneous in simulated
     *        time, and the worker keeps its own result)
     * \param trainer the local trainer (tau, b, eta; its own random stream)
     * \param data the data set
     * \param rows the worker's shard (its s_i samples; non-empty)
     */
    void SetLearning(Ptr<LearningModel> model,
                     Ptr<LocalTrainer> trainer,
                     std::shared_ptr<const Dataset> data,
                     std::vector<uint32_t> rows);

    /// \param serverId the parameter server's sender id (its node id); other senders are ignored
    void SetServerId(uint32_t serverId);

    /// \return the worker's sender id (its node id)
    uint32_t GetWorkerId() const;

    /// \return the updates uploaded (one per round trained, more with RepeatLocalUpdates)
    uint32_t GetUpdatesSent() const;

    /**
     * \brief The round-start snapshot, called by the parameter server at the
     * start of each round after its round-start hook: draws the
     * availability of the round (every round, whatever the state, so that
     * the availability process steps once per round) and notes whether the
     * EdgeServer is online and busy.
     * \param round the round, above the rounds begun before
     * \return the worker's state in the round (OFFLINE before BUSY before UNAVAILABLE)
     */
    RoundState BeginRound(uint32_t round);

    /// \return the busy policy (attribute BusyPolicy)
    BusyPolicy GetBusyPolicy() const;

    /// \return whether the worker repeats local updates (attribute RepeatLocalUpdates)
    bool IsRepeatingLocalUpdates() const;

    /// \return the availability model (attribute Availability; null: always available)
    Ptr<WorkerAvailabilityModel> GetAvailabilityModel() const;

    /// \return the worker's shard
    const std::vector<uint32_t>& GetRows() const;

    /// \return the local trainer (null before SetLearning)
    Ptr<LocalTrainer> GetTrainer() const;

    /// \return the data set its shard indexes (null before SetLearning)
    std::shared_ptr<const Dataset> GetDataset() const;

    /**
     * \brief The parameter server's WorkerSelector left the worker out of a
     * begun round: it does not train in it.
     * \param round the round
     */
    void Deselect(uint32_t round);

    /**
     * \brief Use fixed random streams (the trainer's batch draws, then the
     * straggler delay if set, then the availability model).
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for round events of a worker.
     * \param round the round
     */
    typedef void (*RoundTracedCallback)(uint32_t round);

    /**
     * TracedCallback signature for the availability of a round.
     * \param round the round
     * \param available whether the availability model let the worker take part
     */
    typedef void (*AvailabilityTracedCallback)(uint32_t round, bool available);

    /**
     * TracedCallback signature for the local work of an update.
     * \param round the round \param localSteps tau \param batchSize b \param learningRate eta
     */
    typedef void (*LocalWorkTracedCallback)(uint32_t round,
                                            uint32_t localSteps,
                                            uint32_t batchSize,
                                            double learningRate);

  private:
    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;

    /// \param socket the socket with data
    void HandleRead(Ptr<Socket> socket);
    /**
     * \brief A whole model broadcast arrived.
     * \param round its round
     * \param bytes the encoded parameters
     */
    void ModelReceived(uint32_t round, const std::vector<uint8_t>& bytes);
    /// \return the node's edge server (looked up on first use)
    Ptr<EdgeServer> GetEdgeServer();
    /**
     * \param round a round
     * \return whether the worker may train in it now: online, and at the
     *         round's start online, available and not skipped as busy
     *         (never begun by a parameter server: not skipped as busy now)
     */
    bool CanTrain(uint32_t round);
    /// \return whether a local update is being computed or waits for its upload
    bool IsActive();
    /**
     * \brief Draw the batches, start the local steps' arithmetic and their CPU time.
     * \param round the round
     * \param start W_t
     * \param sequence the update's number within the round
     * \return whether the computation started
     */
    bool StartTraining(uint32_t round, Eigen::VectorXd start, uint32_t sequence);
    /**
     * \brief Before an update: the learning rate of the round
     * (LearningRateSchedule) and the local steps and batch size (LocalWork).
     * \param round the round \param start W_t
     */
    void ConfigureLocalWork(uint32_t round, const Eigen::VectorXd& start);
    /// Wait for the arithmetic in flight (if any) and keep its parameters in m_update.
    void FinishJob();
    /// \return whether a newer model that arrived while computing was started
    bool StartPending();
    /// Local compute ended: wait the straggler delay, then upload.
    void ComputeDone();
    /// Upload the update of m_trainingRound; with RepeatLocalUpdates start the next.
    void Upload();

    TypeId m_protocol;             //!< socket factory type
    Address m_local;               //!< local address to bind (receives the broadcast)
    Address m_remote;              //!< the parameter server's address
    uint32_t m_packetPayloadBytes; //!< socket payload per packet, header included, in bytes
    ParameterEncoding m_encoding;  //!< wire format of the parameters
    double m_cyclesPerBit;         //!< kappa, CPU cycles per bit of training data
    double m_bitsPerSample;        //!< bits of one training sample
    BusyPolicy m_busyPolicy;       //!< what a worker busy at the round start does
    bool m_repeatLocalUpdates;     //!< whether to repeat local updates until a newer model
    Ptr<RandomVariableStream> m_stragglerDelayS; //!< extra delay before the upload, in s (or null)
    Ptr<WorkerAvailabilityModel> m_availability; //!< availability per round (null: always)
    EventId m_uploadEvent;                       //!< pending upload after the straggler delay
    uint32_t m_serverId;                         //!< the parameter server's sender id
    Ptr<Socket> m_socket;                        //!< the socket
    Ptr<EdgeServer> m_edgeServer;                //!< the node's edge server
    Ptr<LearningModel> m_model;                  //!< the model
    Ptr<LocalTrainer> m_trainer;                 //!< the local trainer
    Ptr<TrainingExecutor> m_executor;            //!< runs the arithmetic (null: inline)
    std::shared_ptr<TrainingExecutor::Ticket> m_job; //!< the arithmetic in flight, if any
    std::shared_ptr<const Dataset> m_data;           //!< the data set
    std::vector<uint32_t> m_rows;                    //!< the shard
    ParameterMessageAssembler m_assembler;           //!< broadcast reassembly
    int64_t m_lastRound;  //!< newest round whose broadcast arrived (-1: none)
    int64_t m_stateRound; //!< round of the last BeginRound (-1: none)

    std::set<uint32_t> m_trainableRounds; //!< begun rounds it may train in, broadcast pending
    uint32_t m_trainingRound;             //!< round of the update being computed
    uint32_t m_sequence;                  //!< number of the update being computed within its round
    Eigen::VectorXd m_start;              //!< W_t the update being computed started from
    Eigen::VectorXd m_update;             //!< the update being computed
    bool m_hasPending;                    //!< whether a newer model waits for the CPU
    uint32_t m_pendingRound;              //!< its round
    Eigen::VectorXd m_pendingStart;       //!< its parameters
    uint32_t m_updatesSent;               //!< updates uploaded
    Ptr<LearningRateSchedule> m_learningRateSchedule; //!< eta_t (null: the trainer's)
    Ptr<LocalWorkPolicy> m_localWork;                 //!< tau and b per update (null: fixed)
    Ptr<LearningModel> m_lossModel;                   //!< private copy for F_i(W_t)
    bool m_baseRead{false};                           //!< whether the bases below were read
    double m_baseLearningRate{0.0};                   //!< the trainer's configured eta_0
    uint32_t m_baseLocalSteps{1};                     //!< the trainer's configured tau
    uint32_t m_baseBatchSize{1};                      //!< the trainer's configured b
    TracedCallback<uint32_t, uint32_t, uint32_t, double> m_localWorkTrace; //!< tau, b, eta

    TracedCallback<uint32_t> m_modelReceivedTrace;      //!< whole broadcast received
    TracedCallback<uint32_t> m_trainingStartTrace;      //!< local training started
    TracedCallback<uint32_t> m_updateSentTrace;         //!< update uploaded
    TracedCallback<uint32_t> m_updateAbandonedTrace;    //!< stale extra update not uploaded
    TracedCallback<uint32_t, bool> m_availabilityTrace; //!< availability of a round
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_WORKER_APPLICATION_H */
