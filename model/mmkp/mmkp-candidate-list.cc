/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-candidate-list.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ns3
{
namespace edgedml
{

namespace
{

constexpr std::size_t PRUNE_FACTOR = 2; //!< top-k buffer size, in multiples of k, before a cut

/// Strict weak order of (key, item) pairs: larger key first, ties by smaller item.
struct Better
{
    /// \param a a pair \param b a pair \return whether a ranks before b
    bool operator()(const std::pair<double, int64_t>& a, const std::pair<double, int64_t>& b) const
    {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    }
};

/**
 * The best `size` (key, item) pairs under Better among those offered in
 * increasing item order. Offered pairs go to a buffer; when it holds
 * PRUNE_FACTOR times the size it is cut back to the best `size` by
 * nth_element and the key of the worst kept pair becomes a threshold: a
 * later pair with a key not above it ranks after `size` kept pairs (its item
 * is larger) and is dropped with one comparison.
 */
class TopK
{
  public:
    /// \param size how many pairs to keep (> 0); empties the selection
    void Reset(uint32_t size)
    {
        m_size = size;
        m_pruned = false;
        m_buffer.clear();
    }

    /// \param key the ranking key \param item the item, larger than any offered before
    void Offer(double key, int64_t item)
    {
        if (m_pruned && key <= m_threshold)
        {
            return;
        }
        m_buffer.emplace_back(key, item);
        if (m_buffer.size() >= PRUNE_FACTOR * static_cast<std::size_t>(m_size))
        {
            Prune();
        }
    }

    /**
     * \brief Cheap test before a key numerator / denominator is computed.
     * \param numerator the numerator
     * \param denominator the denominator (> 0)
     * \return false only if the quotient, rounded, would be dropped by Offer
     * (a multiplication with a relative margin of 1e-12, far above rounding,
     * decides instead of a division)
     */
    bool MayTakeQuotient(double numerator, double denominator) const
    {
        return !m_pruned || m_threshold <= 0.0 ||
               numerator >= m_threshold * denominator * (1.0 - 1e-12);
    }

    /// \return the best `size` pairs offered (all if fewer), in no particular order
    const std::vector<std::pair<double, int64_t>>& Get()
    {
        if (m_buffer.size() > m_size)
        {
            Prune();
        }
        return m_buffer;
    }

  private:
    /// Cut the buffer to the best m_size pairs and set the threshold.
    void Prune()
    {
        std::nth_element(m_buffer.begin(),
                         m_buffer.begin() + (m_size - 1),
                         m_buffer.end(),
                         Better());
        m_buffer.resize(m_size);
        m_threshold = m_buffer.back().first;
        m_pruned = true;
    }

    uint32_t m_size{0};                               //!< how many pairs to keep
    bool m_pruned{false};                             //!< whether m_threshold is set
    double m_threshold{0.0};                          //!< key of the worst kept pair
    std::vector<std::pair<double, int64_t>> m_buffer; //!< the kept and the new pairs
};

} // namespace

MmkpCandidateList::MmkpCandidateList() = default;

MmkpCandidateList::~MmkpCandidateList() = default;

const MmkpInstance&
MmkpCandidateList::GetInstance() const
{
    return *m_instance;
}

uint32_t
MmkpCandidateList::GetNumResources() const
{
    return m_resources;
}

bool
MmkpCandidateList::IsTruncated() const
{
    return m_truncated;
}

void
MmkpCandidateList::SetBonus(double bonus)
{
    for (std::size_t k = 0; k < m_eff.size(); ++k)
    {
        m_eff[k] = m_sub->GetValue(static_cast<int64_t>(k)) + bonus;
    }
}

int64_t
MmkpCandidateList::FindCandidate(int64_t item) const
{
    const uint32_t j = m_instance->GetClassOf(item);
    for (int64_t k = m_sub->GetFirstItem(j); k < m_sub->GetEndItem(j); ++k)
    {
        if (m_item[k] == item)
        {
            return k;
        }
    }
    return MmkpInstance::REJECTED;
}

double
MmkpCandidateList::Build(const MmkpInstance& instance,
                         uint32_t perClass,
                         const std::vector<double>& prices,
                         const std::vector<double>& resourcePrices)
{
    const uint32_t q = instance.GetNumClasses();
    const uint32_t dims = instance.GetNumDimensions();
    const bool strict = instance.MustAssignAll();
    const bool disjoint = instance.AreResourcesDisjoint();
    const bool priced = !prices.empty();
    const bool resourcePriced = !resourcePrices.empty() && disjoint;
    m_instance = &instance;
    m_dims = dims;
    m_resources = disjoint ? instance.GetNumResources() : 0;
    m_truncated = false;
    m_item.clear();
    m_owner.clear();
    m_eff.clear();
    m_normWeight.clear();
    m_byValue.clear();
    m_sub = std::make_unique<MmkpInstance>(instance.GetCapacities());
    m_sub->SetResourcesDisjoint(disjoint);
    m_sub->SetMustAssignAll(strict);
    m_sub->DeclareResources(m_resources);
    const std::vector<double>& cap = instance.GetCapacities();
    std::vector<double> invCap(dims);
    for (uint32_t d = 0; d < dims; ++d)
    {
        invCap[d] = cap[d] > 0.0 ? 1.0 / cap[d] : 0.0;
    }
    // Raw pointers, which the compiler keeps in registers across the pushes.
    const double* capOf = cap.data();
    const double* invCapOf = invCap.data();
    const double* priceOf = prices.data();
    const double* resourcePriceOf = resourcePrices.data();
    double absSum = 0.0;
    TopK byScore;
    TopK byRatio;
    std::vector<std::pair<int32_t, int64_t>> kept; // (resource, item)
    std::vector<double> w(dims);
    for (uint32_t j = 0; j < q; ++j)
    {
        byScore.Reset(perClass);
        byRatio.Reset(perClass);
        kept.clear();
        uint32_t fitting = 0;
        const int64_t end = instance.GetEndItem(j);
        for (int64_t it = instance.GetFirstItem(j); it < end; ++it)
        {
            const double v = instance.GetValue(it);
            absSum += std::abs(v);
            if (!strict && v <= 0.0)
            {
                continue; // never worth choosing
            }
            const double* wi = instance.GetWeights(it);
            bool fits = true;
            double score = v;
            double norm = 0.0;
            for (uint32_t d = 0; d < dims; ++d)
            {
                fits = fits & (wi[d] <= capOf[d]);
                if (priced)
                {
                    score -= priceOf[d] * wi[d] * invCapOf[d];
                }
                norm += wi[d] * invCapOf[d];
            }
            if (!fits)
            {
                continue;
            }
            const int32_t r = disjoint ? instance.GetResource(it) : MmkpInstance::NO_RESOURCE;
            if (perClass == 0)
            {
                kept.emplace_back(r, it);
                continue;
            }
            if (resourcePriced && r != MmkpInstance::NO_RESOURCE)
            {
                score -= resourcePriceOf[r];
            }
            ++fitting;
            byScore.Offer(score, it);
            // Also keep the best by value per normalised weight, so that the
            // efficiency greedy works on the same lists.
            const double denominator = norm + 1e-12;
            if (byRatio.MayTakeQuotient(v, denominator))
            {
                byRatio.Offer(v / denominator, it);
            }
        }
        if (perClass > 0)
        {
            m_truncated = m_truncated || fitting > perClass;
            for (TopK* sel : {&byScore, &byRatio})
            {
                for (const auto& p : sel->Get())
                {
                    const int32_t r =
                        disjoint ? instance.GetResource(p.second) : MmkpInstance::NO_RESOURCE;
                    kept.emplace_back(r, p.second);
                }
            }
        }
        // By resource, then item, without duplicates.
        std::sort(kept.begin(), kept.end());
        kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
        m_sub->AddClass();
        const auto first = static_cast<uint32_t>(m_item.size());
        for (const auto& k : kept)
        {
            const int64_t it = k.second;
            const double v = instance.GetValue(it);
            const double* wi = instance.GetWeights(it);
            std::copy(wi, wi + dims, w.begin());
            m_sub->AddItem(v, w, k.first);
            m_item.push_back(it);
            m_owner.push_back(j);
            m_eff.push_back(v);
            for (uint32_t d = 0; d < dims; ++d)
            {
                m_normWeight.push_back(wi[d] * invCap[d]);
            }
        }
        const auto stop = static_cast<uint32_t>(m_item.size());
        for (uint32_t k = first; k < stop; ++k)
        {
            m_byValue.push_back(k);
        }
        std::sort(m_byValue.begin() + first, m_byValue.end(), [this](uint32_t a, uint32_t b) {
            const double va = m_sub->GetValue(a);
            const double vb = m_sub->GetValue(b);
            return va > vb || (va == vb && a < b);
        });
    }
    return absSum;
}

} // namespace edgedml
} // namespace ns3
