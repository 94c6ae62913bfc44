/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TEST_SEARCH_SCHEDULER_TEST_UTIL_H
#define EDGE_DML_TEST_SEARCH_SCHEDULER_TEST_UTIL_H

#include "random-mmkp-instances.h"

#include "ns3/greedy-task-scheduler.h"
#include "ns3/object-factory.h"
#include "ns3/rng-seed-manager.h"

#include <gtest/gtest.h>

namespace ns3
{
namespace edgedml
{
namespace test
{

/**
 * \ingroup edge-dml-tests
 * \brief The realistic shape of the system model, "Task scheduling": 79 tasks, 80 ES, two
 * dimensions, capacities that bind (the greedy assigns about half the tasks).
 * \param strict the Strict preset (then capacities allow placing every task)
 * \return the shape
 */
inline RandomMmkpShape
PaperShape(bool strict)
{
    RandomMmkpShape shape;
    shape.classes = 79;
    shape.resources = 80;
    shape.dimensions = 2;
    shape.capacityFraction = strict ? 1.1 : 0.4;
    shape.mustAssignAll = strict;
    return shape;
}

/**
 * \ingroup edge-dml-tests
 * \brief A varied random shape for validity tests, including degenerate ones
 * (q = 0, no items, zero capacity, one resource).
 * \param seed the seed
 * \return the shape
 */
inline RandomMmkpShape
VariedShape(uint64_t seed)
{
    RandomMmkpShape shape;
    shape.classes = seed % 13;
    shape.resources = 1 + (seed / 3) % 11;
    shape.dimensions = 1 + seed % 3;
    shape.pairFeasibility = (seed % 7) / 6.0;
    shape.capacityFraction = (seed % 6) * 0.2;
    shape.disjoint = seed % 5 != 0;
    shape.mustAssignAll = seed % 4 == 0;
    return shape;
}

/**
 * \ingroup edge-dml-tests
 * \brief Create a scheduler by TypeId name with fixed streams.
 * \param type the TypeId name
 * \param stream the first stream
 * \return the scheduler
 */
inline Ptr<TaskScheduler>
MakeScheduler(const std::string& type, int64_t stream)
{
    ObjectFactory factory(type);
    Ptr<TaskScheduler> scheduler = factory.Create<TaskScheduler>();
    scheduler->AssignStreams(stream);
    return scheduler;
}

} // namespace test
} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TEST_SEARCH_SCHEDULER_TEST_UTIL_H */
