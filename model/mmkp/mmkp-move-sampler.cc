/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-move-sampler.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace ns3
{
namespace edgedml
{

MmkpMoveSampler::MmkpMoveSampler(const MmkpInstance& instance, uint32_t insertItemsPerClass)
    : m_instance(instance),
      m_perClass(insertItemsPerClass),
      m_inverseCapacity(instance.GetNumDimensions(), 0.0)
{
    for (uint32_t d = 0; d < instance.GetNumDimensions(); ++d)
    {
        const double cap = instance.GetCapacity(d);
        m_inverseCapacity[d] = cap > 0.0 ? 1.0 / cap : 0.0;
    }
    if (m_perClass == 0)
    {
        return;
    }
    // Per class, its best m_perClass items of positive value by value per
    // normalised weight; nth_element per class, O(items) overall.
    const uint32_t classes = instance.GetNumClasses();
    m_start.assign(classes + 1, 0);
    std::vector<std::pair<double, int64_t>> scored;
    for (uint32_t j = 0; j < classes; ++j)
    {
        scored.clear();
        for (int64_t item = instance.GetFirstItem(j); item < instance.GetEndItem(j); ++item)
        {
            if (instance.GetValue(item) > 0.0)
            {
                scored.emplace_back(GetEfficiency(item), item);
            }
        }
        auto better = [](const auto& x, const auto& y) {
            return x.first > y.first || (x.first == y.first && x.second < y.second);
        };
        if (scored.size() > m_perClass)
        {
            // Ties by item index keep the selection deterministic.
            std::nth_element(scored.begin(), scored.begin() + m_perClass, scored.end(), better);
            scored.resize(m_perClass);
        }
        std::sort(scored.begin(), scored.end(), better);
        for (const auto& entry : scored)
        {
            m_list.push_back(entry.second);
        }
        m_start[j + 1] = static_cast<uint32_t>(m_list.size());
    }
}

double
MmkpMoveSampler::GetEfficiency(int64_t item) const
{
    const double* w = m_instance.GetWeights(item);
    double norm = 0.0;
    for (uint32_t d = 0; d < m_instance.GetNumDimensions(); ++d)
    {
        norm += w[d] * m_inverseCapacity[d];
    }
    return norm > 0.0 ? m_instance.GetValue(item) / norm : std::numeric_limits<double>::max();
}

bool
MmkpMoveSampler::HasInsertLists() const
{
    return m_perClass > 0;
}

const int64_t*
MmkpMoveSampler::InsertListBegin(uint32_t cls) const
{
    return m_list.data() + m_start[cls];
}

const int64_t*
MmkpMoveSampler::InsertListEnd(uint32_t cls) const
{
    return m_list.data() + m_start[cls + 1];
}

const std::vector<int64_t>&
MmkpMoveSampler::GetInsertItems() const
{
    return m_list;
}

bool
MmkpMoveSampler::DrawInsert(const MmkpSearchState& state,
                            Ptr<UniformRandomVariable> rng,
                            MmkpMove& move) const
{
    if (state.GetNumRejected() == 0)
    {
        return false;
    }
    const uint32_t cls = state.GetRejectedClass(rng->GetInteger(0, state.GetNumRejected() - 1));
    int64_t item;
    if (m_perClass > 0)
    {
        const uint32_t items = m_start[cls + 1] - m_start[cls];
        if (items == 0)
        {
            return false;
        }
        item = m_list[m_start[cls] + rng->GetInteger(0, items - 1)];
    }
    else
    {
        const uint32_t items = m_instance.GetNumItems(cls);
        if (items == 0)
        {
            return false;
        }
        item = m_instance.GetFirstItem(cls) + rng->GetInteger(0, items - 1);
    }
    move.cls[0] = cls;
    move.to[0] = item;
    move.count = 1;
    if (state.UsesResourceRows())
    {
        // Replace: the holder of the item's ES is rejected in exchange.
        const int64_t holder = state.GetRowOwner(state.GetRow(item));
        if (holder != MmkpInstance::REJECTED)
        {
            move.cls[1] = static_cast<uint32_t>(holder);
            move.to[1] = MmkpInstance::REJECTED;
            move.count = 2;
        }
    }
    return true;
}

bool
MmkpMoveSampler::DrawRemove(const MmkpSearchState& state,
                            Ptr<UniformRandomVariable> rng,
                            MmkpMove& move) const
{
    if (state.GetNumAssigned() == 0)
    {
        return false;
    }
    move.cls[0] = state.GetAssignedClass(rng->GetInteger(0, state.GetNumAssigned() - 1));
    move.to[0] = MmkpInstance::REJECTED;
    move.count = 1;
    return true;
}

bool
MmkpMoveSampler::DrawSwap(const MmkpSearchState& state,
                          Ptr<UniformRandomVariable> rng,
                          MmkpMove& move,
                          uint32_t& fromRow,
                          uint32_t& toRow) const
{
    if (state.GetNumAssigned() == 0 || state.GetNumRows() < 2)
    {
        return false;
    }
    uint32_t cls;
    DrawRowMove(state, rng, cls, toRow);
    fromRow = state.GetClassRow(cls);
    return state.MakeRowMove(cls, toRow, move);
}

} // namespace edgedml
} // namespace ns3
