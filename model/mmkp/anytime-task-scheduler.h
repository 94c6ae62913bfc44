/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_ANYTIME_TASK_SCHEDULER_H
#define EDGE_DML_ANYTIME_TASK_SCHEDULER_H

#include "search-deadline.h"
#include "task-scheduler.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Base of the searching heuristics that can use more time: a time
 * limit and restart rounds (abstract: no constructor in its TypeId).
 *
 * A search first runs its regular, deterministic search (its own iteration
 * and work budgets). Then it runs restart rounds, each starting from the
 * best solution found with some diversification, and always returns the
 * best solution seen:
 * - TimeLimitS = 0 (the default): exactly Restarts rounds (default 0, so the
 *   regular search only). Deterministic: the same seed and streams give the
 *   same result, and more rounds never give a worse one.
 * - TimeLimitS > 0: rounds go on until the time limit (at most Restarts of
 *   them when Restarts > 0), and every phase, the regular search included,
 *   stops at the limit, once the search holds a feasible solution (or knows
 *   it has none). The clock decides only when to stop, never a choice within
 *   the search, so with the same seed a later stop never gives a worse result.
 */
class AnytimeTaskScheduler : public TaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    AnytimeTaskScheduler();
    ~AnytimeTaskScheduler() override;

  protected:
    /**
     * \brief The deadline of a solve that starts now (call at the start of
     * DoSchedule).
     * \return the deadline (never expires when TimeLimitS is 0)
     */
    SearchDeadline StartDeadline() const;

    /**
     * \brief Whether another restart round may start.
     * \param roundsDone rounds already run in this solve
     * \param deadline the solve's deadline
     * \return whether to run round roundsDone + 1
     */
    bool MayStartRound(uint32_t roundsDone, const SearchDeadline& deadline) const;

  private:
    double m_timeLimitS; //!< wall-clock limit of one solve, in seconds (0: none)
    uint32_t m_restarts; //!< restart rounds (a cap when a time limit is set; 0: none / no cap)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_ANYTIME_TASK_SCHEDULER_H */
