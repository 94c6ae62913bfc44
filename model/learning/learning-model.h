/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LEARNING_MODEL_H
#define EDGE_DML_LEARNING_MODEL_H

#include "dataset.h"

#include "ns3/object.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Scratch matrices of the SGD arithmetic: one set per thread, reused
 * from call to call (LearningModel::ThreadScratch).
 */
struct SgdScratch
{
    BatchMatrix x;            //!< gathered samples (a chunk, a batch or all rows used)
    BatchMatrix scores;       //!< scores of a batch
    std::vector<uint32_t> y;  //!< labels of the gathered samples
    Eigen::VectorXd gradient; //!< the gradient of one step
};

/**
 * \ingroup edge-dml
 * \brief Caches of LearningModel::SgdSteps, one per caller.
 *
 * A worker's LocalTrainer owns one, so one model object (which SgdSteps does
 * not change) serves every worker, also from several threads at once as long
 * as no two threads use one workspace at a time. A cache is keyed by the
 * data set's address and the rows: Clear() a workspace if a data set is
 * changed in place.
 */
struct LocalSgdWorkspace
{
    const Dataset* gramData{nullptr}; //!< data set of the cached Gram matrix
    std::vector<uint32_t> gramRows;   //!< its rows, sorted
    Eigen::MatrixXd gram;             //!< X X^T of those rows (dual form)

    bool lastCallDual{false}; //!< whether the last SgdSteps call ran a dual form

    /// Forget the caches.
    void Clear();
};

/**
 * \ingroup edge-dml
 * \brief Loss and accuracy of a model on some samples.
 */
struct ModelEvaluation
{
    double loss{0.0};     //!< the objective F (mean cross-entropy + L2 term)
    double accuracy{0.0}; //!< fraction of samples whose predicted label is right
};

/**
 * \ingroup edge-dml
 * \brief A classifier with a real parameter vector w, trained by SGD.
 *
 * On samples S the objective is
 *   F_S(w) = (1/|S|) sum_{n in S} CE(softmax(scores_n(w)), y_n) + (lambda/2) ||w||^2,
 * the mean cross-entropy plus an L2 term on all parameters (biases too, so
 * the logistic regression objective is strongly convex with mu >= lambda).
 * Because the data term is a mean and lambda is the same on every shard,
 * sum_i s_i grad F_{S_i}(w) / sum_i s_i = grad F_{union S_i}(w): a weighted
 * average (weights s_i) of one full-batch step per shard is exactly one
 * full-batch step on the union.
 *
 * NVI base: the public methods gather samples into double-precision chunks
 * and add the L2 term; a subclass implements the scores and the gradient of
 * its data term (DoScores, DoDataLossGradient), its size and initialisation.
 *
 * On the wire the parameters are float32 little-endian: Z = 4 *
 * GetNumParameters() bytes (Serialize / Deserialize). That rounding is the
 * only loss of precision between a worker and the parameter server.
 */
class LearningModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LearningModel();
    ~LearningModel() override;
    LearningModel(const LearningModel&) = delete;
    LearningModel& operator=(const LearningModel&) = delete;

    /// \return the number of real parameters (depends on the attributes)
    uint32_t GetNumParameters() const;

    /// \return the number of input features (attribute NumFeatures)
    uint32_t GetNumFeatures() const;

    /// \return the number of classes (attribute NumClasses)
    uint32_t GetNumClasses() const;

    /// \return lambda (attribute L2Regularisation)
    double GetL2Regularisation() const;

    /**
     * \brief Size the parameter vector for the current attributes and draw
     * the initial parameters (deterministic given the streams).
     */
    void InitialiseParameters();

    /// \return the current parameters (empty before InitialiseParameters / SetParameters)
    const Eigen::VectorXd& GetParameters() const;

    /// \param parameters new parameters; the size must be GetNumParameters()
    void SetParameters(const Eigen::VectorXd& parameters);

    /**
     * \brief The objective F_S at the current parameters.
     * \param data the data set
     * \param rows the samples S (non-empty)
     * \return mean cross-entropy + (lambda/2) ||w||^2
     */
    double Loss(const Dataset& data, const std::vector<uint32_t>& rows) const;

    /**
     * \brief The gradient of F_S at the current parameters.
     * \param data the data set
     * \param rows the samples S (non-empty)
     * \return grad F_S(w), GetNumParameters() entries
     */
    Eigen::VectorXd Gradient(const Dataset& data, const std::vector<uint32_t>& rows) const;

    /**
     * \brief F_S and its gradient in one pass.
     * \param data the data set
     * \param rows the samples S (non-empty)
     * \param[out] gradient grad F_S(w)
     * \return F_S(w)
     */
    double LossAndGradient(const Dataset& data,
                           const std::vector<uint32_t>& rows,
                           Eigen::VectorXd& gradient) const;

    /**
     * \brief SGD steps w <- w - eta grad F_{B_k}(w), one per batch B_k, from
     * the given parameters; the model's own parameters are not used or changed.
     *
     * NVI: the base class runs the steps one by one (DoSgdSteps); a model may
     * run the same arithmetic in a cheaper form (LogisticRegressionModel has a
     * dual one), equal up to floating-point rounding.
     *
     * \param[in,out] parameters w, GetNumParameters() entries
     * \param data the data set
     * \param batches the batches in order (each non-empty)
     * \param learningRate eta
     * \param workspace the caller's caches
     * \return F on the last batch before the last step (mean cross-entropy + L2 term)
     */
    double SgdSteps(Eigen::VectorXd& parameters,
                    const Dataset& data,
                    const std::vector<std::vector<uint32_t>>& batches,
                    double learningRate,
                    LocalSgdWorkspace& workspace) const;

    /**
     * \brief Predicted labels (largest score).
     * \param data the data set
     * \param rows the samples
     * \return one label per row
     */
    std::vector<uint32_t> Predict(const Dataset& data, const std::vector<uint32_t>& rows) const;

    /**
     * \brief Loss and accuracy in one pass.
     * \param data the data set
     * \param rows the samples (all samples when empty)
     * \return F_S and the fraction of right predictions
     */
    ModelEvaluation Evaluate(const Dataset& data, const std::vector<uint32_t>& rows = {}) const;

    /**
     * \brief Fraction of right predictions.
     * \param data the data set
     * \param rows the samples (all samples when empty)
     * \return the accuracy in [0, 1]
     */
    double Accuracy(const Dataset& data, const std::vector<uint32_t>& rows = {}) const;

    /// \return the size of Serialize(): 4 bytes per parameter
    uint32_t GetSerializedSize() const;

    /// \return the current parameters as float32 little-endian bytes
    std::vector<uint8_t> Serialize() const;

    /**
     * \brief Set the parameters from Serialize() bytes (of a model of the same shape).
     * \param bytes the bytes; aborts unless there are GetSerializedSize() of them
     */
    void Deserialize(const std::vector<uint8_t>& bytes);

    /**
     * \brief Use fixed random streams (initialisation).
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    /// \return this thread's scratch matrices
    static SgdScratch& ThreadScratch();

    /**
     * \brief The steps of SgdSteps; this default runs them one by one
     * (F_B and its gradient per batch, then the step).
     * \param[in,out] parameters w
     * \param data the data set
     * \param batches the batches in order
     * \param learningRate eta
     * \param workspace the caller's caches
     * \return F on the last batch before the last step
     */
    virtual double DoSgdSteps(Eigen::VectorXd& parameters,
                              const Dataset& data,
                              const std::vector<std::vector<uint32_t>>& batches,
                              double learningRate,
                              LocalSgdWorkspace& workspace) const;

  private:
    /// \return the number of parameters for the current attributes
    virtual uint32_t DoGetNumParameters() const = 0;

    /// \param[in,out] parameters sized GetNumParameters(); set the initial values
    virtual void DoInitialiseParameters(Eigen::VectorXd& parameters) = 0;

    /**
     * \brief Class scores (logits) of a batch.
     * \param parameters w
     * \param x the batch, samples x features
     * \param[out] scores samples x classes
     */
    virtual void DoScores(const Eigen::VectorXd& parameters,
                          const BatchMatrix& x,
                          BatchMatrix& scores) const = 0;

    /**
     * \brief Sum over the batch of the cross-entropy, and its gradient.
     * \param parameters w
     * \param x the batch, samples x features
     * \param y the labels
     * \param[in,out] gradientSum add sum_n grad CE_n(w) to it
     * \return sum_n CE_n(w)
     */
    virtual double DoDataLossGradient(const Eigen::VectorXd& parameters,
                                      const BatchMatrix& x,
                                      const std::vector<uint32_t>& y,
                                      Eigen::VectorXd& gradientSum) const = 0;

    /**
     * \brief Assign streams to the subclass's random variables.
     * \param stream first stream index
     * \return the number of streams used
     */
    virtual int64_t DoAssignStreams(int64_t stream) = 0;

    /// \param data the data set \param rows the samples; aborts on misuse
    void CheckInput(const Dataset& data, const std::vector<uint32_t>& rows) const;
    /// \param data the data set; aborts unless its features and classes fit the model
    void CheckShape(const Dataset& data) const;

    /**
     * \brief F_S and its gradient at given parameters.
     * \param parameters w
     * \param data the data set
     * \param rows the samples S
     * \param[out] gradient grad F_S(w)
     * \param x scratch for the gathered samples
     * \param y scratch for their labels
     * \return F_S(w)
     */
    double LossAndGradientAt(const Eigen::VectorXd& parameters,
                             const Dataset& data,
                             const std::vector<uint32_t>& rows,
                             Eigen::VectorXd& gradient,
                             BatchMatrix& x,
                             std::vector<uint32_t>& y) const;

    uint32_t m_numFeatures;       //!< input features
    uint32_t m_numClasses;        //!< classes
    double m_l2;                  //!< lambda, the L2 regularisation coefficient
    Eigen::VectorXd m_parameters; //!< w
};

/**
 * \brief Softmax cross-entropy of a batch, numerically stable.
 * \param[in,out] scores logits, samples x classes; when gradient is true,
 *        replaced by softmax - onehot(y), the gradient wrt the logits
 * \param y the labels
 * \param gradient whether to compute the gradient
 * \return sum_n -log softmax(scores_n)[y_n]
 */
double SoftmaxCrossEntropy(BatchMatrix& scores, const std::vector<uint32_t>& y, bool gradient);

/**
 * \brief Parameters as float32 little-endian bytes (4 per parameter).
 * \param parameters the vector
 * \return the bytes
 */
std::vector<uint8_t> SerializeParameters(const Eigen::VectorXd& parameters);

/**
 * \brief Inverse of SerializeParameters (up to float32 rounding).
 * \param bytes a multiple of 4 bytes
 * \return the vector
 */
Eigen::VectorXd DeserializeParameters(const std::vector<uint8_t>& bytes);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_LEARNING_MODEL_H
