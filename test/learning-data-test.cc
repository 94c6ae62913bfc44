/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Learning data: the IDX reader on the real Fashion-MNIST files and on
 * damaged copies, the synthetic generator, IID and Dirichlet partitions.
 */

#include "ns3/dirichlet-data-partitioner.h"
#include "ns3/double.h"
#include "ns3/idx-reader.h"
#include "ns3/iid-data-partitioner.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/synthetic-dataset-generator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sys/stat.h>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// \param path file \return whether it exists
bool
Exists(const std::string& path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

/// \param out bytes \param v big-endian 32-bit value to append
void
PutU32(std::vector<uint8_t>& out, uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
    {
        out.push_back(static_cast<uint8_t>(v >> shift));
    }
}

/// \param path file \param bytes contents to gzip-compress into it
void
WriteGz(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream file(path, std::ios::binary);
    boost::iostreams::filtering_ostream out;
    out.push(boost::iostreams::gzip_compressor());
    out.push(file);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

/// \param count header count \param rows rows \param cols cols \param actual images written
/// \return an IDX image file's bytes; pixel of image i at j is (i + j) % 256
std::vector<uint8_t>
Images(uint32_t count, uint32_t rows, uint32_t cols, uint32_t actual, uint32_t magic = 0x803)
{
    std::vector<uint8_t> b;
    PutU32(b, magic);
    PutU32(b, count);
    PutU32(b, rows);
    PutU32(b, cols);
    for (uint32_t i = 0; i < actual; ++i)
    {
        for (uint32_t j = 0; j < rows * cols; ++j)
        {
            b.push_back(static_cast<uint8_t>((i + j) % 256));
        }
    }
    return b;
}

/// \param labels the labels \param count header count \return an IDX label file's bytes
std::vector<uint8_t>
Labels(const std::vector<uint8_t>& labels, uint32_t count)
{
    std::vector<uint8_t> b;
    PutU32(b, 0x801);
    PutU32(b, count);
    b.insert(b.end(), labels.begin(), labels.end());
    return b;
}

/// \param data data \param shards shards \return mean over ES of the largest label share
double
MeanLargestLabelShare(const Dataset& data, const std::vector<std::vector<uint32_t>>& shards)
{
    double sum = 0.0;
    for (const auto& shard : shards)
    {
        const auto counts = data.CountLabels(shard);
        sum += double(*std::max_element(counts.begin(), counts.end())) / shard.size();
    }
    return sum / shards.size();
}

/// \param data data \param shards shards \param sizes expected sizes
void
ExpectDisjointWithSizes(const Dataset& data,
                        const std::vector<std::vector<uint32_t>>& shards,
                        const std::vector<uint32_t>& sizes)
{
    ASSERT_EQ(shards.size(), sizes.size());
    std::set<uint32_t> seen;
    for (std::size_t i = 0; i < shards.size(); ++i)
    {
        EXPECT_EQ(shards[i].size(), sizes[i]);
        for (uint32_t row : shards[i])
        {
            EXPECT_LT(row, data.GetNumSamples());
            EXPECT_TRUE(seen.insert(row).second) << "row " << row << " twice";
        }
    }
}

/// \param stream stream \return 10 classes x 1000 samples of 2 features
Dataset
LabelledData(int64_t stream)
{
    auto g = CreateObject<SyntheticDatasetGenerator>();
    g->SetAttribute("NumFeatures", UintegerValue(2));
    g->AssignStreams(stream);
    return g->Generate(10000);
}

} // namespace

TEST(IdxReader, ReadsTheFashionMnistHeaders)
{
    const std::string dir = FASHION_MNIST_DEFAULT_DIRECTORY;
    if (!Exists(dir + "/train-images-idx3-ubyte.gz"))
    {
        GTEST_SKIP() << "the Debian package dataset-fashion-mnist is not installed";
    }
    const FashionMnistReadResult r = ReadFashionMnist(dir, 1000, 500);
    ASSERT_TRUE(r.train && r.test) << r.error;
    EXPECT_EQ(r.trainSamplesInFile, 60000u);
    EXPECT_EQ(r.testSamplesInFile, 10000u);
    EXPECT_EQ(r.train->GetNumSamples(), 1000u);
    EXPECT_EQ(r.test->GetNumSamples(), 500u);
    EXPECT_EQ(r.train->GetNumFeatures(), 784u);
    EXPECT_EQ(r.train->numClasses, 10u);
    EXPECT_GE(r.train->features.minCoeff(), 0.0f);
    EXPECT_LE(r.train->features.maxCoeff(), 1.0f);
    EXPECT_EQ(r.train->features.maxCoeff(), 1.0f); // some pixel is 255
    const auto counts = r.train->CountLabels();
    for (uint32_t k = 0; k < 10; ++k)
    {
        EXPECT_GT(counts[k], 50u) << "label " << k; // ~100 each in the first 1000
    }
    // The first training label of Fashion-MNIST is 9 (ankle boot).
    EXPECT_EQ(r.train->labels[0], 9u);
}

TEST(IdxReader, ReadsAHandMadeFile)
{
    WriteGz("idx-good-images.gz", Images(3, 2, 2, 3));
    WriteGz("idx-good-labels.gz", Labels({2, 0, 1}, 3));
    const DatasetReadResult r = ReadIdxDataset("idx-good-images.gz", "idx-good-labels.gz", 3);
    ASSERT_TRUE(r.dataset) << r.error;
    EXPECT_EQ(r.dataset->GetNumSamples(), 3u);
    EXPECT_EQ(r.dataset->GetNumFeatures(), 4u);
    EXPECT_EQ(r.dataset->labels, (std::vector<uint32_t>{2, 0, 1}));
    EXPECT_FLOAT_EQ(r.dataset->features(2, 3), 5.0f / 255.0f);
    const DatasetReadResult limited =
        ReadIdxDataset("idx-good-images.gz", "idx-good-labels.gz", 3, 2);
    ASSERT_TRUE(limited.dataset) << limited.error;
    EXPECT_EQ(limited.dataset->GetNumSamples(), 2u);
    EXPECT_EQ(limited.samplesInFile, 3u);
}

TEST(IdxReader, RejectsDamagedFilesWithAMessageNamingThem)
{
    WriteGz("idx-labels.gz", Labels({1, 2, 3, 4}, 4));

    struct Case
    {
        std::string name;
        std::vector<uint8_t> images;
        bool gzip;
        std::string expected;
    };

    const std::vector<Case> cases{
        {"idx-truncated-images.gz", Images(4, 28, 28, 2), true, "truncated"},
        {"idx-truncated-header.gz", std::vector<uint8_t>{0, 0, 8, 3, 0}, true, "truncated"},
        {"idx-bad-magic.gz", Images(4, 28, 28, 4, 0x801), true, "magic"},
        {"idx-not-gzip.gz", Images(4, 28, 28, 4), false, "gzip"},
        {"idx-count-mismatch.gz", Images(5, 28, 28, 5), true, "holds 4 labels"},
    };
    for (const Case& c : cases)
    {
        if (c.gzip)
        {
            WriteGz(c.name, c.images);
        }
        else
        {
            std::ofstream(c.name, std::ios::binary)
                .write(reinterpret_cast<const char*>(c.images.data()), c.images.size());
        }
        const DatasetReadResult r = ReadIdxDataset(c.name, "idx-labels.gz", 10);
        EXPECT_FALSE(r.dataset) << c.name;
        EXPECT_NE(r.error.find(c.name), std::string::npos) << r.error;
        EXPECT_NE(r.error.find(c.expected), std::string::npos) << r.error;
        EXPECT_NE(r.error.find("install the Debian package dataset-fashion-mnist"),
                  std::string::npos)
            << r.error;
    }
    // A label out of range names the label file.
    WriteGz("idx-images.gz", Images(4, 2, 2, 4));
    const DatasetReadResult r = ReadIdxDataset("idx-images.gz", "idx-labels.gz", 4);
    EXPECT_FALSE(r.dataset);
    EXPECT_NE(r.error.find("idx-labels.gz: label 4"), std::string::npos) << r.error;
}

TEST(IdxReader, MissingDirectoryTellsToInstallThePackage)
{
    const FashionMnistReadResult r = ReadFashionMnist("no-such-directory");
    EXPECT_FALSE(r.train);
    EXPECT_FALSE(r.test);
    EXPECT_NE(r.error.find("no-such-directory/train-images-idx3-ubyte.gz"), std::string::npos)
        << r.error;
    EXPECT_NE(r.error.find("install the Debian package dataset-fashion-mnist"), std::string::npos)
        << r.error;
}

TEST(SyntheticDatasetGenerator, BalancedAndReproducible)
{
    Dataset sets[2];
    for (auto& set : sets)
    {
        auto g = CreateObject<SyntheticDatasetGenerator>();
        g->SetAttribute("NumClasses", UintegerValue(4));
        g->SetAttribute("NumFeatures", UintegerValue(3));
        g->AssignStreams(5);
        set = g->Generate(100);
    }
    EXPECT_EQ(sets[0].features, sets[1].features);
    EXPECT_EQ(sets[0].labels, sets[1].labels);
    EXPECT_EQ(sets[0].CountLabels(), (std::vector<uint32_t>{25, 25, 25, 25}));
    EXPECT_EQ(sets[0].GetNumFeatures(), 3u);
}

TEST(DataPartitioner, IidIsDisjointReproducibleAndUnskewed)
{
    const Dataset data = LabelledData(1);
    const std::vector<uint32_t> sizes(20, 100);
    std::vector<std::vector<uint32_t>> runs[3];
    for (int i = 0; i < 3; ++i)
    {
        auto p = CreateObject<IidDataPartitioner>();
        p->AssignStreams(i < 2 ? 3 : 4);
        runs[i] = p->Partition(data, sizes);
        ExpectDisjointWithSizes(data, runs[i], sizes);
    }
    EXPECT_EQ(runs[0], runs[1]);
    EXPECT_NE(runs[0], runs[2]);
    EXPECT_LT(MeanLargestLabelShare(data, runs[0]), 0.25);
}

TEST(DataPartitioner, DirichletSkewGrowsAsAlphaShrinks)
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    const Dataset data = LabelledData(2);
    const std::vector<uint32_t> sizes(20, 100);
    double share[3];
    const double alphas[3] = {100.0, 1.0, 0.1};
    for (int i = 0; i < 3; ++i)
    {
        auto p = CreateObject<DirichletDataPartitioner>();
        p->SetAttribute("Alpha", DoubleValue(alphas[i]));
        p->AssignStreams(10);
        const auto shards = p->Partition(data, sizes);
        ExpectDisjointWithSizes(data, shards, sizes);
        share[i] = MeanLargestLabelShare(data, shards);
    }
    // IID share is ~0.18 (max of 10 counts of Binomial(100, 0.1)), Dir(1) ~0.3
    // (E max = H_10 / 10 = 0.29, plus sampling noise); Dir(0.1)
    // puts most of an ES's samples on one label (expected largest share ~0.7).
    EXPECT_LT(share[0], 0.25);
    EXPECT_GT(share[1], share[0] + 0.05);
    EXPECT_GT(share[2], share[1] + 0.1);
    EXPECT_GT(share[2], 0.5);
}

TEST(DataPartitioner, DirichletUsesEverySampleWhenLabelsRunOut)
{
    const Dataset data = LabelledData(3);
    const std::vector<uint32_t> sizes{5000, 2500, 2000, 499, 1};
    auto p = CreateObject<DirichletDataPartitioner>();
    p->SetAttribute("Alpha", DoubleValue(0.01));
    p->AssignStreams(20);
    const auto shards = p->Partition(data, sizes);
    ExpectDisjointWithSizes(data, shards, sizes);
}
