/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_FULL_SYNC_POLICY_H
#define EDGE_DML_FULL_SYNC_POLICY_H

#include "sync-policy.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Full synchronisation: wait for every eligible worker (or the
 * round deadline); every update of the round is accepted.
 */
class FullSyncPolicy : public SyncPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FullSyncPolicy();
    ~FullSyncPolicy() override;

  private:
    bool DoAccepts(uint32_t accepted, uint32_t expected) const override;
    bool DoIsComplete(uint32_t accepted, uint32_t expected) const override;
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_FULL_SYNC_POLICY_H */
