/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TASK_COORDINATOR_HELPER_H
#define EDGE_DML_TASK_COORDINATOR_HELPER_H

#include "ns3/attribute.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/task-coordinator.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Creates a TaskCoordinator for a set of edge servers in one call,
 * with its attributes, its task generator's, its scheduler's and its
 * scheduling problem's.
 *
 * Usage, with a parameter server `ps` whose round start runs the epochs:
 * \code
 *   TaskCoordinatorHelper tasks;
 *   tasks.SetScheduler("Tabu");
 *   tasks.SetAttribute("TasksPerEpoch", UintegerValue(10));
 *   Ptr<TaskCoordinator> coordinator = tasks.Install(edgeNodes, o);
 *   coordinator->AssignStreams(stream);
 *   ps->SetRoundStartHook(MakeCallback(&TaskCoordinator::RunEpoch, coordinator));
 * \endcode
 * (a hook that does more, e.g. also redraws the uplink interference, calls
 * coordinator->RunEpoch(round) itself).
 */
class TaskCoordinatorHelper
{
  public:
    TaskCoordinatorHelper();

    /// \param name a TaskCoordinator attribute \param value its value
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /// \param name a CrowdsourcingTaskGenerator attribute \param value its value
    void SetTaskAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the TaskSchedulingProblem other than Preset,
     * TaskBandwidthHz and TaskEnergyBudgetJ (those are TaskCoordinator
     * attributes), e.g. PublisherLossModel or WaterfallThreshold.
     * \param name the attribute \param value its value
     */
    void SetProblemAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Choose the scheduler. Aborts on an unknown name: validate user
     * input first (CommandLineChecks::SchedulerList or LookupTaskScheduler).
     * \param name a short name (Random, Greedy, Tabu, ExtendedTabu, Annealing, LocalSearch,
     *        Exact) or the TypeId name of a TaskScheduler subclass
     */
    void SetScheduler(const std::string& name);
    /// \param name an attribute of the scheduler chosen by SetScheduler \param value its value
    void SetSchedulerAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Create the coordinator and give it the edge servers.
     * \param edgeNodes nodes carrying an EdgeServer and a MobilityModel (and
     *        an EdgeServerEnergyModel to draw the task energy)
     * \param trainingSuccessProbabilities o_i per node
     * \return the coordinator (not started: call Start() for Poisson arrivals
     *         or periodic epochs)
     */
    Ptr<TaskCoordinator> Install(const NodeContainer& edgeNodes,
                                 const std::vector<double>& trainingSuccessProbabilities) const;

  private:
    ObjectFactory m_coordinator; //!< TaskCoordinator
    ObjectFactory m_generator;   //!< CrowdsourcingTaskGenerator
    ObjectFactory m_scheduler;   //!< the scheduler, if SetScheduler was called
    bool m_hasScheduler{false};  //!< whether SetScheduler was called
    std::vector<std::pair<std::string, Ptr<AttributeValue>>>
        m_problemAttributes; //!< attributes for the problem, in order
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TASK_COORDINATOR_HELPER_H */
