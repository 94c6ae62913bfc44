/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_RAMP_H
#define EDGE_DML_WORKER_RAMP_H

#include "ns3/object.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief An exponential worker ramp for training on volatile instances:
 * start with a few workers and double their number every phase, up to a
 * cap (the "exponential ramp" of the module doc, "Worker selection").
 *
 * The number of workers of round t is
 * k_t = min(MaxWorkers, InitialWorkers * 2^floor(t / PhaseRounds)); a
 * WorkerSelector with this ramp picks k_t workers in round t. Used with a
 * constant learning rate (LocalTrainer's LearningRateSchedule Constant).
 */
class WorkerRamp : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WorkerRamp();
    ~WorkerRamp() override;

    /**
     * \param round a round t (from 0)
     * \return k_t, the workers of that round (at least 1)
     */
    uint32_t GetWorkers(uint32_t round) const;

  private:
    uint32_t m_initialWorkers; //!< k_0
    uint32_t m_phaseRounds;    //!< rounds per phase
    uint32_t m_maxWorkers;     //!< cap on k_t
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_WORKER_RAMP_H */
