/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_RANDOM_WORKER_SELECTORS_H
#define EDGE_DML_RANDOM_WORKER_SELECTORS_H

#include "worker-selector.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief k distinct eligible workers drawn uniformly at random (every
 * k-subset equally likely; a partial Fisher-Yates shuffle).
 */
class RandomKSelector : public WorkerSelector
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    RandomKSelector();

  protected:
    void DoDispose() override;

  private:
    std::vector<uint32_t> DoSelect(uint32_t round,
                                   uint32_t k,
                                   const std::vector<const WorkerCandidate*>& eligible,
                                   const std::vector<WorkerCandidate>& all) override;
    int64_t DoAssignStreams(int64_t stream) override;

    Ptr<UniformRandomVariable> m_uniform; //!< the draws
};

/**
 * \ingroup edge-dml
 * \brief Power-of-choice selection (Cho, Wang and Joshi): sample d distinct
 * eligible workers without replacement with probability proportional to
 * their samples s_i, then keep the k of them with the highest local loss
 * F_i(W_t) (ties to the lower id).
 */
class PowerOfChoiceSelector : public WorkerSelector
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PowerOfChoiceSelector();

  protected:
    void DoDispose() override;

  private:
    std::vector<uint32_t> DoSelect(uint32_t round,
                                   uint32_t k,
                                   const std::vector<const WorkerCandidate*>& eligible,
                                   const std::vector<WorkerCandidate>& all) override;
    int64_t DoAssignStreams(int64_t stream) override;

    uint32_t m_d;                         //!< candidates sampled d (at least k)
    Ptr<UniformRandomVariable> m_uniform; //!< the draws
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_RANDOM_WORKER_SELECTORS_H */
