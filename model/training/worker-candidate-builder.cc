/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-candidate-builder.h"

#include "worker-application.h"

#include "ns3/edge-server.h"
#include "ns3/learning-model.h"
#include "ns3/object-factory.h"

namespace ns3
{
namespace edgedml
{

Ptr<LearningModel>
CopyLearningModel(Ptr<const LearningModel> model)
{
    ObjectFactory factory;
    factory.SetTypeId(model->GetInstanceTypeId());
    for (TypeId tid = model->GetInstanceTypeId(); tid != Object::GetTypeId(); tid = tid.GetParent())
    {
        for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
        {
            const TypeId::AttributeInformation info = tid.GetAttribute(i);
            if ((info.flags & TypeId::ATTR_GET) && (info.flags & TypeId::ATTR_CONSTRUCT))
            {
                Ptr<AttributeValue> value = info.checker->Create();
                model->GetAttribute(info.name, *value);
                factory.Set(info.name, *value);
            }
        }
    }
    return factory.Create<LearningModel>();
}

void
WorkerCandidateBuilder::SetModel(Ptr<LearningModel> model)
{
    m_model = model;
    m_evaluator = nullptr;
}

void
WorkerCandidateBuilder::SetSuccessProbability(uint32_t worker, double probability)
{
    m_successProbability[worker] = probability;
}

std::vector<WorkerCandidate>
WorkerCandidateBuilder::Build(const std::map<uint32_t, Ptr<EdgeServer>>& workers,
                              const std::map<uint32_t, Ptr<WorkerApplication>>& apps,
                              const std::set<uint32_t>& eligible,
                              const Eigen::VectorXd& parameters)
{
    std::vector<WorkerCandidate> candidates;
    candidates.reserve(workers.size());
    const uint64_t build = ++m_builds;
    for (const auto& [id, server] : workers)
    {
        WorkerCandidate c;
        c.id = id;
        c.eligible = eligible.count(id) > 0;
        c.samples = server->GetSamples();
        const auto o = m_successProbability.find(id);
        c.successProbability = o == m_successProbability.end() ? 1.0 : o->second;
        const auto app = apps.find(id);
        if (app != apps.end() && app->second->GetDataset())
        {
            Ptr<WorkerApplication> worker = app->second;
            auto shares = m_labelShares.find(id);
            if (shares == m_labelShares.end())
            {
                const std::vector<uint32_t> counts =
                    worker->GetDataset()->CountLabels(worker->GetRows());
                std::vector<double> s(counts.size(), 0.0);
                const double total = static_cast<double>(worker->GetRows().size());
                for (std::size_t y = 0; y < counts.size(); ++y)
                {
                    s[y] = counts[y] / total;
                }
                shares = m_labelShares.emplace(id, std::move(s)).first;
            }
            c.labelShares = shares->second;
            if (m_model && c.eligible)
            {
                c.localLoss = [this, worker, &parameters, build]() {
                    if (!m_evaluator)
                    {
                        m_evaluator = CopyLearningModel(m_model);
                    }
                    if (m_evaluatedBuild != build)
                    {
                        m_evaluator->SetParameters(parameters);
                        m_evaluatedBuild = build;
                    }
                    return m_evaluator->Loss(*worker->GetDataset(), worker->GetRows());
                };
            }
        }
        candidates.push_back(std::move(c));
    }
    return candidates;
}

void
WorkerCandidateBuilder::Clear()
{
    m_model = nullptr;
    m_evaluator = nullptr;
}

} // namespace edgedml
} // namespace ns3
