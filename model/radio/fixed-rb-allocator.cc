/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "fixed-rb-allocator.h"

#include "ns3/abort.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(FixedRbAllocator);

TypeId
FixedRbAllocator::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::FixedRbAllocator")
                            .SetParent<RbAllocator>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<FixedRbAllocator>()
                            .AddAttribute("RbsPerDevice",
                                          "RBs in every grant of a device without its own "
                                          "SetGrant value.",
                                          UintegerValue(1),
                                          MakeUintegerAccessor(&FixedRbAllocator::m_rbsPerDevice),
                                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

FixedRbAllocator::FixedRbAllocator()
    : m_rbsPerDevice(1)
{
}

FixedRbAllocator::~FixedRbAllocator() = default;

void
FixedRbAllocator::SetGrant(Ptr<NetDevice> device, uint32_t rbs)
{
    NS_ABORT_MSG_IF(rbs == 0, "FixedRbAllocator::SetGrant: a grant needs at least one RB");
    m_deviceGrant[device] = rbs;
}

uint32_t
FixedRbAllocator::GetGrant(Ptr<NetDevice> device) const
{
    auto it = m_deviceGrant.find(device);
    return it == m_deviceGrant.end() ? m_rbsPerDevice : it->second;
}

uint32_t
FixedRbAllocator::DoAllocate(const RbRequest& request)
{
    const uint32_t grant = GetGrant(request.device);
    return grant <= request.freeRbs ? grant : 0;
}

void
FixedRbAllocator::DoDispose()
{
    m_deviceGrant.clear();
    RbAllocator::DoDispose();
}

} // namespace edgedml
} // namespace ns3
