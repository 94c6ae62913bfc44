/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "log-normal-shadowing-loss-model.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("LogNormalShadowingLossModel");
NS_OBJECT_ENSURE_REGISTERED(LogNormalShadowingLossModel);

namespace
{

/// The splitmix64 finalizer: a bijective 64-bit mixing function.
/// \param x input \return mixed value
uint64_t
Mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/// \param bits 64 random bits \return a uniform double in (0, 1), never 0
double
ToOpenUnit(uint64_t bits)
{
    return (static_cast<double>(bits >> 11) + 0.5) * (1.0 / 9007199254740992.0); // 2^-53
}

} // namespace

TypeId
LogNormalShadowingLossModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::LogNormalShadowingLossModel")
            .SetParent<PropagationLossModel>()
            .SetGroupName("EdgeDml")
            .AddConstructor<LogNormalShadowingLossModel>()
            .AddAttribute("StandardDeviationDb",
                          "Standard deviation sigma of the shadowing, in dB. "
                          "0 disables shadowing.",
                          DoubleValue(8.0),
                          MakeDoubleAccessor(&LogNormalShadowingLossModel::m_standardDeviationDb),
                          MakeDoubleChecker<double>(0.0, 100.0));
    return tid;
}

LogNormalShadowingLossModel::LogNormalShadowingLossModel()
    : m_standardDeviationDb(8.0),
      m_rv(CreateObject<UniformRandomVariable>())
{
}

LogNormalShadowingLossModel::~LogNormalShadowingLossModel() = default;

void
LogNormalShadowingLossModel::DoDispose()
{
    m_keys.clear();
    m_rv = nullptr;
    PropagationLossModel::DoDispose();
}

uint64_t
LogNormalShadowingLossModel::GetKey(const Ptr<MobilityModel>& model) const
{
    NS_ABORT_MSG_UNLESS(model, "LogNormalShadowingLossModel: null mobility model");
    auto it = m_keys.find(PeekPointer(model));
    if (it != m_keys.end())
    {
        return it->second.key;
    }
    const uint64_t high = m_rv->GetInteger(0, 0xFFFFFFFFU);
    const uint64_t low = m_rv->GetInteger(0, 0xFFFFFFFFU);
    const uint64_t key = (high << 32) | low;
    m_keys.emplace(PeekPointer(model), KeyEntry{model, key});
    return key;
}

double
LogNormalShadowingLossModel::GetShadowingLossDb(Ptr<MobilityModel> a, Ptr<MobilityModel> b) const
{
    if (m_standardDeviationDb == 0.0)
    {
        return 0.0;
    }
    uint64_t ka = GetKey(a);
    uint64_t kb = GetKey(b);
    if (ka > kb)
    {
        std::swap(ka, kb);
    }
    const uint64_t h1 = Mix64(Mix64(ka + 0x9e3779b97f4a7c15ULL) ^ kb);
    const uint64_t h2 = Mix64(h1 ^ 0xd1b54a32d192ed03ULL);
    const double u1 = ToOpenUnit(h1);
    const double u2 = ToOpenUnit(h2);
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    return m_standardDeviationDb * z;
}

double
LogNormalShadowingLossModel::DoCalcRxPower(double txPowerDbm,
                                           Ptr<MobilityModel> a,
                                           Ptr<MobilityModel> b) const
{
    return txPowerDbm - GetShadowingLossDb(a, b);
}

int64_t
LogNormalShadowingLossModel::DoAssignStreams(int64_t stream)
{
    m_rv->SetStream(stream);
    return 1;
}

} // namespace edgedml
} // namespace ns3
