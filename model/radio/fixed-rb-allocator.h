/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_FIXED_RB_ALLOCATOR_H
#define EDGE_DML_FIXED_RB_ALLOCATOR_H

#include "rb-allocator.h"

#include <map>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Fixed per-device grant: each transmitter always gets its own fixed
 * number of RBs (RbsPerDevice, or a per-device value from SetGrant), and waits
 * until that many are free.
 */
class FixedRbAllocator : public RbAllocator
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FixedRbAllocator();
    ~FixedRbAllocator() override;

    /**
     * \brief Give one device a grant size other than RbsPerDevice.
     * \param device the transmitting device
     * \param rbs RBs per grant (>= 1)
     */
    void SetGrant(Ptr<NetDevice> device, uint32_t rbs);

    /**
     * \param device a transmitting device
     * \return the RBs per grant of that device
     */
    uint32_t GetGrant(Ptr<NetDevice> device) const;

  private:
    uint32_t DoAllocate(const RbRequest& request) override;
    void DoDispose() override;

    uint32_t m_rbsPerDevice;                          //!< default grant, in RBs
    std::map<Ptr<NetDevice>, uint32_t> m_deviceGrant; //!< per-device grants, in RBs
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_FIXED_RB_ALLOCATOR_H */
