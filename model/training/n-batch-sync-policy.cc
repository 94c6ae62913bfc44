/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "n-batch-sync-policy.h"

#include "ns3/uinteger.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(NBatchSyncPolicy);

TypeId
NBatchSyncPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::NBatchSyncPolicy")
            .SetParent<SyncPolicy>()
            .SetGroupName("EdgeDml")
            .AddConstructor<NBatchSyncPolicy>()
            .AddAttribute("Batches",
                          "M: local updates aggregated per round (the first M to arrive, from "
                          "any workers, several possibly from the same worker).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NBatchSyncPolicy::m_batches),
                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

NBatchSyncPolicy::NBatchSyncPolicy()
    : m_batches(1)
{
}

NBatchSyncPolicy::~NBatchSyncPolicy() = default;

uint32_t
NBatchSyncPolicy::GetBatches() const
{
    return m_batches;
}

bool
NBatchSyncPolicy::DoAccepts(uint32_t accepted, uint32_t /* expected */) const
{
    return accepted < m_batches;
}

bool
NBatchSyncPolicy::DoIsComplete(uint32_t accepted, uint32_t expected) const
{
    return expected == 0 || accepted >= m_batches;
}

bool
NBatchSyncPolicy::DoAcceptsRepeatedUpdates() const
{
    return true;
}

} // namespace edgedml
} // namespace ns3
