/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_AVAILABILITY_MODEL_H
#define EDGE_DML_WORKER_AVAILABILITY_MODEL_H

#include "ns3/object.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Whether a volatile worker is available in a round (the system
 * model, "Synchronous SGD", Zhang et al.'s volatile workers).
 *
 * NVI base. One object per worker (WorkerApplication attribute
 * Availability; TrainingHelper::SetWorkerAvailability gives each worker its
 * own): the worker asks IsAvailable once per round, at the round start,
 * after the parameter server's round-start hook. An unavailable worker is
 * reported Offline and does not train in that round; its EdgeServer stays
 * online (this is not energy depletion, which takes the EdgeServer itself
 * offline). Rounds must be asked about in increasing order; rounds that are
 * not asked about still count as transitions (a Markov chain steps once per
 * round). Subclasses implement DoIsAvailable and DoAssignStreams.
 */
class WorkerAvailabilityModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WorkerAvailabilityModel();
    ~WorkerAvailabilityModel() override;
    WorkerAvailabilityModel(const WorkerAvailabilityModel&) = delete;
    WorkerAvailabilityModel& operator=(const WorkerAvailabilityModel&) = delete;

    /**
     * \brief Draw whether the worker is available in a round.
     * \param round the round, above every round asked about before (aborts otherwise)
     * \return whether the worker is available
     */
    bool IsAvailable(uint32_t round);

    /**
     * \brief Use fixed random streams.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    /**
     * \param round the round
     * \param first whether this is the first round asked about
     * \param steps rounds since the round asked about before (for the first: round, the
     *        transitions since round 0)
     * \return whether the worker is available in the round
     */
    virtual bool DoIsAvailable(uint32_t round, bool first, uint32_t steps) = 0;
    /// \copydoc AssignStreams
    virtual int64_t DoAssignStreams(int64_t stream) = 0;

    bool m_asked;         //!< whether a round was asked about
    uint32_t m_lastRound; //!< the round asked about last
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_WORKER_AVAILABILITY_MODEL_H */
