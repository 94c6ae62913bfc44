/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_EQUAL_SHARE_RB_ALLOCATOR_H
#define EDGE_DML_EQUAL_SHARE_RB_ALLOCATOR_H

#include "rb-allocator.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Equal share among active transmitters: a grant of
 * max(1, floor(R / active)) RBs, capped by the free RBs; nothing when no RB is
 * free. With R = n RBs and all n ES sending, each ES gets one RB (the papers'
 * setting); with more senders than RBs the last ones wait; a sender alone
 * gets the whole uplink.
 */
class EqualShareRbAllocator : public RbAllocator
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    EqualShareRbAllocator();
    ~EqualShareRbAllocator() override;

  private:
    uint32_t DoAllocate(const RbRequest& request) override;
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_EQUAL_SHARE_RB_ALLOCATOR_H */
