/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_EDGE_SERVER_H
#define EDGE_DML_EDGE_SERVER_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

namespace ns3
{
namespace edgedml
{

class EdgeServerEnergyModel;

/**
 * \ingroup edge-dml
 * \brief The state of one edge server (the system model, "Actors"), aggregated to its
 * ns-3 Node by EdgeServerHelper.
 *
 * Holds the local sample count s_i and CPU frequency f_i, the online and busy
 * flags, and runs computations (cycles / f_i seconds, charged to the node's
 * EdgeServerEnergyModel if one is attached). The transmit power p_i is a
 * radio property: OfdmaNetDevice::TxPowerW, read back by GetTxPowerW().
 *
 * Going offline (SetOnline(false), or depletion of the energy source) aborts
 * the running computation and takes every OfdmaNetDevice of the node down.
 */
class EdgeServer : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    EdgeServer();
    ~EdgeServer() override;

    /// \return the local sample count s_i
    uint32_t GetSamples() const;
    /// \param samples the local sample count s_i
    void SetSamples(uint32_t samples);
    /// \return the CPU frequency f_i, in Hz
    double GetCpuFrequencyHz() const;
    /// \return the transmit power of the node's first OFDMA device, in W (0 if none)
    double GetTxPowerW() const;

    /// \return whether the edge server is online
    bool IsOnline() const;
    /**
     * \brief Bring the edge server online or take it offline.
     * \param online the new state
     */
    void SetOnline(bool online);
    /// \return whether the edge server is busy with a task
    bool IsBusy() const;
    /// \param busy whether it is busy with a task
    void SetBusy(bool busy);

    /**
     * \param cycles CPU cycles
     * \return how long they take at f_i
     */
    Time GetComputeTime(double cycles) const;
    /**
     * \brief Run a computation; done is called when it ends.
     * \param cycles CPU cycles (>= 0)
     * \param done called at the end (not called if the server goes offline)
     * \return false (and nothing starts) if offline, already computing, or the
     *         energy source turns out to be depleted
     */
    bool Compute(double cycles, Callback<void> done);
    /// \return whether a computation runs
    bool IsComputing() const;

    /// \param model the energy model charged for computations (set by the helper)
    void SetEnergyModel(Ptr<EdgeServerEnergyModel> model);
    /// \return the energy model, or null
    Ptr<EdgeServerEnergyModel> GetEnergyModel() const;

    /**
     * TracedCallback signature for computations.
     * \param cycles the computation's CPU cycles
     * \param duration its duration
     */
    typedef void (*ComputeTracedCallback)(double cycles, Time duration);

  private:
    void DoDispose() override;
    /// The running computation ended.
    void ComputeDone();

    uint32_t m_samples;                       //!< local sample count s_i
    double m_cpuFrequencyHz;                  //!< CPU frequency f_i, in Hz
    TracedValue<bool> m_online;               //!< whether online
    TracedValue<bool> m_busy;                 //!< whether busy with a task
    Ptr<EdgeServerEnergyModel> m_energyModel; //!< energy model, if any
    EventId m_computeEnd;                     //!< end of the running computation
    double m_computeCycles;                   //!< cycles of the running computation
    uint64_t m_computeActivity;               //!< its energy activity id
    Callback<void> m_computeDone;             //!< its completion callback

    TracedCallback<double, Time> m_computeStartTrace; //!< computation started
    TracedCallback<double, Time> m_computeEndTrace;   //!< computation finished
    TracedCallback<double, Time> m_computeAbortTrace; //!< computation aborted (offline)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_EDGE_SERVER_H */
