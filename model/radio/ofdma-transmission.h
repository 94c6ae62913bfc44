/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_OFDMA_TRANSMISSION_H
#define EDGE_DML_OFDMA_TRANSMISSION_H

#include "ns3/nstime.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Direction of an OFDMA transmission.
 */
enum class OfdmaDirection
{
    UPLINK,   //!< edge server (terminal) to parameter server (base station), on RBs
    DOWNLINK, //!< base station to one or all terminals, on the shared downlink band
};

/**
 * \ingroup edge-dml
 * \brief Why an OFDMA device dropped a packet.
 */
enum class OfdmaDropReason
{
    QUEUE_FULL,   //!< the transmit queue was full
    LINK_DOWN,    //!< the device is down (its edge server went offline)
    CORRUPTED,    //!< the receive error model corrupted it (one reception attempt)
    RETRY_LIMIT,  //!< the sender gave up after its last link-layer retransmission
    UNREACHABLE,  //!< no receiver (no base station, unknown destination) or zero rate
    MTU_EXCEEDED, //!< larger than the device's MTU
};

/**
 * \param reason a drop reason
 * \return its name, e.g. "QueueFull"
 */
std::string ToString(OfdmaDropReason reason);

/**
 * \ingroup edge-dml
 * \brief Everything the PHY decided for one transmission attempt; carried by
 * the device's PhyTxBegin / PhyTxEnd / PhyTxAbort traces.
 */
struct OfdmaTransmission
{
    OfdmaDirection direction{OfdmaDirection::UPLINK}; //!< uplink or downlink
    uint64_t id{0};                                   //!< per-device sequence number of the attempt
    uint32_t attempt{0};      //!< 0 for the first attempt, k for the k-th retransmission
    uint32_t bits{0};         //!< bits on the air (MAC header included)
    uint32_t numRbs{0};       //!< uplink RBs granted (0 on the downlink)
    double bandwidthHz{0};    //!< bandwidth used, in Hz
    double txPowerW{0};       //!< total transmit power, in W (split evenly over the RBs)
    double snr{0};            //!< linear SNR at the receiver (weakest receiver if broadcast)
    double rateBps{0};        //!< Shannon rate, in bit/s
    Time airtime;             //!< bits / rate
    Time grantDelay;          //!< time waited for the RB grant (uplink)
    bool acknowledged{false}; //!< whether link-layer ARQ applies (unicast, retransmissions on)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_OFDMA_TRANSMISSION_H */
