/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_ALWAYS_AVAILABLE_H
#define EDGE_DML_ALWAYS_AVAILABLE_H

#include "worker-availability-model.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The default availability: the worker is available in every round
 * (no random draw, no stream).
 */
class AlwaysAvailable : public WorkerAvailabilityModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    AlwaysAvailable();
    ~AlwaysAvailable() override;

  private:
    bool DoIsAvailable(uint32_t round, bool first, uint32_t steps) override;
    int64_t DoAssignStreams(int64_t stream) override;
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_ALWAYS_AVAILABLE_H */
