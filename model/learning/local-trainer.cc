/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-trainer.h"

#include "ns3/abort.h"
#include "ns3/bounded-checkers.h"
#include "ns3/double.h"
#include "ns3/uinteger.h"

#include <algorithm>

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
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("BatchSize",
                          "b: samples per SGD step (full batch when at least the worker's "
                          "number of samples).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&LocalTrainer::m_batchSize),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("LearningRate",
                          "eta: SGD step size (dimensionless, > 0).",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&LocalTrainer::m_learningRate),
                          MakePositiveDoubleChecker(1e6));
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

uint64_t
LocalTrainer::GetSamplesPerUpdate(const std::vector<uint32_t>& rows) const
{
    const uint64_t perStep = std::min<uint64_t>(m_batchSize, rows.size());
    return perStep * m_localSteps;
}

LocalTrainer::Batches
LocalTrainer::DrawBatches(const std::vector<uint32_t>& rows)
{
    NS_ABORT_MSG_IF(rows.empty(), "LocalTrainer: the worker has no samples");
    Batches batches;
    batches.reserve(m_localSteps);
    if (m_batchSize >= rows.size())
    {
        batches.assign(m_localSteps, rows);
        return batches;
    }
    std::vector<uint32_t> pool = rows;
    const auto n = static_cast<uint32_t>(pool.size());
    for (uint32_t step = 0; step < m_localSteps; ++step)
    {
        // Partial Fisher-Yates: the first b entries become a uniform sample.
        for (uint32_t j = 0; j < m_batchSize; ++j)
        {
            std::swap(pool[j], pool[m_uniform->GetInteger(j, n - 1)]);
        }
        batches.emplace_back(pool.begin(), pool.begin() + m_batchSize);
    }
    return batches;
}

LocalTrainingResult
LocalTrainer::RunSteps(const LearningModel& model,
                       const Eigen::VectorXd& start,
                       const Dataset& data,
                       const Batches& batches)
{
    LocalTrainingResult result;
    result.parameters = start;
    result.lastBatchLoss =
        model.SgdSteps(result.parameters, data, batches, m_learningRate, m_workspace);
    for (const auto& batch : batches)
    {
        result.samplesProcessed += batch.size();
    }
    return result;
}

LocalTrainingResult
LocalTrainer::Train(LearningModel& model,
                    const Eigen::VectorXd& start,
                    const Dataset& data,
                    const std::vector<uint32_t>& rows)
{
    LocalTrainingResult result = RunSteps(model, start, data, DrawBatches(rows));
    model.SetParameters(result.parameters);
    return result;
}

bool
LocalTrainer::LastUpdateUsedDualForm() const
{
    return m_workspace.lastCallDual;
}

} // namespace edgedml
} // namespace ns3
