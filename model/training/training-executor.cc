/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-executor.h"

#include "ns3/uinteger.h"

#include <Eigen/Core>
#include <chrono>

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(TrainingExecutor);

namespace
{
using Clock = std::chrono::steady_clock;

/// \param since a start \return seconds from it to now
double
SecondsSince(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}
} // namespace

TypeId
TrainingExecutor::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::TrainingExecutor")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<TrainingExecutor>()
            .AddAttribute("Threads",
                          "Background threads for the arithmetic of local updates (0: run "
                          "each update on the simulator's thread when it starts); read at the "
                          "first Submit. Results do not depend on it.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&TrainingExecutor::m_threads),
                          MakeUintegerChecker<uint32_t>(0, 256));
    return tid;
}

TrainingExecutor::TrainingExecutor()
    : m_threads(1),
      m_stopping(false),
      m_submitted(0),
      m_busyS(0.0),
      m_callerS(0.0),
      m_jobs(0)
{
}

TrainingExecutor::~TrainingExecutor()
{
    Stop();
}

void
TrainingExecutor::DoDispose()
{
    Stop();
    Object::DoDispose();
}

void
TrainingExecutor::Start()
{
    Eigen::initParallel();
    for (uint32_t i = 0; i < m_threads; ++i)
    {
        m_pool.emplace_back(&TrainingExecutor::Serve, this);
    }
}

void
TrainingExecutor::Stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_pool)
    {
        thread.join();
    }
    m_pool.clear();
    // Jobs never started (none, unless tickets were dropped uncollected).
    while (!m_queue.empty())
    {
        std::shared_ptr<Ticket> ticket = m_queue.begin()->second;
        Take(ticket);
        Run(*ticket);
    }
    m_stopping = false;
}

void
TrainingExecutor::Take(const std::shared_ptr<Ticket>& ticket)
{
    ticket->taken = true;
    m_queue.erase(ticket->key);
}

double
TrainingExecutor::Run(Ticket& ticket)
{
    const auto start = Clock::now();
    ticket.task();
    const double seconds = SecondsSince(start);
    std::lock_guard<std::mutex> lock(m_mutex);
    m_busyS += seconds;
    ++m_jobs;
    return seconds;
}

void
TrainingExecutor::Serve()
{
    while (true)
    {
        std::shared_ptr<Ticket> ticket;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
            {
                return; // stopping
            }
            ticket = m_queue.begin()->second; // the one needed first
            Take(ticket);
        }
        Run(*ticket);
    }
}

std::shared_ptr<TrainingExecutor::Ticket>
TrainingExecutor::Submit(Job job, double neededAtS)
{
    auto ticket = std::make_shared<Ticket>();
    ticket->task = std::packaged_task<LocalTrainingResult()>(std::move(job));
    ticket->result = ticket->task.get_future();
    if (m_threads == 0)
    {
        ticket->taken = true;
        m_callerS += Run(*ticket);
        return ticket;
    }
    if (m_pool.empty())
    {
        Start();
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ticket->key = {neededAtS, m_submitted++};
        m_queue.emplace(ticket->key, ticket);
    }
    m_wake.notify_one();
    return ticket;
}

LocalTrainingResult
TrainingExecutor::Collect(const std::shared_ptr<Ticket>& ticket)
{
    const auto start = Clock::now();
    std::future<LocalTrainingResult>& result = ticket->result;
    while (result.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    {
        // Run a queued job here, this one first, rather than idle.
        std::shared_ptr<Ticket> next;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!ticket->taken)
            {
                next = ticket;
            }
            else if (!m_queue.empty())
            {
                next = m_queue.begin()->second;
            }
            if (next)
            {
                Take(next);
            }
        }
        if (!next)
        {
            result.wait();
            break;
        }
        Run(*next);
    }
    const double seconds = SecondsSince(start);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_callerS += seconds;
    }
    return result.get();
}

uint32_t
TrainingExecutor::GetThreads() const
{
    return m_threads;
}

double
TrainingExecutor::GetBusySeconds() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_busyS;
}

double
TrainingExecutor::GetCallerSeconds() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_callerS;
}

uint64_t
TrainingExecutor::GetJobs() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_jobs;
}

} // namespace edgedml
} // namespace ns3
