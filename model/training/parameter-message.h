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

/// Bits of an update's message id that carry its sequence number within the round.
constexpr uint32_t UPDATE_SEQUENCE_BITS = 8;
/// Updates one worker can upload per round (sequence numbers 0 .. 255).
constexpr uint32_t MAX_UPDATES_PER_ROUND = 1u << UPDATE_SEQUENCE_BITS;
/// Rounds a parameter-server run can have (round numbers 0 .. 2^24 - 1).
constexpr uint32_t MAX_TRAINING_ROUNDS = 1u << (32 - UPDATE_SEQUENCE_BITS);

/**
 * \ingroup edge-dml
 * \brief The message id of a worker's update: round * 256 + sequence, so
 * that the several updates one worker may upload in a round (N-batch-sync)
 * are distinct messages, and ids grow with (round, sequence).
 * \param round the round (< MAX_TRAINING_ROUNDS; aborts otherwise)
 * \param sequence the update's number within the round (< MAX_UPDATES_PER_ROUND; aborts
 *        otherwise)
 * \return the message id
 */
uint32_t MakeUpdateMessageId(uint32_t round, uint32_t sequence);
/**
 * \param messageId an update's message id (MakeUpdateMessageId)
 * \return its round
 */
uint32_t GetUpdateRound(uint32_t messageId);
/**
 * \param messageId an update's message id (MakeUpdateMessageId)
 * \return its sequence number within the round
 */
uint32_t GetUpdateSequence(uint32_t messageId);

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
