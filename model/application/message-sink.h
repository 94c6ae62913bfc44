/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MESSAGE_SINK_H
#define EDGE_DML_MESSAGE_SINK_H

#include "message-header.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <map>
#include <utility>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Receives MessageSource traffic and reassembles messages: a message
 * counts as received when every one of its packets has arrived. A message
 * still incomplete when its source's message PENDING_WINDOW numbers later
 * starts arriving is given up (its state is freed).
 */
class MessageSink : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MessageSink();
    ~MessageSink() override;

    /// Per-source counters.
    struct SourceStats
    {
        uint64_t packets{0};  //!< packets received
        uint64_t bytes{0};    //!< payload bytes received (message headers included)
        uint32_t messages{0}; //!< messages received whole
    };

    /**
     * \param sourceId a sender id (its node id)
     * \return its counters (zero if nothing arrived)
     */
    SourceStats GetSourceStats(uint32_t sourceId) const;
    /// \return every sender's counters, by sender id
    const std::map<uint32_t, SourceStats>& GetAllSourceStats() const;

    /// Incomplete messages kept per source, counted back from the newest.
    static constexpr uint32_t PENDING_WINDOW = 64;

    /**
     * TracedCallback signature for whole messages.
     * \param header the header of the message's last packet
     * \param delay time from the message's send time to its last packet
     */
    typedef void (*MessageReceivedTracedCallback)(const MessageHeader& header, Time delay);

  private:
    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;
    /// \param socket the socket with data
    void HandleRead(Ptr<Socket> socket);

    TypeId m_protocol;                                           //!< socket factory type
    Address m_local;                                             //!< local address to bind
    Ptr<Socket> m_socket;                                        //!< the socket
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> m_pending; //!< packets so far per message
    std::map<uint32_t, SourceStats> m_stats;                     //!< per-source counters

    TracedCallback<Ptr<const Packet>, const Address&> m_rxTrace; //!< packet received
    TracedCallback<const MessageHeader&, Time> m_messageTrace;   //!< message received whole
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MESSAGE_SINK_H */
