/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_DIRICHLET_DATA_PARTITIONER_H
#define EDGE_DML_DIRICHLET_DATA_PARTITIONER_H

#include "data-partitioner.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Non-IID split: each ES's label proportions follow Dirichlet(Alpha).
 *
 * For ES i = 0, 1, ... in turn: draw p_i ~ Dir(Alpha, ..., Alpha) over the
 * labels (normalised Gamma(Alpha, 1) draws), then draw its s_i samples one
 * by one: a label k with probability proportional to p_ik, then a uniformly
 * random not yet used sample of label k (without replacement).
 *
 * When labels run out: an exhausted label's share goes to the labels that
 * still have samples, in proportion to p_i (the draw is renormalised over
 * the remaining labels). If p_i puts no mass at all on the remaining labels
 * (possible for tiny Alpha, when Gamma draws underflow to 0), the sample is
 * drawn uniformly from all remaining samples. So every ES always receives
 * exactly s_i distinct samples; ES handled later get more skewed leftovers
 * when the s_i nearly exhaust the data set. Small Alpha: strong label skew;
 * large Alpha: close to IID.
 */
class DirichletDataPartitioner : public DataPartitioner
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DirichletDataPartitioner();
    ~DirichletDataPartitioner() override;

  protected:
    void DoDispose() override;

  private:
    std::vector<std::vector<uint32_t>> DoPartition(const Dataset& data,
                                                   const std::vector<uint32_t>& sizes) override;
    int64_t DoAssignStreams(int64_t stream) override;

    double m_alpha;                       //!< Dirichlet concentration (dimensionless)
    Ptr<GammaRandomVariable> m_gamma;     //!< Gamma(alpha, 1) draws
    Ptr<UniformRandomVariable> m_uniform; //!< label draws and the per-label shuffles
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_DIRICHLET_DATA_PARTITIONER_H
