/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MLP_MODEL_H
#define EDGE_DML_MLP_MODEL_H

#include "learning-model.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief One-hidden-layer perceptron: scores = W2 act(W1 x + b1) + b2.
 *
 * Parameters in order W1 (hidden x features, row by row), b1, W2 (classes x
 * hidden), b2: H (d + 1) + K (H + 1) values. Initialisation (Glorot
 * uniform): W1 ~ U(-a1, a1) with a1 = sqrt(6 / (d + H)), W2 ~ U(-a2, a2)
 * with a2 = sqrt(6 / (H + K)), biases zero, drawn from one
 * UniformRandomVariable (AssignStreams). The objective is not convex.
 */
class MlpModel : public LearningModel
{
  public:
    /// Hidden-layer activation.
    enum Activation
    {
        RELU, //!< max(0, z)
        TANH, //!< tanh(z)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MlpModel();
    ~MlpModel() override;

  protected:
    void DoDispose() override;

  private:
    uint32_t DoGetNumParameters() const override;
    void DoInitialiseParameters(Eigen::VectorXd& parameters) override;
    void DoScores(const Eigen::VectorXd& parameters,
                  const BatchMatrix& x,
                  BatchMatrix& scores) const override;
    double DoDataLossGradient(const Eigen::VectorXd& parameters,
                              const BatchMatrix& x,
                              const std::vector<uint32_t>& y,
                              Eigen::VectorXd& gradientSum) const override;
    int64_t DoAssignStreams(int64_t stream) override;

    /**
     * \brief Hidden layer of a batch.
     * \param parameters w
     * \param x the batch
     * \param[out] pre pre-activations W1 x + b1
     * \param[out] hidden activations
     */
    void Hidden(const Eigen::VectorXd& parameters,
                const BatchMatrix& x,
                BatchMatrix& pre,
                BatchMatrix& hidden) const;

    uint32_t m_hiddenUnits;               //!< H, units of the hidden layer
    Activation m_activation;              //!< hidden activation
    Ptr<UniformRandomVariable> m_uniform; //!< initialisation
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_MLP_MODEL_H
