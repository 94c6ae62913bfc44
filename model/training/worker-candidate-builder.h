/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_CANDIDATE_BUILDER_H
#define EDGE_DML_WORKER_CANDIDATE_BUILDER_H

#include "worker-selector.h"

#include "ns3/ptr.h"

#include <Eigen/Dense>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace ns3
{
namespace edgedml
{

class EdgeServer;
class LearningModel;
class WorkerApplication;

/**
 * \ingroup edge-dml
 * \param model a model
 * \return a new model of the same type and construction attributes (no parameters)
 */
Ptr<LearningModel> CopyLearningModel(Ptr<const LearningModel> model);

/**
 * \ingroup edge-dml
 * \brief Builds the WorkerCandidate list a parameter server gives its
 * WorkerSelector at a round start: s_i from the EdgeServer, o_i as last set,
 * the label shares of the worker's shard (computed once) and its local loss
 * F_i(W_t) (computed on demand, on a private copy of the model so that the
 * workers' model is never touched).
 */
class WorkerCandidateBuilder
{
  public:
    /**
     * \param model the training model (its type and attributes are copied, lazily)
     */
    void SetModel(Ptr<LearningModel> model);

    /**
     * \param worker a worker id \param probability o_i, in [0, 1]
     */
    void SetSuccessProbability(uint32_t worker, double probability);

    /**
     * \param workers the registered workers
     * \param apps their applications (a worker without one has no loss nor label shares)
     * \param eligible the eligible workers
     * \param parameters W_t (must outlive the returned candidates' use)
     * \return one candidate per registered worker, by ascending id
     */
    std::vector<WorkerCandidate> Build(const std::map<uint32_t, Ptr<EdgeServer>>& workers,
                                       const std::map<uint32_t, Ptr<WorkerApplication>>& apps,
                                       const std::set<uint32_t>& eligible,
                                       const Eigen::VectorXd& parameters);

    /// Release the models.
    void Clear();

  private:
    Ptr<LearningModel> m_model;                            //!< the training model
    Ptr<LearningModel> m_evaluator;                        //!< private copy for F_i(W_t)
    std::map<uint32_t, double> m_successProbability;       //!< o_i by worker
    std::map<uint32_t, std::vector<double>> m_labelShares; //!< label shares by worker
    uint64_t m_builds{0};                                  //!< Build calls so far
    uint64_t m_evaluatedBuild{0}; //!< the Build whose W_t the evaluator holds (0: none)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_WORKER_CANDIDATE_BUILDER_H */
