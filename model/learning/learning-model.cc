/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "learning-model.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(LearningModel);

namespace
{
/// Samples converted to double precision at a time.
constexpr std::size_t CHUNK_SAMPLES = 1024;
} // namespace

TypeId
LearningModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::LearningModel")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddAttribute("NumFeatures",
                          "Number of input features (784 for Fashion-MNIST).",
                          UintegerValue(784),
                          MakeUintegerAccessor(&LearningModel::m_numFeatures),
                          MakeUintegerChecker<uint32_t>(1, 100000))
            .AddAttribute("NumClasses",
                          "Number of classes (10 for Fashion-MNIST).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&LearningModel::m_numClasses),
                          MakeUintegerChecker<uint32_t>(2, 1000))
            .AddAttribute("L2Regularisation",
                          "Coefficient lambda of the L2 term (lambda/2)||w||^2 of the "
                          "objective, on all parameters (dimensionless).",
                          DoubleValue(1e-4),
                          MakeDoubleAccessor(&LearningModel::m_l2),
                          MakeDoubleChecker<double>(0.0, 1e6));
    return tid;
}

LearningModel::LearningModel()
    : m_numFeatures(784),
      m_numClasses(10),
      m_l2(1e-4)
{
}

LearningModel::~LearningModel() = default;

uint32_t
LearningModel::GetNumParameters() const
{
    return DoGetNumParameters();
}

uint32_t
LearningModel::GetNumFeatures() const
{
    return m_numFeatures;
}

uint32_t
LearningModel::GetNumClasses() const
{
    return m_numClasses;
}

double
LearningModel::GetL2Regularisation() const
{
    return m_l2;
}

void
LearningModel::InitialiseParameters()
{
    m_parameters = Eigen::VectorXd::Zero(GetNumParameters());
    DoInitialiseParameters(m_parameters);
}

const Eigen::VectorXd&
LearningModel::GetParameters() const
{
    return m_parameters;
}

void
LearningModel::SetParameters(const Eigen::VectorXd& parameters)
{
    NS_ABORT_MSG_IF(parameters.size() != GetNumParameters(),
                    "SetParameters: " << parameters.size() << " values for a model of "
                                      << GetNumParameters() << " parameters");
    m_parameters = parameters;
}

void
LearningModel::CheckInput(const Dataset& data, const std::vector<uint32_t>& rows) const
{
    NS_ABORT_MSG_IF(m_parameters.size() != GetNumParameters(),
                    "model parameters not set: call InitialiseParameters or SetParameters");
    CheckShape(data);
    NS_ABORT_MSG_IF(rows.empty(), "no samples given");
}

void
LearningModel::CheckShape(const Dataset& data) const
{
    NS_ABORT_MSG_IF(data.GetNumFeatures() != m_numFeatures,
                    "data have " << data.GetNumFeatures() << " features, the model expects "
                                 << m_numFeatures);
    NS_ABORT_MSG_IF(data.numClasses > m_numClasses,
                    "data have " << data.numClasses << " classes, the model only " << m_numClasses);
}

double
LearningModel::Loss(const Dataset& data, const std::vector<uint32_t>& rows) const
{
    return Evaluate(data, rows).loss;
}

Eigen::VectorXd
LearningModel::Gradient(const Dataset& data, const std::vector<uint32_t>& rows) const
{
    Eigen::VectorXd gradient;
    LossAndGradient(data, rows, gradient);
    return gradient;
}

double
LearningModel::LossAndGradient(const Dataset& data,
                               const std::vector<uint32_t>& rows,
                               Eigen::VectorXd& gradient) const
{
    CheckInput(data, rows);
    BatchMatrix x;
    std::vector<uint32_t> y;
    return LossAndGradientAt(m_parameters, data, rows, gradient, x, y);
}

double
LearningModel::LossAndGradientAt(const Eigen::VectorXd& parameters,
                                 const Dataset& data,
                                 const std::vector<uint32_t>& rows,
                                 Eigen::VectorXd& gradient,
                                 BatchMatrix& x,
                                 std::vector<uint32_t>& y) const
{
    gradient = Eigen::VectorXd::Zero(parameters.size());
    double lossSum = 0.0;
    for (std::size_t begin = 0; begin < rows.size(); begin += CHUNK_SAMPLES)
    {
        const std::size_t end = std::min(rows.size(), begin + CHUNK_SAMPLES);
        GatherBatch(data, rows, begin, end, x, y);
        lossSum += DoDataLossGradient(parameters, x, y, gradient);
    }
    const double n = static_cast<double>(rows.size());
    gradient /= n;
    gradient += m_l2 * parameters;
    return lossSum / n + 0.5 * m_l2 * parameters.squaredNorm();
}

double
LearningModel::SgdSteps(Eigen::VectorXd& parameters,
                        const Dataset& data,
                        const std::vector<std::vector<uint32_t>>& batches,
                        double learningRate,
                        LocalSgdWorkspace& workspace) const
{
    NS_ABORT_MSG_IF(parameters.size() != GetNumParameters(),
                    "SgdSteps: " << parameters.size() << " parameters for a model of "
                                 << GetNumParameters());
    CheckShape(data);
    for (const auto& batch : batches)
    {
        NS_ABORT_MSG_IF(batch.empty(), "SgdSteps: an empty batch");
    }
    workspace.lastCallDual = false;
    if (batches.empty())
    {
        return 0.0;
    }
    return DoSgdSteps(parameters, data, batches, learningRate, workspace);
}

double
LearningModel::DoSgdSteps(Eigen::VectorXd& parameters,
                          const Dataset& data,
                          const std::vector<std::vector<uint32_t>>& batches,
                          double learningRate,
                          LocalSgdWorkspace& /* workspace */) const
{
    SgdScratch& scratch = ThreadScratch();
    double loss = 0.0;
    for (const auto& batch : batches)
    {
        loss = LossAndGradientAt(parameters, data, batch, scratch.gradient, scratch.x, scratch.y);
        parameters -= learningRate * scratch.gradient;
    }
    return loss;
}

SgdScratch&
LearningModel::ThreadScratch()
{
    thread_local SgdScratch scratch;
    return scratch;
}

void
LocalSgdWorkspace::Clear()
{
    gramData = nullptr;
    gramRows.clear();
    gram.resize(0, 0);
}

std::vector<uint32_t>
LearningModel::Predict(const Dataset& data, const std::vector<uint32_t>& rows) const
{
    CheckInput(data, rows);
    std::vector<uint32_t> predicted;
    predicted.reserve(rows.size());
    BatchMatrix x;
    BatchMatrix scores;
    std::vector<uint32_t> y;
    for (std::size_t begin = 0; begin < rows.size(); begin += CHUNK_SAMPLES)
    {
        const std::size_t end = std::min(rows.size(), begin + CHUNK_SAMPLES);
        GatherBatch(data, rows, begin, end, x, y);
        DoScores(m_parameters, x, scores);
        for (Eigen::Index r = 0; r < scores.rows(); ++r)
        {
            Eigen::Index best = 0;
            scores.row(r).maxCoeff(&best);
            predicted.push_back(static_cast<uint32_t>(best));
        }
    }
    return predicted;
}

ModelEvaluation
LearningModel::Evaluate(const Dataset& data, const std::vector<uint32_t>& rows) const
{
    const std::vector<uint32_t> all = rows.empty() ? data.AllRows() : std::vector<uint32_t>();
    const std::vector<uint32_t>& use = rows.empty() ? all : rows;
    CheckInput(data, use);
    BatchMatrix x;
    BatchMatrix scores;
    std::vector<uint32_t> y;
    double lossSum = 0.0;
    uint64_t right = 0;
    for (std::size_t begin = 0; begin < use.size(); begin += CHUNK_SAMPLES)
    {
        const std::size_t end = std::min(use.size(), begin + CHUNK_SAMPLES);
        GatherBatch(data, use, begin, end, x, y);
        DoScores(m_parameters, x, scores);
        for (Eigen::Index r = 0; r < scores.rows(); ++r)
        {
            Eigen::Index best = 0;
            scores.row(r).maxCoeff(&best);
            right += (static_cast<uint32_t>(best) == y[r]) ? 1 : 0;
        }
        lossSum += SoftmaxCrossEntropy(scores, y, false);
    }
    const double n = static_cast<double>(use.size());
    ModelEvaluation result;
    result.loss = lossSum / n + 0.5 * m_l2 * m_parameters.squaredNorm();
    result.accuracy = static_cast<double>(right) / n;
    return result;
}

double
LearningModel::Accuracy(const Dataset& data, const std::vector<uint32_t>& rows) const
{
    return Evaluate(data, rows).accuracy;
}

uint32_t
LearningModel::GetSerializedSize() const
{
    return 4 * GetNumParameters();
}

std::vector<uint8_t>
LearningModel::Serialize() const
{
    NS_ABORT_MSG_IF(m_parameters.size() != GetNumParameters(),
                    "model parameters not set: call InitialiseParameters or SetParameters");
    return SerializeParameters(m_parameters);
}

void
LearningModel::Deserialize(const std::vector<uint8_t>& bytes)
{
    NS_ABORT_MSG_IF(bytes.size() != GetSerializedSize(),
                    "Deserialize: " << bytes.size() << " bytes for a model of "
                                    << GetSerializedSize());
    m_parameters = DeserializeParameters(bytes);
}

int64_t
LearningModel::AssignStreams(int64_t stream)
{
    return DoAssignStreams(stream);
}

double
SoftmaxCrossEntropy(BatchMatrix& scores, const std::vector<uint32_t>& y, bool gradient)
{
    NS_ABORT_MSG_IF(static_cast<std::size_t>(scores.rows()) != y.size(), "label count mismatch");
    double lossSum = 0.0;
    for (Eigen::Index r = 0; r < scores.rows(); ++r)
    {
        NS_ABORT_MSG_IF(y[r] >= scores.cols(), "label " << y[r] << " out of range");
        auto row = scores.row(r);
        const double maxScore = row.maxCoeff();
        row.array() -= maxScore;
        const double logSum = std::log(row.array().exp().sum());
        lossSum += logSum - row(y[r]);
        if (gradient)
        {
            row = (row.array() - logSum).exp().matrix();
            row(y[r]) -= 1.0;
        }
    }
    return lossSum;
}

std::vector<uint8_t>
SerializeParameters(const Eigen::VectorXd& parameters)
{
    std::vector<uint8_t> bytes(4 * static_cast<std::size_t>(parameters.size()));
    for (Eigen::Index i = 0; i < parameters.size(); ++i)
    {
        const float value = static_cast<float>(parameters[i]);
        uint32_t bits;
        std::memcpy(&bits, &value, 4);
        for (int b = 0; b < 4; ++b)
        {
            bytes[4 * i + b] = static_cast<uint8_t>(bits >> (8 * b));
        }
    }
    return bytes;
}

Eigen::VectorXd
DeserializeParameters(const std::vector<uint8_t>& bytes)
{
    NS_ABORT_MSG_IF(bytes.size() % 4 != 0, "parameter bytes not a multiple of 4");
    Eigen::VectorXd parameters(static_cast<Eigen::Index>(bytes.size() / 4));
    for (Eigen::Index i = 0; i < parameters.size(); ++i)
    {
        uint32_t bits = 0;
        for (int b = 0; b < 4; ++b)
        {
            bits |= uint32_t(bytes[4 * i + b]) << (8 * b);
        }
        float value;
        std::memcpy(&value, &bits, 4);
        parameters[i] = value;
    }
    return parameters;
}

} // namespace edgedml
} // namespace ns3
