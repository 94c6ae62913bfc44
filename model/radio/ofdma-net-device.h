/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_OFDMA_NET_DEVICE_H
#define EDGE_DML_OFDMA_NET_DEVICE_H

#include "ofdma-channel.h"
#include "ofdma-transmission.h"

#include "ns3/error-model.h"
#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Net device of the OFDMA-like cell (see OfdmaChannel).
 *
 * A device is either the base station (the parameter server's side: it
 * receives the uplink and owns the downlink) or a terminal (an edge server).
 * Packets get a 14-byte Ethernet-style MAC header (destination, source,
 * EtherType), which counts towards the airtime, and wait in TxQueue; one
 * packet is on the air at a time per device. Terminals ask the channel for
 * RBs before each attempt. A terminal's unicast to another terminal is
 * relayed by the base station; a terminal's broadcast reaches the base
 * station only.
 *
 * On reception the device tags the packet with its SNR (LinkSnrTag) and runs
 * its ReceiveErrorModel (by default the helper installs WaterfallErrorModel).
 * With MaxRetransmissions > 0, unicast uses stop-and-wait ARQ with ideal,
 * instantaneous feedback: the sender learns the outcome when the packet
 * reaches the receiver, and a corrupted packet is sent again (new grant, new
 * channel draw, airtime and energy counted again) up to the limit.
 *
 * Works under the Internet stack (NeedsArp, SupportsSendFrom) and with
 * packet sockets. SetLinkUp(false) (an edge server going offline) aborts the
 * current attempt, flushes the queue and drops everything until it is up.
 */
class OfdmaNetDevice : public NetDevice
{
  public:
    /// The device's side of the cell.
    enum Role
    {
        TERMINAL,     //!< an edge server: sends on uplink RBs
        BASE_STATION, //!< the parameter server: receives the uplink, owns the downlink
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    OfdmaNetDevice();
    ~OfdmaNetDevice() override;

    /// \param role the device's role; set before attaching to a channel
    void SetRole(Role role);
    /// \return the device's role
    Role GetRole() const;

    /**
     * \brief Attach to a channel (the role must be set first).
     * \param channel the channel
     */
    void SetChannel(Ptr<OfdmaChannel> channel);

    /// \param up whether the device is up; down aborts and drops everything
    void SetLinkUp(bool up);

    /// \return the transmit power, in W
    double GetTxPowerW() const;
    /// \return whether the device has a packet to send (current or queued)
    bool IsBacklogged() const;
    /// Tell the channel if IsBacklogged() changed since the last report.
    void ReportBacklog();
    /// \return the transmit queue
    Ptr<Queue<Packet>> GetQueue() const;
    /// \param queue the transmit queue
    void SetQueue(Ptr<Queue<Packet>> queue);
    /// \param model the receive error model (null for none)
    void SetReceiveErrorModel(Ptr<ErrorModel> model);
    /// \return the receive error model, or null
    Ptr<ErrorModel> GetReceiveErrorModel() const;

    /**
     * \brief Assign fixed random variable streams to the receive error model.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for transmissions.
     * \param packet the packet, with its MAC header
     * \param tx what the PHY decided for the attempt
     */
    typedef void (*TransmissionTracedCallback)(Ptr<const Packet> packet,
                                               const OfdmaTransmission& tx);
    /**
     * TracedCallback signature for receptions.
     * \param packet the packet, with its MAC header
     * \param snr linear SNR of the reception
     */
    typedef void (*ReceptionTracedCallback)(Ptr<const Packet> packet, double snr);
    /**
     * TracedCallback signature for drops.
     * \param packet the packet
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, OfdmaDropReason reason);

    /// \name Interface for OfdmaChannel
    /// @{
    /**
     * \brief The channel granted uplink RBs (terminals), or the device may
     * send now (base station): start the attempt of the current packet.
     * \param numRbs RBs granted (0 for the base station)
     */
    void StartTransmission(uint32_t numRbs);
    /**
     * \brief A copy of a packet arrives.
     * \param packet the packet, with its MAC header
     * \param tx the sender's transmission
     * \param snr linear SNR at this device
     * \param sender the sending device (for ARQ feedback)
     */
    void Receive(Ptr<Packet> packet, OfdmaTransmission tx, double snr, Ptr<OfdmaNetDevice> sender);
    /**
     * \brief ARQ feedback for one of this device's attempts.
     * \param txId the attempt's OfdmaTransmission::id
     * \param delivered whether it arrived intact
     */
    void NotifyDeliveryOutcome(uint64_t txId, bool delivered);
    /// @}

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  private:
    void DoDispose() override;

    /// What the device is doing.
    enum State
    {
        IDLE,              //!< nothing on the air
        WAITING_GRANT,     //!< asked the channel for uplink RBs
        TRANSMITTING,      //!< an attempt is on the air
        AWAITING_FEEDBACK, //!< ARQ: waiting for the outcome of the attempt
    };

    /// Start the next attempt (current packet or next in queue) if idle.
    void TryTransmit();
    /// The current attempt's airtime is over.
    void TransmitComplete();
    /// Forget the current packet and go idle.
    void FinishCurrent();
    /**
     * \param packet a packet
     * \param reason why it is dropped
     */
    void Drop(Ptr<const Packet> packet, OfdmaDropReason reason);
    /**
     * \brief Queue a packet that already carries its MAC header.
     * \param packet the packet
     * \return whether it was queued
     */
    bool Enqueue(Ptr<Packet> packet);

    Ptr<Node> m_node;                    //!< the node
    Ptr<OfdmaChannel> m_channel;         //!< the channel
    Role m_role;                         //!< base station or terminal
    uint32_t m_ifIndex;                  //!< interface index
    Mac48Address m_address;              //!< MAC address
    uint16_t m_mtu;                      //!< MTU, in bytes
    bool m_linkUp;                       //!< whether the device is up
    double m_txPowerW;                   //!< transmit power, in W
    uint32_t m_maxRetransmissions;       //!< ARQ retransmission limit
    Ptr<Queue<Packet>> m_queue;          //!< transmit queue
    Ptr<ErrorModel> m_receiveErrorModel; //!< receive error model

    State m_state;                           //!< current activity
    Ptr<Packet> m_current;                   //!< packet being sent (with MAC header)
    bool m_countedBacklogged{false};         //!< backlog state last reported to the channel
    uint32_t m_attempt;                      //!< attempt number of m_current
    OfdmaTransmission m_currentTx;           //!< the attempt on the air
    std::vector<OfdmaReception> m_receivers; //!< receivers of the attempt on the air
    Time m_askedAt;                          //!< when the current grant was asked for
    uint64_t m_txCount;                      //!< attempts made, for ids
    EventId m_txEndEvent;                    //!< end of the attempt on the air
    EventId m_tryEvent;                      //!< pending TryTransmit

    NetDevice::ReceiveCallback m_rxCallback;             //!< upper layer
    NetDevice::PromiscReceiveCallback m_promiscCallback; //!< promiscuous upper layer
    TracedCallback<> m_linkChangeCallbacks;              //!< link up/down listeners

    TracedCallback<Ptr<const Packet>, const OfdmaTransmission&> m_phyTxBeginTrace; //!< tx begin
    TracedCallback<Ptr<const Packet>, const OfdmaTransmission&> m_phyTxEndTrace;   //!< tx end
    TracedCallback<Ptr<const Packet>, const OfdmaTransmission&> m_phyTxAbortTrace; //!< tx abort
    TracedCallback<Ptr<const Packet>, double> m_phyRxEndTrace;      //!< intact reception
    TracedCallback<Ptr<const Packet>, OfdmaDropReason> m_dropTrace; //!< any drop
    TracedCallback<Ptr<const Packet>> m_macTxTrace;                 //!< from upper layer
    TracedCallback<Ptr<const Packet>> m_macRxTrace;                 //!< to upper layer
    TracedCallback<Ptr<const Packet>> m_snifferTrace;               //!< pcap, own traffic
    TracedCallback<Ptr<const Packet>> m_promiscSnifferTrace;        //!< pcap, promiscuous
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_OFDMA_NET_DEVICE_H */
