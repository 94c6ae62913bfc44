/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_SINK_HELPER_H
#define EDGE_DML_MESSAGE_SINK_HELPER_H

#include "message-application-helper.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Installs a MessageSink that receives messages on an address.
 */
class MessageSinkHelper : public MessageApplicationHelper
{
  public:
    /**
     * \param protocol socket factory type name, e.g. "ns3::UdpSocketFactory"
     * \param local the Local address
     */
    MessageSinkHelper(const std::string& protocol, const Address& local);
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_SINK_HELPER_H */
