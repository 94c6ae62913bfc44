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
 * (MODEL.md section 4, Zhang et al.'s policies).
 *
 * NVI base. Within a round the parameter server expects updates from the
 * eligible workers (online and not busy at the round start); for each
 * arriving update it asks Accepts() whether the update enters the aggregate
 * (otherwise it is dropped as late), and after each accepted update
 * IsComplete() whether to aggregate now. If RoundDeadlineS > 0 the round
 * also closes that long after its start, with whatever arrived.
 * Subclasses implement DoAccepts and DoIsComplete. The counts are updates;
 * a policy counting mini-batch gradients (N-batch-sync) would weigh each
 * update by the batches it carries through the same hooks.
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

  private:
    /// \copydoc Accepts
    virtual bool DoAccepts(uint32_t accepted, uint32_t expected) const = 0;
    /// \copydoc IsComplete
    virtual bool DoIsComplete(uint32_t accepted, uint32_t expected) const = 0;

    double m_roundDeadlineS; //!< round deadline after the round start, in s (0: none)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_SYNC_POLICY_H */
