/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-source-helper.h"

#include "ns3/message-source.h"
#include "ns3/string.h"

namespace ns3
{
namespace edgedml
{

MessageSourceHelper::MessageSourceHelper(const std::string& protocol, const Address& remote)
{
    m_factory.SetTypeId(MessageSource::GetTypeId());
    m_factory.Set("Protocol", StringValue(protocol));
    m_factory.Set("Remote", AddressValue(remote));
}

void
MessageSourceHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
MessageSourceHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<MessageSource> app = m_factory.Create<MessageSource>();
        (*it)->AddApplication(app);
        apps.Add(app);
    }
    return apps;
}

} // namespace edgedml
} // namespace ns3
