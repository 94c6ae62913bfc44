/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-search-state.h"

#include "ns3/abort.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ns3
{
namespace edgedml
{

MmkpSearchState::MmkpSearchState(const MmkpInstance& instance,
                                 bool rowMoves,
                                 uint64_t denseLookupLimit)
    : m_instance(instance),
      m_dims(instance.GetNumDimensions()),
      m_assignment(instance.GetNumClasses(), MmkpInstance::REJECTED),
      m_loads(instance.GetNumDimensions(), 0.0),
      m_capacities(instance.GetCapacities()),
      m_listPos(instance.GetNumClasses(), 0),
      m_denseLookupLimit(denseLookupLimit),
      m_scratch(instance.GetNumDimensions(), 0.0)
{
    if (instance.AreResourcesDisjoint())
    {
        m_owner.assign(instance.GetNumResources(), MmkpInstance::REJECTED);
    }
    if (rowMoves)
    {
        ScanItems();
    }
    Clear();
}

void
MmkpSearchState::ScanItems()
{
    const uint32_t q = m_instance.GetNumClasses();
    bool allHaveResource = m_instance.GetNumItems() > 0;
    bool sorted = true;
    uint32_t maxItems = 0;
    double sumAbs = 0.0;
    for (uint32_t j = 0; j < q; ++j)
    {
        maxItems = std::max(maxItems, m_instance.GetNumItems(j));
        int32_t previous = MmkpInstance::NO_RESOURCE;
        for (int64_t it = m_instance.GetFirstItem(j); it < m_instance.GetEndItem(j); ++it)
        {
            const int32_t r = m_instance.GetResource(it);
            allHaveResource = allHaveResource && r != MmkpInstance::NO_RESOURCE;
            sorted = sorted && r > previous;
            previous = r;
            sumAbs += std::abs(m_instance.GetValue(it));
        }
    }
    if (m_instance.GetNumItems() > 0)
    {
        m_meanAbsValue = sumAbs / static_cast<double>(m_instance.GetNumItems());
    }
    m_resourceRows = m_instance.AreResourcesDisjoint() && allHaveResource;
    m_numRows = m_resourceRows ? m_instance.GetNumResources() : maxItems;
    m_sortedClasses = sorted;
    if (m_resourceRows)
    {
        BuildLookup();
    }
}

void
MmkpSearchState::BuildLookup()
{
    const uint32_t q = m_instance.GetNumClasses();
    if (static_cast<uint64_t>(q) * m_numRows <= m_denseLookupLimit)
    {
        m_dense.assign(static_cast<std::size_t>(q) * m_numRows, MmkpInstance::REJECTED);
        for (uint32_t j = 0; j < q; ++j)
        {
            int64_t* row = m_dense.data() + static_cast<std::size_t>(j) * m_numRows;
            for (int64_t it = m_instance.GetFirstItem(j); it < m_instance.GetEndItem(j); ++it)
            {
                int64_t& slot = row[m_instance.GetResource(it)];
                if (slot == MmkpInstance::REJECTED ||
                    m_instance.GetValue(it) > m_instance.GetValue(slot))
                {
                    slot = it;
                }
            }
        }
        return;
    }
    if (m_sortedClasses)
    {
        return; // binary search directly over the instance's items
    }
    m_sortedIndex.resize(m_instance.GetNumItems());
    for (uint32_t j = 0; j < q; ++j)
    {
        const int64_t first = m_instance.GetFirstItem(j);
        auto begin = m_sortedIndex.begin() + first;
        auto end = m_sortedIndex.begin() + m_instance.GetEndItem(j);
        std::iota(begin, end, 0u);
        // By resource, then highest value first, then offset: the lookup
        // returns the first entry of a resource.
        std::sort(begin, end, [this, first](uint32_t a, uint32_t b) {
            const int32_t ra = m_instance.GetResource(first + a);
            const int32_t rb = m_instance.GetResource(first + b);
            if (ra != rb)
            {
                return ra < rb;
            }
            const double va = m_instance.GetValue(first + a);
            const double vb = m_instance.GetValue(first + b);
            if (va != vb)
            {
                return va > vb;
            }
            return a < b;
        });
    }
}

double
MmkpSearchState::GetMeanAbsValue() const
{
    return m_meanAbsValue;
}

const MmkpInstance&
MmkpSearchState::GetInstance() const
{
    return m_instance;
}

void
MmkpSearchState::Clear()
{
    std::fill(m_assignment.begin(), m_assignment.end(), MmkpInstance::REJECTED);
    Recompute();
}

void
MmkpSearchState::SetAssignment(const std::vector<int64_t>& assignment)
{
    NS_ABORT_MSG_UNLESS(assignment.size() == m_assignment.size(),
                        "MmkpSearchState::SetAssignment: " << assignment.size() << " entries for "
                                                           << m_assignment.size() << " classes");
    for (uint32_t j = 0; j < assignment.size(); ++j)
    {
        const int64_t it = assignment[j];
        NS_ABORT_MSG_UNLESS(it == MmkpInstance::REJECTED ||
                                (it >= m_instance.GetFirstItem(j) && it < m_instance.GetEndItem(j)),
                            "MmkpSearchState::SetAssignment: item " << it << " is not of class "
                                                                    << j);
    }
    m_assignment = assignment;
    Recompute();
}

void
MmkpSearchState::Recompute()
{
    std::fill(m_loads.begin(), m_loads.end(), 0.0);
    std::fill(m_owner.begin(), m_owner.end(), MmkpInstance::REJECTED);
    m_assigned.clear();
    m_rejected.clear();
    m_objective = m_instance.Evaluate(m_assignment);
    for (uint32_t j = 0; j < m_assignment.size(); ++j)
    {
        const int64_t it = m_assignment[j];
        if (it == MmkpInstance::REJECTED)
        {
            m_listPos[j] = static_cast<uint32_t>(m_rejected.size());
            m_rejected.push_back(j);
            continue;
        }
        m_listPos[j] = static_cast<uint32_t>(m_assigned.size());
        m_assigned.push_back(j);
        const double* w = m_instance.GetWeights(it);
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            m_loads[d] += w[d];
        }
        const int32_t r = m_instance.GetResource(it);
        if (!m_owner.empty() && r != MmkpInstance::NO_RESOURCE)
        {
            m_owner[r] = j;
        }
    }
    m_movesSinceRecompute = 0;
}

const std::vector<int64_t>&
MmkpSearchState::GetAssignment() const
{
    return m_assignment;
}

int64_t
MmkpSearchState::GetItem(uint32_t cls) const
{
    return m_assignment[cls];
}

double
MmkpSearchState::GetObjective() const
{
    return m_objective;
}

double
MmkpSearchState::GetLoad(uint32_t dimension) const
{
    return m_loads[dimension];
}

bool
MmkpSearchState::IsWithinCapacities() const
{
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        if (m_loads[d] > m_capacities[d])
        {
            return false;
        }
    }
    return true;
}

uint32_t
MmkpSearchState::GetNumAssigned() const
{
    return static_cast<uint32_t>(m_assigned.size());
}

uint32_t
MmkpSearchState::GetNumRejected() const
{
    return static_cast<uint32_t>(m_rejected.size());
}

uint32_t
MmkpSearchState::GetRejectedClass(uint32_t k) const
{
    return m_rejected[k];
}

bool
MmkpSearchState::UsesResourceRows() const
{
    return m_resourceRows;
}

uint32_t
MmkpSearchState::GetNumRows() const
{
    return m_numRows;
}

uint32_t
MmkpSearchState::GetRow(int64_t item) const
{
    if (m_resourceRows)
    {
        return static_cast<uint32_t>(m_instance.GetResource(item));
    }
    return static_cast<uint32_t>(item - m_instance.GetFirstItem(m_instance.GetClassOf(item)));
}

int64_t
MmkpSearchState::SearchRowItem(uint32_t cls, uint32_t row) const
{
    const int64_t first = m_instance.GetFirstItem(cls);
    if (!m_resourceRows)
    {
        return row < m_instance.GetNumItems(cls) ? first + row : MmkpInstance::REJECTED;
    }
    const int32_t target = static_cast<int32_t>(row);
    // Binary search for the first entry whose resource is >= row.
    int64_t lo = 0;
    int64_t hi = m_instance.GetEndItem(cls) - first;
    auto resourceAt = [this, first](int64_t k) {
        return m_sortedClasses ? m_instance.GetResource(first + k)
                               : m_instance.GetResource(first + m_sortedIndex[first + k]);
    };
    while (lo < hi)
    {
        const int64_t mid = lo + (hi - lo) / 2;
        if (resourceAt(mid) < target)
        {
            lo = mid + 1;
        }
        else
        {
            hi = mid;
        }
    }
    if (lo == m_instance.GetEndItem(cls) - first || resourceAt(lo) != target)
    {
        return MmkpInstance::REJECTED;
    }
    return m_sortedClasses ? first + lo : first + m_sortedIndex[first + lo];
}

bool
MmkpSearchState::ChangeOf(const MmkpMove& move, double& delta) const
{
    delta = 0.0;
    double* dLoad = m_scratch.data();
    std::fill(dLoad, dLoad + m_dims, 0.0);
    const bool disjoint = !m_owner.empty();
    int32_t claimed = MmkpInstance::NO_RESOURCE;
    for (uint32_t k = 0; k < move.count; ++k)
    {
        const uint32_t cls = move.cls[k];
        const int64_t from = m_assignment[cls];
        const int64_t to = move.to[k];
        if (from != MmkpInstance::REJECTED)
        {
            delta -= m_instance.GetValue(from);
            const double* w = m_instance.GetWeights(from);
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                dLoad[d] -= w[d];
            }
        }
        if (to == MmkpInstance::REJECTED)
        {
            if (m_instance.MustAssignAll())
            {
                return false;
            }
            continue;
        }
        delta += m_instance.GetValue(to);
        const double* w = m_instance.GetWeights(to);
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            dLoad[d] += w[d];
        }
        const int32_t r = m_instance.GetResource(to);
        if (disjoint && r != MmkpInstance::NO_RESOURCE)
        {
            const int64_t owner = m_owner[r];
            const bool releasedByMove =
                owner == MmkpInstance::REJECTED || owner == static_cast<int64_t>(move.cls[0]) ||
                (move.count > 1 && owner == static_cast<int64_t>(move.cls[1]));
            if (!releasedByMove || r == claimed)
            {
                return false;
            }
            claimed = r;
        }
    }
    return true;
}

bool
MmkpSearchState::Evaluate(const MmkpMove& move, double& delta) const
{
    if (!ChangeOf(move, delta))
    {
        return false;
    }
    const double* dLoad = m_scratch.data();
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        if (dLoad[d] > 0.0 && m_loads[d] + dLoad[d] > m_capacities[d])
        {
            return false;
        }
    }
    return true;
}

bool
MmkpSearchState::EvaluateExcess(const MmkpMove& move,
                                const double* unitPenalty,
                                double& delta,
                                double& penalty) const
{
    if (!ChangeOf(move, delta))
    {
        return false;
    }
    const double* dLoad = m_scratch.data();
    penalty = 0.0;
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double excess = m_loads[d] + dLoad[d] - m_capacities[d];
        penalty += excess > 0.0 ? unitPenalty[d] * excess : 0.0;
    }
    return true;
}

double
MmkpSearchState::GetExcessPenalty(const double* unitPenalty) const
{
    double penalty = 0.0;
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        const double excess = m_loads[d] - m_capacities[d];
        penalty += excess > 0.0 ? unitPenalty[d] * excess : 0.0;
    }
    return penalty;
}

void
MmkpSearchState::Set(uint32_t cls, int64_t item)
{
    const int64_t from = m_assignment[cls];
    if (from == item)
    {
        return;
    }
    if (from != MmkpInstance::REJECTED)
    {
        m_objective -= m_instance.GetValue(from);
        const double* w = m_instance.GetWeights(from);
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            m_loads[d] -= w[d];
        }
        const int32_t r = m_instance.GetResource(from);
        if (!m_owner.empty() && r != MmkpInstance::NO_RESOURCE &&
            m_owner[r] == static_cast<int64_t>(cls))
        {
            m_owner[r] = MmkpInstance::REJECTED;
        }
    }
    if (item != MmkpInstance::REJECTED)
    {
        m_objective += m_instance.GetValue(item);
        const double* w = m_instance.GetWeights(item);
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            m_loads[d] += w[d];
        }
        const int32_t r = m_instance.GetResource(item);
        if (!m_owner.empty() && r != MmkpInstance::NO_RESOURCE)
        {
            m_owner[r] = cls;
        }
    }
    // Move the class between the assigned and rejected lists.
    const bool wasAssigned = from != MmkpInstance::REJECTED;
    const bool isAssigned = item != MmkpInstance::REJECTED;
    m_assignment[cls] = item;
    if (wasAssigned != isAssigned)
    {
        std::vector<uint32_t>& out = wasAssigned ? m_assigned : m_rejected;
        std::vector<uint32_t>& in = wasAssigned ? m_rejected : m_assigned;
        const uint32_t pos = m_listPos[cls];
        const uint32_t last = out.back();
        out[pos] = last;
        m_listPos[last] = pos;
        out.pop_back();
        m_listPos[cls] = static_cast<uint32_t>(in.size());
        in.push_back(cls);
    }
}

void
MmkpSearchState::Apply(const MmkpMove& move)
{
    // Release both old items before claiming the new ones, so a swap of two
    // resources leaves both owners right.
    const int64_t to0 = move.to[0];
    if (move.count > 1)
    {
        const int64_t to1 = move.to[1];
        Set(move.cls[1], MmkpInstance::REJECTED);
        Set(move.cls[0], to0);
        Set(move.cls[1], to1);
    }
    else if (move.count == 1)
    {
        Set(move.cls[0], to0);
    }
    if (++m_movesSinceRecompute >= std::max<uint64_t>(m_assignment.size(), 1024))
    {
        Recompute();
    }
}

bool
MmkpSearchState::MakeRowMove(uint32_t cls, uint32_t row, MmkpMove& move) const
{
    const int64_t from = m_assignment[cls];
    NS_ABORT_MSG_IF(from == MmkpInstance::REJECTED, "MakeRowMove: class " << cls << " is rejected");
    move.count = 0;
    const int64_t to = GetRowItem(cls, row);
    if (to == MmkpInstance::REJECTED)
    {
        return false;
    }
    move.cls[0] = cls;
    move.to[0] = to;
    move.count = 1;
    const int64_t other = GetRowOwner(row);
    if (other == MmkpInstance::REJECTED)
    {
        return true;
    }
    const int64_t back = GetRowItem(static_cast<uint32_t>(other), GetClassRow(cls));
    if (back == MmkpInstance::REJECTED)
    {
        move.count = 0;
        return false;
    }
    move.cls[1] = static_cast<uint32_t>(other);
    move.to[1] = back;
    move.count = 2;
    return true;
}

void
DrawRowMove(const MmkpSearchState& state,
            Ptr<UniformRandomVariable> rng,
            uint32_t& cls,
            uint32_t& row)
{
    const uint64_t assigned = state.GetNumAssigned();
    const uint64_t others = state.GetNumRows() - 1;
    const uint64_t pairs = assigned * others;
    uint32_t k;
    if (pairs <= UINT32_MAX)
    {
        const uint32_t pick = rng->GetInteger(0, static_cast<uint32_t>(pairs - 1));
        k = static_cast<uint32_t>(pick / others);
        row = static_cast<uint32_t>(pick % others);
    }
    else
    {
        k = rng->GetInteger(0, static_cast<uint32_t>(assigned - 1));
        row = rng->GetInteger(0, static_cast<uint32_t>(others - 1));
    }
    cls = state.GetAssignedClass(k);
    row += row >= state.GetClassRow(cls) ? 1 : 0;
}

} // namespace edgedml
} // namespace ns3
