/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "iid-data-partitioner.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(IidDataPartitioner);

void
ShuffleRows(std::vector<uint32_t>& rows, Ptr<UniformRandomVariable> uniform)
{
    for (std::size_t i = rows.size(); i > 1; --i)
    {
        const uint32_t j = uniform->GetInteger(0, static_cast<uint32_t>(i - 1));
        std::swap(rows[i - 1], rows[j]);
    }
}

TypeId
IidDataPartitioner::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::IidDataPartitioner")
                            .SetParent<DataPartitioner>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<IidDataPartitioner>();
    return tid;
}

IidDataPartitioner::IidDataPartitioner()
    : m_uniform(CreateObject<UniformRandomVariable>())
{
}

IidDataPartitioner::~IidDataPartitioner() = default;

void
IidDataPartitioner::DoDispose()
{
    m_uniform = nullptr;
    DataPartitioner::DoDispose();
}

int64_t
IidDataPartitioner::DoAssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

std::vector<std::vector<uint32_t>>
IidDataPartitioner::DoPartition(const Dataset& data, const std::vector<uint32_t>& sizes)
{
    std::vector<uint32_t> rows = data.AllRows();
    ShuffleRows(rows, m_uniform);
    std::vector<std::vector<uint32_t>> shards(sizes.size());
    std::size_t next = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i)
    {
        shards[i].assign(rows.begin() + next, rows.begin() + next + sizes[i]);
        next += sizes[i];
    }
    return shards;
}

} // namespace edgedml
} // namespace ns3
