/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WATERFALL_ERROR_MODEL_H
#define EDGE_DML_WATERFALL_ERROR_MODEL_H

#include "ns3/error-model.h"
#include "ns3/random-variable-stream.h"

#include <map>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Waterfall-threshold loss (the system model, "Training link"): a transmission unit
 * is lost with probability 1 - exp(-m / SNR).
 *
 * The SNR comes from the packet's LinkSnrTag (the OFDMA device adds it on
 * reception); a packet without the tag uses FallbackSnrDb, so the model also
 * works on any other ns-3 device (e.g. as the ReceiveErrorModel of a
 * point-to-point or CSMA device).
 *
 * The loss unit is an attribute:
 * - Message: one draw per (source, message) of the packet's MessageTag, so a
 *   model update made of many packets arrives whole or not at all; this
 *   reproduces the papers' Bernoulli(o_i) participation. Packets without a
 *   MessageTag are each their own message. The draw is made with the SNR of
 *   the first packet of the message seen by this model.
 * - Packet: one independent draw per packet (and per retransmission).
 */
class WaterfallErrorModel : public ErrorModel
{
  public:
    /// What one random draw decides.
    enum LossUnit
    {
        MESSAGE, //!< one draw per application message (MessageTag)
        PACKET,  //!< one draw per packet
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WaterfallErrorModel();
    ~WaterfallErrorModel() override;

    /**
     * \brief The success probability this model applies at a given SNR.
     * \param snr linear SNR
     * \return exp(-m / snr)
     */
    double GetSuccessProbability(double snr) const;

    /// \return the loss unit
    LossUnit GetLossUnit() const;

    /**
     * \brief Assign a fixed random variable stream.
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;
    void DoDispose() override;

    /// The decision taken for the latest message of one source.
    struct MessageDecision
    {
        uint32_t messageId; //!< the message
        bool lost;          //!< whether it is lost
    };

    double m_threshold;                                 //!< waterfall threshold m (linear)
    LossUnit m_unit;                                    //!< loss unit
    double m_fallbackSnrDb;                             //!< SNR for untagged packets, in dB
    Ptr<UniformRandomVariable> m_rv;                    //!< the draws
    std::map<uint32_t, MessageDecision> m_lastDecision; //!< per source, its latest message
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_WATERFALL_ERROR_MODEL_H */
