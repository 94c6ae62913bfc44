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
 * batchSize, learningRate and localSteps are the LocalTrainer's attributes,
 * l2 and hiddenUnits the model's. Bad option values, and missing or damaged
 * data files: one line on stderr naming the option, exit status 2.
 */

#include "program-options.h"

#include "ns3/bounded-checkers.h"
#include "ns3/derived-type-name.h"
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
    std::string dataDir = FASHION_MNIST_DEFAULT_DIRECTORY;
    uint32_t trainLimit = 0;
    uint32_t testLimit = 0;
    uint32_t workers = 0;
    uint32_t rounds = 100;
    uint32_t printEvery = 10;
    double alpha = 0.0;

    ProgramOptions options("edge-dml-centralised-sgd",
                           "Centralised mini-batch SGD on Fashion-MNIST; prints test accuracy "
                           "and loss and the wall time per epoch.");
    options.AddValue("model",
                     "The learning model: a short name or the TypeId name of a LearningModel "
                     "subclass.",
                     model,
                     MakeDerivedTypeNameChecker<LearningModel>());
    options.AddValue("epochs",
                     "Number of epochs.",
                     epochs,
                     MakeUintegerChecker<uint32_t>(1, 100000));
    // The trainer's and the model's knobs: their attributes.
    options.AddAttribute("batchSize", "ns3::edgedml::LocalTrainer::BatchSize");
    options.AddAttribute("learningRate", "ns3::edgedml::LocalTrainer::LearningRate");
    options.AddAttribute("l2", "ns3::edgedml::LearningModel::L2Regularisation");
    options.AddAttribute("hiddenUnits", "ns3::edgedml::MlpModel::HiddenUnits");
    options.AddValue("dataDir",
                     "Directory of the Fashion-MNIST IDX .gz files.",
                     dataDir,
                     MakeNonEmptyTextChecker());
    options.AddValue("trainLimit",
                     "Read at most this many training samples (0: all).",
                     trainLimit,
                     MakeUintegerChecker<uint32_t>(0, 60000));
    options.AddValue("testLimit",
                     "Read at most this many test samples (0: all).",
                     testLimit,
                     MakeUintegerChecker<uint32_t>(0, 10000));
    options.AddValue("workers",
                     "Federated averaging over this many workers (0: centralised).",
                     workers,
                     MakeUintegerChecker<uint32_t>(0, 60000));
    options.AddAttribute("localSteps", "ns3::edgedml::LocalTrainer::LocalSteps");
    options.AddValue("rounds",
                     "Federated: number of rounds.",
                     rounds,
                     MakeUintegerChecker<uint32_t>(1, 10000000));
    options.AddValue("printEvery",
                     "Federated: print every this many rounds.",
                     printEvery,
                     MakeUintegerChecker<uint32_t>(1, 10000000));
    TypeId::AttributeInformation dirichlet;
    DirichletDataPartitioner::GetTypeId().LookupAttributeByName("Alpha", &dirichlet);
    options.AddValue("alpha",
                     "Federated: Dirichlet alpha of the split (0: IID).",
                     alpha,
                     MakeZeroOrDoubleChecker(dirichlet.checker));
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }
    TypeId tid;
    std::string error;
    LookupDerivedTypeId(model, LearningModel::GetTypeId(), tid, error);

    const auto readStart = std::chrono::steady_clock::now();
    const FashionMnistReadResult data = ReadFashionMnist(dataDir, trainLimit, testLimit);
    if (!data.train)
    {
        return options.Fail("--dataDir=" + dataDir + " is invalid: " + data.error);
    }
    const double readS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - readStart).count();
    const uint32_t n = data.train->GetNumSamples();
    if (workers > n)
    {
        return options.Fail("--workers=" + std::to_string(workers) + " is invalid: more than the " +
                            std::to_string(n) + " training samples read (--trainLimit)");
    }
    std::cout << "read train=" << n << " test=" << data.test->GetNumSamples() << " read_s=" << readS
              << std::endl;

    ObjectFactory factory;
    factory.SetTypeId(tid);
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
    // An epoch: ceil(n / b) steps of b samples.
    auto trainer = CreateObject<LocalTrainer>();
    const uint64_t batchSize = options.GetInteger("batchSize");
    trainer->SetAttribute("LocalSteps", UintegerValue((n + batchSize - 1) / batchSize));
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
