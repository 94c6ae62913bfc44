/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_EXECUTOR_H
#define EDGE_DML_TRAINING_EXECUTOR_H

#include "ns3/local-trainer.h"
#include "ns3/object.h"

#include <condition_variable>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Runs the arithmetic of workers' local updates on background
 * threads while the simulator goes on.
 *
 * A worker knows its update's inputs (W_t, its batches) when training starts
 * and needs the result only when its simulated compute time is over, so the
 * arithmetic can run meanwhile on another core. A job must only use state
 * no one else touches until its result is collected (a worker's own
 * LocalTrainer, a const model, a const data set); it draws no random number
 * (the batches are drawn before, on the simulator's thread). Results are
 * therefore the same whatever the number of threads and their timing.
 *
 * Jobs start in the order their results are needed (the simulated time the
 * caller gives), and a caller that has to wait in Collect runs queued jobs
 * itself meanwhile (its own first), so no core idles. With Threads = 0 a job
 * runs at once in Submit, on the caller's thread.
 */
class TrainingExecutor : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TrainingExecutor();
    ~TrainingExecutor() override;

    /// A job: the arithmetic of one local update.
    using Job = std::function<LocalTrainingResult()>;

    /// A submitted job.
    struct Ticket
    {
        std::packaged_task<LocalTrainingResult()> task; //!< the job
        std::future<LocalTrainingResult> result;        //!< its result
        std::pair<double, uint64_t> key;                //!< (needed at, submission number)
        bool taken{false};                              //!< whether a thread has started it
    };

    /**
     * \brief Start a job.
     * \param job the arithmetic
     * \param neededAtS the simulated time its result is needed at, in s (the priority)
     * \return the ticket, for Collect
     */
    std::shared_ptr<Ticket> Submit(Job job, double neededAtS);

    /**
     * \brief The job's result, waiting for it if need be (and running queued
     * jobs meanwhile).
     * \param ticket from Submit
     * \return the job's result
     */
    LocalTrainingResult Collect(const std::shared_ptr<Ticket>& ticket);

    /// \return the number of background threads (attribute Threads)
    uint32_t GetThreads() const;

    /// \return wall-clock seconds spent running jobs, summed over threads
    double GetBusySeconds() const;

    /// \return wall-clock seconds the caller's thread spent in jobs or waiting for them
    double GetCallerSeconds() const;

    /// \return the number of jobs run
    uint64_t GetJobs() const;

  protected:
    void DoDispose() override;

  private:
    /// Start the threads (on the first Submit).
    void Start();
    /// Stop and join the threads.
    void Stop();
    /// A thread's loop.
    void Serve();
    /**
     * \brief Run a taken job, accounting its time.
     * \param ticket the job
     * \return its wall-clock seconds
     */
    double Run(Ticket& ticket);
    /**
     * \brief Take a job off the queue (the lock is held).
     * \param ticket the job
     */
    void Take(const std::shared_ptr<Ticket>& ticket);

    uint32_t m_threads;                                                     //!< background threads
    std::vector<std::thread> m_pool;                                        //!< the threads
    std::map<std::pair<double, uint64_t>, std::shared_ptr<Ticket>> m_queue; //!< jobs not started
    mutable std::mutex m_mutex;     //!< guards the queue, the tickets' flags and the figures
    std::condition_variable m_wake; //!< a job or the stop arrived
    bool m_stopping;                //!< the threads should end
    uint64_t m_submitted;           //!< jobs submitted
    double m_busyS;                 //!< seconds in jobs
    double m_callerS;               //!< seconds the caller spent in Collect
    uint64_t m_jobs;                //!< jobs run
};

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_TRAINING_EXECUTOR_H
