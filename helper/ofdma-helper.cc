/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-helper.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/waterfall-error-model.h"

#include <set>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("OfdmaHelper");

OfdmaHelper::OfdmaHelper()
    : m_errorModelEnabled(true)
{
    m_channelFactory.SetTypeId(OfdmaChannel::GetTypeId());
    m_terminalFactory.SetTypeId(OfdmaNetDevice::GetTypeId());
    m_baseStationFactory.SetTypeId(OfdmaNetDevice::GetTypeId());
    m_baseStationFactory.Set("TxPowerW", DoubleValue(1.0));
    m_allocatorFactory.SetTypeId("ns3::edgedml::EqualShareRbAllocator");
    m_lossFactories.emplace_back("ns3::LogDistancePropagationLossModel",
                                 "Exponent",
                                 DoubleValue(2.0),
                                 "ReferenceDistance",
                                 DoubleValue(1.0),
                                 "ReferenceLoss",
                                 DoubleValue(0.0));
    m_delayFactory.SetTypeId("ns3::ConstantSpeedPropagationDelayModel");
    m_errorModelFactory.SetTypeId(WaterfallErrorModel::GetTypeId());
    m_queueFactory =
        ObjectFactory("ns3::DropTailQueue<Packet>", "MaxSize", QueueSizeValue(QueueSize("1000p")));
}

OfdmaHelper::~OfdmaHelper() = default;

void
OfdmaHelper::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_channelFactory.Set(name, value);
}

void
OfdmaHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_terminalFactory.Set(name, value);
    m_baseStationFactory.Set(name, value);
}

void
OfdmaHelper::SetTerminalAttribute(const std::string& name, const AttributeValue& value)
{
    m_terminalFactory.Set(name, value);
}

void
OfdmaHelper::SetBaseStationAttribute(const std::string& name, const AttributeValue& value)
{
    m_baseStationFactory.Set(name, value);
}

void
OfdmaHelper::DisableErrorModel()
{
    m_errorModelEnabled = false;
}

Ptr<OfdmaChannel>
OfdmaHelper::CreateChannel() const
{
    Ptr<OfdmaChannel> channel = m_channelFactory.Create<OfdmaChannel>();
    NS_ABORT_MSG_IF(m_lossFactories.empty(), "OfdmaHelper: no propagation loss model");
    Ptr<PropagationLossModel> first;
    Ptr<PropagationLossModel> last;
    for (const auto& factory : m_lossFactories)
    {
        Ptr<PropagationLossModel> model = factory.Create<PropagationLossModel>();
        if (last)
        {
            last->SetNext(model);
        }
        else
        {
            first = model;
        }
        last = model;
    }
    channel->SetAttribute("PropagationLossModel", PointerValue(first));
    channel->SetAttribute("PropagationDelayModel",
                          PointerValue(m_delayFactory.Create<PropagationDelayModel>()));
    channel->SetAttribute("RbAllocator", PointerValue(m_allocatorFactory.Create<RbAllocator>()));
    return channel;
}

Ptr<OfdmaNetDevice>
OfdmaHelper::InstallDevice(Ptr<Node> node,
                           OfdmaNetDevice::Role role,
                           Ptr<OfdmaChannel> channel) const
{
    const ObjectFactory& factory =
        role == OfdmaNetDevice::BASE_STATION ? m_baseStationFactory : m_terminalFactory;
    Ptr<OfdmaNetDevice> device = factory.Create<OfdmaNetDevice>();
    device->SetRole(role);
    device->SetAddress(Mac48Address::Allocate());
    Ptr<Queue<Packet>> queue = m_queueFactory.Create<Queue<Packet>>();
    device->SetQueue(queue);
    if (m_errorModelEnabled)
    {
        device->SetReceiveErrorModel(m_errorModelFactory.Create<ErrorModel>());
    }
    node->AddDevice(device);
    device->SetChannel(channel);
    // Flow control towards the traffic-control layer, as ns-3's own helpers do.
    Ptr<NetDeviceQueueInterface> queueInterface = CreateObject<NetDeviceQueueInterface>();
    queueInterface->GetTxQueue(0)->ConnectQueueTraces(queue);
    device->AggregateObject(queueInterface);
    return device;
}

NetDeviceContainer
OfdmaHelper::Install(Ptr<Node> baseStation, NodeContainer terminals) const
{
    return Install(baseStation, terminals, CreateChannel());
}

NetDeviceContainer
OfdmaHelper::Install(Ptr<Node> baseStation,
                     NodeContainer terminals,
                     Ptr<OfdmaChannel> channel) const
{
    NetDeviceContainer devices;
    devices.Add(InstallDevice(baseStation, OfdmaNetDevice::BASE_STATION, channel));
    for (auto it = terminals.Begin(); it != terminals.End(); ++it)
    {
        devices.Add(InstallDevice(*it, OfdmaNetDevice::TERMINAL, channel));
    }
    return devices;
}

int64_t
OfdmaHelper::AssignStreams(NetDeviceContainer devices, int64_t stream)
{
    int64_t used = 0;
    std::set<Ptr<OfdmaChannel>> channels;
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        Ptr<OfdmaNetDevice> device = DynamicCast<OfdmaNetDevice>(*it);
        if (!device)
        {
            continue;
        }
        used += device->AssignStreams(stream + used);
        Ptr<OfdmaChannel> channel = DynamicCast<OfdmaChannel>(device->GetChannel());
        if (channel && channels.insert(channel).second)
        {
            used += channel->AssignStreams(stream + used);
        }
    }
    return used;
}

void
OfdmaHelper::EnablePcapInternal(std::string prefix,
                                Ptr<NetDevice> nd,
                                bool promiscuous,
                                bool explicitFilename)
{
    Ptr<OfdmaNetDevice> device = DynamicCast<OfdmaNetDevice>(nd);
    if (!device)
    {
        NS_LOG_INFO("OfdmaHelper::EnablePcapInternal: not an OfdmaNetDevice, skipped");
        return;
    }
    PcapHelper pcapHelper;
    const std::string filename =
        explicitFilename ? prefix : pcapHelper.GetFilenameFromDevice(prefix, device);
    Ptr<PcapFileWrapper> file =
        pcapHelper.CreateFile(filename, std::ios::out, PcapHelper::DLT_EN10MB);
    pcapHelper.HookDefaultSink<OfdmaNetDevice>(device,
                                               promiscuous ? "PromiscSniffer" : "Sniffer",
                                               file);
}

} // namespace edgedml
} // namespace ns3
