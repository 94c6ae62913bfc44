/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "training-scenario-options.h"

namespace ns3
{
namespace edgedml
{

void
AddTrainingCellOptions(CommandLine& cmd, CommandLineChecks& check, TrainingScenarioParameters& p)
{
    check
        .AddInteger(cmd, "numEdgeServers", "number of edge servers n", p.numEdgeServers, 1, 100000);
    check.AddInteger(cmd,
                     "samplesPerServer",
                     "samples s_i of every edge server (0: drawn from U{100, 200, ..., 600})",
                     p.samplesPerServer,
                     0,
                     1000000000,
                     "samples");
    check.AddChoice(cmd,
                    "socket",
                    "udp (UDP/IPv4) or packet (raw packet sockets)",
                    p.socket,
                    {"udp", "packet"});
    check.AddChoice(cmd,
                    "lossUnit",
                    "waterfall loss unit: Message or Packet",
                    p.lossUnit,
                    {"Message", "Packet"});
    check.AddInteger(cmd,
                     "maxRetransmissions",
                     "link-layer retransmissions per packet",
                     p.maxRetransmissions,
                     0,
                     1000);
    check.AddInteger(cmd,
                     "trainingThreads",
                     "background threads for the local updates' arithmetic (0: on the "
                     "simulator's thread; results do not depend on it)",
                     p.trainingThreads,
                     0,
                     256);
}

void
AddTrainingRoundOptions(CommandLine& cmd, CommandLineChecks& check, TrainingScenarioParameters& p)
{
    check.AddInteger(cmd, "rounds", "synchronous SGD rounds", p.rounds, 1, 1000000);
    check.AddInteger(cmd, "localSteps", "local SGD steps tau per round", p.localSteps, 1, 1000000);
    check.AddInteger(cmd, "batchSize", "mini-batch size b", p.batchSize, 1, 1000000);
    check.AddDouble(cmd,
                    "roundDeadlineS",
                    "round deadline, in s (0: none)",
                    p.roundDeadlineS,
                    0,
                    1e6,
                    "s");
}

} // namespace edgedml
} // namespace ns3
