/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Per-ES energy (the system model, "Energy") against hand sums and closed forms, and
 * depletion taking the edge server offline.
 */

#include "ofdma-test-cell.h"

#include "ns3/basic-energy-source-helper.h"
#include "ns3/basic-energy-source.h"
#include "ns3/edge-server-energy-model-helper.h"
#include "ns3/edge-server-energy-model.h"
#include "ns3/edge-server.h"
#include "ns3/simple-device-energy-model.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;
using edgedmltest::OfdmaTestCell;

namespace
{

class EdgeServerEnergyModelTest : public edgedmltest::SimulationTest
{
  protected:
    /// Build a cell of edge servers with a battery each.
    void Build(const std::vector<double>& distances,
               double initialEnergyJ,
               OfdmaHelper helper = OfdmaHelper())
    {
        m_cell = std::make_unique<OfdmaTestCell>(distances, helper, true);
        BasicEnergySourceHelper battery;
        battery.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(initialEnergyJ));
        // EnergySourceContainer is an Object: copy-construct it, never assign it.
        EnergySourceContainer sources = battery.Install(m_cell->terminalNodes);
        NetDeviceContainer devices;
        for (const auto& terminal : m_cell->terminals)
        {
            devices.Add(terminal);
        }
        EdgeServerEnergyModelHelper energy;
        DeviceEnergyModelContainer models = energy.Install(devices, sources);
        for (uint32_t i = 0; i < sources.GetN(); ++i)
        {
            m_sources.push_back(sources.Get(i));
        }
        for (uint32_t i = 0; i < models.GetN(); ++i)
        {
            m_models.push_back(DynamicCast<EdgeServerEnergyModel>(models.Get(i)));
        }
    }

    Ptr<EdgeServer> Server(uint32_t i) const
    {
        return m_cell->terminalNodes.Get(i)->GetObject<EdgeServer>();
    }

    std::unique_ptr<OfdmaTestCell> m_cell;
    std::vector<Ptr<EnergySource>> m_sources;
    std::vector<Ptr<EdgeServerEnergyModel>> m_models;
};

} // namespace

// E_tx = p * airtime summed over every attempt, retransmissions included;
// the energy source loses exactly that.
TEST_F(EdgeServerEnergyModelTest, TransmitEnergyIsPowerTimesAirtimeOfEveryAttempt)
{
    OfdmaHelper helper;
    helper.SetErrorModel("ns3::edgedml::WaterfallErrorModel", "LossUnit", StringValue("Packet"));
    helper.SetDeviceAttribute("MaxRetransmissions", UintegerValue(2));
    Build({420.0}, 10.0, helper);
    double airtimeS = 0.0;
    uint32_t attempts = 0;
    m_cell->terminals[0]->TraceConnectWithoutContext(
        "PhyTxBegin",
        MakeBoundCallback(
            +[](double* sum, uint32_t* n, Ptr<const Packet>, const OfdmaTransmission& tx) {
                *sum += tx.airtime.GetSeconds();
                ++*n;
            },
            &airtimeS,
            &attempts));
    const uint32_t packets = 40;
    for (uint32_t k = 0; k < packets; ++k)
    {
        ASSERT_TRUE(edgedmltest::SendRaw(m_cell->terminals[0], m_cell->bs, 1000));
    }
    Simulator::Stop(Seconds(10));
    Simulator::Run();
    EXPECT_GT(attempts, packets) << "the test needs some retransmissions";
    const double expected = 0.01 * airtimeS;
    EXPECT_NEAR(m_models[0]->GetEnergyJ(EnergyActivity::TRANSMIT), expected, 1e-12);
    EXPECT_NEAR(m_models[0]->GetTotalEnergyConsumption(), expected, 1e-12);
    // BasicEnergySource computes each update's energy as a Time product,
    // rounded to 1 ns, i.e. up to 1 nJ per update here (two per attempt).
    EXPECT_NEAR(m_sources[0]->GetRemainingEnergy(), 10.0 - expected, 2e-9 * attempts);
    EXPECT_EQ(m_models[0]->GetEnergyJ(EnergyActivity::COMPUTE), 0.0);
}

// E_cmp = gamma_T * cycles * f^2 over cycles / f seconds.
TEST_F(EdgeServerEnergyModelTest, ComputeEnergyAndTimeMatchClosedForm)
{
    Build({100.0}, 100.0);
    Ptr<EdgeServer> server = Server(0);
    server->SetAttribute("CpuFrequencyHz", DoubleValue(2e9));
    const double cycles = 40.0 * 6272.0 * 500; // 500 Fashion-MNIST samples at 40 cycles/bit
    Time finished;
    ASSERT_TRUE(server->Compute(cycles,
                                MakeBoundCallback(
                                    +[](Time* t) { *t = Simulator::Now(); },
                                    &finished)));
    EXPECT_FALSE(server->Compute(1.0, MakeNullCallback<void>())) << "one computation at a time";
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    EXPECT_EQ(finished, Seconds(cycles / 2e9));
    const double expected = 1e-27 * cycles * 2e9 * 2e9;
    EXPECT_NEAR(m_models[0]->GetEnergyJ(EnergyActivity::COMPUTE), expected, 1e-12);
    EXPECT_NEAR(m_models[0]->GetComputeEnergyJ(cycles, 2e9), expected, 1e-15);
    EXPECT_NEAR(m_sources[0]->GetRemainingEnergy(), 100.0 - expected, 1e-9);
}

// Overlapping activities draw the sum of their powers; per-kind totals are
// the hand sums of power x duration.
TEST_F(EdgeServerEnergyModelTest, OverlappingActivitiesAddUp)
{
    Build({100.0}, 100.0);
    Ptr<EdgeServerEnergyModel> model = m_models[0];
    // Task 2 W over [0, 1] s; compute 3 W over [0.25, 0.75] s; an open-ended
    // 0.5 W transmit load over [0.5, 1.5] s.
    model->StartActivity(EnergyActivity::TASK, 2.0, Seconds(1.0));
    EdgeServerEnergyModel::ActivityId open = 0;
    Simulator::Schedule(Seconds(0.25), [&]() {
        model->StartActivity(EnergyActivity::COMPUTE, 3.0, Seconds(0.5));
    });
    Simulator::Schedule(Seconds(0.5),
                        [&]() { open = model->StartActivity(EnergyActivity::TRANSMIT, 0.5); });
    double powerAt06 = 0.0;
    double energyAt06 = 0.0;
    Simulator::Schedule(Seconds(0.6), [&]() {
        powerAt06 = model->GetPowerW();
        energyAt06 = model->GetTotalEnergyConsumption();
    });
    Simulator::Schedule(Seconds(1.5), [&]() { model->StopActivity(open); });
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    EXPECT_DOUBLE_EQ(powerAt06, 5.5);
    EXPECT_NEAR(energyAt06, 2.0 * 0.6 + 3.0 * 0.35 + 0.5 * 0.1, 1e-12);
    EXPECT_NEAR(model->GetEnergyJ(EnergyActivity::TASK), 2.0, 1e-12);
    EXPECT_NEAR(model->GetEnergyJ(EnergyActivity::COMPUTE), 1.5, 1e-12);
    EXPECT_NEAR(model->GetEnergyJ(EnergyActivity::TRANSMIT), 0.5, 1e-12);
    EXPECT_NEAR(model->GetTotalEnergyConsumption(), 4.0, 1e-12);
    EXPECT_NEAR(m_sources[0]->GetRemainingEnergy(), 96.0, 1e-9);
    EXPECT_EQ(model->GetPowerW(), 0.0);
}

// Depletion: 1 J with BasicEnergySource's 10 % threshold and an 8 W
// computation (f = 2 GHz: gamma_T f^3 = 8 W) runs out at 0.9 / 8 s. The server
// goes offline then (not at the source's next periodic update), the
// computation is aborted and the radio goes down.
TEST_F(EdgeServerEnergyModelTest, DepletionTakesTheServerOffline)
{
    Build({100.0}, 1.0);
    Ptr<EdgeServer> server = Server(0);
    server->SetAttribute("CpuFrequencyHz", DoubleValue(2e9));
    std::vector<Time> depleted;
    m_models[0]->TraceConnectWithoutContext(
        "Depleted",
        MakeBoundCallback(
            +[](std::vector<Time>* out) { out->push_back(Simulator::Now()); },
            &depleted));
    Time offlineAt;
    server->TraceConnectWithoutContext("Online",
                                       MakeBoundCallback(
                                           +[](Time* when, bool, bool online) {
                                               if (!online)
                                               {
                                                   *when = Simulator::Now();
                                               }
                                           },
                                           &offlineAt));
    bool finished = false;
    uint32_t aborted = 0;
    Time ran;
    server->TraceConnectWithoutContext("ComputeAbort",
                                       MakeBoundCallback(
                                           +[](uint32_t* n, Time* r, double, Time t) {
                                               ++*n;
                                               *r = t;
                                           },
                                           &aborted,
                                           &ran));
    ASSERT_TRUE(server->Compute(1e10,
                                MakeBoundCallback(
                                    +[](bool* f) { *f = true; },
                                    &finished)));
    Simulator::Stop(Seconds(10));
    Simulator::Run();

    const double expectedS = 0.9 / 8.0;
    ASSERT_EQ(depleted.size(), 1u);
    EXPECT_NEAR(depleted[0].GetSeconds(), expectedS, 1e-9);
    EXPECT_EQ(offlineAt, depleted[0]);
    EXPECT_FALSE(server->IsOnline());
    EXPECT_FALSE(finished);
    EXPECT_EQ(aborted, 1u);
    EXPECT_EQ(ran, depleted[0]) << "the abort reports how long the computation ran";
    EXPECT_FALSE(m_cell->terminals[0]->IsLinkUp());
    EXPECT_TRUE(m_models[0]->IsDepleted());
    EXPECT_NEAR(m_models[0]->GetTotalEnergyConsumption(), 0.9, 1e-8);
    EXPECT_NEAR(m_sources[0]->GetRemainingEnergy(), 0.1, 1e-8);
    EXPECT_FALSE(edgedmltest::SendRaw(m_cell->terminals[0], m_cell->bs, 100));
    EXPECT_EQ(m_models[0]->StartActivity(EnergyActivity::TASK, 1.0, Seconds(1)), 0u);
}

// Another load on the same source drains it unnoticed (no update since); the
// next computation or transmission finds it depleted when it starts: nothing
// starts, the server is offline, the device is left clean.
TEST_F(EdgeServerEnergyModelTest, DepletionFoundWhenAnActivityStarts)
{
    for (const bool transmit : {false, true})
    {
        Build({100.0}, 1.0);
        auto other = CreateObject<SimpleDeviceEnergyModel>();
        other->SetEnergySource(m_sources[0]);
        m_sources[0]->AppendDeviceEnergyModel(other);
        other->SetCurrentA(1.0 / 3.0); // 1 W at the default 3 V: depleted at 0.9 s
        // SimpleDeviceEnergyModel ignores depletion: switch its load off then,
        // or it would drain the source below zero (an assertion in ns-3's
        // debug builds).
        m_models[0]->TraceConnectWithoutContext(
            "Depleted",
            MakeBoundCallback(
                +[](Ptr<SimpleDeviceEnergyModel> load) {
                    Simulator::ScheduleNow(&SimpleDeviceEnergyModel::SetCurrentA, load, 0.0);
                },
                other));
        bool started = true;
        bool finished = false;
        uint32_t received = 0;
        m_cell->bs->TraceConnectWithoutContext(
            "PhyRxEnd",
            MakeBoundCallback(
                +[](uint32_t* n, Ptr<const Packet>, double) { ++*n; },
                &received));
        Simulator::Schedule(Seconds(0.95), [&]() {
            started = transmit ? edgedmltest::SendRaw(m_cell->terminals[0], m_cell->bs, 500)
                               : Server(0)->Compute(1e9,
                                                    MakeBoundCallback(
                                                        +[](bool* f) { *f = true; },
                                                        &finished));
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        EXPECT_TRUE(m_models[0]->IsDepleted());
        EXPECT_FALSE(Server(0)->IsOnline());
        EXPECT_FALSE(finished);
        EXPECT_EQ(received, 0u);
        EXPECT_EQ(m_cell->channel->GetHeldUplinkRbs(), 0u);
        EXPECT_EQ(m_models[0]->GetTotalEnergyConsumption(), 0.0);
        if (!transmit)
        {
            EXPECT_FALSE(started);
        }
        Simulator::Destroy();
        m_models.clear();
        m_sources.clear();
    }
}

// A small draw close to the threshold: the predicted update finds the source
// depleted although BasicEnergySource rounds each update to whole nJ, with no
// storm of re-checks.
TEST_F(EdgeServerEnergyModelTest, SmallDrawDepletesOnTime)
{
    Build({100.0}, 1.0000000003);
    m_models[0]->StartActivity(EnergyActivity::TRANSMIT, 0.01);
    std::vector<Time> depleted;
    m_models[0]->TraceConnectWithoutContext(
        "Depleted",
        MakeBoundCallback(
            +[](std::vector<Time>* out) { out->push_back(Simulator::Now()); },
            &depleted));
    Simulator::Stop(Seconds(100));
    Simulator::Run();
    ASSERT_EQ(depleted.size(), 1u);
    // 0.9000000003 J above the 10 % threshold at 0.01 W.
    EXPECT_NEAR(depleted[0].GetSeconds(), 90.00000003, 1e-6);
    EXPECT_LT(Simulator::GetEventCount(), 1000u);
}
