/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-cost-accountant.h"

#include "ns3/abort.h"
#include "ns3/always-available.h"
#include "ns3/edge-server-energy-model.h"
#include "ns3/worker-application.h"

namespace ns3
{
namespace edgedml
{

TrainingCostAccountant::TrainingCostAccountant(const TrainingScenario& scenario,
                                               Ptr<TrainingCostModel> prices)
    : m_scenario(scenario),
      m_prices(prices ? prices : CreateObject<TrainingCostModel>()),
      m_spot(scenario.edgeNodes.GetN(), false),
      m_rentedS(scenario.edgeNodes.GetN(), 0.0),
      m_deviceBytes(scenario.edgeNodes.GetN() + 1, 0)
{
    NS_ABORT_MSG_UNLESS(scenario.server, "TrainingCostAccountant: empty scenario");
    for (uint32_t i = 0; i < scenario.workers.GetN(); ++i)
    {
        if (auto worker = DynamicCast<WorkerApplication>(scenario.workers.Get(i)))
        {
            Ptr<WorkerAvailabilityModel> availability = worker->GetAvailabilityModel();
            m_spot[i] = availability && !DynamicCast<AlwaysAvailable>(availability);
        }
    }
    scenario.server->TraceConnectWithoutContext(
        "WorkerSelected",
        MakeCallback(&TrainingCostAccountant::Selected, this));
    const uint32_t n = scenario.edgeNodes.GetN();
    for (uint32_t d = 0; d <= n; ++d)
    {
        Ptr<NetDevice> device =
            d < n ? scenario.edgeDevices.Get(d) : Ptr<NetDevice>(scenario.psDevice);
        if (!device)
        {
            continue;
        }
        uint64_t* bytes = &m_deviceBytes[d];
        uint64_t* total = &m_cellBytes;
        device->TraceConnectWithoutContext(
            "PhyTxBegin",
            Callback<void, Ptr<const Packet>, const OfdmaTransmission&>(
                [bytes, total](Ptr<const Packet> packet, const OfdmaTransmission&) {
                    *bytes += packet->GetSize();
                    *total += packet->GetSize();
                }));
    }
}

void
TrainingCostAccountant::AddBackhaulBytes(uint64_t bytes)
{
    m_backhaulBytes += bytes;
}

void
TrainingCostAccountant::Selected(uint32_t worker, uint32_t round)
{
    const int64_t index = m_scenario.GetEdgeServerIndex(worker);
    if (index >= 0)
    {
        m_selected[round].push_back(static_cast<uint32_t>(index));
    }
}

TrainingCost
TrainingCostAccountant::CloseRound(uint32_t round, double startS, double endS, double energyJ)
{
    const double duration = std::max(0.0, endS - startS);
    double onDemandS = 0.0;
    double spotS = 0.0;
    const auto selected = m_selected.find(round);
    if (selected != m_selected.end())
    {
        for (uint32_t i : selected->second)
        {
            (m_spot[i] ? spotS : onDemandS) += duration;
            m_rentedS[i] += duration;
        }
        m_selected.erase(selected);
    }
    const TrainingCost cost = m_prices->Price(onDemandS,
                                              spotS,
                                              m_cellBytes - m_cellBytesClosed,
                                              m_backhaulBytes - m_backhaulBytesClosed,
                                              std::max(0.0, energyJ - m_energyClosedJ));
    m_cellBytesClosed = m_cellBytes;
    m_backhaulBytesClosed = m_backhaulBytes;
    m_energyClosedJ = std::max(m_energyClosedJ, energyJ);
    m_total += cost;
    return cost;
}

TrainingCost
TrainingCostAccountant::GetTotal() const
{
    return m_total;
}

bool
TrainingCostAccountant::IsSpot(uint32_t index) const
{
    return m_spot.at(index);
}

double
TrainingCostAccountant::GetRentedS(uint32_t index) const
{
    return m_rentedS.at(index);
}

uint64_t
TrainingCostAccountant::GetCellBytes(uint32_t index) const
{
    return m_deviceBytes.at(index);
}

TrainingCost
TrainingCostAccountant::GetWorkerCost(uint32_t index) const
{
    double energyJ = 0.0;
    if (index < m_scenario.energyModels.GetN())
    {
        energyJ = m_scenario.energyModels.Get(index)->GetTotalEnergyConsumption();
    }
    return m_prices->Price(m_spot.at(index) ? 0.0 : m_rentedS.at(index),
                           m_spot.at(index) ? m_rentedS.at(index) : 0.0,
                           m_deviceBytes.at(index),
                           0,
                           energyJ);
}

} // namespace edgedml
} // namespace ns3
