/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "worker-selector.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(WorkerSelector);
NS_OBJECT_ENSURE_REGISTERED(AllAvailableSelector);
NS_OBJECT_ENSURE_REGISTERED(RankingWorkerSelector);
NS_OBJECT_ENSURE_REGISTERED(BestChannelSelector);
NS_OBJECT_ENSURE_REGISTERED(LargestDataSelector);
NS_OBJECT_ENSURE_REGISTERED(DataValueSelector);

TypeId
WorkerSelector::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::WorkerSelector")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddAttribute("K",
                          "Workers selected per round, in workers (0: every eligible worker; "
                          "fewer when fewer are eligible). Ignored when a Ramp is set.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&WorkerSelector::m_k),
                          MakeUintegerChecker<uint32_t>(0, 1000000))
            .AddAttribute("Ramp",
                          "Per-round number of workers (a WorkerRamp; null: the attribute K).",
                          PointerValue(),
                          MakePointerAccessor(&WorkerSelector::m_ramp),
                          MakePointerChecker<WorkerRamp>());
    return tid;
}

WorkerSelector::WorkerSelector()
    : m_k(0)
{
}

WorkerSelector::~WorkerSelector() = default;

void
WorkerSelector::DoDispose()
{
    m_ramp = nullptr;
    Object::DoDispose();
}

uint32_t
WorkerSelector::GetK(uint32_t round) const
{
    return m_ramp ? m_ramp->GetWorkers(round) : m_k;
}

std::vector<uint32_t>
WorkerSelector::Select(uint32_t round, const std::vector<WorkerCandidate>& candidates)
{
    std::vector<const WorkerCandidate*> eligible;
    for (const auto& c : candidates)
    {
        if (c.eligible)
        {
            eligible.push_back(&c);
        }
    }
    std::sort(eligible.begin(), eligible.end(), [](const auto* a, const auto* b) {
        return a->id < b->id;
    });
    if (eligible.empty())
    {
        return {};
    }
    const uint32_t n = static_cast<uint32_t>(eligible.size());
    const uint32_t k = GetK(round) == 0 ? n : std::min(GetK(round), n);
    std::vector<uint32_t> selected = DoSelect(round, k, eligible, candidates);
    std::sort(selected.begin(), selected.end());
    NS_ABORT_MSG_IF(std::adjacent_find(selected.begin(), selected.end()) != selected.end(),
                    GetInstanceTypeId().GetName() << " selected a worker twice");
    std::set<uint32_t> eligibleIds;
    for (const auto* c : eligible)
    {
        eligibleIds.insert(c->id);
    }
    for (uint32_t id : selected)
    {
        NS_ABORT_MSG_UNLESS(eligibleIds.count(id) > 0,
                            GetInstanceTypeId().GetName()
                                << " selected worker " << id << ", which is not eligible");
    }
    return selected;
}

int64_t
WorkerSelector::AssignStreams(int64_t stream)
{
    return DoAssignStreams(stream);
}

int64_t
WorkerSelector::DoAssignStreams(int64_t /* stream */)
{
    return 0;
}

TypeId
AllAvailableSelector::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::AllAvailableSelector")
                            .SetParent<WorkerSelector>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<AllAvailableSelector>();
    return tid;
}

std::vector<uint32_t>
AllAvailableSelector::DoSelect(uint32_t /* round */,
                               uint32_t /* k */,
                               const std::vector<const WorkerCandidate*>& eligible,
                               const std::vector<WorkerCandidate>& /* all */)
{
    std::vector<uint32_t> ids;
    for (const auto* c : eligible)
    {
        ids.push_back(c->id);
    }
    return ids;
}

TypeId
RankingWorkerSelector::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::RankingWorkerSelector")
                            .SetParent<WorkerSelector>()
                            .SetGroupName("EdgeDml");
    return tid;
}

std::vector<uint32_t>
RankingWorkerSelector::DoSelect(uint32_t /* round */,
                                uint32_t k,
                                const std::vector<const WorkerCandidate*>& eligible,
                                const std::vector<WorkerCandidate>& all)
{
    const std::vector<double> score = DoScore(eligible, all);
    NS_ABORT_MSG_UNLESS(score.size() == eligible.size(), "one score per eligible worker");
    std::vector<std::size_t> order(eligible.size());
    std::iota(order.begin(), order.end(), 0);
    // eligible is by ascending id, so a stable sort breaks ties to the lower id.
    std::stable_sort(order.begin(), order.end(), [&score](std::size_t a, std::size_t b) {
        return score[a] > score[b];
    });
    std::vector<uint32_t> ids;
    for (uint32_t j = 0; j < k; ++j)
    {
        ids.push_back(eligible[order[j]]->id);
    }
    return ids;
}

TypeId
BestChannelSelector::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::BestChannelSelector")
                            .SetParent<RankingWorkerSelector>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<BestChannelSelector>();
    return tid;
}

std::vector<double>
BestChannelSelector::DoScore(const std::vector<const WorkerCandidate*>& eligible,
                             const std::vector<WorkerCandidate>& /* all */)
{
    std::vector<double> score;
    for (const auto* c : eligible)
    {
        score.push_back(c->successProbability);
    }
    return score;
}

TypeId
LargestDataSelector::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::LargestDataSelector")
                            .SetParent<RankingWorkerSelector>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<LargestDataSelector>();
    return tid;
}

std::vector<double>
LargestDataSelector::DoScore(const std::vector<const WorkerCandidate*>& eligible,
                             const std::vector<WorkerCandidate>& /* all */)
{
    std::vector<double> score;
    for (const auto* c : eligible)
    {
        score.push_back(static_cast<double>(c->samples));
    }
    return score;
}

TypeId
DataValueSelector::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::DataValueSelector")
            .SetParent<RankingWorkerSelector>()
            .SetGroupName("EdgeDml")
            .AddConstructor<DataValueSelector>()
            .AddAttribute("LossWeight",
                          "Weight of the local training loss F_i(W_t) / max_j F_j(W_t) "
                          "(dimensionless).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&DataValueSelector::m_lossWeight),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("GapWeight",
                          "Weight of the generalisation-gap proxy sqrt(s_min / s_i), subtracted "
                          "(dimensionless).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&DataValueSelector::m_gapWeight),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("RepresentativenessWeight",
                          "Weight of 1 - TV(p_i, p), how close the worker's label distribution "
                          "is to that of all workers' data (dimensionless).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&DataValueSelector::m_representativenessWeight),
                          MakeDoubleChecker<double>(0.0, 1e6));
    return tid;
}

DataValueSelector::DataValueSelector()
    : m_lossWeight(1.0),
      m_gapWeight(1.0),
      m_representativenessWeight(1.0)
{
}

std::vector<double>
DataValueSelector::DoScore(const std::vector<const WorkerCandidate*>& eligible,
                           const std::vector<WorkerCandidate>& all)
{
    const std::size_t n = eligible.size();
    std::vector<double> loss(n, 0.0);
    double maxLoss = 0.0;
    if (m_lossWeight > 0.0)
    {
        for (std::size_t j = 0; j < n; ++j)
        {
            loss[j] = eligible[j]->localLoss ? eligible[j]->localLoss() : 0.0;
            maxLoss = std::max(maxLoss, loss[j]);
        }
    }
    double minSamples = 0.0;
    for (std::size_t j = 0; j < n; ++j)
    {
        const double s = std::max(1.0, static_cast<double>(eligible[j]->samples));
        minSamples = j == 0 ? s : std::min(minSamples, s);
    }
    // Label distribution of all registered workers' data together.
    std::vector<double> global;
    double totalSamples = 0.0;
    for (const auto& c : all)
    {
        if (global.size() < c.labelShares.size())
        {
            global.resize(c.labelShares.size(), 0.0);
        }
        for (std::size_t y = 0; y < c.labelShares.size(); ++y)
        {
            global[y] += c.samples * c.labelShares[y];
        }
        totalSamples += c.samples;
    }
    for (double& g : global)
    {
        g = totalSamples > 0.0 ? g / totalSamples : 0.0;
    }
    std::vector<double> score(n, 0.0);
    for (std::size_t j = 0; j < n; ++j)
    {
        const WorkerCandidate& c = *eligible[j];
        double tv = 0.0;
        for (std::size_t y = 0; y < global.size(); ++y)
        {
            const double share = y < c.labelShares.size() ? c.labelShares[y] : 0.0;
            tv += std::abs(share - global[y]);
        }
        tv *= 0.5;
        const double gap = std::sqrt(minSamples / std::max(1.0, static_cast<double>(c.samples)));
        score[j] = (maxLoss > 0.0 ? m_lossWeight * loss[j] / maxLoss : 0.0) - m_gapWeight * gap +
                   m_representativenessWeight * (1.0 - tv);
    }
    return score;
}

} // namespace edgedml
} // namespace ns3
