/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "link-snr-tag.h"

#include <ostream>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(LinkSnrTag);

TypeId
LinkSnrTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::LinkSnrTag")
                            .SetParent<Tag>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<LinkSnrTag>();
    return tid;
}

TypeId
LinkSnrTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

LinkSnrTag::LinkSnrTag()
    : m_snr(0.0)
{
}

LinkSnrTag::LinkSnrTag(double snr)
    : m_snr(snr)
{
}

void
LinkSnrTag::SetSnr(double snr)
{
    m_snr = snr;
}

double
LinkSnrTag::GetSnr() const
{
    return m_snr;
}

uint32_t
LinkSnrTag::GetSerializedSize() const
{
    return sizeof(double);
}

void
LinkSnrTag::Serialize(TagBuffer buffer) const
{
    buffer.WriteDouble(m_snr);
}

void
LinkSnrTag::Deserialize(TagBuffer buffer)
{
    m_snr = buffer.ReadDouble();
}

void
LinkSnrTag::Print(std::ostream& os) const
{
    os << "snr=" << m_snr;
}

} // namespace edgedml
} // namespace ns3
