/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_UPLINK_RECORDER_H
#define EDGE_DML_UPLINK_RECORDER_H

#include "ns3/device-energy-model-container.h"
#include "ns3/edge-server.h"
#include "ns3/message-sink.h"
#include "ns3/message-source.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"

#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief What edge-dml-uplink measures per edge server: from the devices'
 * PhyTxBegin traces the attempts, their mean SNR and rate, the airtime and
 * the analytic success probability of the loss unit (per message or per
 * attempt); from the senders' MessageSent traces the messages and packets
 * sent; at the end, from the sink, what arrived whole, and the energy.
 */
class UplinkRecorder
{
  public:
    /**
     * \param waterfallThreshold m of the waterfall loss
     * \param perMessage whether the loss unit is a message (else an attempt)
     */
    UplinkRecorder(double waterfallThreshold, bool perMessage);

    /**
     * \brief Connect the traces (the recorder must outlive the run).
     * \param edgeDevices the OFDMA device of each ES
     * \param senders the MessageSource of each ES
     */
    void Connect(const NetDeviceContainer& edgeDevices,
                 const std::vector<Ptr<MessageSource>>& senders);

    /**
     * \brief Write the results: the CSV (one row per ES), the table printed
     * unless quiet, and the summary lines.
     * \param csv the CSV file \param table the per-ES table \param summary the summary
     * \param settings the summary's first line after "edge-dml-uplink: "
     * \param psNode the parameter server's node \param edgeNodes the ES nodes
     * \param servers the EdgeServer of each ES \param sink the PS's sink
     * \param energyModels the energy model of each ES
     * \param messagesSent messages every ES sent (n x rounds) \param output the CSV's name
     */
    void Write(std::ostream& csv,
               std::ostream& table,
               std::ostream& summary,
               const std::string& settings,
               Ptr<Node> psNode,
               const NodeContainer& edgeNodes,
               const std::vector<Ptr<EdgeServer>>& servers,
               Ptr<MessageSink> sink,
               const DeviceEnergyModelContainer& energyModels,
               uint64_t messagesSent,
               const std::string& output) const;

  private:
    /// What the traces collect for one edge server.
    struct Record
    {
        uint32_t attempts{0};           //!< transmission attempts
        double snrSum{0.0};             //!< sum of attempt SNRs (linear)
        double rateSum{0.0};            //!< sum of attempt rates, in bit/s
        double airtimeS{0.0};           //!< total airtime, in s
        double unitProbabilitySum{0.0}; //!< sum of the analytic success probability per unit
        uint32_t units{0};              //!< loss units judged (messages or attempts)
        int64_t lastMessage{-1};        //!< last message seen on the air
        uint32_t messagesSent{0};       //!< messages sent
        uint32_t packetsSent{0};        //!< packets handed to the device
    };

    double m_threshold;            //!< m of the waterfall loss
    bool m_perMessage;             //!< loss unit: message (else attempt)
    std::vector<Record> m_records; //!< per ES
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_UPLINK_RECORDER_H */
