/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Parameter encodings and the split / reassembly of parameter messages.
 */

#include "ns3/message-header.h"
#include "ns3/message-tag.h"
#include "ns3/packet.h"
#include "ns3/parameter-encoding.h"
#include "ns3/parameter-message.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Values that float32 cannot hold exactly.
Eigen::VectorXd
SampleParameters(Eigen::Index n)
{
    Eigen::VectorXd w(n);
    for (Eigen::Index k = 0; k < n; ++k)
    {
        w[k] = std::sin(0.37 * static_cast<double>(k) + 0.1) / 3.0 * std::pow(10.0, k % 7 - 3);
    }
    return w;
}

/// Split bytes into packets as SendParameterMessage does, without a socket.
std::vector<Ptr<Packet>>
Split(const std::vector<uint8_t>& bytes, uint32_t sourceId, uint32_t messageId, uint32_t payload)
{
    const uint32_t slice = payload - MessageHeader().GetSerializedSize();
    const uint32_t count = GetParameterMessagePackets(bytes.size(), payload);
    std::vector<Ptr<Packet>> packets;
    for (uint32_t index = 0; index < count; ++index)
    {
        const uint32_t offset = index * slice;
        const uint32_t chunk = std::min<uint32_t>(slice, bytes.size() - offset);
        Ptr<Packet> p = Create<Packet>(bytes.data() + offset, chunk);
        MessageHeader h;
        h.SetSourceId(sourceId);
        h.SetMessageId(messageId);
        h.SetIndex(index);
        h.SetCount(count);
        h.SetMessageBytes(bytes.size());
        p->AddHeader(h);
        packets.push_back(p);
    }
    return packets;
}

} // namespace

TEST(ParameterEncodingTest, Float64IsExactAndEightBytesPerParameter)
{
    const Eigen::VectorXd w = SampleParameters(37);
    const auto bytes = EncodeParameters(w, ParameterEncoding::FLOAT64);
    ASSERT_EQ(bytes.size(), 37u * 8u);
    EXPECT_EQ(GetBytesPerParameter(ParameterEncoding::FLOAT64), 8u);
    const Eigen::VectorXd back = DecodeParameters(bytes, ParameterEncoding::FLOAT64);
    ASSERT_EQ(back.size(), w.size());
    for (Eigen::Index k = 0; k < w.size(); ++k)
    {
        EXPECT_EQ(back[k], w[k]) << "parameter " << k;
    }
    // Little-endian: 1.0 is 0x3FF0000000000000.
    const auto one = EncodeParameters(Eigen::VectorXd::Ones(1), ParameterEncoding::FLOAT64);
    EXPECT_EQ(one[7], 0x3F);
    EXPECT_EQ(one[6], 0xF0);
    EXPECT_EQ(one[0], 0x00);
}

TEST(ParameterEncodingTest, Float32IsModelZAndRoundsToFloat)
{
    const Eigen::VectorXd w = SampleParameters(37);
    const auto bytes = EncodeParameters(w, ParameterEncoding::FLOAT32);
    ASSERT_EQ(bytes.size(), 37u * 4u); // system model: Z = 4 bytes per parameter
    const Eigen::VectorXd back = DecodeParameters(bytes, ParameterEncoding::FLOAT32);
    for (Eigen::Index k = 0; k < w.size(); ++k)
    {
        EXPECT_EQ(back[k], static_cast<double>(static_cast<float>(w[k]))) << "parameter " << k;
    }
}

TEST(ParameterMessageTest, PacketCount)
{
    // 1472-byte payloads carry 1444 message bytes after the 28-byte header.
    EXPECT_EQ(GetParameterMessagePackets(1, 1472), 1u);
    EXPECT_EQ(GetParameterMessagePackets(1444, 1472), 1u);
    EXPECT_EQ(GetParameterMessagePackets(1445, 1472), 2u);
    EXPECT_EQ(GetParameterMessagePackets(31400, 1472), 22u); // Fashion-MNIST LR, float32
}

TEST(ParameterMessageTest, ReassemblesOutOfOrderAndIgnoresDuplicates)
{
    std::vector<uint8_t> bytes(1000);
    for (std::size_t k = 0; k < bytes.size(); ++k)
    {
        bytes[k] = static_cast<uint8_t>((k * 7 + 3) % 251);
    }
    auto packets = Split(bytes, 5, 9, 128); // 100 bytes per slice: 10 packets
    ASSERT_EQ(packets.size(), 10u);
    ParameterMessageAssembler assembler;
    ParameterMessageAssembler::Message message;
    // Reverse order, with a duplicate of packet 3 in the middle.
    std::vector<Ptr<Packet>> order(packets.rbegin(), packets.rend());
    order.insert(order.begin() + 4, packets[3]->Copy());
    uint32_t completions = 0;
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        if (assembler.Receive(order[i]->Copy(), message))
        {
            ++completions;
            EXPECT_EQ(i, order.size() - 1) << "completed before the last packet";
        }
    }
    ASSERT_EQ(completions, 1u);
    EXPECT_EQ(message.sourceId, 5u);
    EXPECT_EQ(message.messageId, 9u);
    EXPECT_EQ(message.bytes, bytes);
    EXPECT_EQ(assembler.GetPendingCount(), 0u);
}

TEST(ParameterMessageTest, IncompleteMessagesAreForgotten)
{
    std::vector<uint8_t> bytes(300, 1);
    ParameterMessageAssembler assembler;
    ParameterMessageAssembler::Message message;
    for (uint32_t id = 0; id < 4; ++id)
    {
        auto packets = Split(bytes, 2, id, 128);
        EXPECT_FALSE(assembler.Receive(packets[0], message));
    }
    EXPECT_EQ(assembler.GetPendingCount(), 4u);
    assembler.ForgetBefore(2, 3);
    EXPECT_EQ(assembler.GetPendingCount(), 1u);
    assembler.ForgetBefore(7, 10); // another source: nothing of it held
    EXPECT_EQ(assembler.GetPendingCount(), 1u);
}
