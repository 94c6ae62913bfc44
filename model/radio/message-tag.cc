/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-tag.h"

#include <ostream>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(MessageTag);

TypeId
MessageTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::MessageTag")
                            .SetParent<Tag>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<MessageTag>();
    return tid;
}

TypeId
MessageTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

MessageTag::MessageTag()
    : MessageTag(0, 0)
{
}

MessageTag::MessageTag(uint32_t sourceId, uint32_t messageId)
    : m_sourceId(sourceId),
      m_messageId(messageId)
{
}

uint32_t
MessageTag::GetSourceId() const
{
    return m_sourceId;
}

uint32_t
MessageTag::GetMessageId() const
{
    return m_messageId;
}

uint32_t
MessageTag::GetSerializedSize() const
{
    return 2 * sizeof(uint32_t);
}

void
MessageTag::Serialize(TagBuffer buffer) const
{
    buffer.WriteU32(m_sourceId);
    buffer.WriteU32(m_messageId);
}

void
MessageTag::Deserialize(TagBuffer buffer)
{
    m_sourceId = buffer.ReadU32();
    m_messageId = buffer.ReadU32();
}

void
MessageTag::Print(std::ostream& os) const
{
    os << "source=" << m_sourceId << " message=" << m_messageId;
}

} // namespace edgedml
} // namespace ns3
