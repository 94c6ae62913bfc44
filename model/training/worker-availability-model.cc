/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-availability-model.h"

#include "ns3/abort.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(WorkerAvailabilityModel);

TypeId
WorkerAvailabilityModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::WorkerAvailabilityModel").SetParent<Object>().SetGroupName("EdgeDml");
    return tid;
}

WorkerAvailabilityModel::WorkerAvailabilityModel()
    : m_asked(false),
      m_lastRound(0)
{
}

WorkerAvailabilityModel::~WorkerAvailabilityModel() = default;

bool
WorkerAvailabilityModel::IsAvailable(uint32_t round)
{
    NS_ABORT_MSG_IF(m_asked && round <= m_lastRound,
                    "WorkerAvailabilityModel::IsAvailable: round "
                        << round << " asked after round " << m_lastRound
                        << " (one model per worker, rounds in increasing order)");
    const bool first = !m_asked;
    const uint32_t steps = first ? round : round - m_lastRound;
    m_asked = true;
    m_lastRound = round;
    return DoIsAvailable(round, first, steps);
}

int64_t
WorkerAvailabilityModel::AssignStreams(int64_t stream)
{
    return DoAssignStreams(stream);
}

} // namespace edgedml
} // namespace ns3
