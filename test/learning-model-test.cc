/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Learning core: analytic gradients against finite differences, one local
 * step against its closed form, the weighted average of per-shard
 * full-batch steps against one centralised step, convergence on synthetic
 * data, aggregation flags and the float32 wire format.
 */

#include "ns3/dirichlet-data-partitioner.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/iid-data-partitioner.h"
#include "ns3/local-trainer.h"
#include "ns3/logistic-regression-model.h"
#include "ns3/mlp-model.h"
#include "ns3/model-aggregation.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/string.h"
#include "ns3/synthetic-dataset-generator.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <numeric>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// \param classes K \param features d \param samples n \param separation class spread
/// \param noise noise std dev \param stream stream \return a synthetic generator
Ptr<SyntheticDatasetGenerator>
MakeGenerator(uint32_t classes,
              uint32_t features,
              uint32_t samples,
              double separation,
              double noise,
              int64_t stream)
{
    auto g = CreateObject<SyntheticDatasetGenerator>();
    g->SetAttribute("NumClasses", UintegerValue(classes));
    g->SetAttribute("NumFeatures", UintegerValue(features));
    g->SetAttribute("NumSamples", UintegerValue(samples));
    g->SetAttribute("Separation", DoubleValue(separation));
    g->SetAttribute("NoiseStdDev", DoubleValue(noise));
    g->AssignStreams(stream);
    return g;
}

/// \param data the data \param l2 lambda \return a logistic regression model for the data
Ptr<LearningModel>
MakeLogistic(const Dataset& data, double l2)
{
    auto m = CreateObject<LogisticRegressionModel>();
    m->SetAttribute("NumFeatures", UintegerValue(data.GetNumFeatures()));
    m->SetAttribute("NumClasses", UintegerValue(data.numClasses));
    m->SetAttribute("L2Regularisation", DoubleValue(l2));
    m->InitialiseParameters();
    return m;
}

/// \param data the data \param hidden H \param activation "ReLU" or "Tanh" \param l2 lambda
/// \return an initialised MLP
Ptr<LearningModel>
MakeMlp(const Dataset& data, uint32_t hidden, const std::string& activation, double l2)
{
    auto m = CreateObject<MlpModel>();
    m->SetAttribute("NumFeatures", UintegerValue(data.GetNumFeatures()));
    m->SetAttribute("NumClasses", UintegerValue(data.numClasses));
    m->SetAttribute("HiddenUnits", UintegerValue(hidden));
    m->SetAttribute("Activation", StringValue(activation));
    m->SetAttribute("L2Regularisation", DoubleValue(l2));
    m->AssignStreams(7);
    m->InitialiseParameters();
    return m;
}

/// \param n size \param scale half-width \param stream stream \return U(-scale, scale)^n
Eigen::VectorXd
RandomVector(Eigen::Index n, double scale, int64_t stream)
{
    auto u = CreateObject<UniformRandomVariable>();
    u->SetStream(stream);
    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i)
    {
        v[i] = u->GetValue(-scale, scale);
    }
    return v;
}

/// \param model the model \param data the data
/// \return norm(analytic - central differences) / norm(analytic)
double
FiniteDifferenceError(LearningModel& model, const Dataset& data)
{
    const std::vector<uint32_t> rows = data.AllRows();
    const Eigen::VectorXd w = model.GetParameters();
    const Eigen::VectorXd analytic = model.Gradient(data, rows);
    Eigen::VectorXd numeric(w.size());
    const double h = 1e-5;
    for (Eigen::Index j = 0; j < w.size(); ++j)
    {
        Eigen::VectorXd plus = w;
        Eigen::VectorXd minus = w;
        plus[j] += h;
        minus[j] -= h;
        model.SetParameters(plus);
        const double fPlus = model.Loss(data, rows);
        model.SetParameters(minus);
        const double fMinus = model.Loss(data, rows);
        numeric[j] = (fPlus - fMinus) / (2 * h);
    }
    model.SetParameters(w);
    return (analytic - numeric).norm() / analytic.norm();
}

/// \param trainer trainer \param tau steps \param b batch \param eta rate
void
Configure(Ptr<LocalTrainer> trainer, uint32_t tau, uint32_t b, double eta)
{
    trainer->SetAttribute("LocalSteps", UintegerValue(tau));
    trainer->SetAttribute("BatchSize", UintegerValue(b));
    trainer->SetAttribute("LearningRate", DoubleValue(eta));
}

} // namespace

TEST(LearningModel, LogisticGradientMatchesFiniteDifferences)
{
    const Dataset data = MakeGenerator(4, 6, 40, 1.0, 1.0, 1)->Generate();
    auto model = MakeLogistic(data, 0.01);
    EXPECT_EQ(model->GetNumParameters(), 4u * 7u);
    model->SetParameters(RandomVector(model->GetNumParameters(), 0.5, 2));
    EXPECT_LT(FiniteDifferenceError(*model, data), 1e-6);
}

TEST(LearningModel, MlpGradientMatchesFiniteDifferences)
{
    const Dataset data = MakeGenerator(3, 5, 30, 1.0, 1.0, 3)->Generate();
    for (const std::string activation : {"Tanh", "ReLU"})
    {
        auto model = MakeMlp(data, 4, activation, 0.01);
        EXPECT_EQ(model->GetNumParameters(), 4u * 6u + 3u * 5u);
        model->SetParameters(RandomVector(model->GetNumParameters(), 0.5, 4));
        EXPECT_LT(FiniteDifferenceError(*model, data), 1e-6) << activation;
    }
}

TEST(LearningModel, FullBatchStepFromZeroMatchesClosedForm)
{
    // At w = 0 every softmax is 1/K, so grad_{W_k} = mean_n (1/K - [y_n = k]) x_n
    // and grad_{b_k} = 1/K - (fraction of label k); the L2 term vanishes.
    const Dataset data = MakeGenerator(3, 4, 25, 1.0, 1.0, 5)->Generate();
    auto model = MakeLogistic(data, 0.1);
    const uint32_t k = 3;
    const uint32_t d = 4;
    const double n = data.GetNumSamples();
    Eigen::VectorXd expectedGradient = Eigen::VectorXd::Zero(k * (d + 1));
    for (uint32_t s = 0; s < data.GetNumSamples(); ++s)
    {
        for (uint32_t c = 0; c < k; ++c)
        {
            const double g = 1.0 / k - (data.labels[s] == c ? 1.0 : 0.0);
            for (uint32_t f = 0; f < d; ++f)
            {
                expectedGradient[c * d + f] += g * data.features(s, f) / n;
            }
            expectedGradient[k * d + c] += g / n;
        }
    }
    auto trainer = CreateObject<LocalTrainer>();
    Configure(trainer, 1, 1000, 0.3);
    const LocalTrainingResult r =
        trainer->Train(*model, Eigen::VectorXd::Zero(k * (d + 1)), data, data.AllRows());
    EXPECT_EQ(r.samplesProcessed, data.GetNumSamples());
    EXPECT_LT((r.parameters - (-0.3 * expectedGradient)).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_EQ(model->GetParameters(), r.parameters);
}

TEST(LearningModel, FullBatchStepIsParametersMinusRateTimesGradient)
{
    const Dataset data = MakeGenerator(3, 5, 30, 1.0, 1.0, 6)->Generate();
    for (auto model : {MakeLogistic(data, 0.05), MakeMlp(data, 6, "Tanh", 0.05)})
    {
        const Eigen::VectorXd w = RandomVector(model->GetNumParameters(), 0.3, 8);
        model->SetParameters(w);
        const Eigen::VectorXd expected = w - 0.2 * model->Gradient(data, data.AllRows());
        auto trainer = CreateObject<LocalTrainer>();
        Configure(trainer, 1, 30, 0.2); // b equal to the sample count: full batch
        const LocalTrainingResult r = trainer->Train(*model, w, data, data.AllRows());
        EXPECT_LT((r.parameters - expected).cwiseAbs().maxCoeff(), 1e-14);
    }
}

/// The key property of the aggregation: with weights s_i the average of one
/// full-batch step per shard equals one full-batch step on the union,
/// because F is a mean over samples plus the same (lambda/2)||w||^2.
TEST(LearningModel, WeightedAverageOfShardStepsEqualsCentralisedStep)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    const Dataset data = MakeGenerator(5, 12, 600, 1.0, 1.0, 10)->Generate();
    const std::vector<uint32_t> sizes{50, 120, 30, 100, 77};
    Ptr<DataPartitioner> partitioners[] = {CreateObject<IidDataPartitioner>(),
                                           CreateObject<DirichletDataPartitioner>()};
    int64_t stream = 20;
    for (auto partitioner : partitioners)
    {
        stream += partitioner->AssignStreams(stream);
        const auto shards = partitioner->Partition(data, sizes);
        std::vector<uint32_t> unionRows;
        for (const auto& shard : shards)
        {
            unionRows.insert(unionRows.end(), shard.begin(), shard.end());
        }
        for (auto model : {MakeLogistic(data, 1e-2), MakeMlp(data, 8, "ReLU", 1e-2)})
        {
            const Eigen::VectorXd w0 = RandomVector(model->GetNumParameters(), 0.5, 30);
            auto trainer = CreateObject<LocalTrainer>();
            Configure(trainer, 1, 1000000, 0.5);
            std::vector<WorkerUpdate> updates;
            for (std::size_t i = 0; i < shards.size(); ++i)
            {
                WorkerUpdate u;
                u.parameters = trainer->Train(*model, w0, data, shards[i]).parameters;
                u.numSamples = sizes[i];
                updates.push_back(u);
            }
            const Eigen::VectorXd distributed = AggregateUpdates(w0, updates);
            const Eigen::VectorXd central = trainer->Train(*model, w0, data, unionRows).parameters;
            EXPECT_LT((distributed - central).cwiseAbs().maxCoeff(), 1e-9);

            // The property needs exactly one step: with two it fails (the test can fail).
            Configure(trainer, 2, 1000000, 0.5);
            WeightedAverageAccumulator acc;
            for (std::size_t i = 0; i < shards.size(); ++i)
            {
                acc.Add(trainer->Train(*model, w0, data, shards[i]).parameters, sizes[i]);
            }
            const Eigen::VectorXd twoSteps = trainer->Train(*model, w0, data, unionRows).parameters;
            EXPECT_GT((acc.Result(w0) - twoSteps).cwiseAbs().maxCoeff(), 1e-6);
        }
    }
}

TEST(LearningModel, LossDecreasesOnSyntheticData)
{
    const Dataset data = MakeGenerator(10, 20, 1000, 1.0, 1.0, 40)->Generate();
    auto model = MakeLogistic(data, 1e-4);
    const std::vector<uint32_t> rows = data.AllRows();
    // Full-batch gradient descent with a small step decreases F at every step.
    auto gd = CreateObject<LocalTrainer>();
    Configure(gd, 1, 100000, 0.02);
    Eigen::VectorXd w = model->GetParameters();
    double previous = model->Loss(data, rows);
    EXPECT_NEAR(previous, std::log(10.0), 1e-12); // w = 0: uniform softmax
    for (int step = 0; step < 20; ++step)
    {
        w = gd->Train(*model, w, data, rows).parameters;
        const double loss = model->Loss(data, rows);
        EXPECT_LT(loss, previous) << "step " << step;
        previous = loss;
    }
    // Mini-batch SGD: the loss falls well below its start.
    auto sgd = CreateObject<LocalTrainer>();
    Configure(sgd, 300, 32, 0.05);
    sgd->AssignStreams(41);
    sgd->Train(*model, Eigen::VectorXd::Zero(model->GetNumParameters()), data, rows);
    EXPECT_LT(model->Loss(data, rows), 0.3 * std::log(10.0));
    // The same for the MLP, from its random start.
    auto mlp = MakeMlp(data, 16, "ReLU", 1e-4);
    const double mlpStart = mlp->Loss(data, rows);
    EXPECT_GT(mlpStart, 0.8 * std::log(10.0));
    sgd->Train(*mlp, mlp->GetParameters(), data, rows);
    EXPECT_LT(mlp->Loss(data, rows), 0.3 * mlpStart);
}

TEST(LearningModel, LogisticRegressionLearnsSeparableData)
{
    auto generator = MakeGenerator(10, 20, 2000, 1.5, 1.0, 50);
    const Dataset train = generator->Generate();
    const Dataset test = generator->Generate(1000);
    auto model = MakeLogistic(train, 1e-4);
    auto sgd = CreateObject<LocalTrainer>();
    Configure(sgd, 2000, 32, 0.05);
    sgd->AssignStreams(51);
    sgd->Train(*model, model->GetParameters(), train, train.AllRows());
    const ModelEvaluation e = model->Evaluate(test);
    EXPECT_GT(e.accuracy, 0.95);
    EXPECT_EQ(model->Predict(test, {0, 1}).size(), 2u);
}

TEST(LearningModel, SameStreamsSameTraining)
{
    const Dataset data = MakeGenerator(4, 8, 200, 1.0, 1.0, 60)->Generate();
    Eigen::VectorXd results[2];
    for (auto& result : results)
    {
        auto model = MakeMlp(data, 5, "ReLU", 1e-3);
        auto sgd = CreateObject<LocalTrainer>();
        Configure(sgd, 20, 16, 0.1);
        sgd->AssignStreams(61);
        result = sgd->Train(*model, model->GetParameters(), data, data.AllRows()).parameters;
    }
    EXPECT_EQ(results[0], results[1]);
}

TEST(LearningModel, AggregationFollowsTheFlags)
{
    const Eigen::VectorXd current = Eigen::VectorXd::Constant(2, 9.0);
    auto update = [](double value, double s, bool c, bool y, bool u) {
        WorkerUpdate w;
        w.parameters = Eigen::VectorXd::Constant(2, value);
        w.numSamples = s;
        w.receivedModel = c;
        w.busy = y;
        w.arrived = u;
        return w;
    };
    // Only the first two count: (1 * 10 + 4 * 30) / 40 = 3.25.
    const std::vector<WorkerUpdate> updates{update(1.0, 10, true, false, true),
                                            update(4.0, 30, true, false, true),
                                            update(100.0, 50, false, false, true),
                                            update(100.0, 50, true, true, true),
                                            update(100.0, 50, true, false, false)};
    EXPECT_DOUBLE_EQ(AggregateUpdates(current, updates)[1], 3.25);
    // Nothing arrives: W_{t+1} = W_t.
    EXPECT_EQ(AggregateUpdates(current, {updates[2], updates[3], updates[4]}), current);
    EXPECT_EQ(AggregateUpdates(current, {}), current);
}

TEST(LearningModel, SerialisationIsFloat32LittleEndian)
{
    const Dataset data = MakeGenerator(10, 784, 10, 1.0, 1.0, 70)->Generate();
    auto logistic = MakeLogistic(data, 1e-4);
    EXPECT_EQ(logistic->GetNumParameters(), 7850u);
    EXPECT_EQ(logistic->GetSerializedSize(), 31400u);
    auto mlp = MakeMlp(data, 16, "ReLU", 1e-4);
    const std::vector<uint8_t> bytes = mlp->Serialize();
    EXPECT_EQ(bytes.size(), 4u * mlp->GetNumParameters());
    EXPECT_EQ(bytes.size(), mlp->GetSerializedSize());
    const Eigen::VectorXd before = mlp->GetParameters();
    mlp->SetParameters(Eigen::VectorXd::Zero(before.size()));
    mlp->Deserialize(bytes);
    EXPECT_EQ(mlp->GetParameters(), before.cast<float>().cast<double>());
    EXPECT_LT((mlp->GetParameters() - before).cwiseAbs().maxCoeff(), 1e-7);

    Eigen::VectorXd v(2);
    v << 1.0, -2.5;
    const std::vector<uint8_t> expected{0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x20, 0xc0};
    EXPECT_EQ(SerializeParameters(v), expected);
    EXPECT_EQ(DeserializeParameters(expected), v);
}

namespace
{

/**
 * \param form "Primal", "Dual" or "Auto"
 * \param data the data \param l2 lambda
 * \return a logistic regression model running its steps in that form
 */
Ptr<LogisticRegressionModel>
MakeLogisticInForm(const std::string& form, const Dataset& data, double l2)
{
    Ptr<LearningModel> m = MakeLogistic(data, l2);
    m->SetAttribute("SgdForm", StringValue(form));
    return DynamicCast<LogisticRegressionModel>(m);
}

} // namespace

/// The dual form (through the Gram matrix of the rows used) is the primal
/// arithmetic rearranged: same parameters and last-batch loss up to
/// rounding, for full batches, mini-batches, L2 on and off, and a cached Gram
/// matrix reused by a second update from another start.
TEST(LearningModel, DualSgdFormEqualsPrimal)
{
    const Dataset data = MakeGenerator(6, 40, 300, 1.0, 1.0, 70)->Generate();
    const std::vector<uint32_t> shard{3, 17, 18, 40, 41, 99, 120, 121, 200, 250, 251, 299};
    for (double l2 : {0.0, 0.05})
    {
        for (uint32_t batch : {4u, 1000u}) // mini-batches, then full batches
        {
            auto primal = MakeLogisticInForm("Primal", data, l2);
            auto dual = MakeLogisticInForm("Dual", data, l2);
            auto primalTrainer = CreateObject<LocalTrainer>();
            auto dualTrainer = CreateObject<LocalTrainer>();
            for (auto t : {primalTrainer, dualTrainer})
            {
                Configure(t, 7, batch, 0.3);
                t->AssignStreams(71); // the same batches for both
            }
            for (int64_t startStream : {72, 73})
            {
                const Eigen::VectorXd w0 =
                    RandomVector(primal->GetNumParameters(), 0.4, startStream);
                const LocalTrainingResult p = primalTrainer->Train(*primal, w0, data, shard);
                const LocalTrainingResult d = dualTrainer->Train(*dual, w0, data, shard);
                EXPECT_FALSE(primalTrainer->LastUpdateUsedDualForm());
                EXPECT_TRUE(dualTrainer->LastUpdateUsedDualForm());
                const double moved = (p.parameters - w0).cwiseAbs().maxCoeff();
                EXPECT_GT(moved, 1e-2); // the steps did something
                EXPECT_LT((p.parameters - d.parameters).cwiseAbs().maxCoeff(), 1e-12)
                    << "l2 " << l2 << " batch " << batch;
                EXPECT_NEAR(p.lastBatchLoss, d.lastBatchLoss, 1e-12 * p.lastBatchLoss);
                EXPECT_EQ(p.samplesProcessed, d.samplesProcessed);
                EXPECT_EQ(dual->GetParameters(), d.parameters);
            }
        }
    }
}

/// Auto takes the form with fewer multiply-adds, by the closed forms
/// primal = 2 B K d and dual = 2 m K d + m^2 d / 2 (unless cached) + 2 B m K.
TEST(LearningModel, AutoSgdFormTakesTheCheaperForm)
{
    const Dataset data = MakeGenerator(10, 100, 2000, 1.0, 1.0, 80)->Generate();
    auto model = MakeLogisticInForm("Auto", data, 1e-3);
    double primal = 0.0;
    double dual = 0.0;
    model->EstimateSgdCost(60, 600, false, primal, dual);
    EXPECT_DOUBLE_EQ(primal, 2.0 * 600 * 10 * 100);
    EXPECT_DOUBLE_EQ(dual, 2.0 * 60 * 10 * 100 + 0.5 * 60 * 60 * 100 + 2.0 * 600 * 60 * 10);
    model->EstimateSgdCost(60, 600, true, primal, dual);
    EXPECT_DOUBLE_EQ(dual, 2.0 * 60 * 10 * 100 + 2.0 * 600 * 60 * 10);

    auto trainer = CreateObject<LocalTrainer>();
    const Eigen::VectorXd w0 = Eigen::VectorXd::Zero(model->GetNumParameters());
    // 20 samples, 10 full-batch steps: dual 4e4 + 2e4 + 8e4 against primal 4e5.
    std::vector<uint32_t> few(20);
    std::iota(few.begin(), few.end(), 0);
    Configure(trainer, 10, 1000, 0.1);
    trainer->Train(*model, w0, data, few);
    EXPECT_TRUE(trainer->LastUpdateUsedDualForm());
    // 2,000 samples, one step of 16: primal 3.2e4, the Gram matrix alone 2e8.
    Configure(trainer, 1, 16, 0.1);
    trainer->Train(*model, w0, data, data.AllRows());
    EXPECT_FALSE(trainer->LastUpdateUsedDualForm());
}
