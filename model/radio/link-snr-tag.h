/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LINK_SNR_TAG_H
#define EDGE_DML_LINK_SNR_TAG_H

#include "ns3/tag.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Packet tag carrying the linear SNR a packet was received with.
 *
 * The OFDMA device adds it to every received packet before its receive error
 * model runs, so that WaterfallErrorModel can apply 1 - exp(-m / SNR). Any
 * other device (or a test) can add it the same way; without it the error
 * model falls back to its FallbackSnrDb attribute.
 */
class LinkSnrTag : public Tag
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    LinkSnrTag();
    /// \param snr the linear SNR
    explicit LinkSnrTag(double snr);

    /// \param snr the linear SNR
    void SetSnr(double snr);
    /// \return the linear SNR
    double GetSnr() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer buffer) const override;
    void Deserialize(TagBuffer buffer) override;
    void Print(std::ostream& os) const override;

  private:
    double m_snr; //!< linear SNR
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LINK_SNR_TAG_H */
