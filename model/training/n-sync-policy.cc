/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "n-sync-policy.h"

#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(NSyncPolicy);

TypeId
NSyncPolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::NSyncPolicy")
                            .SetParent<SyncPolicy>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<NSyncPolicy>()
                            .AddAttribute("N",
                                          "Updates aggregated per round (the first N to arrive).",
                                          UintegerValue(1),
                                          MakeUintegerAccessor(&NSyncPolicy::m_n),
                                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

NSyncPolicy::NSyncPolicy()
    : m_n(1)
{
}

NSyncPolicy::~NSyncPolicy() = default;

uint32_t
NSyncPolicy::GetN() const
{
    return m_n;
}

bool
NSyncPolicy::DoAccepts(uint32_t accepted, uint32_t /* expected */) const
{
    return accepted < m_n;
}

bool
NSyncPolicy::DoIsComplete(uint32_t accepted, uint32_t expected) const
{
    return accepted >= std::min(m_n, expected);
}

} // namespace edgedml
} // namespace ns3
