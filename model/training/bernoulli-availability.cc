/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bernoulli-availability.h"

#include "ns3/double.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(BernoulliAvailability);

TypeId
BernoulliAvailability::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::BernoulliAvailability")
            .SetParent<WorkerAvailabilityModel>()
            .SetGroupName("EdgeDml")
            .AddConstructor<BernoulliAvailability>()
            .AddAttribute("ProbabilityAvailable",
                          "p_a: probability that the worker is available in a round, drawn "
                          "independently per round.",
                          DoubleValue(0.9),
                          MakeDoubleAccessor(&BernoulliAvailability::m_probabilityAvailable),
                          MakeDoubleChecker<double>(0.0, 1.0));
    return tid;
}

BernoulliAvailability::BernoulliAvailability()
    : m_probabilityAvailable(0.9),
      m_uniform(CreateObject<UniformRandomVariable>())
{
}

BernoulliAvailability::~BernoulliAvailability() = default;

double
BernoulliAvailability::GetProbabilityAvailable() const
{
    return m_probabilityAvailable;
}

void
BernoulliAvailability::DoDispose()
{
    m_uniform = nullptr;
    WorkerAvailabilityModel::DoDispose();
}

bool
BernoulliAvailability::DoIsAvailable(uint32_t /* round */, bool /* first */, uint32_t /* steps */)
{
    // U(0, 1) < p: available with probability p (never for p = 0, always for p = 1).
    return m_uniform->GetValue() < m_probabilityAvailable;
}

int64_t
BernoulliAvailability::DoAssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

} // namespace edgedml
} // namespace ns3
