/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "command-line-checks.h"

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace ns3
{
namespace edgedml
{

namespace
{

/// \return "--option=value" \param option the option \param value its value
template <typename T>
std::string
Given(const std::string& option, const T& value)
{
    std::ostringstream os;
    os << "--" << option << "=" << value;
    return os.str();
}

/// \return " (unit)" or "" \param unit a unit
std::string
InUnit(const std::string& unit)
{
    return unit.empty() ? "" : " (" + unit + ")";
}

} // namespace

CommandLineChecks::CommandLineChecks(std::string program)
    : m_program(std::move(program))
{
}

void
CommandLineChecks::Fail(const std::string& message) const
{
    std::cerr << m_program << ": " << message << std::endl;
    std::exit(2);
}

void
CommandLineChecks::AtLeast(const std::string& option,
                           double value,
                           double min,
                           const std::string& unit) const
{
    if (!(value >= min)) // also rejects NaN
    {
        std::ostringstream os;
        os << Given(option, value) << " is invalid: must be >= " << min << InUnit(unit);
        Fail(os.str());
    }
}

void
CommandLineChecks::AtMost(const std::string& option,
                          double value,
                          double max,
                          const std::string& unit) const
{
    if (!(value <= max))
    {
        std::ostringstream os;
        os << Given(option, value) << " is invalid: must be <= " << max << InUnit(unit);
        Fail(os.str());
    }
}

void
CommandLineChecks::Positive(const std::string& option, double value, const std::string& unit) const
{
    if (!(value > 0.0) || std::isinf(value))
    {
        std::ostringstream os;
        os << Given(option, value) << " is invalid: must be a finite value > 0" << InUnit(unit);
        Fail(os.str());
    }
}

void
CommandLineChecks::OneOf(const std::string& option,
                         const std::string& value,
                         const std::vector<std::string>& allowed) const
{
    for (const auto& candidate : allowed)
    {
        if (candidate == value)
        {
            return;
        }
    }
    std::ostringstream os;
    os << Given(option, value) << " is invalid: use one of";
    for (const auto& candidate : allowed)
    {
        os << " " << candidate;
    }
    Fail(os.str());
}

TypeId
CommandLineChecks::DerivedFrom(const std::string& option,
                               const std::string& name,
                               TypeId base) const
{
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(name, &tid))
    {
        Fail(Given(option, name) + " is invalid: no such type; use a subclass of " +
             base.GetName() + " (--PrintGroup=EdgeDml lists the module's types)");
    }
    if (!tid.IsChildOf(base) || !tid.HasConstructor())
    {
        Fail(Given(option, name) + " is invalid: not a constructible subclass of " +
             base.GetName());
    }
    return tid;
}

} // namespace edgedml
} // namespace ns3
