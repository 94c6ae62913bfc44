/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-local-descent.h"

#include <algorithm>

namespace ns3
{
namespace edgedml
{

namespace
{
constexpr int64_t NONE = MmkpInstance::REJECTED; //!< no candidate or class
} // namespace

MmkpLocalDescent::MmkpLocalDescent(const MmkpCandidateList& candidates,
                                   MmkpSearchState& state,
                                   uint32_t replaceCandidates,
                                   uint64_t maxEvaluations,
                                   double epsilon,
                                   uint32_t evictScan,
                                   uint64_t& work)
    : m_c(candidates),
      m_sub(candidates.GetSubInstance()),
      m_state(state),
      m_replace(replaceCandidates),
      m_maxEvaluations(maxEvaluations),
      m_eps(epsilon),
      m_evictScan(evictScan),
      m_work(work)
{
    Reset();
}

bool
MmkpLocalDescent::IsExhausted() const
{
    return m_evaluations >= m_maxEvaluations;
}

double
MmkpLocalDescent::GetEffObjective() const
{
    return m_effObjective;
}

void
MmkpLocalDescent::Reset()
{
    m_state.Clear();
    m_effObjective = 0.0;
}

void
MmkpLocalDescent::Restore(const std::vector<int64_t>& assignment, double effObjective)
{
    m_state.SetAssignment(assignment);
    m_effObjective = effObjective;
}

void
MmkpLocalDescent::Sync()
{
    m_effObjective = 0.0;
    for (uint32_t j = 0; j < m_sub.GetNumClasses(); ++j)
    {
        const int64_t k = m_state.GetItem(j);
        if (k != NONE)
        {
            m_effObjective += m_c.GetEff(k);
        }
    }
}

bool
MmkpLocalDescent::Fits(int64_t add1, int64_t add2, int64_t rem1, int64_t rem2)
{
    ++m_evaluations;
    ++m_work;
    return m_state.FitsChange(add1, add2, rem1, rem2);
}

bool
MmkpLocalDescent::IsFree(int64_t k) const
{
    return m_state.IsResourceFree(k);
}

void
MmkpLocalDescent::Assign(uint32_t j, int64_t k)
{
    MmkpMove move;
    move.cls[0] = j;
    move.to[0] = k;
    move.count = 1;
    m_state.Apply(move);
    m_effObjective += m_c.GetEff(k);
}

void
MmkpLocalDescent::Unassign(uint32_t j)
{
    const int64_t k = m_state.GetItem(j);
    MmkpMove move;
    move.cls[0] = j;
    move.to[0] = NONE;
    move.count = 1;
    m_state.Apply(move);
    m_effObjective -= m_c.GetEff(k);
}

void
MmkpLocalDescent::Construct(const std::vector<uint32_t>& order)
{
    Reset();
    m_work += order.size();
    for (uint32_t k : order)
    {
        const uint32_t j = m_c.GetClass(k);
        if (m_state.GetItem(j) != NONE || !IsFree(k))
        {
            continue;
        }
        if (Fits(k, NONE, NONE, NONE))
        {
            Assign(j, k);
        }
    }
}

void
MmkpLocalDescent::Load(const std::vector<int64_t>& list)
{
    Reset();
    for (int64_t k : list)
    {
        const uint32_t j = m_c.GetClass(k);
        if (m_state.GetItem(j) == NONE && IsFree(k) && Fits(k, NONE, NONE, NONE))
        {
            Assign(j, k);
        }
    }
}

void
MmkpLocalDescent::Descend(uint64_t workLimit)
{
    const uint32_t q = m_sub.GetNumClasses();
    bool improved = true;
    bool first = true;
    while (improved && !IsExhausted() && (first || m_work < workLimit))
    {
        first = false;
        m_work += m_c.GetNumCandidates();
        improved = false;
        m_cheap.clear();
        for (uint32_t j = 0; j < q; ++j)
        {
            if (m_state.GetItem(j) != NONE)
            {
                m_cheap.push_back(j);
            }
        }
        std::sort(m_cheap.begin(), m_cheap.end(), [this](uint32_t a, uint32_t b) {
            const double ea = m_c.GetEff(m_state.GetItem(a));
            const double eb = m_c.GetEff(m_state.GetItem(b));
            return ea < eb || (ea == eb && a < b);
        });
        for (uint32_t j = 0; j < q && !IsExhausted(); ++j)
        {
            if (m_sub.GetNumItems(j) == 0)
            {
                continue;
            }
            improved =
                (m_state.GetItem(j) == NONE ? ImproveRejected(j) : ImproveAssigned(j)) || improved;
        }
    }
}

void
MmkpLocalDescent::Perturb(UniformRandomVariable& rng, uint32_t strength)
{
    const uint32_t q = m_sub.GetNumClasses();
    const uint32_t startJ = rng.GetInteger(0, q - 1);
    int64_t rejected = NONE;
    for (uint32_t t = 0; t < q; ++t)
    {
        const uint32_t j = (startJ + t) % q;
        if (m_state.GetItem(j) == NONE && m_sub.GetNumItems(j) > 0)
        {
            rejected = j;
            break;
        }
    }
    if (rejected == NONE)
    {
        for (uint32_t e = 0; e < strength && m_state.GetNumAssigned() > 0; ++e)
        {
            EvictRandom(rng);
        }
        return;
    }
    const auto j = static_cast<uint32_t>(rejected);
    const uint32_t size = m_sub.GetNumItems(j);
    const uint32_t pick = rng.GetInteger(0, std::min(size, std::max(m_replace, 1U)) - 1);
    const int64_t k = m_c.GetByValue(j, pick);
    const int64_t holder = m_state.GetResourceOwner(m_sub.GetResource(k));
    if (holder != NONE)
    {
        Unassign(static_cast<uint32_t>(holder));
    }
    while (!Fits(k, NONE, NONE, NONE) && m_state.GetNumAssigned() > 0)
    {
        EvictRandom(rng);
    }
    if (Fits(k, NONE, NONE, NONE))
    {
        Assign(j, k);
    }
}

void
MmkpLocalDescent::EvictRandom(UniformRandomVariable& rng)
{
    const uint32_t q = m_sub.GetNumClasses();
    const uint32_t startJ = rng.GetInteger(0, q - 1);
    for (uint32_t t = 0; t < q; ++t)
    {
        const uint32_t j = (startJ + t) % q;
        if (m_state.GetItem(j) != NONE)
        {
            Unassign(j);
            return;
        }
    }
}

bool
MmkpLocalDescent::ImproveAssigned(uint32_t j)
{
    const int64_t a = m_state.GetItem(j);
    const int32_t ra = m_sub.GetResource(a);
    double best = m_eps;
    int64_t bestK = NONE;
    int64_t bestOther = NONE; // class swapped with
    int64_t bestOtherK = NONE;
    for (int64_t k = m_sub.GetFirstItem(j); k < m_sub.GetEndItem(j); ++k)
    {
        if (k == a)
        {
            continue;
        }
        const int32_t rk = m_sub.GetResource(k);
        const int64_t holder = m_state.GetResourceOwner(rk);
        if (rk == MmkpInstance::NO_RESOURCE || rk == ra || holder == NONE)
        {
            const double delta = m_c.GetEff(k) - m_c.GetEff(a);
            if (delta > best && Fits(k, NONE, a, NONE))
            {
                best = delta;
                bestK = k;
                bestOther = NONE;
            }
            continue;
        }
        if (ra == MmkpInstance::NO_RESOURCE)
        {
            continue;
        }
        const auto other = static_cast<uint32_t>(holder);
        const int64_t b = m_state.GetItem(other);
        const double gainJ = m_c.GetEff(k) - m_c.GetEff(a);
        if (gainJ + m_c.GetEff(m_c.GetByValue(other, 0)) - m_c.GetEff(b) <= best)
        {
            continue; // not even the best candidate of the other class would do
        }
        const int64_t kb = m_state.GetRowItem(other, static_cast<uint32_t>(ra));
        if (kb == NONE)
        {
            continue;
        }
        const double delta = m_c.GetEff(k) + m_c.GetEff(kb) - m_c.GetEff(a) - m_c.GetEff(b);
        if (delta > best && Fits(k, kb, a, b))
        {
            best = delta;
            bestK = k;
            bestOther = other;
            bestOtherK = kb;
        }
    }
    if (bestK == NONE)
    {
        return false;
    }
    Unassign(j);
    if (bestOther != NONE)
    {
        Unassign(static_cast<uint32_t>(bestOther));
        Assign(static_cast<uint32_t>(bestOther), bestOtherK);
    }
    Assign(j, bestK);
    return true;
}

bool
MmkpLocalDescent::ImproveRejected(uint32_t j)
{
    double best = m_eps;
    int64_t bestK = NONE;
    int64_t bestEvict = NONE;    // class evicted (replace) or moved (eject)
    int64_t bestRelocate = NONE; // new candidate of the moved class
    const uint32_t size = m_sub.GetNumItems(j);
    // Insert: by decreasing value, the first that is free and fits.
    for (uint32_t t = 0; t < size; ++t)
    {
        const int64_t k = m_c.GetByValue(j, t);
        if (m_c.GetEff(k) <= best)
        {
            break;
        }
        if (IsFree(k) && Fits(k, NONE, NONE, NONE))
        {
            best = m_c.GetEff(k);
            bestK = k;
            break;
        }
    }
    const uint32_t tries = std::min(size, m_replace);
    bool freeScanDone = false;
    for (uint32_t t = 0; t < tries; ++t)
    {
        const int64_t k = m_c.GetByValue(j, t);
        if (m_c.GetEff(k) <= best)
        {
            break; // by decreasing value: no later candidate can gain more
        }
        const int32_t rk = m_sub.GetResource(k);
        if (!IsFree(k))
        {
            const auto other = static_cast<uint32_t>(m_state.GetResourceOwner(rk));
            const int64_t b = m_state.GetItem(other);
            double delta = m_c.GetEff(k) - m_c.GetEff(b);
            if (delta > best && Fits(k, NONE, b, NONE))
            {
                best = delta;
                bestK = k;
                bestEvict = other;
                bestRelocate = NONE;
            }
            // Eject: the evicted class moves to its best free candidate
            // that fits (by decreasing value, so the first one found).
            const uint32_t otherSize = m_sub.GetNumItems(other);
            for (uint32_t oo = 0; oo < otherSize; ++oo)
            {
                const int64_t o = m_c.GetByValue(other, oo);
                delta = m_c.GetEff(k) + m_c.GetEff(o) - m_c.GetEff(b);
                if (delta <= best)
                {
                    break;
                }
                const int32_t ro = m_sub.GetResource(o);
                if (o == b || ro == rk || !IsFree(o))
                {
                    continue;
                }
                if (Fits(k, o, b, NONE))
                {
                    best = delta;
                    bestK = k;
                    bestEvict = other;
                    bestRelocate = o;
                    break;
                }
            }
        }
        else if (!freeScanDone)
        {
            // The best free candidate that does not fit: make room by
            // evicting one assigned class, the cheapest first (the list
            // of the pass, by increasing value), so that the first one
            // that makes room is the best one (up to moves made since).
            freeScanDone = true;
            const std::size_t scan = std::min<std::size_t>(m_cheap.size(), m_evictScan);
            for (std::size_t t2 = 0; t2 < scan; ++t2)
            {
                const uint32_t other = m_cheap[t2];
                const int64_t b = m_state.GetItem(other);
                if (b == NONE || other == j)
                {
                    continue;
                }
                const double delta = m_c.GetEff(k) - m_c.GetEff(b);
                if (delta <= best)
                {
                    break;
                }
                if (Fits(k, NONE, b, NONE))
                {
                    best = delta;
                    bestK = k;
                    bestEvict = other;
                    bestRelocate = NONE;
                    break;
                }
            }
        }
    }
    if (bestK == NONE)
    {
        return false;
    }
    if (bestEvict != NONE)
    {
        Unassign(static_cast<uint32_t>(bestEvict));
        if (bestRelocate != NONE)
        {
            Assign(static_cast<uint32_t>(bestEvict), bestRelocate);
        }
    }
    Assign(j, bestK);
    return true;
}

} // namespace edgedml
} // namespace ns3
