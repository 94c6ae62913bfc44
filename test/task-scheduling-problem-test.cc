/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * TaskSchedulingProblem against the closed forms of the system model, "Task scheduling", and
 * the CrowdsourcingTaskGenerator.
 */

#include "ns3/boolean.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/crowdsourcing-task-generator.h"
#include "ns3/double.h"
#include "ns3/edge-server.h"
#include "ns3/enum.h"
#include "ns3/mmkp-instance.h"
#include "ns3/node-container.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/task-scheduling-problem.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// \param x x \param y y \return a fixed position
Ptr<MobilityModel>
At(double x, double y)
{
    auto m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(Vector(x, y, 0.0));
    return m;
}

/// A problem with the default loss chain but no shadowing.
Ptr<TaskSchedulingProblem>
UnshadowedProblem()
{
    auto problem = CreateObject<TaskSchedulingProblem>();
    PointerValue loss;
    problem->GetAttribute("PublisherLossModel", loss);
    Ptr<PropagationLossModel> pathLoss = loss.Get<PropagationLossModel>();
    EXPECT_TRUE(pathLoss);
    EXPECT_TRUE(pathLoss->GetNext());
    pathLoss->GetNext()->SetAttribute("StandardDeviationDb", DoubleValue(0.0));
    return problem;
}

/// Closed forms of the system model, "Task scheduling" for one pair.
struct PairReference
{
    double rho;         //!< delivery probability
    double bandwidthHz; //!< b
    double energyJ;     //!< e
    double utility;     //!< u
    double transmitS;   //!< t^x
};

/// \return the reference values \param t the task \param s the server \param totalSamples S
PairReference
Reference(const CrowdsourcingTask& t, const EdgeServerState& s, double totalSamples)
{
    const double d = t.publisherMobility->GetDistanceFrom(s.mobility);
    const double lossDb = 128.1 + 37.6 * std::log10(d / 1000.0);
    const double noiseW = std::pow(10.0, -174.0 / 10.0) * 1e-3 * 1e6;
    const double snr = t.publisherTxPowerW * std::pow(10.0, -lossDb / 10.0) / noiseW;
    PairReference r;
    r.rho = std::exp(-1.08 / snr);
    r.transmitS = t.deadlineS - t.computeCycles / s.cpuFrequencyHz;
    r.bandwidthHz = t.dataBits / (r.transmitS * std::log2(1.0 + snr));
    r.energyJ = 1e-28 * s.cpuFrequencyHz * s.cpuFrequencyHz * t.computeCycles +
                t.publisherTxPowerW * r.transmitS;
    r.utility = t.value * r.rho - s.samples * s.trainingSuccessProbability / totalSamples;
    return r;
}

/// Two tasks and four servers; see the comments in the test.
struct SmallScene
{
    std::vector<CrowdsourcingTask> tasks;
    std::vector<EdgeServerState> servers;

    SmallScene()
    {
        CrowdsourcingTask t0;
        t0.dataBits = 1e7;
        t0.computeCycles = 4e8;
        t0.deadlineS = 1.5;
        t0.value = 0.02;
        t0.publisherTxPowerW = 0.1;
        t0.publisherMobility = At(0.0, 0.0);
        CrowdsourcingTask t1 = t0;
        t1.dataBits = 5e6;
        t1.computeCycles = 2e8;
        t1.deadlineS = 0.15; // only server 0 (f = 2 GHz, t^c = 0.1 s) is fast enough
        t1.value = 0.03;
        t1.publisherMobility = At(120.0, -50.0);
        tasks = {t0, t1};
        //                 s      f       o    position         available
        servers.push_back({300.0, 2e9, 0.9, At(300.0, 400.0), true}); // 500 m from t0
        servers.push_back({500.0, 1e9, 0.8, At(-100.0, 0.0), true});  // t^c(t0) = 0.4 s
        servers.push_back({100.0, 2e8, 0.7, At(200.0, 0.0), true});   // t^c(t0) = 2 s > T
        servers.push_back({100.0, 3e9, 0.5, At(0.0, 250.0), false});  // busy
    }
};

} // namespace

TEST(TaskSchedulingProblem, HandComputedPairsMatchTheClosedForms)
{
    SmallScene scene;
    auto problem = UnshadowedProblem();
    problem->Build(scene.tasks, scene.servers);
    const MmkpInstance& instance = problem->GetInstance();
    const double totalSamples = 1000.0; // all servers, also the busy one
    EXPECT_DOUBLE_EQ(problem->GetTotalSamples(), totalSamples);
    EXPECT_EQ(instance.GetNumClasses(), 2u);
    EXPECT_EQ(instance.GetNumDimensions(), 2u);
    EXPECT_DOUBLE_EQ(instance.GetCapacity(0), 30e6);
    EXPECT_DOUBLE_EQ(instance.GetCapacity(1), 60.0);
    EXPECT_TRUE(instance.AreResourcesDisjoint());
    EXPECT_FALSE(instance.MustAssignAll());
    // Base value: the available servers only (0.27 + 0.40 + 0.07).
    EXPECT_NEAR(instance.GetBaseValue(), 0.74, 1e-15);

    const std::pair<uint32_t, uint32_t> feasible[] = {{0, 0}, {0, 1}, {1, 0}};
    for (const auto& [j, i] : feasible)
    {
        ASSERT_TRUE(problem->IsFeasible(j, i)) << j << "," << i;
        const PairReference r = Reference(scene.tasks[j], scene.servers[i], totalSamples);
        EXPECT_NEAR(problem->GetDeliveryProbability(j, i) / r.rho, 1.0, 1e-12);
        EXPECT_NEAR(problem->GetBandwidthWeightHz(j, i) / r.bandwidthHz, 1.0, 1e-12);
        EXPECT_NEAR(problem->GetEnergyWeightJ(j, i) / r.energyJ, 1.0, 1e-12);
        EXPECT_NEAR(problem->GetUtility(j, i) / r.utility, 1.0, 1e-12);
        EXPECT_NEAR(problem->GetTransmitWindowS(j, i), r.transmitS, 1e-15);
        const int64_t item = problem->GetItem(j, i);
        EXPECT_EQ(problem->GetTaskOfItem(item), j);
        EXPECT_EQ(problem->GetEdgeServerOfItem(item), i);
        EXPECT_EQ(instance.GetResource(item), static_cast<int32_t>(i));
    }
    // Task 0 at 500 m: 128.1 + 37.6 log10(0.5) = 116.78 dB; SNR = 20 - 116.78 + 114 dB.
    const double snr00 = std::pow(10.0, (20.0 - (128.1 + 37.6 * std::log10(0.5)) + 114.0) / 10.0);
    EXPECT_NEAR(problem->GetDeliveryProbability(0, 0), std::exp(-1.08 / snr00), 1e-12);
    EXPECT_NEAR(problem->GetComputeTimeS(0, 1), 0.4, 1e-15);

    // Infeasible pairs are absent: deadline shorter than the compute time,
    // and the busy server.
    EXPECT_FALSE(problem->IsFeasible(0, 2)); // t^c = 2 s > T = 1.5 s
    EXPECT_LT(problem->GetTransmitWindowS(0, 2), 0.0);
    EXPECT_FALSE(problem->IsFeasible(0, 3));
    EXPECT_FALSE(problem->IsFeasible(1, 1)); // t^c = 0.2 s > T = 0.15 s
    EXPECT_FALSE(problem->IsFeasible(1, 2));
    EXPECT_EQ(instance.GetNumItems(), 3u);
    EXPECT_EQ(problem->GetItem(0, 2), MmkpInstance::REJECTED);
}

TEST(TaskSchedulingProblem, TrainingPerformanceAndSystemUtility)
{
    SmallScene scene;
    auto problem = UnshadowedProblem();
    problem->Build(scene.tasks, scene.servers);
    const MmkpInstance& instance = problem->GetInstance();
    const int64_t none = MmkpInstance::REJECTED;

    // Nothing assigned: the three available servers train.
    EXPECT_NEAR(problem->GetTrainingPerformance({none, none}),
                (270.0 + 400.0 + 70.0) / 1000.0,
                1e-15);
    // Task 0 on server 1, task 1 on server 0: only server 2 trains.
    const std::vector<int64_t> both{problem->GetItem(0, 1), problem->GetItem(1, 0)};
    ASSERT_TRUE(CheckMmkpAssignment(instance, both).feasible);
    const double ut = problem->GetTrainingPerformance(both);
    EXPECT_NEAR(ut, 70.0 / 1000.0, 1e-15);
    const double expected = ut + 0.02 * problem->GetDeliveryProbability(0, 1) +
                            0.03 * problem->GetDeliveryProbability(1, 0);
    EXPECT_NEAR(problem->GetSystemUtility(both), expected, 1e-15);
    EXPECT_DOUBLE_EQ(problem->GetSystemUtility(both), instance.Evaluate(both));
    const auto servers = problem->GetAssignedEdgeServers(both);
    EXPECT_EQ(servers, (std::vector<int32_t>{1, 0}));
    EXPECT_EQ(problem->GetAssignedEdgeServers({none, problem->GetItem(1, 0)}),
              (std::vector<int32_t>{-1, 0}));
}

TEST(TaskSchedulingProblem, StrictPresetValuesAndMustAssignAll)
{
    SmallScene scene;
    auto problem = UnshadowedProblem();
    problem->SetAttribute("Preset", EnumValue(TaskSchedulingProblem::STRICT));
    problem->Build(scene.tasks, scene.servers);
    const MmkpInstance& instance = problem->GetInstance();
    EXPECT_TRUE(instance.MustAssignAll());
    EXPECT_TRUE(instance.AreResourcesDisjoint());
    EXPECT_EQ(instance.GetNumItems(), 3u);
    EXPECT_DOUBLE_EQ(problem->GetUtility(0, 0), -300.0 * 0.9 / 1000.0);
    EXPECT_DOUBLE_EQ(problem->GetUtility(0, 1), -500.0 * 0.8 / 1000.0);
    EXPECT_DOUBLE_EQ(problem->GetUtility(1, 0), -300.0 * 0.9 / 1000.0);
    // Weights do not depend on the preset.
    const PairReference r = Reference(scene.tasks[0], scene.servers[1], 1000.0);
    EXPECT_NEAR(problem->GetBandwidthWeightHz(0, 1) / r.bandwidthHz, 1.0, 1e-12);
    // Leaving a task out is infeasible under Strict.
    EXPECT_FALSE(
        CheckMmkpAssignment(instance, {problem->GetItem(0, 1), MmkpInstance::REJECTED}).feasible);
}

TEST(TaskSchedulingProblem, OversizedPairsAreDroppedUnlessAsked)
{
    SmallScene scene;
    auto problem = UnshadowedProblem();
    // Server 1 (100 m away) needs less bandwidth for task 0 than server 0
    // (500 m); a capacity between the two weights leaves only server 1.
    problem->Build(scene.tasks, scene.servers);
    const double b00 = problem->GetBandwidthWeightHz(0, 0);
    const double b01 = problem->GetBandwidthWeightHz(0, 1);
    ASSERT_GT(b00, b01);
    problem->SetAttribute("TaskBandwidthHz", DoubleValue(0.5 * (b00 + b01)));
    problem->Build(scene.tasks, scene.servers);
    EXPECT_FALSE(problem->IsFeasible(0, 0));
    EXPECT_TRUE(problem->IsFeasible(0, 1));
    EXPECT_FALSE(problem->IsFeasible(1, 0)); // t^x = 0.05 s: above the capacity too
    problem->SetAttribute("DropOversizedPairs", BooleanValue(false));
    problem->Build(scene.tasks, scene.servers);
    EXPECT_TRUE(problem->IsFeasible(0, 0));
    EXPECT_NEAR(problem->GetBandwidthWeightHz(0, 0), b00, 1e-9 * b00);
    EXPECT_TRUE(problem->IsFeasible(1, 0));
}

TEST(TaskSchedulingProblem, NodesCarryingEdgeServersGiveTheSameInstance)
{
    SmallScene scene;
    NodeContainer nodes;
    nodes.Create(scene.servers.size());
    std::vector<double> o;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        auto es = CreateObject<EdgeServer>();
        es->SetSamples(static_cast<uint32_t>(scene.servers[i].samples));
        es->SetAttribute("CpuFrequencyHz", DoubleValue(scene.servers[i].cpuFrequencyHz));
        nodes.Get(i)->AggregateObject(es);
        nodes.Get(i)->AggregateObject(scene.servers[i].mobility);
        es->SetBusy(!scene.servers[i].available);
        o.push_back(scene.servers[i].trainingSuccessProbability);
    }
    auto fromStates = UnshadowedProblem();
    fromStates->Build(scene.tasks, scene.servers);
    auto fromNodes = UnshadowedProblem();
    fromNodes->Build(scene.tasks, nodes, o);
    const MmkpInstance& a = fromStates->GetInstance();
    const MmkpInstance& b = fromNodes->GetInstance();
    ASSERT_EQ(a.GetNumItems(), b.GetNumItems());
    EXPECT_EQ(a.GetBaseValue(), b.GetBaseValue());
    for (std::size_t k = 0; k < a.GetNumItems(); ++k)
    {
        EXPECT_EQ(a.GetValue(k), b.GetValue(k));
        EXPECT_EQ(a.GetWeight(k, 0), b.GetWeight(k, 0));
        EXPECT_EQ(a.GetWeight(k, 1), b.GetWeight(k, 1));
        EXPECT_EQ(a.GetResource(k), b.GetResource(k));
    }
}

TEST(TaskSchedulingProblem, DegenerateSizesAndBadInputs)
{
    auto problem = UnshadowedProblem();
    problem->Build({}, {});
    EXPECT_EQ(problem->GetInstance().GetNumClasses(), 0u);
    EXPECT_EQ(problem->GetInstance().GetBaseValue(), 0.0);
    SmallScene scene;
    problem->Build(scene.tasks, {});
    EXPECT_EQ(problem->GetInstance().GetNumClasses(), 2u);
    EXPECT_EQ(problem->GetInstance().GetNumItems(), 0u);

    auto bad = scene.tasks;
    bad[1].deadlineS = -1.0;
    EXPECT_DEATH(problem->Build(bad, scene.servers), "task 1");
    auto badServers = scene.servers;
    badServers[2].trainingSuccessProbability = std::nan("");
    EXPECT_DEATH(problem->Build(scene.tasks, badServers), "edge server 2");
    problem->Build(scene.tasks, scene.servers);
    EXPECT_DEATH(problem->GetUtility(0, 2), "infeasible");
}

TEST(CrowdsourcingTaskGenerator, ModelDefaultsAndReproducibleByStream)
{
    auto draw = [](int64_t stream) {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(4);
        auto generator = CreateObject<CrowdsourcingTaskGenerator>();
        EXPECT_EQ(generator->AssignStreams(stream), 4); // 3 variables + the annulus
        return generator->Generate(300);
    };
    const auto a = draw(100);
    const auto b = draw(100);
    const auto c = draw(200);
    ASSERT_EQ(a.size(), 300u);
    for (std::size_t j = 0; j < a.size(); ++j)
    {
        EXPECT_EQ(a[j].dataBits, b[j].dataBits);
        EXPECT_EQ(a[j].deadlineS, b[j].deadlineS);
        EXPECT_EQ(a[j].value, b[j].value);
        EXPECT_EQ(a[j].publisherMobility->GetPosition().x, b[j].publisherMobility->GetPosition().x);
        EXPECT_EQ(a[j].publisherMobility->GetPosition().y, b[j].publisherMobility->GetPosition().y);
        EXPECT_GE(a[j].dataBits, 5e6);
        EXPECT_LE(a[j].dataBits, 20e6);
        EXPECT_DOUBLE_EQ(a[j].computeCycles, 40.0 * a[j].dataBits);
        EXPECT_GE(a[j].deadlineS, 0.5);
        EXPECT_LE(a[j].deadlineS, 2.0);
        EXPECT_GE(a[j].value, 0.01);
        EXPECT_LE(a[j].value, 0.03);
        EXPECT_EQ(a[j].publisherTxPowerW, 0.1);
        const double r = a[j].publisherMobility->GetDistanceFrom(At(0.0, 0.0));
        EXPECT_GE(r, 50.0 - 1e-9);
        EXPECT_LE(r, 500.0 + 1e-9);
    }
    EXPECT_NE(a[0].dataBits, c[0].dataBits);
    EXPECT_NE(a[0].publisherMobility->GetPosition().x, c[0].publisherMobility->GetPosition().x);
}

TEST(TaskSchedulingProblem, ShadowedBuildIsReproducibleByStream)
{
    auto build = [](int64_t stream) {
        RngSeedManager::SetSeed(2);
        RngSeedManager::SetRun(1);
        auto generator = CreateObject<CrowdsourcingTaskGenerator>();
        generator->AssignStreams(stream);
        const auto tasks = generator->Generate(20);
        std::vector<EdgeServerState> servers;
        auto positions = CreateObject<UniformDiscPositionAllocator>();
        positions->SetRho(500.0);
        positions->AssignStreams(stream + 10);
        for (uint32_t i = 0; i < 30; ++i)
        {
            auto m = CreateObject<ConstantPositionMobilityModel>();
            m->SetPosition(positions->GetNext());
            servers.push_back({100.0 * (1 + i % 6), 1e9 + 5e7 * i, 0.9, m, true});
        }
        auto problem = CreateObject<TaskSchedulingProblem>();
        EXPECT_EQ(problem->AssignStreams(stream + 20), 1);
        problem->Build(tasks, servers);
        std::vector<double> values;
        const MmkpInstance& instance = problem->GetInstance();
        for (std::size_t k = 0; k < instance.GetNumItems(); ++k)
        {
            values.push_back(instance.GetValue(k));
            values.push_back(instance.GetWeight(k, 0));
        }
        return values;
    };
    const auto a = build(1);
    const auto b = build(1);
    const auto c = build(2);
    EXPECT_GT(a.size(), 100u);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
}

// SharedBandwidth: one training class per available server after the task
// classes, worth s_i o_i / S and needing b^T_i = Z / (tau log2(1 + SNR_i)) of
// B; task items worth phi rho; base 0; U = U_T + sum phi rho; an ES trains or
// executes, and the band holds both.
TEST(TaskSchedulingProblem, SharedBandwidthTrainingClasses)
{
    SmallScene scene;
    const double snr[] = {3.0, 15.0, 1.0, 7.0};
    for (uint32_t i = 0; i < 4; ++i)
    {
        scene.servers[i].trainingLinkSnr = snr[i];
    }
    auto problem = UnshadowedProblem();
    problem->SetAttribute("Preset", EnumValue(TaskSchedulingProblem::SHARED_BANDWIDTH));
    problem->SetAttribute("TrainingUpdateBits", DoubleValue(2e5));
    problem->SetAttribute("TrainingUploadWindowS", DoubleValue(0.25));
    problem->Build(scene.tasks, scene.servers);
    const MmkpInstance& instance = problem->GetInstance();
    EXPECT_EQ(problem->GetNumTasks(), 2u);
    ASSERT_EQ(instance.GetNumClasses(), 5u); // 2 tasks + 3 available servers
    EXPECT_DOUBLE_EQ(instance.GetBaseValue(), 0.0);
    EXPECT_EQ(problem->GetTrainingClass(3), -1); // busy: no training class
    const int64_t none = MmkpInstance::REJECTED;
    for (uint32_t i = 0; i < 3; ++i)
    {
        const double bandwidthHz = 2e5 / (0.25 * std::log2(1.0 + snr[i]));
        EXPECT_NEAR(problem->GetTrainingBandwidthHz(i) / bandwidthHz, 1.0, 1e-12);
        const int64_t cls = problem->GetTrainingClass(i);
        ASSERT_EQ(cls, 2 + i);
        ASSERT_EQ(instance.GetNumItems(cls), 1u);
        const int64_t item = instance.GetFirstItem(cls);
        EXPECT_EQ(instance.GetResource(item), static_cast<int32_t>(i));
        EXPECT_NEAR(instance.GetWeight(item, 0) / bandwidthHz, 1.0, 1e-12);
        EXPECT_DOUBLE_EQ(instance.GetWeight(item, 1), 0.0);
        EXPECT_NEAR(instance.GetValue(item),
                    scene.servers[i].samples * scene.servers[i].trainingSuccessProbability / 1000.0,
                    1e-15);
    }
    // Task items: phi rho, the same weights as Valued.
    EXPECT_NEAR(problem->GetUtility(0, 1), 0.02 * problem->GetDeliveryProbability(0, 1), 1e-15);
    const PairReference r = Reference(scene.tasks[0], scene.servers[1], 1000.0);
    EXPECT_NEAR(problem->GetBandwidthWeightHz(0, 1) / r.bandwidthHz, 1.0, 1e-12);

    // Task 0 on server 1; servers 0 and 2 train: U_T = (270 + 70) / 1000.
    const auto train = [&](uint32_t i) {
        return instance.GetFirstItem(problem->GetTrainingClass(i));
    };
    const std::vector<int64_t> a{problem->GetItem(0, 1), none, train(0), none, train(2)};
    ASSERT_TRUE(CheckMmkpAssignment(instance, a).feasible);
    EXPECT_NEAR(problem->GetTrainingPerformance(a), 0.34, 1e-15);
    EXPECT_NEAR(problem->GetSystemUtility(a),
                0.34 + 0.02 * problem->GetDeliveryProbability(0, 1),
                1e-15);
    EXPECT_EQ(problem->GetAssignedEdgeServers(a), (std::vector<int32_t>{1, -1}));
    // Server 1 cannot both execute task 0 and train.
    EXPECT_FALSE(CheckMmkpAssignment(instance, {problem->GetItem(0, 1), none, none, train(1), none})
                     .feasible);
    // Nothing granted: no training at all.
    EXPECT_DOUBLE_EQ(problem->GetTrainingPerformance({none, none, none, none, none}), 0.0);

    // A band that holds only the training of server 1 (the cheapest).
    problem->SetAttribute("TaskBandwidthHz",
                          DoubleValue(problem->GetTrainingBandwidthHz(1) * 1.01));
    problem->Build(scene.tasks, scene.servers);
    const MmkpInstance& narrow = problem->GetInstance();
    EXPECT_EQ(narrow.GetNumItems(problem->GetTrainingClass(0)), 0u); // oversized: dropped
    EXPECT_EQ(narrow.GetNumItems(problem->GetTrainingClass(1)), 1u);
    EXPECT_EQ(narrow.GetNumItems(problem->GetTrainingClass(2)), 0u);
}
