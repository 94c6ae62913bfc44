/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_PARAMETER_SERVER_APPLICATION_H
#define EDGE_DML_PARAMETER_SERVER_APPLICATION_H

#include "parameter-encoding.h"
#include "parameter-message.h"
#include "sync-policy.h"
#include "worker-application.h"
#include "worker-candidate-builder.h"
#include "worker-selector.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/model-aggregation.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <Eigen/Dense>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace ns3
{
namespace edgedml
{

class EdgeServer;
class LearningModel;

/**
 * \ingroup edge-dml
 * \brief The parameter server of synchronous SGD (the system model, "Synchronous SGD").
 *
 * Round t (t = 0, 1, ..., MaxRounds - 1): the server calls the round-start
 * hook (SetRoundStartHook), then takes every registered worker's
 * round-start snapshot (WorkerApplication::BeginRound: its EdgeServer's
 * online and busy flags and its availability draw; a registered node
 * without a WorkerApplication is judged by its EdgeServer flags alone).
 * Workers offline or unavailable are reported dropped with reason OFFLINE,
 * workers busy with a task (y_i = 1) with reason BUSY; the others are
 * eligible. The WorkerSelector (attribute; default AllAvailableSelector, every
 * eligible worker) then picks the round's workers among the eligible ones;
 * the eligible workers it leaves out are reported dropped with reason
 * UNSELECTED and do not train (WorkerApplication::Deselect); from here on
 * "eligible" means eligible and selected. It then broadcasts W_t to BroadcastRemote as message t
 * (SendParameterMessage: real encoded parameters in the payload) and
 * collects the workers' updates (update messages of round t,
 * MakeUpdateMessageId). The SyncPolicy decides which arriving updates are
 * aggregated and when the round closes; then W_{t+1} = sum_k s_{i(k)} w_k /
 * sum_k s_{i(k)} over the aggregated updates k (s_i = EdgeServer samples;
 * one update per worker except under NBatchSyncPolicy; W_{t+1} = W_t if
 * there are none), and the next round starts RoundGapS later.
 *
 * Outcomes: every registered worker's round gets exactly one outcome,
 * UpdateReceived or UpdateDropped with a reason. OFFLINE and BUSY: at the
 * round start (an update a busy worker sends in that round anyway, BusyPolicy
 * Discard, is never aggregated: it is reported by UpdateDiscarded with reason
 * BUSY). For an eligible worker: UpdateReceived at its first aggregated
 * update; LATE: its (first) update arrived after its round closed or beyond
 * the policy's count, or it sent none because it was still on an older round
 * (a straggler: an update 0 of an older round of it arrived during or after
 * this round); LOST: no update of the round had arrived when round t + 1
 * closed (lost on the downlink or uplink). The last round's missing updates
 * are resolved FinalDrainS after it closed (TrainingFinished is then
 * fired) or when the application stops, whichever comes first; stopping
 * also closes an open round. Every other arriving update that is
 * not aggregated (a busy or unavailable worker's, one after the worker's
 * outcome was given, e.g. an extra N-batch update after the round closed or
 * an update slower than a whole extra round, already reported LOST) fires
 * UpdateDiscarded instead; every aggregated one fires UpdateAggregated.
 */
class ParameterServerApplication : public Application
{
  public:
    /// Why a worker's update did not enter the aggregate.
    enum DropReason
    {
        BUSY,       //!< the worker executes a crowdsourcing task (y_i = 1)
        LOST,       //!< the update never arrived whole (c_i = 0 or u_i = 0)
        LATE,       //!< the update arrived after its round closed or beyond the policy's count
        OFFLINE,    //!< the worker was offline or unavailable (volatile) at the round start
        UNSELECTED, //!< eligible, but the WorkerSelector left it out of the round
    };

    /**
     * \param reason a drop reason
     * \return its name ("Busy", "Lost", "Late", "Offline", "Unselected")
     */
    static std::string GetDropReasonName(DropReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ParameterServerApplication();
    ~ParameterServerApplication() override;

    /**
     * \brief Set the model; W_0 is its current parameters (initialised with
     * InitialiseParameters if it has none).
     * \param model the model
     */
    void SetModel(Ptr<LearningModel> model);

    /**
     * \brief Register a worker node (it needs an EdgeServer); its sender id
     * is its node id. Its first WorkerApplication (looked up at the first
     * round start) takes the round-start snapshots (BeginRound).
     * \param worker the worker node
     */
    void AddWorker(Ptr<Node> worker);

    /// \return the number of registered workers
    uint32_t GetNWorkers() const;

    /**
     * \brief Set the round-start hook: called with the round number at the
     * start of each round, before the workers' round-start snapshots
     * (eligibility, availability draws) and the broadcast of W_t. This is where a coordinator runs
     * the task scheduler (marking assigned edge servers busy) and redraws the uplink interference
     * (OfdmaChannel::RedrawUplinkInterference).
     * \param hook the hook (a null callback removes it)
     */
    void SetRoundStartHook(Callback<void, uint32_t> hook);

    /// \return the current global parameters W_t
    const Eigen::VectorXd& GetParameters() const;

    /// \return the rounds completed so far
    uint32_t GetRoundsCompleted() const;

    /// \return the synchronisation policy
    Ptr<SyncPolicy> GetSyncPolicy() const;

    /// \return the worker selector (attribute WorkerSelector)
    Ptr<WorkerSelector> GetWorkerSelector() const;

    /**
     * \brief Set o_i, the success probability of a worker's next upload, as
     * the WorkerSelector sees it (1 until set; e.g. set at every round start
     * by the round-start hook).
     * \param worker the worker id \param probability o_i, in [0, 1]
     */
    void SetWorkerSuccessProbability(uint32_t worker, double probability);

    /**
     * \brief Use fixed random streams (the WorkerSelector's draws).
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for selected workers.
     * \param worker the worker's id (node id)
     * \param round the round
     */
    typedef void (*WorkerSelectedTracedCallback)(uint32_t worker, uint32_t round);

    /**
     * TracedCallback signature for round starts.
     * \param round the round
     * \param eligible the workers eligible (online, not busy)
     */
    typedef void (*RoundStartTracedCallback)(uint32_t round, uint32_t eligible);
    /**
     * TracedCallback signature for round ends.
     * \param round the round
     * \param participants the updates aggregated
     * \param duration time from the round's start
     */
    typedef void (*RoundEndTracedCallback)(uint32_t round, uint32_t participants, Time duration);
    /**
     * TracedCallback signature for aggregated updates.
     * \param worker the worker's id (node id)
     * \param round the round
     */
    typedef void (*UpdateReceivedTracedCallback)(uint32_t worker, uint32_t round);
    /**
     * TracedCallback signature for dropped updates.
     * \param worker the worker's id (node id)
     * \param round the round
     * \param reason why (a DropReason)
     */
    typedef void (*UpdateDroppedTracedCallback)(uint32_t worker, uint32_t round, int reason);
    /**
     * TracedCallback signature for every aggregated update.
     * \param worker the worker's id (node id)
     * \param round the round
     * \param sequence the update's number within the worker's round (0 but under N-batch-sync)
     */
    typedef void (*UpdateAggregatedTracedCallback)(uint32_t worker,
                                                   uint32_t round,
                                                   uint32_t sequence);

    /**
     * TracedCallback signature for the end of training.
     * \param rounds the rounds completed
     */
    typedef void (*TrainingFinishedTracedCallback)(uint32_t rounds);

  private:
    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;

    /// Start the next round: eligibility, broadcast, deadline.
    void StartRound();
    /// Let the WorkerSelector pick the round's workers among the eligible ones.
    void SelectWorkers();
    /// Aggregate and close the current round.
    void EndRound();
    /// After the last round and FinalDrainS: resolve every missing update.
    void FinishTraining();
    /// \param socket the socket with data
    void HandleRead(Ptr<Socket> socket);
    /**
     * \brief A whole update arrived.
     * \param worker the sender id
     * \param messageId its message id (round and sequence, MakeUpdateMessageId)
     * \param bytes the encoded parameters
     */
    void UpdateArrived(uint32_t worker, uint32_t messageId, const std::vector<uint8_t>& bytes);
    /**
     * \brief Take a registered worker's round-start snapshot.
     * \param worker the worker id
     * \param server its edge server
     * \return its state in the current round
     */
    WorkerApplication::RoundState BeginWorkerRound(uint32_t worker, Ptr<EdgeServer> server);
    /**
     * \brief Report the missing updates of rounds before a bound: LATE for a
     * straggler (an update of an older round of the worker arrived during
     * or after that round), LOST otherwise.
     * \param before rounds numbered below it are resolved
     */
    void ResolveMissing(uint32_t before);
    /**
     * \brief Report a drop.
     * \param worker the worker id \param round the round \param reason why
     */
    void Drop(uint32_t worker, uint32_t round, DropReason reason);
    /**
     * \brief Report an arriving update that neither enters the aggregate nor
     * is its round's outcome.
     * \param worker the worker id \param round the round \param reason why
     */
    void Discard(uint32_t worker, uint32_t round, DropReason reason);

    TypeId m_protocol;                   //!< socket factory type
    Address m_local;                     //!< local address to bind (receives the uplink)
    Address m_broadcast;                 //!< downlink broadcast address
    uint32_t m_packetPayloadBytes;       //!< socket payload per packet, header included, in bytes
    ParameterEncoding m_encoding;        //!< wire format of the parameters
    uint32_t m_maxRounds;                //!< rounds to run
    double m_roundGapS;                  //!< pause between a round's end and the next start, in s
    double m_finalDrainS;                //!< wait for missing updates after the last round, in s
    Ptr<SyncPolicy> m_policy;            //!< synchronisation policy
    Ptr<WorkerSelector> m_selector;      //!< who trains in a round
    WorkerCandidateBuilder m_candidates; //!< what the selector knows of the workers
    Callback<void, uint32_t> m_roundStartHook; //!< called before each round's eligibility

    Ptr<LearningModel> m_model;                    //!< the model (shape, W_0)
    Eigen::VectorXd m_parameters;                  //!< W_t
    std::map<uint32_t, Ptr<EdgeServer>> m_workers; //!< registered workers by id
    std::map<uint32_t, Ptr<WorkerApplication>>
        m_workerApps;     //!< the registered workers' applications, found at their first round
    Ptr<Socket> m_socket; //!< the socket
    ParameterMessageAssembler m_assembler; //!< update reassembly

    uint32_t m_round;              //!< current (or next) round number
    bool m_roundOpen;              //!< whether a round collects updates
    Time m_roundStart;             //!< when the current round started
    std::set<uint32_t> m_eligible; //!< eligible workers of the current round
    std::set<uint32_t> m_busy;     //!< busy workers of the current round
    std::set<uint32_t> m_arrived;  //!< workers whose update of this round arrived
    std::set<uint32_t> m_received; //!< workers with an aggregated update this round
    std::set<std::pair<uint32_t, uint32_t>> m_arrivedUpdates; //!< (worker, sequence) this round
    uint32_t m_accepted;                                      //!< updates aggregated this round
    WeightedAverageAccumulator m_accumulator;                 //!< sum s_i w_i of this round
    std::set<std::pair<uint32_t, uint32_t>> m_missing; //!< (round, worker) missing at its round end
    std::map<uint32_t, uint32_t>
        m_staleArrivalRound;  //!< per worker, last round a stale update came in
    EventId m_deadlineEvent;  //!< round deadline
    EventId m_nextRoundEvent; //!< next round start

    TracedCallback<uint32_t, uint32_t> m_roundStartTrace;                 //!< round started
    TracedCallback<uint32_t, uint32_t, Time> m_roundEndTrace;             //!< round ended
    TracedCallback<uint32_t, uint32_t> m_updateReceivedTrace;             //!< update aggregated
    TracedCallback<uint32_t, uint32_t, int> m_updateDroppedTrace;         //!< update dropped
    TracedCallback<uint32_t, uint32_t, uint32_t> m_updateAggregatedTrace; //!< each aggregated
    TracedCallback<uint32_t, uint32_t, int> m_updateDiscardedTrace; //!< arrived, not aggregated
    TracedCallback<uint32_t> m_trainingFinishedTrace;               //!< all rounds resolved
    TracedCallback<uint32_t, uint32_t> m_workerSelectedTrace;       //!< worker trains in a round
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_PARAMETER_SERVER_APPLICATION_H */
