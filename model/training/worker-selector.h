/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_SELECTOR_H
#define EDGE_DML_WORKER_SELECTOR_H

#include "worker-ramp.h"

#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief What a WorkerSelector knows about a registered worker at a round start.
 */
struct WorkerCandidate
{
    uint32_t id{0};                 //!< the worker's id (its node id)
    bool eligible{false};           //!< online, not busy, available: it may be selected
    uint32_t samples{0};            //!< s_i, the samples of its shard
    double successProbability{1.0}; //!< o_i, success probability of its next upload
    std::function<double()>
        localLoss;                   //!< F_i(W_t) on its shard (evaluated on demand; may be empty)
    std::vector<double> labelShares; //!< share of each class in its shard (may be empty)
};

/**
 * \ingroup edge-dml
 * \brief Chooses, at each round start, which eligible workers train in the
 * round (the module doc, "Worker selection").
 *
 * NVI base. Select is given every registered worker (the eligible ones
 * flagged) and returns the ids of the selected ones: distinct eligible
 * workers, at most k_t of them, where k_t is the Ramp's count for the round
 * if a Ramp is set, else the attribute K (0: every eligible worker), and
 * never more than the eligible workers. Subclasses implement DoSelect
 * (and DoAssignStreams if they draw random numbers). The parameter server
 * reports an eligible worker that is not selected as dropped, reason
 * Unselected; it does not train in the round.
 */
class WorkerSelector : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WorkerSelector();
    ~WorkerSelector() override;
    WorkerSelector(const WorkerSelector&) = delete;
    WorkerSelector& operator=(const WorkerSelector&) = delete;

    /**
     * \brief Select the workers of a round.
     * \param round the round t
     * \param candidates every registered worker (distinct ids)
     * \return the ids of the selected workers, ascending
     */
    std::vector<uint32_t> Select(uint32_t round, const std::vector<WorkerCandidate>& candidates);

    /**
     * \param round a round t
     * \return k_t: the Ramp's count if a Ramp is set, else K (0: no limit)
     */
    uint32_t GetK(uint32_t round) const;

    /**
     * \brief Use fixed random streams.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    /**
     * \param round the round
     * \param k the workers to select, at most the eligible ones (and at least one if any)
     * \param eligible the eligible candidates, by ascending id
     * \param all every candidate
     * \return the ids of the selected workers (distinct, eligible; at most k,
     *         exactly k unless the rule says otherwise)
     */
    virtual std::vector<uint32_t> DoSelect(uint32_t round,
                                           uint32_t k,
                                           const std::vector<const WorkerCandidate*>& eligible,
                                           const std::vector<WorkerCandidate>& all) = 0;
    /// \copydoc AssignStreams
    virtual int64_t DoAssignStreams(int64_t stream);

    uint32_t m_k;           //!< K, workers per round (0: all eligible)
    Ptr<WorkerRamp> m_ramp; //!< per-round count (null: K)
};

/**
 * \ingroup edge-dml
 * \brief Every eligible worker trains (K and Ramp are ignored): synchronous
 * SGD as without selection.
 */
class AllAvailableSelector : public WorkerSelector
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  private:
    std::vector<uint32_t> DoSelect(uint32_t round,
                                   uint32_t k,
                                   const std::vector<const WorkerCandidate*>& eligible,
                                   const std::vector<WorkerCandidate>& all) override;
};

/**
 * \ingroup edge-dml
 * \brief The k workers with the highest scores, ties to the lower id. NVI:
 * subclasses implement DoScore.
 */
class RankingWorkerSelector : public WorkerSelector
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  private:
    std::vector<uint32_t> DoSelect(uint32_t round,
                                   uint32_t k,
                                   const std::vector<const WorkerCandidate*>& eligible,
                                   const std::vector<WorkerCandidate>& all) override;
    /**
     * \param eligible the eligible candidates
     * \param all every candidate
     * \return the score of each eligible candidate, in order
     */
    virtual std::vector<double> DoScore(const std::vector<const WorkerCandidate*>& eligible,
                                        const std::vector<WorkerCandidate>& all) = 0;
};

/**
 * \ingroup edge-dml
 * \brief The k eligible workers whose uploads are most likely to arrive
 * (highest success probability o_i).
 */
class BestChannelSelector : public RankingWorkerSelector
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  private:
    std::vector<double> DoScore(const std::vector<const WorkerCandidate*>& eligible,
                                const std::vector<WorkerCandidate>& all) override;
};

/**
 * \ingroup edge-dml
 * \brief The k eligible workers holding the most samples s_i.
 */
class LargestDataSelector : public RankingWorkerSelector
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  private:
    std::vector<double> DoScore(const std::vector<const WorkerCandidate*>& eligible,
                                const std::vector<WorkerCandidate>& all) override;
};

/**
 * \ingroup edge-dml
 * \brief A data-value selector: the k eligible workers with the highest
 * value v_i = LossWeight * F_i / max_j F_j - GapWeight * sqrt(s_min / s_i)
 * + RepresentativenessWeight * (1 - TV(p_i, p)), where F_i is the local
 * training loss of W_t, sqrt(s_min / s_i) a generalisation-gap proxy (the
 * gap of an empirical risk over s_i samples shrinks as 1 / sqrt(s_i); s_min
 * the smallest eligible shard) and TV(p_i, p) the total-variation distance
 * between the worker's label distribution and that of all registered
 * workers' data together.
 */
class DataValueSelector : public RankingWorkerSelector
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DataValueSelector();

  private:
    std::vector<double> DoScore(const std::vector<const WorkerCandidate*>& eligible,
                                const std::vector<WorkerCandidate>& all) override;

    double m_lossWeight;               //!< weight of the normalised local loss
    double m_gapWeight;                //!< weight of the generalisation-gap proxy
    double m_representativenessWeight; //!< weight of 1 - TV(p_i, p)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_WORKER_SELECTOR_H */
