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
 * Bad option values, and missing or damaged data files: one line on stderr
 * naming the option, exit status 2.
 */

#include "command-line-checks.h"

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
    CommandLineChecks check("edge-dml-centralised-sgd");
    cmd.Usage("Centralised mini-batch SGD on Fashion-MNIST; prints test accuracy and loss and "
              "the wall time per epoch.");
    check.AddString(cmd, "model", "LogisticRegression or Mlp (or a TypeId name)", model);
    check.AddInteger(cmd, "epochs", "number of epochs", epochs, 1, 100000);
    check.AddInteger(cmd, "batchSize", "samples per SGD step", batchSize, 1, 1000000);
    check.AddPositive(cmd, "learningRate", "SGD step size", learningRate, 1e6);
    check.AddDouble(cmd, "l2", "L2 regularisation coefficient lambda", l2, 0.0, 1e6);
    check.AddInteger(cmd, "hiddenUnits", "hidden units of the Mlp model", hiddenUnits, 1, 100000);
    check.AddString(cmd, "dataDir", "directory of the Fashion-MNIST IDX .gz files", dataDir);
    check.AddInteger(cmd,
                     "trainLimit",
                     "read at most this many training samples (0: all)",
                     trainLimit,
                     0,
                     60000);
    check.AddInteger(cmd,
                     "testLimit",
                     "read at most this many test samples (0: all)",
                     testLimit,
                     0,
                     10000);
    check.AddInteger(cmd,
                     "workers",
                     "federated averaging over this many workers (0: centralised)",
                     workers,
                     0,
                     60000);
    check.AddInteger(cmd,
                     "localSteps",
                     "federated: SGD steps per worker and round",
                     localSteps,
                     1,
                     1000000);
    check.AddInteger(cmd, "rounds", "federated: number of rounds", rounds, 1, 10000000);
    check.AddInteger(cmd,
                     "printEvery",
                     "federated: print every this many rounds",
                     printEvery,
                     1,
                     10000000);
    check.AddDouble(cmd,
                    "alpha",
                    "federated: Dirichlet alpha of the split (0: IID, else >= 0.001)",
                    alpha,
                    0.0,
                    1e6);
    check.Parse(cmd, argc, argv);

    if (alpha > 0.0)
    {
        check.AtLeast("alpha", alpha, 1e-3, "0 for IID, else at least 0.001");
    }
    const std::string typeName = LearningModelTypeName(model);
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(typeName, &tid) ||
        !tid.IsChildOf(LearningModel::GetTypeId()) || !tid.HasConstructor())
    {
        check.Fail("--model=" + model +
                   " is invalid: use LogisticRegression or Mlp (or the "
                   "TypeId name of a subclass of ns3::edgedml::LearningModel)");
    }

    const auto readStart = std::chrono::steady_clock::now();
    const FashionMnistReadResult data = ReadFashionMnist(dataDir, trainLimit, testLimit);
    if (!data.train)
    {
        check.Fail("--dataDir=" + dataDir + " is invalid: " + data.error);
    }
    const double readS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - readStart).count();
    const uint32_t n = data.train->GetNumSamples();
    if (workers > n)
    {
        check.Fail("--workers=" + std::to_string(workers) + " is invalid: more than the " +
                   std::to_string(n) + " training samples read (--trainLimit)");
    }
    std::cout << "read train=" << n << " test=" << data.test->GetNumSamples() << " read_s=" << readS
              << std::endl;

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
