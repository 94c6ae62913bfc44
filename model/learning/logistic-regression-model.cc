/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "logistic-regression-model.h"

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
                            .AddConstructor<LogisticRegressionModel>();
    return tid;
}

LogisticRegressionModel::LogisticRegressionModel() = default;

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

int64_t
LogisticRegressionModel::DoAssignStreams(int64_t /* stream */)
{
    return 0;
}

} // namespace edgedml
} // namespace ns3
