/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_SOURCE_H
#define EDGE_DML_MESSAGE_SOURCE_H

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Sends application messages (e.g. model updates of Z bytes) split
 * into packets, over any socket type (UDP, packet socket, ...).
 *
 * Every packet starts with a MessageHeader and carries a MessageTag (source =
 * SourceId, by default the node id), so a WaterfallErrorModel in loss unit Message treats the
 * message as one unit and MessageSink can tell whether it arrived whole. From StartTime it sends
 * MaxMessages messages (0: until stopped), one every Interval; SendMessage() sends one on demand.
 */
class MessageSource : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MessageSource();
    ~MessageSource() override;

    /**
     * \brief Send one message now.
     * \param bytes message size, in bytes (>= 1)
     * \return the message id
     */
    uint32_t SendMessage(uint32_t bytes);

    /// \return the number of packets a message of this size takes \param bytes its size
    uint32_t GetPacketsPerMessage(uint32_t bytes) const;
    /// \return messages sent so far
    uint32_t GetMessagesSent() const;
    /// \return the sender id in headers and tags (SourceId, or the node id)
    uint32_t GetSourceId() const;

    /// SourceId value that stands for the node id.
    static constexpr uint32_t NODE_ID = 0xffffffff;

    /**
     * TracedCallback signature for sent messages.
     * \param messageId the message
     * \param bytes its size, in bytes
     * \param packets the packets it took
     */
    typedef void (*MessageSentTracedCallback)(uint32_t messageId, uint32_t bytes, uint32_t packets);

  private:
    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;
    /// Send the next periodic message and schedule the one after.
    void SendPeriodic();
    /// \return message bytes per packet: PacketPayloadBytes minus the message header
    uint32_t GetMessageBytesPerPacket() const;

    TypeId m_protocol;       //!< socket factory type
    Address m_remote;        //!< destination
    uint32_t m_messageBytes; //!< periodic message size, in bytes
    uint32_t m_packetBytes;  //!< payload per packet (message header included), in bytes
    Time m_interval;         //!< time between periodic messages
    uint32_t m_maxMessages;  //!< periodic messages to send (0: unlimited)
    uint32_t m_sourceId;     //!< sender id, or NODE_ID
    Ptr<Socket> m_socket;    //!< the socket
    uint32_t m_sent;         //!< messages sent
    uint32_t m_periodicSent; //!< periodic messages sent
    EventId m_nextEvent;     //!< next periodic message

    TracedCallback<uint32_t, uint32_t, uint32_t> m_messageSentTrace; //!< message sent
    TracedCallback<Ptr<const Packet>> m_txTrace;                     //!< packet sent
    TracedCallback<Ptr<const Packet>> m_txFailTrace;                 //!< socket refused a packet
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_SOURCE_H */
