/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "program-options.h"

#include "attribute-text.h"
#include "ns3-settings.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/derived-type-name.h"
#include "ns3/double.h"
#include "ns3/nstime.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>

namespace ns3
{
namespace edgedml
{

namespace
{

/// \return "--option=value" \param option the option \param value its value
std::string
Given(const std::string& option, const std::string& value)
{
    return "--" + option + "=" + value;
}

/// \return the shortest text that reads back as x \param x a real
std::string
Shortest(double x)
{
    for (int digits = 6; digits <= 17; ++digits)
    {
        std::ostringstream os;
        os.precision(digits);
        os << x;
        if (std::strtod(os.str().c_str(), nullptr) == x)
        {
            return os.str();
        }
    }
    return std::to_string(x);
}

/// \return a time in s, exactly (ns-3 times are whole ns) \param t the time
std::string
SecondsText(const Time& t)
{
    const int64_t ns = t.GetNanoSeconds();
    std::string text = std::to_string(std::llabs(ns / 1000000000)) + "." +
                       std::to_string(1000000000 + std::llabs(ns % 1000000000)).substr(1);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.')
    {
        text.pop_back();
    }
    return (ns < 0 ? "-" : "") + text;
}

/// \return an attribute value as an option shows it \param value it \param checker its checker
std::string
ValueText(const AttributeValue& value, Ptr<const AttributeChecker> checker)
{
    if (const auto* time = dynamic_cast<const TimeValue*>(&value))
    {
        return SecondsText(time->Get());
    }
    if (const auto* real = dynamic_cast<const DoubleValue*>(&value))
    {
        return Shortest(real->Get());
    }
    return value.SerializeToString(checker);
}

/**
 * \param path "ns3::Type::Attribute"
 * \return the attribute's information, from the type that defines it
 */
TypeId::AttributeInformation
AttributeOf(const std::string& path)
{
    const std::size_t colons = path.rfind("::");
    TypeId tid;
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_UNLESS(colons != std::string::npos &&
                            TypeId::LookupByNameFailSafe(path.substr(0, colons), &tid) &&
                            tid.LookupAttributeByName(path.substr(colons + 2), &info),
                        "ProgramOptions: no attribute " << path);
    return info;
}

/// The options ns-3's CommandLine answers itself.
const std::set<std::string>&
InformationalOptions()
{
    static const std::set<std::string> names{"PrintHelp",
                                             "help",
                                             "PrintVersion",
                                             "version",
                                             "PrintGroups",
                                             "PrintTypeIds",
                                             "PrintGlobals",
                                             "PrintGroup",
                                             "PrintAttributes",
                                             "PrintOptionRanges"};
    return names;
}

/**
 * Split an argument as ns-3's CommandLine does: "--name=value" or
 * "-name=value"; anything else is not an option.
 * \param argument the argument
 * \return whether it is an option, its name and its value
 */
std::tuple<bool, std::string, std::string>
SplitOption(const std::string& argument)
{
    std::string rest;
    if (argument.rfind("--", 0) == 0)
    {
        rest = argument.substr(2);
    }
    else if (argument.rfind('-', 0) == 0)
    {
        rest = argument.substr(1);
    }
    else
    {
        return {false, argument, ""};
    }
    const std::size_t equals = rest.find('=');
    if (equals == std::string::npos)
    {
        return {true, rest, ""};
    }
    return {true, rest.substr(0, equals), rest.substr(equals + 1)};
}

/// \return the kind of values a checker takes, for --PrintOptionRanges \param checker it
std::string
KindOf(const AttributeChecker& checker)
{
    std::string type = checker.GetValueTypeName();
    if (type.rfind("ns3::", 0) == 0)
    {
        type = type.substr(5);
    }
    if (type == "UintegerValue" || type == "IntegerValue")
    {
        return "integer";
    }
    if (type == "DoubleValue")
    {
        return "real";
    }
    if (type == "BooleanValue")
    {
        return "bool";
    }
    if (type == "EnumValue")
    {
        return "choice";
    }
    if (type == "TimeValue")
    {
        return "time";
    }
    if (dynamic_cast<const ListChecker*>(&checker))
    {
        return "list";
    }
    if (dynamic_cast<const ChoiceChecker*>(&checker))
    {
        return "choice";
    }
    if (dynamic_cast<const FileNameChecker*>(&checker))
    {
        return "file";
    }
    if (dynamic_cast<const DerivedTypeNameChecker*>(&checker))
    {
        return "type";
    }
    return "text";
}

} // namespace

ProgramOptions::ProgramOptions(std::string program, const std::string& usage)
    : m_program(std::move(program)),
      m_cmd(std::make_unique<CommandLine>(m_program))
{
    m_cmd->Usage(usage);
}

ProgramOptions::~ProgramOptions() = default;

void
ProgramOptions::Register(const std::string& name, Option option)
{
    NS_ABORT_MSG_UNLESS(!m_options.count(name),
                        "ProgramOptions: option --" << name << " registered twice");
    const std::string text = option.current();
    NS_ABORT_MSG_IF(text.empty(),
                    "ProgramOptions: option --" << name
                                                << " has an empty default (SEM passes "
                                                   "it back, and empty values are refused)");
    m_cmd->AddValue(name,
                    HelpOf(option),
                    Callback<bool, std::string>([](std::string) { return true; }),
                    text);
    m_order.push_back(name);
    m_options.emplace(name, std::move(option));
}

std::string
ProgramOptions::HelpOf(const Option& option) const
{
    std::string help = option.help;
    std::string range = DescribeRange(*option.checker);
    if (option.factor != 1.0)
    {
        double min = 0;
        double max = 0;
        bool zeroToo = false;
        GetNumericBounds(*option.checker, min, max, zeroToo);
        std::ostringstream os;
        os << "[" << min / option.factor << ", " << max / option.factor << "]";
        range = os.str();
        help += " Given in " + option.unit + ".";
    }
    if (!range.empty() && KindOf(*option.checker) != "bool")
    {
        help += " Range: " + range +
                (option.unit.empty() || option.factor != 1.0 ? std::string() : " " + option.unit) +
                ".";
    }
    if (!option.attribute.empty())
    {
        help += " Attribute " + option.attribute + ".";
    }
    // SEM reads an option's name after the line's last "--": keep help free of it.
    std::string::size_type dashes;
    while ((dashes = help.find("--")) != std::string::npos)
    {
        help.replace(dashes, 2, "-");
    }
    return help;
}

void
ProgramOptions::AddAttribute(const std::string& name, const std::string& attribute)
{
    const TypeId::AttributeInformation info = AttributeOf(attribute);
    Option option;
    option.help = info.help;
    option.checker = info.checker;
    option.unit = UnitOfName(name);
    option.attribute = attribute;
    option.set = [attribute](const std::string& text) {
        NS_ABORT_MSG_UNLESS(Config::SetDefaultFailSafe(attribute, StringValue(text)),
                            "ProgramOptions: " << attribute << " refuses " << text);
    };
    option.current = [attribute]() {
        const TypeId::AttributeInformation now = AttributeOf(attribute);
        return ValueText(*now.initialValue, now.checker);
    };
    Register(name, std::move(option));
}

void
ProgramOptions::AddAttribute(const std::string& name,
                             const std::string& attribute,
                             const std::string& programDefault)
{
    std::string error;
    NS_ABORT_MSG_UNLESS(SetAttributeDefault(attribute, programDefault, error),
                        "ProgramOptions: the default of --" << name << " is invalid: " << error);
    AddAttribute(name, attribute);
}

void
ProgramOptions::AddScaledAttribute(const std::string& name,
                                   const std::string& attribute,
                                   double factor,
                                   const std::string& unit)
{
    const TypeId::AttributeInformation info = AttributeOf(attribute);
    Option option;
    option.help = info.help;
    option.checker = info.checker;
    option.unit = unit;
    option.attribute = attribute;
    option.factor = factor;
    option.set = [attribute, factor](const std::string& text) {
        const double value = std::strtod(text.c_str(), nullptr) * factor;
        NS_ABORT_MSG_UNLESS(Config::SetDefaultFailSafe(attribute, DoubleValue(value)),
                            "ProgramOptions: " << attribute << " refuses " << value);
    };
    option.current = [attribute, factor]() {
        const TypeId::AttributeInformation now = AttributeOf(attribute);
        return Shortest(DynamicCast<const DoubleValue>(now.initialValue)->Get() / factor);
    };
    Register(name, std::move(option));
}

void
ProgramOptions::AddValue(const std::string& name,
                         const std::string& help,
                         uint32_t& variable,
                         Ptr<const AttributeChecker> checker,
                         const std::string& unit)
{
    uint32_t* target = &variable;
    Register(
        name,
        {help,
         checker,
         unit.empty() ? UnitOfName(name) : unit,
         "",
         1.0,
         [target](const std::string& text) { *target = static_cast<uint32_t>(std::stoull(text)); },
         [target]() { return std::to_string(*target); }});
}

void
ProgramOptions::AddValue(const std::string& name,
                         const std::string& help,
                         uint64_t& variable,
                         Ptr<const AttributeChecker> checker,
                         const std::string& unit)
{
    uint64_t* target = &variable;
    Register(name,
             {help,
              checker,
              unit.empty() ? UnitOfName(name) : unit,
              "",
              1.0,
              [target](const std::string& text) { *target = std::stoull(text); },
              [target]() { return std::to_string(*target); }});
}

void
ProgramOptions::AddValue(const std::string& name,
                         const std::string& help,
                         double& variable,
                         Ptr<const AttributeChecker> checker,
                         const std::string& unit)
{
    double* target = &variable;
    Register(name,
             {help,
              checker,
              unit.empty() ? UnitOfName(name) : unit,
              "",
              1.0,
              [target](const std::string& text) { *target = std::strtod(text.c_str(), nullptr); },
              [target]() { return Shortest(*target); }});
}

void
ProgramOptions::AddValue(const std::string& name,
                         const std::string& help,
                         std::string& variable,
                         Ptr<const AttributeChecker> checker,
                         const std::string& unit)
{
    std::string* target = &variable;
    Register(name,
             {help,
              checker,
              unit.empty() ? UnitOfName(name) : unit,
              "",
              1.0,
              [target](const std::string& text) { *target = text; },
              [target]() { return *target; }});
}

void
ProgramOptions::AddValue(const std::string& name, const std::string& help, bool& variable)
{
    bool* target = &variable;
    Register(name,
             {help,
              MakeBooleanChecker(),
              "",
              "",
              1.0,
              [target](const std::string& text) { *target = text == "true"; },
              [target]() { return std::string(*target ? "true" : "false"); }});
}

bool
ProgramOptions::SetOption(const Option& option, const std::string& text, std::string& error) const
{
    std::string given = text;
    if (given.empty() && KindOf(*option.checker) == "bool")
    {
        // As in ns-3: the bare option toggles.
        given = option.current() == "true" ? "false" : "true";
    }
    std::string normalised;
    if (option.factor != 1.0)
    {
        // A scaled real: check the attribute's value, report in the option's unit.
        double value = 0.0;
        double min = 0;
        double max = 0;
        bool zeroToo = false;
        GetNumericBounds(*option.checker, min, max, zeroToo);
        std::ostringstream range;
        range << "[" << min / option.factor << ", " << max / option.factor << "] (" << option.unit
              << ")";
        if (!ParseReal(given, value, error))
        {
            error += "; give a finite number in " + range.str();
            return false;
        }
        if (!option.checker->Check(DoubleValue(value * option.factor)))
        {
            std::ostringstream os;
            os << "must be " << (value * option.factor < min ? ">= " : "<= ")
               << (value * option.factor < min ? min : max) / option.factor << " (" << option.unit
               << ")";
            error = os.str();
            return false;
        }
        normalised = given;
    }
    else if (!CheckAttributeText(*option.checker, given, option.unit, normalised, error))
    {
        return false;
    }
    option.set(normalised);
    return true;
}

std::optional<int>
ProgramOptions::Parse(int argc, char* argv[])
{
    const std::vector<std::string> args(argv, argv + argc);
    std::string error;
    if (!CheckNs3Environment(error))
    {
        return Fail(error);
    }
    for (std::size_t i = 1; i < args.size(); ++i)
    {
        const auto [isOption, name, value] = SplitOption(args[i]);
        if (!isOption || !InformationalOptions().count(name))
        {
            continue;
        }
        if (name == "PrintHelp" || name == "help")
        {
            m_cmd->PrintHelp(std::cout);
            return 0;
        }
        if (name == "PrintOptionRanges")
        {
            PrintOptionRanges();
            return 0;
        }
        TypeId tid;
        if (name == "PrintAttributes" && !TypeId::LookupByNameFailSafe(value, &tid))
        {
            return Fail(Given(name, value) +
                        " is invalid: no such type (--PrintTypeIds lists them)");
        }
        m_cmd->Parse(std::vector<std::string>{args[0], args[i]}); // ns-3 prints, then exits 0
        return 0;
    }
    for (std::size_t i = 1; i < args.size(); ++i)
    {
        const auto [isOption, name, value] = SplitOption(args[i]);
        if (!isOption || name.empty())
        {
            return Fail("unexpected argument '" + args[i] +
                        "': give options as --name=value (--PrintHelp lists them)");
        }
        const auto option = m_options.find(name);
        bool ok = true;
        if (option != m_options.end())
        {
            ok = SetOption(option->second, value, error);
        }
        else if (name.find("::") != std::string::npos)
        {
            ok = SetAttributeDefault(name, value, error);
        }
        else if (IsGlobalValue(name))
        {
            ok = SetGlobalValue(name, value, error);
        }
        else
        {
            return Fail("unknown option --" + name + " (--PrintHelp lists the options)");
        }
        if (!ok)
        {
            return Fail(Given(name, value) + " is invalid: " + error);
        }
    }
    if (const char* introspection = std::getenv("NS_COMMANDLINE_INTROSPECTION");
        introspection && *introspection)
    {
        m_cmd->Parse(std::vector<std::string>{args[0]}); // writes the option list there
    }
    return std::nullopt;
}

void
ProgramOptions::PrintOptionRanges() const
{
    for (const auto& name : m_order)
    {
        const Option& option = m_options.at(name);
        double min = 0;
        double max = 0;
        bool zeroToo = false;
        std::string bounds = "|";
        if (GetNumericBounds(*option.checker, min, max, zeroToo))
        {
            std::ostringstream os;
            os.precision(17);
            os << min / option.factor << "|" << max / option.factor;
            bounds = os.str();
        }
        const std::string kind = KindOf(*option.checker);
        const std::string extra =
            zeroToo ? "0 too"
                    : (kind == "choice" || kind == "type" ? DescribeRange(*option.checker) : "");
        std::cout << name << "|" << kind << "|" << option.current() << "|" << bounds << "|" << extra
                  << "\n";
    }
}

const ProgramOptions::Option&
ProgramOptions::Bound(const std::string& name) const
{
    const auto option = m_options.find(name);
    NS_ABORT_MSG_UNLESS(option != m_options.end(), "ProgramOptions: no option --" << name);
    return option->second;
}

std::string
ProgramOptions::GetText(const std::string& name) const
{
    return Bound(name).current();
}

uint64_t
ProgramOptions::GetInteger(const std::string& name) const
{
    return std::stoull(GetText(name));
}

double
ProgramOptions::GetReal(const std::string& name) const
{
    return std::strtod(GetText(name).c_str(), nullptr) * Bound(name).factor;
}

int
ProgramOptions::Fail(const std::string& message) const
{
    std::cerr << m_program << ": " << message << std::endl;
    return 2;
}

int
ProgramOptions::FailBelow(const std::string& option,
                          double value,
                          double min,
                          const std::string& unit) const
{
    std::ostringstream os;
    os << "--" << option << "=" << value << " is invalid: must be >= " << min
       << (unit.empty() ? "" : " (" + unit + ")");
    return Fail(os.str());
}

int
ProgramOptions::FailAbove(const std::string& option,
                          double value,
                          double max,
                          const std::string& unit) const
{
    std::ostringstream os;
    os << "--" << option << "=" << value << " is invalid: must be <= " << max
       << (unit.empty() ? "" : " (" + unit + ")");
    return Fail(os.str());
}

} // namespace edgedml
} // namespace ns3
