/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "waterfall-error-model.h"

#include "link-budget.h"
#include "link-snr-tag.h"
#include "message-tag.h"

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/packet.h"

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("WaterfallErrorModel");
NS_OBJECT_ENSURE_REGISTERED(WaterfallErrorModel);

TypeId
WaterfallErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::WaterfallErrorModel")
            .SetParent<ErrorModel>()
            .SetGroupName("EdgeDml")
            .AddConstructor<WaterfallErrorModel>()
            .AddAttribute("WaterfallThreshold",
                          "Waterfall threshold m (linear): a unit is lost with probability "
                          "1 - exp(-m / SNR). The default is the value in Chen et al.'s code.",
                          DoubleValue(1.08),
                          MakeDoubleAccessor(&WaterfallErrorModel::m_threshold),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("LossUnit",
                          "What one draw decides: a whole application message (packets "
                          "sharing a MessageTag) or a single packet.",
                          EnumValue(WaterfallErrorModel::MESSAGE),
                          MakeEnumAccessor(&WaterfallErrorModel::m_unit),
                          MakeEnumChecker(WaterfallErrorModel::MESSAGE,
                                          "Message",
                                          WaterfallErrorModel::PACKET,
                                          "Packet"))
            .AddAttribute("FallbackSnrDb",
                          "SNR, in dB, used for a packet that carries no LinkSnrTag (e.g. "
                          "when this model is installed on a device other than OFDMA).",
                          DoubleValue(100.0),
                          MakeDoubleAccessor(&WaterfallErrorModel::m_fallbackSnrDb),
                          MakeDoubleChecker<double>(-300.0, 300.0));
    return tid;
}

WaterfallErrorModel::WaterfallErrorModel()
    : m_threshold(1.08),
      m_unit(MESSAGE),
      m_fallbackSnrDb(100.0),
      m_rv(CreateObject<UniformRandomVariable>())
{
}

WaterfallErrorModel::~WaterfallErrorModel() = default;

double
WaterfallErrorModel::GetSuccessProbability(double snr) const
{
    return WaterfallSuccessProbability(m_threshold, snr);
}

WaterfallErrorModel::LossUnit
WaterfallErrorModel::GetLossUnit() const
{
    return m_unit;
}

int64_t
WaterfallErrorModel::AssignStreams(int64_t stream)
{
    m_rv->SetStream(stream);
    return 1;
}

bool
WaterfallErrorModel::DoCorrupt(Ptr<Packet> p)
{
    LinkSnrTag snrTag;
    const double snr = p->PeekPacketTag(snrTag) ? snrTag.GetSnr() : DbToRatio(m_fallbackSnrDb);
    MessageTag messageTag;
    if (m_unit == MESSAGE && p->PeekPacketTag(messageTag))
    {
        auto it = m_lastDecision.find(messageTag.GetSourceId());
        if (it != m_lastDecision.end() && it->second.messageId == messageTag.GetMessageId())
        {
            return it->second.lost;
        }
        const bool lost = m_rv->GetValue() >= GetSuccessProbability(snr);
        m_lastDecision[messageTag.GetSourceId()] = MessageDecision{messageTag.GetMessageId(), lost};
        NS_LOG_DEBUG("message " << messageTag.GetSourceId() << ":" << messageTag.GetMessageId()
                                << " snr " << snr << (lost ? " lost" : " kept"));
        return lost;
    }
    const bool lost = m_rv->GetValue() >= GetSuccessProbability(snr);
    NS_LOG_DEBUG("packet " << p->GetUid() << " snr " << snr << (lost ? " lost" : " kept"));
    return lost;
}

void
WaterfallErrorModel::DoReset()
{
    m_lastDecision.clear();
}

void
WaterfallErrorModel::DoDispose()
{
    m_rv = nullptr;
    ErrorModel::DoDispose();
}

} // namespace edgedml
} // namespace ns3
