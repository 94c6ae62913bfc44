/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * OFDMA link budget, airtime and resource-block contention against closed
 * forms (the system model, "Training link").
 */

#include "ofdma-test-cell.h"

#include "ns3/ethernet-header.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::OfdmaTestCell;
using edgedmltest::SendRaw;
using edgedmltest::SPEED_OF_LIGHT;

namespace
{

/// One transmission attempt as seen by a trace.
struct Attempt
{
    uint32_t device;      //!< index of the sender in the cell
    Time start;           //!< when it went on the air
    OfdmaTransmission tx; //!< what the PHY decided
};

class OfdmaChannelTest : public edgedmltest::SimulationTest
{
  protected:
    /// Record every attempt of every terminal (and of the base station as device 99).
    void Record(OfdmaTestCell& cell)
    {
        for (uint32_t i = 0; i < cell.terminals.size(); ++i)
        {
            Connect(cell.terminals[i], i);
        }
        Connect(cell.bs, 99);
    }

    void Connect(Ptr<OfdmaNetDevice> device, uint32_t index)
    {
        device->TraceConnectWithoutContext(
            "PhyTxBegin",
            MakeCallback(&OfdmaChannelTest::OnTxBegin, this).Bind(index));
    }

    void OnTxBegin(uint32_t index, Ptr<const Packet>, const OfdmaTransmission& tx)
    {
        m_attempts.push_back(Attempt{index, Simulator::Now(), tx});
    }

    /// Record the arrival times of intact packets at a device.
    void RecordRx(Ptr<OfdmaNetDevice> device, std::vector<Time>* arrivals)
    {
        device->TraceConnectWithoutContext(
            "PhyRxEnd",
            MakeBoundCallback(
                +[](std::vector<Time>* out, Ptr<const Packet>, double) {
                    out->push_back(Simulator::Now());
                },
                arrivals));
    }

    std::vector<Attempt> m_attempts;
};

constexpr uint32_t MAC_HEADER_BYTES = 14;

double
DownlinkSnr(double distanceM)
{
    const double noise = DbmToW(-174.0) * 20e6;
    return 1.0 / (distanceM * distanceM) / (1.8e-7 + noise);
}

} // namespace

// One terminal at 100 m on its one RB: SNR, Shannon rate, airtime and arrival
// time against the closed forms.
TEST_F(OfdmaChannelTest, UplinkRateAndAirtimeMatchClosedForm)
{
    OfdmaHelper helper;
    helper.DisableErrorModel();
    OfdmaTestCell cell({100.0}, helper);
    Record(cell);
    std::vector<Time> arrivals;
    RecordRx(cell.bs, &arrivals);

    ASSERT_TRUE(SendRaw(cell.terminals[0], cell.bs, 1000));
    Simulator::Run();

    ASSERT_EQ(m_attempts.size(), 1u);
    const OfdmaTransmission& tx = m_attempts[0].tx;
    const double snr = OfdmaTestCell::UplinkSnr(100.0, 0.01, 1, 1e6);
    const double rate = 1e6 * std::log2(1.0 + snr);
    const double bits = (1000 + MAC_HEADER_BYTES) * 8.0;
    EXPECT_EQ(tx.direction, OfdmaDirection::UPLINK);
    EXPECT_EQ(tx.numRbs, 1u);
    EXPECT_EQ(tx.bits, bits);
    EXPECT_NEAR(tx.snr, snr, 1e-9 * snr);
    EXPECT_NEAR(tx.rateBps, rate, 1e-9 * rate);
    EXPECT_NEAR(tx.airtime.GetSeconds(), bits / rate, 1e-9);
    ASSERT_EQ(arrivals.size(), 1u);
    EXPECT_NEAR(arrivals[0].GetSeconds(), bits / rate + 100.0 / SPEED_OF_LIGHT, 2e-9);
}

// Alone on a 4-RB uplink a terminal gets all 4 RBs: power split evenly, per-RB
// SNR (p/4) h / (I + B N0), rate 4 B log2(1 + SNR).
TEST_F(OfdmaChannelTest, PowerIsSplitEvenlyOverGrantedRbs)
{
    OfdmaHelper helper;
    helper.DisableErrorModel();
    helper.SetChannelAttribute("NumResourceBlocks", UintegerValue(4));
    helper.SetChannelAttribute("ResourceBlockBandwidthHz", DoubleValue(180e3));
    OfdmaTestCell cell({250.0}, helper);
    Record(cell);
    ASSERT_TRUE(SendRaw(cell.terminals[0], cell.bs, 500));
    Simulator::Run();

    ASSERT_EQ(m_attempts.size(), 1u);
    const OfdmaTransmission& tx = m_attempts[0].tx;
    const double snr = OfdmaTestCell::UplinkSnr(250.0, 0.01, 4, 180e3);
    const double rate = 4 * 180e3 * std::log2(1.0 + snr);
    EXPECT_EQ(tx.numRbs, 4u);
    EXPECT_DOUBLE_EQ(tx.bandwidthHz, 720e3);
    EXPECT_NEAR(tx.snr, snr, 1e-9 * snr);
    EXPECT_NEAR(tx.airtime.GetSeconds(), (500 + MAC_HEADER_BYTES) * 8.0 / rate, 1e-9);
}

// Downlink unicast uses the destination's rate; broadcast uses the weakest
// terminal's rate and reaches every terminal after its own propagation delay.
TEST_F(OfdmaChannelTest, DownlinkUnicastAndBroadcastRates)
{
    OfdmaHelper helper;
    helper.DisableErrorModel();
    OfdmaTestCell cell({100.0, 400.0}, helper);
    Record(cell);
    std::vector<Time> near;
    std::vector<Time> far;
    RecordRx(cell.terminals[0], &near);
    RecordRx(cell.terminals[1], &far);

    const double bits = (800 + MAC_HEADER_BYTES) * 8.0;
    const double nearAirtime = bits / (20e6 * std::log2(1.0 + DownlinkSnr(100.0)));
    const double farAirtime = bits / (20e6 * std::log2(1.0 + DownlinkSnr(400.0)));

    ASSERT_TRUE(SendRaw(cell.bs, cell.terminals[0], 800));
    Simulator::Run();
    ASSERT_EQ(m_attempts.size(), 1u);
    EXPECT_EQ(m_attempts[0].tx.direction, OfdmaDirection::DOWNLINK);
    EXPECT_NEAR(m_attempts[0].tx.snr, DownlinkSnr(100.0), 1e-9 * DownlinkSnr(100.0));
    EXPECT_NEAR(m_attempts[0].tx.airtime.GetSeconds(), nearAirtime, 1e-9);
    ASSERT_EQ(near.size(), 1u);
    EXPECT_TRUE(far.empty()) << "unicast reached another terminal";

    const Time start = Simulator::Now();
    cell.bs->Send(Create<Packet>(800), cell.bs->GetBroadcast(), edgedmltest::TEST_PROTOCOL);
    Simulator::Run();
    ASSERT_EQ(m_attempts.size(), 2u);
    EXPECT_NEAR(m_attempts[1].tx.airtime.GetSeconds(), farAirtime, 1e-9);
    ASSERT_EQ(near.size(), 2u);
    ASSERT_EQ(far.size(), 1u);
    EXPECT_NEAR((near[1] - start).GetSeconds(), farAirtime + 100.0 / SPEED_OF_LIGHT, 2e-9);
    EXPECT_NEAR((far[0] - start).GetSeconds(), farAirtime + 400.0 / SPEED_OF_LIGHT, 2e-9);
}

// k + 1 senders on k RBs (equal share): k start at once on one RB each, the
// last waits for the first RB to be released and starts exactly then.
TEST_F(OfdmaChannelTest, ContentionMakesTheLastSenderWait)
{
    const uint32_t k = 3;
    OfdmaHelper helper;
    helper.DisableErrorModel();
    helper.SetChannelAttribute("NumResourceBlocks", UintegerValue(k));
    OfdmaTestCell cell({100.0, 200.0, 300.0, 150.0}, helper);
    Record(cell);
    std::vector<std::pair<uint32_t, Time>> grants;
    cell.channel->TraceConnectWithoutContext(
        "UplinkGrant",
        MakeBoundCallback(
            +[](std::vector<std::pair<uint32_t, Time>>* out,
                Ptr<const NetDevice>,
                uint32_t rbs,
                Time waited) { out->emplace_back(rbs, waited); },
            &grants));

    for (const auto& terminal : cell.terminals)
    {
        ASSERT_TRUE(SendRaw(terminal, cell.bs, 1200));
    }
    uint32_t heldAtStart = 0;
    uint32_t waitingAtStart = 0;
    Simulator::Schedule(NanoSeconds(1), [&]() {
        heldAtStart = cell.channel->GetHeldUplinkRbs();
        waitingAtStart = cell.channel->GetNWaitingForGrant();
    });
    Simulator::Run();

    EXPECT_EQ(heldAtStart, k);
    EXPECT_EQ(waitingAtStart, 1u);
    ASSERT_EQ(m_attempts.size(), k + 1);
    Time firstEnd = Time::Max();
    for (uint32_t i = 0; i < k; ++i)
    {
        EXPECT_EQ(m_attempts[i].device, i);
        EXPECT_EQ(m_attempts[i].start, Seconds(0));
        EXPECT_EQ(m_attempts[i].tx.numRbs, 1u);
        firstEnd = std::min(firstEnd, m_attempts[i].tx.airtime);
    }
    // The nearest terminal (100 m) finishes first and frees its RB.
    EXPECT_EQ(firstEnd, m_attempts[0].tx.airtime);
    EXPECT_EQ(m_attempts[k].device, k);
    EXPECT_EQ(m_attempts[k].start, firstEnd);
    EXPECT_EQ(m_attempts[k].tx.grantDelay, firstEnd);
    ASSERT_EQ(grants.size(), k + 1);
    EXPECT_EQ(grants[k].second, firstEnd);
    EXPECT_EQ(cell.channel->GetHeldUplinkRbs(), 0u);
}

// Equal share: senders asking at the same instant share the RBs; a sender
// alone gets them all.
TEST_F(OfdmaChannelTest, EqualShareSplitsRbsAmongBackloggedSenders)
{
    OfdmaHelper helper;
    helper.DisableErrorModel();
    helper.SetChannelAttribute("NumResourceBlocks", UintegerValue(4));
    OfdmaTestCell cell({100.0, 100.0}, helper);
    Record(cell);
    ASSERT_TRUE(SendRaw(cell.terminals[0], cell.bs, 100));
    ASSERT_TRUE(SendRaw(cell.terminals[1], cell.bs, 100));
    Simulator::Run();
    ASSERT_EQ(m_attempts.size(), 2u);
    EXPECT_EQ(m_attempts[0].tx.numRbs, 2u);
    EXPECT_EQ(m_attempts[1].tx.numRbs, 2u);
    EXPECT_EQ(m_attempts[1].start, Seconds(0));

    ASSERT_TRUE(SendRaw(cell.terminals[1], cell.bs, 100));
    Simulator::Run();
    ASSERT_EQ(m_attempts.size(), 3u);
    EXPECT_EQ(m_attempts[2].tx.numRbs, 4u);
}

// Fixed grants: each sender always gets its own number of RBs and waits until
// that many are free.
TEST_F(OfdmaChannelTest, FixedAllocatorGrantsAndWaits)
{
    OfdmaHelper helper;
    helper.DisableErrorModel();
    helper.SetChannelAttribute("NumResourceBlocks", UintegerValue(3));
    helper.SetRbAllocator("ns3::edgedml::FixedRbAllocator", "RbsPerDevice", UintegerValue(2));
    OfdmaTestCell cell({100.0, 100.0, 100.0}, helper);
    Record(cell);
    auto allocator = DynamicCast<FixedRbAllocator>([&]() {
        PointerValue value;
        cell.channel->GetAttribute("RbAllocator", value);
        return value.Get<RbAllocator>();
    }());
    ASSERT_TRUE(allocator);
    allocator->SetGrant(cell.terminals[2], 1);
    for (const auto& terminal : cell.terminals)
    {
        ASSERT_TRUE(SendRaw(terminal, cell.bs, 300));
    }
    Simulator::Run();
    ASSERT_EQ(m_attempts.size(), 3u);
    // Terminal 0 takes 2 of 3 RBs; terminal 1 needs 2, only 1 is free: it
    // waits, and so does terminal 2 behind it (first come, first served).
    EXPECT_EQ(m_attempts[0].device, 0u);
    EXPECT_EQ(m_attempts[0].tx.numRbs, 2u);
    EXPECT_EQ(m_attempts[1].device, 1u);
    EXPECT_EQ(m_attempts[1].tx.numRbs, 2u);
    EXPECT_EQ(m_attempts[1].start, m_attempts[0].tx.airtime);
    EXPECT_EQ(m_attempts[2].device, 2u);
    EXPECT_EQ(m_attempts[2].tx.numRbs, 1u);
    EXPECT_EQ(m_attempts[2].start, m_attempts[0].tx.airtime);
}

// A fixed grant larger than the whole uplink would wait forever: refused.
TEST_F(OfdmaChannelTest, GrantLargerThanTheUplinkIsRefused)
{
    OfdmaHelper helper;
    helper.SetChannelAttribute("NumResourceBlocks", UintegerValue(2));
    helper.SetRbAllocator("ns3::edgedml::FixedRbAllocator", "RbsPerDevice", UintegerValue(3));
    OfdmaTestCell cell({100.0}, helper);
    SendRaw(cell.terminals[0], cell.bs, 100);
    EXPECT_DEATH(Simulator::Run(), "would wait forever");
}

// A random variable that draws negative interference is refused, naming the
// attribute.
TEST_F(OfdmaChannelTest, NegativeInterferenceDrawIsRefused)
{
    OfdmaHelper helper;
    OfdmaTestCell cell({100.0}, helper);
    cell.channel->SetAttribute("UplinkInterferencePerRb",
                               StringValue("ns3::ConstantRandomVariable[Constant=-1e-7]"));
    EXPECT_DEATH(cell.channel->RedrawUplinkInterference(), "UplinkInterferencePerRb drew -1e-07");
}
