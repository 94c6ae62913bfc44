/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "annealing-task-scheduler.h"

#include "mmkp-move-sampler.h"

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
            .SetParent<NeighbourhoodSearchTaskScheduler>()
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

AnnealingTaskScheduler::AnnealingTaskScheduler() = default;

AnnealingTaskScheduler::~AnnealingTaskScheduler() = default;

void
AnnealingTaskScheduler::Search(MmkpSearchState& state,
                               Incumbent& best,
                               const SearchDeadline& deadline)
{
    NS_ABORT_MSG_IF(m_insertProbability + m_removeProbability > 1.0,
                    "AnnealingTaskScheduler: InsertProbability + RemoveProbability = "
                        << m_insertProbability + m_removeProbability << " exceeds 1");
    const MmkpInstance& instance = state.GetInstance();
    if (instance.GetNumItems() == 0)
    {
        return;
    }
    const MmkpMoveSampler sampler(instance, 0);
    double temperature = m_initialTemperature * state.GetMeanAbsValue();
    const bool strict = instance.MustAssignAll();
    const double pInsert = strict ? 0.0 : m_insertProbability;
    const double pRemove = strict ? 0.0 : m_removeProbability;
    MmkpMove move;
    for (uint32_t step = 0; step < m_iterations && !deadline.IsExpired();
         ++step, temperature *= m_coolingFactor)
    {
        const double u = m_moveRng->GetValue();
        bool drawn;
        if (u < pInsert)
        {
            drawn = sampler.DrawInsert(state, m_moveRng, move);
        }
        else if (u < pInsert + pRemove)
        {
            drawn = sampler.DrawRemove(state, m_moveRng, move);
        }
        else
        {
            uint32_t fromRow;
            uint32_t toRow;
            drawn = sampler.DrawSwap(state, m_moveRng, move, fromRow, toRow);
        }
        double delta;
        if (!drawn || !state.Evaluate(move, delta))
        {
            continue;
        }
        if (delta < 0.0 &&
            (temperature <= 0.0 || m_moveRng->GetValue() >= std::exp(delta / temperature)))
        {
            continue;
        }
        state.Apply(move);
        best.Offer(state);
    }
}

void
AnnealingTaskScheduler::Diversify(MmkpSearchState& /* state */, uint32_t /* round */)
{
    // A new annealing from T0 is diversification enough.
}

} // namespace edgedml
} // namespace ns3
