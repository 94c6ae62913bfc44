/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_OFDMA_HELPER_H
#define EDGE_DML_OFDMA_HELPER_H

#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/ofdma-channel.h"
#include "ns3/ofdma-net-device.h"
#include "ns3/trace-helper.h"

#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Builds an OFDMA cell: one channel, a base-station device on the
 * parameter server's node and a terminal device on each edge server's node.
 *
 * Every part is built from an ObjectFactory and can be replaced by TypeId:
 * the RB allocator (default EqualShareRbAllocator), the propagation loss
 * chain (default log-distance with exponent 2, reference 1 m and 0 dB, i.e.
 * h = d^-2; AddPropagationLoss appends e.g. Rayleigh fading), the delay model,
 * the receive error model of every device (default WaterfallErrorModel) and
 * the transmit queue (default DropTailQueue of 1000 packets, with flow control
 * towards ns-3's traffic-control layer). The base station transmits with 1 W
 * by default (the system model's PS power); terminals with the device default 0.01 W.
 * Nodes need a MobilityModel before the first packet is sent.
 */
class OfdmaHelper : public PcapHelperForDevice
{
  public:
    OfdmaHelper();
    ~OfdmaHelper() override;

    /**
     * \param name an OfdmaChannel attribute \param value its value
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of every device (base station and terminals).
     * \param name an OfdmaNetDevice attribute \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name an OfdmaNetDevice attribute of terminals only \param value its value
     */
    void SetTerminalAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name an OfdmaNetDevice attribute of the base station only \param value its value
     */
    void SetBaseStationAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Choose the uplink RB allocator.
     * \tparam Args attribute name/value pairs
     * \param type its TypeId name, e.g. "ns3::edgedml::FixedRbAllocator"
     * \param args attributes of the allocator
     */
    template <typename... Args>
    void SetRbAllocator(const std::string& type, Args&&... args);
    /**
     * \brief Replace the propagation loss chain by one model.
     * \tparam Args attribute name/value pairs
     * \param type its TypeId name
     * \param args its attributes
     */
    template <typename... Args>
    void SetPropagationLoss(const std::string& type, Args&&... args);
    /**
     * \brief Append a model to the propagation loss chain (e.g.
     * "ns3::NakagamiPropagationLossModel" with m = 1 for Rayleigh fading).
     * \tparam Args attribute name/value pairs
     * \param type its TypeId name
     * \param args its attributes
     */
    template <typename... Args>
    void AddPropagationLoss(const std::string& type, Args&&... args);
    /**
     * \brief Choose the propagation delay model.
     * \tparam Args attribute name/value pairs
     * \param type its TypeId name
     * \param args its attributes
     */
    template <typename... Args>
    void SetPropagationDelay(const std::string& type, Args&&... args);
    /**
     * \brief Choose the receive error model of every device.
     * \tparam Args attribute name/value pairs
     * \param type its TypeId name, e.g. "ns3::edgedml::WaterfallErrorModel"
     * \param args its attributes, e.g. "LossUnit", StringValue("Packet")
     */
    template <typename... Args>
    void SetErrorModel(const std::string& type, Args&&... args);
    /// Install no receive error model (lossless reception).
    void DisableErrorModel();
    /**
     * \brief Choose the transmit queue of every device.
     * \tparam Args attribute name/value pairs
     * \param type its TypeId name
     * \param args its attributes
     */
    template <typename... Args>
    void SetQueue(const std::string& type, Args&&... args);

    /// \return a new channel built from the channel factory and the model chain
    Ptr<OfdmaChannel> CreateChannel() const;

    /**
     * \brief Build a cell on a new channel.
     * \param baseStation the parameter server's node
     * \param terminals the edge servers' nodes
     * \return the devices: the base station's first, then the terminals' in order
     */
    NetDeviceContainer Install(Ptr<Node> baseStation, NodeContainer terminals) const;
    /**
     * \brief Build a cell on a given channel.
     * \param baseStation the parameter server's node
     * \param terminals the edge servers' nodes
     * \param channel the channel
     * \return the devices: the base station's first, then the terminals' in order
     */
    NetDeviceContainer Install(Ptr<Node> baseStation,
                               NodeContainer terminals,
                               Ptr<OfdmaChannel> channel) const;

    /**
     * \brief Assign fixed random variable streams to the devices' error
     * models and to their channels.
     * \param devices devices built by this helper
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(NetDeviceContainer devices, int64_t stream);

  private:
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;
    /**
     * \param node the node
     * \param role the device's role
     * \param channel the channel to attach to
     * \return the new device
     */
    Ptr<OfdmaNetDevice> InstallDevice(Ptr<Node> node,
                                      OfdmaNetDevice::Role role,
                                      Ptr<OfdmaChannel> channel) const;

    ObjectFactory m_channelFactory;             //!< OfdmaChannel
    ObjectFactory m_terminalFactory;            //!< terminal OfdmaNetDevice
    ObjectFactory m_baseStationFactory;         //!< base-station OfdmaNetDevice
    ObjectFactory m_allocatorFactory;           //!< RbAllocator
    std::vector<ObjectFactory> m_lossFactories; //!< propagation loss chain, in order
    ObjectFactory m_delayFactory;               //!< PropagationDelayModel
    ObjectFactory m_errorModelFactory;          //!< receive ErrorModel
    bool m_errorModelEnabled;                   //!< whether to install an error model
    ObjectFactory m_queueFactory;               //!< Queue<Packet>
};

template <typename... Args>
void
OfdmaHelper::SetRbAllocator(const std::string& type, Args&&... args)
{
    m_allocatorFactory = ObjectFactory(type, std::forward<Args>(args)...);
}

template <typename... Args>
void
OfdmaHelper::SetPropagationLoss(const std::string& type, Args&&... args)
{
    m_lossFactories.clear();
    m_lossFactories.emplace_back(type, std::forward<Args>(args)...);
}

template <typename... Args>
void
OfdmaHelper::AddPropagationLoss(const std::string& type, Args&&... args)
{
    m_lossFactories.emplace_back(type, std::forward<Args>(args)...);
}

template <typename... Args>
void
OfdmaHelper::SetPropagationDelay(const std::string& type, Args&&... args)
{
    m_delayFactory = ObjectFactory(type, std::forward<Args>(args)...);
}

template <typename... Args>
void
OfdmaHelper::SetErrorModel(const std::string& type, Args&&... args)
{
    m_errorModelFactory = ObjectFactory(type, std::forward<Args>(args)...);
    m_errorModelEnabled = true;
}

template <typename... Args>
void
OfdmaHelper::SetQueue(const std::string& type, Args&&... args)
{
    m_queueFactory = ObjectFactory(type, std::forward<Args>(args)...);
}

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_OFDMA_HELPER_H */
