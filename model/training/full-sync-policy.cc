/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "full-sync-policy.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(FullSyncPolicy);

TypeId
FullSyncPolicy::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::FullSyncPolicy")
                            .SetParent<SyncPolicy>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<FullSyncPolicy>();
    return tid;
}

FullSyncPolicy::FullSyncPolicy() = default;

FullSyncPolicy::~FullSyncPolicy() = default;

bool
FullSyncPolicy::DoAccepts(uint32_t /* accepted */, uint32_t /* expected */) const
{
    return true;
}

bool
FullSyncPolicy::DoIsComplete(uint32_t accepted, uint32_t expected) const
{
    return accepted >= expected;
}

} // namespace edgedml
} // namespace ns3
