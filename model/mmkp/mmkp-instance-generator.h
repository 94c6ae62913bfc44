/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_INSTANCE_GENERATOR_H
#define EDGE_DML_MMKP_INSTANCE_GENERATOR_H

#include "mmkp-instance.h"

#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Generates MMKP instances of the classic correlated kind used to
 * test MMKP heuristics: every class must take exactly one item, values
 * grow with the total weight, and every capacity is about half of what the
 * heaviest choice would need, so that most combinations are infeasible.
 *
 * For class j = 0..q-1 and item k = 0..l-1 (in this order), the weights
 * w_{jkd} (d = 0..m-1) are integers drawn uniformly from
 * [0, MaxWeight], then the value is
 *
 *   v_{jk} = sum_d w_{jkd} + u_{jk},   u_{jk} uniform integer in [0, ValueNoise]
 *
 * and the capacity of dimension d is
 *
 *   C_d = floor(CapacityFraction * sum_j max_k w_{jkd}).
 *
 * The instance has no resources and no base value; MustAssignAll is the
 * MustAssignAll attribute. All numbers are integers, so the instance is
 * written and read back exactly in the MMKP text format.
 *
 * Randomness: one UniformRandomVariable; every weight and every noise term
 * is one GetInteger draw, in the order above (q l (m + 1) draws), so the same
 * seed, run and stream give the same instance. AssignStreams uses 1 stream.
 */
class MmkpInstanceGenerator : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MmkpInstanceGenerator();
    ~MmkpInstanceGenerator() override;

    /**
     * \brief Draw one instance (a second call draws another).
     * \return the instance
     */
    MmkpInstance Generate();

    /**
     * \brief Assign a fixed random variable stream.
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    Ptr<UniformRandomVariable> m_rng; //!< weights and value noise
    uint32_t m_classes;               //!< number of classes q
    uint32_t m_itemsPerClass;         //!< items per class l
    uint32_t m_dimensions;            //!< capacity dimensions m
    uint32_t m_maxWeight;             //!< largest weight (weights in [0, MaxWeight])
    uint32_t m_valueNoise;            //!< largest noise added to a value
    double m_capacityFraction;        //!< capacity as a fraction of the summed class maxima
    bool m_mustAssignAll;             //!< every class must take an item
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_INSTANCE_GENERATOR_H */
