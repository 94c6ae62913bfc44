/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "annulus-position-allocator.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/vector.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("AnnulusPositionAllocator");
NS_OBJECT_ENSURE_REGISTERED(AnnulusPositionAllocator);

TypeId
AnnulusPositionAllocator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::AnnulusPositionAllocator")
            .SetParent<PositionAllocator>()
            .SetGroupName("EdgeDml")
            .AddConstructor<AnnulusPositionAllocator>()
            .AddAttribute("Centre",
                          "Centre of the annulus, in metres.",
                          VectorValue(Vector(0.0, 0.0, 0.0)),
                          MakeVectorAccessor(&AnnulusPositionAllocator::m_centre),
                          MakeVectorChecker())
            .AddAttribute("MinRadiusM",
                          "Inner radius, in metres.",
                          DoubleValue(50.0),
                          MakeDoubleAccessor(&AnnulusPositionAllocator::m_minRadiusM),
                          MakeDoubleChecker<double>(0.0, 1e7))
            .AddAttribute("MaxRadiusM",
                          "Outer radius, in metres; must exceed MinRadiusM.",
                          DoubleValue(500.0),
                          MakeDoubleAccessor(&AnnulusPositionAllocator::m_maxRadiusM),
                          MakeDoubleChecker<double>(0.0, 1e7));
    return tid;
}

AnnulusPositionAllocator::AnnulusPositionAllocator()
    : m_rv(CreateObject<UniformRandomVariable>()),
      m_minRadiusM(50.0),
      m_maxRadiusM(500.0)
{
}

AnnulusPositionAllocator::~AnnulusPositionAllocator() = default;

void
AnnulusPositionAllocator::SetCentre(const Vector& centre)
{
    m_centre = centre;
}

void
AnnulusPositionAllocator::SetRadii(double minRadiusM, double maxRadiusM)
{
    m_minRadiusM = minRadiusM;
    m_maxRadiusM = maxRadiusM;
}

Vector
AnnulusPositionAllocator::GetNext() const
{
    NS_ABORT_MSG_UNLESS(m_minRadiusM >= 0.0 && m_maxRadiusM > m_minRadiusM,
                        "AnnulusPositionAllocator: need 0 <= MinRadiusM < MaxRadiusM, got "
                            << m_minRadiusM << " and " << m_maxRadiusM);
    const double r2 = m_rv->GetValue(m_minRadiusM * m_minRadiusM, m_maxRadiusM * m_maxRadiusM);
    const double radius = std::sqrt(r2);
    const double angle = m_rv->GetValue(0.0, 2.0 * M_PI);
    Vector position(m_centre.x + radius * std::cos(angle),
                    m_centre.y + radius * std::sin(angle),
                    m_centre.z);
    NS_LOG_DEBUG("annulus position " << position);
    return position;
}

int64_t
AnnulusPositionAllocator::AssignStreams(int64_t stream)
{
    m_rv->SetStream(stream);
    return 1;
}

} // namespace edgedml
} // namespace ns3
