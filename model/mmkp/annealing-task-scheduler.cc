/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "annealing-task-scheduler.h"

#include "greedy-task-scheduler.h"
#include "mmkp-search-state.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("AnnealingTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(AnnealingTaskScheduler);

TypeId
AnnealingTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::AnnealingTaskScheduler")
            .SetParent<TaskScheduler>()
            .SetGroupName("EdgeDml")
            .AddConstructor<AnnealingTaskScheduler>()
            .AddAttribute("InitialTemperature",
                          "Initial temperature, as a multiple of the mean |value| over all items "
                          "(dimensionless).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&AnnealingTaskScheduler::m_initialTemperature),
                          MakeDoubleChecker<double>(0.0, 1e12))
            .AddAttribute("CoolingFactor",
                          "Factor applied to the temperature after every step (geometric "
                          "cooling, dimensionless, in (0, 1]).",
                          DoubleValue(0.999),
                          MakeDoubleAccessor(&AnnealingTaskScheduler::m_coolingFactor),
                          MakeDoubleChecker<double>(1e-300, 1.0))
            .AddAttribute("Iterations",
                          "Number of annealing steps.",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&AnnealingTaskScheduler::m_iterations),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("InsertProbability",
                          "Probability that a step tries to insert a rejected task (Valued "
                          "instances only).",
                          DoubleValue(0.4),
                          MakeDoubleAccessor(&AnnealingTaskScheduler::m_insertProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("RemoveProbability",
                          "Probability that a step tries to reject an assigned task (Valued "
                          "instances only).",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&AnnealingTaskScheduler::m_removeProbability),
                          MakeDoubleChecker<double>(0.0, 1.0));
    return tid;
}

AnnealingTaskScheduler::AnnealingTaskScheduler()
    : m_orderRng(CreateObject<UniformRandomVariable>()),
      m_moveRng(CreateObject<UniformRandomVariable>())
{
}

AnnealingTaskScheduler::~AnnealingTaskScheduler() = default;

TaskScheduler::Result
AnnealingTaskScheduler::DoSchedule(const MmkpInstance& instance)
{
    NS_ABORT_MSG_IF(m_insertProbability + m_removeProbability > 1.0,
                    "AnnealingTaskScheduler: InsertProbability + RemoveProbability = "
                        << m_insertProbability + m_removeProbability << " exceeds 1");
    Result result;
    MmkpSearchState state(instance);
    if (!BuildGreedyAssignment(state, DrawRandomClassOrder(instance.GetNumClasses(), m_orderRng)))
    {
        result.status = SolveStatus::NO_SOLUTION_FOUND;
        return result;
    }
    result.status = SolveStatus::FEASIBLE;
    result.assignment = state.GetAssignment();
    double bestObjective = state.GetObjective();
    if (instance.GetNumItems() == 0)
    {
        return result;
    }

    double temperature = m_initialTemperature * state.GetMeanAbsValue();

    const bool strict = instance.MustAssignAll();
    const double pInsert = strict ? 0.0 : m_insertProbability;
    const double pRemove = strict ? 0.0 : m_removeProbability;
    const uint32_t rows = state.GetNumRows();
    MmkpMove move;
    for (uint32_t step = 0; step < m_iterations; ++step, temperature *= m_coolingFactor)
    {
        const double u = m_moveRng->GetValue();
        move.count = 0;
        if (u < pInsert)
        {
            if (state.GetNumRejected() == 0)
            {
                continue;
            }
            const uint32_t cls =
                state.GetRejectedClass(m_moveRng->GetInteger(0, state.GetNumRejected() - 1));
            const uint32_t items = instance.GetNumItems(cls);
            if (items == 0)
            {
                continue;
            }
            const int64_t item = instance.GetFirstItem(cls) + m_moveRng->GetInteger(0, items - 1);
            move.cls[0] = cls;
            move.to[0] = item;
            move.count = 1;
            if (state.UsesResourceRows())
            {
                // The holder of the item's ES, if any, is rejected in exchange.
                const int64_t holder = state.GetRowOwner(state.GetRow(item));
                if (holder != MmkpInstance::REJECTED)
                {
                    move.cls[1] = static_cast<uint32_t>(holder);
                    move.to[1] = MmkpInstance::REJECTED;
                    move.count = 2;
                }
            }
        }
        else if (u < pInsert + pRemove)
        {
            if (state.GetNumAssigned() == 0)
            {
                continue;
            }
            move.cls[0] =
                state.GetAssignedClass(m_moveRng->GetInteger(0, state.GetNumAssigned() - 1));
            move.to[0] = MmkpInstance::REJECTED;
            move.count = 1;
        }
        else
        {
            if (state.GetNumAssigned() == 0 || rows < 2)
            {
                continue;
            }
            uint32_t cls;
            uint32_t b;
            DrawRowMove(state, m_moveRng, cls, b);
            if (!state.MakeRowMove(cls, b, move))
            {
                continue;
            }
        }
        double delta;
        if (!state.Evaluate(move, delta))
        {
            continue;
        }
        if (delta < 0.0 &&
            (temperature <= 0.0 || m_moveRng->GetValue() >= std::exp(delta / temperature)))
        {
            continue;
        }
        state.Apply(move);
        if (state.GetObjective() > bestObjective + 1e-9 * (1.0 + std::abs(bestObjective)))
        {
            bestObjective = state.GetObjective();
            result.assignment = state.GetAssignment();
        }
    }
    NS_LOG_DEBUG("annealing best " << bestObjective);
    return result;
}

int64_t
AnnealingTaskScheduler::DoAssignStreams(int64_t stream)
{
    m_orderRng->SetStream(stream);
    m_moveRng->SetStream(stream + 1);
    return 2;
}

} // namespace edgedml
} // namespace ns3
