/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_SEARCH_DEADLINE_H
#define EDGE_DML_SEARCH_DEADLINE_H

#include <chrono>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The wall-clock limit of one solve, shared by the phases of a
 * search: each phase asks IsExpired() between its steps and stops there,
 * keeping its best solution.
 *
 * Only the moment at which a search stops depends on the clock, never a
 * decision within it: a search that stops later has followed the same path
 * further, so its best solution is at least as good (same seed and streams).
 * IsExpired() costs one steady_clock read (tens of nanoseconds).
 */
class SearchDeadline
{
  public:
    /// A deadline that never expires.
    SearchDeadline() = default;

    /**
     * \brief A deadline limitS seconds from now.
     * \param limitS the time limit, in seconds; 0 (or less) for none
     */
    explicit SearchDeadline(double limitS)
        : m_limited(limitS > 0.0),
          m_end(std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(m_limited ? limitS : 0.0)))
    {
    }

    /// \return whether a time limit is set
    bool IsLimited() const
    {
        return m_limited;
    }

    /// \return whether the time limit is set and reached
    bool IsExpired() const
    {
        return m_limited && std::chrono::steady_clock::now() >= m_end;
    }

    /// \return the seconds left (0 when expired; a large number without a limit)
    double GetRemainingS() const
    {
        if (!m_limited)
        {
            return 1e30;
        }
        const double left =
            std::chrono::duration<double>(m_end - std::chrono::steady_clock::now()).count();
        return left > 0.0 ? left : 0.0;
    }

  private:
    bool m_limited{false};                         //!< whether a limit is set
    std::chrono::steady_clock::time_point m_end{}; //!< when the limit is reached
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_SEARCH_DEADLINE_H */
