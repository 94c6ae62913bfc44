/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_SCHEDULING_SWEEP_HELPER_H
#define EDGE_DML_SCHEDULING_SWEEP_HELPER_H

#include "scheduling-scenario-helper.h"

#include "ns3/task-scheduler.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief One solve of a scheduling sweep.
 */
struct SweepRecord
{
    std::string algorithm;       //!< short name (or TypeId name) of the scheduler
    double bandwidthMhz{0.0};    //!< B, in MHz
    uint32_t numTasks{0};        //!< q
    uint32_t instance{0};        //!< instance index k
    MmkpSolution solution;       //!< the scheduler's result
    double optimalUtility{0.0};  //!< the proven optimum U of the point (NaN if none)
    double trainingUtility{0.0}; //!< U_T of the assignment (NaN if infeasible)
    uint32_t tasksPlaced{0};     //!< tasks placed (training classes not counted)
    double bandwidthUsedHz{0.0}; //!< sum of the chosen bandwidth weights, in Hz
    double energyUsedJ{0.0};     //!< sum of the chosen energy weights, in J
    int8_t bandwidthBinds{-1};   //!< referee only: relaxing B raises the optimum (1/0; -1 unknown)
    int8_t energyBinds{-1}; //!< referee only: relaxing E_max raises the optimum (1/0; -1 unknown)
};

/**
 * \ingroup edge-dml
 * \brief Runs the task-scheduling evaluation of the paper: for every
 * instance k, every system bandwidth B and every task count q, the first q
 * tasks of scenario k are scheduled by every algorithm, and the exact
 * scheduler (when listed) is the referee whose proven optimum every record
 * carries.
 *
 * Common random numbers. Scenario k is SchedulingScenarioHelper::Create(n,
 * maxTasks, k): it depends only on the seed, the run, the first stream and k,
 * never on the algorithms, the bandwidths or the task counts. At every point
 * each scheduler is given the streams of the point (k, q), the same for every
 * algorithm and every B: each search that starts from the greedy
 * construction (tabu, annealing) starts from exactly the greedy's placement
 * of the same point, the curves of two bandwidths share the greedy's task
 * order, and an algorithm's result at a point depends only on the seed, the
 * run, the point and its own attributes, never on which other algorithms or
 * points run.
 *
 * Binding analysis (SetBindingAnalysis): at the referee's optimum, a
 * capacity binds if solving again with that capacity lifted (10^15) raises the
 * proven optimum by more than 10^-6 (relative, above the
 * solver's integrality tolerance); both solves must be proven.
 */
class SchedulingSweepHelper
{
  public:
    SchedulingSweepHelper();

    /// \return the scenario helper (its problem's attributes: preset, E_max, ...)
    SchedulingScenarioHelper& GetScenarios();

    /**
     * \brief The schedulers, by short or TypeId name (validated before).
     * \param names the names; "Exact" (if present) is the referee
     */
    void SetAlgorithms(const std::vector<std::string>& names);
    /// \return the names given to SetAlgorithms
    const std::vector<std::string>& GetAlgorithms() const;

    /**
     * \brief Set an attribute of every scheduler of a name.
     * \param algorithm a name given to SetAlgorithms
     * \param name attribute name
     * \param value attribute value
     */
    void SetSchedulerAttribute(const std::string& algorithm,
                               const std::string& name,
                               const AttributeValue& value);

    /// \param enable whether to find which capacities bind at the referee's optimum
    /// (call after SetAlgorithms)
    void SetBindingAnalysis(bool enable);

    /**
     * \brief Called after each point (B, q, k) with the points done and the total.
     * \param progress the callback (null: none)
     */
    void SetProgressCallback(std::function<void(uint64_t, uint64_t)> progress);

    /**
     * \brief Streams: the scenarios from stream on (one block per instance,
     * up to 10^6 instances), then the schedulers' streams (16 per point (k, q)).
     * \param stream first stream
     * \return the number of streams reserved
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Run the sweep.
     * \param numEdgeServers n
     * \param bandwidthsMhz the bandwidths B, in MHz
     * \param minTasks smallest q
     * \param maxTasks largest q (the task list length)
     * \param taskStep step of q
     * \param instances number of instances
     * \return one record per (instance, B, q, algorithm), in that order
     */
    std::vector<SweepRecord> Run(uint32_t numEdgeServers,
                                 const std::vector<double>& bandwidthsMhz,
                                 uint32_t minTasks,
                                 uint32_t maxTasks,
                                 uint32_t taskStep,
                                 uint32_t instances);

  private:
    /**
     * \brief Solve the current point again with one capacity lifted.
     * \param scenario the scenario
     * \param tasks the tasks of the point
     * \param attribute the capacity attribute to lift
     * \param value its value at the point
     * \param optimum the proven optimum at the point
     * \return 1 if the optimum rises, 0 if not, -1 if unknown
     */
    int8_t Binds(const SchedulingScenario& scenario,
                 const std::vector<CrowdsourcingTask>& tasks,
                 const std::string& attribute,
                 double value,
                 double optimum);

    SchedulingScenarioHelper m_scenarios;               //!< draws the scenarios
    std::vector<std::string> m_names;                   //!< algorithm names
    std::vector<Ptr<TaskScheduler>> m_schedulers;       //!< one per name
    Ptr<TaskScheduler> m_bindingReferee;                //!< solves the lifted problems
    bool m_binding{false};                              //!< binding analysis on
    std::function<void(uint64_t, uint64_t)> m_progress; //!< progress callback
    int64_t m_schedulerStream{0};                       //!< first stream of the schedulers
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_SCHEDULING_SWEEP_HELPER_H */
