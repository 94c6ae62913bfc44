/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_DATASET_H
#define EDGE_DML_DATASET_H

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Feature storage: one sample per row, row-major, single precision.
 *
 * Single precision halves the memory of Fashion-MNIST (60,000 x 784 floats,
 * about 188 MB); the models convert the rows they use to double precision, so
 * all arithmetic is in double.
 */
using FeatureMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/**
 * \ingroup edge-dml
 * \brief Row-major double-precision matrix (a batch of samples, per-sample scores).
 */
using BatchMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/**
 * \ingroup edge-dml
 * \brief A labelled data set for classification.
 *
 * A subset of the samples (an ES's shard, a mini-batch) is a list of row
 * indices into one Dataset; the data themselves are never copied per ES.
 */
struct Dataset
{
    FeatureMatrix features;       //!< samples x features (Fashion-MNIST: pixels scaled to [0, 1])
    std::vector<uint32_t> labels; //!< one label per sample, in [0, numClasses)
    uint32_t numClasses{0};       //!< number of classes

    /// \return the number of samples
    uint32_t GetNumSamples() const
    {
        return static_cast<uint32_t>(labels.size());
    }

    /// \return the number of features per sample
    uint32_t GetNumFeatures() const
    {
        return static_cast<uint32_t>(features.cols());
    }

    /**
     * \brief Count the samples of each label.
     * \return numClasses counts over all samples
     */
    std::vector<uint32_t> CountLabels() const;

    /**
     * \brief Count the samples of each label among some samples.
     * \param rows the sample indices to count (none: all counts zero)
     * \return numClasses counts
     */
    std::vector<uint32_t> CountLabels(const std::vector<uint32_t>& rows) const;

    /**
     * \brief Indices 0 .. N-1 of all samples.
     * \return the list of all row indices
     */
    std::vector<uint32_t> AllRows() const;
};

/**
 * \brief Copy some samples into a double-precision batch.
 * \param data the data set
 * \param rows the sample indices
 * \param begin first position in rows to copy
 * \param end one past the last position in rows to copy
 * \param[out] x the features, (end - begin) x features
 * \param[out] y the labels
 */
void GatherBatch(const Dataset& data,
                 const std::vector<uint32_t>& rows,
                 std::size_t begin,
                 std::size_t end,
                 BatchMatrix& x,
                 std::vector<uint32_t>& y);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_DATASET_H
