/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Edge-server state and its helper (the system model, "Actors").
 */

#include "ofdma-test-cell.h"

#include "ns3/edge-server-helper.h"
#include "ns3/edge-server.h"

#include <gtest/gtest.h>
#include <map>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::BinomialTolerance;

namespace
{

class EdgeServerTest : public edgedmltest::SimulationTest
{
};

} // namespace

// Defaults: s_i ~ U{100, ..., 600} (each value with probability 1/6) and
// f_i ~ U[1, 3] GHz (mean 2 GHz, standard deviation 2/sqrt(12) GHz).
TEST_F(EdgeServerTest, HelperDrawsTheModelDistributions)
{
    NodeContainer nodes;
    const uint32_t n = 6000;
    nodes.Create(n);
    EdgeServerHelper helper;
    helper.AssignStreams(3);
    std::vector<Ptr<EdgeServer>> servers = helper.Install(nodes);
    ASSERT_EQ(servers.size(), n);
    std::map<uint32_t, uint32_t> counts;
    double sumHz = 0.0;
    for (const auto& server : servers)
    {
        ++counts[server->GetSamples()];
        const double f = server->GetCpuFrequencyHz();
        ASSERT_GE(f, 1e9);
        ASSERT_LE(f, 3e9);
        sumHz += f;
    }
    ASSERT_EQ(counts.size(), 6u);
    for (uint32_t k = 1; k <= 6; ++k)
    {
        EXPECT_NEAR(counts[100 * k] / double(n), 1.0 / 6, BinomialTolerance(1.0 / 6, n))
            << 100 * k << " samples";
    }
    EXPECT_NEAR(sumHz / n, 2e9, 4.5 * (2e9 / std::sqrt(12.0)) / std::sqrt(double(n)));
    EXPECT_EQ(nodes.Get(7)->GetObject<EdgeServer>(), servers[7]);
}

TEST_F(EdgeServerTest, SameStreamsGiveSameServers)
{
    NodeContainer a;
    NodeContainer b;
    a.Create(50);
    b.Create(50);
    EdgeServerHelper first;
    EdgeServerHelper second;
    first.AssignStreams(11);
    second.AssignStreams(11);
    auto x = first.Install(a);
    auto y = second.Install(b);
    for (uint32_t i = 0; i < 50; ++i)
    {
        ASSERT_EQ(x[i]->GetSamples(), y[i]->GetSamples());
        ASSERT_EQ(x[i]->GetCpuFrequencyHz(), y[i]->GetCpuFrequencyHz());
    }
}

// Attributes apply when the draws are switched off; the transmit power is the
// radio's; going offline takes the radio down and back up.
TEST_F(EdgeServerTest, StateAttributesAndOnlineSwitch)
{
    edgedmltest::OfdmaTestCell cell({100.0, 200.0}, OfdmaHelper(), true);
    Ptr<EdgeServer> server = cell.terminalNodes.Get(1)->GetObject<EdgeServer>();
    ASSERT_TRUE(server);
    EXPECT_EQ(server->GetSamples(), 100u);
    EXPECT_DOUBLE_EQ(server->GetCpuFrequencyHz(), 2e9);
    EXPECT_DOUBLE_EQ(server->GetTxPowerW(), 0.01);
    EXPECT_TRUE(server->IsOnline());
    EXPECT_FALSE(server->IsBusy());

    std::vector<bool> busyChanges;
    server->TraceConnectWithoutContext(
        "Busy",
        MakeBoundCallback(
            +[](std::vector<bool>* out, bool, bool now) { out->push_back(now); },
            &busyChanges));
    server->SetBusy(true);
    server->SetBusy(false);
    EXPECT_EQ(busyChanges, (std::vector<bool>{true, false}));

    server->SetOnline(false);
    EXPECT_FALSE(cell.terminals[1]->IsLinkUp());
    EXPECT_TRUE(cell.terminals[0]->IsLinkUp());
    EXPECT_FALSE(server->Compute(10.0, MakeNullCallback<void>()));
    server->SetOnline(true);
    EXPECT_TRUE(cell.terminals[1]->IsLinkUp());
    EXPECT_TRUE(server->Compute(10.0, MakeNullCallback<void>()));
    EXPECT_EQ(server->GetComputeTime(4e9), Seconds(2.0));
}
