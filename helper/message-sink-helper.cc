/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-sink-helper.h"

#include "ns3/message-sink.h"
#include "ns3/string.h"

namespace ns3
{
namespace edgedml
{

MessageSinkHelper::MessageSinkHelper(const std::string& protocol, const Address& local)
{
    m_factory.SetTypeId(MessageSink::GetTypeId());
    m_factory.Set("Protocol", StringValue(protocol));
    m_factory.Set("Local", AddressValue(local));
}

void
MessageSinkHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

ApplicationContainer
MessageSinkHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<MessageSink> app = m_factory.Create<MessageSink>();
        (*it)->AddApplication(app);
        apps.Add(app);
    }
    return apps;
}

} // namespace edgedml
} // namespace ns3
