/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * WaterfallErrorModel on its own, as any device would use it.
 */

#include "ofdma-test-cell.h"

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/link-budget.h"
#include "ns3/link-snr-tag.h"
#include "ns3/message-tag.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simple-net-device-helper.h"
#include "ns3/string.h"
#include "ns3/waterfall-error-model.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::BinomialTolerance;

namespace
{

class WaterfallErrorModelTest : public edgedmltest::SimulationTest
{
  protected:
    Ptr<WaterfallErrorModel> MakeModel(const std::string& unit)
    {
        auto model = CreateObject<WaterfallErrorModel>();
        model->SetAttribute("LossUnit", StringValue(unit));
        model->AssignStreams(7);
        return model;
    }
};

} // namespace

TEST_F(WaterfallErrorModelTest, DefaultsAreTheModelValues)
{
    auto model = CreateObject<WaterfallErrorModel>();
    DoubleValue threshold;
    model->GetAttribute("WaterfallThreshold", threshold);
    EXPECT_DOUBLE_EQ(threshold.Get(), 1.08);
    EXPECT_EQ(model->GetLossUnit(), WaterfallErrorModel::MESSAGE);
    EXPECT_NEAR(model->GetSuccessProbability(1.0), 0.3395955256449391, 1e-15);
}

// Per-packet loss rate at tagged SNRs against 1 - exp(-m / SNR).
TEST_F(WaterfallErrorModelTest, PacketLossRateMatchesClosedForm)
{
    auto model = MakeModel("Packet");
    const int draws = 20000;
    for (double snrDb : {-3.0, 0.0, 5.0, 12.0})
    {
        const double snr = DbToRatio(snrDb);
        const double q = 1.0 - WaterfallSuccessProbability(1.08, snr);
        int lost = 0;
        for (int k = 0; k < draws; ++k)
        {
            Ptr<Packet> packet = Create<Packet>(100);
            packet->AddPacketTag(LinkSnrTag(snr));
            lost += model->IsCorrupt(packet) ? 1 : 0;
        }
        EXPECT_NEAR(double(lost) / draws, q, BinomialTolerance(q, draws)) << snrDb << " dB";
    }
}

// Without a LinkSnrTag the model uses FallbackSnrDb: usable on any device.
TEST_F(WaterfallErrorModelTest, UntaggedPacketsUseTheFallbackSnr)
{
    auto model = MakeModel("Packet");
    model->SetAttribute("FallbackSnrDb", DoubleValue(0.0));
    const int draws = 20000;
    int lost = 0;
    for (int k = 0; k < draws; ++k)
    {
        lost += model->IsCorrupt(Create<Packet>(10)) ? 1 : 0;
    }
    const double q = 1.0 - std::exp(-1.08);
    EXPECT_NEAR(double(lost) / draws, q, BinomialTolerance(q, draws));
}

// Message unit: every packet of a message shares one draw; the message loss
// rate follows the closed form; untagged packets are their own messages.
TEST_F(WaterfallErrorModelTest, MessageUnitSharesOneDrawPerMessage)
{
    auto model = MakeModel("Message");
    const double snr = 2.0;
    const double q = 1.0 - WaterfallSuccessProbability(1.08, snr);
    const int messages = 5000;
    int lostMessages = 0;
    for (int id = 0; id < messages; ++id)
    {
        int lostPieces = 0;
        for (int piece = 0; piece < 6; ++piece)
        {
            Ptr<Packet> packet = Create<Packet>(100);
            packet->AddPacketTag(LinkSnrTag(snr));
            packet->AddPacketTag(MessageTag(3, id));
            lostPieces += model->IsCorrupt(packet) ? 1 : 0;
        }
        ASSERT_TRUE(lostPieces == 0 || lostPieces == 6) << "message " << id;
        lostMessages += lostPieces == 6 ? 1 : 0;
    }
    EXPECT_NEAR(double(lostMessages) / messages, q, BinomialTolerance(q, messages));
}

TEST_F(WaterfallErrorModelTest, SameStreamGivesSameDecisions)
{
    auto first = MakeModel("Packet");
    auto second = MakeModel("Packet");
    for (int k = 0; k < 200; ++k)
    {
        Ptr<Packet> a = Create<Packet>(10);
        Ptr<Packet> b = Create<Packet>(10);
        a->AddPacketTag(LinkSnrTag(1.0));
        b->AddPacketTag(LinkSnrTag(1.0));
        ASSERT_EQ(first->IsCorrupt(a), second->IsCorrupt(b)) << "draw " << k;
    }
}

// On another ns-3 device (SimpleNetDevice's ReceiveErrorModel), packets carry
// no LinkSnrTag and the model applies FallbackSnrDb.
TEST_F(WaterfallErrorModelTest, WorksOnAnyDevice)
{
    NodeContainer nodes;
    nodes.Create(2);
    SimpleNetDeviceHelper simple;
    simple.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("10000p"));
    NetDeviceContainer devices = simple.Install(nodes);
    auto model = MakeModel("Packet");
    model->SetAttribute("FallbackSnrDb", DoubleValue(3.0));
    devices.Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(model));
    uint32_t received = 0;
    devices.Get(1)->SetReceiveCallback(MakeBoundCallback(
        +[](uint32_t* n, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&) {
            ++*n;
            return true;
        },
        &received));
    const uint32_t packets = 4000;
    for (uint32_t k = 0; k < packets; ++k)
    {
        devices.Get(0)->Send(Create<Packet>(100), devices.Get(1)->GetAddress(), 0x88B5);
    }
    Simulator::Run();
    const double q = 0.4179984757788554; // 1 - exp(-1.08 / 10^0.3)
    EXPECT_NEAR(1.0 - double(received) / packets, q, BinomialTolerance(q, packets));
}
