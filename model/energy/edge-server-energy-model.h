/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_EDGE_SERVER_ENERGY_MODEL_H
#define EDGE_DML_EDGE_SERVER_ENERGY_MODEL_H

#include "ns3/basic-energy-source.h"
#include "ns3/device-energy-model.h"
#include "ns3/energy-source.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <array>
#include <map>
#include <string>

namespace ns3
{
namespace edgedml
{

struct OfdmaTransmission;

/**
 * \ingroup edge-dml
 * \brief What an edge server spends energy on.
 */
enum class EnergyActivity
{
    COMPUTE = 0,  //!< local training computation
    TRANSMIT = 1, //!< radio transmission attempts
    TASK = 2,     //!< crowdsourcing task execution (the system model, "Task scheduling")
};

/// Number of EnergyActivity values.
constexpr std::size_t ENERGY_ACTIVITY_COUNT = 3;

/**
 * \param activity an activity
 * \return its name, e.g. "Compute"
 */
std::string ToString(EnergyActivity activity);

/**
 * \ingroup edge-dml
 * \brief Energy of one edge server (the system model, "Energy"), as an ns-3
 * DeviceEnergyModel attached to an EnergySource.
 *
 * The model draws power from its source while activities run; each activity
 * has a kind and a constant power, and several may overlap (the draw is their
 * sum). Energies therefore integrate exactly:
 * - training compute at CPU frequency f: power gamma_T f^3 for cycles / f
 *   seconds, i.e. E_cmp = gamma_T * cycles * f^2 (StartCompute);
 * - transmission: power p for each attempt's airtime, i.e. E_tx = p * airtime,
 *   every attempt counted (NotifyTxBegin / NotifyTxAbort, connected to the
 *   device's PhyTxBegin / PhyTxAbort traces by EdgeServerEnergyModelHelper);
 * - task execution and any other load: StartActivity with its power.
 *
 * The current drawn is power / supply voltage. On a BasicEnergySource, after
 * every change the model schedules an update of the source at the instant its
 * own draw would take the source to its depletion threshold, so depletion is
 * detected when it happens, not at the source's next periodic update. On depletion every
 * activity stops, the Depleted trace fires and the depletion callback (the
 * edge server going offline) runs.
 */
class EdgeServerEnergyModel : public DeviceEnergyModel
{
  public:
    /// Identifies a running activity; 0 is never used.
    using ActivityId = uint64_t;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeServerEnergyModel();
    ~EdgeServerEnergyModel() override;

    /**
     * \brief Start drawing a constant power.
     * \param kind what the energy is spent on
     * \param powerW the power, in W (>= 0)
     * \param duration how long; Time::Max() until StopActivity
     * \return the activity's id, or 0 if the source is depleted (nothing started)
     */
    ActivityId StartActivity(EnergyActivity kind, double powerW, Time duration = Time::Max());
    /**
     * \brief Stop an activity early (unknown or finished ids are ignored).
     * \param id the activity
     */
    void StopActivity(ActivityId id);
    /// \return whether the activity still runs \param id the activity
    bool IsActive(ActivityId id) const;

    /**
     * \param cpuHz CPU frequency, in Hz
     * \return the training compute power gamma_T f^3, in W
     */
    double GetComputePowerW(double cpuHz) const;
    /**
     * \param cycles CPU cycles
     * \param cpuHz CPU frequency, in Hz
     * \return the training compute energy gamma_T * cycles * f^2, in J
     */
    double GetComputeEnergyJ(double cycles, double cpuHz) const;
    /**
     * \brief Draw the compute power for cycles / f seconds.
     * \param cycles CPU cycles
     * \param cpuHz CPU frequency, in Hz (> 0)
     * \return the activity's id, or 0 if depleted
     */
    ActivityId StartCompute(double cycles, double cpuHz);

    /**
     * \brief A transmission attempt started (PhyTxBegin trace sink).
     * \param packet the packet
     * \param tx the attempt
     */
    void NotifyTxBegin(Ptr<const Packet> packet, const OfdmaTransmission& tx);
    /**
     * \brief The attempt on the air was aborted (PhyTxAbort trace sink).
     * \param packet the packet
     * \param tx the attempt
     */
    void NotifyTxAbort(Ptr<const Packet> packet, const OfdmaTransmission& tx);

    /**
     * \param kind an activity kind
     * \return the energy spent on it so far, in J
     */
    double GetEnergyJ(EnergyActivity kind) const;
    /// \return the power drawn now, in W
    double GetPowerW() const;
    /// \return whether the source is depleted
    bool IsDepleted() const;

    /// \param callback called when the source is depleted
    void SetDepletionCallback(Callback<void> callback);
    /// \param callback called when the source is recharged
    void SetRechargedCallback(Callback<void> callback);

    // DeviceEnergyModel
    void SetEnergySource(Ptr<EnergySource> source) override;
    double GetTotalEnergyConsumption() const override;
    void ChangeState(int newState) override;
    void HandleEnergyDepletion() override;
    void HandleEnergyRecharged() override;
    void HandleEnergyChanged() override;

  private:
    void DoDispose() override;
    double DoGetCurrentA() const override;

    /// A running activity.
    struct Activity
    {
        EnergyActivity kind; //!< what it is
        double powerW;       //!< its power, in W
        EventId end;         //!< its scheduled end, if any
    };

    /// Add the energy of the running activities since the last update.
    void Integrate();
    /// Let the source account for the draw so far (before the draw changes).
    void UpdateSource();
    /// Schedule the source update at the predicted depletion instant.
    void ScheduleDepletionCheck();

    Ptr<EnergySource> m_source;                  //!< the energy source
    Ptr<BasicEnergySource> m_basicSource;        //!< the source, when a BasicEnergySource
    double m_trainingCapacitance;                //!< gamma_T, in J s^2 / cycle
    std::map<ActivityId, Activity> m_activities; //!< running activities
    ActivityId m_lastId;                         //!< last id handed out
    ActivityId m_txActivity;                     //!< the running transmission, or 0
    std::array<double, ENERGY_ACTIVITY_COUNT>
        m_energyJ;                      //!< energy per kind up to m_lastUpdate, in J
    TracedValue<double> m_totalEnergyJ; //!< total energy up to m_lastUpdate, in J
    Time m_lastUpdate;                  //!< time of the last integration
    bool m_depleted;                    //!< whether the source is depleted
    EventId m_depletionCheck;           //!< predicted depletion instant
    Callback<void> m_depletionCallback; //!< on depletion
    Callback<void> m_rechargedCallback; //!< on recharge
    TracedCallback<> m_depletedTrace;   //!< fired on depletion
    TracedCallback<> m_rechargedTrace;  //!< fired on recharge
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_EDGE_SERVER_ENERGY_MODEL_H */
