/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_SYNC_POLICY_H
#define EDGE_DML_SYNC_POLICY_H

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief When the parameter server closes a synchronous SGD round
 * (the system model, "Synchronous SGD", Zhang et al.'s policies).
 *
 * NVI base. Within a round the parameter server expects updates from the
 * eligible workers (online and not busy at the round start); for each
 * arriving update it asks Accepts() whether the update enters the aggregate
 * (otherwise it is dropped as late), and after each accepted update
 * IsComplete() whether to aggregate now. If RoundDeadlineS > 0 the round
 * also closes that long after its start, with whatever arrived.
 * Subclasses implement DoAccepts and DoIsComplete. The counts are updates
 * aggregated, not workers. A policy that takes several updates from the
 * same worker in one round (NBatchSyncPolicy) also overrides
 * DoAcceptsRepeatedUpdates; the others take at most one update per worker
 * and round (a repeated one is discarded as late).
 */
class SyncPolicy : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SyncPolicy();
    ~SyncPolicy() override;
    SyncPolicy(const SyncPolicy&) = delete;
    SyncPolicy& operator=(const SyncPolicy&) = delete;

    /**
     * \param accepted updates already accepted this round
     * \param expected eligible workers this round
     * \return whether one more arriving update enters the aggregate
     */
    bool Accepts(uint32_t accepted, uint32_t expected) const;

    /**
     * \param accepted updates accepted so far this round
     * \param expected eligible workers this round
     * \return whether to aggregate and close the round now
     */
    bool IsComplete(uint32_t accepted, uint32_t expected) const;

    /// \return the round deadline after the round start (zero: none)
    Time GetRoundDeadline() const;

    /**
     * \return whether the policy aggregates more than one update of the same
     * worker in a round (then the workers keep computing local updates from
     * W_t until the next model arrives, WorkerApplication::RepeatLocalUpdates)
     */
    bool AcceptsRepeatedUpdates() const;

  private:
    /// \copydoc Accepts
    virtual bool DoAccepts(uint32_t accepted, uint32_t expected) const = 0;
    /// \copydoc IsComplete
    virtual bool DoIsComplete(uint32_t accepted, uint32_t expected) const = 0;
    /// \return whether repeated updates are aggregated (AcceptsRepeatedUpdates); default false
    virtual bool DoAcceptsRepeatedUpdates() const;

    double m_roundDeadlineS; //!< round deadline after the round start, in s (0: none)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_SYNC_POLICY_H */
