/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "anytime-task-scheduler.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("AnytimeTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(AnytimeTaskScheduler);

TypeId
AnytimeTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::AnytimeTaskScheduler")
            .SetParent<TaskScheduler>()
            .SetGroupName("EdgeDml")
            .AddAttribute("TimeLimitS",
                          "Wall-clock limit of one solve, in seconds (0: none). With a limit, "
                          "restart rounds go on until it is reached (see Restarts) and every "
                          "phase stops at it once a feasible solution is held; the best "
                          "solution found is returned.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&AnytimeTaskScheduler::m_timeLimitS),
                          MakeDoubleChecker<double>(0.0, 1e7))
            .AddAttribute("Restarts",
                          "Restart rounds after the regular search, each from the best "
                          "solution with some diversification. Without TimeLimitS exactly "
                          "this many (deterministic: more rounds never give a worse result); "
                          "with TimeLimitS at most this many (0: no cap, until the limit).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&AnytimeTaskScheduler::m_restarts),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

AnytimeTaskScheduler::AnytimeTaskScheduler() = default;

AnytimeTaskScheduler::~AnytimeTaskScheduler() = default;

SearchDeadline
AnytimeTaskScheduler::StartDeadline() const
{
    return SearchDeadline(m_timeLimitS);
}

bool
AnytimeTaskScheduler::MayStartRound(uint32_t roundsDone, const SearchDeadline& deadline) const
{
    if (deadline.IsExpired())
    {
        return false;
    }
    if (!deadline.IsLimited())
    {
        return roundsDone < m_restarts;
    }
    return m_restarts == 0 || roundsDone < m_restarts;
}

} // namespace edgedml
} // namespace ns3
