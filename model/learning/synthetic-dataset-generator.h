/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_SYNTHETIC_DATASET_GENERATOR_H
#define EDGE_DML_SYNTHETIC_DATASET_GENERATOR_H

#include "dataset.h"

#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Gaussian class clusters for fast learning tests.
 *
 * Class k has a mean vector mu_k whose coordinates are drawn once (at the
 * first Generate call) from N(0, Separation^2); a sample of class k is
 * mu_k + N(0, NoiseStdDev^2) per feature. Labels cycle 0, 1, ..., K-1, so the
 * classes are balanced. Every later Generate call draws new samples around
 * the same means, so a training set and a test set come from one generator.
 * Reproducible: same seed, run and AssignStreams => the same data.
 */
class SyntheticDatasetGenerator : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SyntheticDatasetGenerator();
    ~SyntheticDatasetGenerator() override;

    /**
     * \brief Draw a data set.
     * \param numSamples number of samples (0: the NumSamples attribute)
     * \return numSamples samples, NumFeatures features, NumClasses classes
     */
    Dataset Generate(uint32_t numSamples = 0);

    /**
     * \brief Use fixed random streams.
     * \param stream first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    uint32_t m_numClasses;              //!< number of classes
    uint32_t m_numFeatures;             //!< number of features
    uint32_t m_numSamples;              //!< default number of samples
    double m_separation;                //!< standard deviation of the class means
    double m_noiseStdDev;               //!< standard deviation around a class mean
    Ptr<NormalRandomVariable> m_normal; //!< N(0, 1) draws
    Eigen::MatrixXd m_means;            //!< classes x features, drawn at first use
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_SYNTHETIC_DATASET_GENERATOR_H
