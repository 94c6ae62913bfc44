/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-source.h"

#include "message-header.h"

#include "ns3/abort.h"
#include "ns3/address.h"
#include "ns3/log.h"
#include "ns3/message-tag.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/type-id.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("MessageSource");
NS_OBJECT_ENSURE_REGISTERED(MessageSource);

TypeId
MessageSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::MessageSource")
            .SetParent<Application>()
            .SetGroupName("EdgeDml")
            .AddConstructor<MessageSource>()
            .AddAttribute("Protocol",
                          "Socket factory type, e.g. ns3::UdpSocketFactory or "
                          "ns3::PacketSocketFactory.",
                          TypeIdValue(UdpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&MessageSource::m_protocol),
                          MakeTypeIdChecker())
            .AddAttribute("Remote",
                          "Destination address (InetSocketAddress, PacketSocketAddress, ...).",
                          AddressValue(),
                          MakeAddressAccessor(&MessageSource::m_remote),
                          MakeAddressChecker())
            .AddAttribute("MessageBytes",
                          "Size of each periodic message, in bytes (the default is a logistic-"
                          "regression update on Fashion-MNIST, 7850 parameters x 4 bytes).",
                          UintegerValue(31400),
                          MakeUintegerAccessor(&MessageSource::m_messageBytes),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("PacketPayloadBytes",
                          "Socket payload per packet, in bytes, including the 28-byte message "
                          "header (1472 fills a 1500-byte IPv4/UDP MTU; at most 65507, the "
                          "largest UDP payload).",
                          UintegerValue(1472),
                          MakeUintegerAccessor(&MessageSource::m_packetBytes),
                          MakeUintegerChecker<uint32_t>(29, 65507))
            .AddAttribute("Interval",
                          "Time between the starts of two periodic messages.",
                          TimeValue(Seconds(1.0)),
                          MakeTimeAccessor(&MessageSource::m_interval),
                          MakeTimeChecker(TimeStep(1)))
            .AddAttribute("SourceId",
                          "Sender id written into headers and MessageTags; "
                          "4294967295 means the node id. Give each source on one node its own "
                          "id, or their messages share loss draws and sink counters.",
                          UintegerValue(NODE_ID),
                          MakeUintegerAccessor(&MessageSource::m_sourceId),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxMessages",
                          "Periodic messages to send (0: until the application stops).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&MessageSource::m_maxMessages),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("MessageSent",
                            "A message was handed to the socket.",
                            MakeTraceSourceAccessor(&MessageSource::m_messageSentTrace),
                            "ns3::edgedml::MessageSource::MessageSentTracedCallback")
            .AddTraceSource("Tx",
                            "A packet was handed to the socket.",
                            MakeTraceSourceAccessor(&MessageSource::m_txTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("TxFail",
                            "The socket refused a packet.",
                            MakeTraceSourceAccessor(&MessageSource::m_txFailTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

MessageSource::MessageSource()
    : m_messageBytes(31400),
      m_packetBytes(1472),
      m_maxMessages(1),
      m_sourceId(NODE_ID),
      m_sent(0),
      m_periodicSent(0)
{
}

MessageSource::~MessageSource() = default;

void
MessageSource::DoDispose()
{
    m_nextEvent.Cancel();
    m_socket = nullptr;
    Application::DoDispose();
}

void
MessageSource::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), m_protocol);
        NS_ABORT_MSG_IF(m_socket->Bind() == -1,
                        "MessageSource on node " << GetNode()->GetId() << ": cannot bind a "
                                                 << m_protocol.GetName() << " socket");
        NS_ABORT_MSG_IF(m_socket->Connect(m_remote) == -1,
                        "MessageSource on node " << GetNode()->GetId()
                                                 << ": cannot connect to the Remote address; "
                                                    "does its type match Protocol?");
        m_socket->ShutdownRecv();
    }
    m_periodicSent = 0;
    m_nextEvent = Simulator::ScheduleNow(&MessageSource::SendPeriodic, this);
}

void
MessageSource::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_nextEvent.Cancel();
}

void
MessageSource::SendPeriodic()
{
    if (m_maxMessages != 0 && m_periodicSent >= m_maxMessages)
    {
        return;
    }
    SendMessage(m_messageBytes);
    ++m_periodicSent;
    if (m_maxMessages == 0 || m_periodicSent < m_maxMessages)
    {
        m_nextEvent = Simulator::Schedule(m_interval, &MessageSource::SendPeriodic, this);
    }
}

uint32_t
MessageSource::GetMessageBytesPerPacket() const
{
    return m_packetBytes - MessageHeader().GetSerializedSize();
}

uint32_t
MessageSource::GetPacketsPerMessage(uint32_t bytes) const
{
    const uint64_t perPacket = GetMessageBytesPerPacket();
    return static_cast<uint32_t>((uint64_t{bytes} + perPacket - 1) / perPacket);
}

uint32_t
MessageSource::GetSourceId() const
{
    return m_sourceId == NODE_ID ? GetNode()->GetId() : m_sourceId;
}

uint32_t
MessageSource::GetMessagesSent() const
{
    return m_sent;
}

uint32_t
MessageSource::SendMessage(uint32_t bytes)
{
    NS_ABORT_MSG_IF(bytes == 0, "MessageSource::SendMessage: a message needs at least one byte");
    NS_ABORT_MSG_UNLESS(m_socket, "MessageSource::SendMessage: the application has not started");
    const uint32_t messageId = m_sent++;
    const uint32_t count = GetPacketsPerMessage(bytes);
    const uint32_t perPacket = GetMessageBytesPerPacket();
    const uint32_t sourceId = GetSourceId();
    uint32_t left = bytes;
    for (uint32_t index = 0; index < count; ++index)
    {
        const uint32_t chunk = std::min(left, perPacket);
        left -= chunk;
        Ptr<Packet> packet = Create<Packet>(chunk);
        MessageHeader header;
        header.SetSourceId(sourceId);
        header.SetMessageId(messageId);
        header.SetIndex(index);
        header.SetCount(count);
        header.SetMessageBytes(bytes);
        header.SetSendTime(Simulator::Now());
        packet->AddHeader(header);
        packet->AddPacketTag(MessageTag(sourceId, messageId));
        m_txTrace(packet);
        if (m_socket->Send(packet) < 0)
        {
            NS_LOG_WARN("node " << sourceId << ": socket refused piece " << index << " of message "
                                << messageId);
            m_txFailTrace(packet);
        }
    }
    m_messageSentTrace(messageId, bytes, count);
    return messageId;
}

} // namespace edgedml
} // namespace ns3
