/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LOGISTIC_REGRESSION_MODEL_H
#define EDGE_DML_LOGISTIC_REGRESSION_MODEL_H

#include "learning-model.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief L2-regularised multinomial logistic regression (softmax regression).
 *
 * scores = W x + b with W classes x features and b per class; parameters are
 * W row by row, then b: K (d + 1) values (7,850 for Fashion-MNIST, Z =
 * 31,400 bytes). Initial parameters are all zero (no random stream), the
 * usual start for this convex objective.
 */
class LogisticRegressionModel : public LearningModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LogisticRegressionModel();
    ~LogisticRegressionModel() override;

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
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_LOGISTIC_REGRESSION_MODEL_H
