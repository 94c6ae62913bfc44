/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_PARAMETER_MESSAGE_H
#define EDGE_DML_PARAMETER_MESSAGE_H

#include "ns3/address.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Send a byte message (e.g. encoded model parameters) split into
 * packets, each a MessageHeader (28 bytes: source, message id, index, count,
 * message size, send time) followed by its slice of the bytes, and each
 * tagged with a MessageTag so that a WaterfallErrorModel in loss unit
 * Message treats the whole message as one unit. Every packet but the last
 * carries the same number of bytes.
 * \param socket the socket (bound; broadcast allowed if remote is a broadcast address)
 * \param remote the destination
 * \param bytes the message (at least one byte)
 * \param sourceId the sender id (node id)
 * \param messageId the message number (e.g. the round)
 * \param packetPayloadBytes socket payload per packet, header included (> 28)
 * \return the number of packets the socket refused (0 when all were accepted)
 */
uint32_t SendParameterMessage(Ptr<Socket> socket,
                              const Address& remote,
                              const std::vector<uint8_t>& bytes,
                              uint32_t sourceId,
                              uint32_t messageId,
                              uint32_t packetPayloadBytes);

/**
 * \param bytes message size, in bytes
 * \param packetPayloadBytes socket payload per packet, header included
 * \return the packets SendParameterMessage needs for it
 */
uint32_t GetParameterMessagePackets(uint32_t bytes, uint32_t packetPayloadBytes);

/**
 * \ingroup edge-dml
 * \brief Reassembles messages sent by SendParameterMessage from their
 * packets, in any order; duplicates are ignored.
 */
class ParameterMessageAssembler
{
  public:
    /// A message received whole.
    struct Message
    {
        uint32_t sourceId{0};       //!< the sender id
        uint32_t messageId{0};      //!< the message number
        std::vector<uint8_t> bytes; //!< the message
    };

    /**
     * \brief Add one received packet.
     * \param packet the packet, starting with a MessageHeader
     * \param[out] message filled when this packet completed a message
     * \return true when it completed a message
     */
    bool Receive(Ptr<Packet> packet, Message& message);

    /**
     * \brief Forget a sender's incomplete messages numbered below a bound.
     * \param sourceId the sender
     * \param messageId messages numbered below it are dropped
     */
    void ForgetBefore(uint32_t sourceId, uint32_t messageId);

    /// Forget every incomplete message.
    void Clear();

    /// \return the number of incomplete messages held
    std::size_t GetPendingCount() const;

  private:
    /// An incomplete message.
    struct Pending
    {
        std::vector<uint8_t> bytes; //!< the message so far
        std::vector<bool> have;     //!< which packets arrived
        uint32_t missing{0};        //!< packets still missing
    };

    std::map<std::pair<uint32_t, uint32_t>, Pending> m_pending; //!< by (source, message)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_PARAMETER_MESSAGE_H */
