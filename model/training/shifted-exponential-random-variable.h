/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_SHIFTED_EXPONENTIAL_RANDOM_VARIABLE_H
#define EDGE_DML_SHIFTED_EXPONENTIAL_RANDOM_VARIABLE_H

#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A shifted exponential random variable X = Shift + E, E exponential
 * with mean Mean: the straggler delay of the system model, "Synchronous SGD" ("shift +
 * exponential", Zhang et al.), for WorkerApplication::StragglerDelayS.
 *
 * P(X <= x) = 1 - exp(-(x - Shift) / Mean) for x >= Shift; E[X] = Shift +
 * Mean, Var[X] = Mean^2. One uniform draw u per value, X = Shift - Mean *
 * ln(u) (u replaced by 1 - u when Antithetic). Mean = 0 gives the constant
 * Shift (no draw). The unit is the caller's (seconds for a straggler delay).
 */
class ShiftedExponentialRandomVariable : public RandomVariableStream
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ShiftedExponentialRandomVariable();
    ~ShiftedExponentialRandomVariable() override;

    /// \return the shift (attribute Shift)
    double GetShift() const;
    /// \return the mean of the exponential part (attribute Mean)
    double GetMean() const;

    /// \return a draw of Shift + Exponential(Mean)
    double GetValue() override;
    /// \return GetValue() truncated to an integer
    uint32_t GetInteger() override;

  private:
    double m_shift; //!< the shift, the smallest value (caller's unit)
    double m_mean;  //!< mean of the exponential part (caller's unit)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_SHIFTED_EXPONENTIAL_RANDOM_VARIABLE_H */
