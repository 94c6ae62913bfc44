/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-header.h"

#include <ostream>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(MessageHeader);

TypeId
MessageHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::MessageHeader")
                            .SetParent<Header>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<MessageHeader>();
    return tid;
}

TypeId
MessageHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

MessageHeader::MessageHeader()
    : m_sourceId(0),
      m_messageId(0),
      m_index(0),
      m_count(0),
      m_messageBytes(0),
      m_sendTimeNs(0)
{
}

void
MessageHeader::SetSourceId(uint32_t id)
{
    m_sourceId = id;
}

uint32_t
MessageHeader::GetSourceId() const
{
    return m_sourceId;
}

void
MessageHeader::SetMessageId(uint32_t id)
{
    m_messageId = id;
}

uint32_t
MessageHeader::GetMessageId() const
{
    return m_messageId;
}

void
MessageHeader::SetIndex(uint32_t index)
{
    m_index = index;
}

uint32_t
MessageHeader::GetIndex() const
{
    return m_index;
}

void
MessageHeader::SetCount(uint32_t count)
{
    m_count = count;
}

uint32_t
MessageHeader::GetCount() const
{
    return m_count;
}

void
MessageHeader::SetMessageBytes(uint32_t bytes)
{
    m_messageBytes = bytes;
}

uint32_t
MessageHeader::GetMessageBytes() const
{
    return m_messageBytes;
}

void
MessageHeader::SetSendTime(Time time)
{
    m_sendTimeNs = static_cast<uint64_t>(time.GetNanoSeconds());
}

Time
MessageHeader::GetSendTime() const
{
    return NanoSeconds(static_cast<int64_t>(m_sendTimeNs));
}

uint32_t
MessageHeader::GetSerializedSize() const
{
    return 5 * 4 + 8;
}

void
MessageHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU32(m_sourceId);
    start.WriteHtonU32(m_messageId);
    start.WriteHtonU32(m_index);
    start.WriteHtonU32(m_count);
    start.WriteHtonU32(m_messageBytes);
    start.WriteHtonU64(m_sendTimeNs);
}

uint32_t
MessageHeader::Deserialize(Buffer::Iterator start)
{
    m_sourceId = start.ReadNtohU32();
    m_messageId = start.ReadNtohU32();
    m_index = start.ReadNtohU32();
    m_count = start.ReadNtohU32();
    m_messageBytes = start.ReadNtohU32();
    m_sendTimeNs = start.ReadNtohU64();
    return GetSerializedSize();
}

void
MessageHeader::Print(std::ostream& os) const
{
    os << "source=" << m_sourceId << " message=" << m_messageId << " piece=" << m_index << "/"
       << m_count << " bytes=" << m_messageBytes;
}

} // namespace edgedml
} // namespace ns3
