/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_SCHEDULING_SCENARIO_HELPER_H
#define EDGE_DML_SCHEDULING_SCENARIO_HELPER_H

#include "ns3/annulus-position-allocator.h"
#include "ns3/crowdsourcing-task-generator.h"
#include "ns3/crowdsourcing-task.h"
#include "ns3/edge-server-helper.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/random-variable-stream.h"
#include "ns3/task-scheduling-problem.h"

#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief One drawn scheduling scenario: n edge servers and a task list.
 */
struct SchedulingScenario
{
    NodeContainer edgeNodes;              //!< the edge-server nodes (EdgeServer, mobility)
    std::vector<EdgeServerState> servers; //!< what the scheduling problem sees of each ES
    std::vector<CrowdsourcingTask> tasks; //!< the task list, in arrival order
    Ptr<TaskSchedulingProblem> problem;   //!< builds instances (shared by the helper's scenarios)
    std::vector<double> trainingLinkSnr;  //!< SNR_i of each ES's training link (linear)
};

/**
 * \ingroup edge-dml
 * \brief Draws the task-scheduling scenarios of the paper's evaluation
 * (the system model, "Actors", "Training link" and "Task scheduling") with real ns-3 objects:
 * edge-server nodes with an EdgeServer (s_i, f_i) and a ConstantPositionMobilityModel in the
 * annulus around the PS at the origin, their training-link success
 * probability o_i = exp(-m / SNR_i) with SNR_i = p_i h_i / (I_i + B_RB N0)
 * (also given to the problem as EdgeServerState::trainingLinkSnr)
 * (h_i from the training-link PropagationLossModel, default d^-2; I_i drawn
 * per ES), a task list from a CrowdsourcingTaskGenerator and a
 * TaskSchedulingProblem whose PublisherLossModel fixes the shadowing of
 * every (publisher, ES) pair, so that instances built from the same
 * scenario with other capacities or task prefixes share every random draw
 * (common random numbers).
 *
 * All scenarios of one helper share one TaskSchedulingProblem (its Build
 * replaces the previous instance), so the shadowing of every pair is drawn
 * from one stream. Every random variable is reachable by AssignStreams; the
 * streams advance from scenario to scenario, so Create() called k times gives
 * k independent scenarios, identical for the same seed and run.
 */
class SchedulingScenarioHelper
{
  public:
    SchedulingScenarioHelper();

    /// \return the problem every scenario builds its instances with
    Ptr<TaskSchedulingProblem> GetProblem() const;

    /**
     * \brief Set an attribute of the TaskSchedulingProblem.
     * \param name attribute name
     * \param value attribute value
     */
    void SetProblemAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the task generator.
     * \param name attribute name
     * \param value attribute value
     */
    void SetTaskAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of every EdgeServer created.
     * \param name attribute name
     * \param value attribute value
     */
    void SetEdgeServerAttribute(const std::string& name, const AttributeValue& value);

    /// \param minRadiusM inner radius of the ES annulus, in m \param maxRadiusM outer radius, in m
    void SetRadii(double minRadiusM, double maxRadiusM);
    /// \param txPowerW ES transmit power p_i on the training link, in W
    void SetTrainingTxPowerW(double txPowerW);
    /// \param bandwidthHz training-link bandwidth per ES (one RB), in Hz
    void SetTrainingBandwidthHz(double bandwidthHz);
    /// \param threshold waterfall threshold m of the training link (linear)
    void SetWaterfallThreshold(double threshold);
    /// \param minW smallest per-RB interference, in W \param maxW largest, in W
    void SetInterferenceRangeW(double minW, double maxW);

    /**
     * \brief Draw a scenario.
     * \param numEdgeServers n
     * \param numTasks length of the task list
     * \return the scenario
     */
    SchedulingScenario Create(uint32_t numEdgeServers, uint32_t numTasks);

    /**
     * \brief Draw scenario number index from a block of streams of its own:
     * after AssignStreams(first), scenario k uses the streams first + k *
     * GetStreamsPerScenario() on. It depends only on the seed, the run, first,
     * index and the two sizes, never on which other scenarios were drawn
     * before (common random numbers across programs and options). The
     * shadowing of its pairs is drawn from the same block when the problem
     * first builds an instance of it, so build its instances before drawing
     * the next scenario.
     * \param numEdgeServers n
     * \param numTasks length of the task list
     * \param index k
     * \return the scenario
     */
    SchedulingScenario Create(uint32_t numEdgeServers, uint32_t numTasks, uint32_t index);

    /// \return the number of streams one scenario uses (the AssignStreams count)
    int64_t GetStreamsPerScenario() const;

    /**
     * \brief Assign fixed random variable streams.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    Ptr<TaskSchedulingProblem> m_problem;      //!< the problem all scenarios build with
    EdgeServerHelper m_edgeServers;            //!< installs EdgeServer (s_i, f_i)
    Ptr<AnnulusPositionAllocator> m_positions; //!< ES positions around the PS
    Ptr<CrowdsourcingTaskGenerator> m_tasks;   //!< draws the tasks
    Ptr<PropagationLossModel> m_trainingLoss;  //!< training-link gain h_i
    Ptr<UniformRandomVariable> m_interference; //!< I_i, in W
    double m_txPowerW{0.01};                   //!< p_i, in W
    double m_bandwidthHz{1e6};                 //!< B_RB, in Hz
    double m_threshold{1.08};                  //!< m
    double m_noiseDensityDbmPerHz{-174.0};     //!< N0, in dBm/Hz
    int64_t m_firstStream{-1};                 //!< first stream of the last AssignStreams
    int64_t m_streamsPerScenario{0};           //!< streams one AssignStreams uses

    /// \param stream first stream \return the number of streams used
    int64_t DoAssignStreams(int64_t stream);
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_SCHEDULING_SCENARIO_HELPER_H */
