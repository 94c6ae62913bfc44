/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "min-cost-assignment.h"

#include <algorithm>
#include <limits>

namespace ns3
{
namespace edgedml
{

void
SolveMinCostAssignment(const std::vector<double>& cost,
                       uint32_t rows,
                       uint32_t columns,
                       std::vector<uint32_t>& rowColumn)
{
    constexpr double INF = std::numeric_limits<double>::infinity();
    // 1-based potentials u (rows) and v (columns); p[c] = row matched to column c.
    std::vector<double> u(rows + 1, 0.0);
    std::vector<double> v(columns + 1, 0.0);
    std::vector<uint32_t> p(columns + 1, 0);
    std::vector<uint32_t> way(columns + 1, 0);
    std::vector<double> minv(columns + 1);
    std::vector<char> used(columns + 1);
    for (uint32_t i = 1; i <= rows; ++i)
    {
        p[0] = i;
        uint32_t j0 = 0;
        std::fill(minv.begin(), minv.end(), INF);
        std::fill(used.begin(), used.end(), 0);
        do
        {
            used[j0] = 1;
            const uint32_t i0 = p[j0];
            double delta = INF;
            uint32_t j1 = 0;
            const double* row = &cost[static_cast<std::size_t>(i0 - 1) * columns];
            for (uint32_t j = 1; j <= columns; ++j)
            {
                if (used[j])
                {
                    continue;
                }
                const double cur = row[j - 1] - u[i0] - v[j];
                if (cur < minv[j])
                {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta)
                {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (uint32_t j = 0; j <= columns; ++j)
            {
                if (used[j])
                {
                    u[p[j]] += delta;
                    v[j] -= delta;
                }
                else
                {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do
        {
            const uint32_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    rowColumn.assign(rows, 0);
    for (uint32_t j = 1; j <= columns; ++j)
    {
        if (p[j] != 0)
        {
            rowColumn[p[j] - 1] = j - 1;
        }
    }
}

} // namespace edgedml
} // namespace ns3
