/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_ANNULUS_POSITION_ALLOCATOR_H
#define EDGE_DML_ANNULUS_POSITION_ALLOCATOR_H

#include "ns3/position-allocator.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Positions drawn uniformly (by area) in an annulus around a centre.
 *
 * the system model, "Actors": edge servers lie uniformly in a disc of radius 500 m
 * around the parameter server, at least 50 m away from it. A point is uniform
 * by area when its radius is sqrt(U(r_min^2, r_max^2)) and its angle U(0, 2 pi).
 * With MinRadiusM = 0 this is a uniform disc.
 */
class AnnulusPositionAllocator : public PositionAllocator
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    AnnulusPositionAllocator();
    ~AnnulusPositionAllocator() override;

    /**
     * \brief Set the centre of the annulus.
     * \param centre the centre, in metres
     */
    void SetCentre(const Vector& centre);

    /**
     * \brief Set both radii.
     * \param minRadiusM inner radius, in metres (>= 0)
     * \param maxRadiusM outer radius, in metres (> minRadiusM)
     */
    void SetRadii(double minRadiusM, double maxRadiusM);

    Vector GetNext() const override;
    int64_t AssignStreams(int64_t stream) override;

  private:
    Ptr<UniformRandomVariable> m_rv; //!< draws radius and angle
    Vector m_centre;                 //!< centre of the annulus, in metres
    double m_minRadiusM;             //!< inner radius, in metres
    double m_maxRadiusM;             //!< outer radius, in metres
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_ANNULUS_POSITION_ALLOCATOR_H */
