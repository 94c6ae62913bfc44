/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_TAG_H
#define EDGE_DML_MESSAGE_TAG_H

#include "ns3/tag.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Packet tag naming the application message (e.g. one model update)
 * a packet belongs to.
 *
 * Packet tags survive the Internet stack, including IPv4 fragmentation, so
 * every packet and fragment of a message carries it. WaterfallErrorModel in
 * loss unit Message draws once per (source, message) and applies that draw to
 * every packet of the message; packets without the tag are each their own
 * message.
 */
class MessageTag : public Tag
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    MessageTag();
    /**
     * \param sourceId the sender (e.g. its node id)
     * \param messageId the message number, unique per sender
     */
    MessageTag(uint32_t sourceId, uint32_t messageId);

    /// \return the sender id
    uint32_t GetSourceId() const;
    /// \return the message number
    uint32_t GetMessageId() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer buffer) const override;
    void Deserialize(TagBuffer buffer) override;
    void Print(std::ostream& os) const override;

  private:
    uint32_t m_sourceId;  //!< sender id
    uint32_t m_messageId; //!< message number
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_TAG_H */
