/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A small OFDMA cell for the radio and energy tests: a base station at the
 * origin and terminals on the x axis at given distances, with a constant
 * per-RB interference so that every SNR has a closed form.
 */

#ifndef EDGE_DML_TEST_OFDMA_TEST_CELL_H
#define EDGE_DML_TEST_OFDMA_TEST_CELL_H

#include "ns3/edge-dml-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

namespace edgedmltest
{

/// Interference per RB used by every test cell, in W.
constexpr double CELL_INTERFERENCE_W = 5e-8;
/// Noise density of the cell, in dBm/Hz.
constexpr double CELL_NOISE_DBM_PER_HZ = -174.0;
/// Speed of light used by ConstantSpeedPropagationDelayModel, in m/s.
constexpr double SPEED_OF_LIGHT = 299792458.0;
/// An EtherType for raw test packets.
constexpr uint16_t TEST_PROTOCOL = 0x88B5;

/// Every simulation test: pinned seed and run, and a clean simulator after.
class SimulationTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        ns3::RngSeedManager::SetSeed(1);
        ns3::RngSeedManager::SetRun(1);
    }

    void TearDown() override
    {
        ns3::Simulator::Destroy();
    }
};

/**
 * \brief Binomial bound: the deviation of an observed fraction from p that
 * z standard deviations allow over n trials.
 * \param p the expected probability
 * \param n the trials
 * \param z the number of standard deviations
 * \return the allowed deviation
 */
inline double
BinomialTolerance(double p, double n, double z = 4.5)
{
    return z * std::sqrt(p * (1.0 - p) / n);
}

/// A base station and terminals built by OfdmaHelper.
struct OfdmaTestCell
{
    ns3::Ptr<ns3::Node> bsNode;                                    //!< base station node
    ns3::NodeContainer terminalNodes;                              //!< terminal nodes
    ns3::Ptr<ns3::edgedml::OfdmaNetDevice> bs;                     //!< base station device
    std::vector<ns3::Ptr<ns3::edgedml::OfdmaNetDevice>> terminals; //!< terminal devices
    ns3::Ptr<ns3::edgedml::OfdmaChannel> channel;                  //!< the channel

    /**
     * \brief Build the cell; the helper may be configured beforehand.
     * \param distancesM one terminal per distance, on the x axis, in m
     * \param helper the helper to build with
     * \param withEdgeServers whether to aggregate EdgeServer objects too
     */
    OfdmaTestCell(const std::vector<double>& distancesM,
                  ns3::edgedml::OfdmaHelper helper = ns3::edgedml::OfdmaHelper(),
                  bool withEdgeServers = false)
    {
        using namespace ns3;
        bsNode = CreateObject<Node>();
        terminalNodes.Create(distancesM.size());
        auto positions = CreateObject<ListPositionAllocator>();
        positions->Add(Vector(0, 0, 0));
        for (double d : distancesM)
        {
            positions->Add(Vector(d, 0, 0));
        }
        MobilityHelper mobility;
        mobility.SetPositionAllocator(positions);
        mobility.Install(bsNode);
        mobility.Install(terminalNodes);
        if (withEdgeServers)
        {
            edgedml::EdgeServerHelper servers;
            servers.SetSamplesVariable(nullptr);
            servers.SetCpuFrequencyVariable(nullptr);
            servers.Install(terminalNodes);
        }
        helper.SetChannelAttribute("NoiseDensityDbmPerHz", DoubleValue(CELL_NOISE_DBM_PER_HZ));
        auto interference = CreateObject<ConstantRandomVariable>();
        interference->SetAttribute("Constant", DoubleValue(CELL_INTERFERENCE_W));
        helper.SetChannelAttribute("UplinkInterferencePerRb", PointerValue(interference));
        NetDeviceContainer devices = helper.Install(bsNode, terminalNodes);
        helper.AssignStreams(devices, 100);
        bs = DynamicCast<edgedml::OfdmaNetDevice>(devices.Get(0));
        for (uint32_t i = 1; i < devices.GetN(); ++i)
        {
            terminals.push_back(DynamicCast<edgedml::OfdmaNetDevice>(devices.Get(i)));
        }
        channel = DynamicCast<edgedml::OfdmaChannel>(bs->GetChannel());
    }

    /**
     * \brief Closed-form uplink SNR of the system model for a terminal at distance d
     * on k RBs of bandwidth b: (p/k) d^-2 / (I + b N0).
     * \param distanceM distance, in m
     * \param txPowerW transmit power, in W
     * \param numRbs RBs
     * \param rbHz RB bandwidth, in Hz
     * \return linear SNR
     */
    static double UplinkSnr(double distanceM, double txPowerW, uint32_t numRbs, double rbHz)
    {
        const double noise = std::pow(10.0, (CELL_NOISE_DBM_PER_HZ - 30.0) / 10.0) * rbHz;
        return txPowerW / numRbs / (distanceM * distanceM) / (CELL_INTERFERENCE_W + noise);
    }
};

/**
 * \brief Send a raw packet of a given payload from a device.
 * \param from the sender
 * \param to the destination device
 * \param payloadBytes payload size, in bytes
 * \return whether the device accepted it
 */
inline bool
SendRaw(ns3::Ptr<ns3::NetDevice> from, ns3::Ptr<ns3::NetDevice> to, uint32_t payloadBytes)
{
    return from->Send(ns3::Create<ns3::Packet>(payloadBytes), to->GetAddress(), TEST_PROTOCOL);
}

} // namespace edgedmltest

#endif /* EDGE_DML_TEST_OFDMA_TEST_CELL_H */
