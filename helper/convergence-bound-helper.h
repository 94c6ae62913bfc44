/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_CONVERGENCE_BOUND_HELPER_H
#define EDGE_DML_CONVERGENCE_BOUND_HELPER_H

#include "training-recorder.h"
#include "training-scenario-helper.h"

#include "ns3/convergence-bound.h"

#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Chen et al.'s Theorem 1 for a synchronous-SGD scenario, next to the
 * simulated optimality gap: mu and L of the L2-regularised objective F on the
 * union of the edge servers' samples (LearningModel::GetCurvatureBounds),
 * F* by a centralised run (FindCentralisedOptimum, L-BFGS from the run's
 * final model, at most 300 iterations; F* is the certified lower bound
 * F - ||grad F||^2 / (2 mu) when that is within 10^-3 of F, otherwise the best
 * value found), zeta1 and zeta2 estimated from the per-sample gradients
 * at W_0 and at the optimum (EstimateGradientBound), and the share of
 * missing samples of every round from the recorder.
 *
 * Only for models whose curvature is known (logistic regression); the MLP is
 * not convex and gets no bound. The theorem assumes one full-batch step of
 * learning rate 1/L per round (SetLearningRateOneOverL, with LocalSteps 1 and
 * a batch at least the largest shard); with other settings the columns are
 * still written, for comparison, but the bound is not a theorem for them.
 *
 * F* and the zetas are cached in a small text file, keyed by the model type,
 * lambda, the start W_0 and the training samples themselves (a hash of the
 * rows, features and labels), so a second run on the same data reads them
 * instead of repeating the centralised run.
 */
class ConvergenceBoundHelper
{
  public:
    /**
     * \param scenario the installed scenario (its model, shards and training set),
     *        before the run: the parameter server's parameters are taken as W_0
     */
    explicit ConvergenceBoundHelper(const TrainingScenario& scenario);

    /// \return whether the model's curvature is known (the bound can be computed)
    bool IsAvailable() const;
    /// \return mu (NaN unless available)
    double GetMu() const;
    /// \return L (NaN unless available)
    double GetSmoothness() const;

    /// Set every worker's learning rate to 1/L (aborts unless available).
    void SetLearningRateOneOverL() const;

    /**
     * \brief After the run: compute (or read from the cache) F*, zeta1 and
     * zeta2 and give the recorder its bound (SetConvergenceBound). The
     * recorder must have tracked the training loss.
     * \param recorder the recorder of the run
     * \param cacheFile the cache file ("" for none); written whole or not at all
     * \return whether the bound was set (false when not available)
     */
    bool Apply(TrainingRecorder& recorder, const std::string& cacheFile);

    /// \return mu, L, zeta1, zeta2 (after Apply)
    const ConvergenceConstants& GetConstants() const;
    /// \return F* (after Apply)
    double GetOptimum() const;
    /// \return whether Apply read F* from the cache
    bool WasCached() const;
    /// \return BFGS iterations of the centralised run (0 when cached)
    uint32_t GetOptimumIterations() const;

  private:
    /// \return the cache key of the scenario's objective
    std::string CacheKey() const;

    const TrainingScenario& m_scenario; //!< the scenario
    std::vector<uint32_t> m_rows;       //!< union of the shards
    Eigen::VectorXd m_start;            //!< W_0
    bool m_available{false};            //!< curvature known
    ConvergenceConstants m_constants;   //!< mu, L, zeta1, zeta2
    double m_optimum{0.0};              //!< F*
    bool m_cached{false};               //!< read from the cache
    uint32_t m_iterations{0};           //!< BFGS iterations
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_CONVERGENCE_BOUND_HELPER_H */
