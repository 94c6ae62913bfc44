/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_RANDOM_TASK_SCHEDULER_H
#define EDGE_DML_RANDOM_TASK_SCHEDULER_H

#include "task-scheduler.h"

#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The paper's random baseline: a feasible random placement.
 *
 * Classes (tasks) are visited in a uniformly random order (Fisher-Yates
 * shuffle). Each class gets an item drawn uniformly among its candidates: the
 * items that fit the remaining capacities and, when resources are disjoint,
 * whose resource is still free. When rejecting is allowed (not
 * MmkpInstance::MustAssignAll) only items of value > 0 are candidates, since
 * rejecting is free; a class without candidates is rejected. Under
 * MustAssignAll every fitting item is a candidate; if some class has none, the
 * random rule has failed and the feasibility-first path runs instead
 * (MmkpFeasibilityRepair::MakeFeasible from the placement so far); only if
 * that fails too does the run end with NO_SOLUTION_FOUND (the algorithm
 * does not prove infeasibility).
 *
 * Cost: one shuffle of the classes plus one pass over each class's items,
 * O(classes + items * dimensions) time and O(classes + resources + largest
 * class) memory, reused buffers only.
 *
 * Randomness: one UniformRandomVariable; AssignStreams uses 1 stream.
 */
class RandomTaskScheduler : public TaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    RandomTaskScheduler();
    ~RandomTaskScheduler() override;

  protected:
    void DoDispose() override;

  private:
    Result DoSchedule(const MmkpInstance& instance) override;
    int64_t DoAssignStreams(int64_t stream) override;
    /**
     * \brief The feasibility-first path when the random placement of a
     * MustAssignAll instance leaves a class without a fitting item.
     * \param instance the instance
     * \param partial the placement so far
     * \return the repaired assignment (FEASIBLE) or NO_SOLUTION_FOUND
     */
    Result RepairStrict(const MmkpInstance& instance, const std::vector<int64_t>& partial) const;

    Ptr<UniformRandomVariable> m_rng;    //!< order of the classes and the item choices
    std::vector<uint32_t> m_order;       //!< reused: the visiting order of the classes
    std::vector<int64_t> m_candidates;   //!< reused: candidate items of the current class
    std::vector<uint8_t> m_resourceUsed; //!< reused: per resource, whether it is taken
    std::vector<double> m_load;          //!< reused: load per dimension
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_RANDOM_TASK_SCHEDULER_H */
