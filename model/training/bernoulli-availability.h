/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_BERNOULLI_AVAILABILITY_H
#define EDGE_DML_BERNOULLI_AVAILABILITY_H

#include "worker-availability-model.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The worker is available in each round independently with
 * probability p_a (ProbabilityAvailable): one uniform draw per round asked
 * about (1 stream).
 */
class BernoulliAvailability : public WorkerAvailabilityModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BernoulliAvailability();
    ~BernoulliAvailability() override;

    /// \return p_a (attribute ProbabilityAvailable)
    double GetProbabilityAvailable() const;

  protected:
    void DoDispose() override;

  private:
    bool DoIsAvailable(uint32_t round, bool first, uint32_t steps) override;
    int64_t DoAssignStreams(int64_t stream) override;

    double m_probabilityAvailable;        //!< p_a, per round
    Ptr<UniformRandomVariable> m_uniform; //!< the draws
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_BERNOULLI_AVAILABILITY_H */
