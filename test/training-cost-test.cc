/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Cost accounting: the prices on their own, and in a whole training
 * scenario the per-round and total costs of rounds.csv and workers.csv
 * against hand sums of the rented worker-seconds, the bytes on the air and
 * the energy, counted here from the traces; and every worker selector
 * running in the scenario at a realistic scale.
 */

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/edge-dml-module.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Sets an attribute default for the life of the guard, then restores it.
class DefaultGuard
{
  public:
    /// \param name the attribute's full name \param value its default meanwhile
    DefaultGuard(const std::string& name, const AttributeValue& value)
        : m_name(name)
    {
        TypeId::AttributeInformation info;
        const std::string::size_type sep = name.rfind("::");
        EXPECT_TRUE(TypeId::LookupByName(name.substr(0, sep))
                        .LookupAttributeByName(name.substr(sep + 2), &info));
        m_old = info.initialValue->Copy();
        Config::SetDefault(name, value);
    }

    ~DefaultGuard()
    {
        Config::SetDefault(m_name, *m_old);
    }

  private:
    std::string m_name;        //!< the attribute
    Ptr<AttributeValue> m_old; //!< its previous default
};

/// What the test counts from the traces by itself.
struct HandCount
{
    std::map<uint32_t, uint32_t> selected;            //!< per round, workers selected
    std::map<uint32_t, double> startS;                //!< per round, start
    std::map<uint32_t, double> durationS;             //!< per round, length
    std::map<uint32_t, double> rentedS;               //!< per worker node id, rented seconds
    std::map<uint32_t, std::vector<uint32_t>> roster; //!< per round, the selected node ids
    uint64_t bytes{0};                                //!< bytes on the air so far
    uint64_t bytesAtLastEnd{0};                       //!< of them, until the last round end
};

/// A small training scenario on synthetic data.
struct CostRun
{
    TrainingScenario scenario;                  //!< the scenario
    std::unique_ptr<TrainingRecorder> recorder; //!< its recorder
    HandCount hand;                             //!< the test's own counts
    double lastEndEnergyJ{0.0};                 //!< ES energy at the last round end, in J

    /// \param helper the scenario's helper \param features features (784: the real update size)
    CostRun(Ptr<TrainingScenarioHelper> helper, uint32_t features)
    {
        UintegerValue n;
        UintegerValue samples;
        helper->GetAttribute("NumEdgeServers", n);
        helper->GetAttribute("SamplesPerServer", samples);
        auto generator = CreateObject<SyntheticDatasetGenerator>();
        generator->SetAttribute("NumClasses", UintegerValue(10));
        generator->SetAttribute("NumFeatures", UintegerValue(features));
        generator->SetAttribute("NumSamples", UintegerValue(n.Get() * samples.Get()));
        generator->AssignStreams(90);
        auto train = std::make_shared<const Dataset>(generator->Generate());
        auto test = std::make_shared<const Dataset>(generator->Generate(200));
        scenario = helper->Install(train, 0);
        recorder = std::make_unique<TrainingRecorder>(scenario, test);
        HandCount* h = &hand;
        TrainingScenario* s = &scenario;
        double* energy = &lastEndEnergyJ;
        scenario.server->TraceConnectWithoutContext(
            "WorkerSelected",
            Callback<void, uint32_t, uint32_t>([h](uint32_t worker, uint32_t round) {
                ++h->selected[round];
                h->roster[round].push_back(worker);
            }));
        scenario.server->TraceConnectWithoutContext(
            "RoundStart",
            Callback<void, uint32_t, uint32_t>([h](uint32_t round, uint32_t) {
                h->startS[round] = Simulator::Now().GetSeconds();
            }));
        scenario.server->TraceConnectWithoutContext(
            "RoundEnd",
            Callback<void, uint32_t, uint32_t, Time>(
                [h, s, energy](uint32_t round, uint32_t, Time) {
                    const double d = Simulator::Now().GetSeconds() - h->startS[round];
                    h->durationS[round] = d;
                    for (uint32_t id : h->roster[round])
                    {
                        h->rentedS[id] += d;
                    }
                    h->bytesAtLastEnd = h->bytes;
                    *energy = 0.0;
                    for (uint32_t i = 0; i < s->energyModels.GetN(); ++i)
                    {
                        *energy += s->energyModels.Get(i)->GetTotalEnergyConsumption();
                    }
                }));
        NetDeviceContainer devices(scenario.psDevice);
        devices.Add(scenario.edgeDevices);
        for (uint32_t d = 0; d < devices.GetN(); ++d)
        {
            devices.Get(d)->TraceConnectWithoutContext(
                "PhyTxBegin",
                Callback<void, Ptr<const Packet>, const OfdmaTransmission&>(
                    [h](Ptr<const Packet> packet, const OfdmaTransmission&) {
                        h->bytes += packet->GetSize();
                    }));
        }
        scenario.server->TraceConnectWithoutContext("TrainingFinished", MakeCallback(+[](uint32_t) {
                                                        Simulator::Stop();
                                                    }));
        Simulator::Run();
    }

    ~CostRun()
    {
        recorder.reset();
        Simulator::Destroy();
    }
};

/// Prices that make every part count.
constexpr double ON_DEMAND = 0.01; //!< per worker-second
constexpr double SPOT = 0.003;     //!< per worker-second
constexpr double CELL = 2.0;       //!< per GB
constexpr double ENERGY = 0.001;   //!< per J

/// Set the prices above as defaults for the life of the object.
struct Prices
{
    DefaultGuard onDemand{"ns3::edgedml::TrainingCostModel::OnDemandPricePerWorkerS",
                          DoubleValue(ON_DEMAND)};
    DefaultGuard spot{"ns3::edgedml::TrainingCostModel::SpotPricePerWorkerS", DoubleValue(SPOT)};
    DefaultGuard cell{"ns3::edgedml::TrainingCostModel::CellPricePerGb", DoubleValue(CELL)};
    DefaultGuard energy{"ns3::edgedml::TrainingCostModel::EnergyPricePerJ", DoubleValue(ENERGY)};
};

/// Check the recorder's costs against the hand counts.
void
ExpectCostsEqualHandSums(const CostRun& run, bool spot)
{
    const auto& rounds = run.recorder->GetRounds();
    ASSERT_FALSE(rounds.empty());
    const double price = spot ? SPOT : ON_DEMAND;
    double workerSeconds = 0.0;
    double sumOfRounds = 0.0;
    for (uint32_t t = 0; t < rounds.size(); ++t)
    {
        const RoundRecord& r = rounds[t];
        ASSERT_TRUE(r.ended);
        const double expected = price * run.hand.selected.at(t) * run.hand.durationS.at(t);
        EXPECT_NEAR(r.cost.instance, expected, 1e-12 + 1e-9 * expected) << "round " << t;
        workerSeconds += run.hand.selected.at(t) * run.hand.durationS.at(t);
        sumOfRounds += r.cost.Total();
        EXPECT_NEAR(r.totalCost, sumOfRounds, 1e-9 * sumOfRounds) << "round " << t;
        EXPECT_EQ(r.cost.backhaul, 0.0);
    }
    const RoundRecord& last = rounds.back();
    const double handTotal =
        price * workerSeconds + CELL * run.hand.bytesAtLastEnd / 1e9 + ENERGY * run.lastEndEnergyJ;
    EXPECT_GT(run.hand.bytesAtLastEnd, 0u);
    EXPECT_GT(run.lastEndEnergyJ, 0.0);
    EXPECT_GT(workerSeconds, 0.0);
    EXPECT_NEAR(last.totalCost, handTotal, 1e-9 * handTotal);
    // Per worker: its rented seconds, its device's bytes, its energy.
    TrainingCostAccountant& accountant = run.recorder->GetCostAccountant();
    double rented = 0.0;
    uint64_t workerBytes = 0;
    for (uint32_t i = 0; i < run.scenario.edgeNodes.GetN(); ++i)
    {
        const uint32_t id = run.scenario.edgeNodes.Get(i)->GetId();
        const double handRented = run.hand.rentedS.count(id) ? run.hand.rentedS.at(id) : 0.0;
        EXPECT_EQ(accountant.IsSpot(i), spot);
        EXPECT_NEAR(accountant.GetRentedS(i), handRented, 1e-9 * (1 + handRented));
        const TrainingCost c = accountant.GetWorkerCost(i);
        const double energyJ = run.scenario.energyModels.Get(i)->GetTotalEnergyConsumption();
        const double expected =
            price * handRented + CELL * accountant.GetCellBytes(i) / 1e9 + ENERGY * energyJ;
        EXPECT_NEAR(c.Total(), expected, 1e-12 + 1e-9 * expected) << "worker " << i;
        rented += handRented;
        workerBytes += accountant.GetCellBytes(i);
    }
    EXPECT_NEAR(rented, workerSeconds, 1e-9 * workerSeconds);
    // The PS device's broadcasts are the rest of the bytes.
    EXPECT_LT(workerBytes, run.hand.bytes);
    // The tables carry the same figures: total_cost is the last column of rounds.csv.
    std::ostringstream roundsCsv;
    run.recorder->WriteRounds(roundsCsv);
    const std::string table = roundsCsv.str();
    EXPECT_NE(table.find(",unselected_dropped,cost_instance,cost_cell,cost_backhaul,cost_energy,"
                         "cost,total_cost\n"),
              std::string::npos);
    const std::string lastLine = table.substr(table.rfind('\n', table.size() - 2) + 1);
    EXPECT_NEAR(std::stod(lastLine.substr(lastLine.rfind(',') + 1)),
                last.totalCost,
                1e-8 * last.totalCost);
    std::ostringstream workersCsv;
    run.recorder->WriteWorkers(workersCsv);
    EXPECT_NE(workersCsv.str().find(",unselected_dropped,spot,rented_s,cell_bytes,cost_instance,"
                                    "cost_cell,cost_energy,cost\n"),
              std::string::npos);
}

/// The small scenario's defaults.
struct SmallDefaults
{
    DefaultGuard batch{"ns3::edgedml::LocalTrainer::BatchSize", UintegerValue(10)};
    DefaultGuard tasks{"ns3::edgedml::TaskCoordinator::TasksPerEpoch", UintegerValue(3)};
};

/// \return a small scenario's helper
Ptr<TrainingScenarioHelper>
Small()
{
    return CreateObjectWithAttributes<TrainingScenarioHelper>("NumEdgeServers",
                                                              UintegerValue(8),
                                                              "SamplesPerServer",
                                                              UintegerValue(30),
                                                              "Rounds",
                                                              UintegerValue(5),
                                                              "LocalSteps",
                                                              UintegerValue(2));
}

} // namespace

// The prices on their own.
TEST(TrainingCost, PricesAreLinear)
{
    auto prices = CreateObject<TrainingCostModel>();
    prices->SetAttribute("OnDemandPricePerWorkerS", DoubleValue(2.0));
    prices->SetAttribute("SpotPricePerWorkerS", DoubleValue(0.5));
    prices->SetAttribute("CellPricePerGb", DoubleValue(3.0));
    prices->SetAttribute("BackhaulPricePerGb", DoubleValue(7.0));
    prices->SetAttribute("EnergyPricePerJ", DoubleValue(0.25));
    const TrainingCost c = prices->Price(10.0, 4.0, 2000000000, 500000000, 8.0);
    EXPECT_DOUBLE_EQ(c.instance, 20.0 + 2.0);
    EXPECT_DOUBLE_EQ(c.cell, 6.0);
    EXPECT_DOUBLE_EQ(c.backhaul, 3.5);
    EXPECT_DOUBLE_EQ(c.energy, 2.0);
    EXPECT_DOUBLE_EQ(c.Total(), 33.5);
}

// On-demand workers (always available), every eligible worker selected:
// rounds' costs and totals equal the hand sums.
TEST(TrainingCost, RoundAndWorkerCostsEqualHandSums)
{
    RngSeedManager::SetSeed(5);
    RngSeedManager::SetRun(1);
    Prices prices;
    SmallDefaults defaults;
    CostRun run(Small(), 20);
    ExpectCostsEqualHandSums(run, false);
}

// Volatile (Bernoulli) workers are spot instances; Random-k rents only k.
TEST(TrainingCost, SpotWorkersAndRandomKEqualHandSums)
{
    RngSeedManager::SetSeed(5);
    RngSeedManager::SetRun(2);
    Prices prices;
    SmallDefaults defaults;
    DefaultGuard k("ns3::edgedml::WorkerSelector::K", UintegerValue(3));
    DefaultGuard pa("ns3::edgedml::BernoulliAvailability::ProbabilityAvailable", DoubleValue(0.8));
    Ptr<TrainingScenarioHelper> helper = Small();
    helper->SetAttribute("WorkerSelector", StringValue("RandomK"));
    helper->SetAttribute("WorkerAvailability", StringValue("Bernoulli"));
    CostRun run(helper, 20);
    for (const auto& [round, count] : run.hand.selected)
    {
        EXPECT_LE(count, 3u);
    }
    ExpectCostsEqualHandSums(run, true);
}

// Every selector in the flagship's scenario at a realistic scale: 40 ES,
// the real update size (784 features, 10 classes: 7850 parameters), losses
// on, tasks on. Each round trains at most k workers, the others eligible
// are reported Unselected, and the costs equal the hand sums.
TEST(TrainingCostAtScale, EverySelectorRunsInTheScenario)
{
    for (const std::string name :
         {"AllAvailable", "RandomK", "BestChannel", "LargestData", "PowerOfChoice", "DataValue"})
    {
        RngSeedManager::SetSeed(7);
        RngSeedManager::SetRun(1);
        Prices prices;
        DefaultGuard k("ns3::edgedml::WorkerSelector::K", UintegerValue(10));
        DefaultGuard batch("ns3::edgedml::LocalTrainer::BatchSize", UintegerValue(25));
        DefaultGuard loss("ns3::edgedml::WaterfallErrorModel::LossUnit", StringValue("Packet"));
        auto helper = CreateObjectWithAttributes<TrainingScenarioHelper>("NumEdgeServers",
                                                                         UintegerValue(40),
                                                                         "SamplesPerServer",
                                                                         UintegerValue(50),
                                                                         "Rounds",
                                                                         UintegerValue(3),
                                                                         "LocalSteps",
                                                                         UintegerValue(2),
                                                                         "WorkerSelector",
                                                                         StringValue(name));
        CostRun run(helper, 784);
        const auto& rounds = run.recorder->GetRounds();
        ASSERT_EQ(rounds.size(), 3u) << name;
        for (uint32_t t = 0; t < rounds.size(); ++t)
        {
            const RoundRecord& r = rounds[t];
            const uint32_t selected = run.hand.selected[t];
            const bool all = name == "AllAvailable";
            EXPECT_EQ(r.eligible, selected) << name;
            EXPECT_LE(r.participants, selected) << name;
            if (!all)
            {
                EXPECT_LE(selected, 10u) << name;
            }
            const uint32_t eligibleBefore =
                selected + r.dropped[ParameterServerApplication::UNSELECTED];
            EXPECT_EQ(selected, all ? eligibleBefore : std::min(10u, eligibleBefore)) << name;
            EXPECT_EQ(r.dropped[ParameterServerApplication::BUSY] +
                          r.dropped[ParameterServerApplication::OFFLINE] + eligibleBefore,
                      40u)
                << name << " round " << t;
        }
        EXPECT_GT(rounds.back().testAccuracy, 0.0) << name;
        ExpectCostsEqualHandSums(run, false);
    }
}
