/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "shifted-exponential-random-variable.h"

#include "ns3/double.h"
#include "ns3/rng-stream.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(ShiftedExponentialRandomVariable);

TypeId
ShiftedExponentialRandomVariable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::ShiftedExponentialRandomVariable")
            .SetParent<RandomVariableStream>()
            .SetGroupName("EdgeDml")
            .AddConstructor<ShiftedExponentialRandomVariable>()
            .AddAttribute("Shift",
                          "The shift: the smallest value (for a straggler delay, in s).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ShiftedExponentialRandomVariable::m_shift),
                          MakeDoubleChecker<double>(0.0, 1e9))
            .AddAttribute("Mean",
                          "Mean of the exponential part (for a straggler delay, in s; 0: the "
                          "constant Shift).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&ShiftedExponentialRandomVariable::m_mean),
                          MakeDoubleChecker<double>(0.0, 1e9));
    return tid;
}

ShiftedExponentialRandomVariable::ShiftedExponentialRandomVariable()
    : m_shift(0.0),
      m_mean(1.0)
{
}

ShiftedExponentialRandomVariable::~ShiftedExponentialRandomVariable() = default;

double
ShiftedExponentialRandomVariable::GetShift() const
{
    return m_shift;
}

double
ShiftedExponentialRandomVariable::GetMean() const
{
    return m_mean;
}

double
ShiftedExponentialRandomVariable::GetValue()
{
    if (m_mean == 0.0)
    {
        return m_shift;
    }
    double u = Peek()->RandU01();
    if (IsAntithetic())
    {
        u = 1.0 - u;
    }
    // RandU01 lies in (0, 1): the logarithm is finite.
    return m_shift - m_mean * std::log(u);
}

uint32_t
ShiftedExponentialRandomVariable::GetInteger()
{
    return static_cast<uint32_t>(GetValue());
}

} // namespace edgedml
} // namespace ns3
