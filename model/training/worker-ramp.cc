/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-ramp.h"

#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(WorkerRamp);

TypeId
WorkerRamp::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::WorkerRamp")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<WorkerRamp>()
            .AddAttribute("InitialWorkers",
                          "Workers k_0 of the first phase, in workers.",
                          UintegerValue(2),
                          MakeUintegerAccessor(&WorkerRamp::m_initialWorkers),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("PhaseRounds",
                          "Rounds per phase; the number of workers doubles after each phase, "
                          "in rounds.",
                          UintegerValue(5),
                          MakeUintegerAccessor(&WorkerRamp::m_phaseRounds),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("MaxWorkers",
                          "Cap on the number of workers of a round, in workers (the round "
                          "also never takes more than its eligible workers).",
                          UintegerValue(1000000),
                          MakeUintegerAccessor(&WorkerRamp::m_maxWorkers),
                          MakeUintegerChecker<uint32_t>(1, 1000000));
    return tid;
}

WorkerRamp::WorkerRamp()
    : m_initialWorkers(2),
      m_phaseRounds(5),
      m_maxWorkers(1000000)
{
}

WorkerRamp::~WorkerRamp() = default;

uint32_t
WorkerRamp::GetWorkers(uint32_t round) const
{
    const uint32_t phase = round / m_phaseRounds;
    uint64_t k = m_initialWorkers;
    for (uint32_t p = 0; p < phase && k < m_maxWorkers; ++p)
    {
        k *= 2;
    }
    return static_cast<uint32_t>(std::min<uint64_t>(k, m_maxWorkers));
}

} // namespace edgedml
} // namespace ns3
