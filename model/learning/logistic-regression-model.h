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
 *
 * Dual form of the local steps. Over the rows U used by an update (m of
 * them, X_U their samples) every step adds a combination of those rows to W,
 * so W_t = c_t W_0 + A_t X_U with c_t = (1 - eta lambda)^t and A_t a classes x
 * m matrix. The scores of a batch are then c_t X_B W_0^T + G_B A_t^T + b with
 * G = X_U X_U^T, and W_tau = c_tau W_0 + A_tau X_U at the end: two products
 * of size m x features per update instead of two per step, plus G, which is
 * kept between updates while U stays the same (a full-batch worker). This is
 * the same arithmetic as the step-by-step (primal) form up to floating-point
 * rounding. Attribute SgdForm picks it; Auto takes the form with fewer
 * multiply-adds (the dual wins when m is small against the work of the steps,
 * e.g. 60 samples and 10 full-batch steps: 5.7x fewer).
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

    /// How SgdSteps runs.
    enum SgdForm
    {
        AUTO,   //!< the form with fewer multiply-adds
        PRIMAL, //!< step by step
        DUAL    //!< through the Gram matrix of the rows used
    };

    /**
     * \brief Multiply-adds of the two forms, as Auto compares them.
     * \param rowsUsed m, the distinct rows of the update
     * \param samplesProcessed the sum of the batch sizes
     * \param gramCached whether G of those rows is already known
     * \param[out] primal multiply-adds of the primal form
     * \param[out] dual multiply-adds of the dual form
     */
    void EstimateSgdCost(uint64_t rowsUsed,
                         uint64_t samplesProcessed,
                         bool gramCached,
                         double& primal,
                         double& dual) const;

  private:
    double DoSgdSteps(Eigen::VectorXd& parameters,
                      const Dataset& data,
                      const std::vector<std::vector<uint32_t>>& batches,
                      double learningRate,
                      LocalSgdWorkspace& workspace) const override;
    /**
     * \brief The dual form of DoSgdSteps.
     * \param[in,out] parameters w
     * \param data the data set
     * \param batches the batches in order
     * \param used U, the distinct rows of the batches, sorted
     * \param learningRate eta
     * \param workspace the caller's Gram cache
     * \return F on the last batch before the last step
     */
    double DualSgdSteps(Eigen::VectorXd& parameters,
                        const Dataset& data,
                        const std::vector<std::vector<uint32_t>>& batches,
                        const std::vector<uint32_t>& used,
                        double learningRate,
                        LocalSgdWorkspace& workspace) const;

    bool DoGetDataSmoothness(const Dataset& data,
                             const std::vector<uint32_t>& rows,
                             double& smoothness) const override;
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

    SgdForm m_sgdForm; //!< how SgdSteps runs
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_LOGISTIC_REGRESSION_MODEL_H
