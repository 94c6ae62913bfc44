/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-server.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/edge-server-energy-model.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/ofdma-net-device.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("EdgeServer");
NS_OBJECT_ENSURE_REGISTERED(EdgeServer);

TypeId
EdgeServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::EdgeServer")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<EdgeServer>()
            .AddAttribute("Samples",
                          "Local training sample count s_i (EdgeServerHelper draws it from "
                          "U{100, 200, ..., 600} by default).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&EdgeServer::m_samples),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("CpuFrequencyHz",
                          "CPU frequency f_i, in Hz (>= 1; EdgeServerHelper draws it from "
                          "U[1, 3] GHz by default).",
                          DoubleValue(2e9),
                          MakeDoubleAccessor(&EdgeServer::m_cpuFrequencyHz),
                          MakeDoubleChecker<double>(1.0, 1e15))
            .AddTraceSource("Online",
                            "Whether the edge server is online.",
                            MakeTraceSourceAccessor(&EdgeServer::m_online),
                            "ns3::TracedValueCallback::Bool")
            .AddTraceSource("Busy",
                            "Whether the edge server is busy with a task.",
                            MakeTraceSourceAccessor(&EdgeServer::m_busy),
                            "ns3::TracedValueCallback::Bool")
            .AddTraceSource("ComputeStart",
                            "A computation started.",
                            MakeTraceSourceAccessor(&EdgeServer::m_computeStartTrace),
                            "ns3::edgedml::EdgeServer::ComputeTracedCallback")
            .AddTraceSource("ComputeEnd",
                            "A computation finished.",
                            MakeTraceSourceAccessor(&EdgeServer::m_computeEndTrace),
                            "ns3::edgedml::EdgeServer::ComputeTracedCallback")
            .AddTraceSource("ComputeAbort",
                            "A computation was aborted because the server went offline; the "
                            "time is how long it had run.",
                            MakeTraceSourceAccessor(&EdgeServer::m_computeAbortTrace),
                            "ns3::edgedml::EdgeServer::ComputeTracedCallback");
    return tid;
}

EdgeServer::EdgeServer()
    : m_samples(100),
      m_cpuFrequencyHz(2e9),
      m_online(true),
      m_busy(false),
      m_computeCycles(0.0),
      m_computeActivity(0)
{
}

EdgeServer::~EdgeServer() = default;

void
EdgeServer::DoDispose()
{
    m_computeEnd.Cancel();
    m_computeDone = MakeNullCallback<void>();
    if (m_energyModel)
    {
        m_energyModel->SetDepletionCallback(MakeNullCallback<void>());
        m_energyModel->SetRechargedCallback(MakeNullCallback<void>());
    }
    m_energyModel = nullptr;
    Object::DoDispose();
}

uint32_t
EdgeServer::GetSamples() const
{
    return m_samples;
}

void
EdgeServer::SetSamples(uint32_t samples)
{
    m_samples = samples;
}

double
EdgeServer::GetCpuFrequencyHz() const
{
    return m_cpuFrequencyHz;
}

double
EdgeServer::GetTxPowerW() const
{
    Ptr<Node> node = GetObject<Node>();
    if (!node)
    {
        return 0.0;
    }
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        if (auto device = DynamicCast<OfdmaNetDevice>(node->GetDevice(i)))
        {
            return device->GetTxPowerW();
        }
    }
    return 0.0;
}

bool
EdgeServer::IsOnline() const
{
    return m_online;
}

void
EdgeServer::SetOnline(bool online)
{
    NS_LOG_FUNCTION(this << online);
    if (online == m_online)
    {
        return;
    }
    if (!online && m_computeEnd.IsRunning())
    {
        const Time ran = GetComputeTime(m_computeCycles) - Simulator::GetDelayLeft(m_computeEnd);
        m_computeEnd.Cancel();
        if (m_energyModel)
        {
            m_energyModel->StopActivity(m_computeActivity);
        }
        m_computeDone = MakeNullCallback<void>();
        m_computeAbortTrace(m_computeCycles, ran);
    }
    m_online = online;
    if (Ptr<Node> node = GetObject<Node>())
    {
        for (uint32_t i = 0; i < node->GetNDevices(); ++i)
        {
            if (auto device = DynamicCast<OfdmaNetDevice>(node->GetDevice(i)))
            {
                device->SetLinkUp(online);
            }
        }
    }
}

bool
EdgeServer::IsBusy() const
{
    return m_busy;
}

void
EdgeServer::SetBusy(bool busy)
{
    m_busy = busy;
}

Time
EdgeServer::GetComputeTime(double cycles) const
{
    return Seconds(cycles / m_cpuFrequencyHz);
}

bool
EdgeServer::Compute(double cycles, Callback<void> done)
{
    NS_LOG_FUNCTION(this << cycles);
    NS_ABORT_MSG_IF(cycles < 0.0, "EdgeServer::Compute: cycles must be >= 0, got " << cycles);
    if (!m_online || m_computeEnd.IsRunning())
    {
        return false;
    }
    const Time duration = GetComputeTime(cycles);
    if (m_energyModel)
    {
        // Accounting for the draw so far may find the source depleted, which
        // takes this server offline: then nothing starts.
        m_computeActivity = m_energyModel->StartCompute(cycles, m_cpuFrequencyHz);
        if (m_computeActivity == 0 || !m_online)
        {
            return false;
        }
    }
    m_computeCycles = cycles;
    m_computeDone = done;
    m_computeEnd = Simulator::Schedule(duration, &EdgeServer::ComputeDone, this);
    m_computeStartTrace(cycles, duration);
    return true;
}

bool
EdgeServer::IsComputing() const
{
    return m_computeEnd.IsRunning();
}

void
EdgeServer::ComputeDone()
{
    NS_LOG_FUNCTION(this);
    m_computeEndTrace(m_computeCycles, GetComputeTime(m_computeCycles));
    Callback<void> done = m_computeDone;
    m_computeDone = MakeNullCallback<void>();
    if (!done.IsNull())
    {
        done();
    }
}

void
EdgeServer::SetEnergyModel(Ptr<EdgeServerEnergyModel> model)
{
    m_energyModel = model;
}

Ptr<EdgeServerEnergyModel>
EdgeServer::GetEnergyModel() const
{
    return m_energyModel;
}

} // namespace edgedml
} // namespace ns3
