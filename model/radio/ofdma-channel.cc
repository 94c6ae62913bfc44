/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-channel.h"

#include "equal-share-rb-allocator.h"
#include "link-budget.h"
#include "ofdma-net-device.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("OfdmaChannel");
NS_OBJECT_ENSURE_REGISTERED(OfdmaChannel);

TypeId
OfdmaChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::OfdmaChannel")
            .SetParent<Channel>()
            .SetGroupName("EdgeDml")
            .AddConstructor<OfdmaChannel>()
            .AddAttribute("ResourceBlockBandwidthHz",
                          "Bandwidth of one uplink resource block, in Hz.",
                          DoubleValue(1e6),
                          MakeDoubleAccessor(&OfdmaChannel::m_rbBandwidthHz),
                          MakeDoubleChecker<double>(1.0, 1e12))
            .AddAttribute("NumResourceBlocks",
                          "Number of uplink resource blocks R; 0 means one per attached "
                          "terminal (R = n).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&OfdmaChannel::m_numRbs),
                          MakeUintegerChecker<uint32_t>(0, 1000000))
            .AddAttribute("DownlinkBandwidthHz",
                          "Bandwidth of the shared downlink, in Hz.",
                          DoubleValue(20e6),
                          MakeDoubleAccessor(&OfdmaChannel::m_downlinkBandwidthHz),
                          MakeDoubleChecker<double>(1.0, 1e12))
            .AddAttribute("NoiseDensityDbmPerHz",
                          "Thermal noise power spectral density N0, in dBm/Hz.",
                          DoubleValue(-174.0),
                          MakeDoubleAccessor(&OfdmaChannel::m_noiseDensityDbmPerHz),
                          MakeDoubleChecker<double>(-300.0, 100.0))
            .AddAttribute("UplinkInterferencePerRb",
                          "Random variable, in W, of the interference on each uplink RB of a "
                          "terminal; drawn per terminal at first use and on every "
                          "RedrawUplinkInterference().",
                          StringValue("ns3::UniformRandomVariable[Min=1e-8|Max=1.1e-7]"),
                          MakePointerAccessor(&OfdmaChannel::m_uplinkInterference),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("DownlinkInterferenceW",
                          "Interference on the downlink at every terminal, in W.",
                          DoubleValue(1.8e-7),
                          MakeDoubleAccessor(&OfdmaChannel::m_downlinkInterferenceW),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("PropagationLossModel",
                          "Channel gain between terminal and base station (by default "
                          "log-distance, exponent 2, 1 m, 0 dB, i.e. h = d^-2).",
                          StringValue("ns3::LogDistancePropagationLossModel[Exponent=2|"
                                      "ReferenceDistance=1|ReferenceLoss=0]"),
                          MakePointerAccessor(&OfdmaChannel::m_loss),
                          MakePointerChecker<PropagationLossModel>())
            .AddAttribute("PropagationDelayModel",
                          "Propagation delay between the nodes.",
                          StringValue("ns3::ConstantSpeedPropagationDelayModel"),
                          MakePointerAccessor(&OfdmaChannel::m_delay),
                          MakePointerChecker<PropagationDelayModel>())
            .AddAttribute("RbAllocator",
                          "How many uplink RBs a terminal gets per grant.",
                          StringValue("ns3::edgedml::EqualShareRbAllocator"),
                          MakePointerAccessor(&OfdmaChannel::m_allocator),
                          MakePointerChecker<RbAllocator>())
            .AddTraceSource("UplinkGrant",
                            "A terminal was granted uplink RBs.",
                            MakeTraceSourceAccessor(&OfdmaChannel::m_grantTrace),
                            "ns3::edgedml::OfdmaChannel::GrantTracedCallback");
    return tid;
}

OfdmaChannel::OfdmaChannel()
    : m_rbBandwidthHz(1e6),
      m_numRbs(0),
      m_downlinkBandwidthHz(20e6),
      m_noiseDensityDbmPerHz(-174.0),
      m_downlinkInterferenceW(1.8e-7),
      m_heldRbs(0),
      m_holders(0)
{
}

OfdmaChannel::~OfdmaChannel() = default;

void
OfdmaChannel::DoDispose()
{
    m_serveEvent.Cancel();
    m_baseStation = nullptr;
    m_terminals.clear();
    m_byAddress.clear();
    m_interferenceW.clear();
    m_waiting.clear();
    m_askedAt.clear();
    m_uplinkInterference = nullptr;
    m_loss = nullptr;
    m_delay = nullptr;
    m_allocator = nullptr;
    Channel::DoDispose();
}

void
OfdmaChannel::Attach(Ptr<OfdmaNetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_UNLESS(device, "OfdmaChannel::Attach: null device");
    if (device->GetRole() == OfdmaNetDevice::BASE_STATION)
    {
        NS_ABORT_MSG_IF(m_baseStation && m_baseStation != device,
                        "OfdmaChannel: a cell has one base station; this one already has "
                            << m_baseStation->GetAddress());
        m_baseStation = device;
        return;
    }
    m_terminals.push_back(device);
    m_byAddress[Mac48Address::ConvertFrom(device->GetAddress())] = device;
    m_backlogged += device->IsBacklogged() ? 1 : 0;
}

std::size_t
OfdmaChannel::GetNDevices() const
{
    return m_terminals.size() + (m_baseStation ? 1 : 0);
}

Ptr<NetDevice>
OfdmaChannel::GetDevice(std::size_t i) const
{
    if (m_baseStation)
    {
        if (i == 0)
        {
            return m_baseStation;
        }
        --i;
    }
    NS_ABORT_MSG_UNLESS(i < m_terminals.size(), "OfdmaChannel::GetDevice: index out of range");
    return m_terminals[i];
}

Ptr<OfdmaNetDevice>
OfdmaChannel::GetBaseStation() const
{
    return m_baseStation;
}

uint32_t
OfdmaChannel::GetNTerminals() const
{
    return static_cast<uint32_t>(m_terminals.size());
}

Ptr<OfdmaNetDevice>
OfdmaChannel::FindTerminal(Mac48Address address) const
{
    auto it = m_byAddress.find(address);
    if (it != m_byAddress.end() && it->second->GetAddress() == address)
    {
        return it->second;
    }
    // The address changed after Attach: fall back to a scan.
    for (const auto& terminal : m_terminals)
    {
        if (terminal->GetAddress() == address)
        {
            return terminal;
        }
    }
    return nullptr;
}

uint32_t
OfdmaChannel::GetUplinkRbCount() const
{
    return m_numRbs > 0 ? m_numRbs : GetNTerminals();
}

uint32_t
OfdmaChannel::GetHeldUplinkRbs() const
{
    return m_heldRbs;
}

uint32_t
OfdmaChannel::GetNWaitingForGrant() const
{
    return static_cast<uint32_t>(m_waiting.size());
}

double
OfdmaChannel::GetResourceBlockBandwidthHz() const
{
    return m_rbBandwidthHz;
}

double
OfdmaChannel::GetDownlinkBandwidthHz() const
{
    return m_downlinkBandwidthHz;
}

double
OfdmaChannel::DrawUplinkInterferenceW() const
{
    const double interferenceW = m_uplinkInterference->GetValue();
    NS_ABORT_MSG_UNLESS(interferenceW >= 0.0 && std::isfinite(interferenceW),
                        "OfdmaChannel: UplinkInterferencePerRb drew "
                            << interferenceW
                            << " W; interference must be finite and >= 0 W, so give that "
                               "attribute a random variable with non-negative values");
    return interferenceW;
}

void
OfdmaChannel::RedrawUplinkInterference()
{
    for (const auto& terminal : m_terminals)
    {
        m_interferenceW[PeekPointer(terminal)] = DrawUplinkInterferenceW();
    }
}

void
OfdmaChannel::SetUplinkInterferencePerRbW(Ptr<const OfdmaNetDevice> terminal, double interferenceW)
{
    NS_ABORT_MSG_IF(interferenceW < 0.0,
                    "OfdmaChannel: uplink interference must be >= 0 W, got " << interferenceW);
    m_interferenceW[PeekPointer(terminal)] = interferenceW;
}

double
OfdmaChannel::GetUplinkInterferencePerRbW(Ptr<const OfdmaNetDevice> terminal)
{
    auto it = m_interferenceW.find(PeekPointer(terminal));
    if (it == m_interferenceW.end())
    {
        it = m_interferenceW.emplace(PeekPointer(terminal), DrawUplinkInterferenceW()).first;
    }
    return it->second;
}

Ptr<MobilityModel>
OfdmaChannel::GetMobility(Ptr<const OfdmaNetDevice> device) const
{
    Ptr<Node> node = device->GetNode();
    Ptr<MobilityModel> mobility = node ? node->GetObject<MobilityModel>() : nullptr;
    NS_ABORT_MSG_UNLESS(mobility,
                        "OfdmaChannel: node " << (node ? node->GetId() : 0)
                                              << " has no MobilityModel; install one "
                                                 "(MobilityHelper) on every node of the cell");
    return mobility;
}

double
OfdmaChannel::ToSnr(double rxPowerDbm, double interferenceW, double bandwidthHz) const
{
    return Sinr(DbmToW(rxPowerDbm),
                interferenceW,
                NoisePowerW(m_noiseDensityDbmPerHz, bandwidthHz));
}

double
OfdmaChannel::CalcUplinkSnr(Ptr<const OfdmaNetDevice> terminal, uint32_t numRbs)
{
    NS_ABORT_MSG_UNLESS(m_baseStation, "OfdmaChannel: no base station attached");
    NS_ABORT_MSG_UNLESS(numRbs >= 1, "OfdmaChannel::CalcUplinkSnr: needs at least one RB");
    const double powerW = terminal->GetTxPowerW() / numRbs;
    if (powerW <= 0.0)
    {
        return 0.0;
    }
    const double rxDbm =
        m_loss->CalcRxPower(WToDbm(powerW), GetMobility(terminal), GetMobility(m_baseStation));
    return ToSnr(rxDbm, GetUplinkInterferencePerRbW(terminal), m_rbBandwidthHz);
}

double
OfdmaChannel::CalcDownlinkSnr(Ptr<const OfdmaNetDevice> terminal)
{
    NS_ABORT_MSG_UNLESS(m_baseStation, "OfdmaChannel: no base station attached");
    const double powerW = m_baseStation->GetTxPowerW();
    if (powerW <= 0.0)
    {
        return 0.0;
    }
    const double rxDbm =
        m_loss->CalcRxPower(WToDbm(powerW), GetMobility(m_baseStation), GetMobility(terminal));
    return ToSnr(rxDbm, m_downlinkInterferenceW, m_downlinkBandwidthHz);
}

int64_t
OfdmaChannel::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    m_uplinkInterference->SetStream(stream + used);
    ++used;
    used += m_loss->AssignStreams(stream + used);
    used += m_delay->AssignStreams(stream + used);
    return used;
}

void
OfdmaChannel::RequestUplinkGrant(Ptr<OfdmaNetDevice> terminal)
{
    NS_LOG_FUNCTION(this << terminal);
    m_waiting.push_back(terminal);
    m_askedAt[PeekPointer(terminal)] = Simulator::Now();
    ScheduleServe();
}

void
OfdmaChannel::CancelUplinkRequest(Ptr<OfdmaNetDevice> terminal)
{
    NS_LOG_FUNCTION(this << terminal);
    m_waiting.erase(std::remove(m_waiting.begin(), m_waiting.end(), terminal), m_waiting.end());
    m_askedAt.erase(PeekPointer(terminal));
    ScheduleServe();
}

void
OfdmaChannel::ReleaseUplinkRbs(Ptr<OfdmaNetDevice> terminal, uint32_t numRbs)
{
    NS_LOG_FUNCTION(this << terminal << numRbs);
    NS_ASSERT(numRbs <= m_heldRbs && m_holders > 0);
    m_heldRbs -= numRbs;
    --m_holders;
    ScheduleServe();
}

void
OfdmaChannel::ScheduleServe()
{
    if (!m_waiting.empty() && !m_serveEvent.IsRunning())
    {
        m_serveEvent = Simulator::ScheduleNow(&OfdmaChannel::ServeWaiting, this);
    }
}

void
OfdmaChannel::NotifyBacklogChanged(bool backlogged)
{
    NS_ASSERT(backlogged || m_backlogged > 0);
    m_backlogged = backlogged ? m_backlogged + 1 : m_backlogged - 1;
}

uint32_t
OfdmaChannel::CountBacklogged() const
{
    return m_backlogged;
}

void
OfdmaChannel::ServeWaiting()
{
    while (!m_waiting.empty())
    {
        const uint32_t total = GetUplinkRbCount();
        const uint32_t free = total > m_heldRbs ? total - m_heldRbs : 0;
        if (free == 0)
        {
            break;
        }
        Ptr<OfdmaNetDevice> terminal = m_waiting.front();
        const RbRequest request{terminal, free, total, std::max<uint32_t>(1, CountBacklogged())};
        const uint32_t granted = m_allocator->Allocate(request);
        if (granted == 0)
        {
            break;
        }
        m_waiting.pop_front();
        const Time waited = Simulator::Now() - m_askedAt[PeekPointer(terminal)];
        m_askedAt.erase(PeekPointer(terminal));
        m_heldRbs += granted;
        ++m_holders;
        terminal->StartTransmission(granted);
        m_grantTrace(terminal, granted, waited);
    }
}

OfdmaTransmission
OfdmaChannel::Plan(Ptr<OfdmaNetDevice> sender,
                   Mac48Address destination,
                   uint32_t numRbs,
                   uint32_t bits,
                   std::vector<OfdmaReception>& receivers)
{
    receivers.clear();
    OfdmaTransmission tx;
    tx.bits = bits;
    tx.txPowerW = sender->GetTxPowerW();
    if (sender->GetRole() == OfdmaNetDevice::TERMINAL)
    {
        tx.direction = OfdmaDirection::UPLINK;
        tx.numRbs = numRbs;
        tx.bandwidthHz = numRbs * m_rbBandwidthHz;
        if (m_baseStation)
        {
            tx.snr = CalcUplinkSnr(sender, numRbs);
            receivers.push_back(OfdmaReception{m_baseStation, tx.snr});
        }
    }
    else
    {
        tx.direction = OfdmaDirection::DOWNLINK;
        tx.bandwidthHz = m_downlinkBandwidthHz;
        if (destination.IsBroadcast() || destination.IsGroup())
        {
            double weakest = std::numeric_limits<double>::infinity();
            for (const auto& terminal : m_terminals)
            {
                const double snr = CalcDownlinkSnr(terminal);
                weakest = std::min(weakest, snr);
                receivers.push_back(OfdmaReception{terminal, snr});
            }
            tx.snr = receivers.empty() ? 0.0 : weakest;
        }
        else if (Ptr<OfdmaNetDevice> terminal = FindTerminal(destination))
        {
            tx.snr = CalcDownlinkSnr(terminal);
            receivers.push_back(OfdmaReception{terminal, tx.snr});
        }
    }
    tx.rateBps = ShannonRateBps(tx.bandwidthHz, tx.snr);
    if (!(tx.rateBps > 0.0))
    {
        receivers.clear(); // no usable signal: nobody can receive it
        return tx;
    }
    tx.airtime = Seconds(bits / tx.rateBps);
    return tx;
}

void
OfdmaChannel::Deliver(Ptr<OfdmaNetDevice> sender,
                      Ptr<const Packet> packet,
                      const OfdmaTransmission& tx,
                      const std::vector<OfdmaReception>& receivers)
{
    Ptr<MobilityModel> from = GetMobility(sender);
    for (const auto& reception : receivers)
    {
        const Time delay = m_delay->GetDelay(from, GetMobility(reception.receiver));
        Simulator::ScheduleWithContext(reception.receiver->GetNode()->GetId(),
                                       delay,
                                       &OfdmaNetDevice::Receive,
                                       reception.receiver,
                                       packet->Copy(),
                                       tx,
                                       reception.snr,
                                       sender);
    }
}

} // namespace edgedml
} // namespace ns3
