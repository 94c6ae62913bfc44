/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "parameter-message.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/message-header.h"
#include "ns3/message-tag.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("ParameterMessage");

namespace
{
/// \return the message bytes per packet \param packetPayloadBytes payload per packet
uint32_t
GetSliceBytes(uint32_t packetPayloadBytes)
{
    const uint32_t headerBytes = MessageHeader().GetSerializedSize();
    NS_ABORT_MSG_IF(packetPayloadBytes <= headerBytes,
                    "parameter messages: a packet payload of "
                        << packetPayloadBytes << " bytes leaves no room after the " << headerBytes
                        << "-byte message header");
    return packetPayloadBytes - headerBytes;
}
} // namespace

uint32_t
GetParameterMessagePackets(uint32_t bytes, uint32_t packetPayloadBytes)
{
    const uint32_t slice = GetSliceBytes(packetPayloadBytes);
    return std::max<uint32_t>(1, (bytes + slice - 1) / slice);
}

uint32_t
MakeUpdateMessageId(uint32_t round, uint32_t sequence)
{
    NS_ABORT_MSG_IF(round >= MAX_TRAINING_ROUNDS,
                    "MakeUpdateMessageId: round " << round << " is beyond the "
                                                  << MAX_TRAINING_ROUNDS
                                                  << " rounds ids can carry");
    NS_ABORT_MSG_IF(sequence >= MAX_UPDATES_PER_ROUND,
                    "MakeUpdateMessageId: update " << sequence << " of a round is beyond the "
                                                   << MAX_UPDATES_PER_ROUND
                                                   << " updates ids can carry");
    return (round << UPDATE_SEQUENCE_BITS) | sequence;
}

uint32_t
GetUpdateRound(uint32_t messageId)
{
    return messageId >> UPDATE_SEQUENCE_BITS;
}

uint32_t
GetUpdateSequence(uint32_t messageId)
{
    return messageId & (MAX_UPDATES_PER_ROUND - 1);
}

uint32_t
SendParameterMessage(Ptr<Socket> socket,
                     const Address& remote,
                     const std::vector<uint8_t>& bytes,
                     uint32_t sourceId,
                     uint32_t messageId,
                     uint32_t packetPayloadBytes)
{
    NS_ABORT_MSG_IF(bytes.empty(), "SendParameterMessage: a message needs at least one byte");
    NS_ABORT_MSG_IF(bytes.size() > 0xffffffffu, "SendParameterMessage: message too large");
    const uint32_t slice = GetSliceBytes(packetPayloadBytes);
    const uint32_t total = static_cast<uint32_t>(bytes.size());
    const uint32_t count = GetParameterMessagePackets(total, packetPayloadBytes);
    uint32_t refused = 0;
    for (uint32_t index = 0; index < count; ++index)
    {
        const uint32_t offset = index * slice;
        const uint32_t chunk = std::min(slice, total - offset);
        Ptr<Packet> packet = Create<Packet>(bytes.data() + offset, chunk);
        MessageHeader header;
        header.SetSourceId(sourceId);
        header.SetMessageId(messageId);
        header.SetIndex(index);
        header.SetCount(count);
        header.SetMessageBytes(total);
        header.SetSendTime(Simulator::Now());
        packet->AddHeader(header);
        packet->AddPacketTag(MessageTag(sourceId, messageId));
        if (socket->SendTo(packet, 0, remote) < 0)
        {
            NS_LOG_WARN("sender " << sourceId << ": socket refused piece " << index
                                  << " of message " << messageId);
            ++refused;
        }
    }
    return refused;
}

bool
ParameterMessageAssembler::Receive(Ptr<Packet> packet, Message& message)
{
    MessageHeader header;
    if (packet->GetSize() < header.GetSerializedSize())
    {
        NS_LOG_WARN("runt packet of " << packet->GetSize() << " bytes ignored");
        return false;
    }
    packet->RemoveHeader(header);
    const uint32_t total = header.GetMessageBytes();
    const uint32_t count = header.GetCount();
    const uint32_t index = header.GetIndex();
    const uint32_t chunk = packet->GetSize();
    if (count == 0 || index >= count || chunk > total)
    {
        NS_LOG_WARN("malformed message packet ignored");
        return false;
    }
    // Every slice but the last has the same size, so a slice's offset
    // follows from its index and size alone.
    const uint64_t offset =
        index + 1 < count ? static_cast<uint64_t>(index) * chunk : uint64_t{total} - chunk;
    if (offset + chunk > total)
    {
        NS_LOG_WARN("message packet beyond the message size ignored");
        return false;
    }
    const auto key = std::make_pair(header.GetSourceId(), header.GetMessageId());
    auto it = m_pending.find(key);
    if (it == m_pending.end())
    {
        Pending fresh;
        fresh.bytes.assign(total, 0);
        fresh.have.assign(count, false);
        fresh.missing = count;
        it = m_pending.emplace(key, std::move(fresh)).first;
    }
    Pending& pending = it->second;
    if (pending.bytes.size() != total || pending.have.size() != count || pending.have[index])
    {
        return false; // a duplicate or an inconsistent packet
    }
    packet->CopyData(pending.bytes.data() + offset, chunk);
    pending.have[index] = true;
    if (--pending.missing > 0)
    {
        return false;
    }
    message.sourceId = key.first;
    message.messageId = key.second;
    message.bytes = std::move(pending.bytes);
    m_pending.erase(it);
    return true;
}

void
ParameterMessageAssembler::ForgetBefore(uint32_t sourceId, uint32_t messageId)
{
    m_pending.erase(m_pending.lower_bound(std::make_pair(sourceId, 0u)),
                    m_pending.lower_bound(std::make_pair(sourceId, messageId)));
}

void
ParameterMessageAssembler::Clear()
{
    m_pending.clear();
}

std::size_t
ParameterMessageAssembler::GetPendingCount() const
{
    return m_pending.size();
}

} // namespace edgedml
} // namespace ns3
