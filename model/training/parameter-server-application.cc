/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "parameter-server-application.h"

#include "full-sync-policy.h"

#include "ns3/abort.h"
#include "ns3/address-utils.h"
#include "ns3/double.h"
#include "ns3/edge-server.h"
#include "ns3/enum.h"
#include "ns3/learning-model.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/type-id.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <limits>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("ParameterServerApplication");
NS_OBJECT_ENSURE_REGISTERED(ParameterServerApplication);

std::string
ParameterServerApplication::GetDropReasonName(DropReason reason)
{
    switch (reason)
    {
    case BUSY:
        return "Busy";
    case LOST:
        return "Lost";
    case LATE:
        return "Late";
    case OFFLINE:
        return "Offline";
    case UNSELECTED:
        return "Unselected";
    }
    return "Unknown";
}

TypeId
ParameterServerApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::ParameterServerApplication")
            .SetParent<Application>()
            .SetGroupName("EdgeDml")
            .AddConstructor<ParameterServerApplication>()
            .AddAttribute("Protocol",
                          "Socket factory type (e.g. ns3::UdpSocketFactory, "
                          "ns3::PacketSocketFactory).",
                          TypeIdValue(UdpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&ParameterServerApplication::m_protocol),
                          MakeTypeIdChecker())
            .AddAttribute("Local",
                          "Address to bind; the workers' updates are sent there.",
                          AddressValue(),
                          MakeAddressAccessor(&ParameterServerApplication::m_local),
                          MakeAddressChecker())
            .AddAttribute("BroadcastRemote",
                          "Downlink address the model is broadcast to (e.g. "
                          "255.255.255.255 and the workers' port).",
                          AddressValue(),
                          MakeAddressAccessor(&ParameterServerApplication::m_broadcast),
                          MakeAddressChecker())
            .AddAttribute("PacketPayloadBytes",
                          "Socket payload per packet, the 28-byte message header included, "
                          "in bytes.",
                          UintegerValue(1472),
                          MakeUintegerAccessor(&ParameterServerApplication::m_packetPayloadBytes),
                          MakeUintegerChecker<uint32_t>(29))
            .AddAttribute("ParameterEncoding",
                          "Wire format of the parameters: Float32 (Z = 4 bytes per "
                          "parameter) or Float64 (exact).",
                          EnumValue(ParameterEncoding::FLOAT32),
                          MakeEnumAccessor(&ParameterServerApplication::m_encoding),
                          MakeParameterEncodingChecker())
            .AddAttribute("MaxRounds",
                          "Rounds to run (at most 2^24, the rounds update message ids carry).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&ParameterServerApplication::m_maxRounds),
                          MakeUintegerChecker<uint32_t>(1, MAX_TRAINING_ROUNDS))
            .AddAttribute("RoundGapS",
                          "Pause between a round's end and the next round's start, in s.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ParameterServerApplication::m_roundGapS),
                          MakeDoubleChecker<double>(0.0, 1e9))
            .AddAttribute("FinalDrainS",
                          "After the last round closes, the time the server still waits for "
                          "its missing updates (an update arriving then is LATE) before it "
                          "reports the rest LOST and fires TrainingFinished, in s.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&ParameterServerApplication::m_finalDrainS),
                          MakeDoubleChecker<double>(0.0, 1e9))
            .AddAttribute("SyncPolicy",
                          "When a round closes (a SyncPolicy: FullSyncPolicy, NSyncPolicy, "
                          "NBatchSyncPolicy).",
                          StringValue("ns3::edgedml::FullSyncPolicy"),
                          MakePointerAccessor(&ParameterServerApplication::m_policy),
                          MakePointerChecker<SyncPolicy>())
            .AddAttribute("WorkerSelector",
                          "Which eligible workers train in a round (a WorkerSelector: "
                          "AllAvailableSelector, RandomKSelector, BestChannelSelector, "
                          "LargestDataSelector, PowerOfChoiceSelector, DataValueSelector); "
                          "the others are reported dropped, reason Unselected.",
                          StringValue("ns3::edgedml::AllAvailableSelector"),
                          MakePointerAccessor(&ParameterServerApplication::m_selector),
                          MakePointerChecker<WorkerSelector>())
            .AddTraceSource(
                "WorkerSelected",
                "An eligible worker was selected to train in a round (worker, round), at "
                "the round start.",
                MakeTraceSourceAccessor(&ParameterServerApplication::m_workerSelectedTrace),
                "ns3::edgedml::ParameterServerApplication::WorkerSelectedTracedCallback")
            .AddTraceSource(
                "TrainingFinished",
                "All MaxRounds rounds closed and every update of them was resolved "
                "(FinalDrainS after the last round); e.g. the moment to stop the "
                "simulation.",
                MakeTraceSourceAccessor(&ParameterServerApplication::m_trainingFinishedTrace),
                "ns3::edgedml::ParameterServerApplication::TrainingFinishedTracedCallback")
            .AddTraceSource(
                "RoundStart",
                "A round started (round, eligible workers the WorkerSelector selected).",
                MakeTraceSourceAccessor(&ParameterServerApplication::m_roundStartTrace),
                "ns3::edgedml::ParameterServerApplication::RoundStartTracedCallback")
            .AddTraceSource("RoundEnd",
                            "A round was aggregated (round, participants, duration).",
                            MakeTraceSourceAccessor(&ParameterServerApplication::m_roundEndTrace),
                            "ns3::edgedml::ParameterServerApplication::RoundEndTracedCallback")
            .AddTraceSource(
                "UpdateReceived",
                "A worker's update entered the aggregate (worker, round).",
                MakeTraceSourceAccessor(&ParameterServerApplication::m_updateReceivedTrace),
                "ns3::edgedml::ParameterServerApplication::UpdateReceivedTracedCallback")
            .AddTraceSource(
                "UpdateDropped",
                "A worker's round has no aggregated update (worker, round, DropReason): "
                "exactly one UpdateReceived or UpdateDropped per registered worker and round.",
                MakeTraceSourceAccessor(&ParameterServerApplication::m_updateDroppedTrace),
                "ns3::edgedml::ParameterServerApplication::UpdateDroppedTracedCallback")
            .AddTraceSource(
                "UpdateAggregated",
                "An update entered the aggregate (worker, round, sequence within the "
                "worker's round); several per worker and round under N-batch-sync.",
                MakeTraceSourceAccessor(&ParameterServerApplication::m_updateAggregatedTrace),
                "ns3::edgedml::ParameterServerApplication::UpdateAggregatedTracedCallback")
            .AddTraceSource(
                "UpdateDiscarded",
                "An update arrived that neither entered the aggregate nor is its round's "
                "outcome (worker, round, DropReason): a busy or unavailable worker's, or one "
                "after the worker's round outcome was given.",
                MakeTraceSourceAccessor(&ParameterServerApplication::m_updateDiscardedTrace),
                "ns3::edgedml::ParameterServerApplication::UpdateDroppedTracedCallback");
    return tid;
}

ParameterServerApplication::ParameterServerApplication()
    : m_packetPayloadBytes(1472),
      m_encoding(ParameterEncoding::FLOAT32),
      m_maxRounds(10),
      m_roundGapS(0.0),
      m_finalDrainS(1.0),
      m_round(0),
      m_roundOpen(false),
      m_accepted(0)
{
}

ParameterServerApplication::~ParameterServerApplication() = default;

void
ParameterServerApplication::SetModel(Ptr<LearningModel> model)
{
    NS_ABORT_MSG_UNLESS(model, "ParameterServerApplication::SetModel: null model");
    if (model->GetParameters().size() == 0)
    {
        model->InitialiseParameters();
    }
    m_model = model;
    m_parameters = model->GetParameters();
    m_candidates.SetModel(model);
}

void
ParameterServerApplication::AddWorker(Ptr<Node> worker)
{
    Ptr<EdgeServer> server = worker->GetObject<EdgeServer>();
    NS_ABORT_MSG_UNLESS(server,
                        "ParameterServerApplication::AddWorker: node "
                            << worker->GetId() << " has no EdgeServer (EdgeServerHelper)");
    m_workers[worker->GetId()] = server;
}

uint32_t
ParameterServerApplication::GetNWorkers() const
{
    return static_cast<uint32_t>(m_workers.size());
}

void
ParameterServerApplication::SetRoundStartHook(Callback<void, uint32_t> hook)
{
    m_roundStartHook = hook;
}

const Eigen::VectorXd&
ParameterServerApplication::GetParameters() const
{
    return m_parameters;
}

uint32_t
ParameterServerApplication::GetRoundsCompleted() const
{
    return m_round;
}

Ptr<SyncPolicy>
ParameterServerApplication::GetSyncPolicy() const
{
    return m_policy;
}

Ptr<WorkerSelector>
ParameterServerApplication::GetWorkerSelector() const
{
    return m_selector;
}

void
ParameterServerApplication::SetWorkerSuccessProbability(uint32_t worker, double probability)
{
    m_candidates.SetSuccessProbability(worker, probability);
}

int64_t
ParameterServerApplication::AssignStreams(int64_t stream)
{
    return m_selector ? m_selector->AssignStreams(stream) : 0;
}

void
ParameterServerApplication::StartApplication()
{
    NS_ABORT_MSG_UNLESS(m_model, "ParameterServerApplication: SetModel was not called");
    NS_ABORT_MSG_UNLESS(m_policy, "ParameterServerApplication: no SyncPolicy");
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), m_protocol);
        NS_ABORT_MSG_IF(m_socket->Bind(m_local) < 0,
                        "ParameterServerApplication: cannot bind the socket to the Local address");
        m_socket->SetAllowBroadcast(true);
        m_socket->SetRecvCallback(MakeCallback(&ParameterServerApplication::HandleRead, this));
    }
    if (m_round < m_maxRounds && !m_roundOpen)
    {
        m_nextRoundEvent = Simulator::ScheduleNow(&ParameterServerApplication::StartRound, this);
    }
}

void
ParameterServerApplication::StopApplication()
{
    if (m_roundOpen)
    {
        EndRound();
    }
    ResolveMissing(std::numeric_limits<uint32_t>::max());
    m_deadlineEvent.Cancel();
    m_nextRoundEvent.Cancel();
    m_roundOpen = false;
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    m_assembler.Clear();
}

void
ParameterServerApplication::DoDispose()
{
    m_deadlineEvent.Cancel();
    m_nextRoundEvent.Cancel();
    m_socket = nullptr;
    m_roundStartHook = MakeNullCallback<void, uint32_t>();
    m_policy = nullptr;
    m_selector = nullptr;
    m_candidates.Clear();
    m_model = nullptr;
    m_workers.clear();
    m_workerApps.clear();
    Application::DoDispose();
}

void
ParameterServerApplication::StartRound()
{
    if (m_round >= m_maxRounds)
    {
        return;
    }
    if (!m_roundStartHook.IsNull())
    {
        m_roundStartHook(m_round);
    }
    m_roundOpen = true;
    m_roundStart = Simulator::Now();
    m_eligible.clear();
    m_busy.clear();
    m_arrived.clear();
    m_received.clear();
    m_arrivedUpdates.clear();
    m_accepted = 0;
    m_accumulator = WeightedAverageAccumulator();
    for (const auto& [id, server] : m_workers)
    {
        if (m_round >= 2)
        {
            m_assembler.ForgetBefore(id, MakeUpdateMessageId(m_round - 1, 0));
        }
        switch (BeginWorkerRound(id, server))
        {
        case WorkerApplication::ELIGIBLE:
            m_eligible.insert(id);
            break;
        case WorkerApplication::BUSY:
            m_busy.insert(id);
            Drop(id, m_round, BUSY);
            break;
        case WorkerApplication::OFFLINE:
        case WorkerApplication::UNAVAILABLE:
            Drop(id, m_round, OFFLINE);
            break;
        }
    }
    SelectWorkers();
    const uint32_t eligible = static_cast<uint32_t>(m_eligible.size());
    m_roundStartTrace(m_round, eligible);
    NS_LOG_INFO("round " << m_round << " starts with " << eligible << " eligible workers");
    SendParameterMessage(m_socket,
                         m_broadcast,
                         EncodeParameters(m_parameters, m_encoding),
                         GetNode()->GetId(),
                         m_round,
                         m_packetPayloadBytes);
    if (m_policy->IsComplete(0, eligible))
    {
        EndRound();
        return;
    }
    const Time deadline = m_policy->GetRoundDeadline();
    if (deadline.IsStrictlyPositive())
    {
        m_deadlineEvent =
            Simulator::Schedule(deadline, &ParameterServerApplication::EndRound, this);
    }
}

void
ParameterServerApplication::SelectWorkers()
{
    if (!m_selector || m_eligible.empty())
    {
        return;
    }
    const std::vector<uint32_t> chosen =
        m_selector->Select(m_round,
                           m_candidates.Build(m_workers, m_workerApps, m_eligible, m_parameters));
    const std::set<uint32_t> selected(chosen.begin(), chosen.end());
    for (auto it = m_eligible.begin(); it != m_eligible.end();)
    {
        const uint32_t id = *it;
        if (selected.count(id) > 0)
        {
            m_workerSelectedTrace(id, m_round);
            ++it;
            continue;
        }
        const auto app = m_workerApps.find(id);
        if (app != m_workerApps.end())
        {
            app->second->Deselect(m_round);
        }
        it = m_eligible.erase(it);
        Drop(id, m_round, UNSELECTED);
    }
}

void
ParameterServerApplication::EndRound()
{
    if (!m_roundOpen)
    {
        return;
    }
    m_roundOpen = false;
    m_deadlineEvent.Cancel();
    m_parameters = m_accumulator.Result(m_parameters);
    const uint32_t round = m_round;
    m_roundEndTrace(round, m_accepted, Simulator::Now() - m_roundStart);
    NS_LOG_INFO("round " << round << " aggregated " << m_accepted << " updates");
    // Updates still missing from the previous round are now given up.
    ResolveMissing(round);
    const bool last = round + 1 >= m_maxRounds;
    for (uint32_t id : m_eligible)
    {
        if (m_arrived.count(id) == 0)
        {
            m_missing.emplace(round, id);
        }
    }
    ++m_round;
    if (!last)
    {
        m_nextRoundEvent = Simulator::Schedule(Seconds(m_roundGapS),
                                               &ParameterServerApplication::StartRound,
                                               this);
    }
    else
    {
        m_nextRoundEvent = Simulator::Schedule(Seconds(m_finalDrainS),
                                               &ParameterServerApplication::FinishTraining,
                                               this);
    }
}

void
ParameterServerApplication::FinishTraining()
{
    ResolveMissing(std::numeric_limits<uint32_t>::max());
    m_trainingFinishedTrace(m_round);
}

void
ParameterServerApplication::ResolveMissing(uint32_t before)
{
    for (auto it = m_missing.begin(); it != m_missing.end() && it->first < before;)
    {
        const auto [round, worker] = *it;
        const auto stale = m_staleArrivalRound.find(worker);
        const bool straggler = stale != m_staleArrivalRound.end() && stale->second >= round;
        Drop(worker, round, straggler ? LATE : LOST);
        it = m_missing.erase(it);
    }
}

WorkerApplication::RoundState
ParameterServerApplication::BeginWorkerRound(uint32_t worker, Ptr<EdgeServer> server)
{
    auto app = m_workerApps.find(worker);
    if (app == m_workerApps.end())
    {
        if (Ptr<Node> node = server->GetObject<Node>())
        {
            for (uint32_t k = 0; k < node->GetNApplications(); ++k)
            {
                if (auto found = DynamicCast<WorkerApplication>(node->GetApplication(k)))
                {
                    app = m_workerApps.emplace(worker, found).first;
                    break;
                }
            }
        }
    }
    if (app != m_workerApps.end())
    {
        return app->second->BeginRound(m_round);
    }
    // A registered node without a WorkerApplication: its edge server's flags.
    if (!server->IsOnline())
    {
        return WorkerApplication::OFFLINE;
    }
    return server->IsBusy() ? WorkerApplication::BUSY : WorkerApplication::ELIGIBLE;
}

void
ParameterServerApplication::HandleRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        ParameterMessageAssembler::Message message;
        if (m_assembler.Receive(packet, message) && m_workers.count(message.sourceId) > 0)
        {
            UpdateArrived(message.sourceId, message.messageId, message.bytes);
        }
    }
}

void
ParameterServerApplication::UpdateArrived(uint32_t worker,
                                          uint32_t messageId,
                                          const std::vector<uint8_t>& bytes)
{
    const uint32_t round = GetUpdateRound(messageId);
    const uint32_t sequence = GetUpdateSequence(messageId);
    if (!m_roundOpen || round != m_round)
    {
        if (sequence == 0)
        {
            // A straggler: it was still on this older round during round
            // m_round (or the gap before it).
            uint32_t& stale = m_staleArrivalRound[worker];
            stale = std::max(stale, m_round);
        }
        if (m_missing.erase(std::make_pair(round, worker)) > 0)
        {
            Drop(worker, round, LATE);
        }
        else
        {
            Discard(worker, round, LATE);
        }
        return;
    }
    if (m_busy.count(worker) > 0)
    {
        Discard(worker, round, BUSY);
        return;
    }
    if (m_eligible.count(worker) == 0)
    {
        Discard(worker, round, OFFLINE);
        return;
    }
    if (!m_arrivedUpdates.emplace(worker, sequence).second)
    {
        return; // a duplicate copy of an update already handled
    }
    const bool first = m_arrived.insert(worker).second;
    const uint32_t expected = static_cast<uint32_t>(m_eligible.size());
    if ((!first && !m_policy->AcceptsRepeatedUpdates()) || !m_policy->Accepts(m_accepted, expected))
    {
        // The worker's outcome is this Late unless an earlier update of it gave one.
        if (first)
        {
            Drop(worker, round, LATE);
        }
        else
        {
            Discard(worker, round, LATE);
        }
        return;
    }
    const Eigen::VectorXd parameters = DecodeParameters(bytes, m_encoding);
    NS_ABORT_MSG_IF(parameters.size() != m_parameters.size(),
                    "ParameterServerApplication: worker "
                        << worker << " sent " << parameters.size() << " parameters, the model has "
                        << m_parameters.size() << " (check ParameterEncoding)");
    m_accumulator.Add(parameters, static_cast<double>(m_workers[worker]->GetSamples()));
    ++m_accepted;
    m_updateAggregatedTrace(worker, round, sequence);
    if (m_received.insert(worker).second)
    {
        m_updateReceivedTrace(worker, round);
    }
    if (m_policy->IsComplete(m_accepted, expected))
    {
        EndRound();
    }
}

void
ParameterServerApplication::Drop(uint32_t worker, uint32_t round, DropReason reason)
{
    NS_LOG_INFO("worker " << worker << " round " << round << ": dropped, "
                          << GetDropReasonName(reason));
    m_updateDroppedTrace(worker, round, reason);
}

void
ParameterServerApplication::Discard(uint32_t worker, uint32_t round, DropReason reason)
{
    NS_LOG_INFO("worker " << worker << " round " << round << ": update discarded, "
                          << GetDropReasonName(reason));
    m_updateDiscardedTrace(worker, round, reason);
}

} // namespace edgedml
} // namespace ns3
