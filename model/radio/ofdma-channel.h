/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_OFDMA_CHANNEL_H
#define EDGE_DML_OFDMA_CHANNEL_H

#include "ofdma-transmission.h"
#include "rb-allocator.h"

#include "ns3/channel.h"
#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/packet.h"
#include "ns3/propagation-delay-model.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <vector>

namespace ns3
{
namespace edgedml
{

class OfdmaNetDevice;

/**
 * \ingroup edge-dml
 * \brief One receiver of a planned transmission, with its SNR.
 */
struct OfdmaReception
{
    Ptr<OfdmaNetDevice> receiver; //!< the receiving device
    double snr;                   //!< linear SNR at that receiver
};

/**
 * \ingroup edge-dml
 * \brief The OFDMA-like cell of the system model, "Training link": one base station (the
 * parameter server) and many terminals (edge servers).
 *
 * - Uplink: NumResourceBlocks RBs of ResourceBlockBandwidthHz each. A terminal
 *   with a packet asks for a grant. Requests are served in an event scheduled
 *   for the current instant, so requests made by events already scheduled for
 *   that instant (e.g. every edge server starting a round at t) are decided
 *   together; in order of request, the RbAllocator decides how many RBs each
 *   gets now (knowing how many terminals are backlogged) or whether it waits
 *   for a transmission to end and free RBs. A grant holds its RBs for one
 *   packet.
 * - Link budget per attempt: power split evenly over the k granted RBs,
 *   per-RB SNR = (p/k) h / (I + B_RB N0) with h from the PropagationLossModel
 *   between the nodes' MobilityModels (evaluated per packet, so fading models
 *   are redrawn per packet) and I the terminal's per-RB interference; rate
 *   v = k B_RB log2(1 + SNR); airtime = bits / v; the packet reaches the base
 *   station airtime + propagation delay after the start. With k = 1 this is
 *   the system model's SNR = p h / (I + B N0).
 * - Downlink: one shared band of DownlinkBandwidthHz, one packet at a time,
 *   SNR = P h / (I_D + B_D N0) per terminal; unicast uses the destination's
 *   rate, broadcast the rate of the weakest attached terminal, and every
 *   receiver then applies its own loss law.
 * - Uplink interference I per terminal is drawn from UplinkInterferencePerRb
 *   at first use and again on each RedrawUplinkInterference() (default:
 *   once per ES per round; whatever drives the rounds calls it, e.g.
 *   edge-dml-uplink at every round start).
 */
class OfdmaChannel : public Channel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaChannel();
    ~OfdmaChannel() override;

    /**
     * \brief Attach a device; its role (OfdmaNetDevice::GetRole) decides
     * whether it is the base station (at most one) or a terminal.
     * \param device the device
     */
    void Attach(Ptr<OfdmaNetDevice> device);

    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

    /// \return the base station device, or null
    Ptr<OfdmaNetDevice> GetBaseStation() const;
    /// \return the number of attached terminals
    uint32_t GetNTerminals() const;
    /**
     * \param address a MAC address
     * \return the attached terminal with that address, or null
     */
    Ptr<OfdmaNetDevice> FindTerminal(Mac48Address address) const;

    /// \return the uplink RB count R (NumResourceBlocks, or one per terminal if 0)
    uint32_t GetUplinkRbCount() const;
    /// \return the uplink RBs held by transmissions now
    uint32_t GetHeldUplinkRbs() const;
    /// \return the terminals waiting for an uplink grant
    uint32_t GetNWaitingForGrant() const;
    /// \return the bandwidth of one uplink RB, in Hz
    double GetResourceBlockBandwidthHz() const;
    /// \return the downlink bandwidth, in Hz
    double GetDownlinkBandwidthHz() const;

    /**
     * \brief Draw a new per-RB uplink interference value for every terminal.
     */
    void RedrawUplinkInterference();
    /**
     * \brief Fix a terminal's per-RB uplink interference until the next redraw.
     * \param terminal an attached terminal
     * \param interferenceW interference power per RB, in W (>= 0)
     */
    void SetUplinkInterferencePerRbW(Ptr<const OfdmaNetDevice> terminal, double interferenceW);
    /**
     * \param terminal an attached terminal
     * \return its current per-RB uplink interference, in W (drawn if none yet)
     */
    double GetUplinkInterferencePerRbW(Ptr<const OfdmaNetDevice> terminal);

    /**
     * \brief The uplink SNR of a terminal on k RBs, with one fresh evaluation
     * of the propagation loss model.
     * \param terminal an attached terminal
     * \param numRbs RBs granted (>= 1)
     * \return linear per-RB SNR at the base station
     */
    double CalcUplinkSnr(Ptr<const OfdmaNetDevice> terminal, uint32_t numRbs);
    /**
     * \brief The downlink SNR at a terminal, with one fresh evaluation of the
     * propagation loss model.
     * \param terminal an attached terminal
     * \return linear SNR
     */
    double CalcDownlinkSnr(Ptr<const OfdmaNetDevice> terminal);

    /**
     * \brief Assign fixed random variable streams (interference draws, then
     * the propagation loss and delay models).
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for uplink grants.
     * \param device the terminal granted
     * \param numRbs the RBs granted
     * \param waited time since it asked
     */
    typedef void (*GrantTracedCallback)(Ptr<const NetDevice> device, uint32_t numRbs, Time waited);

    /// \name Interface for OfdmaNetDevice
    /// @{
    /**
     * \brief A terminal asks for uplink RBs; it is served in an event of the
     * current instant, or later, and OfdmaNetDevice::StartTransmission is
     * called on grant.
     * \param terminal the terminal
     */
    void RequestUplinkGrant(Ptr<OfdmaNetDevice> terminal);
    /**
     * \brief A terminal withdraws its pending request (it went down).
     * \param terminal the terminal
     */
    void CancelUplinkRequest(Ptr<OfdmaNetDevice> terminal);
    /**
     * \brief A terminal's transmission ended or was aborted; its RBs are free.
     * \param terminal the terminal
     * \param numRbs the RBs it held
     */
    void ReleaseUplinkRbs(Ptr<OfdmaNetDevice> terminal, uint32_t numRbs);

    /**
     * \brief Called by an attached terminal when it starts or stops having a
     * packet to send, so that the backlogged count is kept without a scan.
     * \param backlogged whether it has one now
     */
    void NotifyBacklogChanged(bool backlogged);
    /**
     * \brief Plan one transmission attempt: receivers, SNRs, rate and airtime.
     * \param sender the transmitting device
     * \param destination the MAC destination
     * \param numRbs RBs granted (uplink; ignored on the downlink)
     * \param bits bits on the air
     * \param[out] receivers the devices that will receive it, with their SNR
     * \return the transmission (id, attempt and delays are the sender's to fill);
     *         receivers is empty when nobody can receive it
     */
    OfdmaTransmission Plan(Ptr<OfdmaNetDevice> sender,
                           Mac48Address destination,
                           uint32_t numRbs,
                           uint32_t bits,
                           std::vector<OfdmaReception>& receivers);
    /**
     * \brief Deliver a finished transmission: each receiver gets a copy after
     * its propagation delay.
     * \param sender the transmitting device
     * \param packet the packet (with its MAC header)
     * \param tx the transmission
     * \param receivers the receivers from Plan()
     */
    void Deliver(Ptr<OfdmaNetDevice> sender,
                 Ptr<const Packet> packet,
                 const OfdmaTransmission& tx,
                 const std::vector<OfdmaReception>& receivers);
    /// @}

  private:
    void DoDispose() override;

    /// Grant RBs to waiting terminals, in order, while the allocator allows.
    void ServeWaiting();
    /// \return a checked draw of UplinkInterferencePerRb, in W
    double DrawUplinkInterferenceW() const;
    /// Serve the waiting terminals at the end of the current instant.
    void ScheduleServe();
    /// \return the terminals that have a packet to send (the uplink's active transmitters)
    uint32_t CountBacklogged() const;
    uint32_t m_backlogged{0}; //!< attached terminals with a packet to send
    /**
     * \param device a device on this channel
     * \return its node's MobilityModel (aborts with a clear message if none)
     */
    Ptr<MobilityModel> GetMobility(Ptr<const OfdmaNetDevice> device) const;
    /**
     * \param rxPowerDbm received power of the signal, in dBm
     * \param interferenceW interference, in W
     * \param bandwidthHz noise bandwidth, in Hz
     * \return linear SINR
     */
    double ToSnr(double rxPowerDbm, double interferenceW, double bandwidthHz) const;

    double m_rbBandwidthHz;                         //!< bandwidth of one uplink RB, in Hz
    uint32_t m_numRbs;                              //!< uplink RBs (0: one per terminal)
    double m_downlinkBandwidthHz;                   //!< downlink bandwidth, in Hz
    double m_noiseDensityDbmPerHz;                  //!< noise spectral density N0, in dBm/Hz
    double m_downlinkInterferenceW;                 //!< downlink interference I_D, in W
    Ptr<RandomVariableStream> m_uplinkInterference; //!< per-RB uplink interference, in W
    Ptr<PropagationLossModel> m_loss;               //!< path loss (and fading)
    Ptr<PropagationDelayModel> m_delay;             //!< propagation delay
    Ptr<RbAllocator> m_allocator;                   //!< uplink RB allocator

    Ptr<OfdmaNetDevice> m_baseStation;                       //!< the base station
    std::vector<Ptr<OfdmaNetDevice>> m_terminals;            //!< terminals, in attach order
    std::map<Mac48Address, Ptr<OfdmaNetDevice>> m_byAddress; //!< terminals by address
    std::map<const OfdmaNetDevice*, double> m_interferenceW; //!< per terminal, per-RB I in W

    std::deque<Ptr<OfdmaNetDevice>> m_waiting;       //!< terminals waiting for a grant, FIFO
    std::map<const OfdmaNetDevice*, Time> m_askedAt; //!< when each waiting terminal asked
    uint32_t m_heldRbs;                              //!< uplink RBs held now
    uint32_t m_holders;                              //!< terminals holding RBs now
    EventId m_serveEvent;                            //!< pending ServeWaiting

    TracedCallback<Ptr<const NetDevice>, uint32_t, Time> m_grantTrace; //!< uplink grants
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_OFDMA_CHANNEL_H */
