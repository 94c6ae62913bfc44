/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-server-energy-model-helper.h"

#include "ns3/abort.h"
#include "ns3/edge-server-energy-model.h"
#include "ns3/edge-server.h"
#include "ns3/node.h"
#include "ns3/ofdma-net-device.h"

namespace ns3
{
namespace edgedml
{

EdgeServerEnergyModelHelper::EdgeServerEnergyModelHelper()
{
    m_factory.SetTypeId(EdgeServerEnergyModel::GetTypeId());
}

EdgeServerEnergyModelHelper::~EdgeServerEnergyModelHelper() = default;

void
EdgeServerEnergyModelHelper::Set(std::string name, const AttributeValue& v)
{
    m_factory.Set(name, v);
}

Ptr<DeviceEnergyModel>
EdgeServerEnergyModelHelper::DoInstall(Ptr<NetDevice> device, Ptr<EnergySource> source) const
{
    Ptr<OfdmaNetDevice> ofdma = DynamicCast<OfdmaNetDevice>(device);
    NS_ABORT_MSG_UNLESS(ofdma,
                        "EdgeServerEnergyModelHelper: device "
                            << device->GetInstanceTypeId().GetName()
                            << " is not an OfdmaNetDevice");
    NS_ABORT_MSG_UNLESS(source, "EdgeServerEnergyModelHelper: null energy source");
    Ptr<EdgeServerEnergyModel> model = m_factory.Create<EdgeServerEnergyModel>();
    model->SetEnergySource(source);
    source->AppendDeviceEnergyModel(model);
    ofdma->TraceConnectWithoutContext("PhyTxBegin",
                                      MakeCallback(&EdgeServerEnergyModel::NotifyTxBegin, model));
    ofdma->TraceConnectWithoutContext("PhyTxAbort",
                                      MakeCallback(&EdgeServerEnergyModel::NotifyTxAbort, model));
    if (Ptr<EdgeServer> server = device->GetNode()->GetObject<EdgeServer>())
    {
        server->SetEnergyModel(model);
        model->SetDepletionCallback(MakeCallback(&EdgeServer::SetOnline, server).Bind(false));
        model->SetRechargedCallback(MakeCallback(&EdgeServer::SetOnline, server).Bind(true));
    }
    return model;
}

} // namespace edgedml
} // namespace ns3
