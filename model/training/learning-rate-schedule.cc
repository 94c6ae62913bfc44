/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learning-rate-schedule.h"

#include "ns3/double.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(LearningRateSchedule);
NS_OBJECT_ENSURE_REGISTERED(ConstantLearningRate);
NS_OBJECT_ENSURE_REGISTERED(InverseTimeLearningRate);
NS_OBJECT_ENSURE_REGISTERED(StepLearningRate);

TypeId
LearningRateSchedule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::LearningRateSchedule").SetParent<Object>().SetGroupName("EdgeDml");
    return tid;
}

double
LearningRateSchedule::GetRate(double baseRate, uint32_t round) const
{
    return DoGetRate(baseRate, round);
}

TypeId
ConstantLearningRate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::ConstantLearningRate")
                            .SetParent<LearningRateSchedule>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<ConstantLearningRate>();
    return tid;
}

double
ConstantLearningRate::DoGetRate(double baseRate, uint32_t /* round */) const
{
    return baseRate;
}

TypeId
InverseTimeLearningRate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::InverseTimeLearningRate")
                            .SetParent<LearningRateSchedule>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<InverseTimeLearningRate>()
                            .AddAttribute("Decay",
                                          "Decay d of eta_t = eta_0 / (1 + d t), per round.",
                                          DoubleValue(0.1),
                                          MakeDoubleAccessor(&InverseTimeLearningRate::m_decay),
                                          MakeDoubleChecker<double>(0.0, 1e6));
    return tid;
}

InverseTimeLearningRate::InverseTimeLearningRate()
    : m_decay(0.1)
{
}

double
InverseTimeLearningRate::DoGetRate(double baseRate, uint32_t round) const
{
    return baseRate / (1.0 + m_decay * round);
}

TypeId
StepLearningRate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::StepLearningRate")
                            .SetParent<LearningRateSchedule>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<StepLearningRate>()
                            .AddAttribute("Factor",
                                          "Multiplier of eta at every step (dimensionless).",
                                          DoubleValue(0.5),
                                          MakeDoubleAccessor(&StepLearningRate::m_factor),
                                          MakeDoubleChecker<double>(1e-6, 1.0))
                            .AddAttribute("StepRounds",
                                          "Rounds between steps, in rounds.",
                                          UintegerValue(10),
                                          MakeUintegerAccessor(&StepLearningRate::m_stepRounds),
                                          MakeUintegerChecker<uint32_t>(1, 1000000));
    return tid;
}

StepLearningRate::StepLearningRate()
    : m_factor(0.5),
      m_stepRounds(10)
{
}

double
StepLearningRate::DoGetRate(double baseRate, uint32_t round) const
{
    return baseRate * std::pow(m_factor, static_cast<double>(round / m_stepRounds));
}

} // namespace edgedml
} // namespace ns3
