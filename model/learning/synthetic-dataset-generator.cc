/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "synthetic-dataset-generator.h"

#include "ns3/double.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(SyntheticDatasetGenerator);

TypeId
SyntheticDatasetGenerator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::SyntheticDatasetGenerator")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<SyntheticDatasetGenerator>()
            .AddAttribute("NumClasses",
                          "Number of classes (Gaussian clusters).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&SyntheticDatasetGenerator::m_numClasses),
                          MakeUintegerChecker<uint32_t>(2, 1000))
            .AddAttribute("NumFeatures",
                          "Number of features per sample.",
                          UintegerValue(20),
                          MakeUintegerAccessor(&SyntheticDatasetGenerator::m_numFeatures),
                          MakeUintegerChecker<uint32_t>(1, 100000))
            .AddAttribute("NumSamples",
                          "Samples drawn by Generate() when it is given 0.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&SyntheticDatasetGenerator::m_numSamples),
                          MakeUintegerChecker<uint32_t>(1, 10000000))
            .AddAttribute("Separation",
                          "Standard deviation of each coordinate of the class means "
                          "(larger: classes further apart, easier).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&SyntheticDatasetGenerator::m_separation),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("NoiseStdDev",
                          "Standard deviation of each feature around its class mean.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&SyntheticDatasetGenerator::m_noiseStdDev),
                          MakeDoubleChecker<double>(0.0, 1e6));
    return tid;
}

SyntheticDatasetGenerator::SyntheticDatasetGenerator()
    : m_normal(CreateObject<NormalRandomVariable>())
{
    m_normal->SetAttribute("Mean", DoubleValue(0.0));
    m_normal->SetAttribute("Variance", DoubleValue(1.0));
}

SyntheticDatasetGenerator::~SyntheticDatasetGenerator() = default;

void
SyntheticDatasetGenerator::DoDispose()
{
    m_normal = nullptr;
    Object::DoDispose();
}

int64_t
SyntheticDatasetGenerator::AssignStreams(int64_t stream)
{
    m_normal->SetStream(stream);
    return 1;
}

Dataset
SyntheticDatasetGenerator::Generate(uint32_t numSamples)
{
    const uint32_t n = numSamples > 0 ? numSamples : m_numSamples;
    if (m_means.rows() != m_numClasses || m_means.cols() != m_numFeatures)
    {
        m_means.resize(m_numClasses, m_numFeatures);
        for (uint32_t k = 0; k < m_numClasses; ++k)
        {
            for (uint32_t f = 0; f < m_numFeatures; ++f)
            {
                m_means(k, f) = m_separation * m_normal->GetValue();
            }
        }
    }
    Dataset data;
    data.numClasses = m_numClasses;
    data.features.resize(n, m_numFeatures);
    data.labels.resize(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        const uint32_t k = i % m_numClasses;
        data.labels[i] = k;
        for (uint32_t f = 0; f < m_numFeatures; ++f)
        {
            data.features(i, f) =
                static_cast<float>(m_means(k, f) + m_noiseStdDev * m_normal->GetValue());
        }
    }
    return data;
}

} // namespace edgedml
} // namespace ns3
