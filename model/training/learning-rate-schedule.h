/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LEARNING_RATE_SCHEDULE_H
#define EDGE_DML_LEARNING_RATE_SCHEDULE_H

#include "ns3/object.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The learning rate eta_t of round t from the trainer's base rate
 * eta_0 (LocalTrainer::LearningRate). NVI base; subclasses implement
 * DoGetRate. A schedule holds no state, so workers may share one.
 */
class LearningRateSchedule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param baseRate eta_0 \param round the round t
     * \return eta_t (positive)
     */
    double GetRate(double baseRate, uint32_t round) const;

  private:
    /// \copydoc GetRate
    virtual double DoGetRate(double baseRate, uint32_t round) const = 0;
};

/// \ingroup edge-dml \brief eta_t = eta_0.
class ConstantLearningRate : public LearningRateSchedule
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();

  private:
    double DoGetRate(double baseRate, uint32_t round) const override;
};

/// \ingroup edge-dml \brief eta_t = eta_0 / (1 + Decay * t) (the 1/t schedule).
class InverseTimeLearningRate : public LearningRateSchedule
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    InverseTimeLearningRate();

  private:
    double DoGetRate(double baseRate, uint32_t round) const override;
    double m_decay; //!< per round
};

/// \ingroup edge-dml \brief eta_t = eta_0 * Factor^floor(t / StepRounds).
class StepLearningRate : public LearningRateSchedule
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    StepLearningRate();

  private:
    double DoGetRate(double baseRate, uint32_t round) const override;
    double m_factor;       //!< multiplier per step
    uint32_t m_stepRounds; //!< rounds per step
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LEARNING_RATE_SCHEDULE_H */
