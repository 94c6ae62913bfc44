/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_CONVERGENCE_BOUND_H
#define EDGE_DML_CONVERGENCE_BOUND_H

#include "dataset.h"
#include "learning-model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The constants of Chen et al.'s Theorem 1 (IEEE TWC 2021) for an
 * objective F: strong convexity mu, smoothness L and the gradient-bound
 * pair (zeta1, zeta2) of ||grad f(w, x_n)||^2 <= zeta1 + zeta2 ||grad F(w)||^2.
 */
struct ConvergenceConstants
{
    double mu{0.0};         //!< strong-convexity constant of F
    double smoothness{0.0}; //!< smoothness constant L of F
    double zeta1{0.0};      //!< zeta1 of the per-sample gradient bound
    double zeta2{0.0};      //!< zeta2 of the per-sample gradient bound
};

/**
 * \ingroup edge-dml
 * \brief Chen et al.'s Theorem 1, round by round. With learning rate 1/L and one
 * full-batch local step per round, the expected optimality gap after a round
 * obeys
 *   E[F(W_{t+1}) - F*] <= A_t + B_t E[F(W_t) - F*],
 *   A_t = 2 zeta1 m_t / L,   B_t = 1 - mu/L + 4 mu zeta2 m_t / L,
 *   m_t = sum_i K_i (1 - a_i + a_i q_i) / K,
 * where m_t is the share of the samples whose update is missing from round
 * t's aggregate (K_i = s_i, a_i = 1 - y_i, q_i the loss of ES i's update).
 * With constant m_t this is the theorem's
 *   A sum_{k<t} B^k + B^t (F(W_0) - F*);
 * the recursion allows the share to change from round to round (a_i and q_i
 * taken from each round's participation).
 */
class ConvergenceBound
{
  public:
    /**
     * \param constants mu, L, zeta1, zeta2 (L > 0, mu in (0, L], zetas >= 0)
     * \param initialGap F(W_0) - F* (>= 0)
     */
    ConvergenceBound(const ConvergenceConstants& constants, double initialGap);

    /**
     * \param missingShare m_t in [0, 1]
     * \return A_t
     */
    double GetA(double missingShare) const;
    /**
     * \param missingShare m_t in [0, 1]
     * \return B_t
     */
    double GetB(double missingShare) const;

    /**
     * \brief Advance the bound by one round.
     * \param missingShare m_t of the round, in [0, 1]
     * \return the bound on E[F(W_{t+1}) - F*]
     */
    double Step(double missingShare);

    /// \return the current bound (initially F(W_0) - F*)
    double GetBound() const;

    /**
     * \param missingShare a constant m in [0, 1]
     * \return the limit A / (1 - B) of the bound (infinity when B >= 1)
     */
    double GetLimit(double missingShare) const;

  private:
    ConvergenceConstants m_constants; //!< mu, L, zeta1, zeta2
    double m_bound;                   //!< the bound after the rounds so far
};

/**
 * \ingroup edge-dml
 * \brief Result of FindCentralisedOptimum.
 */
struct CentralisedOptimum
{
    Eigen::VectorXd parameters;      //!< the minimiser found, w*
    double loss{0.0};                //!< F(w*), an upper bound on F*
    double gradientNormSquared{0.0}; //!< ||grad F(w*)||^2
    double lowerBound{0.0};          //!< F(w*) - ||grad F(w*)||^2 / (2 mu), a lower bound on F*
    uint32_t iterations{0};          //!< iterations of the minimiser
    bool converged{false};           //!< whether the gradient tolerance was met
};

/**
 * \ingroup edge-dml
 * \brief F* = min F of a model's objective on some samples, by a long
 * centralised run: the model's own objective and gradient
 * (LearningModel::ObjectiveAt, the arithmetic of its trainers) on all the
 * samples at once, minimised by limited-memory BFGS (LBFGSpp, 20 corrections,
 * strong-Wolfe line search) from the given start. When the line search can
 * no longer improve (the precision limit), the best point seen is kept.
 * \param model the model (its own parameters are not changed)
 * \param data the data set
 * \param rows the samples (the union of the shards)
 * \param start where to start
 * \param mu strong-convexity constant for the lower bound (0: none, lowerBound = -inf)
 * \param maxIterations iteration limit
 * \param gradientTolerance stop when ||grad F|| is below this
 * \return the minimiser, F there and the certificate
 */
CentralisedOptimum FindCentralisedOptimum(const LearningModel& model,
                                          const Dataset& data,
                                          const std::vector<uint32_t>& rows,
                                          const Eigen::VectorXd& start,
                                          double mu,
                                          uint32_t maxIterations,
                                          double gradientTolerance);

/**
 * \ingroup edge-dml
 * \brief Estimate zeta1 and zeta2 from per-sample gradients at two points: the
 * start w0 and the minimiser w*. At w*, grad F = 0, so zeta1 must cover the
 * largest ||grad f(w*, x_n)||^2; zeta2 is then the least value for which the
 * bound also holds at w0: (max_n ||grad f(w0, x_n)||^2 - zeta1) / ||grad F(w0)||^2
 * (0 if already covered). An estimate, not a proof: the bound is checked at
 * these two points only.
 * \param model the model (its own parameters are not changed)
 * \param data the data set
 * \param rows the samples
 * \param start w0
 * \param optimum w*
 * \param[out] zeta1 the estimate of zeta1
 * \param[out] zeta2 the estimate of zeta2
 */
void EstimateGradientBound(const LearningModel& model,
                           const Dataset& data,
                           const std::vector<uint32_t>& rows,
                           const Eigen::VectorXd& start,
                           const Eigen::VectorXd& optimum,
                           double& zeta1,
                           double& zeta2);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_CONVERGENCE_BOUND_H */
