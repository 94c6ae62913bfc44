/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_RB_ALLOCATOR_H
#define EDGE_DML_RB_ALLOCATOR_H

#include "ns3/net-device.h"
#include "ns3/object.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The state of the uplink when a transmitter asks for resource blocks.
 */
struct RbRequest
{
    Ptr<NetDevice> device;       //!< the transmitter asking
    uint32_t freeRbs;            //!< RBs not held by any transmission now
    uint32_t totalRbs;           //!< RBs of the uplink
    uint32_t activeTransmitters; //!< terminals with a packet to send, the asker included
};

/**
 * \ingroup edge-dml
 * \brief Base of the uplink resource-block allocators of OfdmaChannel.
 *
 * When a terminal has a packet to send, the channel asks the allocator how
 * many RBs to grant it now; 0 means it waits (first come, first served) until
 * a transmission ends and frees RBs. Active transmitters are the terminals
 * with a packet to send (waiting, on the air, or awaiting ARQ feedback). A grant holds its RBs for
 * one packet. Non-virtual interface: Allocate() checks the leaf's answer; a leaf only implements
 * DoAllocate(). Allocators are chosen by TypeId (the channel's RbAllocator attribute, or
 * OfdmaHelper::SetRbAllocator).
 */
class RbAllocator : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    RbAllocator();
    ~RbAllocator() override;

    RbAllocator(const RbAllocator&) = delete;
    RbAllocator& operator=(const RbAllocator&) = delete;

    /**
     * \brief Decide a grant.
     * \param request the state of the uplink
     * \return the number of RBs granted now, at most request.freeRbs; 0 to wait
     *
     * Aborts if the leaf grants more than is free, or grants nothing although
     * every RB is free (the transmitter would wait forever).
     */
    uint32_t Allocate(const RbRequest& request);

  private:
    /**
     * \brief The allocation rule.
     * \param request the state of the uplink
     * \return the number of RBs to grant now (0 to wait)
     */
    virtual uint32_t DoAllocate(const RbRequest& request) = 0;
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_RB_ALLOCATOR_H */
