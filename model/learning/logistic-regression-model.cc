/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "logistic-regression-model.h"

#include "ns3/enum.h"

#include <Eigen/Eigenvalues>
#include <algorithm>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(LogisticRegressionModel);

namespace
{
/// Read-only view of W (classes x features).
using ConstWeights = Eigen::Map<const BatchMatrix>;
/// Writable view of W.
using Weights = Eigen::Map<BatchMatrix>;
} // namespace

TypeId
LogisticRegressionModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::edgedml::LogisticRegressionModel")
                            .SetParent<LearningModel>()
                            .SetGroupName("EdgeDml")
                            .AddConstructor<LogisticRegressionModel>()
                            .AddAttribute("SgdForm",
                                          "How the local SGD steps run: Primal (step by step), "
                                          "Dual (through the Gram matrix of the rows used; the "
                                          "same arithmetic up to rounding) or Auto (the one with "
                                          "fewer multiply-adds).",
                                          EnumValue(LogisticRegressionModel::AUTO),
                                          MakeEnumAccessor(&LogisticRegressionModel::m_sgdForm),
                                          MakeEnumChecker(LogisticRegressionModel::AUTO,
                                                          "Auto",
                                                          LogisticRegressionModel::PRIMAL,
                                                          "Primal",
                                                          LogisticRegressionModel::DUAL,
                                                          "Dual"));
    return tid;
}

LogisticRegressionModel::LogisticRegressionModel()
    : m_sgdForm(AUTO)
{
}

LogisticRegressionModel::~LogisticRegressionModel() = default;

uint32_t
LogisticRegressionModel::DoGetNumParameters() const
{
    return GetNumClasses() * (GetNumFeatures() + 1);
}

void
LogisticRegressionModel::DoInitialiseParameters(Eigen::VectorXd& parameters)
{
    parameters.setZero();
}

void
LogisticRegressionModel::DoScores(const Eigen::VectorXd& parameters,
                                  const BatchMatrix& x,
                                  BatchMatrix& scores) const
{
    const Eigen::Index k = GetNumClasses();
    const Eigen::Index d = GetNumFeatures();
    const ConstWeights w(parameters.data(), k, d);
    const Eigen::Map<const Eigen::RowVectorXd> b(parameters.data() + k * d, k);
    scores.noalias() = x * w.transpose();
    scores.rowwise() += b;
}

double
LogisticRegressionModel::DoDataLossGradient(const Eigen::VectorXd& parameters,
                                            const BatchMatrix& x,
                                            const std::vector<uint32_t>& y,
                                            Eigen::VectorXd& gradientSum) const
{
    const Eigen::Index k = GetNumClasses();
    const Eigen::Index d = GetNumFeatures();
    BatchMatrix scores;
    DoScores(parameters, x, scores);
    const double lossSum = SoftmaxCrossEntropy(scores, y, true);
    Weights gw(gradientSum.data(), k, d);
    gw.noalias() += scores.transpose() * x;
    Eigen::Map<Eigen::RowVectorXd> gb(gradientSum.data() + k * d, k);
    gb += scores.colwise().sum();
    return lossSum;
}

// GCC 12 warns of a maybe-uninitialised value inside Eigen's symmetric
// eigensolver (a false positive of its tridiagonalisation templates).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
bool
LogisticRegressionModel::DoGetDataSmoothness(const Dataset& data,
                                             const std::vector<uint32_t>& rows,
                                             double& smoothness) const
{
    // The Hessian of one sample's cross-entropy is (diag(p) - p p^T) (x) z z^T
    // with z = (x, 1); diag(p) - p p^T <= I / 2 (Boehning's bound), so the mean
    // Hessian is at most (1/2) lambda_max(M), M = (1/N) sum_n z_n z_n^T, for
    // every w. M is formed exactly (chunk by chunk) and its largest eigenvalue
    // computed by a symmetric eigensolver, so L is an upper bound, not an estimate.
    const Eigen::Index d = GetNumFeatures();
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(d + 1, d + 1);
    BatchMatrix x;
    std::vector<uint32_t> y;
    constexpr std::size_t chunk = 1024;
    for (std::size_t begin = 0; begin < rows.size(); begin += chunk)
    {
        const std::size_t end = std::min(rows.size(), begin + chunk);
        GatherBatch(data, rows, begin, end, x, y);
        BatchMatrix z(x.rows(), d + 1);
        z.leftCols(d) = x;
        z.col(d).setOnes();
        m.selfadjointView<Eigen::Lower>().rankUpdate(z.transpose());
    }
    m /= static_cast<double>(rows.size());
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(m, Eigen::EigenvaluesOnly);
    smoothness = 0.5 * solver.eigenvalues().maxCoeff();
    return true;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

void
LogisticRegressionModel::EstimateSgdCost(uint64_t rowsUsed,
                                         uint64_t samplesProcessed,
                                         bool gramCached,
                                         double& primal,
                                         double& dual) const
{
    const double k = GetNumClasses();
    const double d = GetNumFeatures();
    const double m = static_cast<double>(rowsUsed);
    const double b = static_cast<double>(samplesProcessed);
    // Primal: the scores and the gradient of every batch, k d each per sample.
    primal = 2.0 * b * k * d;
    // Dual: X_U W_0^T and A X_U once, G (symmetric) unless cached, and per
    // sample its scores from G and its column of A.
    dual = 2.0 * m * k * d + (gramCached ? 0.0 : 0.5 * m * m * d) + 2.0 * b * m * k;
}

double
LogisticRegressionModel::DoSgdSteps(Eigen::VectorXd& parameters,
                                    const Dataset& data,
                                    const std::vector<std::vector<uint32_t>>& batches,
                                    double learningRate,
                                    LocalSgdWorkspace& workspace) const
{
    if (m_sgdForm == PRIMAL)
    {
        return LearningModel::DoSgdSteps(parameters, data, batches, learningRate, workspace);
    }
    std::vector<uint32_t> used;
    uint64_t samples = 0;
    for (const auto& batch : batches)
    {
        used.insert(used.end(), batch.begin(), batch.end());
        samples += batch.size();
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    if (m_sgdForm == AUTO)
    {
        const bool cached = workspace.gramData == &data && workspace.gramRows == used;
        double primal = 0.0;
        double dual = 0.0;
        EstimateSgdCost(used.size(), samples, cached, primal, dual);
        if (!(dual < primal))
        {
            return LearningModel::DoSgdSteps(parameters, data, batches, learningRate, workspace);
        }
    }
    workspace.lastCallDual = true;
    return DualSgdSteps(parameters, data, batches, used, learningRate, workspace);
}

double
LogisticRegressionModel::DualSgdSteps(Eigen::VectorXd& parameters,
                                      const Dataset& data,
                                      const std::vector<std::vector<uint32_t>>& batches,
                                      const std::vector<uint32_t>& used,
                                      double learningRate,
                                      LocalSgdWorkspace& workspace) const
{
    const Eigen::Index k = GetNumClasses();
    const Eigen::Index d = GetNumFeatures();
    const auto m = static_cast<Eigen::Index>(used.size());
    const double lambda = GetL2Regularisation();
    const double shrink = 1.0 - learningRate * lambda;

    // X_U, G = X_U X_U^T (cached) and S0 = X_U W_0^T.
    SgdScratch& scratch = ThreadScratch();
    BatchMatrix& x = scratch.x;
    GatherBatch(data, used, 0, used.size(), x, scratch.y);
    if (workspace.gramData != &data || workspace.gramRows != used)
    {
        workspace.gram.setZero(m, m);
        workspace.gram.selfadjointView<Eigen::Lower>().rankUpdate(x);
        workspace.gram.triangularView<Eigen::StrictlyUpper>() = workspace.gram.transpose();
        workspace.gramData = &data;
        workspace.gramRows = used;
    }
    const Eigen::MatrixXd& gram = workspace.gram;
    Weights w0(parameters.data(), k, d);
    Eigen::Map<Eigen::RowVectorXd> bias(parameters.data() + k * d, k);
    const double w0Norm2 = w0.squaredNorm();
    const Eigen::MatrixXd s0 = x * w0.transpose(); // m x k

    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(k, m); // W_t = c W_0 + A X_U
    double c = 1.0;
    BatchMatrix& scores = scratch.scores;
    std::vector<uint32_t> labels;
    std::vector<Eigen::Index> position;
    Eigen::MatrixXd gramRows;
    double loss = 0.0;
    for (std::size_t step = 0; step < batches.size(); ++step)
    {
        const auto& batch = batches[step];
        const auto nb = static_cast<Eigen::Index>(batch.size());
        position.resize(batch.size());
        labels.resize(batch.size());
        gramRows.resize(nb, m);
        for (Eigen::Index j = 0; j < nb; ++j)
        {
            position[j] = std::lower_bound(used.begin(), used.end(), batch[j]) - used.begin();
            labels[j] = data.labels[batch[j]];
            gramRows.row(j) = gram.row(position[j]);
        }
        scores.resize(nb, k);
        scores.noalias() = gramRows * a.transpose();
        for (Eigen::Index j = 0; j < nb; ++j)
        {
            scores.row(j) += c * s0.row(position[j]) + bias;
        }
        const double lossSum = SoftmaxCrossEntropy(scores, labels, true);
        if (step + 1 == batches.size())
        {
            // ||W_t||^2 = c^2 ||W_0||^2 + 2 c <A, S0^T> + <A G, A>.
            const double wNorm2 = c * c * w0Norm2 + 2.0 * c * a.cwiseProduct(s0.transpose()).sum() +
                                  (a * gram).cwiseProduct(a).sum();
            loss = lossSum / nb + 0.5 * lambda * (wNorm2 + bias.squaredNorm());
        }
        const double rate = learningRate / static_cast<double>(nb);
        a *= shrink;
        for (Eigen::Index j = 0; j < nb; ++j)
        {
            a.col(position[j]) -= rate * scores.row(j).transpose();
        }
        bias = shrink * bias - rate * scores.colwise().sum();
        c *= shrink;
    }
    // W_tau = c W_0 + A X_U.
    BatchMatrix w = c * w0;
    w.noalias() += a * x;
    w0 = w;
    return loss;
}

int64_t
LogisticRegressionModel::DoAssignStreams(int64_t /* stream */)
{
    return 0;
}

} // namespace edgedml
} // namespace ns3
