/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-work-policy.h"

#include "ns3/double.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(LocalWorkPolicy);
NS_OBJECT_ENSURE_REGISTERED(FixedLocalWork);
NS_OBJECT_ENSURE_REGISTERED(DataProportionalBatch);
NS_OBJECT_ENSURE_REGISTERED(ComputeProportionalBatch);
NS_OBJECT_ENSURE_REGISTERED(AdaptiveLocalSteps);

namespace
{

/// \param x a positive real \return it rounded, at least 1
uint32_t
AtLeastOne(double x)
{
    return static_cast<uint32_t>(std::clamp(std::round(x), 1.0, 1e9));
}

} // namespace

TypeId
LocalWorkPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::LocalWorkPolicy").SetParent<Object>().SetGroupName("EdgeDml");
    return tid;
}

LocalWork
LocalWorkPolicy::Choose(const LocalWorkContext& context)
{
    LocalWork work = DoChoose(context);
    work.localSteps = std::max(1u, work.localSteps);
    work.batchSize = std::max(1u, work.batchSize);
    return work;
}

TypeId
FixedLocalWork::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::FixedLocalWork")
                            .SetParent<LocalWorkPolicy>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<FixedLocalWork>();
    return tid;
}

LocalWork
FixedLocalWork::DoChoose(const LocalWorkContext& context)
{
    return {context.localSteps, context.batchSize};
}

TypeId
DataProportionalBatch::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::DataProportionalBatch")
            .SetParent<LocalWorkPolicy>()
            .SetGroupName("EdgeDml")
            .AddConstructor<DataProportionalBatch>()
            .AddAttribute("ReferenceSamples",
                          "Shard size at which a worker takes the configured batch size, in "
                          "samples (default: the mean of the system model's s_i draw).",
                          DoubleValue(350.0),
                          MakeDoubleAccessor(&DataProportionalBatch::m_referenceSamples),
                          MakeDoubleChecker<double>(1.0, 1e12));
    return tid;
}

DataProportionalBatch::DataProportionalBatch()
    : m_referenceSamples(350.0)
{
}

LocalWork
DataProportionalBatch::DoChoose(const LocalWorkContext& context)
{
    return {context.localSteps,
            AtLeastOne(context.batchSize * context.samples / m_referenceSamples)};
}

TypeId
ComputeProportionalBatch::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::ComputeProportionalBatch")
            .SetParent<LocalWorkPolicy>()
            .SetGroupName("EdgeDml")
            .AddConstructor<ComputeProportionalBatch>()
            .AddAttribute("ReferenceCpuHz",
                          "CPU frequency at which a worker takes the configured batch size, "
                          "in Hz.",
                          DoubleValue(2e9),
                          MakeDoubleAccessor(&ComputeProportionalBatch::m_referenceCpuHz),
                          MakeDoubleChecker<double>(1.0, 1e15));
    return tid;
}

ComputeProportionalBatch::ComputeProportionalBatch()
    : m_referenceCpuHz(2e9)
{
}

LocalWork
ComputeProportionalBatch::DoChoose(const LocalWorkContext& context)
{
    return {context.localSteps, AtLeastOne(context.batchSize * context.cpuHz / m_referenceCpuHz)};
}

TypeId
AdaptiveLocalSteps::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::AdaptiveLocalSteps")
            .SetParent<LocalWorkPolicy>()
            .SetGroupName("EdgeDml")
            .AddConstructor<AdaptiveLocalSteps>()
            .AddAttribute("MinLocalSteps",
                          "Lower bound of the adapted local steps, in steps.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&AdaptiveLocalSteps::m_minLocalSteps),
                          MakeUintegerChecker<uint32_t>(1, 1000000));
    return tid;
}

AdaptiveLocalSteps::AdaptiveLocalSteps()
    : m_minLocalSteps(1)
{
}

LocalWork
AdaptiveLocalSteps::DoChoose(const LocalWorkContext& context)
{
    if (!context.loss)
    {
        return {context.localSteps, context.batchSize};
    }
    const double loss = context.loss();
    const double first = m_firstLoss.emplace(context.worker, loss).first->second;
    const double ratio = first > 0.0 ? std::max(0.0, loss / first) : 1.0;
    const double tau = std::ceil(std::sqrt(ratio) * context.localSteps - 1e-9);
    return {std::max(m_minLocalSteps, static_cast<uint32_t>(std::clamp(tau, 1.0, 1e9))),
            context.batchSize};
}

} // namespace edgedml
} // namespace ns3
