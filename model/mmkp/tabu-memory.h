/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TABU_MEMORY_H
#define EDGE_DML_TABU_MEMORY_H

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The paper's n x n tabu memory of the tabu searches: per unordered
 * pair of rows (ES), the first iteration at which a swap of the pair is no
 * longer tabu. A dense matrix for n <= DENSE_ROWS rows; beyond, a hash map
 * of the recent moves, purged of expired entries, so n = 10,000 needs no
 * 400 MB.
 */
class TabuMemory
{
  public:
    /// Largest number of rows for which the memory is a dense n x n matrix.
    static constexpr uint32_t DENSE_ROWS = 1024;

    /// \param rows number of rows n
    explicit TabuMemory(uint32_t rows);

    /// \brief Forget every entry (a new search phase).
    void Clear();

    /// \param a a row \param b another row \param iteration the current iteration
    /// \return whether the pair is tabu at that iteration
    bool IsTabu(uint32_t a, uint32_t b, uint64_t iteration) const
    {
        const uint64_t key = Key(a, b);
        if (!m_dense.empty())
        {
            return m_dense[key] > iteration;
        }
        auto it = m_sparse.find(key);
        return it != m_sparse.end() && it->second > iteration;
    }

    /**
     * \param a a row \param b another row
     * \param until first iteration at which the pair is free again
     * \param now the current iteration
     */
    void Set(uint32_t a, uint32_t b, uint64_t until, uint64_t now);

  private:
    /// \param a a row \param b another row \return the key of the unordered pair
    uint64_t Key(uint32_t a, uint32_t b) const
    {
        return a < b ? static_cast<uint64_t>(a) * m_rows + b
                     : static_cast<uint64_t>(b) * m_rows + a;
    }

    uint32_t m_rows;                                 //!< number of rows
    std::vector<uint32_t> m_dense;                   //!< dense matrix, row-major
    std::unordered_map<uint64_t, uint64_t> m_sparse; //!< recent moves
    std::size_t m_purgeAt{64};                       //!< map size that triggers a purge
};

/**
 * \ingroup edge-dml
 * \brief The paper's choice among an iteration's candidate moves: the kept
 * candidates are the best `kept` feasible ones by score (ties by draw
 * order); the chosen one is the best kept candidate that is not tabu or
 * that beats the best solution found (aspiration). Computed without a
 * sort: the best eligible candidate, if fewer than `kept` rank above it.
 * \tparam Candidate a type with members score, delta (objective change) and
 *         index (draw order)
 * \tparam IsTabu a predicate on a candidate
 * \param candidates the feasible candidates, in draw order
 * \param kept how many are kept (the paper: 25 of r = 50)
 * \param objective the current objective
 * \param bestObjective the best objective found
 * \param margin the least improvement that counts for aspiration
 * \param isTabu whether a candidate is tabu
 * \return the chosen candidate, or null
 */
template <typename Candidate, typename IsTabu>
const Candidate*
ChooseTabuCandidate(const std::vector<Candidate>& candidates,
                    uint32_t kept,
                    double objective,
                    double bestObjective,
                    double margin,
                    IsTabu isTabu)
{
    const Candidate* chosen = nullptr;
    for (const Candidate& cand : candidates)
    {
        if (chosen && cand.score <= chosen->score)
        {
            continue; // drawn later and not better
        }
        const bool aspiration = objective + cand.delta > bestObjective + margin;
        if (aspiration || !isTabu(cand))
        {
            chosen = &cand;
        }
    }
    if (!chosen)
    {
        return nullptr;
    }
    uint32_t above = 0;
    for (const Candidate& cand : candidates)
    {
        above += cand.score > chosen->score ||
                         (cand.score == chosen->score && cand.index < chosen->index)
                     ? 1
                     : 0;
    }
    return above < kept ? chosen : nullptr;
}

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TABU_MEMORY_H */
