/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "markov-on-off-availability.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/enum.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(MarkovOnOffAvailability);

TypeId
MarkovOnOffAvailability::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::MarkovOnOffAvailability")
            .SetParent<WorkerAvailabilityModel>()
            .SetGroupName("EdgeDml")
            .AddConstructor<MarkovOnOffAvailability>()
            .AddAttribute("ProbabilityOnToOff",
                          "a: probability that an available worker is unavailable in the next "
                          "round (mean on-run 1 / a rounds).",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&MarkovOnOffAvailability::m_onToOff),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("ProbabilityOffToOn",
                          "b: probability that an unavailable worker is available in the next "
                          "round (mean off-run 1 / b rounds).",
                          DoubleValue(0.4),
                          MakeDoubleAccessor(&MarkovOnOffAvailability::m_offToOn),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("InitialState",
                          "State at round 0: Stationary (on with probability b / (a + b)), On "
                          "or Off.",
                          EnumValue(MarkovOnOffAvailability::STATIONARY),
                          MakeEnumAccessor(&MarkovOnOffAvailability::m_initialState),
                          MakeEnumChecker(MarkovOnOffAvailability::STATIONARY,
                                          "Stationary",
                                          MarkovOnOffAvailability::ON,
                                          "On",
                                          MarkovOnOffAvailability::OFF,
                                          "Off"));
    return tid;
}

MarkovOnOffAvailability::MarkovOnOffAvailability()
    : m_onToOff(0.1),
      m_offToOn(0.4),
      m_initialState(STATIONARY),
      m_on(true),
      m_uniform(CreateObject<UniformRandomVariable>())
{
}

MarkovOnOffAvailability::~MarkovOnOffAvailability() = default;

void
MarkovOnOffAvailability::DoDispose()
{
    m_uniform = nullptr;
    WorkerAvailabilityModel::DoDispose();
}

double
MarkovOnOffAvailability::GetStationaryProbabilityOn() const
{
    const double sum = m_onToOff + m_offToOn;
    return sum > 0.0 ? m_offToOn / sum : 1.0;
}

double
MarkovOnOffAvailability::GetProbabilityOnAfter(uint32_t steps, bool fromOn) const
{
    NS_ABORT_MSG_IF(steps == 0,
                    "MarkovOnOffAvailability::GetProbabilityOnAfter: steps must be >= 1");
    if (steps == 1)
    {
        // The transition probabilities themselves, without rounding.
        return fromOn ? 1.0 - m_onToOff : m_offToOn;
    }
    if (m_onToOff + m_offToOn == 0.0)
    {
        return fromOn ? 1.0 : 0.0;
    }
    const double pi = GetStationaryProbabilityOn();
    const double decay = std::pow(1.0 - m_onToOff - m_offToOn, static_cast<double>(steps));
    return fromOn ? pi + (1.0 - pi) * decay : pi * (1.0 - decay);
}

bool
MarkovOnOffAvailability::DoIsAvailable(uint32_t /* round */, bool first, uint32_t steps)
{
    if (first)
    {
        switch (m_initialState)
        {
        case STATIONARY:
            m_on = m_uniform->GetValue() < GetStationaryProbabilityOn();
            break;
        case ON:
            m_on = true;
            break;
        case OFF:
            m_on = false;
            break;
        }
    }
    if (steps > 0)
    {
        m_on = m_uniform->GetValue() < GetProbabilityOnAfter(steps, m_on);
    }
    return m_on;
}

int64_t
MarkovOnOffAvailability::DoAssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

} // namespace edgedml
} // namespace ns3
