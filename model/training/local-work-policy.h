/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LOCAL_WORK_POLICY_H
#define EDGE_DML_LOCAL_WORK_POLICY_H

#include "ns3/object.h"

#include <cstdint>
#include <functional>
#include <map>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief What a worker knows when it starts a local update.
 */
struct LocalWorkContext
{
    uint32_t worker{0};           //!< the worker's id
    uint32_t round{0};            //!< the round t
    uint32_t localSteps{1};       //!< the trainer's configured tau
    uint32_t batchSize{1};        //!< the trainer's configured b
    uint32_t samples{0};          //!< s_i
    double cpuHz{0.0};            //!< f_i
    std::function<double()> loss; //!< F_i(W_t) on its shard (evaluated on demand)
};

/**
 * \ingroup edge-dml
 * \brief The local work of one update.
 */
struct LocalWork
{
    uint32_t localSteps{1}; //!< tau
    uint32_t batchSize{1};  //!< b
};

/**
 * \ingroup edge-dml
 * \brief Chooses a worker's local steps tau and batch size b for each
 * update (the module doc, "Adaptive local work"). NVI base; subclasses
 * implement DoChoose. WorkerApplication asks it (attribute LocalWork) before
 * each update and sets its LocalTrainer's LocalSteps and BatchSize, so the
 * compute time and energy follow.
 */
class LocalWorkPolicy : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param context the worker and round
     * \return tau and b (each at least 1)
     */
    LocalWork Choose(const LocalWorkContext& context);

  private:
    /// \copydoc Choose
    virtual LocalWork DoChoose(const LocalWorkContext& context) = 0;
};

/// \ingroup edge-dml \brief The trainer's configured tau and b (no adaptation).
class FixedLocalWork : public LocalWorkPolicy
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();

  private:
    LocalWork DoChoose(const LocalWorkContext& context) override;
};

/**
 * \ingroup edge-dml
 * \brief b_i = round(b * s_i / ReferenceSamples): a worker with more data
 * takes bigger batches (tau unchanged), so that every worker covers the same
 * share of its data per update.
 */
class DataProportionalBatch : public LocalWorkPolicy
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    DataProportionalBatch();

  private:
    LocalWork DoChoose(const LocalWorkContext& context) override;
    double m_referenceSamples; //!< the s at which b_i = b
};

/**
 * \ingroup edge-dml
 * \brief b_i = round(b * f_i / ReferenceCpuHz): a faster worker takes
 * bigger batches (tau unchanged), so that the compute times
 * tau b_i kappa bits / f_i of all workers are equal.
 */
class ComputeProportionalBatch : public LocalWorkPolicy
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    ComputeProportionalBatch();

  private:
    LocalWork DoChoose(const LocalWorkContext& context) override;
    double m_referenceCpuHz; //!< the f at which b_i = b
};

/**
 * \ingroup edge-dml
 * \brief Adaptive local steps (the AdaComm rule of Wang and Joshi):
 * tau_t = max(MinLocalSteps, ceil(sqrt(F_i(W_t) / F_i(W_first)) * tau)), where
 * F_i is the worker's local training loss and W_first the model of its
 * first update. Local steps fall as the loss falls: long local work while
 * far from the optimum, frequent aggregation near it.
 */
class AdaptiveLocalSteps : public LocalWorkPolicy
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    AdaptiveLocalSteps();

  private:
    LocalWork DoChoose(const LocalWorkContext& context) override;
    uint32_t m_minLocalSteps;               //!< lower bound of tau_t
    std::map<uint32_t, double> m_firstLoss; //!< per worker, F_i(W_first)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LOCAL_WORK_POLICY_H */
