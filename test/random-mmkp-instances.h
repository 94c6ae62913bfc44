/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TEST_RANDOM_MMKP_INSTANCES_H
#define EDGE_DML_TEST_RANDOM_MMKP_INSTANCES_H

#include "ns3/mmkp-instance.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{
namespace test
{

/**
 * \ingroup edge-dml-tests
 * \brief Shape of a random MMKP test instance.
 */
struct RandomMmkpShape
{
    uint32_t classes{4};           //!< number of classes (tasks)
    uint32_t resources{5};         //!< number of resources (edge servers)
    uint32_t dimensions{2};        //!< capacity dimensions
    double pairFeasibility{0.8};   //!< probability that a (class, resource) item exists
    double capacityFraction{0.4};  //!< capacity as a fraction of the mean total weight per class
    double negativeValueProb{0.2}; //!< probability that an item's value is negative
    bool disjoint{true};           //!< resources disjoint across classes
    bool mustAssignAll{false};     //!< Strict preset: every class placed
};

/**
 * \ingroup edge-dml-tests
 * \brief A reproducible random MMKP instance in the task-scheduling layout:
 * class j offers one item per resource i with probability pairFeasibility.
 * Weights are uniform in [0, 1); capacities are capacityFraction * classes *
 * 0.5 per dimension. Uses std::mt19937_64 with an explicit seed, so the
 * instance depends on the seed only.
 * \param shape the shape
 * \param seed the seed
 * \return the instance
 */
inline MmkpInstance
MakeRandomMmkpInstance(const RandomMmkpShape& shape, uint64_t seed)
{
    std::mt19937_64 gen(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> capacities(shape.dimensions, shape.capacityFraction * shape.classes * 0.5);
    MmkpInstance instance(capacities);
    instance.SetResourcesDisjoint(shape.disjoint);
    instance.SetMustAssignAll(shape.mustAssignAll);
    instance.SetBaseValue(unit(gen));
    std::vector<double> weights(shape.dimensions);
    for (uint32_t j = 0; j < shape.classes; ++j)
    {
        instance.AddClass();
        for (uint32_t i = 0; i < shape.resources; ++i)
        {
            if (unit(gen) >= shape.pairFeasibility)
            {
                continue;
            }
            const double sign = unit(gen) < shape.negativeValueProb ? -1.0 : 1.0;
            const double value = sign * unit(gen);
            for (auto& w : weights)
            {
                w = unit(gen);
            }
            instance.AddItem(value, weights, static_cast<int32_t>(i));
        }
    }
    return instance;
}

/**
 * \ingroup edge-dml-tests
 * \brief Brute-force optimum of a small instance by enumerating every
 * assignment (each class: one of its items or rejected). Exponential: keep
 * classes * items small (e.g. 5 classes of 6 items).
 * \param instance the instance
 * \param[out] best the best feasible assignment found (empty if none)
 * \return whether any feasible assignment exists
 */
inline bool
BruteForceMmkpOptimum(const MmkpInstance& instance, std::vector<int64_t>& best)
{
    const uint32_t q = instance.GetNumClasses();
    std::vector<int64_t> current(q, MmkpInstance::REJECTED);
    double bestValue = -1e300;
    bool found = false;
    best.clear();
    // Depth-first over classes; capacities and disjointness are checked by the
    // shared validator at the leaves (small instances only).
    std::vector<uint32_t> choice(q, 0); // 0 = rejected, k = k-th item
    while (true)
    {
        for (uint32_t j = 0; j < q; ++j)
        {
            current[j] =
                choice[j] == 0 ? MmkpInstance::REJECTED : instance.GetFirstItem(j) + choice[j] - 1;
        }
        if (CheckMmkpAssignment(instance, current).feasible)
        {
            const double value = instance.Evaluate(current);
            if (!found || value > bestValue)
            {
                bestValue = value;
                best = current;
                found = true;
            }
        }
        uint32_t j = 0;
        while (j < q)
        {
            if (++choice[j] <= instance.GetNumItems(j))
            {
                break;
            }
            choice[j] = 0;
            ++j;
        }
        if (j == q)
        {
            break;
        }
    }
    return found;
}

} // namespace test
} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TEST_RANDOM_MMKP_INSTANCES_H */
