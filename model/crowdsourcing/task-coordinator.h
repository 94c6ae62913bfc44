/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TASK_COORDINATOR_H
#define EDGE_DML_TASK_COORDINATOR_H

#include "crowdsourcing-task-generator.h"
#include "crowdsourcing-task.h"
#include "task-scheduling-problem.h"

#include "ns3/event-id.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/task-scheduler.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Runs the crowdsourcing tasks of the system model, "Task scheduling" in simulated
 * time: tasks arrive, at each scheduling epoch the chosen TaskScheduler
 * places the pending tasks on the free edge servers, and each placed task
 * keeps its edge server busy and draws its energy.
 *
 * Set-up: SetEdgeServers(nodes, o) with nodes that carry an EdgeServer and
 * a MobilityModel (and, to draw energy, an EdgeServerEnergyModel registered
 * with the EdgeServer, as EdgeServerEnergyModelHelper does), and o_i the
 * success probability of each ES's training link. Then either hook RunEpoch
 * to the parameter server (ParameterServerApplication::SetRoundStartHook
 * with MakeCallback(&TaskCoordinator::RunEpoch, coordinator)), or set
 * EpochPeriod and call Start(). Poisson arrivals need Start() too.
 *
 * Arrivals (attribute ArrivalMode):
 * - Batch (default, as in the paper): TasksPerEpoch tasks arrive at the
 *   start of every epoch.
 * - Poisson: tasks arrive one by one after Start(), with exponential gaps of
 *   mean 1 / ArrivalRatePerS, and wait as pending tasks for the next epoch.
 * Tasks are drawn by the TaskGenerator (a CrowdsourcingTaskGenerator, the
 * the system model's defaults) and numbered 0, 1, 2, ... in arrival order.
 *
 * [choice] Deadlines run from arrival: task j that arrived at a_j must be
 * finished by a_j + T_j. At an epoch at time t its remaining deadline
 * T'_j = a_j + T_j - t is the deadline the scheduling problem sees (so the
 * transmit window, the bandwidth weight and the energy weight are those of
 * the remaining time), and an edge server it is placed on is busy for
 * exactly T'_j (= T_j in Batch mode, where tasks arrive at the epoch). A
 * pending task whose deadline passes is reported by TaskExpired (at
 * a_j + T_j) and dropped.
 *
 * A task that the scheduler does not place at an epoch (attribute
 * UnplacedPolicy):
 * - Retry (default): stays pending and is offered again at the following
 *   epochs until it is placed or expires.
 * - Reject (the paper's one-shot batches): is reported by TaskRejected at
 *   that epoch and dropped.
 *
 * Epoch (RunEpoch): expire the pending tasks whose deadline has come; in
 * Batch mode draw TasksPerEpoch new ones; build the TaskSchedulingProblem
 * over the pending tasks and all edge servers, where only the free ones
 * (online and not busy) get items (S = sum of s_i over all ES, as
 * TaskSchedulingProblem documents); solve it with the scheduler; start every
 * placed task; apply the UnplacedPolicy to the others; fire EpochScheduled.
 * With no pending task the scheduler is not called (status OPTIMAL, the
 * empty assignment).
 *
 * A placed task j on edge server i: TaskAssigned fires, then the energy
 * E_task(j, i) = e_{j,i} of the problem (TaskSchedulingProblem::
 * GetEnergyWeightJ, the system model, "Energy") is drawn from the ES's energy model
 * as EnergyActivity::TASK at the constant power E_task / T'_j for T'_j
 * (rounded to the simulator's time resolution; the power uses the rounded
 * time, so the energy is exactly E_task), and the EdgeServer is marked busy.
 * After T'_j it is marked free again and TaskFinished fires with
 * completed = true. If the ES goes offline before (energy depletion, or
 * EdgeServer::SetOnline(false) by anyone), the task is aborted at that
 * instant: its activity stops (the energy spent so far stays spent), the ES
 * is marked not busy and TaskFinished fires with completed = false. An ES
 * without an energy model runs tasks without drawing energy (the coordinator
 * still counts E_task).
 *
 * Strict preset: every pending task must be placed. If that is impossible
 * (more tasks than free ES, or no feasible placement) the scheduler returns
 * INFEASIBLE or NO_SOLUTION_FOUND, nothing is placed at that epoch,
 * EpochScheduled reports the status with placed = 0 (and GetInfeasibleEpochs
 * counts it), the UnplacedPolicy applies to every pending task, and the
 * simulation goes on.
 *
 * Common random numbers: the shadowing of LogNormalShadowingLossModel is
 * drawn per mobility model on first sight. The coordinator shows every edge
 * server to the publisher loss model at the first epoch or arrival, and every
 * publisher at its arrival, so the shadowing of each (publisher, ES) pair
 * depends on the streams only, not on which servers happened to be free;
 * runs with different schedulers and the same streams see the same tasks and
 * the same channels.
 */
class TaskCoordinator : public Object
{
  public:
    /// How tasks arrive.
    enum ArrivalMode
    {
        BATCH,   //!< TasksPerEpoch tasks at every epoch
        POISSON, //!< a Poisson process of rate ArrivalRatePerS, from Start()
    };

    /// What happens to a task not placed at an epoch.
    enum UnplacedPolicy
    {
        RETRY,  //!< it stays pending until placed or expired
        REJECT, //!< it is rejected at once
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TaskCoordinator();
    ~TaskCoordinator() override;

    TaskCoordinator(const TaskCoordinator&) = delete;
    TaskCoordinator& operator=(const TaskCoordinator&) = delete;

    /**
     * \brief Give the edge servers. Index i of the container is the ES index
     * of the per-ES accessors. Aborts if a node lacks an EdgeServer or a
     * MobilityModel, if the sizes differ, if an o_i is outside [0, 1], or if
     * a task is running.
     * \param nodes the edge-server nodes
     * \param trainingSuccessProbabilities o_i per node, in [0, 1]
     */
    void SetEdgeServers(const NodeContainer& nodes,
                        const std::vector<double>& trainingSuccessProbabilities);
    /**
     * \brief Update o_i (e.g. after the training-link interference is
     * redrawn); used from the next epoch on.
     * \param trainingSuccessProbabilities o_i per edge server, in [0, 1]
     */
    void SetTrainingSuccessProbabilities(const std::vector<double>& trainingSuccessProbabilities);
    /// \return the edge-server nodes
    const NodeContainer& GetEdgeServers() const;
    /**
     * \param nodeId a node id
     * \return the ES index of that node, or -1 if it is not one of the edge servers
     */
    int64_t GetEdgeServerIndex(uint32_t nodeId) const;

    /**
     * \brief Use this scheduler (replaces the Scheduler attribute's). It
     * keeps its own streams: call AssignStreams after it.
     * \param scheduler the scheduler (not null)
     */
    void SetScheduler(Ptr<TaskScheduler> scheduler);
    /// \return the scheduler
    Ptr<TaskScheduler> GetScheduler() const;
    /**
     * \return the problem the epochs build (its last Build is the last
     * epoch's instance). Its Preset, TaskBandwidthHz and TaskEnergyBudgetJ
     * are set through the coordinator's attributes of the same names; set
     * the others (PublisherLossModel, WaterfallThreshold, ...) on it.
     */
    Ptr<TaskSchedulingProblem> GetProblem() const;
    /// \return the task generator
    Ptr<CrowdsourcingTaskGenerator> GetTaskGenerator() const;

    /**
     * \brief Start the Poisson arrivals (ArrivalMode Poisson) and the periodic
     * epochs (EpochPeriod > 0: epochs now and every EpochPeriod after,
     * numbered 0, 1, 2, ...). Does nothing if already started.
     */
    void Start();
    /**
     * \brief Stop arrivals and periodic epochs. Running tasks go on to their
     * end; pending tasks still expire; RunEpoch still works.
     */
    void Stop();

    /**
     * \brief Run one scheduling epoch now (see the class description). The
     * signature matches ParameterServerApplication::SetRoundStartHook.
     * Aborts if SetEdgeServers was not called.
     * \param round the round (or epoch) number, only reported
     */
    void RunEpoch(uint32_t round);

    /// \return the tasks that arrived so far
    uint64_t GetTasksArrived() const;
    /// \return the tasks placed so far (started or aborted at start)
    uint64_t GetTasksAssigned() const;
    /// \return the tasks finished completed
    uint64_t GetTasksCompleted() const;
    /// \return the tasks aborted because their ES went offline
    uint64_t GetTasksAborted() const;
    /// \return the tasks rejected (UnplacedPolicy Reject)
    uint64_t GetTasksRejected() const;
    /// \return the pending tasks whose deadline passed
    uint64_t GetTasksExpired() const;
    /// \return the tasks pending now
    uint32_t GetNPendingTasks() const;
    /// \return the tasks running now
    uint32_t GetNRunningTasks() const;
    /// \return the epochs run
    uint32_t GetEpochs() const;
    /// \return the epochs whose scheduler found no feasible assignment (Strict)
    uint32_t GetInfeasibleEpochs() const;

    /// \param index an ES index \return the tasks it completed
    uint32_t GetTasksExecuted(uint32_t index) const;
    /// \param index an ES index \return its tasks aborted by going offline
    uint32_t GetTasksAborted(uint32_t index) const;
    /// \param index an ES index \return whether it runs a task now
    bool IsExecutingTask(uint32_t index) const;
    /**
     * \param index an ES index
     * \return the task energy it spent so far, in J: E_task of its completed
     * tasks, the part already drawn of its running task and power x time run
     * of its aborted ones (what its energy model counts as TASK)
     */
    double GetTaskEnergyJ(uint32_t index) const;
    /// \return the task energy of all edge servers, in J
    double GetTotalTaskEnergyJ() const;

    /**
     * \brief Assign fixed random variable streams to the task generator, the
     * inter-arrival variable, the problem's publisher loss model and the
     * scheduler, in that order.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for task arrivals.
     * \param taskId the task's number
     * \param task the task as drawn (deadlineS = T_j)
     */
    typedef void (*TaskArrivedTracedCallback)(uint64_t taskId, const CrowdsourcingTask& task);
    /**
     * TracedCallback signature for placed tasks.
     * \param taskId the task's number
     * \param nodeId the node id of the edge server
     * \param utility u_{j,i} of the pair
     * \param energyJ E_task(j, i), in J
     * \param duration how long the ES will be busy (the remaining deadline)
     */
    typedef void (*TaskAssignedTracedCallback)(uint64_t taskId,
                                               uint32_t nodeId,
                                               double utility,
                                               double energyJ,
                                               Time duration);
    /**
     * TracedCallback signature for finished tasks.
     * \param taskId the task's number
     * \param nodeId the node id of the edge server
     * \param completed true if it ran to its end, false if aborted (offline)
     */
    typedef void (*TaskFinishedTracedCallback)(uint64_t taskId, uint32_t nodeId, bool completed);
    /**
     * TracedCallback signature for rejected tasks.
     * \param taskId the task's number
     * \param round the epoch's round
     */
    typedef void (*TaskRejectedTracedCallback)(uint64_t taskId, uint32_t round);
    /**
     * TracedCallback signature for expired tasks.
     * \param taskId the task's number
     */
    typedef void (*TaskExpiredTracedCallback)(uint64_t taskId);
    /**
     * TracedCallback signature for epochs.
     * \param round the round given to RunEpoch
     * \param pending the tasks offered to the scheduler
     * \param free the edge servers free (online, not busy)
     * \param placed the tasks placed
     * \param utility the system utility U of the placement (the base value
     *        sum over free ES of s_i o_i / S when nothing is placed)
     * \param status how the scheduler's run ended
     */
    typedef void (*EpochScheduledTracedCallback)(uint32_t round,
                                                 uint32_t pending,
                                                 uint32_t free,
                                                 uint32_t placed,
                                                 double utility,
                                                 SolveStatus status);

  private:
    void DoDispose() override;

    /// A task waiting for an epoch.
    struct PendingTask
    {
        uint64_t id;            //!< its number
        CrowdsourcingTask task; //!< as drawn
        Time deadline;          //!< absolute deadline a_j + T_j
        EventId expiry;         //!< its expiry event
    };

    /// The task an edge server runs.
    struct RunningTask
    {
        bool active{false};   //!< whether a task runs
        uint64_t id{0};       //!< its number
        Time start;           //!< when it started
        double powerW{0.0};   //!< its task power, in W
        double energyJ{0.0};  //!< its E_task, in J
        uint64_t activity{0}; //!< its energy activity id (0: none)
        EventId end;          //!< its end event
    };

    /// \param name a scheduler short name or TypeId name \return whether it was known
    bool SetSchedulerName(std::string name);
    /// \return the Scheduler attribute's value
    std::string GetSchedulerName() const;
    /// \param preset the problem's preset
    void SetPreset(TaskSchedulingProblem::Preset preset);
    /// \return the preset
    TaskSchedulingProblem::Preset GetPreset() const;
    /// \param hz the capacity B, in Hz
    void SetTaskBandwidthHz(double hz);
    /// \return B, in Hz
    double GetTaskBandwidthHz() const;
    /// \param joules the capacity E_max, in J
    void SetTaskEnergyBudgetJ(double joules);
    /// \return E_max, in J
    double GetTaskEnergyBudgetJ() const;
    /// \param rate the Poisson rate, in tasks per s
    void SetArrivalRatePerS(double rate);
    /// \return the Poisson rate, in tasks per s
    double GetArrivalRatePerS() const;

    /// Show the edge servers to the publisher loss model (once).
    void DrawServerKeys();
    /// \param task a new task: number it, show it to the loss model, make it pending
    void AddTask(const CrowdsourcingTask& task);
    /// A Poisson arrival: add one task and schedule the next arrival.
    void Arrive();
    /// Schedule the next Poisson arrival.
    void ScheduleArrival();
    /// A periodic epoch, then schedule the next.
    void PeriodicEpoch();
    /// \param id a pending task whose deadline came
    void Expire(uint64_t id);
    /**
     * \brief Start a placed task.
     * \param pending the task
     * \param index the ES index
     * \param utility u_{j,i}
     * \param energyJ E_task(j, i), in J
     * \param duration the busy time
     */
    void Execute(const PendingTask& pending,
                 uint32_t index,
                 double utility,
                 double energyJ,
                 Time duration);
    /// \param index an ES index whose task reached its end
    void Finish(uint32_t index);
    /// \param index an ES index whose task is aborted now
    void Abort(uint32_t index);
    /**
     * \brief Online trace sink of edge server index.
     * \param index the ES index \param oldValue was online \param newValue is online
     */
    void OnlineChanged(uint32_t index, bool oldValue, bool newValue);
    /// Disconnect from the edge servers' Online traces.
    void DisconnectServers();

    // Attributes.
    std::string m_schedulerName;                 //!< Scheduler attribute
    Ptr<TaskScheduler> m_scheduler;              //!< the scheduler
    Ptr<TaskSchedulingProblem> m_problem;        //!< builds each epoch's instance
    TaskSchedulingProblem::Preset m_preset;      //!< Valued or Strict
    double m_taskBandwidthHz;                    //!< B, in Hz
    double m_taskEnergyBudgetJ;                  //!< E_max, in J
    Ptr<CrowdsourcingTaskGenerator> m_generator; //!< draws the tasks
    ArrivalMode m_arrivalMode;                   //!< Batch or Poisson
    uint32_t m_tasksPerEpoch;                    //!< batch size
    double m_arrivalRatePerS;                    //!< Poisson rate, in tasks per s
    UnplacedPolicy m_unplacedPolicy;             //!< Retry or Reject
    Time m_epochPeriod;                          //!< period of own epochs (0: none)

    // Edge servers.
    NodeContainer m_nodes;                      //!< the edge-server nodes
    std::vector<double> m_successProbability;   //!< o_i
    std::map<uint32_t, uint32_t> m_indexOfNode; //!< node id -> ES index
    std::vector<RunningTask> m_running;         //!< per ES, its task
    std::vector<uint32_t> m_executed;           //!< per ES, tasks completed
    std::vector<uint32_t> m_aborted;            //!< per ES, tasks aborted
    std::vector<double> m_energyJ;              //!< per ES, task energy of finished tasks, in J
    bool m_serverKeysDrawn;                     //!< whether DrawServerKeys ran

    // Tasks and time.
    Ptr<ExponentialRandomVariable> m_interArrival; //!< Poisson gaps, in s
    std::vector<PendingTask> m_pending;            //!< pending tasks, in arrival order
    uint64_t m_nextTaskId;                         //!< number of the next task
    bool m_started;                                //!< whether Start ran (and not Stop)
    EventId m_arrivalEvent;                        //!< next Poisson arrival
    EventId m_epochEvent;                          //!< next periodic epoch
    uint32_t m_periodicRound;                      //!< number of the next periodic epoch

    // Counters.
    uint64_t m_arrived;          //!< tasks arrived
    uint64_t m_assigned;         //!< tasks placed
    uint64_t m_completed;        //!< tasks completed
    uint64_t m_abortedTotal;     //!< tasks aborted
    uint64_t m_rejected;         //!< tasks rejected
    uint64_t m_expired;          //!< tasks expired
    uint32_t m_epochs;           //!< epochs run
    uint32_t m_infeasibleEpochs; //!< epochs without a feasible assignment

    TracedCallback<uint64_t, const CrowdsourcingTask&> m_arrivedTrace;        //!< task arrived
    TracedCallback<uint64_t, uint32_t, double, double, Time> m_assignedTrace; //!< task placed
    TracedCallback<uint64_t, uint32_t, bool> m_finishedTrace; //!< task finished or aborted
    TracedCallback<uint64_t, uint32_t> m_rejectedTrace;       //!< task rejected
    TracedCallback<uint64_t> m_expiredTrace;                  //!< task expired
    TracedCallback<uint32_t, uint32_t, uint32_t, uint32_t, double, SolveStatus>
        m_epochTrace; //!< epoch scheduled
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TASK_COORDINATOR_H */
