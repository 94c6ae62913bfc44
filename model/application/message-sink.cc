/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-sink.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/udp-socket-factory.h"

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("MessageSink");
NS_OBJECT_ENSURE_REGISTERED(MessageSink);

TypeId
MessageSink::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::MessageSink")
            .SetParent<Application>()
            .SetGroupName("EdgeDml")
            .AddConstructor<MessageSink>()
            .AddAttribute("Protocol",
                          "Socket factory type, e.g. ns3::UdpSocketFactory or "
                          "ns3::PacketSocketFactory.",
                          TypeIdValue(UdpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&MessageSink::m_protocol),
                          MakeTypeIdChecker())
            .AddAttribute("Local",
                          "Address to bind (InetSocketAddress, PacketSocketAddress, ...).",
                          AddressValue(),
                          MakeAddressAccessor(&MessageSink::m_local),
                          MakeAddressChecker())
            .AddTraceSource("Rx",
                            "A packet was received.",
                            MakeTraceSourceAccessor(&MessageSink::m_rxTrace),
                            "ns3::Packet::AddressTracedCallback")
            .AddTraceSource("MessageReceived",
                            "Every packet of a message has arrived.",
                            MakeTraceSourceAccessor(&MessageSink::m_messageTrace),
                            "ns3::edgedml::MessageSink::MessageReceivedTracedCallback");
    return tid;
}

MessageSink::MessageSink() = default;

MessageSink::~MessageSink() = default;

void
MessageSink::DoDispose()
{
    m_socket = nullptr;
    Application::DoDispose();
}

void
MessageSink::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), m_protocol);
        NS_ABORT_MSG_IF(m_socket->Bind(m_local) == -1,
                        "MessageSink on node " << GetNode()->GetId()
                                               << ": cannot bind the Local address; does its "
                                                  "type match Protocol?");
    }
    m_socket->SetRecvCallback(MakeCallback(&MessageSink::HandleRead, this));
}

void
MessageSink::StopApplication()
{
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

void
MessageSink::HandleRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        m_rxTrace(packet, from);
        MessageHeader header;
        if (packet->GetSize() < header.GetSerializedSize())
        {
            NS_LOG_WARN("runt packet of " << packet->GetSize() << " bytes ignored");
            continue;
        }
        const uint32_t size = packet->GetSize();
        packet->RemoveHeader(header);
        SourceStats& stats = m_stats[header.GetSourceId()];
        ++stats.packets;
        stats.bytes += size;
        const auto key = std::make_pair(header.GetSourceId(), header.GetMessageId());
        if (header.GetMessageId() >= PENDING_WINDOW)
        {
            // Forget this source's messages too old to complete any more.
            const auto first = m_pending.lower_bound(std::make_pair(header.GetSourceId(), 0u));
            const auto last = m_pending.lower_bound(
                std::make_pair(header.GetSourceId(), header.GetMessageId() - PENDING_WINDOW));
            m_pending.erase(first, last);
        }
        const uint32_t arrived = ++m_pending[key];
        if (arrived == header.GetCount())
        {
            m_pending.erase(key);
            ++stats.messages;
            m_messageTrace(header, Simulator::Now() - header.GetSendTime());
        }
    }
}

MessageSink::SourceStats
MessageSink::GetSourceStats(uint32_t sourceId) const
{
    auto it = m_stats.find(sourceId);
    return it == m_stats.end() ? SourceStats() : it->second;
}

const std::map<uint32_t, MessageSink::SourceStats>&
MessageSink::GetAllSourceStats() const
{
    return m_stats;
}

} // namespace edgedml
} // namespace ns3
