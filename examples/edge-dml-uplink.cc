/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-uplink: n edge servers upload a model update over the OFDMA-like
 * uplink to the parameter server, round after round (the system model, "Actors" to "Energy").
 *
 * Every round the per-RB interference of each edge server is redrawn and
 * every edge server sends one message of payloadBytes, split into packets,
 * over UDP/IPv4 (default) or raw packet sockets. Per edge server the program
 * prints, and writes to edge-dml-uplink.csv in the current directory:
 * distance, mean uplink SNR and rate of its attempts, the analytic success
 * probability of its loss unit, the measured delivery ratio of that unit,
 * airtime and energy.
 *
 *   ./edge-dml-uplink                       (embedded defaults, n = 80)
 *   ./edge-dml-uplink --lossUnit=Packet --maxRetransmissions=2 --socket=packet
 *   ./edge-dml-uplink --numRbs=40 --rbAllocator=ns3::edgedml::FixedRbAllocator
 */

#include "atomic-output-file.h"
#include "command-line-checks.h"

#include "ns3/basic-energy-source-helper.h"
#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// What the traces collect for one edge server.
struct EdgeServerRecord
{
    uint32_t attempts{0};         //!< transmission attempts
    double snrSum{0.0};           //!< sum of attempt SNRs (linear)
    double rateSum{0.0};          //!< sum of attempt rates, in bit/s
    double airtimeS{0.0};         //!< total airtime, in s
    double unitProbabilitySum{0}; //!< sum of the analytic success probability per loss unit
    uint32_t units{0};            //!< loss units judged (messages or attempts)
    int64_t lastMessage{-1};      //!< last message seen on the air
    uint32_t messagesSent{0};     //!< messages sent
    uint32_t packetsSent{0};      //!< packets handed to the device
};

} // namespace

int
main(int argc, char* argv[])
{
    int64_t numEdgeServers = 80;
    int64_t payloadBytes = 31400;
    int64_t packetPayloadBytes = 1472;
    int64_t rounds = 20;
    double roundIntervalS = 2.0;
    double drainS = 10.0;
    std::string lossUnit = "Message";
    double waterfallThreshold = 1.08;
    int64_t maxRetransmissions = 0;
    std::string socketType = "udp";
    int64_t numRbs = 0;
    double rbBandwidthHz = 1e6;
    double txPowerW = 0.01;
    double minRadiusM = 50.0;
    double maxRadiusM = 500.0;
    std::string rbAllocator = "ns3::edgedml::EqualShareRbAllocator";
    double initialEnergyJ = 100.0;
    bool pcap = false;
    std::string output = "edge-dml-uplink.csv";
    bool quiet = false;

    CommandLine cmd(__FILE__);
    CommandLineChecks check("edge-dml-uplink");
    // Counts are read as signed integers so that a negative value is reported,
    // not wrapped around. Every bound is finite: ns-3 time (ns resolution,
    // 64 bits) ends after about 292 years, and values beyond the bounds below
    // only overflow the model.
    check.AddInteger(cmd, "numEdgeServers", "number of edge servers n", numEdgeServers, 1, 100000);
    check.AddInteger(cmd,
                     "payloadBytes",
                     "size of each model update, in bytes",
                     payloadBytes,
                     1,
                     4294967295,
                     "bytes");
    check.AddInteger(cmd,
                     "packetPayloadBytes",
                     "socket payload per packet incl. the 28-byte message header, in bytes",
                     packetPayloadBytes,
                     29,
                     1472,
                     "bytes, a 1500-byte MTU");
    check.AddInteger(cmd,
                     "rounds",
                     "upload rounds (one message per edge server per round)",
                     rounds,
                     1,
                     1000000);
    check.AddPositive(cmd,
                      "roundIntervalS",
                      "time between round starts, in s",
                      roundIntervalS,
                      1e6,
                      "s");
    check.AddDouble(cmd,
                    "drainS",
                    "time after the last round start before the run ends, in s",
                    drainS,
                    0,
                    1e6,
                    "s");
    check.AddChoice(cmd,
                    "lossUnit",
                    "waterfall loss unit: Message or Packet",
                    lossUnit,
                    {"Message", "Packet"});
    check.AddDouble(cmd,
                    "waterfallThreshold",
                    "waterfall threshold m (linear)",
                    waterfallThreshold,
                    0,
                    1e6);
    check.AddInteger(cmd,
                     "maxRetransmissions",
                     "link-layer retransmissions per packet",
                     maxRetransmissions,
                     0,
                     1000);
    check.AddChoice(cmd,
                    "socket",
                    "udp (IPv4/UDP) or packet (raw packet sockets)",
                    socketType,
                    {"udp", "packet"});
    check.AddInteger(cmd,
                     "numRbs",
                     "uplink resource blocks R (0: one per edge server)",
                     numRbs,
                     0,
                     1000000,
                     "RBs; 0 gives one per edge server");
    check.AddDouble(cmd,
                    "rbBandwidthHz",
                    "bandwidth of one resource block, in Hz",
                    rbBandwidthHz,
                    1,
                    1e12,
                    "Hz");
    check.AddPositive(cmd, "txPowerW", "edge-server transmit power, in W", txPowerW, 1e6, "W");
    check.AddDouble(cmd,
                    "minRadiusM",
                    "smallest edge-server distance to the PS, in m",
                    minRadiusM,
                    0,
                    1e7,
                    "m");
    check.AddDouble(cmd,
                    "maxRadiusM",
                    "largest edge-server distance to the PS, in m",
                    maxRadiusM,
                    0,
                    1e7,
                    "m");
    check.AddString(cmd, "rbAllocator", "TypeId of the RB allocator", rbAllocator);
    check.AddPositive(cmd,
                      "initialEnergyJ",
                      "initial energy of each edge server, in J",
                      initialEnergyJ,
                      1e12,
                      "J");
    check.AddBool(cmd,
                  "pcap",
                  "write edge-dml-uplink-ps.pcap, the parameter server's packets",
                  pcap);
    check.AddOutputFileName(cmd, "output", "CSV file written in the current directory", output);
    check.AddBool(cmd, "quiet", "do not print the per-server table", quiet);
    check.Parse(cmd, argc, argv);

    // Cross-option checks.
    if (rounds * roundIntervalS + drainS > 1e9)
    {
        check.Fail("--rounds=" + std::to_string(rounds) +
                   " with this --roundIntervalS and --drainS runs past 1e9 s of simulated "
                   "time; use fewer rounds or shorter intervals");
    }
    check.AtLeast("maxRadiusM", maxRadiusM, minRadiusM + 1e-9, "m, above minRadiusM");
    const TypeId allocatorTid =
        check.DerivedFrom("rbAllocator", rbAllocator, RbAllocator::GetTypeId());
    const std::string pcapFile = "edge-dml-uplink-ps.pcap";
    if (pcap && output == pcapFile)
    {
        check.Fail("--output=" + output + " is invalid: the pcap trace has that name");
    }

    // Results are written under temporary names and renamed when complete.
    AtomicOutputFile csv(output);
    PendingOutputFile pcapOutput(pcapFile);
    if (!csv.IsOpen())
    {
        std::cerr << "edge-dml-uplink: cannot create " << csv.GetTemporaryPath()
                  << ": run in a writable directory" << std::endl;
        return 1;
    }
    std::ostringstream table;
    std::ostringstream summary;
    {
        // Nodes: the parameter server at the origin, edge servers in the annulus.
        Ptr<Node> ps = CreateObject<Node>();
        NodeContainer edgeNodes;
        edgeNodes.Create(numEdgeServers);

        MobilityHelper mobility;
        mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        mobility.Install(ps);
        auto positions = CreateObject<AnnulusPositionAllocator>();
        positions->SetRadii(minRadiusM, maxRadiusM);
        positions->AssignStreams(0);
        mobility.SetPositionAllocator(positions);
        mobility.Install(edgeNodes);

        EdgeServerHelper edgeServerHelper;
        edgeServerHelper.AssignStreams(1);
        std::vector<Ptr<EdgeServer>> servers = edgeServerHelper.Install(edgeNodes);

        OfdmaHelper ofdma;
        ofdma.SetChannelAttribute("NumResourceBlocks", UintegerValue(numRbs));
        ofdma.SetChannelAttribute("ResourceBlockBandwidthHz", DoubleValue(rbBandwidthHz));
        ofdma.SetRbAllocator(allocatorTid.GetName());
        ofdma.SetTerminalAttribute("TxPowerW", DoubleValue(txPowerW));
        ofdma.SetDeviceAttribute("MaxRetransmissions", UintegerValue(maxRetransmissions));
        ofdma.SetErrorModel("ns3::edgedml::WaterfallErrorModel",
                            "LossUnit",
                            StringValue(lossUnit),
                            "WaterfallThreshold",
                            DoubleValue(waterfallThreshold));
        NetDeviceContainer devices = ofdma.Install(ps, edgeNodes);
        ofdma.AssignStreams(devices, 10);
        Ptr<OfdmaNetDevice> psDevice = DynamicCast<OfdmaNetDevice>(devices.Get(0));
        Ptr<OfdmaChannel> channel = DynamicCast<OfdmaChannel>(psDevice->GetChannel());
        NetDeviceContainer edgeDevices;
        for (uint32_t i = 1; i < devices.GetN(); ++i)
        {
            edgeDevices.Add(devices.Get(i));
        }

        // Energy: a battery per edge server, charged for every attempt.
        BasicEnergySourceHelper battery;
        battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(initialEnergyJ));
        EnergySourceContainer sources = battery.Install(edgeNodes);
        EdgeServerEnergyModelHelper energyHelper;
        DeviceEnergyModelContainer energyModels = energyHelper.Install(edgeDevices, sources);

        // Transport: UDP over IPv4 or raw packet sockets.
        Address sinkAddress;
        std::vector<Address> remotes;
        std::string factory;
        if (socketType == "udp")
        {
            Ipv4InterfaceContainer interfaces =
                InstallStarIpv4(ps, edgeNodes, devices, "10.1.0.0", "255.255.0.0");
            const uint16_t port = 9000;
            sinkAddress = InetSocketAddress(Ipv4Address::GetAny(), port);
            remotes.assign(numEdgeServers, InetSocketAddress(interfaces.GetAddress(0), port));
            factory = "ns3::UdpSocketFactory";
        }
        else
        {
            PacketSocketHelper packetSockets;
            packetSockets.Install(ps);
            packetSockets.Install(edgeNodes);
            const uint16_t protocol = 0x88B5; // IEEE 802 local experimental EtherType
            PacketSocketAddress local;
            local.SetAllDevices();
            local.SetProtocol(protocol);
            sinkAddress = local;
            for (uint32_t i = 0; i < numEdgeServers; ++i)
            {
                PacketSocketAddress remote;
                remote.SetSingleDevice(edgeDevices.Get(i)->GetIfIndex());
                remote.SetPhysicalAddress(psDevice->GetAddress());
                remote.SetProtocol(protocol);
                remotes.push_back(remote);
            }
            factory = "ns3::PacketSocketFactory";
        }

        MessageSinkHelper sinkHelper(factory, sinkAddress);
        ApplicationContainer sinkApps = sinkHelper.Install(NodeContainer(ps));
        Ptr<MessageSink> sink = DynamicCast<MessageSink>(sinkApps.Get(0));
        sinkApps.Start(Seconds(0.0));

        std::vector<Ptr<MessageSource>> senders;
        for (uint32_t i = 0; i < numEdgeServers; ++i)
        {
            MessageSourceHelper sourceHelper(factory, remotes[i]);
            sourceHelper.SetAttribute("MessageBytes", UintegerValue(payloadBytes));
            sourceHelper.SetAttribute("PacketPayloadBytes", UintegerValue(packetPayloadBytes));
            sourceHelper.SetAttribute("Interval", TimeValue(Seconds(roundIntervalS)));
            sourceHelper.SetAttribute("MaxMessages", UintegerValue(rounds));
            ApplicationContainer app = sourceHelper.Install(NodeContainer(edgeNodes.Get(i)));
            app.Start(Seconds(0.0));
            senders.push_back(DynamicCast<MessageSource>(app.Get(0)));
        }

        // A new interference draw for every edge server at every round start.
        for (uint32_t r = 0; r < rounds; ++r)
        {
            Simulator::Schedule(Seconds(r * roundIntervalS),
                                &OfdmaChannel::RedrawUplinkInterference,
                                channel);
        }

        // Traces.
        std::vector<EdgeServerRecord> records(numEdgeServers);
        const bool perMessage = lossUnit == "Message";
        for (uint32_t i = 0; i < numEdgeServers; ++i)
        {
            EdgeServerRecord* record = &records[i];
            edgeDevices.Get(i)->TraceConnectWithoutContext(
                "PhyTxBegin",
                MakeBoundCallback(
                    +[](EdgeServerRecord* rec,
                        double m,
                        bool byMessage,
                        Ptr<const Packet> packet,
                        const OfdmaTransmission& tx) {
                        ++rec->attempts;
                        rec->snrSum += tx.snr;
                        rec->rateSum += tx.rateBps;
                        rec->airtimeS += tx.airtime.GetSeconds();
                        MessageTag tag;
                        const bool tagged = packet->PeekPacketTag(tag);
                        if (byMessage && tagged)
                        {
                            if (tag.GetMessageId() != rec->lastMessage)
                            {
                                rec->lastMessage = tag.GetMessageId();
                                rec->unitProbabilitySum += WaterfallSuccessProbability(m, tx.snr);
                                ++rec->units;
                            }
                        }
                        else
                        {
                            rec->unitProbabilitySum += WaterfallSuccessProbability(m, tx.snr);
                            ++rec->units;
                        }
                    },
                    record,
                    waterfallThreshold,
                    perMessage));
            senders[i]->TraceConnectWithoutContext(
                "MessageSent",
                MakeBoundCallback(
                    +[](EdgeServerRecord* rec, uint32_t, uint32_t, uint32_t packets) {
                        ++rec->messagesSent;
                        rec->packetsSent += packets;
                    },
                    record));
        }
        if (pcap)
        {
            ofdma.EnablePcap(pcapOutput.GetTemporaryPath(), psDevice, false, true);
        }

        Simulator::Stop(Seconds(rounds * roundIntervalS + drainS));
        Simulator::Run();

        // Results.
        std::ostream& out = csv.Stream();
        out << "es,node,distance_m,samples,cpu_hz,attempts,mean_snr_db,mean_rate_bps,"
               "success_probability,delivery_ratio,messages_sent,messages_received,packets_sent,"
               "packets_received,airtime_s,energy_j\n";
        table << std::setw(4) << "es" << std::setw(10) << "dist_m" << std::setw(10) << "snr_dB"
              << std::setw(12) << "rate_Mbps" << std::setw(10) << "o_unit" << std::setw(10)
              << "measured" << std::setw(12) << "airtime_s" << std::setw(12) << "energy_J"
              << "\n";
        Ptr<MobilityModel> psMobility = ps->GetObject<MobilityModel>();
        double analyticSum = 0.0;
        double measuredSum = 0.0;
        uint32_t messagesReceived = 0;
        for (uint32_t i = 0; i < numEdgeServers; ++i)
        {
            const EdgeServerRecord& rec = records[i];
            Ptr<Node> node = edgeNodes.Get(i);
            const double distance = node->GetObject<MobilityModel>()->GetDistanceFrom(psMobility);
            const MessageSink::SourceStats stats = sink->GetSourceStats(node->GetId());
            const double meanSnr = rec.attempts > 0 ? rec.snrSum / rec.attempts : 0.0;
            const double meanRate = rec.attempts > 0 ? rec.rateSum / rec.attempts : 0.0;
            const double analytic = rec.units > 0 ? rec.unitProbabilitySum / rec.units : 0.0;
            const double measured =
                perMessage
                    ? (rec.messagesSent > 0 ? double(stats.messages) / rec.messagesSent : 0.0)
                    : (rec.attempts > 0 ? double(stats.packets) / rec.attempts : 0.0);
            const double energy = energyModels.Get(i)->GetTotalEnergyConsumption();
            analyticSum += analytic;
            measuredSum += measured;
            messagesReceived += stats.messages;
            out << i << "," << node->GetId() << "," << distance << "," << servers[i]->GetSamples()
                << "," << servers[i]->GetCpuFrequencyHz() << "," << rec.attempts << ","
                << RatioToDb(meanSnr) << "," << meanRate << "," << analytic << "," << measured
                << "," << rec.messagesSent << "," << stats.messages << "," << rec.packetsSent << ","
                << stats.packets << "," << rec.airtimeS << "," << energy << "\n";
            table << std::setw(4) << i << std::setw(10) << std::fixed << std::setprecision(1)
                  << distance << std::setw(10) << std::setprecision(2) << RatioToDb(meanSnr)
                  << std::setw(12) << std::setprecision(3) << meanRate / 1e6 << std::setw(10)
                  << std::setprecision(3) << analytic << std::setw(10) << measured << std::setw(12)
                  << std::setprecision(4) << rec.airtimeS << std::setw(12) << std::setprecision(5)
                  << energy << "\n";
        }
        summary << std::fixed << std::setprecision(4) << "edge-dml-uplink: n=" << numEdgeServers
                << " rounds=" << rounds << " loss unit=" << lossUnit << " socket=" << socketType
                << " RBs=" << channel->GetUplinkRbCount() << "\n"
                << "  mean analytic success probability " << analyticSum / numEdgeServers
                << ", mean measured delivery ratio " << measuredSum / numEdgeServers << "\n"
                << "  messages received whole " << messagesReceived << " of "
                << numEdgeServers * rounds << "; results in " << output << "\n";

        Simulator::Destroy();
    } // every object of the run is gone: the pcap trace is closed

    std::string error;
    if (!csv.Commit(error) || (pcap && !pcapOutput.Commit(error)))
    {
        std::cerr << "edge-dml-uplink: " << error << std::endl;
        return 1;
    }
    if (!quiet)
    {
        std::cout << table.str();
    }
    std::cout << summary.str() << std::flush;
    return 0;
}
