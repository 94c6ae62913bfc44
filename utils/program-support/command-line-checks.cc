/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "command-line-checks.h"

#include "ns3/attribute.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/global-value.h"
#include "ns3/integer.h"
#include "ns3/object.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/task-scheduler-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <tuple>

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

/// \return a number as ns-3 prints defaults (6 significant digits) \param x the number
std::string
Number(double x)
{
    std::ostringstream os;
    os << x;
    return os.str();
}

/// \return text in lower case \param text the text
std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return text;
}

/// How a text failed to be a whole number.
enum class IntegerError
{
    NONE,         //!< a whole number within int64_t
    EMPTY,        //!< empty text
    NOT_A_NUMBER, //!< not a finite number at all
    NOT_WHOLE,    //!< a number with a fractional part
    TOO_SMALL,    //!< below the int64_t range
    TOO_LARGE,    //!< above the int64_t range
};

/**
 * Parse a whole number: "[+-]digits" exactly, or a finite decimal or
 * exponent form ("10.0", "1e3") whose value is whole.
 * \param text the text
 * \param[out] value the number
 * \param[out] real the number as a double (also when out of range)
 * \return the outcome
 */
IntegerError
ParseWhole(const std::string& text, int64_t& value, double& real)
{
    if (text.empty())
    {
        return IntegerError::EMPTY;
    }
    std::string why;
    if (!CommandLineChecks::ParseReal(text, real, why))
    {
        return IntegerError::NOT_A_NUMBER;
    }
    if (real != std::floor(real))
    {
        return IntegerError::NOT_WHOLE;
    }
    const std::size_t digits = text.find_first_of("0123456789");
    const bool plain = text.find_first_not_of("0123456789", digits) == std::string::npos &&
                       (digits == 0 || (digits == 1 && (text[0] == '+' || text[0] == '-')));
    if (plain)
    {
        errno = 0;
        char* end = nullptr;
        const long long parsed = std::strtoll(text.c_str(), &end, 10);
        if (errno == ERANGE)
        {
            return text[0] == '-' ? IntegerError::TOO_SMALL : IntegerError::TOO_LARGE;
        }
        value = parsed;
        return IntegerError::NONE;
    }
    // 2^63 is exactly representable; every double below it converts exactly.
    if (real >= 9223372036854775808.0)
    {
        return IntegerError::TOO_LARGE;
    }
    if (real < -9223372036854775808.0)
    {
        return IntegerError::TOO_SMALL;
    }
    value = static_cast<int64_t>(real);
    return IntegerError::NONE;
}

/// \return "[min, max]" from a checker's "type min:max" information, or it unchanged
/// \param information the checker's underlying type information
std::string
RangeOf(const std::string& information)
{
    const std::size_t space = information.rfind(' ');
    const std::size_t colon = information.rfind(':');
    if (space == std::string::npos || colon == std::string::npos || colon < space)
    {
        return information;
    }
    return information.substr(0, space) + " in [" +
           information.substr(space + 1, colon - space - 1) + ", " + information.substr(colon + 1) +
           "]";
}

/// The options ns-3's CommandLine answers itself (and then exits 0).
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
                                             "PrintAttributes"};
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

bool
CommandLineChecks::ParseReal(const std::string& text, double& value, std::string& why)
{
    if (text.empty())
    {
        why = "empty value";
        return false;
    }
    const std::string lower = Lower(text);
    if (lower.find("nan") != std::string::npos || lower.find("inf") != std::string::npos)
    {
        why = "not a finite number";
        return false;
    }
    // Digits, sign, point and exponent only: no hexadecimal, no blanks.
    if (text.find_first_not_of("0123456789+-.eE") != std::string::npos)
    {
        why = "not a number";
        return false;
    }
    errno = 0;
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || end != text.c_str() + text.size())
    {
        why = "not a number";
        return false;
    }
    if (!std::isfinite(parsed))
    {
        why = "not a finite number (too large)";
        return false;
    }
    value = parsed;
    return true;
}

bool
CommandLineChecks::ParseInteger(const std::string& text, int64_t& value, std::string& why)
{
    double real = 0.0;
    switch (ParseWhole(text, value, real))
    {
    case IntegerError::NONE:
        return true;
    case IntegerError::EMPTY:
        why = "empty value";
        return false;
    case IntegerError::NOT_A_NUMBER:
        why = "not a number";
        return false;
    case IntegerError::NOT_WHOLE:
        why = "not a whole number";
        return false;
    case IntegerError::TOO_SMALL:
    case IntegerError::TOO_LARGE:
        why = "out of the 64-bit integer range";
        return false;
    }
    return false;
}

void
CommandLineChecks::Register(CommandLine& cmd,
                            const std::string& name,
                            const std::string& help,
                            const std::string& defaultValue,
                            std::function<void(const std::string&)> parse)
{
    if (!m_options.insert(name).second)
    {
        Fail("option --" + name + " is registered twice (a bug)");
    }
    cmd.AddValue(name,
                 help,
                 Callback<bool, std::string>([parse](std::string text) {
                     parse(text);
                     return true;
                 }),
                 defaultValue);
}

int64_t
CommandLineChecks::CheckInteger(const std::string& name,
                                const std::string& text,
                                int64_t min,
                                int64_t max,
                                const std::string& unit) const
{
    const std::string range = "give a whole number in [" + std::to_string(min) + ", " +
                              std::to_string(max) + "]" + InUnit(unit);
    int64_t value = 0;
    double real = 0.0;
    switch (ParseWhole(text, value, real))
    {
    case IntegerError::NONE:
        break;
    case IntegerError::EMPTY:
        Fail(Given(name, text) + " is invalid: empty value; " + range +
             " or leave the option out for its default");
    case IntegerError::NOT_A_NUMBER:
        Fail(Given(name, text) + " is invalid: not a number; " + range);
    case IntegerError::NOT_WHOLE:
        Fail(Given(name, text) + " is invalid: not a whole number; " + range);
    case IntegerError::TOO_SMALL:
        value = std::numeric_limits<int64_t>::min();
        break;
    case IntegerError::TOO_LARGE:
        value = std::numeric_limits<int64_t>::max();
        break;
    }
    if (value < min)
    {
        Fail(Given(name, text) + " is invalid: must be >= " + std::to_string(min) + InUnit(unit));
    }
    if (value > max)
    {
        Fail(Given(name, text) + " is invalid: must be <= " + std::to_string(max) + InUnit(unit));
    }
    return value;
}

void
CommandLineChecks::AddDouble(CommandLine& cmd,
                             const std::string& name,
                             const std::string& help,
                             double& value,
                             double min,
                             double max,
                             const std::string& unit)
{
    if (!(min <= max) || !std::isfinite(max))
    {
        Fail("option --" + name + " is registered with an invalid range (a bug)");
    }
    double* target = &value;
    Register(cmd,
             name,
             help,
             Number(value),
             [this, name, target, min, max, unit](const std::string& text) {
                 double parsed = 0.0;
                 std::string why;
                 if (!ParseReal(text, parsed, why))
                 {
                     Fail(Given(name, text) + " is invalid: " + why +
                          "; give a finite number in [" + Number(min) + ", " + Number(max) + "]" +
                          InUnit(unit));
                 }
                 AtLeast(name, parsed, min, unit, text);
                 AtMost(name, parsed, max, unit, text);
                 *target = parsed;
             });
}

void
CommandLineChecks::AddPositive(CommandLine& cmd,
                               const std::string& name,
                               const std::string& help,
                               double& value,
                               double max,
                               const std::string& unit)
{
    if (!(max > 0.0) || !std::isfinite(max))
    {
        Fail("option --" + name + " is registered with an invalid range (a bug)");
    }
    double* target = &value;
    Register(cmd,
             name,
             help,
             Number(value),
             [this, name, target, max, unit](const std::string& text) {
                 double parsed = 0.0;
                 std::string why;
                 if (!ParseReal(text, parsed, why))
                 {
                     Fail(Given(name, text) + " is invalid: " + why +
                          "; give a finite number > 0 and <= " + Number(max) + InUnit(unit));
                 }
                 if (!(parsed > 0.0))
                 {
                     Fail(Given(name, text) + " is invalid: must be a finite value > 0" +
                          InUnit(unit));
                 }
                 AtMost(name, parsed, max, unit, text);
                 *target = parsed;
             });
}

void
CommandLineChecks::AddBool(CommandLine& cmd,
                           const std::string& name,
                           const std::string& help,
                           bool& value)
{
    bool* target = &value;
    Register(cmd,
             name,
             help,
             value ? "true" : "false",
             [this, name, target](const std::string& text) {
                 const std::string lower = Lower(text);
                 if (lower.empty())
                 {
                     *target = !*target; // as ns-3: the bare option toggles
                 }
                 else if (lower == "true" || lower == "t" || lower == "1")
                 {
                     *target = true;
                 }
                 else if (lower == "false" || lower == "f" || lower == "0")
                 {
                     *target = false;
                 }
                 else
                 {
                     Fail(Given(name, text) + " is invalid: use true or false");
                 }
             });
}

void
CommandLineChecks::AddString(CommandLine& cmd,
                             const std::string& name,
                             const std::string& help,
                             std::string& value)
{
    if (value.empty())
    {
        Fail("option --" + name + " is registered with an empty default (a bug)");
    }
    std::string* target = &value;
    const std::string defaultValue = value;
    Register(cmd, name, help, value, [this, name, target, defaultValue](const std::string& text) {
        if (text.empty())
        {
            Fail(Given(name, text) + " is invalid: empty value; give a value or leave the " +
                 "option out for its default (" + defaultValue + ")");
        }
        *target = text;
    });
}

void
CommandLineChecks::AddChoice(CommandLine& cmd,
                             const std::string& name,
                             const std::string& help,
                             std::string& value,
                             const std::vector<std::string>& allowed)
{
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
    {
        Fail("option --" + name + " is registered with a default it does not allow (a bug)");
    }
    std::string* target = &value;
    Register(cmd, name, help, value, [this, name, target, allowed](const std::string& text) {
        OneOf(name, text, allowed);
        *target = text;
    });
}

void
CommandLineChecks::AddOutputFileName(CommandLine& cmd,
                                     const std::string& name,
                                     const std::string& help,
                                     std::string& value)
{
    std::string* target = &value;
    Register(cmd, name, help, value, [this, name, target](const std::string& text) {
        if (text.empty() || text == "." || text == ".." || text.find('/') != std::string::npos ||
            text[0] == '-')
        {
            Fail(Given(name, text) +
                 " is invalid: give a file name in the current directory (no '/')");
        }
        *target = text;
    });
}

std::string
CommandLineChecks::NormaliseAttributeValue(const std::string& given,
                                           const AttributeChecker& checker,
                                           const std::string& text) const
{
    // ns-3 3.37 names some value types with "ns3::" and some without.
    std::string type = checker.GetValueTypeName();
    if (type.rfind("ns3::", 0) != 0)
    {
        type = "ns3::" + type;
    }
    const std::string information =
        checker.HasUnderlyingTypeInformation() ? checker.GetUnderlyingTypeInformation() : type;
    std::string why;
    if (type == "ns3::UintegerValue" || type == "ns3::IntegerValue")
    {
        int64_t value = 0;
        if (!ParseInteger(text, value, why))
        {
            Fail(given + " is invalid: " + why + "; give a whole number, " + RangeOf(information));
        }
        const bool ok = type == "ns3::UintegerValue"
                            ? value >= 0 && checker.Check(UintegerValue(value))
                            : checker.Check(IntegerValue(value));
        if (!ok)
        {
            Fail(given + " is invalid: out of range; give " + RangeOf(information));
        }
        return std::to_string(value);
    }
    if (type == "ns3::DoubleValue")
    {
        double value = 0.0;
        if (!ParseReal(text, value, why))
        {
            Fail(given + " is invalid: " + why + "; give a finite number, " + RangeOf(information));
        }
        if (!checker.Check(DoubleValue(value)))
        {
            Fail(given + " is invalid: out of range; give " + RangeOf(information));
        }
        std::ostringstream os;
        os.precision(17);
        os << value;
        return os.str();
    }
    if (type == "ns3::BooleanValue")
    {
        const std::string lower = Lower(text);
        if (lower == "true" || lower == "t" || lower == "1")
        {
            return "true";
        }
        if (lower == "false" || lower == "f" || lower == "0")
        {
            return "false";
        }
        Fail(given + " is invalid: use true or false");
    }
    if (type == "ns3::EnumValue")
    {
        std::vector<std::string> names;
        std::istringstream in(information);
        for (std::string name; std::getline(in, name, '|');)
        {
            if (name == text)
            {
                return text;
            }
            names.push_back(name);
        }
        std::string message = given + " is invalid: use one of";
        for (const auto& name : names)
        {
            message += " " + name;
        }
        Fail(message);
    }
    if (type == "ns3::TimeValue")
    {
        // ns-3's Time(std::string) aborts on an unknown unit and overflows
        // beyond its 64-bit range (about 292 years at ns resolution).
        static const std::map<std::string, double> unitS{{"", 1.0},
                                                         {"s", 1.0},
                                                         {"ms", 1e-3},
                                                         {"us", 1e-6},
                                                         {"ns", 1e-9},
                                                         {"ps", 1e-12},
                                                         {"fs", 1e-15},
                                                         {"min", 60.0},
                                                         {"h", 3600.0},
                                                         {"d", 86400.0},
                                                         {"y", 365.0 * 86400.0}};
        const std::size_t split = text.find_first_not_of("+-0123456789.eE");
        const std::string number = text.substr(0, split);
        const std::string unit = split == std::string::npos ? "" : text.substr(split);
        double value = 0.0;
        const auto found = unitS.find(unit);
        if (found == unitS.end() || !ParseReal(number, value, why))
        {
            Fail(given + " is invalid: give a time such as 10s, 250ms or 2min (units: s ms us "
                         "ns ps fs min h d y)");
        }
        if (!(std::fabs(value * found->second) <= 9e9))
        {
            Fail(given + " is invalid: beyond ns-3's time range; give at most 9e9 s");
        }
        return text;
    }
    if (type == "ns3::TypeIdValue")
    {
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(text, &tid))
        {
            Fail(given + " is invalid: no such type (--PrintTypeIds lists them)");
        }
        return text;
    }
    if (type == "ns3::PointerValue" || type == "ns3::ObjectFactoryValue")
    {
        const auto* pointer = dynamic_cast<const PointerChecker*>(&checker);
        return NormaliseObjectText(given,
                                   text,
                                   pointer ? pointer->GetPointeeTypeId() : Object::GetTypeId());
    }
    return text; // strings, addresses, ...: ns-3 parses them
}

std::string
CommandLineChecks::NormaliseObjectText(const std::string& given,
                                       const std::string& text,
                                       TypeId base) const
{
    // ns-3's syntax: TypeName or TypeName[Attribute=value|Attribute=value],
    // not nested (its parser stops at the first ']').
    const std::string syntax = "; give TypeName or TypeName[Attribute=value|...] with TypeName a "
                               "subclass of " +
                               base.GetName();
    const std::size_t open = text.find('[');
    const std::string typeName = text.substr(0, open);
    TypeId tid;
    if (typeName.empty() || !TypeId::LookupByNameFailSafe(typeName, &tid))
    {
        Fail(given + " is invalid: no type '" + typeName + "'" + syntax);
    }
    if (!(tid == base || tid.IsChildOf(base)) || !tid.HasConstructor())
    {
        Fail(given + " is invalid: " + typeName + " is not a constructible subclass of " +
             base.GetName());
    }
    if (open == std::string::npos)
    {
        return text;
    }
    if (text.back() != ']' || text.find(']') != text.size() - 1 ||
        text.find('[', open + 1) != std::string::npos)
    {
        Fail(given + " is invalid: malformed brackets" + syntax);
    }
    std::string normalised = typeName + "[";
    std::istringstream parameters(text.substr(open + 1, text.size() - open - 2));
    bool first = true;
    for (std::string parameter; std::getline(parameters, parameter, '|');)
    {
        const std::size_t equals = parameter.find('=');
        TypeId::AttributeInformation info;
        if (equals == std::string::npos ||
            !tid.LookupAttributeByName(parameter.substr(0, equals), &info))
        {
            Fail(given + " is invalid: '" + parameter + "' is not Attribute=value with an " +
                 "attribute of " + typeName + " (--PrintAttributes=" + typeName + ")");
        }
        const std::string name = parameter.substr(0, equals);
        normalised += (first ? "" : "|") + name + "=" +
                      NormaliseAttributeValue(given + " (" + name + ")",
                                              *info.checker,
                                              parameter.substr(equals + 1));
        first = false;
    }
    return normalised + "]";
}

std::string
CommandLineChecks::ApplyAttributeOrGlobal(const std::string& name, const std::string& value) const
{
    const std::string given = Given(name, value);
    const std::size_t colons = name.rfind("::");
    if (colons != std::string::npos)
    {
        const std::string typeName = name.substr(0, colons);
        const std::string attribute = name.substr(colons + 2);
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(typeName, &tid))
        {
            Fail(given + " is invalid: no type " + typeName + " (--PrintTypeIds lists the types)");
        }
        // Config::SetDefault only sets attributes the type itself defines.
        for (TypeId owner = tid;; owner = owner.GetParent())
        {
            for (uint32_t i = 0; i < owner.GetAttributeN(); ++i)
            {
                const TypeId::AttributeInformation info = owner.GetAttribute(i);
                if (info.name != attribute)
                {
                    continue;
                }
                if (owner != tid)
                {
                    Fail(given + " is invalid: " + attribute + " is an attribute of the parent " +
                         owner.GetName() + "; use --" + owner.GetName() + "::" + attribute + "=" +
                         value);
                }
                if (!(info.flags & TypeId::ATTR_CONSTRUCT))
                {
                    Fail(given + " is invalid: " + attribute +
                         " has no default that can be set (not a construction attribute)");
                }
                const std::string normalised = NormaliseAttributeValue(given, *info.checker, value);
                if (!Config::SetDefaultFailSafe(name, StringValue(normalised)))
                {
                    Fail(given +
                         " is invalid: the attribute's checker rejects it "
                         "(--PrintAttributes=" +
                         typeName + " describes it)");
                }
                return normalised;
            }
            if (owner.GetParent() == owner)
            {
                break;
            }
        }
        Fail(given + " is invalid: " + typeName + " has no attribute " + attribute +
             " (--PrintAttributes=" + typeName + " lists them)");
    }
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() != name)
        {
            continue;
        }
        const std::string normalised = NormaliseAttributeValue(given, *(*it)->GetChecker(), value);
        if (name == "RngSeed" && normalised == "0")
        {
            Fail(given + " is invalid: must be >= 1 (ns-3's generator has no seed 0)");
        }
        if (!Config::SetGlobalFailSafe(name, StringValue(normalised)))
        {
            Fail(given + " is invalid: the global's checker rejects it (--PrintGlobals lists "
                         "the globals)");
        }
        return normalised;
    }
    Fail("unknown option --" + name + " (--PrintHelp lists the options)");
}

void
CommandLineChecks::Parse(CommandLine& cmd, int argc, char* argv[])
{
    std::vector<std::string> args(argv, argv + argc);
    for (std::size_t i = 1; i < args.size(); ++i)
    {
        const auto [isOption, name, value] = SplitOption(args[i]);
        if (isOption && InformationalOptions().count(name))
        {
            TypeId tid;
            if (name == "PrintAttributes" && !TypeId::LookupByNameFailSafe(value, &tid))
            {
                Fail(Given(name, value) + " is invalid: no such type (--PrintTypeIds lists them)");
            }
            cmd.Parse(args); // ns-3 prints what was asked for and exits
            return;
        }
    }
    for (std::size_t i = 1; i < args.size(); ++i)
    {
        const auto [isOption, name, value] = SplitOption(args[i]);
        if (!isOption || name.empty())
        {
            Fail("unexpected argument '" + args[i] +
                 "': give options as --name=value (--PrintHelp lists them)");
        }
        if (m_options.count(name))
        {
            continue; // parsed by its registered parser
        }
        args[i] = "--" + name + "=" + ApplyAttributeOrGlobal(name, value);
    }
    cmd.Parse(args);
}

void
CommandLineChecks::AtLeast(const std::string& option,
                           double value,
                           double min,
                           const std::string& unit) const
{
    AtLeast(option, value, min, unit, Number(value));
}

void
CommandLineChecks::AtLeast(const std::string& option,
                           double value,
                           double min,
                           const std::string& unit,
                           const std::string& text) const
{
    if (!(value >= min)) // also rejects NaN
    {
        Fail(Given(option, text) + " is invalid: must be >= " + Number(min) + InUnit(unit));
    }
}

void
CommandLineChecks::AtMost(const std::string& option,
                          double value,
                          double max,
                          const std::string& unit) const
{
    AtMost(option, value, max, unit, Number(value));
}

void
CommandLineChecks::AtMost(const std::string& option,
                          double value,
                          double max,
                          const std::string& unit,
                          const std::string& text) const
{
    if (!(value <= max))
    {
        Fail(Given(option, text) + " is invalid: must be <= " + Number(max) + InUnit(unit));
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
                                const std::string& unit,
                                double max) const
{
    std::vector<double> numbers;
    for (const auto& item : List(option, value))
    {
        double number = 0.0;
        std::string why;
        if (!ParseReal(item, number, why) || number <= 0)
        {
            Fail(Given(option, value) + " is invalid: '" + item + "' is not a number > 0" +
                 InUnit(unit));
        }
        if (number > max)
        {
            Fail(Given(option, value) + " is invalid: '" + item + "' is above " + Number(max) +
                 InUnit(unit));
        }
        numbers.push_back(number);
    }
    return numbers;
}

std::vector<int64_t>
CommandLineChecks::IntegerList(const std::string& option,
                               const std::string& value,
                               int64_t min,
                               int64_t max,
                               const std::string& unit) const
{
    std::vector<int64_t> numbers;
    for (const auto& item : List(option, value))
    {
        int64_t number = 0;
        std::string why;
        if (!ParseInteger(item, number, why) || number < min || number > max)
        {
            Fail(Given(option, value) + " is invalid: '" + item + "' is not a whole number in [" +
                 std::to_string(min) + ", " + std::to_string(max) + "]" + InUnit(unit));
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
