/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-application-helper.h"

#include "ns3/application.h"
#include "ns3/string.h"

namespace ns3
{
namespace edgedml
{

MessageApplicationHelper::MessageApplicationHelper(TypeId type,
                                                   const std::string& protocol,
                                                   const std::string& addressAttribute,
                                                   const Address& address)
{
    m_factory.SetTypeId(type);
    m_factory.Set("Protocol", StringValue(protocol));
    m_factory.Set(addressAttribute, AddressValue(address));
}

void
MessageApplicationHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
MessageApplicationHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<Application> app = m_factory.Create<Application>();
        (*it)->AddApplication(app);
        apps.Add(app);
    }
    return apps;
}

} // namespace edgedml
} // namespace ns3
