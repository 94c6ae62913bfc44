/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * TrainingExecutor: jobs return their own results whatever the order of
 * collection, uncollected jobs still run at disposal, and a whole training
 * run (tasks, packet loss, deadline) ends with the same parameters, bit for
 * bit, on 0, 1 or 3 background threads.
 */

#include "ns3/config.h"
#include "ns3/edge-dml-module.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <atomic>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// \param value the value \return a job whose parameters are (value)
TrainingExecutor::Job
ConstantJob(double value)
{
    return [value]() {
        LocalTrainingResult r;
        r.parameters = Eigen::VectorXd::Constant(1, value);
        return r;
    };
}

/// An attribute default set for a scope (Config::SetDefault), restored at its end.
class ScopedDefault
{
  public:
    /// \param path "ns3::Type::Attribute" \param value the default in the scope
    ScopedDefault(const std::string& path, const AttributeValue& value)
        : m_path(path)
    {
        const std::size_t colons = path.rfind("::");
        TypeId::AttributeInformation info;
        TypeId::LookupByName(path.substr(0, colons))
            .LookupAttributeByName(path.substr(colons + 2), &info);
        m_saved = info.initialValue->Copy();
        Config::SetDefault(path, value);
    }

    ~ScopedDefault()
    {
        Config::SetDefault(m_path, *m_saved);
    }

  private:
    std::string m_path;          //!< the attribute
    Ptr<AttributeValue> m_saved; //!< its default before
};

/**
 * \param threads TrainingExecutor::Threads
 * \param modelType the LearningModel TypeId name
 * \return the parameter server's final W after a small training run
 */
Eigen::VectorXd
TrainOnThreads(uint32_t threads, const std::string& modelType)
{
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(2);
    auto generator = CreateObject<SyntheticDatasetGenerator>();
    generator->SetAttribute("NumClasses", UintegerValue(4));
    generator->SetAttribute("NumFeatures", UintegerValue(12));
    generator->SetAttribute("NumSamples", UintegerValue(600));
    generator->AssignStreams(90);
    auto train = std::make_shared<const Dataset>(generator->Generate());

    // The cell's and the trainer's knobs are their types' defaults, set for this run.
    ScopedDefault loss("ns3::edgedml::WaterfallErrorModel::LossUnit", StringValue("Packet"));
    // Mini-batches: random draws interleave with the jobs.
    ScopedDefault batch("ns3::edgedml::LocalTrainer::BatchSize", UintegerValue(16));
    ScopedDefault hidden("ns3::edgedml::MlpModel::HiddenUnits", UintegerValue(5));
    ScopedDefault executor("ns3::edgedml::TrainingExecutor::Threads", UintegerValue(threads));
    auto helper = CreateObjectWithAttributes<TrainingScenarioHelper>("NumEdgeServers",
                                                                     UintegerValue(12),
                                                                     "SamplesPerServer",
                                                                     UintegerValue(40),
                                                                     "Rounds",
                                                                     UintegerValue(4),
                                                                     "LocalSteps",
                                                                     UintegerValue(3),
                                                                     "LearningModel",
                                                                     StringValue(modelType));
    TrainingScenario scenario = helper->Install(train, 0);
    scenario.server->TraceConnectWithoutContext("TrainingFinished",
                                                MakeCallback(+[](uint32_t) { Simulator::Stop(); }));
    Simulator::Run();
    EXPECT_EQ(scenario.server->GetRoundsCompleted(), 4u);
    EXPECT_EQ(scenario.executor->GetThreads(), threads);
    EXPECT_GT(scenario.executor->GetJobs(), 12u);
    const Eigen::VectorXd w = scenario.server->GetParameters();
    Simulator::Destroy();
    return w;
}

} // namespace

TEST(TrainingExecutor, JobsReturnTheirOwnResults)
{
    for (uint32_t threads : {0u, 1u, 3u})
    {
        auto executor = CreateObject<TrainingExecutor>();
        executor->SetAttribute("Threads", UintegerValue(threads));
        std::vector<std::shared_ptr<TrainingExecutor::Ticket>> tickets;
        for (int i = 0; i < 40; ++i)
        {
            // Needed-at times out of order: the queue runs them by priority.
            tickets.push_back(executor->Submit(ConstantJob(i), (i * 7) % 11));
        }
        for (int i = 39; i >= 0; --i) // collect in the reverse order
        {
            EXPECT_EQ(executor->Collect(tickets[i]).parameters[0], i);
        }
        EXPECT_EQ(executor->GetJobs(), 40u);
        EXPECT_GE(executor->GetBusySeconds(), 0.0);
        executor->Dispose();
    }
}

TEST(TrainingExecutor, InlineWithoutThreadsAndUncollectedJobsRunAtDisposal)
{
    std::atomic<int> ran{0};
    auto counting = [&ran]() {
        ++ran;
        return LocalTrainingResult();
    };
    auto inlineExecutor = CreateObjectWithAttributes<TrainingExecutor>("Threads", UintegerValue(0));
    inlineExecutor->Submit(counting, 0.0);
    EXPECT_EQ(ran.load(), 1); // ran in Submit

    auto pooled = CreateObjectWithAttributes<TrainingExecutor>("Threads", UintegerValue(1));
    std::vector<std::shared_ptr<TrainingExecutor::Ticket>> tickets;
    for (int i = 0; i < 25; ++i)
    {
        tickets.push_back(pooled->Submit(counting, i));
    }
    pooled->Dispose(); // joins the thread and runs what is left
    EXPECT_EQ(ran.load(), 26);
    for (auto& t : tickets)
    {
        EXPECT_EQ(t->result.wait_for(std::chrono::seconds(0)), std::future_status::ready);
    }
}

TEST(TrainingExecutor, ThreadsDoNotChangeTheTraining)
{
    for (const std::string model :
         {"ns3::edgedml::LogisticRegressionModel", "ns3::edgedml::MlpModel"})
    {
        const Eigen::VectorXd inlineW = TrainOnThreads(0, model);
        EXPECT_GT(inlineW.cwiseAbs().maxCoeff(), 1e-3) << model; // it trained
        for (uint32_t threads : {1u, 3u})
        {
            const Eigen::VectorXd w = TrainOnThreads(threads, model);
            ASSERT_EQ(w.size(), inlineW.size());
            EXPECT_EQ(w, inlineW) << model << " on " << threads << " threads";
        }
    }
}
