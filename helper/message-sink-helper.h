/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_SINK_HELPER_H
#define EDGE_DML_MESSAGE_SINK_HELPER_H

#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Installs a MessageSink that receives messages on an address.
 */
class MessageSinkHelper
{
  public:
    /**
     * \param protocol socket factory type name, e.g. "ns3::UdpSocketFactory"
     * \param local the Local address
     */
    MessageSinkHelper(const std::string& protocol, const Address& local);

    /**
     * \param name a MessageSink attribute \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param nodes the nodes
     * \return one application per node
     */
    ApplicationContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory; //!< MessageSink
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_SINK_HELPER_H */
