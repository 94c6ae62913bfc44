/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_HEADER_H
#define EDGE_DML_MESSAGE_HEADER_H

#include "ns3/header.h"
#include "ns3/nstime.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Header at the start of every packet of an application message (e.g.
 * one model update split into packets): who sent it, which message, which
 * piece of how many, the message size and when it was sent. 28 bytes.
 */
class MessageHeader : public Header
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    MessageHeader();

    /// \param id the sender id
    void SetSourceId(uint32_t id);
    /// \return the sender id
    uint32_t GetSourceId() const;
    /// \param id the message number
    void SetMessageId(uint32_t id);
    /// \return the message number
    uint32_t GetMessageId() const;
    /// \param index this packet's index in the message (0-based)
    void SetIndex(uint32_t index);
    /// \return this packet's index in the message
    uint32_t GetIndex() const;
    /// \param count the message's packet count
    void SetCount(uint32_t count);
    /// \return the message's packet count
    uint32_t GetCount() const;
    /// \param bytes the message's size, in bytes
    void SetMessageBytes(uint32_t bytes);
    /// \return the message's size, in bytes
    uint32_t GetMessageBytes() const;
    /// \param time when the message was sent
    void SetSendTime(Time time);
    /// \return when the message was sent
    Time GetSendTime() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

  private:
    uint32_t m_sourceId;     //!< sender id
    uint32_t m_messageId;    //!< message number
    uint32_t m_index;        //!< packet index in the message
    uint32_t m_count;        //!< packets in the message
    uint32_t m_messageBytes; //!< message size, in bytes
    uint64_t m_sendTimeNs;   //!< send time, in nanoseconds
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_HEADER_H */
