/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "always-available.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(AlwaysAvailable);

TypeId
AlwaysAvailable::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::AlwaysAvailable")
                            .SetParent<WorkerAvailabilityModel>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<AlwaysAvailable>();
    return tid;
}

AlwaysAvailable::AlwaysAvailable() = default;

AlwaysAvailable::~AlwaysAvailable() = default;

bool
AlwaysAvailable::DoIsAvailable(uint32_t /* round */, bool /* first */, uint32_t /* steps */)
{
    return true;
}

int64_t
AlwaysAvailable::DoAssignStreams(int64_t /* stream */)
{
    return 0;
}

} // namespace edgedml
} // namespace ns3
