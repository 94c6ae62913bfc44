/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_COST_MODEL_H
#define EDGE_DML_TRAINING_COST_MODEL_H

#include "ns3/object.h"

#include <cstdint>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Money spent on training, by what it pays for (currency units).
 */
struct TrainingCost
{
    double instance{0.0}; //!< worker instances (on demand and spot)
    double cell{0.0};     //!< bytes over the cell
    double backhaul{0.0}; //!< bytes over the backhaul
    double energy{0.0};   //!< energy

    /// \return the sum of the parts
    double Total() const
    {
        return instance + cell + backhaul + energy;
    }

    /// \param other costs to add \return this
    TrainingCost& operator+=(const TrainingCost& other)
    {
        instance += other.instance;
        cell += other.cell;
        backhaul += other.backhaul;
        energy += other.energy;
        return *this;
    }
};

/**
 * \ingroup edge-dml
 * \brief The prices of training (the module doc, "Cost accounting"): worker
 * instances per second, on demand or spot (volatile), bytes over the cell and
 * over the backhaul per GB (10^9 bytes), energy per joule. Prices are in one
 * currency unit of the user's choice; the defaults are illustrative (a small
 * cloud instance at about 0.085 per hour on demand and 70 % less as spot,
 * 0.09 per GB of cloud egress, 0.5 per GB of cellular data, 0.15 per kWh).
 */
class TrainingCostModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TrainingCostModel();
    ~TrainingCostModel() override;

    /**
     * \param onDemandWorkerS worker-seconds of on-demand instances
     * \param spotWorkerS worker-seconds of spot instances
     * \param cellBytes bytes sent over the cell
     * \param backhaulBytes bytes sent over the backhaul
     * \param energyJ energy, in J
     * \return what they cost
     */
    TrainingCost Price(double onDemandWorkerS,
                       double spotWorkerS,
                       uint64_t cellBytes,
                       uint64_t backhaulBytes,
                       double energyJ) const;

  private:
    double m_onDemandPricePerWorkerS; //!< per on-demand worker-second
    double m_spotPricePerWorkerS;     //!< per spot worker-second
    double m_cellPricePerGb;          //!< per GB over the cell
    double m_backhaulPricePerGb;      //!< per GB over the backhaul
    double m_energyPricePerJ;         //!< per joule
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TRAINING_COST_MODEL_H */
