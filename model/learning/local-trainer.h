/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LOCAL_TRAINER_H
#define EDGE_DML_LOCAL_TRAINER_H

#include "learning-model.h"

#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief What a worker's local training produced.
 */
struct LocalTrainingResult
{
    Eigen::VectorXd parameters;   //!< w after the local steps
    uint64_t samplesProcessed{0}; //!< sum of the batch sizes (for compute-time models)
    double lastBatchLoss{0.0};    //!< F on the last batch, before the last step
};

/**
 * \ingroup edge-dml
 * \brief tau local SGD steps w <- w - eta grad F_B(w) on a worker's samples.
 *
 * Each step uses a batch B of BatchSize distinct samples drawn uniformly
 * from the worker's samples (a fresh draw per step, from one
 * UniformRandomVariable); when BatchSize >= the number of samples, B is all
 * of them (full-batch gradient descent, no random draw).
 */
class LocalTrainer : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalTrainer();
    ~LocalTrainer() override;

    /// The batches of one update, in order.
    using Batches = std::vector<std::vector<uint32_t>>;

    /**
     * \brief Draw the batches of one update (uses the random stream).
     * \param rows the worker's samples (non-empty)
     * \return LocalSteps batches
     */
    Batches DrawBatches(const std::vector<uint32_t>& rows);

    /**
     * \brief Run the steps over drawn batches. The model is not changed and
     * no random number is drawn, so this may run on another thread than the
     * simulator's while nothing else uses this trainer.
     * \param model the model (only its shape and its arithmetic are used)
     * \param start the parameters to start from
     * \param data the data set
     * \param batches from DrawBatches
     * \return the new parameters and the work done
     */
    LocalTrainingResult RunSteps(const LearningModel& model,
                                 const Eigen::VectorXd& start,
                                 const Dataset& data,
                                 const Batches& batches);

    /**
     * \param rows the worker's samples
     * \return the samples one update processes: LocalSteps * min(BatchSize, rows)
     */
    uint64_t GetSamplesPerUpdate(const std::vector<uint32_t>& rows) const;

    /// \return whether the last update ran in a dual form (see LogisticRegressionModel)
    bool LastUpdateUsedDualForm() const;

    /**
     * \brief Run the local steps: DrawBatches, then RunSteps.
     * \param model the model (its parameters are left at the result)
     * \param start the parameters to start from (e.g. the broadcast W_t)
     * \param data the data set
     * \param rows the worker's samples (non-empty)
     * \return the new parameters and the work done
     */
    LocalTrainingResult Train(LearningModel& model,
                              const Eigen::VectorXd& start,
                              const Dataset& data,
                              const std::vector<uint32_t>& rows);

    /// \return tau (attribute LocalSteps)
    uint32_t GetLocalSteps() const;

    /// \return b (attribute BatchSize)
    uint32_t GetBatchSize() const;

    /// \return eta (attribute LearningRate)
    double GetLearningRate() const;

    /**
     * \brief Use a fixed random stream (batch draws).
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    uint32_t m_localSteps;                //!< tau, SGD steps per round
    uint32_t m_batchSize;                 //!< b, samples per step
    double m_learningRate;                //!< eta, step size (dimensionless)
    Ptr<UniformRandomVariable> m_uniform; //!< batch draws
    LocalSgdWorkspace m_workspace;        //!< scratch space and caches of the steps
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_LOCAL_TRAINER_H
