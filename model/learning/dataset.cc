/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dataset.h"

#include "ns3/abort.h"

#include <numeric>

namespace ns3
{
namespace edgedml
{

std::vector<uint32_t>
Dataset::CountLabels() const
{
    return CountLabels(AllRows());
}

std::vector<uint32_t>
Dataset::CountLabels(const std::vector<uint32_t>& rows) const
{
    std::vector<uint32_t> counts(numClasses, 0);
    for (uint32_t row : rows)
    {
        NS_ABORT_MSG_IF(row >= labels.size(), "row " << row << " out of range");
        NS_ABORT_MSG_IF(labels[row] >= numClasses, "label " << labels[row] << " out of range");
        ++counts[labels[row]];
    }
    return counts;
}

std::vector<uint32_t>
Dataset::AllRows() const
{
    std::vector<uint32_t> rows(labels.size());
    std::iota(rows.begin(), rows.end(), 0u);
    return rows;
}

void
GatherBatch(const Dataset& data,
            const std::vector<uint32_t>& rows,
            std::size_t begin,
            std::size_t end,
            BatchMatrix& x,
            std::vector<uint32_t>& y)
{
    NS_ABORT_MSG_IF(begin > end || end > rows.size(), "bad batch range");
    const auto n = static_cast<Eigen::Index>(end - begin);
    x.resize(n, data.features.cols());
    y.resize(end - begin);
    for (Eigen::Index r = 0; r < n; ++r)
    {
        const uint32_t row = rows[begin + r];
        NS_ABORT_MSG_IF(row >= data.labels.size(), "row " << row << " out of range");
        x.row(r) = data.features.row(row).cast<double>();
        y[r] = data.labels[row];
    }
}

} // namespace edgedml
} // namespace ns3
