/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_OSCILLATION_SEARCH_H
#define EDGE_DML_MMKP_OSCILLATION_SEARCH_H

#include "mmkp-search-state.h"
#include "search-deadline.h"

#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A tabu search with strategic oscillation around the capacity
 * boundary, the anytime phase of LocalSearchTaskScheduler.
 *
 * It maximises f = value - P over assignments that may exceed capacities,
 * with the penalty
 *
 *   P = sum_d w p_d max(0, L_d - C_d) / C_d,
 *
 * where p_d is the value of the whole capacity d (its Lagrange multiplier,
 * so that an excess costs what the capacity it uses is worth; at least
 * PRICE_FLOOR times the mean price) and w is the penalty weight (1: the
 * Lagrangian price; measured on the hard generated instances, 0.8 and 1.2
 * were both clearly worse). The search so crosses the boundary freely;
 * after maxInfeasibleRun infeasible iterations in a row only moves that
 * lower P qualify, until the assignment is feasible again (the oscillation
 * back), which reaches feasible solutions that no feasible path connects.
 *
 * Each iteration evaluates the whole neighbourhood in O(m) per move: every
 * class to each other item of its own (when that item's resource is held,
 * the two classes swap resources, as in the paper's row swap), and, when
 * classes may be rejected, every drop of an assigned class and every add (or
 * replace of the resource's holder) of a rejected one. It applies the best
 * move that is not tabu, or a tabu one that leads to a feasible assignment
 * better than the best seen (aspiration). A class that leaves an item may
 * not take it again for a tenure drawn uniformly in [minTenure, maxTenure]
 * iterations; a class added may not be dropped for as long. Whenever the
 * assignment is feasible and beats the best seen, the search calls the
 * caller's hook.
 *
 * Cost: O(items m) per iteration. Randomness: the tenures and Perturb().
 */
class MmkpOscillationSearch
{
  public:
    /// Settings of the search.
    struct Settings
    {
        uint32_t minTenure{5};         //!< smallest tabu tenure (iterations)
        uint32_t maxTenure{15};        //!< largest tabu tenure (iterations)
        double penaltyWeight{1.0};     //!< w: the penalty relative to the capacity prices
        uint32_t maxInfeasibleRun{50}; //!< infeasible iterations in a row before the way back
    };

    /// Smallest p_d as a fraction of the mean price.
    static constexpr double PRICE_FLOOR = 0.1;

    /**
     * \param state the state to search from (its assignment must not reject
     *        a class of a MustAssignAll instance)
     * \param capacityPrices per dimension, the value of the whole capacity
     *        (e.g. normalised Lagrange multipliers); all zero: the mean item
     *        value times the number of classes, per dimension
     * \param settings the settings
     * \param rng tenures and perturbations
     */
    MmkpOscillationSearch(MmkpSearchState& state,
                          const std::vector<double>& capacityPrices,
                          const Settings& settings,
                          Ptr<UniformRandomVariable> rng);

    /**
     * \brief Run iterations from the state's assignment.
     * \param iterations iterations at most
     * \param deadline stops at its expiry
     * \param onImproved called when the assignment is feasible and its
     *        objective beats every feasible one seen by more than 1e-9 (1 + |best|)
     */
    void Run(uint64_t iterations,
             const SearchDeadline& deadline,
             const std::function<void()>& onImproved);

    /**
     * \brief Move `moves` random classes to random items of theirs (each
     * only if no resource would be used twice).
     * \param moves number of changes
     */
    void Perturb(uint32_t moves);

    /**
     * \param best the objective of the best feasible assignment known
     *        (aspiration and onImproved compare with it)
     */
    void SetBestObjective(double best);

  private:
    /// \return P of the current loads
    double Penalty() const;
    /**
     * \param move a move \param[out] value the objective change
     * \return P after the move
     */
    double PenaltyAfter(const MmkpMove& move, double& value) const;
    /// \return P after the loads change by m_delta (scratch)
    double PenaltyOfDelta() const;
    /**
     * \param cls the class \param item an item of it
     * \param[out] move the change (with a resource swap when needed)
     * \return false when it cannot be made
     */
    bool MakeChange(uint32_t cls, int64_t item, MmkpMove& move) const;
    /**
     * \param move a candidate \return whether it is tabu now
     */
    bool IsTabu(const MmkpMove& move) const;

    MmkpSearchState& m_state;            //!< the state
    const MmkpInstance& m_instance;      //!< its instance
    Settings m_settings;                 //!< the settings
    Ptr<UniformRandomVariable> m_rng;    //!< tenures and perturbations
    uint32_t m_dims;                     //!< dimensions
    std::vector<double> m_price;         //!< w p_d / C_d (per unit of excess)
    std::vector<uint64_t> m_itemTabu;    //!< per item: first iteration its class may take it
    std::vector<uint64_t> m_dropTabu;    //!< per class: first iteration it may be dropped
    mutable std::vector<double> m_delta; //!< scratch: load change of a move
    std::vector<double> m_base;          //!< scratch: excess without a class's item
    uint64_t m_iteration{0};             //!< iterations run
    uint32_t m_infeasibleRun{0};         //!< infeasible iterations in a row
    double m_best;                       //!< best feasible objective known
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_OSCILLATION_SEARCH_H */
