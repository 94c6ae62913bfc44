/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_N_BATCH_SYNC_POLICY_H
#define EDGE_DML_N_BATCH_SYNC_POLICY_H

#include "sync-policy.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief N-batch-sync (Zhang et al., after Dutta et al.'s K-batch-sync):
 * the parameter server aggregates the first M local updates of the round
 * from any workers, several possibly from the same fast worker, then closes
 * the round.
 *
 * The workers repeat (WorkerApplication::RepeatLocalUpdates, set by
 * TrainingHelper from AcceptsRepeatedUpdates): a worker that uploaded its
 * local update of round t and has not received a newer model starts another
 * local update from the same W_t on its next mini-batches (tau steps, its
 * compute time and straggler delay again) and uploads it too, up to
 * MAX_UPDATES_PER_ROUND per round. Each aggregated update weighs s_i, so
 * W_{t+1} = sum_k s_{i(k)} w_k / sum_k s_{i(k)} over the M updates k.
 * With tau = 1 an update is one mini-batch gradient step, Zhang et al.'s
 * reading; with full-batch steps the repeated updates of a worker are
 * equal (use BatchSize < s_i).
 *
 * A worker's round outcome is UpdateReceived when at least one of its
 * updates was aggregated (reported at the first), otherwise Late or Lost as
 * for the other policies; its further updates are reported by the server's
 * UpdateAggregated (aggregated) or UpdateDiscarded (arrived after the M-th)
 * traces. With no eligible worker the round closes at once; with fewer
 * updates than M arriving it waits for the round deadline (RoundDeadlineS).
 */
class NBatchSyncPolicy : public SyncPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NBatchSyncPolicy();
    ~NBatchSyncPolicy() override;

    /// \return M (attribute Batches)
    uint32_t GetBatches() const;

  private:
    bool DoAccepts(uint32_t accepted, uint32_t expected) const override;
    bool DoIsComplete(uint32_t accepted, uint32_t expected) const override;
    bool DoAcceptsRepeatedUpdates() const override;

    uint32_t m_batches; //!< M, local updates aggregated per round
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_N_BATCH_SYNC_POLICY_H */
