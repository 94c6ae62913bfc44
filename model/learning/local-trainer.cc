/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-trainer.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(LocalTrainer);

TypeId
LocalTrainer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::LocalTrainer")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<LocalTrainer>()
            .AddAttribute("LocalSteps",
                          "tau: local SGD steps per round.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&LocalTrainer::m_localSteps),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("BatchSize",
                          "b: samples per SGD step (full batch when at least the worker's "
                          "number of samples).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&LocalTrainer::m_batchSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("LearningRate",
                          "eta: SGD step size (dimensionless).",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&LocalTrainer::m_learningRate),
                          MakeDoubleChecker<double>(0.0, 1e6));
    return tid;
}

LocalTrainer::LocalTrainer()
    : m_localSteps(1),
      m_batchSize(64),
      m_learningRate(0.1),
      m_uniform(CreateObject<UniformRandomVariable>())
{
}

LocalTrainer::~LocalTrainer() = default;

void
LocalTrainer::DoDispose()
{
    m_uniform = nullptr;
    Object::DoDispose();
}

uint32_t
LocalTrainer::GetLocalSteps() const
{
    return m_localSteps;
}

uint32_t
LocalTrainer::GetBatchSize() const
{
    return m_batchSize;
}

double
LocalTrainer::GetLearningRate() const
{
    return m_learningRate;
}

int64_t
LocalTrainer::AssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

LocalTrainingResult
LocalTrainer::Train(LearningModel& model,
                    const Eigen::VectorXd& start,
                    const Dataset& data,
                    const std::vector<uint32_t>& rows)
{
    NS_ABORT_MSG_IF(rows.empty(), "LocalTrainer::Train: the worker has no samples");
    LocalTrainingResult result;
    model.SetParameters(start);
    const bool fullBatch = m_batchSize >= rows.size();
    std::vector<uint32_t> pool = fullBatch ? std::vector<uint32_t>() : rows;
    std::vector<uint32_t> batch;
    Eigen::VectorXd gradient;
    Eigen::VectorXd w = start;
    for (uint32_t step = 0; step < m_localSteps; ++step)
    {
        if (!fullBatch)
        {
            // Partial Fisher-Yates: the first b entries become a uniform sample.
            const auto n = static_cast<uint32_t>(pool.size());
            for (uint32_t j = 0; j < m_batchSize; ++j)
            {
                std::swap(pool[j], pool[m_uniform->GetInteger(j, n - 1)]);
            }
            batch.assign(pool.begin(), pool.begin() + m_batchSize);
        }
        const std::vector<uint32_t>& use = fullBatch ? rows : batch;
        result.lastBatchLoss = model.LossAndGradient(data, use, gradient);
        w -= m_learningRate * gradient;
        model.SetParameters(w);
        result.samplesProcessed += use.size();
    }
    result.parameters = std::move(w);
    return result;
}

} // namespace edgedml
} // namespace ns3
