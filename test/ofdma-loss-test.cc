/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Packet loss over the OFDMA uplink against the waterfall law
 * q = 1 - exp(-m / SNR), with binomial bounds at a pinned seed, and the
 * link-layer retransmissions that recover it.
 */

#include "ofdma-test-cell.h"

#include "ns3/ethernet-header.h"
#include "ns3/message-tag.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <map>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::BinomialTolerance;
using edgedmltest::OfdmaTestCell;

namespace
{

/// Per-sender outcomes at the base station.
struct Outcome
{
    uint32_t intact{0};    //!< packets received intact
    uint32_t corrupted{0}; //!< reception attempts corrupted
};

class OfdmaLossTest : public edgedmltest::SimulationTest
{
  protected:
    /// Count outcomes at the base station per sender MAC address.
    void Watch(OfdmaTestCell& cell)
    {
        cell.bs->TraceConnectWithoutContext("PhyRxEnd", MakeCallback(&OfdmaLossTest::OnRx, this));
        cell.bs->TraceConnectWithoutContext("Drop", MakeCallback(&OfdmaLossTest::OnDrop, this));
    }

    void OnRx(Ptr<const Packet> packet, double)
    {
        ++m_outcome[Source(packet)].intact;
    }

    void OnDrop(Ptr<const Packet> packet, OfdmaDropReason reason)
    {
        if (reason == OfdmaDropReason::CORRUPTED)
        {
            ++m_outcome[Source(packet)].corrupted;
        }
    }

    static Mac48Address Source(Ptr<const Packet> packet)
    {
        EthernetHeader header(false);
        packet->PeekHeader(header);
        return header.GetSource();
    }

    Outcome Of(Ptr<NetDevice> device)
    {
        return m_outcome[Mac48Address::ConvertFrom(device->GetAddress())];
    }

    static OfdmaHelper LossyHelper(const std::string& unit, uint32_t numRbs)
    {
        OfdmaHelper helper;
        helper.SetErrorModel("ns3::edgedml::WaterfallErrorModel", "LossUnit", StringValue(unit));
        helper.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("100000p"));
        helper.SetChannelAttribute("NumResourceBlocks", UintegerValue(numRbs));
        // One RB per sender whatever the backlog, so every SNR is fixed.
        helper.SetRbAllocator("ns3::edgedml::FixedRbAllocator");
        return helper;
    }

    std::map<Mac48Address, Outcome> m_outcome;
};

} // namespace

// Packet loss unit: measured loss rate at four distances within a 4.5-sigma
// binomial bound of 1 - exp(-m / SNR_i).
TEST_F(OfdmaLossTest, MeasuredLossMatchesWaterfallAtSeveralDistances)
{
    const std::vector<double> distances{80.0, 200.0, 320.0, 450.0};
    OfdmaTestCell cell(distances, LossyHelper("Packet", distances.size()));
    Watch(cell);
    const uint32_t packets = 4000;
    for (const auto& terminal : cell.terminals)
    {
        for (uint32_t k = 0; k < packets; ++k)
        {
            ASSERT_TRUE(edgedmltest::SendRaw(terminal, cell.bs, 200));
        }
    }
    Simulator::Run();
    for (uint32_t i = 0; i < distances.size(); ++i)
    {
        const Outcome outcome = Of(cell.terminals[i]);
        ASSERT_EQ(outcome.intact + outcome.corrupted, packets);
        const double snr = OfdmaTestCell::UplinkSnr(distances[i], 0.01, 1, 1e6);
        const double q = 1.0 - std::exp(-1.08 / snr);
        EXPECT_NEAR(double(outcome.corrupted) / packets, q, BinomialTolerance(q, packets))
            << "at " << distances[i] << " m, SNR " << snr;
    }
}

// Message loss unit: the packets of a message share one fate, and the message
// loss rate follows the waterfall law.
TEST_F(OfdmaLossTest, MessageUnitDropsWholeMessages)
{
    OfdmaTestCell cell({300.0}, LossyHelper("Message", 1));
    Watch(cell);
    const uint32_t messages = 1500;
    const uint32_t pieces = 4;
    std::map<uint32_t, uint32_t> arrived;
    cell.bs->TraceConnectWithoutContext(
        "PhyRxEnd",
        MakeBoundCallback(
            +[](std::map<uint32_t, uint32_t>* out, Ptr<const Packet> packet, double) {
                MessageTag tag;
                if (packet->PeekPacketTag(tag))
                {
                    ++(*out)[tag.GetMessageId()];
                }
            },
            &arrived));
    for (uint32_t id = 0; id < messages; ++id)
    {
        for (uint32_t piece = 0; piece < pieces; ++piece)
        {
            Ptr<Packet> packet = Create<Packet>(500);
            packet->AddPacketTag(MessageTag(1, id));
            ASSERT_TRUE(
                cell.terminals[0]->Send(packet, cell.bs->GetAddress(), edgedmltest::TEST_PROTOCOL));
        }
    }
    Simulator::Run();
    for (const auto& entry : arrived)
    {
        ASSERT_EQ(entry.second, pieces) << "message " << entry.first << " arrived in part";
    }
    const double snr = OfdmaTestCell::UplinkSnr(300.0, 0.01, 1, 1e6);
    const double q = 1.0 - std::exp(-1.08 / snr);
    const double lost = 1.0 - double(arrived.size()) / messages;
    EXPECT_NEAR(lost, q, BinomialTolerance(q, messages));
}

// Stop-and-wait ARQ with r retransmissions: a packet is lost only if all r + 1
// attempts are, so delivery is 1 - q^(r+1) and the mean attempt count
// sum_{k=0..r} q^k; every attempt appears on the air.
TEST_F(OfdmaLossTest, RetransmissionsRecoverLosses)
{
    const uint32_t retransmissions = 3;
    OfdmaHelper helper = LossyHelper("Packet", 1);
    helper.SetDeviceAttribute("MaxRetransmissions", UintegerValue(retransmissions));
    OfdmaTestCell cell({400.0}, helper);
    Watch(cell);
    uint32_t attempts = 0;
    uint32_t retried = 0;
    uint32_t givenUp = 0;
    cell.terminals[0]->TraceConnectWithoutContext(
        "PhyTxBegin",
        MakeBoundCallback(
            +[](uint32_t* all, uint32_t* again, Ptr<const Packet>, const OfdmaTransmission& tx) {
                ++*all;
                *again += tx.attempt > 0 ? 1 : 0;
            },
            &attempts,
            &retried));
    cell.terminals[0]->TraceConnectWithoutContext(
        "Drop",
        MakeBoundCallback(
            +[](uint32_t* count, Ptr<const Packet>, OfdmaDropReason reason) {
                *count += reason == OfdmaDropReason::RETRY_LIMIT ? 1 : 0;
            },
            &givenUp));
    const uint32_t packets = 3000;
    for (uint32_t k = 0; k < packets; ++k)
    {
        ASSERT_TRUE(edgedmltest::SendRaw(cell.terminals[0], cell.bs, 200));
    }
    Simulator::Run();

    const double snr = OfdmaTestCell::UplinkSnr(400.0, 0.01, 1, 1e6);
    const double q = 1.0 - std::exp(-1.08 / snr);
    const double delivered = 1.0 - std::pow(q, retransmissions + 1);
    const Outcome outcome = Of(cell.terminals[0]);
    EXPECT_EQ(outcome.intact + givenUp, packets);
    EXPECT_EQ(outcome.intact + outcome.corrupted, attempts);
    EXPECT_EQ(attempts, packets + retried);
    EXPECT_NEAR(double(outcome.intact) / packets, delivered, BinomialTolerance(delivered, packets));
    const double meanAttempts = (1.0 - std::pow(q, retransmissions + 1)) / (1.0 - q);
    // Attempts per packet lie in [1, r + 1]: a variance bound of r^2 / 4.
    EXPECT_NEAR(double(attempts) / packets,
                meanAttempts,
                4.5 * (retransmissions / 2.0) / std::sqrt(double(packets)));
}
