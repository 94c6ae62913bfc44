/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model-aggregation.h"

#include "ns3/abort.h"

namespace ns3
{
namespace edgedml
{

void
WeightedAverageAccumulator::Add(const Eigen::VectorXd& parameters, double weight)
{
    if (!(weight > 0.0))
    {
        return;
    }
    if (m_count == 0)
    {
        m_sum = weight * parameters;
    }
    else
    {
        NS_ABORT_MSG_IF(parameters.size() != m_sum.size(), "updates of different sizes");
        m_sum += weight * parameters;
    }
    m_totalWeight += weight;
    ++m_count;
}

uint32_t
WeightedAverageAccumulator::GetCount() const
{
    return m_count;
}

double
WeightedAverageAccumulator::GetTotalWeight() const
{
    return m_totalWeight;
}

Eigen::VectorXd
WeightedAverageAccumulator::Result(const Eigen::VectorXd& fallback) const
{
    if (m_count == 0)
    {
        return fallback;
    }
    NS_ABORT_MSG_IF(fallback.size() != m_sum.size(), "updates and model of different sizes");
    return m_sum / m_totalWeight;
}

Eigen::VectorXd
AggregateUpdates(const Eigen::VectorXd& current, const std::vector<WorkerUpdate>& updates)
{
    WeightedAverageAccumulator accumulator;
    for (const WorkerUpdate& u : updates)
    {
        if (u.receivedModel && !u.busy && u.arrived)
        {
            accumulator.Add(u.parameters, u.numSamples);
        }
    }
    return accumulator.Result(current);
}

} // namespace edgedml
} // namespace ns3
