/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dirichlet-data-partitioner.h"

#include "iid-data-partitioner.h"

#include "ns3/double.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(DirichletDataPartitioner);

TypeId
DirichletDataPartitioner::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::DirichletDataPartitioner")
                            .SetParent<DataPartitioner>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<DirichletDataPartitioner>()
                            .AddAttribute("Alpha",
                                          "Dirichlet concentration of each ES's label proportions "
                                          "(small: few labels per ES; large: close to IID).",
                                          DoubleValue(0.5),
                                          MakeDoubleAccessor(&DirichletDataPartitioner::m_alpha),
                                          MakeDoubleChecker<double>(1e-3, 1e6));
    return tid;
}

DirichletDataPartitioner::DirichletDataPartitioner()
    : m_alpha(0.5),
      m_gamma(CreateObject<GammaRandomVariable>()),
      m_uniform(CreateObject<UniformRandomVariable>())
{
}

DirichletDataPartitioner::~DirichletDataPartitioner() = default;

void
DirichletDataPartitioner::DoDispose()
{
    m_gamma = nullptr;
    m_uniform = nullptr;
    DataPartitioner::DoDispose();
}

int64_t
DirichletDataPartitioner::DoAssignStreams(int64_t stream)
{
    m_gamma->SetStream(stream);
    m_uniform->SetStream(stream + 1);
    return 2;
}

std::vector<std::vector<uint32_t>>
DirichletDataPartitioner::DoPartition(const Dataset& data, const std::vector<uint32_t>& sizes)
{
    const uint32_t numClasses = data.numClasses;
    // Per label, its samples in random order; drawing pops from the back.
    std::vector<std::vector<uint32_t>> pools(numClasses);
    for (uint32_t row = 0; row < data.GetNumSamples(); ++row)
    {
        pools[data.labels[row]].push_back(row);
    }
    for (auto& pool : pools)
    {
        ShuffleRows(pool, m_uniform);
    }

    std::vector<std::vector<uint32_t>> shards(sizes.size());
    std::vector<double> p(numClasses);
    std::vector<double> weight(numClasses);
    for (std::size_t i = 0; i < sizes.size(); ++i)
    {
        for (uint32_t k = 0; k < numClasses; ++k)
        {
            p[k] = m_gamma->GetValue(m_alpha, 1.0);
        }
        shards[i].reserve(sizes[i]);
        for (uint32_t s = 0; s < sizes[i]; ++s)
        {
            double sum = 0.0;
            for (uint32_t k = 0; k < numClasses; ++k)
            {
                weight[k] = pools[k].empty() ? 0.0 : p[k];
                sum += weight[k];
            }
            if (!(sum > 0.0))
            {
                // No mass left on the remaining labels: uniform over remaining samples.
                sum = 0.0;
                for (uint32_t k = 0; k < numClasses; ++k)
                {
                    weight[k] = static_cast<double>(pools[k].size());
                    sum += weight[k];
                }
            }
            const double u = m_uniform->GetValue(0.0, sum);
            uint32_t chosen = numClasses;
            double cumulative = 0.0;
            for (uint32_t k = 0; k < numClasses; ++k)
            {
                if (weight[k] <= 0.0)
                {
                    continue;
                }
                chosen = k; // the last label with weight, against rounding at the end
                cumulative += weight[k];
                if (u < cumulative)
                {
                    break;
                }
            }
            shards[i].push_back(pools[chosen].back());
            pools[chosen].pop_back();
        }
    }
    return shards;
}

} // namespace edgedml
} // namespace ns3
