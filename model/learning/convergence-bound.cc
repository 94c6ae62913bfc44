/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "convergence-bound.h"

#include "ns3/abort.h"

#include <algorithm>
#include <cmath>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <limits>

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

/// What the GSL callbacks need.
struct Objective
{
    const LearningModel* model;        //!< the model
    const Dataset* data;               //!< the data set
    const std::vector<uint32_t>* rows; //!< the samples
    Eigen::VectorXd w;                 //!< scratch: the point
    Eigen::VectorXd gradient;          //!< scratch: the gradient
};

/// Copy a GSL vector into an Eigen one. \param x GSL \param[out] w Eigen
void
ToEigen(const gsl_vector* x, Eigen::VectorXd& w)
{
    w.resize(static_cast<Eigen::Index>(x->size));
    for (std::size_t k = 0; k < x->size; ++k)
    {
        w[static_cast<Eigen::Index>(k)] = gsl_vector_get(x, k);
    }
}

/// GSL: F and its gradient. \param x the point \param params Objective
/// \param f[out] F \param g[out] grad F
void
ObjectiveFdf(const gsl_vector* x, void* params, double* f, gsl_vector* g)
{
    auto* o = static_cast<Objective*>(params);
    ToEigen(x, o->w);
    const double value = o->model->ObjectiveAt(o->w, *o->data, *o->rows, o->gradient);
    if (f)
    {
        *f = value;
    }
    if (g)
    {
        for (std::size_t k = 0; k < g->size; ++k)
        {
            gsl_vector_set(g, k, o->gradient[static_cast<Eigen::Index>(k)]);
        }
    }
}

/// GSL: F. \param x the point \param params Objective \return F
double
ObjectiveF(const gsl_vector* x, void* params)
{
    double f = 0.0;
    ObjectiveFdf(x, params, &f, nullptr);
    return f;
}

/// GSL: grad F. \param x the point \param params Objective \param g[out] grad F
void
ObjectiveDf(const gsl_vector* x, void* params, gsl_vector* g)
{
    ObjectiveFdf(x, params, nullptr, g);
}

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
    const std::size_t n = static_cast<std::size_t>(start.size());
    Objective objective{&model, &data, &rows, Eigen::VectorXd(), Eigen::VectorXd()};
    gsl_multimin_function_fdf function;
    function.n = n;
    function.f = &ObjectiveF;
    function.df = &ObjectiveDf;
    function.fdf = &ObjectiveFdf;
    function.params = &objective;

    // GSL's default handler aborts on errors; report them by status instead.
    gsl_error_handler_t* previous = gsl_set_error_handler_off();
    gsl_vector* x = gsl_vector_alloc(n);
    for (std::size_t k = 0; k < n; ++k)
    {
        gsl_vector_set(x, k, start[static_cast<Eigen::Index>(k)]);
    }
    gsl_multimin_fdfminimizer* minimizer =
        gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, n);
    // First trial step 0.1 (in parameter units) and line-search tolerance 0.1, as GSL
    // recommends for BFGS2.
    gsl_multimin_fdfminimizer_set(minimizer, &function, x, 0.1, 0.1);
    CentralisedOptimum result;
    bool converged = false;
    uint32_t iteration = 0;
    while (iteration < maxIterations)
    {
        ++iteration;
        if (gsl_multimin_fdfminimizer_iterate(minimizer) != GSL_SUCCESS)
        {
            break; // no further progress along the search direction
        }
        if (gsl_multimin_test_gradient(minimizer->gradient, gradientTolerance) == GSL_SUCCESS)
        {
            converged = true;
            break;
        }
    }
    Eigen::VectorXd best;
    ToEigen(gsl_multimin_fdfminimizer_x(minimizer), best);
    gsl_multimin_fdfminimizer_free(minimizer);
    gsl_vector_free(x);
    gsl_set_error_handler(previous);

    Eigen::VectorXd gradient;
    result.loss = model.ObjectiveAt(best, data, rows, gradient);
    result.gradientNormSquared = gradient.squaredNorm();
    result.lowerBound = mu > 0.0 ? result.loss - result.gradientNormSquared / (2.0 * mu)
                                 : -std::numeric_limits<double>::infinity();
    result.parameters = std::move(best);
    result.iterations = iteration;
    result.converged = converged || std::sqrt(result.gradientNormSquared) < gradientTolerance;
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
