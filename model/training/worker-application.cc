/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-application.h"

#include "ns3/abort.h"
#include "ns3/address-utils.h"
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
                          "kappa: CPU cycles per bit of training data processed (MODEL.md: 40).",
                          DoubleValue(40.0),
                          MakeDoubleAccessor(&WorkerApplication::m_cyclesPerBit),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("BitsPerSample",
                          "Bits of one training sample (MODEL.md: a 784-byte Fashion-MNIST "
                          "image, 6272 bits).",
                          DoubleValue(6272.0),
                          MakeDoubleAccessor(&WorkerApplication::m_bitsPerSample),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("StragglerDelayS",
                          "Random extra delay between the end of local compute and the upload, "
                          "in s (e.g. a shift plus an exponential; null: none). Idle time: no "
                          "energy is charged for it.",
                          PointerValue(),
                          MakePointerAccessor(&WorkerApplication::m_stragglerDelayS),
                          MakePointerChecker<RandomVariableStream>())
            .AddTraceSource("ModelReceived",
                            "The whole model broadcast of a round arrived.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_modelReceivedTrace),
                            "ns3::edgedml::WorkerApplication::RoundTracedCallback")
            .AddTraceSource("TrainingStart",
                            "Local training (and its CPU time) of a round started.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_trainingStartTrace),
                            "ns3::edgedml::WorkerApplication::RoundTracedCallback")
            .AddTraceSource("UpdateSent",
                            "The update of a round was handed to the socket.",
                            MakeTraceSourceAccessor(&WorkerApplication::m_updateSentTrace),
                            "ns3::edgedml::WorkerApplication::RoundTracedCallback");
    return tid;
}

WorkerApplication::WorkerApplication()
    : m_packetPayloadBytes(1472),
      m_encoding(ParameterEncoding::FLOAT32),
      m_cyclesPerBit(40.0),
      m_bitsPerSample(6272.0),
      m_serverId(0),
      m_lastRound(-1),
      m_trainingRound(0),
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
    return used;
}

void
WorkerApplication::StartApplication()
{
    NS_ABORT_MSG_UNLESS(m_model, "WorkerApplication: SetLearning was not called");
    m_edgeServer = GetNode()->GetObject<EdgeServer>();
    NS_ABORT_MSG_UNLESS(m_edgeServer,
                        "WorkerApplication: node " << GetNode()->GetId()
                                                   << " has no EdgeServer (EdgeServerHelper)");
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
    m_uploadEvent.Cancel();
    m_socket = nullptr;
    m_stragglerDelayS = nullptr;
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

void
WorkerApplication::ModelReceived(uint32_t round, const std::vector<uint8_t>& bytes)
{
    if (static_cast<int64_t>(round) <= m_lastRound)
    {
        return; // an older broadcast completed late
    }
    m_lastRound = round;
    m_assembler.ForgetBefore(m_serverId, round);
    m_modelReceivedTrace(round);
    if (!m_edgeServer->IsOnline() || m_edgeServer->IsBusy() || m_edgeServer->IsComputing() ||
        m_uploadEvent.IsRunning())
    {
        NS_LOG_INFO("worker " << GetWorkerId() << " skips round " << round);
        return;
    }
    const Eigen::VectorXd start = DecodeParameters(bytes, m_encoding);
    NS_ABORT_MSG_IF(start.size() != static_cast<Eigen::Index>(m_model->GetNumParameters()),
                    "WorkerApplication: the broadcast carries "
                        << start.size() << " parameters, the model has "
                        << m_model->GetNumParameters() << " (check ParameterEncoding)");
    LocalTrainingResult result = m_trainer->Train(*m_model, start, *m_data, m_rows);
    const double cycles =
        m_cyclesPerBit * m_bitsPerSample * static_cast<double>(result.samplesProcessed);
    m_trainingRound = round;
    m_update = std::move(result.parameters);
    if (!m_edgeServer->Compute(cycles, MakeCallback(&WorkerApplication::ComputeDone, this)))
    {
        NS_LOG_INFO("worker " << GetWorkerId() << " could not compute in round " << round);
        return;
    }
    m_trainingStartTrace(round);
}

void
WorkerApplication::ComputeDone()
{
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
    const std::vector<uint8_t> bytes = EncodeParameters(m_update, m_encoding);
    SendParameterMessage(m_socket,
                         m_remote,
                         bytes,
                         GetWorkerId(),
                         m_trainingRound,
                         m_packetPayloadBytes);
    ++m_updatesSent;
    m_updateSentTrace(m_trainingRound);
}

} // namespace edgedml
} // namespace ns3
