/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "sync-policy.h"

#include "ns3/bounded-checkers.h"
#include "ns3/double.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(SyncPolicy);

TypeId
SyncPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::SyncPolicy")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddAttribute("RoundDeadlineS",
                          "Time after a round's start at which the parameter server aggregates "
                          "whatever arrived, in s (0: no deadline; else at least ns-3's "
                          "resolution, 1 ns).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&SyncPolicy::m_roundDeadlineS),
                          MakeZeroOrDoubleChecker(MakeDoubleChecker<double>(1e-9, 1e9)));
    return tid;
}

SyncPolicy::SyncPolicy()
    : m_roundDeadlineS(0.0)
{
}

SyncPolicy::~SyncPolicy() = default;

bool
SyncPolicy::Accepts(uint32_t accepted, uint32_t expected) const
{
    return DoAccepts(accepted, expected);
}

bool
SyncPolicy::IsComplete(uint32_t accepted, uint32_t expected) const
{
    return DoIsComplete(accepted, expected);
}

Time
SyncPolicy::GetRoundDeadline() const
{
    return Seconds(m_roundDeadlineS);
}

bool
SyncPolicy::AcceptsRepeatedUpdates() const
{
    return DoAcceptsRepeatedUpdates();
}

bool
SyncPolicy::DoAcceptsRepeatedUpdates() const
{
    return false;
}

} // namespace edgedml
} // namespace ns3
