/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_COMMAND_LINE_CHECKS_H
#define EDGE_DML_COMMAND_LINE_CHECKS_H

#include "ns3/type-id.h"

#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Validation of example command-line values at the boundary.
 *
 * A bad value ends the program with status 2 and one line on stderr naming
 * the option, the value and what would be valid, e.g.
 * `edge-dml-uplink: --rbBandwidthHz=-1 is invalid: must be >= 1 (Hz)`.
 * No abort and no core dump: these are user errors, not programming errors.
 */
class CommandLineChecks
{
  public:
    /// \param program the program name used in messages
    explicit CommandLineChecks(std::string program);

    /**
     * \brief Print a usage error and exit with status 2.
     * \param message what is wrong and how to fix it
     */
    [[noreturn]] void Fail(const std::string& message) const;

    /**
     * \param option the option name (without dashes)
     * \param value its value
     * \param min the smallest valid value
     * \param unit unit shown in the message (may be empty)
     */
    void AtLeast(const std::string& option,
                 double value,
                 double min,
                 const std::string& unit) const;
    /**
     * \param option the option name
     * \param value its value
     * \param max the largest valid value
     * \param unit unit shown in the message (may be empty)
     */
    void AtMost(const std::string& option, double value, double max, const std::string& unit) const;
    /**
     * \param option the option name
     * \param value its value
     * \param unit unit shown in the message (may be empty)
     */
    void Positive(const std::string& option, double value, const std::string& unit) const;
    /**
     * \param option the option name
     * \param value its value
     * \param allowed the valid values
     */
    void OneOf(const std::string& option,
               const std::string& value,
               const std::vector<std::string>& allowed) const;
    /**
     * \param option the option name
     * \param name a TypeId name given by the user
     * \param base the type it must derive from
     * \return the TypeId
     */
    TypeId DerivedFrom(const std::string& option, const std::string& name, TypeId base) const;
    /**
     * \brief Split a comma-separated list; an empty list or item fails.
     * \param option the option name
     * \param value its value, e.g. "a,b,c"
     * \return the items
     */
    std::vector<std::string> List(const std::string& option, const std::string& value) const;
    /**
     * \brief A comma-separated list of finite numbers > 0.
     * \param option the option name
     * \param value its value, e.g. "10,30"
     * \param unit unit shown in the message (may be empty)
     * \return the numbers
     */
    std::vector<double> PositiveList(const std::string& option,
                                     const std::string& value,
                                     const std::string& unit) const;
    /**
     * \brief Scheduler names: each a short name or TypeId of a TaskScheduler.
     * \param option the option name
     * \param value a comma-separated list of names
     * \return the names, as given
     */
    std::vector<std::string> SchedulerList(const std::string& option,
                                           const std::string& value) const;

  private:
    std::string m_program; //!< program name for messages
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_COMMAND_LINE_CHECKS_H */
