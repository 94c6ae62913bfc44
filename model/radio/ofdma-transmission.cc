/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ofdma-transmission.h"

namespace ns3
{
namespace edgedml
{

std::string
ToString(OfdmaDropReason reason)
{
    switch (reason)
    {
    case OfdmaDropReason::QUEUE_FULL:
        return "QueueFull";
    case OfdmaDropReason::LINK_DOWN:
        return "LinkDown";
    case OfdmaDropReason::CORRUPTED:
        return "Corrupted";
    case OfdmaDropReason::RETRY_LIMIT:
        return "RetryLimit";
    case OfdmaDropReason::UNREACHABLE:
        return "Unreachable";
    case OfdmaDropReason::MTU_EXCEEDED:
        return "MtuExceeded";
    }
    return "Unknown";
}

} // namespace edgedml
} // namespace ns3
