/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_POLICY_OPTIONS_H
#define EDGE_DML_WORKER_POLICY_OPTIONS_H

#include "program-options.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Register the options of who trains, how much and at what cost,
 * each bound to an attribute: workerSelector, selectK, selectD, the
 * data-value weights, workerRamp and its knobs, learningRateSchedule and its
 * knobs, localWork and its references, and the five prices.
 * \param options the program's options
 */
void AddWorkerPolicyOptions(ProgramOptions& options);

} // namespace edgedml
} // namespace ns3

#endif // EDGE_DML_WORKER_POLICY_OPTIONS_H
