/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "rb-allocator.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("RbAllocator");
NS_OBJECT_ENSURE_REGISTERED(RbAllocator);

TypeId
RbAllocator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::RbAllocator").SetParent<Object>().SetGroupName("EdgeDml");
    return tid;
}

RbAllocator::RbAllocator() = default;

RbAllocator::~RbAllocator() = default;

uint32_t
RbAllocator::Allocate(const RbRequest& request)
{
    const uint32_t granted = DoAllocate(request);
    NS_ABORT_MSG_IF(granted > request.freeRbs,
                    GetInstanceTypeId().GetName() << " granted " << granted << " RBs but only "
                                                  << request.freeRbs << " are free");
    NS_ABORT_MSG_IF(granted == 0 && request.freeRbs == request.totalRbs,
                    GetInstanceTypeId().GetName()
                        << " granted no RB although all " << request.totalRbs
                        << " uplink RBs are free, so the transmitter would wait forever; "
                           "give the uplink more RBs (OfdmaChannel::NumResourceBlocks) or ask "
                           "for fewer per grant");
    NS_LOG_DEBUG("grant " << granted << " of " << request.freeRbs << " free / " << request.totalRbs
                          << " RBs, " << request.activeTransmitters << " active");
    return granted;
}

} // namespace edgedml
} // namespace ns3
