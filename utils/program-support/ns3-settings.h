/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_NS3_SETTINGS_H
#define EDGE_DML_NS3_SETTINGS_H

#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Check and set an attribute default given as text, as
 * `--ns3::Type::Attribute=value` on a command line: the type and the
 * attribute must exist (an attribute of a parent type is named by the
 * parent, as Config::SetDefault requires), and the value must be valid for
 * the attribute's checker (CheckAttributeText).
 * \param path "ns3::Type::Attribute"
 * \param value the value
 * \param[out] error on failure: what is wrong (without the "--path=value is invalid: " part)
 * \return whether the default is set
 */
bool SetAttributeDefault(const std::string& path, const std::string& value, std::string& error);

/**
 * \ingroup edge-dml
 * \param name a name
 * \return whether it names an ns-3 global value (RngRun, RngSeed,
 *         SimulatorImplementationType, SchedulerType, ChecksumEnabled, ...)
 */
bool IsGlobalValue(const std::string& name);

/**
 * \ingroup edge-dml
 * \brief Check and set a global value given as text (`--RngRun=3`): valid
 * for its checker and, for RngSeed, SimulatorImplementationType and
 * SchedulerType, for what ns-3 does with it later (a seed of 0 aborts; a
 * type that is not a simulator or scheduler crashes).
 * \param name the global \param value the value
 * \param[out] error on failure: what is wrong
 * \return whether the global is set
 */
bool SetGlobalValue(const std::string& name, const std::string& value, std::string& error);

/**
 * \ingroup edge-dml
 * \brief Check the ns-3 environment variables the programs honour, as
 * ns-3 reads them, before ns-3 acts on them (where it would abort or crash
 * later): NS_LOG (components and levels), NS_GLOBAL_VALUE
 * (name=value;... with the rules of SetGlobalValue), NS_ATTRIBUTE_DEFAULT
 * (ns3::Type::Attribute=value;... with those of SetAttributeDefault) and
 * NS_COMMANDLINE_INTROSPECTION (an existing directory). It also checks the
 * globals' current values however they were set.
 * \param[out] error on failure: "VARIABLE: what is wrong"
 * \return whether the environment is valid
 */
bool CheckNs3Environment(std::string& error);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_NS3_SETTINGS_H */
