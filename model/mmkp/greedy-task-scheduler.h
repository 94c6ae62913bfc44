/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_GREEDY_TASK_SCHEDULER_H
#define EDGE_DML_GREEDY_TASK_SCHEDULER_H

#include "mmkp-search-state.h"
#include "task-scheduler.h"

#include "ns3/random-variable-stream.h"

#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A uniformly random order of the classes (Fisher-Yates): for k = q-1
 * down to 1, swap position k with a position drawn by
 * rng->GetInteger(0, k). Draws exactly q - 1 values (none for q <= 1).
 * \param numClasses the number of classes q
 * \param rng the random variable
 * \return a permutation of 0..q-1
 */
std::vector<uint32_t> DrawRandomClassOrder(uint32_t numClasses, Ptr<UniformRandomVariable> rng);

/**
 * \ingroup edge-dml
 * \brief The paper's greedy construction, shared by the greedy, tabu and
 * annealing schedulers: starting from all classes rejected, each class in the
 * given order takes its highest-valued item whose resource is free and whose
 * weights fit the remaining capacities (ties: the lowest item index). Without
 * MustAssignAll only items of value > 0 are taken (rejecting is free); with
 * it the best fitting item is taken whatever its sign. Linear in the number
 * of items.
 * \param state the state, cleared first; holds the result
 * \param order the class order (a permutation of the classes)
 * \return false when MustAssignAll is set and some class could not be placed
 *         (the state then holds the partial assignment)
 */
bool BuildGreedyAssignment(MmkpSearchState& state, const std::vector<uint32_t>& order);

/**
 * \ingroup edge-dml
 * \brief The paper's greedy task scheduler (the system model, "Task scheduling"): tasks in a
 * uniformly random order, each to its highest-utility free ES that fits both
 * capacities; see BuildGreedyAssignment. When that rule leaves a task of a
 * Strict instance unplaced, the feasibility-first path runs instead
 * (MmkpFeasibilityRepair::MakeFeasible from the greedy's partial
 * placement). Status FEASIBLE, or NO_SOLUTION_FOUND when the repair fails
 * too. Uses one random stream (the class order).
 */
class GreedyTaskScheduler : public TaskScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    GreedyTaskScheduler();
    ~GreedyTaskScheduler() override;

  private:
    Result DoSchedule(const MmkpInstance& instance) override;
    int64_t DoAssignStreams(int64_t stream) override;

    Ptr<UniformRandomVariable> m_orderRng; //!< draws the class order
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_GREEDY_TASK_SCHEDULER_H */
