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
 * uniformly. Missing or damaged data files: one line on stderr, exit status 1.
 */

#include "ns3/command-line.h"
#include "ns3/double.h"
#include "ns3/idx-reader.h"
#include "ns3/learning-model.h"
#include "ns3/local-trainer.h"
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
    cmd.Parse(argc, argv);

    if (epochs == 0 || batchSize == 0 || !(learningRate > 0.0) || !(l2 >= 0.0))
    {
        std::cerr << "edge-dml-centralised-sgd: epochs and batchSize must be at least 1, "
                     "learningRate positive and l2 non-negative\n";
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
    auto trainer = CreateObject<LocalTrainer>();
    trainer->SetAttribute("LocalSteps", UintegerValue((n + batchSize - 1) / batchSize));
    trainer->SetAttribute("BatchSize", UintegerValue(batchSize));
    trainer->SetAttribute("LearningRate", DoubleValue(learningRate));
    trainer->AssignStreams(2);
    const std::vector<uint32_t> rows = data.train->AllRows();

    std::cout << "model=" << model << " parameters=" << learner->GetNumParameters()
              << " update_bytes=" << learner->GetSerializedSize() << std::endl;
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
