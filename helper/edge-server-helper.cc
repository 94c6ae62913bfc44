/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-server-helper.h"

#include "ns3/abort.h"
#include "ns3/double.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

EdgeServerHelper::EdgeServerHelper()
{
    m_factory.SetTypeId(EdgeServer::GetTypeId());
    // U{100, 200, ..., 600}: a step CDF over the six values.
    auto samples = CreateObject<EmpiricalRandomVariable>();
    samples->SetInterpolate(false);
    for (int k = 1; k <= 6; ++k)
    {
        samples->CDF(100.0 * k, k / 6.0);
    }
    m_samples = samples;
    auto cpuHz = CreateObject<UniformRandomVariable>();
    cpuHz->SetAttribute("Min", DoubleValue(1e9));
    cpuHz->SetAttribute("Max", DoubleValue(3e9));
    m_cpuHz = cpuHz;
}

void
EdgeServerHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
EdgeServerHelper::SetSamplesVariable(Ptr<RandomVariableStream> samples)
{
    m_samples = samples;
}

void
EdgeServerHelper::SetCpuFrequencyVariable(Ptr<RandomVariableStream> cpuHz)
{
    m_cpuHz = cpuHz;
}

std::vector<Ptr<EdgeServer>>
EdgeServerHelper::Install(NodeContainer nodes) const
{
    std::vector<Ptr<EdgeServer>> servers;
    servers.reserve(nodes.GetN());
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<Node> node = *it;
        NS_ABORT_MSG_IF(node->GetObject<EdgeServer>(),
                        "EdgeServerHelper: node " << node->GetId() << " already has an EdgeServer");
        Ptr<EdgeServer> server = m_factory.Create<EdgeServer>();
        if (m_samples)
        {
            const double samples = std::round(m_samples->GetValue());
            NS_ABORT_MSG_IF(samples < 0.0 || samples > 4294967295.0,
                            "EdgeServerHelper: drew " << samples << " samples for node "
                                                      << node->GetId()
                                                      << "; the samples variable must give "
                                                         "counts in [0, 2^32)");
            server->SetSamples(static_cast<uint32_t>(samples));
        }
        if (m_cpuHz)
        {
            const double cpuHz = m_cpuHz->GetValue();
            NS_ABORT_MSG_UNLESS(cpuHz >= 1.0,
                                "EdgeServerHelper: drew a CPU frequency of "
                                    << cpuHz << " Hz for node " << node->GetId()
                                    << "; the frequency variable must give values >= 1 Hz");
            server->SetAttribute("CpuFrequencyHz", DoubleValue(cpuHz));
        }
        node->AggregateObject(server);
        servers.push_back(server);
    }
    return servers;
}

int64_t
EdgeServerHelper::AssignStreams(int64_t stream)
{
    if (m_samples)
    {
        m_samples->SetStream(stream);
    }
    if (m_cpuHz)
    {
        m_cpuHz->SetStream(stream + 1);
    }
    return 2;
}

} // namespace edgedml
} // namespace ns3
