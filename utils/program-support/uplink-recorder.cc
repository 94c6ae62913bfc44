/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "uplink-recorder.h"

#include "ns3/link-budget.h"
#include "ns3/message-tag.h"
#include "ns3/mobility-model.h"
#include "ns3/ofdma-transmission.h"
#include "ns3/waterfall-error-model.h"

#include <iomanip>

namespace ns3
{
namespace edgedml
{

UplinkRecorder::UplinkRecorder(double waterfallThreshold, bool perMessage)
    : m_threshold(waterfallThreshold),
      m_perMessage(perMessage)
{
}

void
UplinkRecorder::Connect(const NetDeviceContainer& edgeDevices,
                        const std::vector<Ptr<MessageSource>>& senders)
{
    m_records.assign(edgeDevices.GetN(), Record());
    for (uint32_t i = 0; i < edgeDevices.GetN(); ++i)
    {
        Record* record = &m_records[i];
        edgeDevices.Get(i)->TraceConnectWithoutContext(
            "PhyTxBegin",
            MakeBoundCallback(
                +[](Record* rec,
                    double m,
                    bool byMessage,
                    Ptr<const Packet> packet,
                    const OfdmaTransmission& tx) {
                    ++rec->attempts;
                    rec->snrSum += tx.snr;
                    rec->rateSum += tx.rateBps;
                    rec->airtimeS += tx.airtime.GetSeconds();
                    MessageTag tag;
                    const bool tagged = packet->PeekPacketTag(tag);
                    if (byMessage && tagged)
                    {
                        if (tag.GetMessageId() != rec->lastMessage)
                        {
                            rec->lastMessage = tag.GetMessageId();
                            rec->unitProbabilitySum += WaterfallSuccessProbability(m, tx.snr);
                            ++rec->units;
                        }
                    }
                    else
                    {
                        rec->unitProbabilitySum += WaterfallSuccessProbability(m, tx.snr);
                        ++rec->units;
                    }
                },
                record,
                m_threshold,
                m_perMessage));
        senders[i]->TraceConnectWithoutContext(
            "MessageSent",
            MakeBoundCallback(
                +[](Record* rec, uint32_t, uint32_t, uint32_t packets) {
                    ++rec->messagesSent;
                    rec->packetsSent += packets;
                },
                record));
    }
}

void
UplinkRecorder::Write(std::ostream& out,
                      std::ostream& table,
                      std::ostream& summary,
                      const std::string& settings,
                      Ptr<Node> psNode,
                      const NodeContainer& edgeNodes,
                      const std::vector<Ptr<EdgeServer>>& servers,
                      Ptr<MessageSink> sink,
                      const DeviceEnergyModelContainer& energyModels,
                      uint64_t messagesSent,
                      const std::string& output) const
{
    out << "es,node,distance_m,samples,cpu_hz,attempts,mean_snr_db,mean_rate_bps,"
           "success_probability,delivery_ratio,messages_sent,messages_received,packets_sent,"
           "packets_received,airtime_s,energy_j\n";
    table << std::setw(4) << "es" << std::setw(10) << "dist_m" << std::setw(10) << "snr_dB"
          << std::setw(12) << "rate_Mbps" << std::setw(10) << "o_unit" << std::setw(10)
          << "measured" << std::setw(12) << "airtime_s" << std::setw(12) << "energy_J"
          << "\n";
    Ptr<MobilityModel> psMobility = psNode->GetObject<MobilityModel>();
    double analyticSum = 0.0;
    double measuredSum = 0.0;
    uint32_t messagesReceived = 0;
    const uint32_t n = edgeNodes.GetN();
    for (uint32_t i = 0; i < n; ++i)
    {
        const Record& rec = m_records[i];
        Ptr<Node> node = edgeNodes.Get(i);
        const double distance = node->GetObject<MobilityModel>()->GetDistanceFrom(psMobility);
        const MessageSink::SourceStats stats = sink->GetSourceStats(node->GetId());
        const double meanSnr = rec.attempts > 0 ? rec.snrSum / rec.attempts : 0.0;
        const double meanRate = rec.attempts > 0 ? rec.rateSum / rec.attempts : 0.0;
        const double analytic = rec.units > 0 ? rec.unitProbabilitySum / rec.units : 0.0;
        const double measured =
            m_perMessage ? (rec.messagesSent > 0 ? double(stats.messages) / rec.messagesSent : 0.0)
                         : (rec.attempts > 0 ? double(stats.packets) / rec.attempts : 0.0);
        const double energy = energyModels.Get(i)->GetTotalEnergyConsumption();
        analyticSum += analytic;
        measuredSum += measured;
        messagesReceived += stats.messages;
        out << i << "," << node->GetId() << "," << distance << "," << servers[i]->GetSamples()
            << "," << servers[i]->GetCpuFrequencyHz() << "," << rec.attempts << ","
            << RatioToDb(meanSnr) << "," << meanRate << "," << analytic << "," << measured << ","
            << rec.messagesSent << "," << stats.messages << "," << rec.packetsSent << ","
            << stats.packets << "," << rec.airtimeS << "," << energy << "\n";
        table << std::setw(4) << i << std::setw(10) << std::fixed << std::setprecision(1)
              << distance << std::setw(10) << std::setprecision(2) << RatioToDb(meanSnr)
              << std::setw(12) << std::setprecision(3) << meanRate / 1e6 << std::setw(10)
              << std::setprecision(3) << analytic << std::setw(10) << measured << std::setw(12)
              << std::setprecision(4) << rec.airtimeS << std::setw(12) << std::setprecision(5)
              << energy << "\n";
    }
    summary << std::fixed << std::setprecision(4) << "edge-dml-uplink: " << settings << "\n"
            << "  mean analytic success probability " << analyticSum / n
            << ", mean measured delivery ratio " << measuredSum / n << "\n"
            << "  messages received whole " << messagesReceived << " of " << messagesSent
            << "; results in " << output << "\n";
}

} // namespace edgedml
} // namespace ns3
