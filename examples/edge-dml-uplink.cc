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
 *   ./edge-dml-uplink --numRbs=40 --rbAllocator=Fixed
 *
 * The radio and message options are attributes of OfdmaChannel,
 * OfdmaNetDevice, WaterfallErrorModel, AnnulusPositionAllocator and
 * MessageSource (--PrintHelp gives their ranges and defaults).
 */

#include "atomic-output-file.h"
#include "program-options.h"
#include "uplink-recorder.h"

#include "ns3/basic-energy-source-helper.h"
#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <iostream>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

int
main(int argc, char* argv[])
{
    uint32_t numEdgeServers = 80;
    uint32_t rounds = 20;
    double drainS = 10.0;
    std::string socketType = "udp";
    std::string rbAllocator = "ns3::edgedml::EqualShareRbAllocator";
    double initialEnergyJ = 100.0;
    bool pcap = false;
    std::string output = "edge-dml-uplink.csv";
    bool quiet = false;

    ProgramOptions options("edge-dml-uplink",
                           "Edge servers upload a model update over the OFDMA uplink, round "
                           "after round; per-server SNR, rate, loss, airtime and energy.");
    options.AddValue("numEdgeServers",
                     "Number of edge servers n.",
                     numEdgeServers,
                     MakeUintegerChecker<uint32_t>(1, 100000));
    const std::string source = "ns3::edgedml::MessageSource::";
    options.AddAttribute("payloadBytes", source + "MessageBytes");
    options.AddAttribute("packetPayloadBytes", source + "PacketPayloadBytes");
    options.AddValue("rounds",
                     "Upload rounds (one message per edge server per round).",
                     rounds,
                     MakeUintegerChecker<uint32_t>(1, 1000000));
    options.AddAttribute("roundIntervalS", source + "Interval", "2");
    options.AddValue("drainS",
                     "Time after the last round start before the run ends, in s.",
                     drainS,
                     MakeDoubleChecker<double>(0, 1e6));
    options.AddAttribute("lossUnit", "ns3::edgedml::WaterfallErrorModel::LossUnit");
    options.AddAttribute("waterfallThreshold",
                         "ns3::edgedml::WaterfallErrorModel::WaterfallThreshold");
    options.AddAttribute("maxRetransmissions", "ns3::edgedml::OfdmaNetDevice::MaxRetransmissions");
    options.AddValue("socket",
                     "Transport: udp (IPv4/UDP) or packet (raw packet sockets).",
                     socketType,
                     MakeChoiceChecker({"udp", "packet"}));
    options.AddAttribute("numRbs", "ns3::edgedml::OfdmaChannel::NumResourceBlocks");
    options.AddAttribute("rbBandwidthHz", "ns3::edgedml::OfdmaChannel::ResourceBlockBandwidthHz");
    options.AddAttribute("txPowerW", "ns3::edgedml::OfdmaNetDevice::TxPowerW");
    options.AddAttribute("minRadiusM", "ns3::edgedml::AnnulusPositionAllocator::MinRadiusM");
    options.AddAttribute("maxRadiusM", "ns3::edgedml::AnnulusPositionAllocator::MaxRadiusM");
    options.AddValue("rbAllocator",
                     "The uplink RB allocator: a short name or the TypeId name of an "
                     "RbAllocator subclass.",
                     rbAllocator,
                     MakeDerivedTypeNameChecker<RbAllocator>());
    options.AddValue("initialEnergyJ",
                     "Initial battery energy of each edge server, in J.",
                     initialEnergyJ,
                     MakePositiveDoubleChecker(1e12));
    options.AddValue("pcap",
                     "Write edge-dml-uplink-ps.pcap, the parameter server's packets.",
                     pcap);
    options.AddValue("output",
                     "CSV file written in the current directory.",
                     output,
                     MakeFileNameChecker());
    options.AddValue("quiet", "Do not print the per-server table.", quiet);
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }

    // Checks across options.
    const double roundIntervalS = options.GetReal("roundIntervalS");
    if (rounds * roundIntervalS + drainS > 1e9)
    {
        return options.Fail("--rounds=" + std::to_string(rounds) +
                            " with this --roundIntervalS and --drainS runs past 1e9 s of "
                            "simulated time; use fewer rounds or shorter intervals");
    }
    const double minRadiusM = options.GetReal("minRadiusM");
    if (options.GetReal("maxRadiusM") < minRadiusM + 1e-9)
    {
        return options.FailBelow("maxRadiusM",
                                 options.GetReal("maxRadiusM"),
                                 minRadiusM + 1e-9,
                                 "m, above minRadiusM");
    }
    const std::string pcapFile = "edge-dml-uplink-ps.pcap";
    if (pcap && output == pcapFile)
    {
        return options.Fail("--output=" + output + " is invalid: the pcap trace has that name");
    }
    TypeId allocator;
    std::string error;
    LookupDerivedTypeId(rbAllocator, RbAllocator::GetTypeId(), allocator, error);

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
        positions->AssignStreams(0);
        mobility.SetPositionAllocator(positions);
        mobility.Install(edgeNodes);

        EdgeServerHelper edgeServerHelper;
        edgeServerHelper.AssignStreams(1);
        std::vector<Ptr<EdgeServer>> servers = edgeServerHelper.Install(edgeNodes);

        // The cell: the channel, devices and waterfall loss take their
        // attributes' defaults, which the options set.
        OfdmaHelper ofdma;
        ofdma.SetRbAllocator(allocator.GetName());
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
            // A /16 holds 65,533 edge servers besides the PS; a larger cell takes a /8.
            const bool wide = numEdgeServers > 65533;
            Ipv4InterfaceContainer interfaces = InstallStarIpv4(ps,
                                                                edgeNodes,
                                                                devices,
                                                                wide ? "10.0.0.0" : "10.1.0.0",
                                                                wide ? "255.0.0.0" : "255.255.0.0");
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
            // Message size, packet size and interval: the options' defaults.
            MessageSourceHelper sourceHelper(factory, remotes[i]);
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

        UplinkRecorder recorder(options.GetReal("waterfallThreshold"),
                                options.GetText("lossUnit") == "Message");
        recorder.Connect(edgeDevices, senders);
        if (pcap)
        {
            ofdma.EnablePcap(pcapOutput.GetTemporaryPath(), psDevice, false, true);
        }
        Simulator::Stop(Seconds(rounds * roundIntervalS + drainS));
        Simulator::Run();
        recorder.Write(csv.Stream(),
                       table,
                       summary,
                       "n=" + std::to_string(numEdgeServers) + " rounds=" + std::to_string(rounds) +
                           " loss unit=" + options.GetText("lossUnit") + " socket=" + socketType +
                           " RBs=" + std::to_string(channel->GetUplinkRbCount()),
                       ps,
                       edgeNodes,
                       servers,
                       sink,
                       energyModels,
                       uint64_t{numEdgeServers} * rounds,
                       output);
        Simulator::Destroy();
    } // every object of the run is gone: the pcap trace is closed

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
