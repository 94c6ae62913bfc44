/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MODEL_AGGREGATION_H
#define EDGE_DML_MODEL_AGGREGATION_H

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief One worker's contribution to a round, in the system model's notation.
 */
struct WorkerUpdate
{
    Eigen::VectorXd parameters; //!< w_i, the worker's model after local training
    double numSamples{0.0};     //!< s_i, the worker's number of samples
    bool receivedModel{true};   //!< c_i: the worker received the broadcast W_t
    bool busy{false};           //!< y_i: the worker executes a crowdsourcing task
    bool arrived{true};         //!< u_i: its update arrived intact and in time
};

/**
 * \ingroup edge-dml
 * \brief Running weighted average for the parameter server, so updates can
 * be folded in as they arrive without keeping them.
 */
class WeightedAverageAccumulator
{
  public:
    /**
     * \brief Fold in w with weight s (ignored when s <= 0).
     * \param parameters w_i
     * \param weight s_i
     */
    void Add(const Eigen::VectorXd& parameters, double weight);

    /// \return the number of updates folded in
    uint32_t GetCount() const;

    /// \return the sum of the weights folded in
    double GetTotalWeight() const;

    /**
     * \brief The average, or the fallback when nothing was folded in.
     * \param fallback W_t, kept when no update arrived
     * \return sum s_i w_i / sum s_i, or fallback
     */
    Eigen::VectorXd Result(const Eigen::VectorXd& fallback) const;

  private:
    Eigen::VectorXd m_sum;     //!< sum of s_i w_i
    double m_totalWeight{0.0}; //!< sum of s_i
    uint32_t m_count{0};       //!< updates folded in
};

/**
 * \brief the system model's aggregation:
 * W_{t+1} = sum_i s_i c_i (1 - y_i) u_i w_i / sum_i s_i c_i (1 - y_i) u_i,
 * and W_{t+1} = W_t when the denominator is zero (nothing arrived).
 * \param current W_t
 * \param updates every worker's contribution
 * \return W_{t+1}
 */
Eigen::VectorXd AggregateUpdates(const Eigen::VectorXd& current,
                                 const std::vector<WorkerUpdate>& updates);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_MODEL_AGGREGATION_H
