/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-centralised-sgd: train a learning model of the edge-dml module on
 * one machine (no network) with plain mini-batch SGD, as the reference the
 * distributed runs are compared with, and to choose learning rate and epochs.
 *
 *   edge-dml-centralised-sgd [--model=LogisticRegression|Mlp] [--epochs=N]
 *       [--batchSize=B] [--learningRate=ETA] [--l2=LAMBDA] [--hiddenUnits=H]
 *       [--dataDir=DIR] [--trainLimit=N] [--testLimit=N] [--RngRun=N]
 *
 * One line per epoch on stdout:
 *   epoch=1 test_accuracy=0.8123 test_loss=0.5432 train_loss=0.5012 epoch_s=0.41
 * An epoch is ceil(samples / B) SGD steps, each on B distinct samples drawn
 * uniformly.
 *
 * With --workers=M (M > 0) it instead runs synchronous federated averaging
 * without a network: the training set is split into M equal shards (IID, or
 * Dirichlet(--alpha) when alpha > 0), every round each worker runs
 * --localSteps SGD steps from W_t on its shard and W_{t+1} is the
 * s_i-weighted average (every worker participates). One line per
 * --printEvery rounds:
 *   round=10 test_accuracy=0.80 test_loss=0.58 round_s=0.05
 *
 * Missing or damaged data files: one line on stderr, exit status 1.
 */

#include "ns3/command-line.h"
#include "ns3/dirichlet-data-partitioner.h"
#include "ns3/double.h"
#include "ns3/idx-reader.h"
#include "ns3/iid-data-partitioner.h"
#include "ns3/learning-model.h"
#include "ns3/local-trainer.h"
#include "ns3/model-aggregation.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

using namespace ns3;
using namespace ns3::edgedml;

int
main(int argc, char* argv[])
{
    std::string model = "LogisticRegression";
    uint32_t epochs = 5;
    uint32_t batchSize = 64;
    double learningRate = 0.1;
    double l2 = 1e-4;
    uint32_t hiddenUnits = 64;
    std::string dataDir = FASHION_MNIST_DEFAULT_DIRECTORY;
    uint32_t trainLimit = 0;
    uint32_t testLimit = 0;
    uint32_t workers = 0;
    uint32_t localSteps = 1;
    uint32_t rounds = 100;
    uint32_t printEvery = 10;
    double alpha = 0.0;

    CommandLine cmd(__FILE__);
    cmd.Usage("Centralised mini-batch SGD on Fashion-MNIST; prints test accuracy and loss and "
              "the wall time per epoch.");
    cmd.AddValue("model", "LogisticRegression or Mlp (or a TypeId name)", model);
    cmd.AddValue("epochs", "number of epochs", epochs);
    cmd.AddValue("batchSize", "samples per SGD step", batchSize);
    cmd.AddValue("learningRate", "SGD step size", learningRate);
    cmd.AddValue("l2", "L2 regularisation coefficient lambda", l2);
    cmd.AddValue("hiddenUnits", "hidden units of the Mlp model", hiddenUnits);
    cmd.AddValue("dataDir", "directory of the Fashion-MNIST IDX .gz files", dataDir);
    cmd.AddValue("trainLimit", "read at most this many training samples (0: all)", trainLimit);
    cmd.AddValue("testLimit", "read at most this many test samples (0: all)", testLimit);
    cmd.AddValue("workers", "federated averaging over this many workers (0: centralised)", workers);
    cmd.AddValue("localSteps", "federated: SGD steps per worker and round", localSteps);
    cmd.AddValue("rounds", "federated: number of rounds", rounds);
    cmd.AddValue("printEvery", "federated: print every this many rounds", printEvery);
    cmd.AddValue("alpha", "federated: Dirichlet alpha of the split (0: IID)", alpha);
    cmd.Parse(argc, argv);

    if (epochs == 0 || batchSize == 0 || localSteps == 0 || printEvery == 0 ||
        !(learningRate > 0.0) || !(l2 >= 0.0) || !(alpha >= 0.0))
    {
        std::cerr << "edge-dml-centralised-sgd: epochs, batchSize, localSteps and printEvery "
                     "must be at least 1, learningRate positive, l2 and alpha non-negative\n";
        return 2;
    }
    const std::string typeName = model == "LogisticRegression"
                                     ? "ns3::edgedml::LogisticRegressionModel"
                                 : model == "Mlp" ? "ns3::edgedml::MlpModel"
                                                  : model;
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(typeName, &tid) || !tid.IsChildOf(LearningModel::GetTypeId()))
    {
        std::cerr << "edge-dml-centralised-sgd: unknown --model=" << model
                  << "; use LogisticRegression or Mlp\n";
        return 2;
    }

    const auto readStart = std::chrono::steady_clock::now();
    const FashionMnistReadResult data = ReadFashionMnist(dataDir, trainLimit, testLimit);
    if (!data.train)
    {
        std::cerr << "edge-dml-centralised-sgd: " << data.error << "\n";
        return 1;
    }
    const double readS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - readStart).count();
    std::cout << "read train=" << data.train->GetNumSamples()
              << " test=" << data.test->GetNumSamples() << " read_s=" << readS << std::endl;

    ObjectFactory factory(typeName);
    factory.Set("L2Regularisation", DoubleValue(l2));
    TypeId::AttributeInformation info;
    if (tid.LookupAttributeByName("HiddenUnits", &info))
    {
        factory.Set("HiddenUnits", UintegerValue(hiddenUnits));
    }
    Ptr<LearningModel> learner = factory.Create<LearningModel>();
    learner->AssignStreams(1);
    learner->InitialiseParameters();

    const uint32_t n = data.train->GetNumSamples();
    if (workers > n)
    {
        std::cerr << "edge-dml-centralised-sgd: --workers=" << workers << " exceeds the " << n
                  << " training samples\n";
        return 2;
    }
    std::cout << "model=" << model << " parameters=" << learner->GetNumParameters()
              << " update_bytes=" << learner->GetSerializedSize() << std::endl;
    if (workers > 0)
    {
        Ptr<DataPartitioner> partitioner;
        if (alpha > 0.0)
        {
            partitioner =
                CreateObjectWithAttributes<DirichletDataPartitioner>("Alpha", DoubleValue(alpha));
        }
        else
        {
            partitioner = CreateObject<IidDataPartitioner>();
        }
        partitioner->AssignStreams(3);
        const std::vector<uint32_t> sizes(workers, n / workers);
        const auto shards = partitioner->Partition(*data.train, sizes);
        auto trainer = CreateObject<LocalTrainer>();
        trainer->SetAttribute("LocalSteps", UintegerValue(localSteps));
        trainer->SetAttribute("BatchSize", UintegerValue(batchSize));
        trainer->SetAttribute("LearningRate", DoubleValue(learningRate));
        trainer->AssignStreams(2);
        Eigen::VectorXd w = learner->GetParameters();
        double elapsedS = 0.0;
        for (uint32_t round = 1; round <= rounds; ++round)
        {
            const auto start = std::chrono::steady_clock::now();
            WeightedAverageAccumulator average;
            for (uint32_t i = 0; i < workers; ++i)
            {
                average.Add(trainer->Train(*learner, w, *data.train, shards[i]).parameters,
                            sizes[i]);
            }
            w = average.Result(w);
            elapsedS +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (round % printEvery == 0 || round == rounds)
            {
                learner->SetParameters(w);
                const ModelEvaluation test = learner->Evaluate(*data.test);
                std::printf("round=%u test_accuracy=%.4f test_loss=%.4f round_s=%.4f\n",
                            round,
                            test.accuracy,
                            test.loss,
                            elapsedS / round);
                std::fflush(stdout);
            }
        }
        Simulator::Destroy();
        return 0;
    }
    auto trainer = CreateObject<LocalTrainer>();
    trainer->SetAttribute("LocalSteps", UintegerValue((n + batchSize - 1) / batchSize));
    trainer->SetAttribute("BatchSize", UintegerValue(batchSize));
    trainer->SetAttribute("LearningRate", DoubleValue(learningRate));
    trainer->AssignStreams(2);
    const std::vector<uint32_t> rows = data.train->AllRows();
    for (uint32_t epoch = 1; epoch <= epochs; ++epoch)
    {
        const auto start = std::chrono::steady_clock::now();
        trainer->Train(*learner, learner->GetParameters(), *data.train, rows);
        const double epochS =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const ModelEvaluation test = learner->Evaluate(*data.test);
        const ModelEvaluation train = learner->Evaluate(*data.train);
        std::printf("epoch=%u test_accuracy=%.4f test_loss=%.4f train_accuracy=%.4f "
                    "train_loss=%.4f epoch_s=%.3f\n",
                    epoch,
                    test.accuracy,
                    test.loss,
                    train.accuracy,
                    train.loss,
                    epochS);
        std::fflush(stdout);
    }
    Simulator::Destroy();
    return 0;
}
