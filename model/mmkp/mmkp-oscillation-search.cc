/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-oscillation-search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ns3
{
namespace edgedml
{

MmkpOscillationSearch::MmkpOscillationSearch(MmkpSearchState& state,
                                             const std::vector<double>& capacityPrices,
                                             const Settings& settings,
                                             Ptr<UniformRandomVariable> rng)
    : m_state(state),
      m_instance(state.GetInstance()),
      m_settings(settings),
      m_rng(rng),
      m_dims(state.GetInstance().GetNumDimensions()),
      m_price(m_dims, 0.0),
      m_itemTabu(state.GetInstance().GetNumItems(), 0),
      m_dropTabu(state.GetInstance().GetNumClasses(), 0),
      m_delta(m_dims, 0.0),
      m_base(m_dims, 0.0),
      m_best(-std::numeric_limits<double>::infinity())
{
    double mean = 0.0;
    for (uint32_t d = 0; d < m_dims && d < capacityPrices.size(); ++d)
    {
        mean += capacityPrices[d] / m_dims;
    }
    if (mean <= 0.0)
    {
        mean = state.GetMeanAbsValue() * m_instance.GetNumClasses() / std::max(m_dims, 1U);
    }
    const double floor = std::max(PRICE_FLOOR * mean, 1e-300);
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double p = d < capacityPrices.size() ? capacityPrices[d] : 0.0;
        const double c = m_instance.GetCapacity(d);
        m_price[d] = settings.penaltyWeight * std::max(p, floor) / (c > 0.0 ? c : 1.0);
    }
}

void
MmkpOscillationSearch::SetBestObjective(double best)
{
    m_best = best;
}

double
MmkpOscillationSearch::Penalty() const
{
    double penalty = 0.0;
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double excess = m_state.GetLoad(d) - m_instance.GetCapacity(d);
        if (excess > 0.0)
        {
            penalty += m_price[d] * excess;
        }
    }
    return penalty;
}

double
MmkpOscillationSearch::PenaltyOfDelta() const
{
    double penalty = 0.0;
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double excess = m_state.GetLoad(d) + m_delta[d] - m_instance.GetCapacity(d);
        if (excess > 0.0)
        {
            penalty += m_price[d] * excess;
        }
    }
    return penalty;
}

double
MmkpOscillationSearch::PenaltyAfter(const MmkpMove& move, double& value) const
{
    std::fill(m_delta.begin(), m_delta.end(), 0.0);
    value = 0.0;
    for (uint32_t k = 0; k < move.count; ++k)
    {
        const int64_t from = m_state.GetItem(move.cls[k]);
        if (from != MmkpInstance::REJECTED)
        {
            value -= m_instance.GetValue(from);
            const double* w = m_instance.GetWeights(from);
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                m_delta[d] -= w[d];
            }
        }
        if (move.to[k] != MmkpInstance::REJECTED)
        {
            value += m_instance.GetValue(move.to[k]);
            const double* w = m_instance.GetWeights(move.to[k]);
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                m_delta[d] += w[d];
            }
        }
    }
    return PenaltyOfDelta();
}

bool
MmkpOscillationSearch::MakeChange(uint32_t cls, int64_t item, MmkpMove& move) const
{
    move.count = 1;
    move.cls[0] = cls;
    move.to[0] = item;
    if (item == MmkpInstance::REJECTED)
    {
        return !m_instance.MustAssignAll();
    }
    const int64_t holder = m_state.GetResourceOwner(m_instance.GetResource(item));
    if (holder == MmkpInstance::REJECTED || holder == static_cast<int64_t>(cls))
    {
        return true;
    }
    const auto other = static_cast<uint32_t>(holder);
    const int64_t current = m_state.GetItem(cls);
    move.cls[1] = other;
    move.count = 2;
    if (current != MmkpInstance::REJECTED && m_state.UsesResourceRows())
    {
        const int64_t back = m_state.GetRowItem(other, m_state.GetRow(current));
        if (back != MmkpInstance::REJECTED)
        {
            move.to[1] = back; // swap of resources
            return true;
        }
    }
    if (!m_instance.MustAssignAll())
    {
        move.to[1] = MmkpInstance::REJECTED; // replace the holder
        return true;
    }
    move.count = 0;
    return false;
}

bool
MmkpOscillationSearch::IsTabu(const MmkpMove& move) const
{
    for (uint32_t k = 0; k < move.count; ++k)
    {
        const int64_t to = move.to[k];
        if (to != MmkpInstance::REJECTED ? m_itemTabu[to] > m_iteration
                                         : m_dropTabu[move.cls[k]] > m_iteration)
        {
            return true;
        }
    }
    return false;
}

void
MmkpOscillationSearch::Run(uint64_t iterations,
                           const SearchDeadline& deadline,
                           const std::function<void()>& onImproved)
{
    const uint32_t q = m_instance.GetNumClasses();
    const bool mayReject = !m_instance.MustAssignAll();
    MmkpMove move;
    MmkpMove best;
    for (uint64_t it = 0; it < iterations && !deadline.IsExpired(); ++it)
    {
        ++m_iteration;
        const double penalty = Penalty();
        const double objective = m_state.GetObjective();
        const double margin = 1e-9 * (1.0 + std::abs(m_best));
        double bestScore = -std::numeric_limits<double>::infinity();
        best.count = 0;
        // After maxInfeasibleRun infeasible iterations in a row, only moves
        // that lower the penalty qualify, until the assignment is feasible.
        const bool repairing = penalty > 0.0 && m_infeasibleRun >= m_settings.maxInfeasibleRun;
        const double ceiling = repairing ? penalty : std::numeric_limits<double>::infinity();
        auto consider = [&](const MmkpMove& candidate) {
            double value;
            const double after = PenaltyAfter(candidate, value);
            const double score = value - (after - penalty);
            if (score <= bestScore || !(after < ceiling))
            {
                return;
            }
            const bool aspiration = after <= 0.0 && objective + value > m_best + margin;
            if (aspiration || !IsTabu(candidate))
            {
                bestScore = score;
                best = candidate;
            }
        };
        const bool disjoint = m_instance.AreResourcesDisjoint();
        for (uint32_t j = 0; j < q; ++j)
        {
            const int64_t current = m_state.GetItem(j);
            // Fast path of the single-class changes: the excess of every
            // dimension without the class's item.
            const double* wa =
                current != MmkpInstance::REJECTED ? m_instance.GetWeights(current) : nullptr;
            const double va =
                current != MmkpInstance::REJECTED ? m_instance.GetValue(current) : 0.0;
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                m_base[d] = m_state.GetLoad(d) - (wa ? wa[d] : 0.0) - m_instance.GetCapacity(d);
            }
            for (int64_t item = m_instance.GetFirstItem(j); item < m_instance.GetEndItem(j); ++item)
            {
                if (item == current)
                {
                    continue;
                }
                if (disjoint && !m_state.IsResourceFree(item) &&
                    m_state.GetResourceOwner(m_instance.GetResource(item)) !=
                        static_cast<int64_t>(j))
                {
                    if (MakeChange(j, item, move))
                    {
                        consider(move);
                    }
                    continue;
                }
                const double value = m_instance.GetValue(item) - va;
                // The penalty after the change, in chunks of four dimensions
                // (independent sums); stop as soon as the move cannot win.
                const double* w = m_instance.GetWeights(item);
                const double* base = m_base.data();
                const double* weight = m_price.data();
                // The move wins only if after < limit.
                const double limit = std::min(value + penalty - bestScore, ceiling);
                double after = 0.0;
                uint32_t d = 0;
                for (; d + 4 <= m_dims && after < limit; d += 4)
                {
                    const double s0 = weight[d] * std::max(0.0, base[d] + w[d]);
                    const double s1 = weight[d + 1] * std::max(0.0, base[d + 1] + w[d + 1]);
                    const double s2 = weight[d + 2] * std::max(0.0, base[d + 2] + w[d + 2]);
                    const double s3 = weight[d + 3] * std::max(0.0, base[d + 3] + w[d + 3]);
                    after += (s0 + s1) + (s2 + s3);
                }
                for (; d < m_dims; ++d)
                {
                    after += weight[d] * std::max(0.0, base[d] + w[d]);
                }
                const double score = value - (after - penalty);
                if (!(after < limit) || score <= bestScore)
                {
                    continue;
                }
                const bool aspiration = after <= 0.0 && objective + value > m_best + margin;
                if (aspiration || m_itemTabu[item] <= m_iteration)
                {
                    bestScore = score;
                    best.count = 1;
                    best.cls[0] = j;
                    best.to[0] = item;
                }
            }
            if (mayReject && current != MmkpInstance::REJECTED && MakeChange(j, -1, move))
            {
                consider(move);
            }
        }
        if (best.count == 0)
        {
            continue;
        }
        const uint64_t until =
            m_iteration + m_rng->GetInteger(m_settings.minTenure, m_settings.maxTenure);
        for (uint32_t k = 0; k < best.count; ++k)
        {
            const int64_t from = m_state.GetItem(best.cls[k]);
            if (from != MmkpInstance::REJECTED)
            {
                m_itemTabu[from] = until;
            }
            else
            {
                m_dropTabu[best.cls[k]] = until;
            }
        }
        m_state.Apply(best);
        m_infeasibleRun = m_state.IsWithinCapacities() ? 0 : m_infeasibleRun + 1;
        if (m_state.IsWithinCapacities() &&
            m_state.GetObjective() > m_best + 1e-9 * (1.0 + std::abs(m_best)))
        {
            m_best = m_state.GetObjective();
            if (onImproved)
            {
                onImproved();
            }
        }
    }
}

void
MmkpOscillationSearch::Perturb(uint32_t moves)
{
    const uint32_t q = m_instance.GetNumClasses();
    if (q == 0)
    {
        return;
    }
    MmkpMove move;
    for (uint32_t t = 0; t < moves; ++t)
    {
        const uint32_t j = m_rng->GetInteger(0, q - 1);
        const uint32_t items = m_instance.GetNumItems(j);
        if (items == 0)
        {
            continue;
        }
        const int64_t item = m_instance.GetFirstItem(j) + m_rng->GetInteger(0, items - 1);
        if (item != m_state.GetItem(j) && MakeChange(j, item, move))
        {
            m_state.Apply(move);
        }
    }
}

} // namespace edgedml
} // namespace ns3
