/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TASK_SCHEDULER_H
#define EDGE_DML_TASK_SCHEDULER_H

#include "mmkp-instance.h"

#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <limits>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief How a scheduler's run ended.
 */
enum class SolveStatus
{
    OPTIMAL,           //!< the assignment is proven optimal (exact solver)
    FEASIBLE,          //!< a feasible assignment, optimality not proven
    INFEASIBLE,        //!< proven that no feasible assignment exists
    NO_SOLUTION_FOUND, //!< the algorithm found no feasible assignment (none may exist)
};

/**
 * \brief Name of a status, for output files.
 * \param status the status
 * \return "optimal", "feasible", "infeasible" or "no-solution-found"
 */
std::string ToString(SolveStatus status);

/**
 * \ingroup edge-dml
 * \brief What a scheduler returns: always a feasible assignment, or none.
 */
struct MmkpSolution
{
    /// Per class, the chosen global item index or MmkpInstance::REJECTED. All
    /// REJECTED when no feasible assignment was found.
    std::vector<int64_t> assignment;
    SolveStatus status{SolveStatus::NO_SOLUTION_FOUND}; //!< how the run ended
    bool feasible{false};  //!< whether assignment passed CheckMmkpAssignment
    double objective{0.0}; //!< base value plus chosen item values (utility)
    uint32_t accepted{0};  //!< number of classes (tasks) assigned
    /// Upper bound on the optimum when the algorithm proves one (exact
    /// solver, LP or Lagrangian bound); +infinity otherwise.
    double upperBound{std::numeric_limits<double>::infinity()};
    double wallTimeMs{0.0}; //!< wall-clock time of the solve, in milliseconds
};

/**
 * \ingroup edge-dml
 * \brief Base of the task-scheduling algorithms (the system model, "Task scheduling").
 *
 * Non-virtual interface: Schedule() times the private DoSchedule() hook,
 * checks its assignment with the one shared validator CheckMmkpAssignment and
 * fills objective, accepted count and wall time. An algorithm that returns an
 * infeasible assignment is a programming error and aborts. Algorithms are
 * chosen by TypeId (e.g. through an ObjectFactory) and are independent of the
 * simulator: they only see an MmkpInstance.
 */
class TaskScheduler : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TaskScheduler();
    ~TaskScheduler() override;

    TaskScheduler(const TaskScheduler&) = delete;
    TaskScheduler& operator=(const TaskScheduler&) = delete;

    /**
     * \brief Solve an instance.
     * \param instance the instance
     * \return a feasible assignment with its utility, or status INFEASIBLE /
     *         NO_SOLUTION_FOUND with every class rejected
     */
    MmkpSolution Schedule(const MmkpInstance& instance);

    /**
     * \brief Assign fixed random variable streams to the algorithm's random
     * variables.
     * \param stream first stream index to use
     * \return the number of stream indices used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for a finished solve.
     * \param solution the solution just returned by Schedule()
     */
    typedef void (*SolvedTracedCallback)(const MmkpSolution& solution);

  protected:
    /**
     * \brief What DoSchedule returns; Schedule() derives the rest.
     */
    struct Result
    {
        std::vector<int64_t> assignment;           //!< per class: global item index or REJECTED
        SolveStatus status{SolveStatus::FEASIBLE}; //!< outcome
        double upperBound{std::numeric_limits<double>::infinity()}; //!< proven bound, if any
    };

  private:
    /**
     * \brief The algorithm.
     * \param instance the instance (non-empty classes may still have no items)
     * \return the assignment and status; when status is FEASIBLE or OPTIMAL the
     *         assignment must pass CheckMmkpAssignment
     */
    virtual Result DoSchedule(const MmkpInstance& instance) = 0;

    /**
     * \brief Assign streams to the algorithm's random variables.
     * \param stream first stream index to use
     * \return the number of streams used
     */
    virtual int64_t DoAssignStreams(int64_t stream) = 0;

    TracedCallback<const MmkpSolution&> m_solvedTrace; //!< fired after every Schedule()
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TASK_SCHEDULER_H */
