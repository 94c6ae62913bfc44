/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tabu-memory.h"

#include <algorithm>
#include <iterator>

namespace ns3
{
namespace edgedml
{

TabuMemory::TabuMemory(uint32_t rows)
    : m_rows(rows)
{
    if (rows <= DENSE_ROWS)
    {
        m_dense.assign(static_cast<std::size_t>(rows) * rows, 0);
    }
}

void
TabuMemory::Clear()
{
    std::fill(m_dense.begin(), m_dense.end(), 0);
    m_sparse.clear();
    m_purgeAt = 64;
}

void
TabuMemory::Set(uint32_t a, uint32_t b, uint64_t until, uint64_t now)
{
    const uint64_t key = Key(a, b);
    if (!m_dense.empty())
    {
        m_dense[key] = static_cast<uint32_t>(std::min<uint64_t>(until, UINT32_MAX));
        return;
    }
    if (m_sparse.size() >= m_purgeAt)
    {
        for (auto it = m_sparse.begin(); it != m_sparse.end();)
        {
            it = it->second <= now ? m_sparse.erase(it) : std::next(it);
        }
        m_purgeAt = std::max<std::size_t>(64, 2 * m_sparse.size());
    }
    m_sparse[key] = until;
}

} // namespace edgedml
} // namespace ns3
