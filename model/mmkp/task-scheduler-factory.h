/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TASK_SCHEDULER_FACTORY_H
#define EDGE_DML_TASK_SCHEDULER_FACTORY_H

#include "task-scheduler.h"

#include "ns3/ptr.h"

#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The short names of the task-scheduling algorithms, in the order
 * tools and examples list them: Random, Greedy, Tabu, Annealing, LocalSearch,
 * Exact.
 * \return the names
 */
const std::vector<std::string>& GetTaskSchedulerShortNames();

/**
 * \ingroup edge-dml
 * \brief Resolve a scheduler name given by a user: a short name (the
 * module's rule, LookupDerivedTypeId: Greedy for GreedyTaskScheduler,
 * case-sensitive) or a full TypeId name of a constructible subclass of
 * ns3::edgedml::TaskScheduler.
 * \param name the name
 * \param[out] tid the TypeId, when found
 * \param[out] error when not found, a message naming the value and the valid
 *             choices
 * \return whether the name was resolved
 */
bool LookupTaskScheduler(const std::string& name, TypeId& tid, std::string& error);

/**
 * \ingroup edge-dml
 * \brief Create a scheduler by a name that LookupTaskScheduler resolved.
 * Aborts on an unknown name (validate user input with LookupTaskScheduler).
 * \param name a short name or TypeId name
 * \return the new scheduler, with default attribute values
 */
Ptr<TaskScheduler> CreateTaskScheduler(const std::string& name);

/**
 * \ingroup edge-dml
 * \brief Create a scheduler by a name given by a user, without aborting.
 * \param name a short name or TypeId name
 * \param[out] error when the name is unknown, the message of
 *             LookupTaskScheduler (names the value and the valid choices)
 * \return the new scheduler with default attribute values, or null
 */
Ptr<TaskScheduler> CreateTaskScheduler(const std::string& name, std::string& error);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TASK_SCHEDULER_FACTORY_H */
