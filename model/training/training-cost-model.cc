/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-cost-model.h"

#include "ns3/double.h"

namespace ns3
{
namespace edgedml
{

NS_OBJECT_ENSURE_REGISTERED(TrainingCostModel);

TypeId
TrainingCostModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::TrainingCostModel")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<TrainingCostModel>()
            .AddAttribute("OnDemandPricePerWorkerS",
                          "Price of one second of an on-demand worker instance (a worker "
                          "without a volatile availability model), in currency units per "
                          "worker-second.",
                          DoubleValue(0.085 / 3600.0),
                          MakeDoubleAccessor(&TrainingCostModel::m_onDemandPricePerWorkerS),
                          MakeDoubleChecker<double>(0.0, 1e9))
            .AddAttribute("SpotPricePerWorkerS",
                          "Price of one second of a spot (volatile) worker instance (a worker "
                          "with a Bernoulli or Markov availability model), in currency units "
                          "per worker-second.",
                          DoubleValue(0.3 * 0.085 / 3600.0),
                          MakeDoubleAccessor(&TrainingCostModel::m_spotPricePerWorkerS),
                          MakeDoubleChecker<double>(0.0, 1e9))
            .AddAttribute("CellPricePerGb",
                          "Price of 10^9 bytes sent over the cell (every transmission attempt, "
                          "uplink and downlink, MAC header included), in currency units per GB.",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&TrainingCostModel::m_cellPricePerGb),
                          MakeDoubleChecker<double>(0.0, 1e9))
            .AddAttribute("BackhaulPricePerGb",
                          "Price of 10^9 bytes sent over the backhaul to the cloud, in currency "
                          "units per GB.",
                          DoubleValue(0.09),
                          MakeDoubleAccessor(&TrainingCostModel::m_backhaulPricePerGb),
                          MakeDoubleChecker<double>(0.0, 1e9))
            .AddAttribute("EnergyPricePerJ",
                          "Price of the energy the edge servers spend, in currency units per J.",
                          DoubleValue(0.15 / 3.6e6),
                          MakeDoubleAccessor(&TrainingCostModel::m_energyPricePerJ),
                          MakeDoubleChecker<double>(0.0, 1e9));
    return tid;
}

TrainingCostModel::TrainingCostModel()
    : m_onDemandPricePerWorkerS(0.085 / 3600.0),
      m_spotPricePerWorkerS(0.3 * 0.085 / 3600.0),
      m_cellPricePerGb(0.5),
      m_backhaulPricePerGb(0.09),
      m_energyPricePerJ(0.15 / 3.6e6)
{
}

TrainingCostModel::~TrainingCostModel() = default;

TrainingCost
TrainingCostModel::Price(double onDemandWorkerS,
                         double spotWorkerS,
                         uint64_t cellBytes,
                         uint64_t backhaulBytes,
                         double energyJ) const
{
    TrainingCost cost;
    cost.instance =
        m_onDemandPricePerWorkerS * onDemandWorkerS + m_spotPricePerWorkerS * spotWorkerS;
    cost.cell = m_cellPricePerGb * static_cast<double>(cellBytes) / 1e9;
    cost.backhaul = m_backhaulPricePerGb * static_cast<double>(backhaulBytes) / 1e9;
    cost.energy = m_energyPricePerJ * energyJ;
    return cost;
}

} // namespace edgedml
} // namespace ns3
