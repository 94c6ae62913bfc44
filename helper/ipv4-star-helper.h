/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_IPV4_STAR_HELPER_H
#define EDGE_DML_IPV4_STAR_HELPER_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief IPv4 over one OFDMA cell: a parameter server and its edge servers.
 *
 * Installs the internet stack without IPv6 and with static routing only (the
 * subnet route is all one hop needs), assigns the addresses, removes the
 * queue disc ns-3 adds on each device (the OFDMA devices queue themselves,
 * without flow control, so it only costs time) and writes the ARP entries
 * the star needs, so no ARP exchange runs: every edge server knows the
 * server and the server knows every edge server. ns-3's
 * NeighborCacheHelper would give every edge server an entry for every other
 * one, n^2 entries the star never uses (at n = 1,000 a million, and most of
 * the set-up time).
 *
 * \param server the parameter server's node
 * \param edges the edge servers' nodes
 * \param devices the server's device first, then the edge servers'
 * \param network the subnet, e.g. 10.0.0.0
 * \param mask its mask
 * \return the interfaces, the server's first
 */
Ipv4InterfaceContainer InstallStarIpv4(Ptr<Node> server,
                                       const NodeContainer& edges,
                                       const NetDeviceContainer& devices,
                                       Ipv4Address network,
                                       Ipv4Mask mask);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_IPV4_STAR_HELPER_H
