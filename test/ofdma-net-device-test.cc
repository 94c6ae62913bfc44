/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The OFDMA device with ns-3's upper layers (IPv4/UDP with ARP, packet
 * sockets), relaying, going down mid-transmission, and pcap output.
 */

#include "ofdma-test-cell.h"

#include "ns3/config.h"
#include "ns3/internet-module.h"
#include "ns3/message-sink-helper.h"
#include "ns3/message-sink.h"
#include "ns3/message-source-helper.h"
#include "ns3/message-source.h"
#include "ns3/pcap-file.h"
#include "ns3/uinteger.h"

#include <cstdio>
#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::OfdmaTestCell;
using edgedmltest::SendRaw;

namespace
{

class OfdmaNetDeviceTest : public edgedmltest::SimulationTest
{
  protected:
    static OfdmaHelper Lossless()
    {
        OfdmaHelper helper;
        helper.DisableErrorModel();
        return helper;
    }

    /// Messages received whole by a sink, per source node id.
    static uint32_t Whole(Ptr<MessageSink> sink, Ptr<Node> node)
    {
        return sink->GetSourceStats(node->GetId()).messages;
    }
};

} // namespace

// UDP over IPv4 both ways, with real ARP resolution over the cell: uplink
// messages of several packets to the parameter server, downlink messages to
// every edge server.
TEST_F(OfdmaNetDeviceTest, CarriesUdpOverIpv4BothWays)
{
    // Four packets per message wait for ARP at first; ns-3's default pending
    // queue holds three.
    Config::SetDefault("ns3::ArpCache::PendingQueueSize", UintegerValue(16));
    OfdmaTestCell cell({60.0, 200.0, 350.0}, Lossless());
    InternetStackHelper internet;
    internet.Install(cell.bsNode);
    internet.Install(cell.terminalNodes);
    Ipv4AddressHelper ipv4("10.7.0.0", "255.255.255.0");
    NetDeviceContainer all;
    all.Add(cell.bs);
    for (const auto& terminal : cell.terminals)
    {
        all.Add(terminal);
    }
    Ipv4InterfaceContainer interfaces = ipv4.Assign(all);

    const uint16_t port = 5000;
    MessageSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                 InetSocketAddress(Ipv4Address::GetAny(), port));
    auto psSink = DynamicCast<MessageSink>(sinkHelper.Install(NodeContainer(cell.bsNode)).Get(0));
    ApplicationContainer esSinks = sinkHelper.Install(cell.terminalNodes);

    MessageSourceHelper up("ns3::UdpSocketFactory",
                           InetSocketAddress(interfaces.GetAddress(0), port));
    up.SetAttribute("MessageBytes", UintegerValue(5000));
    up.SetAttribute("MaxMessages", UintegerValue(3));
    up.SetAttribute("Interval", TimeValue(MilliSeconds(500)));
    up.Install(cell.terminalNodes);
    for (uint32_t i = 0; i < cell.terminals.size(); ++i)
    {
        MessageSourceHelper down("ns3::UdpSocketFactory",
                                 InetSocketAddress(interfaces.GetAddress(i + 1), port));
        down.SetAttribute("MessageBytes", UintegerValue(3000));
        down.Install(NodeContainer(cell.bsNode));
    }
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    for (uint32_t i = 0; i < cell.terminals.size(); ++i)
    {
        EXPECT_EQ(Whole(psSink, cell.terminalNodes.Get(i)), 3u) << "uplink of terminal " << i;
        auto esSink = DynamicCast<MessageSink>(esSinks.Get(i));
        EXPECT_EQ(Whole(esSink, cell.bsNode), 1u) << "downlink to terminal " << i;
    }
}

// Raw packet sockets, no Internet stack.
TEST_F(OfdmaNetDeviceTest, CarriesPacketSocketTraffic)
{
    OfdmaTestCell cell({100.0, 300.0}, Lossless());
    PacketSocketHelper sockets;
    sockets.Install(cell.bsNode);
    sockets.Install(cell.terminalNodes);
    PacketSocketAddress local;
    local.SetAllDevices();
    local.SetProtocol(edgedmltest::TEST_PROTOCOL);
    MessageSinkHelper sinkHelper("ns3::PacketSocketFactory", local);
    auto sink = DynamicCast<MessageSink>(sinkHelper.Install(NodeContainer(cell.bsNode)).Get(0));
    for (uint32_t i = 0; i < cell.terminals.size(); ++i)
    {
        PacketSocketAddress remote;
        remote.SetSingleDevice(cell.terminals[i]->GetIfIndex());
        remote.SetPhysicalAddress(cell.bs->GetAddress());
        remote.SetProtocol(edgedmltest::TEST_PROTOCOL);
        MessageSourceHelper source("ns3::PacketSocketFactory", remote);
        source.SetAttribute("MessageBytes", UintegerValue(10000));
        source.SetAttribute("MaxMessages", UintegerValue(2));
        source.Install(NodeContainer(cell.terminalNodes.Get(i)));
    }
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    for (uint32_t i = 0; i < cell.terminals.size(); ++i)
    {
        const auto stats = sink->GetSourceStats(cell.terminalNodes.Get(i)->GetId());
        EXPECT_EQ(stats.messages, 2u);
        EXPECT_EQ(stats.packets, 2u * 7u); // 10000 bytes in pieces of 1444
    }
}

// A terminal's unicast to another terminal goes up to the base station and is
// relayed down: it arrives after the uplink and the downlink airtimes.
TEST_F(OfdmaNetDeviceTest, BaseStationRelaysTerminalToTerminal)
{
    OfdmaTestCell cell({100.0, 200.0}, Lossless());
    std::vector<OfdmaTransmission> txs;
    auto record =
        +[](std::vector<OfdmaTransmission>* out, Ptr<const Packet>, const OfdmaTransmission& tx) {
            out->push_back(tx);
        };
    cell.terminals[0]->TraceConnectWithoutContext("PhyTxBegin", MakeBoundCallback(record, &txs));
    cell.bs->TraceConnectWithoutContext("PhyTxBegin", MakeBoundCallback(record, &txs));
    Time arrival;
    uint32_t delivered = 0;
    cell.terminals[1]->SetReceiveCallback(MakeBoundCallback(
        +[](Time* when,
            uint32_t* count,
            Ptr<NetDevice>,
            Ptr<const Packet> packet,
            uint16_t protocol,
            const Address&) {
            *when = Simulator::Now();
            *count += protocol == edgedmltest::TEST_PROTOCOL && packet->GetSize() == 400 ? 1 : 0;
            return true;
        },
        &arrival,
        &delivered));
    ASSERT_TRUE(SendRaw(cell.terminals[0], cell.terminals[1], 400));
    Simulator::Run();
    ASSERT_EQ(txs.size(), 2u);
    EXPECT_EQ(txs[0].direction, OfdmaDirection::UPLINK);
    EXPECT_EQ(txs[1].direction, OfdmaDirection::DOWNLINK);
    EXPECT_EQ(delivered, 1u);
    const double expected = txs[0].airtime.GetSeconds() + txs[1].airtime.GetSeconds() +
                            (100.0 + 200.0) / edgedmltest::SPEED_OF_LIGHT;
    EXPECT_NEAR(arrival.GetSeconds(), expected, 3e-9);
}

// Going down mid-transmission aborts the attempt, frees its RB, drops the
// packet and the queue, and refuses new packets until the device is up again.
TEST_F(OfdmaNetDeviceTest, LinkDownAbortsAndDrops)
{
    OfdmaTestCell cell({300.0}, Lossless());
    Ptr<OfdmaNetDevice> terminal = cell.terminals[0];
    uint32_t aborted = 0;
    uint32_t linkDownDrops = 0;
    uint32_t received = 0;
    terminal->TraceConnectWithoutContext(
        "PhyTxAbort",
        MakeBoundCallback(
            +[](uint32_t* n, Ptr<const Packet>, const OfdmaTransmission&) { ++*n; },
            &aborted));
    terminal->TraceConnectWithoutContext(
        "Drop",
        MakeBoundCallback(
            +[](uint32_t* n, Ptr<const Packet>, OfdmaDropReason reason) {
                *n += reason == OfdmaDropReason::LINK_DOWN ? 1 : 0;
            },
            &linkDownDrops));
    cell.bs->TraceConnectWithoutContext("PhyRxEnd",
                                        MakeBoundCallback(
                                            +[](uint32_t* n, Ptr<const Packet>, double) { ++*n; },
                                            &received));
    for (int k = 0; k < 3; ++k)
    {
        ASSERT_TRUE(SendRaw(terminal, cell.bs, 1400));
    }
    Simulator::Schedule(MicroSeconds(100), &OfdmaNetDevice::SetLinkUp, terminal, false);
    bool acceptedWhileDown = true;
    Simulator::Schedule(MicroSeconds(200),
                        [&]() { acceptedWhileDown = SendRaw(terminal, cell.bs, 100); });
    Simulator::Run();
    EXPECT_EQ(aborted, 1u);
    EXPECT_EQ(linkDownDrops, 4u); // the one on the air, two queued, one refused
    EXPECT_FALSE(acceptedWhileDown);
    EXPECT_EQ(received, 0u);
    EXPECT_EQ(cell.channel->GetHeldUplinkRbs(), 0u);
    EXPECT_FALSE(terminal->IsLinkUp());

    terminal->SetLinkUp(true);
    ASSERT_TRUE(SendRaw(terminal, cell.bs, 100));
    Simulator::Run();
    EXPECT_EQ(received, 1u);
}

// pcap: one Ethernet (DLT_EN10MB) record per packet the base station received.
TEST_F(OfdmaNetDeviceTest, WritesPcap)
{
    const std::string file = "ofdma-net-device-test-pcap.pcap";
    {
        OfdmaHelper helper = Lossless();
        OfdmaTestCell cell({150.0}, helper);
        helper.EnablePcap(file, cell.bs, false, true);
        for (int k = 0; k < 5; ++k)
        {
            ASSERT_TRUE(SendRaw(cell.terminals[0], cell.bs, 300 + k));
        }
        Simulator::Run();
        Simulator::Destroy();
    } // the last reference to the device goes: the pcap file is closed

    PcapFile pcap;
    pcap.Open(file, std::ios::in);
    ASSERT_FALSE(pcap.Fail());
    EXPECT_EQ(pcap.GetDataLinkType(), 1u);
    uint8_t data[2000];
    uint32_t seconds;
    uint32_t microseconds;
    uint32_t included;
    uint32_t original;
    uint32_t read;
    int records = 0;
    while (true)
    {
        pcap.Read(data, sizeof(data), seconds, microseconds, included, original, read);
        if (pcap.Eof() || pcap.Fail())
        {
            break;
        }
        EXPECT_EQ(original, 14u + 300u + records);
        ++records;
    }
    EXPECT_EQ(records, 5);
    pcap.Close();
    std::remove(file.c_str());
}

// A packet above the MTU is refused; a terminal's unicast to an address not in
// the cell is dropped at the base station as unreachable.
TEST_F(OfdmaNetDeviceTest, RefusesOversizeAndUnreachablePackets)
{
    OfdmaTestCell cell({100.0}, Lossless());
    std::vector<OfdmaDropReason> terminalDrops;
    std::vector<OfdmaDropReason> bsDrops;
    auto record = +[](std::vector<OfdmaDropReason>* out, Ptr<const Packet>, OfdmaDropReason r) {
        out->push_back(r);
    };
    cell.terminals[0]->TraceConnectWithoutContext("Drop",
                                                  MakeBoundCallback(record, &terminalDrops));
    cell.bs->TraceConnectWithoutContext("Drop", MakeBoundCallback(record, &bsDrops));
    EXPECT_FALSE(SendRaw(cell.terminals[0], cell.bs, 1501));
    EXPECT_TRUE(SendRaw(cell.terminals[0], cell.bs, 1500));
    EXPECT_TRUE(cell.terminals[0]->Send(Create<Packet>(100),
                                        Mac48Address("02:00:00:00:99:99"),
                                        edgedmltest::TEST_PROTOCOL));
    Simulator::Run();
    EXPECT_EQ(terminalDrops, std::vector<OfdmaDropReason>{OfdmaDropReason::MTU_EXCEEDED});
    EXPECT_EQ(bsDrops, std::vector<OfdmaDropReason>{OfdmaDropReason::UNREACHABLE});
}

// Down while waiting for a grant (the serve event still pending): the request
// is withdrawn, nothing goes on the air, the other terminal is served.
TEST_F(OfdmaNetDeviceTest, LinkDownWhileWaitingForAGrant)
{
    OfdmaTestCell cell({100.0, 100.0}, Lossless());
    uint32_t attempts = 0;
    for (const auto& terminal : cell.terminals)
    {
        terminal->TraceConnectWithoutContext(
            "PhyTxBegin",
            MakeBoundCallback(
                +[](uint32_t* n, Ptr<const Packet>, const OfdmaTransmission&) { ++*n; },
                &attempts));
    }
    ASSERT_TRUE(SendRaw(cell.terminals[0], cell.bs, 500));
    ASSERT_TRUE(SendRaw(cell.terminals[1], cell.bs, 500));
    EXPECT_EQ(cell.channel->GetNWaitingForGrant(), 2u);
    cell.terminals[0]->SetLinkUp(false);
    EXPECT_EQ(cell.channel->GetNWaitingForGrant(), 1u);
    Simulator::Run();
    EXPECT_EQ(attempts, 1u);
    EXPECT_EQ(cell.channel->GetHeldUplinkRbs(), 0u);
}

// Down while awaiting ARQ feedback: the attempt already on its way is the
// receiver's to judge; it is delivered once and not also counted as dropped.
TEST_F(OfdmaNetDeviceTest, LinkDownWhileAwaitingFeedback)
{
    OfdmaHelper helper = Lossless();
    helper.SetDeviceAttribute("MaxRetransmissions", UintegerValue(2));
    OfdmaTestCell cell({300.0}, helper);
    Ptr<OfdmaNetDevice> terminal = cell.terminals[0];
    Time airtime;
    terminal->TraceConnectWithoutContext(
        "PhyTxBegin",
        MakeBoundCallback(
            +[](Time* t, Ptr<const Packet>, const OfdmaTransmission& tx) { *t = tx.airtime; },
            &airtime));
    uint32_t drops = 0;
    terminal->TraceConnectWithoutContext(
        "Drop",
        MakeBoundCallback(
            +[](uint32_t* n, Ptr<const Packet>, OfdmaDropReason) { ++*n; },
            &drops));
    uint32_t received = 0;
    cell.bs->TraceConnectWithoutContext("PhyRxEnd",
                                        MakeBoundCallback(
                                            +[](uint32_t* n, Ptr<const Packet>, double) { ++*n; },
                                            &received));
    ASSERT_TRUE(SendRaw(terminal, cell.bs, 800));
    // The copy needs 1 us to cover 300 m: go down in between.
    Simulator::Schedule(NanoSeconds(1), [&]() {
        Simulator::Schedule(airtime + NanoSeconds(100),
                            &OfdmaNetDevice::SetLinkUp,
                            terminal,
                            false);
    });
    Simulator::Run();
    EXPECT_EQ(received, 1u);
    EXPECT_EQ(drops, 0u);
}

// A trace sink that takes the device down (as an energy model detecting
// depletion does) aborts the attempt cleanly, at its start and at its end.
TEST_F(OfdmaNetDeviceTest, TraceSinkTakingTheLinkDown)
{
    for (const std::string trace : {"PhyTxBegin", "PhyTxEnd"})
    {
        OfdmaTestCell cell({200.0}, Lossless());
        Ptr<OfdmaNetDevice> terminal = cell.terminals[0];
        terminal->TraceConnectWithoutContext(
            trace,
            MakeBoundCallback(
                +[](OfdmaNetDevice* device, Ptr<const Packet>, const OfdmaTransmission&) {
                    device->SetLinkUp(false);
                },
                PeekPointer(terminal))); // a raw pointer: no reference cycle
        uint32_t received = 0;
        cell.bs->TraceConnectWithoutContext(
            "PhyRxEnd",
            MakeBoundCallback(
                +[](uint32_t* n, Ptr<const Packet>, double) { ++*n; },
                &received));
        ASSERT_TRUE(SendRaw(terminal, cell.bs, 800));
        ASSERT_TRUE(SendRaw(terminal, cell.bs, 800));
        Simulator::Run();
        EXPECT_EQ(cell.channel->GetHeldUplinkRbs(), 0u) << trace;
        EXPECT_FALSE(terminal->IsBacklogged()) << trace;
        // Down at the start: nothing arrives; down at the end: the first copy
        // was already delivered.
        EXPECT_EQ(received, trace == "PhyTxEnd" ? 1u : 0u) << trace;
        Simulator::Destroy();
    }
}

// The packet count of a message near 2^32 bytes does not overflow.
TEST(MessageSource, PacketCountOfHugeMessages)
{
    auto source = CreateObject<MessageSource>();
    // 1472-byte payloads carry 1444 message bytes each.
    EXPECT_EQ(source->GetPacketsPerMessage(1), 1u);
    EXPECT_EQ(source->GetPacketsPerMessage(1444), 1u);
    EXPECT_EQ(source->GetPacketsPerMessage(1445), 2u);
    EXPECT_EQ(source->GetPacketsPerMessage(4294966000u), 2974354u);
}
