/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_SOURCE_HELPER_H
#define EDGE_DML_MESSAGE_SOURCE_HELPER_H

#include "message-application-helper.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Installs a MessageSource that sends messages to an address.
 */
class MessageSourceHelper : public MessageApplicationHelper
{
  public:
    /**
     * \param protocol socket factory type name, e.g. "ns3::UdpSocketFactory"
     * \param remote the Remote address
     */
    MessageSourceHelper(const std::string& protocol, const Address& remote);
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_SOURCE_HELPER_H */
