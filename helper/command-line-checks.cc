/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "command-line-checks.h"

#include "ns3/task-scheduler-factory.h"

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

std::vector<std::string>
CommandLineChecks::List(const std::string& option, const std::string& value) const
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t comma = value.find(',', start);
        const std::string item = value.substr(start, comma - start);
        if (item.empty())
        {
            Fail(Given(option, value) + " is invalid: empty item; give a comma-separated list");
        }
        items.push_back(item);
        if (comma == std::string::npos)
        {
            return items;
        }
        start = comma + 1;
    }
}

std::vector<double>
CommandLineChecks::PositiveList(const std::string& option,
                                const std::string& value,
                                const std::string& unit) const
{
    std::vector<double> numbers;
    for (const auto& item : List(option, value))
    {
        std::size_t used = 0;
        double number = std::nan("");
        try
        {
            number = std::stod(item, &used);
        }
        catch (const std::exception&)
        {
            used = 0;
        }
        if (used != item.size() || !std::isfinite(number) || number <= 0)
        {
            Fail(Given(option, value) + " is invalid: '" + item + "' is not a number > 0" +
                 InUnit(unit));
        }
        numbers.push_back(number);
    }
    return numbers;
}

std::vector<std::string>
CommandLineChecks::SchedulerList(const std::string& option, const std::string& value) const
{
    std::vector<std::string> names = List(option, value);
    for (const auto& name : names)
    {
        TypeId tid;
        std::string error;
        if (!LookupTaskScheduler(name, tid, error))
        {
            Fail(Given(option, value) + " is invalid: " + error);
        }
    }
    return names;
}

} // namespace edgedml
} // namespace ns3
