/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_DATA_PARTITIONER_H
#define EDGE_DML_DATA_PARTITIONER_H

#include "dataset.h"

#include "ns3/object.h"

#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Splits a data set over the ES: ES i gets s_i distinct samples.
 *
 * NVI base: Partition() checks the request and the result (disjoint shards
 * of exactly the requested sizes); subclasses (IidDataPartitioner,
 * DirichletDataPartitioner) implement DoPartition. Samples no ES receives are
 * simply unused.
 */
class DataPartitioner : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DataPartitioner();
    ~DataPartitioner() override;
    DataPartitioner(const DataPartitioner&) = delete;
    DataPartitioner& operator=(const DataPartitioner&) = delete;

    /**
     * \brief Split the samples.
     *
     * Aborts (programming error) when the sizes add up to more than the
     * data set holds; callers validate user-given sizes first.
     *
     * \param data the data set
     * \param sizes s_i, the number of samples of each ES
     * \return per ES the row indices of its samples (disjoint, sizes[i] each)
     */
    std::vector<std::vector<uint32_t>> Partition(const Dataset& data,
                                                 const std::vector<uint32_t>& sizes);

    /**
     * \brief Use fixed random streams.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    /**
     * \brief The algorithm.
     * \param data the data set
     * \param sizes s_i (their sum does not exceed the number of samples)
     * \return per ES the row indices of its samples
     */
    virtual std::vector<std::vector<uint32_t>> DoPartition(const Dataset& data,
                                                           const std::vector<uint32_t>& sizes) = 0;

    /**
     * \brief Assign streams to the subclass's random variables.
     * \param stream first stream index
     * \return the number of streams used
     */
    virtual int64_t DoAssignStreams(int64_t stream) = 0;
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_DATA_PARTITIONER_H
