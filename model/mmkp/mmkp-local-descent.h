/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_LOCAL_DESCENT_H
#define EDGE_DML_MMKP_LOCAL_DESCENT_H

#include "mmkp-candidate-list.h"
#include "mmkp-search-state.h"

#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The moves of LocalSearchTaskScheduler on an MmkpSearchState over a
 * candidate list's sub-instance: greedy constructions, a best-improvement
 * descent and the perturbation of the iterated local search.
 *
 * The descent maximises the effective value (MmkpCandidateList::GetEff:
 * value plus a constant per assigned class, which makes a Strict search
 * place as many classes as it can first). Per pass it visits every class:
 *
 * - an assigned class takes its best relocate (another candidate on a free
 *   resource) or swap (two classes exchange resources);
 * - a rejected class takes its best insert (the first candidate by
 *   decreasing value that is free and fits), replace (a rejected class takes
 *   the place of an assigned one), eject (it takes the resource of an
 *   assigned class, which moves to its best free candidate) or make room
 *   (its best free candidate enters by evicting one of the EvictionScan
 *   cheapest assigned classes).
 *
 * Each move is evaluated in O(m) from the loads, resource owners and values;
 * candidate scans run by decreasing value and stop early. Passes repeat
 * while one improves by more than epsilon. Every capacity check counts one
 * evaluation (capped by maxEvaluations over the object's life) and one unit
 * of the shared work counter; a pass costs one unit per candidate.
 */
class MmkpLocalDescent
{
  public:
    /**
     * \param candidates the candidate list
     * \param state a state over candidates.GetSubInstance()
     * \param replaceCandidates best candidates of a rejected class tried by
     *        replace, eject and the perturbation
     * \param maxEvaluations cap on capacity checks
     * \param epsilon smallest gain that counts as an improvement
     * \param evictScan assigned classes tried by the make-room move
     * \param work the shared work counter (candidate visits)
     */
    MmkpLocalDescent(const MmkpCandidateList& candidates,
                     MmkpSearchState& state,
                     uint32_t replaceCandidates,
                     uint64_t maxEvaluations,
                     double epsilon,
                     uint32_t evictScan,
                     uint64_t& work);

    /// \return whether the capacity checks are used up
    bool IsExhausted() const;

    /// \return the sum of the effective values of the chosen candidates
    double GetEffObjective() const;

    /// \brief Reject every class.
    void Reset();

    /**
     * \brief Assign a rejected class (no check).
     * \param j the class \param k its candidate
     */
    void Assign(uint32_t j, int64_t k);

    /**
     * \brief Set the state to an assignment (no check) and its effective value.
     * \param assignment per class, a candidate or REJECTED
     * \param effObjective its effective value, as GetEffObjective() gave it
     */
    void Restore(const std::vector<int64_t>& assignment, double effObjective);

    /// \brief Recompute the effective value after the state was changed
    /// from outside (summed in class order).
    void Sync();

    /**
     * \brief Greedy over candidates in the given order: each taken when its
     * class is open, its resource free and it fits (state cleared first).
     * \param order candidates (of the sub-instance)
     */
    void Construct(const std::vector<uint32_t>& order);

    /**
     * \brief Like Construct, without counting the pass as work.
     * \param list candidates in the order to try
     */
    void Load(const std::vector<int64_t>& list);

    /**
     * \brief Passes to a local optimum, or until the evaluations are used
     * up, or until the work counter reaches workLimit (checked before every
     * pass but the first).
     * \param workLimit work counter value after which no new pass starts
     */
    void Descend(uint64_t workLimit);

    /**
     * \brief Perturb: force a random candidate (among the ReplaceCandidates
     * best) of a random rejected class in, evicting random classes until it
     * fits; or, when every class with candidates is assigned, evict
     * `strength` of them at random.
     * \param rng the random variable
     * \param strength classes evicted when none is rejected
     */
    void Perturb(UniformRandomVariable& rng, uint32_t strength);

  private:
    /**
     * \param add1 \param add2 candidates added \param rem1 \param rem2 removed
     * \return whether the loads stay within the capacities (counts one evaluation)
     */
    bool Fits(int64_t add1, int64_t add2, int64_t rem1, int64_t rem2);
    /// \param k a candidate \return whether its resource is free
    bool IsFree(int64_t k) const;
    /// \param j an assigned class
    void Unassign(uint32_t j);
    /**
     * \brief Evict a random assigned class (scanning from a random class).
     * \param rng the random variable
     */
    void EvictRandom(UniformRandomVariable& rng);
    /**
     * \param j an assigned class
     * \return whether its best relocate or swap improved (and was applied)
     */
    bool ImproveAssigned(uint32_t j);
    /**
     * \param j a rejected class
     * \return whether its best insert, replace, eject or make room improved
     */
    bool ImproveRejected(uint32_t j);

    const MmkpCandidateList& m_c;  //!< the candidates
    const MmkpInstance& m_sub;     //!< their sub-instance
    MmkpSearchState& m_state;      //!< the assignment over the sub-instance
    uint32_t m_replace;            //!< candidates tried by replace and eject
    uint64_t m_maxEvaluations;     //!< evaluation budget
    uint64_t m_evaluations{0};     //!< evaluations so far
    double m_eps;                  //!< smallest gain that counts as improvement
    uint32_t m_evictScan;          //!< assigned classes tried by the make-room move
    std::vector<uint32_t> m_cheap; //!< assigned classes of the pass, by increasing value
    uint64_t& m_work;              //!< shared work counter (candidate visits)
    double m_effObjective{0.0};    //!< sum of the effective values chosen
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_LOCAL_DESCENT_H */
