/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-search-task-scheduler.h"

#include "lagrangian-bound.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("LocalSearchTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(LocalSearchTaskScheduler);

namespace
{

constexpr int32_t NONE = -1; //!< no candidate, class or resource
constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double SORT_COST_FACTOR = 8.0; //!< work of sorting n candidates, per candidate
constexpr double LAGRANGIAN_SHARE = 0.3; //!< WorkBudget share ending the first subgradient phase
constexpr double RERANK_SHARE = 0.45;    //!< share ending the re-ranked subgradient phase
constexpr double MATCHING_SHARE = 0.75;  //!< share ending the matching phase
constexpr std::size_t PRUNE_FACTOR = 2;  //!< top-k buffer size, in multiples of k, before a cut

/**
 * The search space: per class its candidate items, stored class by class
 * (CSR) and, within a class, sorted by resource so that the candidate of a
 * class on a given resource is found by binary search.
 */
struct Candidates
{
    uint32_t classes{0};             //!< number of classes
    uint32_t dims{0};                //!< number of dimensions
    uint32_t resources{0};           //!< number of resources (0 when not disjoint)
    std::vector<uint32_t> start;     //!< first candidate per class, plus an end marker
    std::vector<uint32_t> owner;     //!< class of each candidate
    std::vector<int64_t> item;       //!< global item index of each candidate
    std::vector<double> value;       //!< item value
    std::vector<double> eff;         //!< value the search maximises (value + bonus)
    std::vector<double> weight;      //!< raw weights, candidate-major
    std::vector<double> normWeight;  //!< weights divided by the capacity (0 if capacity is 0)
    std::vector<int32_t> resource;   //!< resource, NONE when free of disjointness
    std::vector<uint32_t> byValue;   //!< per class, its candidates by decreasing value
    bool truncated{false};           //!< whether some class lost candidates to the cap
    std::vector<int32_t> onResource; //!< class-major dense table class x resource ->
                                     //!< candidate (NONE), when small enough
};

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
 * increasing item order. Offered pairs go to a buffer; when it holds PRUNE_FACTOR times
 * the size it is cut back to the best `size` by nth_element and the key of
 * the worst kept pair becomes a threshold: a later pair with a key not above
 * it ranks after `size` kept pairs (its item is larger) and is dropped with
 * one comparison.
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

/**
 * \brief Build the candidate lists in one pass over all items: per class a
 * bounded selection of the best by score and of the best by value per
 * normalised weight (no sort of the class's items).
 * \param instance the instance
 * \param perClass cap per class (0: no cap)
 * \param prices normalised capacity prices ranking the candidates (empty: by value)
 * \param resourcePrices resource prices also ranking them (empty: none)
 * \param denseCells largest classes x resources for a dense resource table
 * \param[out] c the candidates; eff is left equal to value (see AddBonus)
 * \return the sum of the absolute values of all items (in item order)
 */
double
BuildCandidates(const MmkpInstance& instance,
                uint32_t perClass,
                const std::vector<double>& prices,
                const std::vector<double>& resourcePrices,
                uint64_t denseCells,
                Candidates& c)
{
    const uint32_t q = instance.GetNumClasses();
    const uint32_t dims = instance.GetNumDimensions();
    const bool strict = instance.MustAssignAll();
    const bool disjoint = instance.AreResourcesDisjoint();
    const bool priced = !prices.empty();
    const bool resourcePriced = !resourcePrices.empty() && disjoint;
    c = Candidates();
    c.classes = q;
    c.dims = dims;
    c.resources = disjoint ? instance.GetNumResources() : 0;
    c.start.assign(1, 0);
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
            const double* w = instance.GetWeights(it);
            bool fits = true;
            double score = v;
            double norm = 0.0;
            for (uint32_t d = 0; d < dims; ++d)
            {
                fits = fits & (w[d] <= capOf[d]);
                if (priced)
                {
                    score -= priceOf[d] * w[d] * invCapOf[d];
                }
                norm += w[d] * invCapOf[d];
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
            c.truncated = c.truncated || fitting > perClass;
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
        const uint32_t first = static_cast<uint32_t>(c.item.size());
        for (const auto& k : kept)
        {
            const int64_t it = k.second;
            const double v = instance.GetValue(it);
            c.owner.push_back(j);
            c.item.push_back(it);
            c.value.push_back(v);
            c.eff.push_back(v);
            const double* w = instance.GetWeights(it);
            for (uint32_t d = 0; d < dims; ++d)
            {
                c.weight.push_back(w[d]);
                c.normWeight.push_back(w[d] * invCap[d]);
            }
            c.resource.push_back(k.first);
        }
        const uint32_t stop = static_cast<uint32_t>(c.item.size());
        c.start.push_back(stop);
        for (uint32_t k = first; k < stop; ++k)
        {
            c.byValue.push_back(k);
        }
        std::sort(c.byValue.begin() + first, c.byValue.end(), [&c](uint32_t a, uint32_t b) {
            return c.value[a] > c.value[b] || (c.value[a] == c.value[b] && a < b);
        });
    }
    if (c.resources > 0 && static_cast<uint64_t>(q) * c.resources <= denseCells)
    {
        c.onResource.assign(static_cast<std::size_t>(q) * c.resources, NONE);
        for (std::size_t k = 0; k < c.item.size(); ++k)
        {
            if (c.resource[k] != NONE)
            {
                c.onResource[static_cast<std::size_t>(c.owner[k]) * c.resources + c.resource[k]] =
                    static_cast<int32_t>(k);
            }
        }
    }
    return absSum;
}

/**
 * \brief Set the value the search maximises: every candidate's value plus a
 * constant (the Strict bonus, 0 otherwise).
 * \param bonus the constant
 * \param[in,out] c the candidates
 */
void
AddBonus(double bonus, Candidates& c)
{
    for (std::size_t k = 0; k < c.value.size(); ++k)
    {
        c.eff[k] = c.value[k] + bonus;
    }
}

/// Normalised Lagrange multipliers: prices of normalised capacity (1 per
/// dimension) and of resources.
struct Multipliers
{
    std::vector<double> lambda; //!< per dimension, price of the whole capacity
    std::vector<double> mu;     //!< per resource
};

/**
 * \brief The Lagrangian function over the candidates (base value excluded).
 * \param c the candidates
 * \param m the multipliers
 * \param strict whether every class must choose a candidate
 * \param[out] choice per class, its best candidate or NONE
 * \return the value
 */
double
EvaluateLagrangian(const Candidates& c,
                   const Multipliers& m,
                   bool strict,
                   std::vector<int32_t>& choice)
{
    double total = std::accumulate(m.lambda.begin(), m.lambda.end(), 0.0) +
                   std::accumulate(m.mu.begin(), m.mu.end(), 0.0);
    choice.assign(c.classes, NONE);
    for (uint32_t j = 0; j < c.classes; ++j)
    {
        double best = strict ? -INF : 0.0;
        for (uint32_t k = c.start[j]; k < c.start[j + 1]; ++k)
        {
            double reduced = c.value[k];
            const double* w = &c.normWeight[static_cast<std::size_t>(k) * c.dims];
            for (uint32_t d = 0; d < c.dims; ++d)
            {
                reduced -= m.lambda[d] * w[d];
            }
            if (c.resource[k] != NONE)
            {
                reduced -= m.mu[c.resource[k]];
            }
            if (reduced > best)
            {
                best = reduced;
                choice[j] = static_cast<int32_t>(k);
            }
        }
        total += best;
    }
    return total;
}

/// Incremental state of an assignment over the candidates.
struct State
{
    std::vector<int32_t> assigned; //!< per class: candidate or NONE
    std::vector<int32_t> holder;   //!< per resource: class or NONE
    std::vector<double> load;      //!< per dimension
    double objective{0.0};         //!< sum of the eff values of the chosen candidates
    double value{0.0};             //!< sum of the true values
    uint32_t count{0};             //!< assigned classes
};

/// The search: state, moves and their O(1) evaluation.
class Search
{
  public:
    Search(const Candidates& c,
           const std::vector<double>& capacities,
           uint32_t replaceCandidates,
           uint64_t maxEvaluations,
           double epsilon,
           uint32_t evictScan,
           uint64_t& work)
        : m_c(c),
          m_cap(capacities),
          m_replace(replaceCandidates),
          m_maxEvaluations(maxEvaluations),
          m_eps(epsilon),
          m_evictScan(evictScan),
          m_work(work)
    {
        Reset();
    }

    void Reset()
    {
        m_s.assigned.assign(m_c.classes, NONE);
        m_s.holder.assign(m_c.resources, NONE);
        m_s.load.assign(m_c.dims, 0.0);
        m_s.objective = 0.0;
        m_s.value = 0.0;
        m_s.count = 0;
    }

    State& GetState()
    {
        return m_s;
    }

    bool IsExhausted() const
    {
        return m_evaluations >= m_maxEvaluations;
    }

    /// Whether removing rem1, rem2 and adding add1, add2 keeps every capacity.
    bool Fits(int32_t add1, int32_t add2, int32_t rem1, int32_t rem2)
    {
        ++m_evaluations;
        ++m_work;
        for (uint32_t d = 0; d < m_c.dims; ++d)
        {
            double l = m_s.load[d];
            l += add1 != NONE ? W(add1, d) : 0.0;
            l += add2 != NONE ? W(add2, d) : 0.0;
            l -= rem1 != NONE ? W(rem1, d) : 0.0;
            l -= rem2 != NONE ? W(rem2, d) : 0.0;
            if (l > m_cap[d])
            {
                return false;
            }
        }
        return true;
    }

    bool IsFree(int32_t r) const
    {
        return r == NONE || m_s.holder[r] == NONE;
    }

    void Assign(uint32_t j, int32_t k)
    {
        m_s.assigned[j] = k;
        if (m_c.resource[k] != NONE)
        {
            m_s.holder[m_c.resource[k]] = static_cast<int32_t>(j);
        }
        for (uint32_t d = 0; d < m_c.dims; ++d)
        {
            m_s.load[d] += W(k, d);
        }
        m_s.objective += m_c.eff[k];
        m_s.value += m_c.value[k];
        ++m_s.count;
    }

    void Unassign(uint32_t j)
    {
        const int32_t k = m_s.assigned[j];
        m_s.assigned[j] = NONE;
        if (m_c.resource[k] != NONE && m_s.holder[m_c.resource[k]] == static_cast<int32_t>(j))
        {
            m_s.holder[m_c.resource[k]] = NONE;
        }
        for (uint32_t d = 0; d < m_c.dims; ++d)
        {
            m_s.load[d] -= W(k, d);
        }
        m_s.objective -= m_c.eff[k];
        m_s.value -= m_c.value[k];
        --m_s.count;
    }

    /// Greedy over all candidates in the given order.
    void Construct(const std::vector<uint32_t>& order)
    {
        Reset();
        m_work += order.size();
        for (uint32_t k : order)
        {
            const uint32_t j = m_c.owner[k];
            if (m_s.assigned[j] != NONE || !IsFree(m_c.resource[k]))
            {
                continue;
            }
            if (Fits(static_cast<int32_t>(k), NONE, NONE, NONE))
            {
                Assign(j, static_cast<int32_t>(k));
            }
        }
    }

    /// Take the given candidates in order, each if its class is open, its
    /// resource free and it fits.
    void Load(const std::vector<int32_t>& list)
    {
        Reset();
        for (int32_t k : list)
        {
            const uint32_t j = m_c.owner[k];
            if (m_s.assigned[j] == NONE && IsFree(m_c.resource[k]) && Fits(k, NONE, NONE, NONE))
            {
                Assign(j, k);
            }
        }
    }

    /**
     * \brief Local search to a local optimum, or until the move budget is
     * spent, or until the shared work counter reaches workLimit (checked
     * before every pass but the first; a pass costs one visit per candidate
     * plus its move evaluations).
     * \param workLimit work counter value after which no new pass starts
     */
    void Descend(uint64_t workLimit)
    {
        const uint32_t q = m_c.classes;
        bool improved = true;
        bool first = true;
        while (improved && !IsExhausted() && (first || m_work < workLimit))
        {
            first = false;
            m_work += m_c.item.size();
            improved = false;
            m_cheap.clear();
            for (uint32_t j = 0; j < q; ++j)
            {
                if (m_s.assigned[j] != NONE)
                {
                    m_cheap.push_back(j);
                }
            }
            std::sort(m_cheap.begin(), m_cheap.end(), [this](uint32_t a, uint32_t b) {
                const double ea = m_c.eff[m_s.assigned[a]];
                const double eb = m_c.eff[m_s.assigned[b]];
                return ea < eb || (ea == eb && a < b);
            });
            for (uint32_t j = 0; j < q && !IsExhausted(); ++j)
            {
                if (m_c.start[j] == m_c.start[j + 1])
                {
                    continue;
                }
                improved =
                    (m_s.assigned[j] == NONE ? ImproveRejected(j) : ImproveAssigned(j)) || improved;
            }
        }
    }

    /**
     * \brief Perturb: force a random candidate of a random rejected class in,
     * evicting random classes until it fits; or, when every class with
     * candidates is assigned, evict some at random.
     * \param rng the random variable
     * \param strength classes evicted when none is rejected
     */
    void Perturb(UniformRandomVariable& rng, uint32_t strength)
    {
        const uint32_t q = m_c.classes;
        const uint32_t startJ = rng.GetInteger(0, q - 1);
        int32_t rejected = NONE;
        for (uint32_t t = 0; t < q; ++t)
        {
            const uint32_t j = (startJ + t) % q;
            if (m_s.assigned[j] == NONE && m_c.start[j] < m_c.start[j + 1])
            {
                rejected = static_cast<int32_t>(j);
                break;
            }
        }
        if (rejected == NONE)
        {
            for (uint32_t e = 0; e < strength && m_s.count > 0; ++e)
            {
                EvictRandom(rng, NONE);
            }
            return;
        }
        const uint32_t j = static_cast<uint32_t>(rejected);
        const uint32_t size = m_c.start[j + 1] - m_c.start[j];
        const uint32_t pick = rng.GetInteger(0, std::min(size, std::max(m_replace, 1U)) - 1);
        const int32_t k = static_cast<int32_t>(m_c.byValue[m_c.start[j] + pick]);
        const int32_t r = m_c.resource[k];
        if (r != NONE && m_s.holder[r] != NONE)
        {
            Unassign(static_cast<uint32_t>(m_s.holder[r]));
        }
        while (!Fits(k, NONE, NONE, NONE) && m_s.count > 0)
        {
            EvictRandom(rng, NONE);
        }
        if (Fits(k, NONE, NONE, NONE))
        {
            Assign(j, k);
        }
    }

  private:
    double W(int32_t k, uint32_t d) const
    {
        return m_c.weight[static_cast<std::size_t>(k) * m_c.dims + d];
    }

    void EvictRandom(UniformRandomVariable& rng, int32_t keep)
    {
        const uint32_t q = m_c.classes;
        const uint32_t startJ = rng.GetInteger(0, q - 1);
        for (uint32_t t = 0; t < q; ++t)
        {
            const uint32_t j = (startJ + t) % q;
            if (m_s.assigned[j] != NONE && static_cast<int32_t>(j) != keep)
            {
                Unassign(j);
                return;
            }
        }
    }

    /// The candidate of class j on resource r, or NONE (binary search).
    int32_t FindOnResource(uint32_t j, int32_t r) const
    {
        if (!m_c.onResource.empty())
        {
            return m_c.onResource[static_cast<std::size_t>(j) * m_c.resources + r];
        }
        auto first = m_c.resource.begin() + m_c.start[j];
        auto last = m_c.resource.begin() + m_c.start[j + 1];
        auto it = std::lower_bound(first, last, r);
        if (it == last || *it != r)
        {
            return NONE;
        }
        return static_cast<int32_t>(it - m_c.resource.begin());
    }

    /// Best relocate or swap of an assigned class; applies it if improving.
    bool ImproveAssigned(uint32_t j)
    {
        const int32_t a = m_s.assigned[j];
        const int32_t ra = m_c.resource[a];
        double best = m_eps;
        int32_t bestK = NONE;
        int32_t bestOther = NONE; // class swapped with
        int32_t bestOtherK = NONE;
        for (uint32_t kk = m_c.start[j]; kk < m_c.start[j + 1]; ++kk)
        {
            const int32_t k = static_cast<int32_t>(kk);
            if (k == a)
            {
                continue;
            }
            const int32_t rk = m_c.resource[k];
            if (rk == NONE || rk == ra || m_s.holder[rk] == NONE)
            {
                const double delta = m_c.eff[k] - m_c.eff[a];
                if (delta > best && Fits(k, NONE, a, NONE))
                {
                    best = delta;
                    bestK = k;
                    bestOther = NONE;
                }
                continue;
            }
            if (ra == NONE)
            {
                continue;
            }
            const uint32_t other = static_cast<uint32_t>(m_s.holder[rk]);
            const int32_t b = m_s.assigned[other];
            const double gainJ = m_c.eff[k] - m_c.eff[a];
            if (gainJ + m_c.eff[m_c.byValue[m_c.start[other]]] - m_c.eff[b] <= best)
            {
                continue; // not even the best candidate of the other class would do
            }
            const int32_t kb = FindOnResource(other, ra);
            if (kb == NONE)
            {
                continue;
            }
            const double delta = m_c.eff[k] + m_c.eff[kb] - m_c.eff[a] - m_c.eff[b];
            if (delta > best && Fits(k, kb, a, b))
            {
                best = delta;
                bestK = k;
                bestOther = static_cast<int32_t>(other);
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

    /// Best insert, replace or eject for a rejected class; applies it if improving.
    bool ImproveRejected(uint32_t j)
    {
        double best = m_eps;
        int32_t bestK = NONE;
        int32_t bestEvict = NONE;    // class evicted (replace) or moved (eject)
        int32_t bestRelocate = NONE; // new candidate of the moved class
        // Insert: by decreasing value, the first that is free and fits.
        for (uint32_t t = m_c.start[j]; t < m_c.start[j + 1]; ++t)
        {
            const int32_t k = static_cast<int32_t>(m_c.byValue[t]);
            if (m_c.eff[k] <= best)
            {
                break;
            }
            if (IsFree(m_c.resource[k]) && Fits(k, NONE, NONE, NONE))
            {
                best = m_c.eff[k];
                bestK = k;
                break;
            }
        }
        const uint32_t size = m_c.start[j + 1] - m_c.start[j];
        const uint32_t tries = std::min(size, m_replace);
        bool freeScanDone = false;
        for (uint32_t t = 0; t < tries; ++t)
        {
            const int32_t k = static_cast<int32_t>(m_c.byValue[m_c.start[j] + t]);
            if (m_c.eff[k] <= best)
            {
                break; // by decreasing value: no later candidate can gain more
            }
            const int32_t rk = m_c.resource[k];
            if (!IsFree(rk))
            {
                const uint32_t other = static_cast<uint32_t>(m_s.holder[rk]);
                const int32_t b = m_s.assigned[other];
                double delta = m_c.eff[k] - m_c.eff[b];
                if (delta > best && Fits(k, NONE, b, NONE))
                {
                    best = delta;
                    bestK = k;
                    bestEvict = static_cast<int32_t>(other);
                    bestRelocate = NONE;
                }
                // Eject: the evicted class moves to its best free candidate
                // that fits (by decreasing value, so the first one found).
                for (uint32_t oo = m_c.start[other]; oo < m_c.start[other + 1]; ++oo)
                {
                    const int32_t o = static_cast<int32_t>(m_c.byValue[oo]);
                    delta = m_c.eff[k] + m_c.eff[o] - m_c.eff[b];
                    if (delta <= best)
                    {
                        break;
                    }
                    const int32_t ro = m_c.resource[o];
                    if (o == b || ro == rk || !IsFree(ro))
                    {
                        continue;
                    }
                    if (Fits(k, o, b, NONE))
                    {
                        best = delta;
                        bestK = k;
                        bestEvict = static_cast<int32_t>(other);
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
                    const int32_t b = m_s.assigned[other];
                    if (b == NONE || other == j)
                    {
                        continue;
                    }
                    const double delta = m_c.eff[k] - m_c.eff[b];
                    if (delta <= best)
                    {
                        break;
                    }
                    if (Fits(k, NONE, b, NONE))
                    {
                        best = delta;
                        bestK = k;
                        bestEvict = static_cast<int32_t>(other);
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

    const Candidates& m_c;         //!< the candidates
    std::vector<double> m_cap;     //!< capacities
    uint32_t m_replace;            //!< candidates tried by replace and eject
    uint64_t m_maxEvaluations;     //!< evaluation budget
    uint64_t m_evaluations{0};     //!< evaluations so far
    double m_eps;                  //!< smallest gain that counts as improvement
    State m_s;                     //!< the current assignment
    uint32_t m_evictScan;          //!< assigned classes tried by the make-room move
    std::vector<uint32_t> m_cheap; //!< assigned classes of the pass, by increasing value
    uint64_t& m_work;              //!< shared work counter (candidate visits)
};

/// Order of all candidates by decreasing priority (ties by index).
void
SortByPriority(const std::vector<double>& priority, std::vector<uint32_t>& order)
{
    // Sorting (key, index) pairs is cache-friendlier than an indirect sort.
    std::vector<std::pair<double, uint32_t>> keyed(priority.size());
    for (std::size_t k = 0; k < priority.size(); ++k)
    {
        keyed[k] = {-priority[k], static_cast<uint32_t>(k)};
    }
    std::sort(keyed.begin(), keyed.end());
    order.resize(priority.size());
    for (std::size_t k = 0; k < keyed.size(); ++k)
    {
        order[k] = keyed[k].second;
    }
}

/**
 * \brief Minimum-cost assignment of every row to a distinct column (rows <=
 * columns), by shortest augmenting paths with potentials (Hungarian method),
 * O(rows^2 columns).
 * \param cost row-major rows x columns costs
 * \param rows number of rows
 * \param columns number of columns
 * \param[out] rowColumn per row, its column
 */
void
SolveAssignment(const std::vector<double>& cost,
                uint32_t rows,
                uint32_t columns,
                std::vector<uint32_t>& rowColumn)
{
    // 1-based potentials u (rows) and v (columns); p[c] = row matched to column c.
    std::vector<double> u(rows + 1, 0.0);
    std::vector<double> v(columns + 1, 0.0);
    std::vector<uint32_t> p(columns + 1, 0);
    std::vector<uint32_t> way(columns + 1, 0);
    std::vector<double> minv(columns + 1);
    std::vector<char> used(columns + 1);
    for (uint32_t i = 1; i <= rows; ++i)
    {
        p[0] = i;
        uint32_t j0 = 0;
        std::fill(minv.begin(), minv.end(), INF);
        std::fill(used.begin(), used.end(), 0);
        do
        {
            used[j0] = 1;
            const uint32_t i0 = p[j0];
            double delta = INF;
            uint32_t j1 = 0;
            const double* row = &cost[static_cast<std::size_t>(i0 - 1) * columns];
            for (uint32_t j = 1; j <= columns; ++j)
            {
                if (used[j])
                {
                    continue;
                }
                const double cur = row[j - 1] - u[i0] - v[j];
                if (cur < minv[j])
                {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta)
                {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (uint32_t j = 0; j <= columns; ++j)
            {
                if (used[j])
                {
                    u[p[j]] += delta;
                    v[j] -= delta;
                }
                else
                {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do
        {
            const uint32_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    rowColumn.assign(rows, 0);
    for (uint32_t j = 1; j <= columns; ++j)
    {
        if (p[j] != 0)
        {
            rowColumn[p[j] - 1] = j - 1;
        }
    }
}

} // namespace

TypeId
LocalSearchTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::LocalSearchTaskScheduler")
            .SetParent<TaskScheduler>()
            .SetGroupName("EdgeDml")
            .AddConstructor<LocalSearchTaskScheduler>()
            .AddAttribute("CandidatesPerClass",
                          "Candidates kept per class for the search, the best by value minus "
                          "priced weight (0: keep all). The bound still covers all items.",
                          UintegerValue(128),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_candidatesPerClass),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("LagrangianIterations",
                          "Subgradient updates of the Lagrange multipliers (0: prices stay 0, "
                          "construction by value only).",
                          UintegerValue(30),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_lagrangianIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("LagrangianStepScale",
                          "Initial factor of the Polyak subgradient step, in (0, 2].",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LocalSearchTaskScheduler::m_lagrangianStepScale),
                          MakeDoubleChecker<double>(1e-6, 2.0))
            .AddAttribute("LagrangianPatience",
                          "Subgradient updates without a better bound before the step factor "
                          "is halved.",
                          UintegerValue(8),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_lagrangianPatience),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("ConstructionInterval",
                          "Subgradient updates between two greedy constructions by "
                          "pseudo-utility.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_constructionInterval),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MatchingIterations",
                          "Scalings of the capacity prices for which the resource assignment "
                          "maximising value - prices . weight is solved exactly (Hungarian "
                          "method) and repaired; 0 disables this phase.",
                          UintegerValue(8),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_matchingIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MatchingMaxCells",
                          "The matching phase runs only when classes x max(classes, resources) "
                          "is at most this (its dense cost table).",
                          UintegerValue(40000),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_matchingMaxCells),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("DenseTableMaxCells",
                          "Largest classes x resources for which the search keeps a dense "
                          "table from (class, resource) to candidate; above it, a binary search.",
                          UintegerValue(1000000),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_denseMaxCells),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("Iterations",
                          "Perturbation rounds of the iterated local search.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_iterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PerturbationStrength",
                          "Classes evicted by a perturbation when no class is rejected.",
                          UintegerValue(2),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_perturbationStrength),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("ReplaceCandidates",
                          "Best candidates (by value) of a rejected class that the replace and "
                          "eject moves and the perturbation try.",
                          UintegerValue(8),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_replaceCandidates),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("EvictionScanClasses",
                          "Assigned classes, cheapest first, that the make-room move tries "
                          "to evict for a rejected class's best free candidate.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_evictScan),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxMoveEvaluations",
                          "Cap on the moves evaluated by the whole search (a deterministic "
                          "work limit).",
                          UintegerValue(50000000),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_maxMoveEvaluations),
                          MakeUintegerChecker<uint64_t>(1))
            .AddAttribute("WorkBudget",
                          "Size-adaptive effort, in candidate visits (0: unlimited). Each "
                          "optional phase starts only if its cost fits its share of the "
                          "budget: multiplier updates (one visit per candidate) and "
                          "constructions (a sort counts 8 visits per candidate) up to 30%, "
                          "the re-ranking (one visit per item of the instance) and its "
                          "updates up to 45%, matching steps up to 75%, perturbation rounds "
                          "and local-search passes (one visit per candidate plus one per "
                          "evaluated move) up to 100%. The efficiency greedy seed and one "
                          "local-search pass always run. Small instances never reach it.",
                          UintegerValue(5000000),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_workBudget),
                          MakeUintegerChecker<uint64_t>());
    return tid;
}

LocalSearchTaskScheduler::LocalSearchTaskScheduler()
    : m_random(CreateObject<UniformRandomVariable>())
{
}

LocalSearchTaskScheduler::~LocalSearchTaskScheduler() = default;

void
LocalSearchTaskScheduler::DoDispose()
{
    m_random = nullptr;
    TaskScheduler::DoDispose();
}

int64_t
LocalSearchTaskScheduler::DoAssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

TaskScheduler::Result
LocalSearchTaskScheduler::DoSchedule(const MmkpInstance& instance)
{
    const uint32_t q = instance.GetNumClasses();
    const uint32_t dims = instance.GetNumDimensions();
    const bool strict = instance.MustAssignAll();
    Result result;
    result.assignment.assign(q, MmkpInstance::REJECTED);

    // Strict: every assignment is worth a bonus above any value range, so the
    // search maximises the count first.
    // The sum of absolute values comes from the candidate pass itself.
    Candidates cand;
    const double range =
        BuildCandidates(instance, m_candidatesPerClass, {}, {}, m_denseMaxCells, cand);
    const double bonus = strict ? 2.0 * range + 1.0 : 0.0;
    AddBonus(bonus, cand);
    const uint32_t resources = cand.resources;
    // Size-adaptive effort: every optional phase starts only if its cost in
    // candidate visits fits the share of WorkBudget given to it.
    uint64_t work = cand.item.size();
    const double budget = m_workBudget == 0 ? INF : static_cast<double>(m_workBudget);
    const uint64_t nCand = cand.item.size();
    auto limitAt = [budget](double share) {
        const double l = share * budget;
        return l >= 1.8e19 ? std::numeric_limits<uint64_t>::max() : static_cast<uint64_t>(l);
    };
    auto affordable = [&](uint64_t cost, double share) {
        return static_cast<double>(work) + static_cast<double>(cost) <= share * budget;
    };
    auto sortCost = [](std::size_t n) { return static_cast<uint64_t>(SORT_COST_FACTOR * n); };
    if (strict)
    {
        for (uint32_t j = 0; j < q; ++j)
        {
            if (cand.start[j] == cand.start[j + 1])
            {
                // A class that must be placed has no item that fits alone.
                LagrangianMultipliers zero;
                zero.capacityPrices.assign(dims, 0.0);
                result.upperBound = ComputeLagrangianBound(instance, zero);
                result.status = result.upperBound == -INF ? SolveStatus::INFEASIBLE
                                                          : SolveStatus::NO_SOLUTION_FOUND;
                return result;
            }
        }
    }

    Multipliers mult;
    mult.lambda.assign(dims, 0.0);
    mult.mu.assign(resources, 0.0);
    Multipliers bestMult = mult;
    double bestBound = INF; // over the candidates, base value excluded

    // Incumbent, as global items with its true value (base excluded).
    std::vector<int64_t> incumbent(q, MmkpInstance::REJECTED);
    double incumbentEff = -INF;
    double incumbentValue = -INF;
    bool incumbentComplete = false;

    double maxAbs = 0.0;
    for (double v : cand.eff)
    {
        maxAbs = std::max(maxAbs, std::abs(v));
    }
    const double eps = 1e-11 * std::max(maxAbs, 1e-300);

    std::vector<int32_t> choice;
    std::vector<double> priority;
    std::vector<uint32_t> order;
    std::unique_ptr<Search> search;

    auto makeSearch = [&]() {
        search = std::make_unique<Search>(cand,
                                          instance.GetCapacities(),
                                          m_replaceCandidates,
                                          m_maxMoveEvaluations,
                                          eps,
                                          m_evictScan,
                                          work);
    };
    auto keepIfBetter = [&]() {
        const State& s = search->GetState();
        if (s.objective > incumbentEff + eps)
        {
            incumbentEff = s.objective;
            incumbentValue = s.value;
            incumbentComplete = s.count == q;
            for (uint32_t j = 0; j < q; ++j)
            {
                incumbent[j] =
                    s.assigned[j] == NONE ? MmkpInstance::REJECTED : cand.item[s.assigned[j]];
            }
        }
    };
    // Greedy constructions with the current multipliers, with and without
    // the resource prices.
    auto construct = [&](const Multipliers& m, double share) {
        priority.resize(cand.item.size());
        for (int pass = 0; pass < (resources > 0 ? 2 : 1); ++pass)
        {
            if (!affordable(nCand + sortCost(nCand), share))
            {
                return;
            }
            work += nCand;
            for (std::size_t k = 0; k < cand.item.size(); ++k)
            {
                double p = cand.value[k];
                for (uint32_t d = 0; d < dims; ++d)
                {
                    p -= m.lambda[d] * cand.normWeight[k * dims + d];
                }
                if (pass == 1 && cand.resource[k] != NONE)
                {
                    p -= m.mu[cand.resource[k]];
                }
                priority[k] = p;
            }
            SortByPriority(priority, order);
            search->Construct(order);
            keepIfBetter();
        }
    };
    // Greedy construction by value per normalised weight (the plain
    // efficiency greedy over the candidates).
    auto constructByEfficiency = [&]() {
        priority.resize(cand.item.size());
        for (std::size_t k = 0; k < cand.item.size(); ++k)
        {
            double norm = 0.0;
            for (uint32_t d = 0; d < dims; ++d)
            {
                norm += cand.normWeight[k * dims + d];
            }
            priority[k] = cand.eff[k] / (norm + 1e-12);
        }
        work += nCand;
        SortByPriority(priority, order);
        search->Construct(order);
        keepIfBetter();
    };
    // Subgradient optimisation of the multipliers, with constructions.
    auto subgradient = [&](uint32_t iterations, double share) {
        double theta = m_lagrangianStepScale;
        uint32_t stall = 0;
        std::vector<double> gLambda(dims);
        std::vector<double> gMu(resources);
        for (uint32_t it = 0; it < iterations && affordable(nCand, share); ++it)
        {
            work += nCand;
            const double value = EvaluateLagrangian(cand, mult, strict, choice);
            if (bestBound == INF || value < bestBound - 1e-12 * std::abs(bestBound))
            {
                bestBound = value;
                bestMult = mult;
                stall = 0;
            }
            else if (++stall >= m_lagrangianPatience)
            {
                theta *= 0.5;
                stall = 0;
            }
            if (it % m_constructionInterval == 0)
            {
                construct(mult, share);
            }
            const bool haveLower = !strict || incumbentComplete;
            if (haveLower && bestBound - incumbentValue <= eps)
            {
                break; // proven optimal over the candidates
            }
            std::fill(gLambda.begin(), gLambda.end(), 1.0);
            std::fill(gMu.begin(), gMu.end(), 1.0);
            for (uint32_t j = 0; j < q; ++j)
            {
                const int32_t k = choice[j];
                if (k == NONE)
                {
                    continue;
                }
                for (uint32_t d = 0; d < dims; ++d)
                {
                    gLambda[d] -= cand.normWeight[static_cast<std::size_t>(k) * dims + d];
                }
                if (cand.resource[k] != NONE)
                {
                    gMu[cand.resource[k]] -= 1.0;
                }
            }
            double norm2 = 0.0;
            for (uint32_t d = 0; d < dims; ++d)
            {
                if (!(mult.lambda[d] <= 0.0 && gLambda[d] > 0.0))
                {
                    norm2 += gLambda[d] * gLambda[d];
                }
            }
            for (uint32_t r = 0; r < resources; ++r)
            {
                if (!(mult.mu[r] <= 0.0 && gMu[r] > 0.0))
                {
                    norm2 += gMu[r] * gMu[r];
                }
            }
            if (norm2 <= 0.0)
            {
                break; // the relaxed choice meets every relaxed constraint
            }
            const double target = haveLower ? incumbentValue : value - 0.1 * std::abs(value) - 1e-9;
            const double step = theta * std::max(value - target, eps) / norm2;
            for (uint32_t d = 0; d < dims; ++d)
            {
                mult.lambda[d] = std::max(0.0, mult.lambda[d] - step * gLambda[d]);
            }
            for (uint32_t r = 0; r < resources; ++r)
            {
                mult.mu[r] = std::max(0.0, mult.mu[r] - step * gMu[r]);
            }
        }
    };

    makeSearch();
    constructByEfficiency();
    subgradient(m_lagrangianIterations, LAGRANGIAN_SHARE);
    if (cand.truncated && m_lagrangianIterations > 0 &&
        affordable(instance.GetNumItems() + nCand, RERANK_SHARE))
    {
        work += instance.GetNumItems();
        // Rank the candidates again by value minus priced weight, then refine.
        BuildCandidates(instance,
                        m_candidatesPerClass,
                        bestMult.lambda,
                        bestMult.mu,
                        m_denseMaxCells,
                        cand);
        AddBonus(bonus, cand);
        makeSearch();
        incumbentEff = -INF; // the old incumbent may use dropped candidates
        incumbentComplete = false;
        incumbentValue = -INF;
        mult = bestMult;
        bestBound = INF;
        constructByEfficiency();
        work += cand.item.size();
        subgradient(std::max(m_lagrangianIterations / 2, 1U), RERANK_SHARE);
    }
    construct(bestMult, RERANK_SHARE);

    // Matching phase: for prices t * lambda, the best resource assignment of
    // value - prices . weight (capacities relaxed), loaded greedily in
    // decreasing reduced value and improved by local search; t by bisection
    // towards the smallest scaling whose assignment fits.
    const uint32_t columns = std::max(q, resources);
    const bool exactMatching = static_cast<uint64_t>(q) * columns <= m_matchingMaxCells;
    if (resources > 0 && m_matchingIterations > 0)
    {
        std::vector<double> cost(exactMatching ? static_cast<std::size_t>(q) * columns : 0);
        std::vector<int32_t> cell(cost.size());
        std::vector<double> reduced(cand.item.size());
        std::vector<uint32_t> rowColumn;
        std::vector<int32_t> list;
        std::vector<uint32_t> greedyOrder;
        std::vector<double> loads; // reused by every matchAt call
        std::vector<char> classTaken;
        std::vector<char> resourceTaken;
        auto matchAt = [&](double t) {
            std::fill(cost.begin(), cost.end(), 0.0);
            std::fill(cell.begin(), cell.end(), NONE);
            greedyOrder.clear();
            for (std::size_t k = 0; k < cand.item.size(); ++k)
            {
                double p = cand.value[k];
                for (uint32_t d = 0; d < dims; ++d)
                {
                    p -= t * bestMult.lambda[d] * cand.normWeight[k * dims + d];
                }
                reduced[k] = p;
                const int32_t r = cand.resource[k];
                if (r == NONE || (!strict && p <= 0.0))
                {
                    continue;
                }
                if (!exactMatching)
                {
                    greedyOrder.push_back(static_cast<uint32_t>(k));
                    continue;
                }
                const std::size_t at = static_cast<std::size_t>(cand.owner[k]) * columns + r;
                const double c = -(strict ? p + bonus : p);
                if (c < cost[at])
                {
                    cost[at] = c;
                    cell[at] = static_cast<int32_t>(k);
                }
            }
            list.clear();
            if (exactMatching)
            {
                SolveAssignment(cost, q, columns, rowColumn);
                for (uint32_t j = 0; j < q; ++j)
                {
                    const int32_t k = cell[static_cast<std::size_t>(j) * columns + rowColumn[j]];
                    if (k != NONE)
                    {
                        list.push_back(k);
                    }
                }
            }
            else
            {
                // Too large for the dense Hungarian method: a greedy matching
                // by decreasing reduced value (capacities relaxed).
                std::sort(greedyOrder.begin(), greedyOrder.end(), [&](uint32_t a, uint32_t b) {
                    return reduced[a] > reduced[b] || (reduced[a] == reduced[b] && a < b);
                });
                classTaken.assign(q, 0);
                resourceTaken.assign(resources, 0);
                for (uint32_t k : greedyOrder)
                {
                    const uint32_t j = cand.owner[k];
                    const int32_t r = cand.resource[k];
                    if (!classTaken[j] && !resourceTaken[r])
                    {
                        classTaken[j] = 1;
                        resourceTaken[r] = 1;
                        list.push_back(static_cast<int32_t>(k));
                    }
                }
            }
            bool fits = true;
            loads.assign(dims, 0.0);
            for (int32_t k : list)
            {
                for (uint32_t d = 0; d < dims; ++d)
                {
                    loads[d] += cand.normWeight[static_cast<std::size_t>(k) * dims + d];
                }
            }
            for (uint32_t d = 0; d < dims; ++d)
            {
                fits = fits && loads[d] <= 1.0;
            }
            std::sort(list.begin(), list.end(), [&](int32_t a, int32_t b) {
                return reduced[a] > reduced[b] || (reduced[a] == reduced[b] && a < b);
            });
            search->Load(list);
            search->Descend(limitAt(MATCHING_SHARE));
            keepIfBetter();
            return fits;
        };
        double lo = 0.0;
        double hi = 1.0;
        uint32_t used = 0;
        auto matchAffordable = [&]() {
            return affordable(2 * nCand + sortCost(nCand), MATCHING_SHARE);
        };
        if (!matchAffordable())
        {
            used = m_matchingIterations; // too large for the work budget
        }
        else if (matchAt(0.0))
        {
            used = m_matchingIterations; // the unconstrained best assignment fits
        }
        else
        {
            ++used;
            while (used < m_matchingIterations && matchAffordable() && !matchAt(hi))
            {
                ++used;
                lo = hi;
                hi *= 2.0;
            }
            ++used;
        }
        while (used < m_matchingIterations && matchAffordable())
        {
            ++used;
            const double mid = 0.5 * (lo + hi);
            if (matchAt(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
    }

    // Iterated local search from the best construction.
    State& s = search->GetState();
    search->Reset();
    for (uint32_t j = 0; j < q; ++j)
    {
        if (incumbent[j] != MmkpInstance::REJECTED)
        {
            // Find the candidate of this item (class lists are small).
            for (uint32_t k = cand.start[j]; k < cand.start[j + 1]; ++k)
            {
                if (cand.item[k] == incumbent[j])
                {
                    search->Assign(j, static_cast<int32_t>(k));
                    break;
                }
            }
        }
    }
    search->Descend(limitAt(1.0));
    keepIfBetter();
    State best = s;
    const bool anyCandidates = !cand.item.empty();
    for (uint32_t it = 0;
         it < m_iterations && anyCandidates && !search->IsExhausted() && affordable(nCand, 1.0);
         ++it)
    {
        const bool haveLower = !strict || incumbentComplete;
        if (haveLower && bestBound - incumbentValue <= eps)
        {
            break;
        }
        search->Perturb(*m_random, m_perturbationStrength);
        search->Descend(limitAt(1.0));
        if (s.objective > best.objective + eps)
        {
            best = s;
            keepIfBetter();
        }
        else if (s.objective < best.objective - eps)
        {
            s = best;
        }
    }

    // The bound over all items, with the best multipliers in raw units.
    LagrangianMultipliers raw;
    raw.capacityPrices.assign(dims, 0.0);
    for (uint32_t d = 0; d < dims; ++d)
    {
        const double c = instance.GetCapacity(d);
        raw.capacityPrices[d] = c > 0.0 ? bestMult.lambda[d] / c : 0.0;
    }
    if (resources > 0)
    {
        raw.resourcePrices = bestMult.mu;
    }
    result.upperBound = ComputeLagrangianBound(instance, raw);
    if (result.upperBound == -INF)
    {
        result.status = SolveStatus::INFEASIBLE;
        return result;
    }
    if (strict && !incumbentComplete)
    {
        result.status = SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    if (incumbentEff == -INF)
    {
        // No construction ran (no candidates): rejecting all is the best.
        incumbentValue = 0.0;
    }
    else
    {
        result.assignment = incumbent;
    }
    const double objective = instance.GetBaseValue() + incumbentValue;
    result.status = objective >= result.upperBound - 1e-9 * (1.0 + std::abs(result.upperBound))
                        ? SolveStatus::OPTIMAL
                        : SolveStatus::FEASIBLE;
    return result;
}

} // namespace edgedml
} // namespace ns3
