/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MIN_COST_ASSIGNMENT_H
#define EDGE_DML_MIN_COST_ASSIGNMENT_H

#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Minimum-cost assignment of every row to a distinct column (rows <=
 * columns), by shortest augmenting paths with potentials (the Hungarian
 * method), O(rows^2 columns) time and O(columns) memory besides the costs.
 * \param cost row-major rows x columns costs (finite)
 * \param rows number of rows
 * \param columns number of columns (>= rows)
 * \param[out] rowColumn per row, its column
 */
void SolveMinCostAssignment(const std::vector<double>& cost,
                            uint32_t rows,
                            uint32_t columns,
                            std::vector<uint32_t>& rowColumn);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MIN_COST_ASSIGNMENT_H */
