/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_CROWDSOURCING_TASK_GENERATOR_H
#define EDGE_DML_CROWDSOURCING_TASK_GENERATOR_H

#include "crowdsourcing-task.h"

#include "ns3/object.h"
#include "ns3/position-allocator.h"
#include "ns3/random-variable-stream.h"

#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Draws crowdsourcing tasks with the distributions of the system model
 * section 1: D_j ~ U[5, 20] Mbit, C_j = 40 cycles/bit * D_j,
 * T_j ~ U[0.5, 2] s, phi_j ~ U[0.01, 0.03], p_j = 0.1 W, publisher uniform
 * in the annulus 50..500 m around the parameter server at the origin (an
 * AnnulusPositionAllocator, as for the edge servers).
 *
 * Every distribution is an attribute (a RandomVariableStream or a
 * PositionAllocator), so any other law can be plugged in. Each task gets its
 * own ConstantPositionMobilityModel.
 */
class CrowdsourcingTaskGenerator : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    CrowdsourcingTaskGenerator();
    ~CrowdsourcingTaskGenerator() override;

    /**
     * \brief Draw tasks. For each task, in this order: data bits, deadline,
     * value, publisher position.
     * \param count number of tasks
     * \return the tasks
     */
    std::vector<CrowdsourcingTask> Generate(uint32_t count) const;

    /**
     * \brief Assign fixed random variable streams.
     * \param stream first stream index to use
     * \return the number of streams used (3 plus the position allocator's)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    void DoDispose() override;

    Ptr<RandomVariableStream> m_dataBits;  //!< D_j, in bits
    double m_cyclesPerBit;                 //!< kappa, in CPU cycles per bit
    Ptr<RandomVariableStream> m_deadlineS; //!< T_j, in s
    Ptr<RandomVariableStream> m_value;     //!< phi_j, in utility units
    double m_publisherTxPowerW;            //!< p_j, in W
    Ptr<PositionAllocator> m_position;     //!< publisher positions, in m
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_CROWDSOURCING_TASK_GENERATOR_H */
