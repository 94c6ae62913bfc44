/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-application.h"

#include "worker-candidate-builder.h"

#include "ns3/abort.h"
#include "ns3/address-utils.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/edge-server.h"
#include "ns3/enum.h"
#include "ns3/learning-model.h"
#include "ns3/local-trainer.h"
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

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("WorkerApplication");
NS_OBJECT_ENSURE_REGISTERED(WorkerApplication);

TypeId
WorkerApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::WorkerApplication")
            .SetParent<Application>()
            .SetGroupName("EdgeDml")
            .AddConstructor<WorkerApplication>()
            .AddAttribute("Protocol",
                          "Socket factory type (e.g. ns3::UdpSocketFactory, "
                          "ns3::PacketSocketFactory).",
                          TypeIdValue(UdpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&WorkerApplication::m_protocol),
                          MakeTypeIdChecker())
            .AddAttribute("Local",
                          "Address to bind; the parameter server's broadcast must reach it.",
                          AddressValue(),
                          MakeAddressAccessor(&WorkerApplication::m_local),
                          MakeAddressChecker())
            .AddAttribute("Remote",
                          "The parameter server's address (updates are sent there).",
                          AddressValue(),
                          MakeAddressAccessor(&WorkerApplication::m_remote),
                          MakeAddressChecker())
            .AddAttribute("PacketPayloadBytes",
                          "Socket payload per packet, the 28-byte message header included, "
                          "in bytes.",
                          UintegerValue(1472),
                          MakeUintegerAccessor(&WorkerApplication::m_packetPayloadBytes),
                          MakeUintegerChecker<uint32_t>(29))
            .AddAttribute("ParameterEncoding",
                          "Wire format of the parameters (must match the parameter server's).",
                          EnumValue(ParameterEncoding::FLOAT32),
                          MakeEnumAccessor(&WorkerApplication::m_encoding),
                          MakeParameterEncodingChecker())
            .AddAttribute("CyclesPerBit",
                          "kappa: CPU cycles per bit of training data processed.",
                          DoubleValue(40.0),
                          MakeDoubleAccessor(&WorkerApplication::m_cyclesPerBit),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("BitsPerSample",
                          "Bits of one training sample (the default is a 784-byte "
                          "Fashion-MNIST image).",
                          DoubleValue(6272.0),
                          MakeDoubleAccessor(&WorkerApplication::m_bitsPerSample),
                          MakeDoubleChecker<double>(0.0, 1e12))
            .AddAttribute("StragglerDelayS",
                          "Random extra delay between the end of local compute and the upload, "
                          "in s (e.g. ns3::edgedml::ShiftedExponentialRandomVariable, a shift "
                          "plus an exponential; null: none), drawn per local update. Idle "
                          "time: no energy is charged for it.",
                          PointerValue(),
                          MakePointerAccessor(&WorkerApplication::m_stragglerDelayS),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("BusyPolicy",
                          "What the worker does in a round at whose start its EdgeServer is "
                          "busy with a task: Skip (it does not train) or Discard (it trains, "
                          "spends the energy and uploads; the parameter server discards the "
                          "update). Either way the round is reported Busy.",
                          EnumValue(WorkerApplication::SKIP),
                          MakeEnumAccessor(&WorkerApplication::m_busyPolicy),
                          MakeEnumChecker(WorkerApplication::SKIP,
                                          "Skip",
                                          WorkerApplication::DISCARD,
                                          "Discard"))
            .AddAttribute("RepeatLocalUpdates",
                          "After each upload, while no newer model has arrived, start another "
                          "local update from the same W_t (N-batch-sync; TrainingHelper sets "
                          "it from the sync policy).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&WorkerApplication::m_repeatLocalUpdates),
                          MakeBooleanChecker())
            .AddAttribute("Executor",
                          "Runs the arithmetic of the local updates on background threads "
                          "(null: on the simulator's thread). Results do not depend on it.",
                          PointerValue(),
                          MakePointerAccessor(&WorkerApplication::m_executor),
                          MakePointerChecker<TrainingExecutor>())
            .AddAttribute("Availability",
                          "Whether the worker is available in a round (a "
                          "WorkerAvailabilityModel, one per worker; null: always).",
                          StringValue("ns3::edgedml::AlwaysAvailable"),
                          MakePointerAccessor(&WorkerApplication::m_availability),
                          MakePointerChecker<WorkerAvailabilityModel>())
            .AddAttribute("LearningRateSchedule",
                          "eta_t of each round from the trainer's LearningRate eta_0 (a "
                          "LearningRateSchedule: ConstantLearningRate, InverseTimeLearningRate, "
                          "StepLearningRate; null: eta_0 in every round).",
                          PointerValue(),
                          MakePointerAccessor(&WorkerApplication::m_learningRateSchedule),
                          MakePointerChecker<LearningRateSchedule>())
            .AddAttribute("LocalWork",
                          "Local steps and batch size of each update from the trainer's "
                          "LocalSteps and BatchSize (a LocalWorkPolicy: FixedLocalWork, "
                          "DataProportionalBatch, ComputeProportionalBatch, AdaptiveLocalSteps; "
                          "null: fixed).",
                          PointerValue(),
                          MakePointerAccessor(&WorkerApplication::m_localWork),
                          MakePointerChecker<LocalWorkPolicy>())
            .AddTraceSource("LocalWork",
                            "An update starts with these local steps, batch size and learning "
                            "rate (round, tau, b, eta).",
                            MakeTraceSourceAccessor(&WorkerApplication::m_localWorkTrace),
                            "ns3::edgedml::WorkerApplication::LocalWorkTracedCallback")
            .AddTraceSource("ModelReceived",
                            "The whole model broadcast of a round arrived.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_modelReceivedTrace),
                            "ns3::edgedml::WorkerApplication::RoundTracedCallback")
            .AddTraceSource("TrainingStart",
                            "Local training (and its CPU time) of a round started.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_trainingStartTrace),
                            "ns3::edgedml::WorkerApplication::RoundTracedCallback")
            .AddTraceSource("UpdateSent",
                            "An update of a round was handed to the socket.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_updateSentTrace),
                            "ns3::edgedml::WorkerApplication::RoundTracedCallback")
            .AddTraceSource("UpdateAbandoned",
                            "An extra local update of a round (RepeatLocalUpdates) was not "
                            "uploaded because a newer model arrived.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_updateAbandonedTrace),
                            "ns3::edgedml::WorkerApplication::RoundTracedCallback")
            .AddTraceSource("Availability",
                            "The availability of a round was drawn (at the round start).",
                            MakeTraceSourceAccessor(&WorkerApplication::m_availabilityTrace),
                            "ns3::edgedml::WorkerApplication::AvailabilityTracedCallback");
    return tid;
}

WorkerApplication::WorkerApplication()
    : m_packetPayloadBytes(1472),
      m_encoding(ParameterEncoding::FLOAT32),
      m_cyclesPerBit(40.0),
      m_bitsPerSample(6272.0),
      m_busyPolicy(SKIP),
      m_repeatLocalUpdates(false),
      m_serverId(0),
      m_lastRound(-1),
      m_stateRound(-1),
      m_trainingRound(0),
      m_sequence(0),
      m_hasPending(false),
      m_pendingRound(0),
      m_updatesSent(0)
{
}

WorkerApplication::~WorkerApplication() = default;

void
WorkerApplication::SetLearning(Ptr<LearningModel> model,
                               Ptr<LocalTrainer> trainer,
                               std::shared_ptr<const Dataset> data,
                               std::vector<uint32_t> rows)
{
    NS_ABORT_MSG_UNLESS(model && trainer && data,
                        "WorkerApplication::SetLearning: model, trainer and data are required");
    NS_ABORT_MSG_IF(rows.empty(), "WorkerApplication::SetLearning: the shard is empty");
    m_model = model;
    m_trainer = trainer;
    m_data = std::move(data);
    m_rows = std::move(rows);
}

void
WorkerApplication::SetServerId(uint32_t serverId)
{
    m_serverId = serverId;
}

uint32_t
WorkerApplication::GetWorkerId() const
{
    return GetNode()->GetId();
}

uint32_t
WorkerApplication::GetUpdatesSent() const
{
    return m_updatesSent;
}

const std::vector<uint32_t>&
WorkerApplication::GetRows() const
{
    return m_rows;
}

Ptr<LocalTrainer>
WorkerApplication::GetTrainer() const
{
    return m_trainer;
}

std::shared_ptr<const Dataset>
WorkerApplication::GetDataset() const
{
    return m_data;
}

void
WorkerApplication::Deselect(uint32_t round)
{
    m_trainableRounds.erase(round);
}

WorkerApplication::BusyPolicy
WorkerApplication::GetBusyPolicy() const
{
    return m_busyPolicy;
}

bool
WorkerApplication::IsRepeatingLocalUpdates() const
{
    return m_repeatLocalUpdates;
}

Ptr<WorkerAvailabilityModel>
WorkerApplication::GetAvailabilityModel() const
{
    return m_availability;
}

Ptr<EdgeServer>
WorkerApplication::GetEdgeServer()
{
    if (!m_edgeServer)
    {
        m_edgeServer = GetNode()->GetObject<EdgeServer>();
        NS_ABORT_MSG_UNLESS(m_edgeServer,
                            "WorkerApplication: node " << GetNode()->GetId()
                                                       << " has no EdgeServer (EdgeServerHelper)");
    }
    return m_edgeServer;
}

WorkerApplication::RoundState
WorkerApplication::BeginRound(uint32_t round)
{
    NS_ABORT_MSG_IF(static_cast<int64_t>(round) <= m_stateRound,
                    "WorkerApplication::BeginRound: round " << round << " begun after round "
                                                            << m_stateRound);
    Ptr<EdgeServer> server = GetEdgeServer();
    const bool available = m_availability ? m_availability->IsAvailable(round) : true;
    m_stateRound = round;
    m_availabilityTrace(round, available);
    RoundState state = ELIGIBLE;
    if (!server->IsOnline())
    {
        state = OFFLINE;
    }
    else if (server->IsBusy())
    {
        state = BUSY;
    }
    else if (!available)
    {
        state = UNAVAILABLE;
    }
    if (state == ELIGIBLE || (state == BUSY && available && m_busyPolicy == DISCARD))
    {
        m_trainableRounds.insert(round);
    }
    return state;
}

int64_t
WorkerApplication::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    if (m_trainer)
    {
        used += m_trainer->AssignStreams(stream);
    }
    if (m_stragglerDelayS)
    {
        m_stragglerDelayS->SetStream(stream + used);
        ++used;
    }
    if (m_availability)
    {
        used += m_availability->AssignStreams(stream + used);
    }
    return used;
}

void
WorkerApplication::StartApplication()
{
    NS_ABORT_MSG_UNLESS(m_model, "WorkerApplication: SetLearning was not called");
    GetEdgeServer();
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), m_protocol);
        NS_ABORT_MSG_IF(m_socket->Bind(m_local) < 0,
                        "WorkerApplication: cannot bind the socket to the Local address");
        m_socket->SetRecvCallback(MakeCallback(&WorkerApplication::HandleRead, this));
    }
}

void
WorkerApplication::StopApplication()
{
    m_uploadEvent.Cancel();
    m_hasPending = false;
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    m_assembler.Clear();
}

void
WorkerApplication::DoDispose()
{
    FinishJob();
    m_executor = nullptr;
    m_uploadEvent.Cancel();
    m_socket = nullptr;
    m_stragglerDelayS = nullptr;
    m_availability = nullptr;
    m_learningRateSchedule = nullptr;
    m_localWork = nullptr;
    m_lossModel = nullptr;
    m_edgeServer = nullptr;
    m_model = nullptr;
    m_trainer = nullptr;
    m_data.reset();
    Application::DoDispose();
}

void
WorkerApplication::HandleRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        ParameterMessageAssembler::Message message;
        if (m_assembler.Receive(packet, message) && message.sourceId == m_serverId)
        {
            ModelReceived(message.messageId, message.bytes);
        }
    }
}

bool
WorkerApplication::CanTrain(uint32_t round)
{
    Ptr<EdgeServer> server = GetEdgeServer();
    if (!server->IsOnline())
    {
        return false;
    }
    if (m_stateRound < 0)
    {
        // Never begun by a parameter server (not registered): its state now.
        return !server->IsBusy() || m_busyPolicy == DISCARD;
    }
    return m_trainableRounds.count(round) > 0;
}

bool
WorkerApplication::IsActive()
{
    return GetEdgeServer()->IsComputing() || m_uploadEvent.IsRunning();
}

void
WorkerApplication::ModelReceived(uint32_t round, const std::vector<uint8_t>& bytes)
{
    if (static_cast<int64_t>(round) <= m_lastRound)
    {
        return; // an older broadcast completed late
    }
    m_lastRound = round;
    m_hasPending = false;
    m_assembler.ForgetBefore(m_serverId, round);
    // The worker is done with the rounds before this one.
    m_trainableRounds.erase(m_trainableRounds.begin(), m_trainableRounds.lower_bound(round));
    m_modelReceivedTrace(round);
    if (m_repeatLocalUpdates && m_sequence > 0 && m_uploadEvent.IsRunning())
    {
        // An extra update waiting out its straggler delay is stale now.
        m_uploadEvent.Cancel();
        NS_LOG_INFO("worker " << GetWorkerId() << " abandons update " << m_sequence << " of round "
                              << m_trainingRound);
        m_updateAbandonedTrace(m_trainingRound);
    }
    if (!CanTrain(round) || (IsActive() && !m_repeatLocalUpdates))
    {
        NS_LOG_INFO("worker " << GetWorkerId() << " skips round " << round);
        return;
    }
    Eigen::VectorXd start = DecodeParameters(bytes, m_encoding);
    NS_ABORT_MSG_IF(start.size() != static_cast<Eigen::Index>(m_model->GetNumParameters()),
                    "WorkerApplication: the broadcast carries "
                        << start.size() << " parameters, the model has "
                        << m_model->GetNumParameters() << " (check ParameterEncoding)");
    if (IsActive())
    {
        // RepeatLocalUpdates: the newer model waits for the CPU (or for the
        // upload of an update 0 waiting out its straggler delay).
        m_hasPending = true;
        m_pendingRound = round;
        m_pendingStart = std::move(start);
        return;
    }
    StartTraining(round, std::move(start), 0);
}

void
WorkerApplication::ConfigureLocalWork(uint32_t round, const Eigen::VectorXd& start)
{
    if (!m_baseRead)
    {
        m_baseLearningRate = m_trainer->GetLearningRate();
        m_baseLocalSteps = m_trainer->GetLocalSteps();
        m_baseBatchSize = m_trainer->GetBatchSize();
        m_baseRead = true;
    }
    if (m_learningRateSchedule)
    {
        m_trainer->SetAttribute(
            "LearningRate",
            DoubleValue(m_learningRateSchedule->GetRate(m_baseLearningRate, round)));
    }
    if (m_localWork)
    {
        LocalWorkContext context;
        context.worker = GetWorkerId();
        context.round = round;
        context.localSteps = m_baseLocalSteps;
        context.batchSize = m_baseBatchSize;
        context.samples = static_cast<uint32_t>(m_rows.size());
        context.cpuHz = GetEdgeServer()->GetCpuFrequencyHz();
        context.loss = [this, &start]() {
            if (!m_lossModel)
            {
                m_lossModel = CopyLearningModel(m_model);
            }
            m_lossModel->SetParameters(start);
            return m_lossModel->Loss(*m_data, m_rows);
        };
        const LocalWork work = m_localWork->Choose(context);
        m_trainer->SetAttribute("LocalSteps", UintegerValue(work.localSteps));
        m_trainer->SetAttribute("BatchSize", UintegerValue(work.batchSize));
    }
    m_localWorkTrace(round,
                     m_trainer->GetLocalSteps(),
                     m_trainer->GetBatchSize(),
                     m_trainer->GetLearningRate());
}

bool
WorkerApplication::StartTraining(uint32_t round, Eigen::VectorXd start, uint32_t sequence)
{
    FinishJob(); // the trainer's workspace is free again
    ConfigureLocalWork(round, start);
    LocalTrainer::Batches batches = m_trainer->DrawBatches(m_rows);
    const double cycles = m_cyclesPerBit * m_bitsPerSample *
                          static_cast<double>(m_trainer->GetSamplesPerUpdate(m_rows));
    m_trainingRound = round;
    m_sequence = sequence;
    m_start = std::move(start);
    if (!GetEdgeServer()->Compute(cycles, MakeCallback(&WorkerApplication::ComputeDone, this)))
    {
        NS_LOG_INFO("worker " << GetWorkerId() << " could not compute in round " << round);
        return false;
    }
    // Raw pointers: the job must not touch ns-3 reference counts off the
    // simulator's thread; this worker keeps them alive until FinishJob.
    LocalTrainer* trainer = PeekPointer(m_trainer);
    const LearningModel* model = PeekPointer(m_model);
    const Dataset* data = m_data.get();
    TrainingExecutor::Job job = [trainer, model, data, from = m_start, b = std::move(batches)]() {
        return trainer->RunSteps(*model, from, *data, b);
    };
    if (m_executor)
    {
        const Time done = Simulator::Now() + GetEdgeServer()->GetComputeTime(cycles);
        m_job = m_executor->Submit(std::move(job), done.GetSeconds());
    }
    else
    {
        m_update = job().parameters;
    }
    m_trainingStartTrace(round);
    return true;
}

void
WorkerApplication::FinishJob()
{
    if (m_job)
    {
        m_update = m_executor->Collect(m_job).parameters;
        m_job.reset();
    }
}

bool
WorkerApplication::StartPending()
{
    if (!m_hasPending)
    {
        return false;
    }
    m_hasPending = false;
    if (static_cast<int64_t>(m_pendingRound) != m_lastRound || !CanTrain(m_pendingRound))
    {
        return false;
    }
    return StartTraining(m_pendingRound, std::move(m_pendingStart), 0);
}

void
WorkerApplication::ComputeDone()
{
    if (m_repeatLocalUpdates && m_sequence > 0 &&
        static_cast<int64_t>(m_trainingRound) < m_lastRound)
    {
        // An extra update of a round whose successor's model has arrived: stale.
        NS_LOG_INFO("worker " << GetWorkerId() << " abandons update " << m_sequence << " of round "
                              << m_trainingRound);
        m_updateAbandonedTrace(m_trainingRound);
        StartPending();
        return;
    }
    const double delayS = m_stragglerDelayS ? m_stragglerDelayS->GetValue() : 0.0;
    NS_ABORT_MSG_IF(delayS < 0.0,
                    "WorkerApplication: StragglerDelayS drew a negative delay " << delayS);
    if (delayS > 0.0)
    {
        m_uploadEvent = Simulator::Schedule(Seconds(delayS), &WorkerApplication::Upload, this);
    }
    else
    {
        Upload();
    }
}

void
WorkerApplication::Upload()
{
    if (!m_socket)
    {
        return;
    }
    FinishJob();
    const std::vector<uint8_t> bytes = EncodeParameters(m_update, m_encoding);
    SendParameterMessage(m_socket,
                         m_remote,
                         bytes,
                         GetWorkerId(),
                         MakeUpdateMessageId(m_trainingRound, m_sequence),
                         m_packetPayloadBytes);
    ++m_updatesSent;
    m_updateSentTrace(m_trainingRound);
    if (!m_repeatLocalUpdates || StartPending())
    {
        return;
    }
    if (static_cast<int64_t>(m_trainingRound) == m_lastRound &&
        m_sequence + 1 < MAX_UPDATES_PER_ROUND && CanTrain(m_trainingRound))
    {
        StartTraining(m_trainingRound, m_start, m_sequence + 1);
    }
}

} // namespace edgedml
} // namespace ns3
