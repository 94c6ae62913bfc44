/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_COST_ACCOUNTANT_H
#define EDGE_DML_TRAINING_COST_ACCOUNTANT_H

#include "training-scenario-helper.h"

#include "ns3/ofdma-net-device.h"
#include "ns3/training-cost-model.h"

#include <map>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Counts what a TrainingScenario spends and prices it with a
 * TrainingCostModel (the module doc, "Cost accounting").
 *
 * A worker selected in a round (ParameterServerApplication's WorkerSelected)
 * is rented for the whole round, from its start to its end: on demand, or
 * at the spot price if its WorkerApplication has a volatile availability
 * model (anything but AlwaysAvailable). Every transmission attempt on the
 * cell's devices (PhyTxBegin of the PS and the ES devices, retransmissions
 * included) is charged per byte; bytes over a backhaul are given with
 * AddBackhaulBytes. Energy is the ES energy models' total. A round's cost
 * is its rented worker-seconds, the bytes sent since the previous round
 * closed and the energy spent since then; a worker's cost is its rented
 * seconds, the bytes its device sent and its energy.
 */
class TrainingCostAccountant
{
  public:
    /**
     * \param scenario the scenario (must outlive the accountant)
     * \param prices the prices (null: a TrainingCostModel with its attribute defaults)
     */
    explicit TrainingCostAccountant(const TrainingScenario& scenario,
                                    Ptr<TrainingCostModel> prices = nullptr);

    /// \param bytes bytes sent over the backhaul (e.g. by a cloud tier), now
    void AddBackhaulBytes(uint64_t bytes);

    /**
     * \brief Close a round: price it and add it to the total.
     * \param round the round \param startS its start, in s \param endS its end, in s
     * \param energyJ energy spent by all ES until its end, in J
     * \return the round's cost
     */
    TrainingCost CloseRound(uint32_t round, double startS, double endS, double energyJ);

    /// \return the cost of the rounds closed so far
    TrainingCost GetTotal() const;

    /// \param index an ES index \return its cost so far (rented seconds, its bytes, its energy)
    TrainingCost GetWorkerCost(uint32_t index) const;

    /// \param index an ES index \return whether it is billed as a spot instance
    bool IsSpot(uint32_t index) const;

    /// \param index an ES index \return the worker-seconds it was rented for
    double GetRentedS(uint32_t index) const;

    /// \param index an ES index \return bytes its device sent over the cell
    uint64_t GetCellBytes(uint32_t index) const;

  private:
    /// \param worker node id \param round the round
    void Selected(uint32_t worker, uint32_t round);

    const TrainingScenario& m_scenario;                   //!< the scenario
    Ptr<TrainingCostModel> m_prices;                      //!< the prices
    std::vector<bool> m_spot;                             //!< per ES, billed as spot
    std::vector<double> m_rentedS;                        //!< per ES, rented seconds
    std::vector<uint64_t> m_deviceBytes;                  //!< per ES, bytes sent (last: the PS)
    std::map<uint32_t, std::vector<uint32_t>> m_selected; //!< per open round, ES indexes
    uint64_t m_cellBytes{0};                              //!< bytes sent over the cell, all devices
    uint64_t m_cellBytesClosed{0};                        //!< of them, charged to closed rounds
    uint64_t m_backhaulBytes{0};                          //!< bytes over the backhaul
    uint64_t m_backhaulBytesClosed{0};                    //!< of them, charged to closed rounds
    double m_energyClosedJ{0.0};                          //!< energy charged to closed rounds, in J
    TrainingCost m_total;                                 //!< cost of the closed rounds
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TRAINING_COST_ACCOUNTANT_H */
