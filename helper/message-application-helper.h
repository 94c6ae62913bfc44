/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_APPLICATION_HELPER_H
#define EDGE_DML_MESSAGE_APPLICATION_HELPER_H

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
 * \brief What MessageSourceHelper and MessageSinkHelper share: an
 * ObjectFactory for the application, its socket protocol and address, and
 * one application per node on Install.
 */
class MessageApplicationHelper
{
  public:
    /**
     * \param name an attribute of the application \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param nodes the nodes
     * \return one application per node
     */
    ApplicationContainer Install(NodeContainer nodes) const;

  protected:
    /**
     * \param type the application's TypeId
     * \param protocol socket factory type name, e.g. "ns3::UdpSocketFactory"
     * \param addressAttribute the name of the application's address attribute
     * \param address its value
     */
    MessageApplicationHelper(TypeId type,
                             const std::string& protocol,
                             const std::string& addressAttribute,
                             const Address& address);

  private:
    ObjectFactory m_factory; //!< the application
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_APPLICATION_HELPER_H */
