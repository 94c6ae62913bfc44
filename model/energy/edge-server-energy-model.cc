/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "edge-server-energy-model.h"

#include "ns3/abort.h"
#include "ns3/basic-energy-source.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/ofdma-transmission.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("EdgeServerEnergyModel");
NS_OBJECT_ENSURE_REGISTERED(EdgeServerEnergyModel);

std::string
ToString(EnergyActivity activity)
{
    switch (activity)
    {
    case EnergyActivity::COMPUTE:
        return "Compute";
    case EnergyActivity::TRANSMIT:
        return "Transmit";
    case EnergyActivity::TASK:
        return "Task";
    }
    return "Unknown";
}

TypeId
EdgeServerEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::EdgeServerEnergyModel")
            .SetParent<DeviceEnergyModel>()
            .SetGroupName("EdgeDml")
            .AddConstructor<EdgeServerEnergyModel>()
            .AddAttribute("TrainingCapacitanceJs2PerCycle",
                          "Effective switched capacitance gamma_T of training compute, in "
                          "J s^2 per cycle: E_cmp = gamma_T * cycles * f^2.",
                          DoubleValue(1e-27),
                          MakeDoubleAccessor(&EdgeServerEnergyModel::m_trainingCapacitance),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddTraceSource("TotalEnergyConsumption",
                            "Total energy consumed, in J (updated when the draw changes).",
                            MakeTraceSourceAccessor(&EdgeServerEnergyModel::m_totalEnergyJ),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("Depleted",
                            "The energy source is depleted; the edge server goes offline.",
                            MakeTraceSourceAccessor(&EdgeServerEnergyModel::m_depletedTrace),
                            "ns3::TracedCallback::Void")
            .AddTraceSource("Recharged",
                            "The energy source is recharged.",
                            MakeTraceSourceAccessor(&EdgeServerEnergyModel::m_rechargedTrace),
                            "ns3::TracedCallback::Void");
    return tid;
}

EdgeServerEnergyModel::EdgeServerEnergyModel()
    : m_trainingCapacitance(1e-27),
      m_lastId(0),
      m_txActivity(0),
      m_energyJ{},
      m_totalEnergyJ(0.0),
      m_depleted(false)
{
}

EdgeServerEnergyModel::~EdgeServerEnergyModel() = default;

void
EdgeServerEnergyModel::DoDispose()
{
    for (auto& entry : m_activities)
    {
        entry.second.end.Cancel();
    }
    m_activities.clear();
    m_depletionCheck.Cancel();
    m_source = nullptr;
    m_basicSource = nullptr;
    m_depletionCallback = MakeNullCallback<void>();
    m_rechargedCallback = MakeNullCallback<void>();
    DeviceEnergyModel::DoDispose();
}

void
EdgeServerEnergyModel::SetEnergySource(Ptr<EnergySource> source)
{
    NS_LOG_FUNCTION(this << source);
    m_source = source;
    m_basicSource = DynamicCast<BasicEnergySource>(source);
}

void
EdgeServerEnergyModel::Integrate()
{
    const Time now = Simulator::Now();
    const double dt = (now - m_lastUpdate).GetSeconds();
    m_lastUpdate = now;
    if (dt <= 0.0 || m_activities.empty())
    {
        return;
    }
    double total = 0.0;
    for (const auto& entry : m_activities)
    {
        const double energy = entry.second.powerW * dt;
        m_energyJ[static_cast<std::size_t>(entry.second.kind)] += energy;
        total += energy;
    }
    m_totalEnergyJ += total;
}

void
EdgeServerEnergyModel::UpdateSource()
{
    Integrate();
    if (m_source)
    {
        m_source->UpdateEnergySource(); // may call HandleEnergyDepletion
    }
}

EdgeServerEnergyModel::ActivityId
EdgeServerEnergyModel::StartActivity(EnergyActivity kind, double powerW, Time duration)
{
    NS_LOG_FUNCTION(this << ToString(kind) << powerW << duration);
    NS_ABORT_MSG_IF(powerW < 0.0 || !std::isfinite(powerW),
                    "EdgeServerEnergyModel: activity power must be a finite value >= 0 W, got "
                        << powerW);
    NS_ABORT_MSG_IF(duration.IsNegative(),
                    "EdgeServerEnergyModel: activity duration must be >= 0, got " << duration);
    if (m_depleted)
    {
        return 0;
    }
    UpdateSource();
    if (m_depleted)
    {
        return 0;
    }
    const ActivityId id = ++m_lastId;
    Activity activity{kind, powerW, EventId()};
    if (duration != Time::Max())
    {
        activity.end =
            Simulator::Schedule(duration, &EdgeServerEnergyModel::StopActivity, this, id);
    }
    m_activities.emplace(id, activity);
    ScheduleDepletionCheck();
    return id;
}

void
EdgeServerEnergyModel::StopActivity(ActivityId id)
{
    NS_LOG_FUNCTION(this << id);
    if (m_activities.find(id) == m_activities.end())
    {
        return;
    }
    UpdateSource();
    auto it = m_activities.find(id); // a depletion may have cleared it
    if (it != m_activities.end())
    {
        it->second.end.Cancel();
        m_activities.erase(it);
    }
    ScheduleDepletionCheck();
}

bool
EdgeServerEnergyModel::IsActive(ActivityId id) const
{
    return m_activities.find(id) != m_activities.end();
}

double
EdgeServerEnergyModel::GetComputePowerW(double cpuHz) const
{
    return m_trainingCapacitance * cpuHz * cpuHz * cpuHz;
}

double
EdgeServerEnergyModel::GetComputeEnergyJ(double cycles, double cpuHz) const
{
    return m_trainingCapacitance * cycles * cpuHz * cpuHz;
}

EdgeServerEnergyModel::ActivityId
EdgeServerEnergyModel::StartCompute(double cycles, double cpuHz)
{
    NS_ABORT_MSG_IF(!(cpuHz > 0.0), "EdgeServerEnergyModel: CPU frequency must be > 0 Hz");
    NS_ABORT_MSG_IF(cycles < 0.0, "EdgeServerEnergyModel: cycles must be >= 0");
    return StartActivity(EnergyActivity::COMPUTE, GetComputePowerW(cpuHz), Seconds(cycles / cpuHz));
}

void
EdgeServerEnergyModel::NotifyTxBegin(Ptr<const Packet> /* packet */, const OfdmaTransmission& tx)
{
    StopActivity(m_txActivity);
    m_txActivity = StartActivity(EnergyActivity::TRANSMIT, tx.txPowerW, tx.airtime);
}

void
EdgeServerEnergyModel::NotifyTxAbort(Ptr<const Packet> /* packet */,
                                     const OfdmaTransmission& /* tx */)
{
    StopActivity(m_txActivity);
    m_txActivity = 0;
}

double
EdgeServerEnergyModel::GetEnergyJ(EnergyActivity kind) const
{
    const double dt = (Simulator::Now() - m_lastUpdate).GetSeconds();
    double energy = m_energyJ[static_cast<std::size_t>(kind)];
    for (const auto& entry : m_activities)
    {
        if (entry.second.kind == kind)
        {
            energy += entry.second.powerW * dt;
        }
    }
    return energy;
}

double
EdgeServerEnergyModel::GetPowerW() const
{
    double power = 0.0;
    for (const auto& entry : m_activities)
    {
        power += entry.second.powerW;
    }
    return power;
}

bool
EdgeServerEnergyModel::IsDepleted() const
{
    return m_depleted;
}

void
EdgeServerEnergyModel::SetDepletionCallback(Callback<void> callback)
{
    m_depletionCallback = callback;
}

void
EdgeServerEnergyModel::SetRechargedCallback(Callback<void> callback)
{
    m_rechargedCallback = callback;
}

double
EdgeServerEnergyModel::GetTotalEnergyConsumption() const
{
    return m_totalEnergyJ + GetPowerW() * (Simulator::Now() - m_lastUpdate).GetSeconds();
}

void
EdgeServerEnergyModel::ChangeState(int newState)
{
    NS_LOG_WARN("EdgeServerEnergyModel has no states; use StartActivity (ignored state " << newState
                                                                                         << ")");
}

void
EdgeServerEnergyModel::ScheduleDepletionCheck()
{
    // Remove, not Cancel: a cancelled far-future check would stay in the
    // event list, which then grows by one event per packet and slows every
    // insertion (MapScheduler) for the rest of the run.
    Simulator::Remove(m_depletionCheck);
    const double powerW = GetPowerW();
    if (!m_source || m_depleted || powerW <= 0.0)
    {
        return;
    }
    // Only BasicEnergySource's depletion rule is known: remaining energy at or
    // below a fraction of the initial energy. Other sources detect depletion
    // in their own updates.
    BasicEnergySource* basic = PeekPointer(m_basicSource);
    if (!basic)
    {
        return;
    }
    // Read at every check: the threshold is an attribute a script may change.
    static const TypeId basicTid = BasicEnergySource::GetTypeId();
    static const Ptr<const AttributeAccessor> threshold = [] {
        TypeId::AttributeInformation info;
        NS_ABORT_UNLESS(basicTid.LookupAttributeByName("BasicEnergyLowBatteryThreshold", &info));
        return info.accessor;
    }();
    DoubleValue fraction;
    threshold->Get(basic, fraction);
    const double spareJ = basic->GetRemainingEnergy() - fraction.Get() * basic->GetInitialEnergy();
    if (spareJ <= 0.0)
    {
        return; // at the threshold without depletion: leave it to the source
    }
    // BasicEnergySource removes round(P * dt) nJ per update (dt in ns, a Time
    // product), so the spare energy, in whole nJ, is gone once P * dt reaches
    // ceil(spare) - 0.5. W are nJ per ns.
    const double spareNj = std::ceil(spareJ * 1e9);
    const double delayNs = std::max(1.0, std::ceil((spareNj - 0.5) / powerW));
    if (delayNs > 1e18)
    {
        return; // beyond any simulated time: the source's own updates suffice
    }
    const Time when = NanoSeconds(static_cast<int64_t>(delayNs));
    m_depletionCheck = Simulator::Schedule(when, [this]() {
        UpdateSource();
        ScheduleDepletionCheck();
    });
}

void
EdgeServerEnergyModel::HandleEnergyDepletion()
{
    NS_LOG_FUNCTION(this);
    Integrate();
    m_depleted = true;
    for (auto& entry : m_activities)
    {
        entry.second.end.Cancel();
    }
    m_activities.clear();
    m_txActivity = 0;
    m_depletionCheck.Cancel();
    m_depletedTrace();
    if (!m_depletionCallback.IsNull())
    {
        m_depletionCallback();
    }
}

void
EdgeServerEnergyModel::HandleEnergyRecharged()
{
    NS_LOG_FUNCTION(this);
    Integrate();
    m_depleted = false;
    m_rechargedTrace();
    if (!m_rechargedCallback.IsNull())
    {
        m_rechargedCallback();
    }
}

void
EdgeServerEnergyModel::HandleEnergyChanged()
{
}

double
EdgeServerEnergyModel::DoGetCurrentA() const
{
    if (!m_source)
    {
        return 0.0;
    }
    return GetPowerW() / m_source->GetSupplyVoltage();
}

} // namespace edgedml
} // namespace ns3
