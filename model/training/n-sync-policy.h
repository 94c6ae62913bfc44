/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_N_SYNC_POLICY_H
#define EDGE_DML_N_SYNC_POLICY_H

#include "sync-policy.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief N-sync: the first N updates of the round are aggregated, later
 * ones are dropped as late. With fewer than N eligible workers the round
 * waits for all of them (or the deadline).
 */
class NSyncPolicy : public SyncPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NSyncPolicy();
    ~NSyncPolicy() override;

    /// \return N (attribute N)
    uint32_t GetN() const;

  private:
    bool DoAccepts(uint32_t accepted, uint32_t expected) const override;
    bool DoIsComplete(uint32_t accepted, uint32_t expected) const override;

    uint32_t m_n; //!< updates aggregated per round
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_N_SYNC_POLICY_H */
