/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-source-helper.h"

#include "ns3/message-source.h"

namespace ns3
{
namespace edgedml
{

MessageSourceHelper::MessageSourceHelper(const std::string& protocol, const Address& remote)
    : MessageApplicationHelper(MessageSource::GetTypeId(), protocol, "Remote", remote)
{
}

} // namespace edgedml
} // namespace ns3
