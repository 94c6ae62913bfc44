/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_EDGE_SERVER_HELPER_H
#define EDGE_DML_EDGE_SERVER_HELPER_H

#include "ns3/edge-server.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/random-variable-stream.h"

#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Aggregates an EdgeServer to each node, drawing its sample count and
 * CPU frequency (the system model, "Actors").
 *
 * Defaults: s_i ~ U{100, 200, ..., 600} and f_i ~ U[1, 3] GHz. Either draw can
 * be replaced by any RandomVariableStream, or switched off (null) so that the
 * EdgeServer attribute set with SetAttribute applies to every node.
 */
class EdgeServerHelper
{
  public:
    EdgeServerHelper();

    /**
     * \brief Set an attribute of every EdgeServer created.
     * \param name attribute name
     * \param value attribute value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /// \param samples the variable s_i is drawn from (rounded), or null for the attribute
    void SetSamplesVariable(Ptr<RandomVariableStream> samples);
    /// \param cpuHz the variable f_i (in Hz) is drawn from, or null for the attribute
    void SetCpuFrequencyVariable(Ptr<RandomVariableStream> cpuHz);

    /**
     * \brief Install an EdgeServer on every node.
     * \param nodes the nodes (each must not have one yet)
     * \return the edge servers, in node order
     */
    std::vector<Ptr<EdgeServer>> Install(NodeContainer nodes) const;

    /**
     * \brief Assign fixed streams to the helper's draws.
     * \param stream first stream index
     * \return the number of streams used (2)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    ObjectFactory m_factory;             //!< EdgeServer factory
    Ptr<RandomVariableStream> m_samples; //!< draws s_i
    Ptr<RandomVariableStream> m_cpuHz;   //!< draws f_i, in Hz
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_EDGE_SERVER_HELPER_H */
