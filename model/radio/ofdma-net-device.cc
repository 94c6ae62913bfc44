/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-net-device.h"

#include "link-snr-tag.h"
#include "waterfall-error-model.h"

#include "ns3/abort.h"
#include "ns3/bounded-checkers.h"
#include "ns3/double.h"
#include "ns3/ethernet-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("OfdmaNetDevice");
NS_OBJECT_ENSURE_REGISTERED(OfdmaNetDevice);

TypeId
OfdmaNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::OfdmaNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("EdgeDml")
            .AddConstructor<OfdmaNetDevice>()
            .AddAttribute("Mtu",
                          "MAC-level MTU (payload of the MAC header), in bytes.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&OfdmaNetDevice::SetMtu, &OfdmaNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68))
            .AddAttribute("TxPowerW",
                          "Total transmit power, in W (OfdmaHelper gives the base station "
                          "1 W).",
                          DoubleValue(0.01),
                          MakeDoubleAccessor(&OfdmaNetDevice::m_txPowerW),
                          MakePositiveDoubleChecker(1e6))
            .AddAttribute("MaxRetransmissions",
                          "Link-layer retransmissions of a corrupted unicast packet (0: no ARQ).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&OfdmaNetDevice::m_maxRetransmissions),
                          MakeUintegerChecker<uint32_t>(0, 1000))
            .AddAttribute("TxQueue",
                          "The transmit queue.",
                          StringValue("ns3::DropTailQueue<Packet>"),
                          MakePointerAccessor(&OfdmaNetDevice::m_queue),
                          MakePointerChecker<Queue<Packet>>())
            .AddAttribute("ReceiveErrorModel",
                          "Error model applied to every received packet (null: none).",
                          PointerValue(),
                          MakePointerAccessor(&OfdmaNetDevice::m_receiveErrorModel),
                          MakePointerChecker<ErrorModel>())
            .AddTraceSource("PhyTxBegin",
                            "An attempt went on the air.",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_phyTxBeginTrace),
                            "ns3::edgedml::OfdmaNetDevice::TransmissionTracedCallback")
            .AddTraceSource("PhyTxEnd",
                            "An attempt's airtime ended.",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_phyTxEndTrace),
                            "ns3::edgedml::OfdmaNetDevice::TransmissionTracedCallback")
            .AddTraceSource("PhyTxAbort",
                            "An attempt on the air was cut short (the device went down).",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_phyTxAbortTrace),
                            "ns3::edgedml::OfdmaNetDevice::TransmissionTracedCallback")
            .AddTraceSource("PhyRxEnd",
                            "A packet was received intact.",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_phyRxEndTrace),
                            "ns3::edgedml::OfdmaNetDevice::ReceptionTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was dropped; carries the reason.",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_dropTrace),
                            "ns3::edgedml::OfdmaNetDevice::DropTracedCallback")
            .AddTraceSource("MacTx",
                            "A packet arrived from the upper layer.",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A packet was passed to the upper layer.",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Sniffer",
                            "Packets sent or received by this device, with MAC header (pcap).",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PromiscSniffer",
                            "Every packet this device sends or receives, with MAC header.",
                            MakeTraceSourceAccessor(&OfdmaNetDevice::m_promiscSnifferTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

OfdmaNetDevice::OfdmaNetDevice()
    : m_role(TERMINAL),
      m_ifIndex(0),
      m_mtu(1500),
      m_linkUp(true),
      m_txPowerW(0.01),
      m_maxRetransmissions(0),
      m_state(IDLE),
      m_attempt(0),
      m_txCount(0)
{
}

OfdmaNetDevice::~OfdmaNetDevice() = default;

void
OfdmaNetDevice::DoDispose()
{
    m_txEndEvent.Cancel();
    m_tryEvent.Cancel();
    m_node = nullptr;
    m_channel = nullptr;
    m_queue = nullptr;
    m_receiveErrorModel = nullptr;
    m_current = nullptr;
    m_receivers.clear();
    m_rxCallback =
        MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    m_promiscCallback = MakeNullCallback<bool,
                                         Ptr<NetDevice>,
                                         Ptr<const Packet>,
                                         uint16_t,
                                         const Address&,
                                         const Address&,
                                         PacketType>();
    NetDevice::DoDispose();
}

void
OfdmaNetDevice::SetRole(Role role)
{
    NS_ABORT_MSG_IF(m_channel, "OfdmaNetDevice: set the role before attaching to a channel");
    m_role = role;
}

OfdmaNetDevice::Role
OfdmaNetDevice::GetRole() const
{
    return m_role;
}

void
OfdmaNetDevice::SetChannel(Ptr<OfdmaChannel> channel)
{
    m_channel = channel;
    m_countedBacklogged = m_role == TERMINAL && IsBacklogged(); // Attach counts it
    m_channel->Attach(this);
}

void
OfdmaNetDevice::SetLinkUp(bool up)
{
    NS_LOG_FUNCTION(this << up);
    if (up == m_linkUp)
    {
        return;
    }
    m_linkUp = up;
    if (!up)
    {
        switch (m_state)
        {
        case TRANSMITTING:
            m_txEndEvent.Cancel();
            if (m_role == TERMINAL)
            {
                m_channel->ReleaseUplinkRbs(this, m_currentTx.numRbs);
            }
            m_phyTxAbortTrace(m_current, m_currentTx);
            break;
        case WAITING_GRANT:
            m_channel->CancelUplinkRequest(this);
            break;
        case AWAITING_FEEDBACK:
            // The attempt is already on its way: its receiver decides its fate.
            m_current = nullptr;
            break;
        case IDLE:
            break;
        }
        const Ptr<Packet> current = m_current;
        m_current = nullptr;
        m_receivers.clear();
        m_state = IDLE;
        m_tryEvent.Cancel();
        if (current)
        {
            Drop(current, OfdmaDropReason::LINK_DOWN);
        }
        while (Ptr<Packet> packet = m_queue->Dequeue())
        {
            Drop(packet, OfdmaDropReason::LINK_DOWN);
        }
        ReportBacklog();
    }
    m_linkChangeCallbacks();
}

double
OfdmaNetDevice::GetTxPowerW() const
{
    return m_txPowerW;
}

bool
OfdmaNetDevice::IsBacklogged() const
{
    return m_current || (m_queue && !m_queue->IsEmpty());
}

void
OfdmaNetDevice::ReportBacklog()
{
    const bool backlogged = IsBacklogged();
    if (backlogged != m_countedBacklogged && m_role == TERMINAL && m_channel)
    {
        m_countedBacklogged = backlogged;
        m_channel->NotifyBacklogChanged(backlogged);
    }
}

Ptr<Queue<Packet>>
OfdmaNetDevice::GetQueue() const
{
    return m_queue;
}

void
OfdmaNetDevice::SetQueue(Ptr<Queue<Packet>> queue)
{
    m_queue = queue;
}

void
OfdmaNetDevice::SetReceiveErrorModel(Ptr<ErrorModel> model)
{
    m_receiveErrorModel = model;
}

Ptr<ErrorModel>
OfdmaNetDevice::GetReceiveErrorModel() const
{
    return m_receiveErrorModel;
}

int64_t
OfdmaNetDevice::AssignStreams(int64_t stream)
{
    if (auto waterfall = DynamicCast<WaterfallErrorModel>(m_receiveErrorModel))
    {
        return waterfall->AssignStreams(stream);
    }
    if (auto rate = DynamicCast<RateErrorModel>(m_receiveErrorModel))
    {
        return rate->AssignStreams(stream);
    }
    return 0;
}

void
OfdmaNetDevice::Drop(Ptr<const Packet> packet, OfdmaDropReason reason)
{
    NS_LOG_DEBUG("device " << m_address << " drops packet " << packet->GetUid() << ": "
                           << ToString(reason));
    m_dropTrace(packet, reason);
}

bool
OfdmaNetDevice::Enqueue(Ptr<Packet> packet)
{
    if (!m_queue->Enqueue(packet))
    {
        Drop(packet, OfdmaDropReason::QUEUE_FULL);
        return false;
    }
    ReportBacklog();
    TryTransmit();
    return true;
}

bool
OfdmaNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    return SendFrom(packet, m_address, dest, protocolNumber);
}

bool
OfdmaNetDevice::SendFrom(Ptr<Packet> packet,
                         const Address& source,
                         const Address& dest,
                         uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    m_macTxTrace(packet);
    if (!m_linkUp || !m_channel)
    {
        Drop(packet, OfdmaDropReason::LINK_DOWN);
        return false;
    }
    if (packet->GetSize() > m_mtu)
    {
        Drop(packet, OfdmaDropReason::MTU_EXCEEDED);
        return false;
    }
    EthernetHeader header(false);
    header.SetSource(Mac48Address::ConvertFrom(source));
    header.SetDestination(Mac48Address::ConvertFrom(dest));
    header.SetLengthType(protocolNumber);
    packet->AddHeader(header);
    return Enqueue(packet);
}

void
OfdmaNetDevice::TryTransmit()
{
    if (m_state != IDLE || !m_linkUp)
    {
        return;
    }
    if (!m_current)
    {
        m_current = m_queue->Dequeue();
        m_attempt = 0;
        if (!m_current)
        {
            return;
        }
    }
    m_askedAt = Simulator::Now();
    if (m_role == TERMINAL)
    {
        m_state = WAITING_GRANT;
        m_channel->RequestUplinkGrant(this); // StartTransmission follows on grant
    }
    else
    {
        StartTransmission(0);
    }
}

void
OfdmaNetDevice::StartTransmission(uint32_t numRbs)
{
    NS_LOG_FUNCTION(this << numRbs);
    if (m_role == TERMINAL && (m_state != WAITING_GRANT || !m_current))
    {
        m_channel->ReleaseUplinkRbs(this, numRbs); // went down since it asked
        return;
    }
    NS_ASSERT(m_current);
    EthernetHeader header(false);
    m_current->PeekHeader(header);
    m_currentTx = m_channel->Plan(this,
                                  header.GetDestination(),
                                  numRbs,
                                  m_current->GetSize() * 8,
                                  m_receivers);
    m_currentTx.id = ++m_txCount;
    m_currentTx.attempt = m_attempt;
    m_currentTx.grantDelay = Simulator::Now() - m_askedAt;
    m_currentTx.acknowledged = m_maxRetransmissions > 0 && m_receivers.size() == 1 &&
                               !header.GetDestination().IsBroadcast() &&
                               !header.GetDestination().IsGroup();
    if (m_receivers.empty())
    {
        if (m_role == TERMINAL)
        {
            m_channel->ReleaseUplinkRbs(this, numRbs);
        }
        Drop(m_current, OfdmaDropReason::UNREACHABLE);
        FinishCurrent();
        return;
    }
    m_state = TRANSMITTING;
    NS_LOG_DEBUG("device " << m_address << " sends " << m_currentTx.bits << " bits on " << numRbs
                           << " RBs at " << m_currentTx.rateBps << " bit/s for "
                           << m_currentTx.airtime.As(Time::US));
    m_txEndEvent =
        Simulator::Schedule(m_currentTx.airtime, &OfdmaNetDevice::TransmitComplete, this);
    // The state is complete before any trace runs: a sink may take the device
    // down (an energy model detecting depletion does), which aborts the attempt.
    const Ptr<const Packet> packet = m_current;
    const OfdmaTransmission tx = m_currentTx;
    m_snifferTrace(packet);
    m_promiscSnifferTrace(packet);
    if (m_state == TRANSMITTING && m_currentTx.id == tx.id)
    {
        m_phyTxBeginTrace(packet, tx);
    }
}

void
OfdmaNetDevice::TransmitComplete()
{
    NS_LOG_FUNCTION(this);
    // Settle the state before the channel and the traces run (see StartTransmission).
    const Ptr<const Packet> packet = m_current;
    const OfdmaTransmission tx = m_currentTx;
    std::vector<OfdmaReception> receivers;
    receivers.swap(m_receivers);
    if (tx.acknowledged)
    {
        m_state = AWAITING_FEEDBACK;
    }
    else
    {
        FinishCurrent();
    }
    if (m_role == TERMINAL)
    {
        m_channel->ReleaseUplinkRbs(this, tx.numRbs);
    }
    m_channel->Deliver(this, packet, tx, receivers);
    m_phyTxEndTrace(packet, tx);
}

void
OfdmaNetDevice::FinishCurrent()
{
    m_current = nullptr;
    m_receivers.clear();
    m_state = IDLE;
    ReportBacklog();
    // Leave the event that ended this attempt before the next one starts.
    m_tryEvent.Cancel();
    m_tryEvent = Simulator::ScheduleNow(&OfdmaNetDevice::TryTransmit, this);
}

void
OfdmaNetDevice::NotifyDeliveryOutcome(uint64_t txId, bool delivered)
{
    NS_LOG_FUNCTION(this << txId << delivered);
    if (m_state != AWAITING_FEEDBACK || txId != m_currentTx.id)
    {
        return; // the attempt was aborted meanwhile
    }
    if (!delivered && m_attempt < m_maxRetransmissions)
    {
        ++m_attempt;
        m_state = IDLE;
        TryTransmit(); // same packet, new grant
        return;
    }
    if (!delivered)
    {
        Drop(m_current, OfdmaDropReason::RETRY_LIMIT);
    }
    FinishCurrent();
}

void
OfdmaNetDevice::Receive(Ptr<Packet> packet,
                        OfdmaTransmission tx,
                        double snr,
                        Ptr<OfdmaNetDevice> sender)
{
    NS_LOG_FUNCTION(this << packet << snr << sender);
    auto feedback = [&tx, &sender](bool delivered) {
        if (tx.acknowledged)
        {
            sender->NotifyDeliveryOutcome(tx.id, delivered);
        }
    };
    if (!m_linkUp)
    {
        Drop(packet, OfdmaDropReason::LINK_DOWN);
        feedback(false);
        return;
    }
    if (m_receiveErrorModel)
    {
        LinkSnrTag snrTag(snr);
        packet->ReplacePacketTag(snrTag);
        const bool corrupt = m_receiveErrorModel->IsCorrupt(packet);
        packet->RemovePacketTag(snrTag);
        if (corrupt)
        {
            Drop(packet, OfdmaDropReason::CORRUPTED);
            feedback(false);
            return;
        }
    }
    feedback(true);
    m_phyRxEndTrace(packet, snr);
    m_snifferTrace(packet);
    m_promiscSnifferTrace(packet);

    EthernetHeader header(false);
    packet->RemoveHeader(header);
    const Mac48Address destination = header.GetDestination();
    const uint16_t protocol = header.GetLengthType();
    PacketType type;
    if (destination.IsBroadcast())
    {
        type = NetDevice::PACKET_BROADCAST;
    }
    else if (destination.IsGroup())
    {
        type = NetDevice::PACKET_MULTICAST;
    }
    else if (destination == m_address)
    {
        type = NetDevice::PACKET_HOST;
    }
    else
    {
        type = NetDevice::PACKET_OTHERHOST;
    }

    if (type == NetDevice::PACKET_OTHERHOST && m_role == BASE_STATION)
    {
        packet->AddHeader(header);
        if (m_channel->FindTerminal(destination))
        {
            Enqueue(packet); // relay a terminal's unicast to another terminal
        }
        else
        {
            Drop(packet, OfdmaDropReason::UNREACHABLE);
        }
        return;
    }
    if (!m_promiscCallback.IsNull())
    {
        m_promiscCallback(this, packet->Copy(), protocol, header.GetSource(), destination, type);
    }
    if (type != NetDevice::PACKET_OTHERHOST)
    {
        m_macRxTrace(packet);
        m_rxCallback(this, packet, protocol, header.GetSource());
    }
}

void
OfdmaNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
OfdmaNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
OfdmaNetDevice::GetChannel() const
{
    return m_channel;
}

void
OfdmaNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
OfdmaNetDevice::GetAddress() const
{
    return m_address;
}

bool
OfdmaNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
OfdmaNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
OfdmaNetDevice::IsLinkUp() const
{
    return m_linkUp;
}

void
OfdmaNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.ConnectWithoutContext(callback);
}

bool
OfdmaNetDevice::IsBroadcast() const
{
    return true;
}

Address
OfdmaNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
OfdmaNetDevice::IsMulticast() const
{
    return true;
}

Address
OfdmaNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
OfdmaNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
OfdmaNetDevice::IsBridge() const
{
    return false;
}

bool
OfdmaNetDevice::IsPointToPoint() const
{
    return false;
}

Ptr<Node>
OfdmaNetDevice::GetNode() const
{
    return m_node;
}

void
OfdmaNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
OfdmaNetDevice::NeedsArp() const
{
    return true;
}

void
OfdmaNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
OfdmaNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscCallback = cb;
}

bool
OfdmaNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace edgedml
} // namespace ns3
