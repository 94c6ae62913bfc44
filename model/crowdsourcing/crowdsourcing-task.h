/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_CROWDSOURCING_TASK_H
#define EDGE_DML_CROWDSOURCING_TASK_H

#include "ns3/mobility-model.h"
#include "ns3/ptr.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief One crowdsourcing task j (the system model, "Actors"): its input data, its
 * compute load, its deadline and value, and its publisher's radio.
 */
struct CrowdsourcingTask
{
    double dataBits{0.0};                 //!< input data D_j, in bits (>= 0)
    double computeCycles{0.0};            //!< compute load C_j, in CPU cycles (>= 0)
    double deadlineS{0.0};                //!< deadline T_j, in s (> 0)
    double value{0.0};                    //!< value phi_j, in utility units (>= 0)
    double publisherTxPowerW{0.0};        //!< publisher transmit power p_j, in W (>= 0)
    Ptr<MobilityModel> publisherMobility; //!< where the publisher is (not null)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_CROWDSOURCING_TASK_H */
