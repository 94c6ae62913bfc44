/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "random-worker-selectors.h"

#include "ns3/uinteger.h"

#include <algorithm>
#include <numeric>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(RandomKSelector);
NS_OBJECT_ENSURE_REGISTERED(PowerOfChoiceSelector);

namespace
{

/**
 * \param uniform the draws
 * \param n items
 * \return an index uniform in [0, n)
 */
uint32_t
UniformIndex(Ptr<UniformRandomVariable> uniform, uint32_t n)
{
    return std::min<uint32_t>(
        n - 1,
        static_cast<uint32_t>(uniform->GetValue(0.0, static_cast<double>(n))));
}

} // namespace

TypeId
RandomKSelector::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::RandomKSelector")
                            .SetParent<WorkerSelector>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<RandomKSelector>();
    return tid;
}

RandomKSelector::RandomKSelector()
    : m_uniform(CreateObject<UniformRandomVariable>())
{
}

void
RandomKSelector::DoDispose()
{
    m_uniform = nullptr;
    WorkerSelector::DoDispose();
}

std::vector<uint32_t>
RandomKSelector::DoSelect(uint32_t /* round */,
                          uint32_t k,
                          const std::vector<const WorkerCandidate*>& eligible,
                          const std::vector<WorkerCandidate>& /* all */)
{
    std::vector<uint32_t> ids;
    for (const auto* c : eligible)
    {
        ids.push_back(c->id);
    }
    const uint32_t n = static_cast<uint32_t>(ids.size());
    for (uint32_t j = 0; j < k; ++j)
    {
        std::swap(ids[j], ids[j + UniformIndex(m_uniform, n - j)]);
    }
    ids.resize(k);
    return ids;
}

int64_t
RandomKSelector::DoAssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

TypeId
PowerOfChoiceSelector::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::PowerOfChoiceSelector")
            .SetParent<WorkerSelector>()
            .SetGroupName("EdgeDml")
            .AddConstructor<PowerOfChoiceSelector>()
            .AddAttribute("D",
                          "Candidates d sampled before keeping the k with the highest local "
                          "loss, in workers (raised to k if below it; 0: every eligible worker).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PowerOfChoiceSelector::m_d),
                          MakeUintegerChecker<uint32_t>(0, 1000000));
    return tid;
}

PowerOfChoiceSelector::PowerOfChoiceSelector()
    : m_d(0),
      m_uniform(CreateObject<UniformRandomVariable>())
{
}

void
PowerOfChoiceSelector::DoDispose()
{
    m_uniform = nullptr;
    WorkerSelector::DoDispose();
}

std::vector<uint32_t>
PowerOfChoiceSelector::DoSelect(uint32_t /* round */,
                                uint32_t k,
                                const std::vector<const WorkerCandidate*>& eligible,
                                const std::vector<WorkerCandidate>& /* all */)
{
    const uint32_t n = static_cast<uint32_t>(eligible.size());
    const uint32_t d = m_d == 0 ? n : std::min(n, std::max(m_d, k));
    // Sample d without replacement, each draw proportional to s_i among the rest.
    std::vector<const WorkerCandidate*> rest = eligible;
    std::vector<const WorkerCandidate*> sampled;
    for (uint32_t j = 0; j < d; ++j)
    {
        double total = 0.0;
        for (const auto* c : rest)
        {
            total += std::max(1u, c->samples);
        }
        const double u = m_uniform->GetValue(0.0, total);
        double cumulative = 0.0;
        std::size_t pick = rest.size() - 1;
        for (std::size_t r = 0; r < rest.size(); ++r)
        {
            cumulative += std::max(1u, rest[r]->samples);
            if (u < cumulative)
            {
                pick = r;
                break;
            }
        }
        sampled.push_back(rest[pick]);
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(pick));
    }
    std::sort(sampled.begin(), sampled.end(), [](const auto* a, const auto* b) {
        return a->id < b->id;
    });
    std::vector<double> loss;
    for (const auto* c : sampled)
    {
        loss.push_back(c->localLoss ? c->localLoss() : 0.0);
    }
    std::vector<std::size_t> order(sampled.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&loss](std::size_t a, std::size_t b) {
        return loss[a] > loss[b];
    });
    std::vector<uint32_t> ids;
    for (uint32_t j = 0; j < k; ++j)
    {
        ids.push_back(sampled[order[j]]->id);
    }
    return ids;
}

int64_t
PowerOfChoiceSelector::DoAssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

} // namespace edgedml
} // namespace ns3
