/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "local-search-task-scheduler.h"

#include "lagrangian-bound.h"
#include "lagrangian-subgradient.h"
#include "min-cost-assignment.h"
#include "mmkp-candidate-list.h"
#include "mmkp-feasibility-repair.h"
#include "mmkp-local-descent.h"
#include "mmkp-oscillation-search.h"
#include "mmkp-search-state.h"

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

constexpr int64_t NONE = MmkpInstance::REJECTED; //!< no candidate, class or resource
constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double SORT_COST_FACTOR = 8.0; //!< work of sorting n candidates, per candidate
constexpr double LAGRANGIAN_SHARE = 0.3; //!< WorkBudget share ending the first subgradient phase
constexpr double RERANK_SHARE = 0.45;    //!< share ending the re-ranked subgradient phase
constexpr double MATCHING_SHARE = 0.75;  //!< share ending the matching phase

/**
 * The size-adaptive effort: a counter of candidate visits and the share of
 * WorkBudget each optional phase may start within.
 */
class WorkBudget
{
  public:
    /// \param budget the budget in candidate visits (0: unlimited)
    explicit WorkBudget(uint64_t budget)
        : m_budget(budget == 0 ? INF : static_cast<double>(budget))
    {
    }

    /// \return the counter, for the phases to add their work to
    uint64_t& Counter()
    {
        return m_work;
    }

    /// \param cost work of a step \param share the phase's share
    /// \return whether the step fits the phase's share
    bool Affordable(uint64_t cost, double share) const
    {
        return static_cast<double>(m_work) + static_cast<double>(cost) <= share * m_budget;
    }

    /// \param share a share \return the counter value at which it is used up
    uint64_t LimitAt(double share) const
    {
        const double l = share * m_budget;
        return l >= 1.8e19 ? std::numeric_limits<uint64_t>::max() : static_cast<uint64_t>(l);
    }

    /// \param n candidates \return the work of sorting them
    static uint64_t SortCost(std::size_t n)
    {
        return static_cast<uint64_t>(SORT_COST_FACTOR * n);
    }

  private:
    double m_budget;    //!< the budget
    uint64_t m_work{0}; //!< the counter
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

} // namespace

/// The attribute values a solve uses.
struct LocalSearchTaskScheduler::Settings
{
    uint32_t candidatesPerClass;   //!< candidates kept per class (0: all)
    uint32_t lagrangianIterations; //!< multiplier updates
    double lagrangianStepScale;    //!< initial Polyak step factor
    uint32_t lagrangianPatience;   //!< updates without progress before halving the step
    uint32_t constructionInterval; //!< multiplier updates between greedy constructions
    uint32_t matchingIterations;   //!< price scalings of the matching phase
    uint64_t matchingMaxCells;     //!< size limit of the Hungarian matching
    uint64_t denseMaxCells;        //!< size limit of the dense (class, resource) table
    uint32_t iterations;           //!< perturbation rounds of the iterated local search
    uint32_t perturbationStrength; //!< classes evicted by a perturbation
    uint32_t replaceCandidates;    //!< best candidates per rejected class tried by replace/eject
    uint32_t evictScan;            //!< assigned classes tried by the make-room move
    uint64_t maxMoveEvaluations;   //!< cap on evaluated moves over the whole search
    uint64_t workBudget;           //!< size-adaptive effort in candidate visits (0: unlimited)
    uint32_t roundIterations;      //!< oscillation iterations per restart round
    uint32_t roundPerturbation;    //!< random changes before a round that follows a fruitless one
    uint32_t boundIterations;      //!< extra subgradient updates before the first round
    double penaltyWeight;          //!< excess penalty relative to the capacity prices
    uint32_t maxInfeasibleIterations; //!< infeasible iterations before the way back
};

/**
 * One solve of LocalSearch: the per-solve state and its named steps, in the
 * order Run() takes them (see the class documentation of the scheduler).
 */
class LocalSearchTaskScheduler::Solve
{
  public:
    /**
     * \param instance the instance \param settings the attribute values
     * \param rng the perturbation stream \param deadline the solve's deadline
     * \param scheduler the scheduler (for its restart rounds)
     */
    Solve(const MmkpInstance& instance,
          const Settings& settings,
          Ptr<UniformRandomVariable> rng,
          const SearchDeadline& deadline,
          const LocalSearchTaskScheduler& scheduler)
        : m_instance(instance),
          m_s(settings),
          m_rng(rng),
          m_deadline(deadline),
          m_scheduler(scheduler),
          m_q(instance.GetNumClasses()),
          m_dims(instance.GetNumDimensions()),
          m_strict(instance.MustAssignAll()),
          m_budget(settings.workBudget),
          m_incumbent(instance.GetNumClasses(), NONE)
    {
    }

    /// \return the result of the solve
    TaskScheduler::Result Run();

  private:
    /// Step 1: the candidate lists; false when a Strict class has none.
    bool BuildCandidateList();
    /// A new search state and descent over the current candidates.
    void MakeDescent();
    /// Keep the descent's assignment when it beats the incumbent.
    void KeepIfBetter();
    /// \return whether time is up and a feasible incumbent is held
    bool TimeUp() const;
    /// \param m multipliers \param share budget share: greedy constructions by reduced value
    void ConstructWithPrices(const NormalisedMultipliers& m, double share);
    /// Greedy construction by value per normalised weight (the seed).
    void ConstructByEfficiency();
    /// \param iterations updates \param share budget share: step 2, the subgradient
    void OptimisePrices(uint32_t iterations, double share);
    /// The candidate lists ranked again by reduced value, and the prices refined.
    void ReRank();
    /// Step 3: the matching phase.
    void MatchingPhase();
    /**
     * \param t price scaling
     * \return whether the matching at prices t lambda fits the capacities
     */
    bool MatchAt(double t);
    /// Strict: make the incumbent complete by the feasibility-first repair.
    void RepairIncumbent();
    /// Steps 4-5: the descent from the incumbent and the iterated local search.
    void IteratedLocalSearch();
    /// Step 6: restart rounds of the oscillation search (Restarts, TimeLimitS).
    void RestartRounds();
    /// Load the incumbent into the search state.
    void LoadIncumbent();
    /// \return the result: the incumbent, its status and the bound
    TaskScheduler::Result Finish();

    const MmkpInstance& m_instance;                  //!< the instance
    const Settings& m_s;                             //!< the attribute values
    Ptr<UniformRandomVariable> m_rng;                //!< perturbation stream
    const SearchDeadline& m_deadline;                //!< the solve's deadline
    const LocalSearchTaskScheduler& m_scheduler;     //!< for MayStartRound
    uint32_t m_q;                                    //!< classes
    uint32_t m_dims;                                 //!< dimensions
    bool m_strict;                                   //!< every class must be placed
    WorkBudget m_budget;                             //!< the size-adaptive effort
    MmkpCandidateList m_cand;                        //!< the candidates
    uint64_t m_workUnit{0};                          //!< candidates of the first build: the work
                                                     //!< unit of an update, construction or match
    double m_bonus{0.0};                             //!< Strict: value of placing a class
    double m_eps{0.0};                               //!< smallest gain that counts
    std::unique_ptr<MmkpSearchState> m_state;        //!< the search state over the candidates
    std::unique_ptr<MmkpLocalDescent> m_descent;     //!< the moves
    std::unique_ptr<LagrangianSubgradient> m_prices; //!< the subgradient over the candidates
    std::vector<int64_t> m_incumbent;                //!< best assignment (instance items)
    double m_incumbentEff{-INF};                     //!< its effective value
    double m_incumbentValue{-INF};                   //!< its value (base excluded)
    bool m_incumbentComplete{false};                 //!< every class placed
    std::vector<double> m_priority;                  //!< scratch: construction priorities
    std::vector<uint32_t> m_order;                   //!< scratch: construction order
};

bool
LocalSearchTaskScheduler::Solve::TimeUp() const
{
    return (!m_strict || m_incumbentComplete) && m_deadline.IsExpired();
}

bool
LocalSearchTaskScheduler::Solve::BuildCandidateList()
{
    // Strict: every assignment is worth a bonus above any value range, so the
    // search maximises the count first. The sum of absolute values comes from
    // the candidate pass itself.
    const double range = m_cand.Build(m_instance, m_s.candidatesPerClass, {}, {});
    m_bonus = m_strict ? 2.0 * range + 1.0 : 0.0;
    m_cand.SetBonus(m_bonus);
    m_workUnit = m_cand.GetNumCandidates();
    m_budget.Counter() += m_workUnit;
    if (m_strict)
    {
        for (uint32_t j = 0; j < m_q; ++j)
        {
            if (m_cand.GetSubInstance().GetNumItems(j) == 0)
            {
                return false; // a class that must be placed has no item that fits alone
            }
        }
    }
    double maxAbs = 0.0;
    for (std::size_t k = 0; k < m_cand.GetNumCandidates(); ++k)
    {
        maxAbs = std::max(maxAbs, std::abs(m_cand.GetEff(static_cast<int64_t>(k))));
    }
    m_eps = 1e-11 * std::max(maxAbs, 1e-300);
    return true;
}

void
LocalSearchTaskScheduler::Solve::MakeDescent()
{
    m_descent.reset();
    m_state = std::make_unique<MmkpSearchState>(m_cand.GetSubInstance(), true, m_s.denseMaxCells);
    m_descent = std::make_unique<MmkpLocalDescent>(m_cand,
                                                   *m_state,
                                                   m_s.replaceCandidates,
                                                   m_s.maxMoveEvaluations,
                                                   m_eps,
                                                   m_s.evictScan,
                                                   m_budget.Counter());
}

void
LocalSearchTaskScheduler::Solve::KeepIfBetter()
{
    const double eff = m_descent->GetEffObjective();
    if (eff > m_incumbentEff + m_eps)
    {
        m_incumbentEff = eff;
        m_incumbentValue = m_state->GetObjective();
        m_incumbentComplete = m_state->GetNumAssigned() == m_q;
        for (uint32_t j = 0; j < m_q; ++j)
        {
            const int64_t k = m_state->GetItem(j);
            m_incumbent[j] = k == NONE ? NONE : m_cand.GetItem(k);
        }
    }
}

void
LocalSearchTaskScheduler::Solve::ConstructWithPrices(const NormalisedMultipliers& m, double share)
{
    // With and without the resource prices.
    const std::size_t n = m_cand.GetNumCandidates();
    m_priority.resize(n);
    const uint32_t resources = m_cand.GetNumResources();
    for (int pass = 0; pass < (resources > 0 ? 2 : 1); ++pass)
    {
        if (!m_budget.Affordable(m_workUnit + WorkBudget::SortCost(m_workUnit), share) || TimeUp())
        {
            return;
        }
        m_budget.Counter() += m_workUnit;
        for (std::size_t k = 0; k < n; ++k)
        {
            double p = m_cand.GetValue(k);
            const double* w = m_cand.GetNormWeights(k);
            for (uint32_t d = 0; d < m_dims; ++d)
            {
                p -= m.lambda[d] * w[d];
            }
            const int32_t r = m_cand.GetResource(k);
            if (pass == 1 && r != MmkpInstance::NO_RESOURCE)
            {
                p -= m.mu[r];
            }
            m_priority[k] = p;
        }
        SortByPriority(m_priority, m_order);
        m_descent->Construct(m_order);
        KeepIfBetter();
    }
}

void
LocalSearchTaskScheduler::Solve::ConstructByEfficiency()
{
    const std::size_t n = m_cand.GetNumCandidates();
    m_priority.resize(n);
    for (std::size_t k = 0; k < n; ++k)
    {
        const double* w = m_cand.GetNormWeights(k);
        double norm = 0.0;
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            norm += w[d];
        }
        m_priority[k] = m_cand.GetEff(k) / (norm + 1e-12);
    }
    m_budget.Counter() += m_workUnit;
    SortByPriority(m_priority, m_order);
    m_descent->Construct(m_order);
    KeepIfBetter();
}

void
LocalSearchTaskScheduler::Solve::OptimisePrices(uint32_t iterations, double share)
{
    const uint64_t n = m_workUnit;
    LagrangianSubgradient::Hooks hooks;
    hooks.mayIterate = [this, n, share]() {
        if (!m_budget.Affordable(n, share) || TimeUp())
        {
            return false;
        }
        m_budget.Counter() += n;
        return true;
    };
    hooks.onEvaluated = [this, share](uint32_t it, const NormalisedMultipliers& m) {
        if (it % m_s.constructionInterval == 0)
        {
            ConstructWithPrices(m, share);
        }
    };
    hooks.lowerBound = [this](double& lower) {
        lower = m_incumbentValue;
        return !m_strict || m_incumbentComplete;
    };
    m_prices->Run(iterations, hooks);
}

void
LocalSearchTaskScheduler::Solve::ReRank()
{
    const NormalisedMultipliers best = m_prices->GetBestMultipliers();
    m_budget.Counter() += m_instance.GetNumItems();
    // Rank the candidates again by value minus priced weight, then refine.
    m_prices.reset();
    m_descent.reset();
    m_state.reset();
    m_cand.Build(m_instance, m_s.candidatesPerClass, best.lambda, best.mu);
    m_cand.SetBonus(m_bonus);
    MakeDescent();
    m_incumbentEff = -INF; // the old incumbent may use dropped candidates
    m_incumbentComplete = false;
    m_incumbentValue = -INF;
    m_prices = std::make_unique<LagrangianSubgradient>(m_cand.GetSubInstance(),
                                                       m_cand.GetNumResources(),
                                                       m_s.lagrangianStepScale,
                                                       m_s.lagrangianPatience,
                                                       m_eps);
    m_prices->SetMultipliers(best);
    ConstructByEfficiency();
    m_budget.Counter() += m_cand.GetNumCandidates();
    OptimisePrices(std::max(m_s.lagrangianIterations / 2, 1U), RERANK_SHARE);
}

bool
LocalSearchTaskScheduler::Solve::MatchAt(double t)
{
    const NormalisedMultipliers& bestMult = m_prices->GetBestMultipliers();
    const uint32_t resources = m_cand.GetNumResources();
    const uint32_t columns = std::max(m_q, resources);
    const bool exactMatching = static_cast<uint64_t>(m_q) * columns <= m_s.matchingMaxCells;
    const std::size_t n = m_cand.GetNumCandidates();
    std::vector<double> cost(exactMatching ? static_cast<std::size_t>(m_q) * columns : 0, 0.0);
    std::vector<int64_t> cell(cost.size(), NONE);
    std::vector<double> reduced(n);
    std::vector<uint32_t> greedyOrder;
    for (std::size_t k = 0; k < n; ++k)
    {
        double p = m_cand.GetValue(k);
        const double* w = m_cand.GetNormWeights(k);
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            p -= t * bestMult.lambda[d] * w[d];
        }
        reduced[k] = p;
        const int32_t r = m_cand.GetResource(k);
        if (r == MmkpInstance::NO_RESOURCE || (!m_strict && p <= 0.0))
        {
            continue;
        }
        if (!exactMatching)
        {
            greedyOrder.push_back(static_cast<uint32_t>(k));
            continue;
        }
        const std::size_t at = static_cast<std::size_t>(m_cand.GetClass(k)) * columns + r;
        const double c = -(m_strict ? p + m_bonus : p);
        if (c < cost[at])
        {
            cost[at] = c;
            cell[at] = static_cast<int64_t>(k);
        }
    }
    std::vector<int64_t> list;
    if (exactMatching)
    {
        std::vector<uint32_t> rowColumn;
        SolveMinCostAssignment(cost, m_q, columns, rowColumn);
        for (uint32_t j = 0; j < m_q; ++j)
        {
            const int64_t k = cell[static_cast<std::size_t>(j) * columns + rowColumn[j]];
            if (k != NONE)
            {
                list.push_back(k);
            }
        }
    }
    else
    {
        // Too large for the dense Hungarian method: a greedy matching by
        // decreasing reduced value (capacities relaxed).
        std::sort(greedyOrder.begin(), greedyOrder.end(), [&reduced](uint32_t a, uint32_t b) {
            return reduced[a] > reduced[b] || (reduced[a] == reduced[b] && a < b);
        });
        std::vector<char> classTaken(m_q, 0);
        std::vector<char> resourceTaken(resources, 0);
        for (uint32_t k : greedyOrder)
        {
            const uint32_t j = m_cand.GetClass(k);
            const int32_t r = m_cand.GetResource(k);
            if (!classTaken[j] && !resourceTaken[r])
            {
                classTaken[j] = 1;
                resourceTaken[r] = 1;
                list.push_back(static_cast<int64_t>(k));
            }
        }
    }
    bool fits = true;
    std::vector<double> loads(m_dims, 0.0);
    for (int64_t k : list)
    {
        const double* w = m_cand.GetNormWeights(k);
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            loads[d] += w[d];
        }
    }
    for (uint32_t d = 0; d < m_dims; ++d)
    {
        fits = fits && loads[d] <= 1.0;
    }
    std::sort(list.begin(), list.end(), [&reduced](int64_t a, int64_t b) {
        return reduced[a] > reduced[b] || (reduced[a] == reduced[b] && a < b);
    });
    m_descent->Load(list);
    m_descent->Descend(m_budget.LimitAt(MATCHING_SHARE));
    KeepIfBetter();
    return fits;
}

void
LocalSearchTaskScheduler::Solve::MatchingPhase()
{
    // For prices t * lambda, the best resource assignment of value - prices .
    // weight (capacities relaxed), loaded greedily in decreasing reduced value
    // and improved by local search; t by bisection towards the smallest
    // scaling whose assignment fits.
    if (m_cand.GetNumResources() == 0 || m_s.matchingIterations == 0)
    {
        return;
    }
    const uint64_t n = m_workUnit;
    auto affordable = [this, n]() {
        return m_budget.Affordable(2 * n + WorkBudget::SortCost(n), MATCHING_SHARE) && !TimeUp();
    };
    double lo = 0.0;
    double hi = 1.0;
    uint32_t used = 0;
    if (!affordable())
    {
        used = m_s.matchingIterations; // too large for the work budget
    }
    else if (MatchAt(0.0))
    {
        used = m_s.matchingIterations; // the unconstrained best assignment fits
    }
    else
    {
        ++used;
        while (used < m_s.matchingIterations && affordable() && !MatchAt(hi))
        {
            ++used;
            lo = hi;
            hi *= 2.0;
        }
        ++used;
    }
    while (used < m_s.matchingIterations && affordable())
    {
        ++used;
        const double mid = 0.5 * (lo + hi);
        if (MatchAt(mid))
        {
            hi = mid;
        }
        else
        {
            lo = mid;
        }
    }
}

void
LocalSearchTaskScheduler::Solve::RepairIncumbent()
{
    // Load the incumbent, then the feasibility-first repair over the candidates.
    m_descent->Reset();
    for (uint32_t j = 0; j < m_q; ++j)
    {
        const int64_t k = m_incumbent[j] != NONE ? m_cand.FindCandidate(m_incumbent[j]) : NONE;
        if (k != NONE)
        {
            m_descent->Assign(j, k);
        }
    }
    if (MmkpFeasibilityRepair::MakeFeasible(*m_state, m_deadline))
    {
        m_descent->Sync();
        KeepIfBetter();
    }
}

void
LocalSearchTaskScheduler::Solve::LoadIncumbent()
{
    m_descent->Reset();
    for (uint32_t j = 0; j < m_q; ++j)
    {
        const int64_t k = m_incumbent[j] != NONE ? m_cand.FindCandidate(m_incumbent[j]) : NONE;
        if (k != NONE)
        {
            m_descent->Assign(j, k);
        }
    }
}

void
LocalSearchTaskScheduler::Solve::RestartRounds()
{
    if (!m_scheduler.MayStartRound(0, m_deadline) || m_cand.GetNumCandidates() == 0 ||
        (m_strict && !m_incumbentComplete))
    {
        return;
    }
    // A tighter bound first: more subgradient updates towards the incumbent.
    LagrangianSubgradient::Hooks hooks;
    hooks.mayIterate = [this]() { return !TimeUp(); };
    hooks.lowerBound = [this](double& lower) {
        lower = m_incumbentValue;
        return true;
    };
    m_prices->SetMultipliers(m_prices->GetBestMultipliers());
    m_prices->Run(m_s.boundIterations, hooks);
    MmkpOscillationSearch::Settings settings;
    // The integrality gap grows with the dimensions per class (an LP optimum
    // has at most m fractional classes): the Lagrangian price of an excess is
    // raised by the factor 1 + m / (2 q). Measured on generated hard
    // instances: without it LocalSearch stayed 7 % below the optimum of one
    // with 10 classes and 10 dimensions (reached with it); with 1 + m / q the
    // 100- to 400-class instances came out 0.03-0.1 points worse.
    settings.penaltyWeight =
        m_s.penaltyWeight * (1.0 + 0.5 * m_dims / static_cast<double>(std::max(m_q, 1U)));
    settings.maxInfeasibleRun = m_s.maxInfeasibleIterations;
    LoadIncumbent();
    MmkpOscillationSearch search(*m_state, m_prices->GetBestMultipliers().lambda, settings, m_rng);
    search.SetBestObjective(m_state->GetObjective());
    bool improved = true;
    auto offer = [this, &improved]() {
        m_descent->Sync();
        KeepIfBetter();
        improved = true;
    };
    for (uint32_t round = 0; m_scheduler.MayStartRound(round, m_deadline); ++round)
    {
        if (!improved)
        {
            // A fruitless round: start again from the incumbent, perturbed.
            LoadIncumbent();
            search.Perturb(m_s.roundPerturbation);
        }
        improved = false;
        search.Run(m_s.roundIterations, m_deadline, offer);
    }
}

void
LocalSearchTaskScheduler::Solve::IteratedLocalSearch()
{
    // Iterated local search from the best construction.
    LoadIncumbent();
    m_descent->Descend(m_budget.LimitAt(1.0));
    KeepIfBetter();
    std::vector<int64_t> best = m_state->GetAssignment();
    double bestEff = m_descent->GetEffObjective();
    const bool anyCandidates = m_cand.GetNumCandidates() > 0;
    for (uint32_t it = 0; it < m_s.iterations && anyCandidates && !m_descent->IsExhausted() &&
                          m_budget.Affordable(m_workUnit, 1.0) && !TimeUp();
         ++it)
    {
        const bool haveLower = !m_strict || m_incumbentComplete;
        if (haveLower && m_prices->GetBestBound() - m_incumbentValue <= m_eps)
        {
            break;
        }
        m_descent->Perturb(*m_rng, m_s.perturbationStrength);
        m_descent->Descend(m_budget.LimitAt(1.0));
        const double eff = m_descent->GetEffObjective();
        if (eff > bestEff + m_eps)
        {
            best = m_state->GetAssignment();
            bestEff = eff;
            KeepIfBetter();
        }
        else if (eff < bestEff - m_eps)
        {
            m_descent->Restore(best, bestEff);
        }
    }
}

TaskScheduler::Result
LocalSearchTaskScheduler::Solve::Finish()
{
    TaskScheduler::Result result;
    result.assignment.assign(m_q, NONE);
    // The bound over all items, with the best multipliers in raw units.
    result.upperBound =
        ComputeLagrangianBound(m_instance, m_prices->ToRaw(m_prices->GetBestMultipliers()));
    if (result.upperBound == -INF)
    {
        result.status = SolveStatus::INFEASIBLE;
        return result;
    }
    if (m_strict && !m_incumbentComplete)
    {
        result.status = SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    double value = m_incumbentValue;
    if (m_incumbentEff == -INF)
    {
        value = 0.0; // no construction ran (no candidates): rejecting all is the best
    }
    else
    {
        result.assignment = m_incumbent;
    }
    const double objective = m_instance.GetBaseValue() + value;
    result.status = objective >= result.upperBound - 1e-9 * (1.0 + std::abs(result.upperBound))
                        ? SolveStatus::OPTIMAL
                        : SolveStatus::FEASIBLE;
    return result;
}

TaskScheduler::Result
LocalSearchTaskScheduler::Solve::Run()
{
    if (!BuildCandidateList())
    {
        TaskScheduler::Result result;
        result.assignment.assign(m_q, NONE);
        LagrangianMultipliers zero;
        zero.capacityPrices.assign(m_dims, 0.0);
        result.upperBound = ComputeLagrangianBound(m_instance, zero);
        result.status =
            result.upperBound == -INF ? SolveStatus::INFEASIBLE : SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    m_prices = std::make_unique<LagrangianSubgradient>(m_cand.GetSubInstance(),
                                                       m_cand.GetNumResources(),
                                                       m_s.lagrangianStepScale,
                                                       m_s.lagrangianPatience,
                                                       m_eps);
    MakeDescent();
    ConstructByEfficiency();
    OptimisePrices(m_s.lagrangianIterations, LAGRANGIAN_SHARE);
    if (m_cand.IsTruncated() && m_s.lagrangianIterations > 0 &&
        m_budget.Affordable(m_instance.GetNumItems() + m_workUnit, RERANK_SHARE) && !TimeUp())
    {
        ReRank();
    }
    ConstructWithPrices(m_prices->GetBestMultipliers(), RERANK_SHARE);
    MatchingPhase();
    if (m_strict && !m_incumbentComplete)
    {
        RepairIncumbent();
    }
    IteratedLocalSearch();
    RestartRounds();
    return Finish();
}

TypeId
LocalSearchTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::LocalSearchTaskScheduler")
            .SetParent<AnytimeTaskScheduler>()
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
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("RoundIterations",
                          "Iterations of the oscillation tabu search per restart round (see "
                          "Restarts and TimeLimitS).",
                          UintegerValue(2000),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_roundIterations),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("RoundPerturbation",
                          "Random item changes applied to the best solution before a restart "
                          "round that follows a round without a new best.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_roundPerturbation),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("BoundIterations",
                          "Subgradient updates of the Lagrange multipliers run before the "
                          "first restart round, towards the best solution (a tighter bound and "
                          "better penalty prices).",
                          UintegerValue(200),
                          MakeUintegerAccessor(&LocalSearchTaskScheduler::m_boundIterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PenaltyWeight",
                          "Restart rounds: the penalty of a capacity excess relative to the "
                          "capacity's Lagrange multiplier (1: an excess costs what the capacity "
                          "it uses is worth).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LocalSearchTaskScheduler::m_penaltyWeight),
                          MakeDoubleChecker<double>(0.01, 1e6))
            .AddAttribute(
                "MaxInfeasibleIterations",
                "Restart rounds: after this many iterations in a row with a capacity "
                "exceeded, only moves that lower the excess qualify until the "
                "assignment is feasible again.",
                UintegerValue(50),
                MakeUintegerAccessor(&LocalSearchTaskScheduler::m_maxInfeasibleIterations),
                MakeUintegerChecker<uint32_t>());
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
    AnytimeTaskScheduler::DoDispose();
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
    const SearchDeadline deadline = StartDeadline();
    Settings settings{m_candidatesPerClass,
                      m_lagrangianIterations,
                      m_lagrangianStepScale,
                      m_lagrangianPatience,
                      m_constructionInterval,
                      m_matchingIterations,
                      m_matchingMaxCells,
                      m_denseMaxCells,
                      m_iterations,
                      m_perturbationStrength,
                      m_replaceCandidates,
                      m_evictScan,
                      m_maxMoveEvaluations,
                      m_workBudget,
                      m_roundIterations,
                      m_roundPerturbation,
                      m_boundIterations,
                      m_penaltyWeight,
                      m_maxInfeasibleIterations};
    Solve solve(instance, settings, m_random, deadline, *this);
    return solve.Run();
}

} // namespace edgedml
} // namespace ns3
