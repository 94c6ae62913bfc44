/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_EDGE_SERVER_ENERGY_MODEL_HELPER_H
#define EDGE_DML_EDGE_SERVER_ENERGY_MODEL_HELPER_H

#include "ns3/energy-model-helper.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Installs an EdgeServerEnergyModel on an edge server's OFDMA device
 * and energy source.
 *
 * Wires the model to the device's PhyTxBegin / PhyTxAbort traces (every
 * transmission attempt is charged p * airtime) and, when the node carries an
 * EdgeServer, registers the model with it (computations are charged) and makes
 * depletion take the server offline and a recharge bring it back.
 *
 * Usage: install sources with e.g. BasicEnergySourceHelper on the edge-server
 * nodes, then Install(terminalDevices, sources).
 */
class EdgeServerEnergyModelHelper : public DeviceEnergyModelHelper
{
  public:
    EdgeServerEnergyModelHelper();
    ~EdgeServerEnergyModelHelper() override;

    /**
     * \param name an EdgeServerEnergyModel attribute \param v its value
     */
    void Set(std::string name, const AttributeValue& v) override;

  private:
    Ptr<DeviceEnergyModel> DoInstall(Ptr<NetDevice> device,
                                     Ptr<EnergySource> source) const override;

    ObjectFactory m_factory; //!< EdgeServerEnergyModel
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_EDGE_SERVER_ENERGY_MODEL_HELPER_H */
