/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "convergence-bound.h"

#include "ns3/abort.h"

#include <LBFGS.h>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace ns3
{
namespace edgedml
{

ConvergenceBound::ConvergenceBound(const ConvergenceConstants& constants, double initialGap)
    : m_constants(constants),
      m_bound(initialGap)
{
    NS_ABORT_MSG_UNLESS(std::isfinite(constants.smoothness) && constants.smoothness > 0.0 &&
                            std::isfinite(constants.mu) && constants.mu > 0.0 &&
                            constants.mu <= constants.smoothness * (1.0 + 1e-12) &&
                            std::isfinite(constants.zeta1) && constants.zeta1 >= 0.0 &&
                            std::isfinite(constants.zeta2) && constants.zeta2 >= 0.0,
                        "ConvergenceBound: need 0 < mu <= L and zeta1, zeta2 >= 0; got mu="
                            << constants.mu << " L=" << constants.smoothness
                            << " zeta1=" << constants.zeta1 << " zeta2=" << constants.zeta2);
    NS_ABORT_MSG_UNLESS(std::isfinite(initialGap) && initialGap >= 0.0,
                        "ConvergenceBound: initial gap " << initialGap);
}

double
ConvergenceBound::GetA(double missingShare) const
{
    return 2.0 * m_constants.zeta1 * missingShare / m_constants.smoothness;
}

double
ConvergenceBound::GetB(double missingShare) const
{
    return 1.0 - m_constants.mu / m_constants.smoothness +
           4.0 * m_constants.mu * m_constants.zeta2 * missingShare / m_constants.smoothness;
}

double
ConvergenceBound::Step(double missingShare)
{
    NS_ABORT_MSG_UNLESS(missingShare >= 0.0 && missingShare <= 1.0 + 1e-12,
                        "ConvergenceBound: missing share " << missingShare);
    m_bound = GetA(missingShare) + GetB(missingShare) * m_bound;
    return m_bound;
}

double
ConvergenceBound::GetBound() const
{
    return m_bound;
}

double
ConvergenceBound::GetLimit(double missingShare) const
{
    const double b = GetB(missingShare);
    if (b >= 1.0)
    {
        return std::numeric_limits<double>::infinity();
    }
    return GetA(missingShare) / (1.0 - b);
}

namespace
{

/// The objective for LBFGSpp: F and its gradient, remembering the best point seen.
class Objective
{
  public:
    /// \param model the model \param data the data set \param rows the samples
    Objective(const LearningModel& model, const Dataset& data, const std::vector<uint32_t>& rows)
        : m_model(model),
          m_data(data),
          m_rows(rows)
    {
    }

    /// \param w the point \param[out] gradient grad F(w) \return F(w)
    double operator()(const Eigen::VectorXd& w, Eigen::VectorXd& gradient)
    {
        const double f = m_model.ObjectiveAt(w, m_data, m_rows, gradient);
        ++m_evaluations;
        if (std::isfinite(f) && (m_best.size() == 0 || f < m_bestValue))
        {
            m_best = w;
            m_bestValue = f;
        }
        return f;
    }

    /// \return the best point seen
    const Eigen::VectorXd& GetBest() const
    {
        return m_best;
    }

  private:
    const LearningModel& m_model;        //!< the model
    const Dataset& m_data;               //!< the data set
    const std::vector<uint32_t>& m_rows; //!< the samples
    Eigen::VectorXd m_best;              //!< best point seen
    double m_bestValue{0.0};             //!< F there
    uint32_t m_evaluations{0};           //!< evaluations so far
};

} // namespace

CentralisedOptimum
FindCentralisedOptimum(const LearningModel& model,
                       const Dataset& data,
                       const std::vector<uint32_t>& rows,
                       const Eigen::VectorXd& start,
                       double mu,
                       uint32_t maxIterations,
                       double gradientTolerance)
{
    NS_ABORT_MSG_IF(rows.empty(), "FindCentralisedOptimum: no samples");
    NS_ABORT_MSG_IF(start.size() != model.GetNumParameters(),
                    "FindCentralisedOptimum: start has " << start.size() << " entries");
    // Limited-memory BFGS (LBFGSpp) with 20 corrections and a strong-Wolfe line
    // search; it stops on the gradient norm or the iteration limit.
    LBFGSpp::LBFGSParam<double> param;
    param.m = 20;
    param.epsilon = gradientTolerance;
    param.epsilon_rel = 0.0; // the tolerance is absolute: F - F* <= ||grad F||^2 / (2 mu)
    param.max_iterations = static_cast<int>(maxIterations);
    param.linesearch = LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE;
    param.max_linesearch = 40;
    LBFGSpp::LBFGSSolver<double> solver(param);
    Objective objective(model, data, rows);
    Eigen::VectorXd x = start;
    double fx = 0.0;
    CentralisedOptimum result;
    try
    {
        result.iterations = static_cast<uint32_t>(solver.minimize(objective, x, fx));
    }
    catch (const std::exception& e)
    {
        // The line search could not improve further (at the precision limit):
        // keep the best point seen.
        result.iterations = maxIterations;
    }
    Eigen::VectorXd gradient;
    const Eigen::VectorXd& best = objective.GetBest().size() ? objective.GetBest() : start;
    result.loss = model.ObjectiveAt(best, data, rows, gradient);
    result.gradientNormSquared = gradient.squaredNorm();
    result.lowerBound = mu > 0.0 ? result.loss - result.gradientNormSquared / (2.0 * mu)
                                 : -std::numeric_limits<double>::infinity();
    result.parameters = best;
    result.converged = std::sqrt(result.gradientNormSquared) <= gradientTolerance;
    return result;
}

namespace
{

/// \return max_n ||grad f(w, x_n)||^2 over the rows \param model the model \param data the
/// data set \param rows the samples \param w the point
double
LargestSampleGradient(const LearningModel& model,
                      const Dataset& data,
                      const std::vector<uint32_t>& rows,
                      const Eigen::VectorXd& w)
{
    double largest = 0.0;
    Eigen::VectorXd gradient;
    std::vector<uint32_t> one(1);
    for (uint32_t row : rows)
    {
        one[0] = row;
        model.ObjectiveAt(w, data, one, gradient);
        largest = std::max(largest, gradient.squaredNorm());
    }
    return largest;
}

} // namespace

void
EstimateGradientBound(const LearningModel& model,
                      const Dataset& data,
                      const std::vector<uint32_t>& rows,
                      const Eigen::VectorXd& start,
                      const Eigen::VectorXd& optimum,
                      double& zeta1,
                      double& zeta2)
{
    NS_ABORT_MSG_IF(rows.empty(), "EstimateGradientBound: no samples");
    zeta1 = LargestSampleGradient(model, data, rows, optimum);
    const double atStart = LargestSampleGradient(model, data, rows, start);
    Eigen::VectorXd gradient;
    model.ObjectiveAt(start, data, rows, gradient);
    const double full = gradient.squaredNorm();
    zeta2 = (atStart > zeta1 && full > 0.0) ? (atStart - zeta1) / full : 0.0;
}

} // namespace edgedml
} // namespace ns3
