/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "data-partitioner.h"

#include "ns3/abort.h"

#include <numeric>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(DataPartitioner);

TypeId
DataPartitioner::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::DataPartitioner").SetParent<Object>().SetGroupName("EdgeDml");
    return tid;
}

DataPartitioner::DataPartitioner() = default;

DataPartitioner::~DataPartitioner() = default;

std::vector<std::vector<uint32_t>>
DataPartitioner::Partition(const Dataset& data, const std::vector<uint32_t>& sizes)
{
    const uint64_t total = std::accumulate(sizes.begin(), sizes.end(), uint64_t(0));
    NS_ABORT_MSG_IF(total > data.GetNumSamples(),
                    "the ES sample counts add up to " << total << " but the data set holds only "
                                                      << data.GetNumSamples() << " samples");
    std::vector<std::vector<uint32_t>> shards = DoPartition(data, sizes);
    NS_ABORT_MSG_IF(shards.size() != sizes.size(), "partitioner returned a wrong number of shards");
    std::vector<bool> used(data.GetNumSamples(), false);
    for (std::size_t i = 0; i < shards.size(); ++i)
    {
        NS_ABORT_MSG_IF(shards[i].size() != sizes[i], "partitioner returned a wrong shard size");
        for (uint32_t row : shards[i])
        {
            NS_ABORT_MSG_IF(row >= used.size() || used[row], "partitioner returned bad rows");
            used[row] = true;
        }
    }
    return shards;
}

int64_t
DataPartitioner::AssignStreams(int64_t stream)
{
    return DoAssignStreams(stream);
}

} // namespace edgedml
} // namespace ns3
