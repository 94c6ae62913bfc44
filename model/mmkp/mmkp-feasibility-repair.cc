/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-feasibility-repair.h"

#include "min-cost-assignment.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("MmkpFeasibilityRepair");

namespace
{
constexpr double INF = std::numeric_limits<double>::infinity();
} // namespace

MmkpFeasibilityRepair::MmkpFeasibilityRepair(MmkpSearchState& state, const SearchDeadline& deadline)
    : m_state(state),
      m_instance(state.GetInstance()),
      m_deadline(deadline),
      m_dims(state.GetInstance().GetNumDimensions()),
      m_scale(m_dims, 1.0),
      m_weight(m_dims, 1.0),
      m_load(m_dims, 0.0)
{
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double c = m_instance.GetCapacity(d);
        m_scale[d] = c > 0.0 ? 1.0 / c : 1.0;
    }
}

double
MmkpFeasibilityRepair::CurrentPenalty() const
{
    double penalty = 0.0;
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double excess = m_state.GetLoad(d) - m_instance.GetCapacity(d);
        if (excess > 0.0)
        {
            penalty += m_weight[d] * excess * m_scale[d];
        }
    }
    return penalty;
}

double
MmkpFeasibilityRepair::PenaltyAfter(const MmkpMove& move) const
{
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        m_load[d] = m_state.GetLoad(d);
    }
    for (uint32_t k = 0; k < move.count; ++k)
    {
        const int64_t from = m_state.GetItem(move.cls[k]);
        if (from != MmkpInstance::REJECTED)
        {
            const double* w = m_instance.GetWeights(from);
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                m_load[d] -= w[d];
            }
        }
        if (move.to[k] != MmkpInstance::REJECTED)
        {
            const double* w = m_instance.GetWeights(move.to[k]);
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                m_load[d] += w[d];
            }
        }
    }
    double penalty = 0.0;
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double excess = m_load[d] - m_instance.GetCapacity(d);
        if (excess > 0.0)
        {
            penalty += m_weight[d] * excess * m_scale[d];
        }
    }
    return penalty;
}

double
MmkpFeasibilityRepair::ValueChange(const MmkpMove& move) const
{
    double delta = 0.0;
    for (uint32_t k = 0; k < move.count; ++k)
    {
        const int64_t from = m_state.GetItem(move.cls[k]);
        delta -= from != MmkpInstance::REJECTED ? m_instance.GetValue(from) : 0.0;
        delta += move.to[k] != MmkpInstance::REJECTED ? m_instance.GetValue(move.to[k]) : 0.0;
    }
    return delta;
}

double
MmkpFeasibilityRepair::AggregateWeight(int64_t item) const
{
    const double* w = m_instance.GetWeights(item);
    double total = 0.0;
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        total += w[d] * m_scale[d];
    }
    return total;
}

bool
MmkpFeasibilityRepair::MakeChange(uint32_t cls, int64_t item, MmkpMove& move) const
{
    move.count = 1;
    move.cls[0] = cls;
    move.to[0] = item;
    const int32_t resource = m_instance.GetResource(item);
    const int64_t holder = m_state.GetResourceOwner(resource);
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
            move.to[1] = back;
            return true; // the swap of the two classes' resources
        }
    }
    if (current != MmkpInstance::REJECTED)
    {
        move.count = 0; // ejections only for a class being completed
        return false;
    }
    // Ejection: the holder moves to its free item of least penalty.
    double bestPenalty = INF;
    double bestAggregate = INF;
    int64_t best = MmkpInstance::REJECTED;
    for (int64_t it = m_instance.GetFirstItem(other); it < m_instance.GetEndItem(other); ++it)
    {
        const int32_t r = m_instance.GetResource(it);
        if (r == resource || !m_state.IsResourceFree(it))
        {
            continue;
        }
        move.to[1] = it;
        const double penalty = PenaltyAfter(move);
        const double aggregate = AggregateWeight(it);
        if (std::tie(penalty, aggregate) < std::tie(bestPenalty, bestAggregate))
        {
            bestPenalty = penalty;
            bestAggregate = aggregate;
            best = it;
        }
    }
    if (best == MmkpInstance::REJECTED)
    {
        move.count = 0;
        return false;
    }
    move.to[1] = best;
    return true;
}

bool
MmkpFeasibilityRepair::Complete(uint32_t cls)
{
    MmkpMove move;
    MmkpMove best;
    double bestPenalty = INF;
    double bestAggregate = INF;
    for (int pass = 0; pass < 2 && best.count == 0; ++pass)
    {
        // First pass: items whose resource is free; second: with an ejection.
        for (int64_t it = m_instance.GetFirstItem(cls); it < m_instance.GetEndItem(cls); ++it)
        {
            if (m_state.IsResourceFree(it) != (pass == 0) || !MakeChange(cls, it, move))
            {
                continue;
            }
            const double penalty = PenaltyAfter(move);
            const double aggregate = AggregateWeight(it);
            if (std::tie(penalty, aggregate) < std::tie(bestPenalty, bestAggregate))
            {
                bestPenalty = penalty;
                bestAggregate = aggregate;
                best = move;
            }
        }
    }
    if (best.count == 0)
    {
        return false;
    }
    m_state.Apply(best);
    return true;
}

bool
MmkpFeasibilityRepair::Sweep()
{
    const uint32_t q = m_instance.GetNumClasses();
    double penalty = CurrentPenalty();
    bool improved = false;
    MmkpMove move;
    for (uint32_t j = 0; j < q && penalty > 0.0 && !m_deadline.IsExpired(); ++j)
    {
        const int64_t current = m_state.GetItem(j);
        if (current == MmkpInstance::REJECTED)
        {
            continue;
        }
        // Best change: lowers the penalty and raises the value (largest
        // penalty drop first), else the largest penalty drop per value lost.
        MmkpMove best;
        bool bestGains = false;
        double bestKey = 0.0;
        const double minDrop = 1e-12 * (1.0 + penalty);
        for (int64_t it = m_instance.GetFirstItem(j); it < m_instance.GetEndItem(j); ++it)
        {
            if (it == current || !MakeChange(j, it, move))
            {
                continue;
            }
            const double drop = penalty - PenaltyAfter(move);
            if (drop <= minDrop)
            {
                continue;
            }
            const double gain = ValueChange(move);
            const bool gains = gain >= 0.0;
            const double key = gains ? drop : drop / -gain;
            if (best.count == 0 || (gains && !bestGains) || (gains == bestGains && key > bestKey))
            {
                best = move;
                bestGains = gains;
                bestKey = key;
            }
        }
        if (best.count > 0)
        {
            m_state.Apply(best);
            penalty = CurrentPenalty();
            improved = true;
        }
    }
    return improved;
}

bool
MmkpFeasibilityRepair::RunSweeps(uint32_t maxSweeps)
{
    for (uint32_t sweep = 0; sweep < maxSweeps; ++sweep)
    {
        if (m_state.IsWithinCapacities())
        {
            NS_LOG_DEBUG("repaired after " << sweep << " sweeps");
            return true;
        }
        if (m_deadline.IsExpired())
        {
            break;
        }
        if (!Sweep())
        {
            // Breakout: weigh the exceeded dimensions more.
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                m_weight[d] += m_state.GetLoad(d) > m_instance.GetCapacity(d) ? 1.0 : 0.0;
            }
        }
    }
    return m_state.IsWithinCapacities();
}

bool
MmkpFeasibilityRepair::Repair()
{
    const uint32_t q = m_instance.GetNumClasses();
    for (uint32_t j = 0; j < q; ++j)
    {
        if (m_state.GetItem(j) == MmkpInstance::REJECTED && !Complete(j))
        {
            NS_LOG_DEBUG("class " << j << " cannot be completed");
            return false;
        }
    }
    return RunSweeps(MAX_REPAIR_SWEEPS);
}

bool
MmkpFeasibilityRepair::BuildFromScratch()
{
    const double q = m_instance.GetNumClasses();
    const double n = m_state.GetNumRows();
    const bool built = m_state.UsesResourceRows() && q * q * std::max(q, n) <= MATCHING_MAX_WORK
                           ? BuildByMatching()
                           : BuildByAggregateWeight();
    return built || BuildByBacktracking();
}

bool
MmkpFeasibilityRepair::BuildByBacktracking()
{
    const uint32_t q = m_instance.GetNumClasses();
    // Classes hardest first; each class's items lightest first.
    std::vector<std::pair<double, uint32_t>> order;
    std::vector<std::vector<int64_t>> items(q);
    for (uint32_t j = 0; j < q; ++j)
    {
        std::vector<std::pair<double, int64_t>> byWeight;
        for (int64_t it = m_instance.GetFirstItem(j); it < m_instance.GetEndItem(j); ++it)
        {
            byWeight.emplace_back(AggregateWeight(it), it);
        }
        if (byWeight.empty())
        {
            return false;
        }
        std::sort(byWeight.begin(), byWeight.end());
        for (const auto& entry : byWeight)
        {
            items[j].push_back(entry.second);
        }
        order.emplace_back(-byWeight.front().first, j);
    }
    std::sort(order.begin(), order.end());
    // rest[depth * m + d]: the least weight in dimension d of the classes
    // from depth on (a lower bound of the load they add).
    std::vector<double> rest(static_cast<std::size_t>(q + 1) * m_dims, 0.0);
    for (uint32_t depth = q; depth-- > 0;)
    {
        const uint32_t j = order[depth].second;
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            double least = INF;
            for (int64_t it : items[j])
            {
                least = std::min(least, m_instance.GetWeight(it, d));
            }
            rest[depth * m_dims + d] = rest[(depth + 1) * m_dims + d] + least;
        }
    }
    const bool disjoint = m_instance.AreResourcesDisjoint();
    std::vector<bool> used(m_instance.GetNumResources(), false);
    std::vector<double> load(static_cast<std::size_t>(q + 1) * m_dims, 0.0);
    std::vector<uint32_t> next(q, 0); // per depth, the next item to try
    std::vector<int64_t> assignment(q, MmkpInstance::REJECTED);
    uint64_t nodes = 0;
    uint32_t depth = 0;
    while (nodes < BACKTRACK_MAX_NODES && !(nodes % 1024 == 0 && m_deadline.IsExpired()))
    {
        if (depth == q)
        {
            m_state.SetAssignment(assignment);
            if (m_state.IsWithinCapacities())
            {
                return true;
            }
            --depth; // rounding: try on
        }
        const uint32_t j = order[depth].second;
        // Undo this depth's previous item.
        if (assignment[j] != MmkpInstance::REJECTED)
        {
            const int32_t r = m_instance.GetResource(assignment[j]);
            if (disjoint && r >= 0)
            {
                used[r] = false;
            }
            assignment[j] = MmkpInstance::REJECTED;
        }
        bool placed = false;
        while (next[depth] < items[j].size())
        {
            const int64_t it = items[j][next[depth]++];
            const int32_t r = m_instance.GetResource(it);
            if (disjoint && r >= 0 && used[r])
            {
                continue;
            }
            bool fits = true;
            for (uint32_t d = 0; d < m_dims && fits; ++d)
            {
                const double l = load[depth * m_dims + d] + m_instance.GetWeight(it, d);
                load[(depth + 1) * m_dims + d] = l;
                fits = l + rest[(depth + 1) * m_dims + d] <= m_instance.GetCapacity(d);
            }
            if (!fits)
            {
                continue;
            }
            ++nodes;
            assignment[j] = it;
            if (disjoint && r >= 0)
            {
                used[r] = true;
            }
            placed = true;
            break;
        }
        if (placed)
        {
            ++depth;
            if (depth < q)
            {
                next[depth] = 0;
            }
            continue;
        }
        if (depth == 0)
        {
            break; // the whole tree is searched: no feasible assignment
        }
        --depth;
    }
    NS_LOG_DEBUG("depth-first search: no feasible assignment in " << nodes << " nodes");
    return false;
}

bool
MmkpFeasibilityRepair::BuildByMatching()
{
    const uint32_t q = m_instance.GetNumClasses();
    const uint32_t n = m_state.GetNumRows();
    if (q > n)
    {
        return false; // q classes need q distinct resources
    }
    std::vector<double> pi(m_dims, 1.0);
    std::vector<double> cost(static_cast<std::size_t>(q) * n);
    std::vector<int64_t> cell(cost.size());
    std::vector<uint32_t> rowColumn;
    std::vector<int64_t> assignment(q);
    for (uint32_t round = 0; round < MATCHING_ROUNDS && !m_deadline.IsExpired(); ++round)
    {
        // Cost of a (class, resource) pair: its lightest item by weighted
        // aggregate weight; pairs without an item cost more than any
        // assignment of real pairs.
        double largest = 0.0;
        std::fill(cost.begin(), cost.end(), INF);
        std::fill(cell.begin(), cell.end(), MmkpInstance::REJECTED);
        for (uint32_t j = 0; j < q; ++j)
        {
            for (int64_t it = m_instance.GetFirstItem(j); it < m_instance.GetEndItem(j); ++it)
            {
                const double* w = m_instance.GetWeights(it);
                double c = 0.0;
                for (uint32_t d = 0; d < m_dims; ++d)
                {
                    c += pi[d] * w[d] * m_scale[d];
                }
                const std::size_t at = static_cast<std::size_t>(j) * n + m_state.GetRow(it);
                if (c < cost[at])
                {
                    cost[at] = c;
                    cell[at] = it;
                }
                largest = std::max(largest, c);
            }
        }
        const double absent = (largest + 1.0) * (q + 1.0);
        for (double& c : cost)
        {
            c = c == INF ? absent : c;
        }
        SolveMinCostAssignment(cost, q, n, rowColumn);
        for (uint32_t j = 0; j < q; ++j)
        {
            assignment[j] = cell[static_cast<std::size_t>(j) * n + rowColumn[j]];
            if (assignment[j] == MmkpInstance::REJECTED)
            {
                return false; // no placement of every class on distinct resources
            }
        }
        m_state.SetAssignment(assignment);
        std::fill(m_weight.begin(), m_weight.end(), 1.0);
        if (RunSweeps(MATCHING_REPAIR_SWEEPS))
        {
            return true;
        }
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            pi[d] *= m_state.GetLoad(d) > m_instance.GetCapacity(d) ? 2.0 : 1.0;
        }
    }
    return false;
}

bool
MmkpFeasibilityRepair::BuildByAggregateWeight()
{
    const uint32_t q = m_instance.GetNumClasses();
    std::vector<std::pair<double, uint32_t>> order;
    order.reserve(q);
    for (uint32_t j = 0; j < q; ++j)
    {
        double lightest = INF;
        for (int64_t it = m_instance.GetFirstItem(j); it < m_instance.GetEndItem(j); ++it)
        {
            lightest = std::min(lightest, AggregateWeight(it));
        }
        order.emplace_back(-lightest, j);
    }
    std::sort(order.begin(), order.end());
    m_state.Clear();
    std::fill(m_weight.begin(), m_weight.end(), 1.0);
    for (const auto& entry : order)
    {
        if (!Complete(entry.second))
        {
            return false;
        }
    }
    return RunSweeps(MAX_REPAIR_SWEEPS);
}

bool
MmkpFeasibilityRepair::MakeFeasible(MmkpSearchState& state, const SearchDeadline& deadline)
{
    MmkpFeasibilityRepair repair(state, deadline);
    if (!repair.Repair() && !repair.BuildFromScratch())
    {
        return false;
    }
    repair.Upgrade();
    return true;
}

void
MmkpFeasibilityRepair::Upgrade()
{
    const uint32_t q = m_instance.GetNumClasses();
    MmkpMove move;
    for (uint32_t pass = 0; pass < MAX_UPGRADE_PASSES && !m_deadline.IsExpired(); ++pass)
    {
        bool changed = false;
        for (uint32_t j = 0; j < q; ++j)
        {
            const int64_t current = m_state.GetItem(j);
            if (current == MmkpInstance::REJECTED)
            {
                continue;
            }
            MmkpMove best;
            double bestGain = 0.0;
            for (int64_t it = m_instance.GetFirstItem(j); it < m_instance.GetEndItem(j); ++it)
            {
                if (it == current || !MakeChange(j, it, move))
                {
                    continue;
                }
                double gain;
                if (ValueChange(move) > bestGain && m_state.Evaluate(move, gain) && gain > bestGain)
                {
                    best = move;
                    bestGain = gain;
                }
            }
            if (best.count > 0)
            {
                m_state.Apply(best);
                changed = true;
            }
        }
        if (!changed)
        {
            break;
        }
    }
}

} // namespace edgedml
} // namespace ns3
