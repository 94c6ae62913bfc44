/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MARKOV_ON_OFF_AVAILABILITY_H
#define EDGE_DML_MARKOV_ON_OFF_AVAILABILITY_H

#include "worker-availability-model.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The worker's availability follows a two-state Markov chain that
 * steps once per round: on -> off with probability a
 * (ProbabilityOnToOff), off -> on with probability b (ProbabilityOffToOn).
 *
 * Stationary distribution pi_on = b / (a + b); an on-run (rounds in a row
 * available) is geometric with mean 1 / a, an off-run with mean 1 / b. The
 * state of the first round asked about is drawn from InitialState
 * (Stationary: on with probability pi_on; On; Off) at round 0 and moved
 * through the rounds before it. Over k rounds not asked about the chain
 * steps k times at once: P(on after k | on) = pi_on + (1 - pi_on) l^k and
 * P(on after k | off) = pi_on (1 - l^k), l = 1 - a - b. With a = b = 0 the
 * state never changes (Stationary then starts On). One uniform draw per
 * round asked about, plus one for the initial state (1 stream).
 */
class MarkovOnOffAvailability : public WorkerAvailabilityModel
{
  public:
    /// The state of the first round.
    enum InitialState
    {
        STATIONARY, //!< on with probability pi_on = b / (a + b)
        ON,         //!< on
        OFF,        //!< off
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MarkovOnOffAvailability();
    ~MarkovOnOffAvailability() override;

    /// \return pi_on = b / (a + b) (1 when a = b = 0)
    double GetStationaryProbabilityOn() const;

    /**
     * \param steps rounds, >= 1
     * \param fromOn whether the chain is on now
     * \return the probability that it is on after steps rounds
     */
    double GetProbabilityOnAfter(uint32_t steps, bool fromOn) const;

  protected:
    void DoDispose() override;

  private:
    bool DoIsAvailable(uint32_t round, bool first, uint32_t steps) override;
    int64_t DoAssignStreams(int64_t stream) override;

    double m_onToOff;                     //!< a, probability on -> off per round
    double m_offToOn;                     //!< b, probability off -> on per round
    InitialState m_initialState;          //!< the state at round 0
    bool m_on;                            //!< the state of the round asked about last
    Ptr<UniformRandomVariable> m_uniform; //!< the draws
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MARKOV_ON_OFF_AVAILABILITY_H */
