/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_IID_DATA_PARTITIONER_H
#define EDGE_DML_IID_DATA_PARTITIONER_H

#include "data-partitioner.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \brief Shuffle the first n entries of rows uniformly (Fisher-Yates).
 * \param rows the list to shuffle in place
 * \param uniform the stream
 */
void ShuffleRows(std::vector<uint32_t>& rows, Ptr<UniformRandomVariable> uniform);

/**
 * \ingroup edge-dml
 * \brief IID split: one uniform random permutation of all samples, cut into
 * consecutive blocks of s_1, s_2, ... samples.
 */
class IidDataPartitioner : public DataPartitioner
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    IidDataPartitioner();
    ~IidDataPartitioner() override;

  protected:
    void DoDispose() override;

  private:
    std::vector<std::vector<uint32_t>> DoPartition(const Dataset& data,
                                                   const std::vector<uint32_t>& sizes) override;
    int64_t DoAssignStreams(int64_t stream) override;

    Ptr<UniformRandomVariable> m_uniform; //!< the shuffle
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_IID_DATA_PARTITIONER_H
