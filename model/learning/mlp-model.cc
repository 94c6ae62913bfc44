/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mlp-model.h"

#include "ns3/enum.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(MlpModel);

TypeId
MlpModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::MlpModel")
            .SetParent<LearningModel>()
            .SetGroupName("EdgeDml")
            .AddConstructor<MlpModel>()
            .AddAttribute("HiddenUnits",
                          "Number of units of the hidden layer.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&MlpModel::m_hiddenUnits),
                          MakeUintegerChecker<uint32_t>(1, 100000))
            .AddAttribute("Activation",
                          "Activation of the hidden layer.",
                          EnumValue(MlpModel::RELU),
                          MakeEnumAccessor(&MlpModel::m_activation),
                          MakeEnumChecker(MlpModel::RELU, "ReLU", MlpModel::TANH, "Tanh"));
    return tid;
}

MlpModel::MlpModel()
    : m_hiddenUnits(64),
      m_activation(RELU),
      m_uniform(CreateObject<UniformRandomVariable>())
{
}

MlpModel::~MlpModel() = default;

void
MlpModel::DoDispose()
{
    m_uniform = nullptr;
    LearningModel::DoDispose();
}

uint32_t
MlpModel::DoGetNumParameters() const
{
    return m_hiddenUnits * (GetNumFeatures() + 1) + GetNumClasses() * (m_hiddenUnits + 1);
}

void
MlpModel::DoInitialiseParameters(Eigen::VectorXd& parameters)
{
    const uint32_t d = GetNumFeatures();
    const uint32_t h = m_hiddenUnits;
    const uint32_t k = GetNumClasses();
    const double a1 = std::sqrt(6.0 / (d + h));
    const double a2 = std::sqrt(6.0 / (h + k));
    Eigen::Index i = 0;
    for (uint32_t j = 0; j < h * d; ++j)
    {
        parameters[i++] = m_uniform->GetValue(-a1, a1);
    }
    i += h; // b1 = 0
    for (uint32_t j = 0; j < k * h; ++j)
    {
        parameters[i++] = m_uniform->GetValue(-a2, a2);
    }
}

void
MlpModel::Hidden(const Eigen::VectorXd& parameters,
                 const BatchMatrix& x,
                 BatchMatrix& pre,
                 BatchMatrix& hidden) const
{
    const Eigen::Index d = GetNumFeatures();
    const Eigen::Index h = m_hiddenUnits;
    const Eigen::Map<const BatchMatrix> w1(parameters.data(), h, d);
    const Eigen::Map<const Eigen::RowVectorXd> b1(parameters.data() + h * d, h);
    pre.noalias() = x * w1.transpose();
    pre.rowwise() += b1;
    if (m_activation == RELU)
    {
        hidden = pre.cwiseMax(0.0);
    }
    else
    {
        hidden = pre.array().tanh().matrix();
    }
}

void
MlpModel::DoScores(const Eigen::VectorXd& parameters,
                   const BatchMatrix& x,
                   BatchMatrix& scores) const
{
    const Eigen::Index d = GetNumFeatures();
    const Eigen::Index h = m_hiddenUnits;
    const Eigen::Index k = GetNumClasses();
    BatchMatrix pre;
    BatchMatrix hidden;
    Hidden(parameters, x, pre, hidden);
    const double* second = parameters.data() + h * (d + 1);
    const Eigen::Map<const BatchMatrix> w2(second, k, h);
    const Eigen::Map<const Eigen::RowVectorXd> b2(second + k * h, k);
    scores.noalias() = hidden * w2.transpose();
    scores.rowwise() += b2;
}

double
MlpModel::DoDataLossGradient(const Eigen::VectorXd& parameters,
                             const BatchMatrix& x,
                             const std::vector<uint32_t>& y,
                             Eigen::VectorXd& gradientSum) const
{
    const Eigen::Index d = GetNumFeatures();
    const Eigen::Index h = m_hiddenUnits;
    const Eigen::Index k = GetNumClasses();
    BatchMatrix pre;
    BatchMatrix hidden;
    Hidden(parameters, x, pre, hidden);
    const double* second = parameters.data() + h * (d + 1);
    const Eigen::Map<const BatchMatrix> w2(second, k, h);
    const Eigen::Map<const Eigen::RowVectorXd> b2(second + k * h, k);
    BatchMatrix scores = hidden * w2.transpose();
    scores.rowwise() += b2;
    const double lossSum = SoftmaxCrossEntropy(scores, y, true); // scores := dCE/dscores

    double* g = gradientSum.data();
    Eigen::Map<BatchMatrix> gw1(g, h, d);
    Eigen::Map<Eigen::RowVectorXd> gb1(g + h * d, h);
    Eigen::Map<BatchMatrix> gw2(g + h * (d + 1), k, h);
    Eigen::Map<Eigen::RowVectorXd> gb2(g + h * (d + 1) + k * h, k);
    gw2.noalias() += scores.transpose() * hidden;
    gb2 += scores.colwise().sum();
    BatchMatrix delta = scores * w2; // dCE/dhidden, samples x h
    if (m_activation == RELU)
    {
        delta = (pre.array() > 0.0).select(delta, 0.0);
    }
    else
    {
        delta.array() *= 1.0 - hidden.array().square();
    }
    gw1.noalias() += delta.transpose() * x;
    gb1 += delta.colwise().sum();
    return lossSum;
}

int64_t
MlpModel::DoAssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

} // namespace edgedml
} // namespace ns3
