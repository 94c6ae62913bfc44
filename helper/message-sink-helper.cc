/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-sink-helper.h"

#include "ns3/message-sink.h"

namespace ns3
{
namespace edgedml
{

MessageSinkHelper::MessageSinkHelper(const std::string& protocol, const Address& local)
    : MessageApplicationHelper(MessageSink::GetTypeId(), protocol, "Local", local)
{
}

} // namespace edgedml
} // namespace ns3
