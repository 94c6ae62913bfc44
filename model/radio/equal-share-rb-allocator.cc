/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "equal-share-rb-allocator.h"

#include <algorithm>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(EqualShareRbAllocator);

TypeId
EqualShareRbAllocator::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::EqualShareRbAllocator")
                            .SetParent<RbAllocator>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<EqualShareRbAllocator>();
    return tid;
}

EqualShareRbAllocator::EqualShareRbAllocator() = default;

EqualShareRbAllocator::~EqualShareRbAllocator() = default;

uint32_t
EqualShareRbAllocator::DoAllocate(const RbRequest& request)
{
    const uint32_t active = std::max<uint32_t>(1, request.activeTransmitters);
    const uint32_t share = std::max<uint32_t>(1, request.totalRbs / active);
    return std::min(share, request.freeRbs);
}

} // namespace edgedml
} // namespace ns3
