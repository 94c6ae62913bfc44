/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "attribute-text.h"

#include "text-checkers.h"

#include "ns3/boolean.h"
#include "ns3/derived-type-name.h"
#include "ns3/double.h"
#include "ns3/integer.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <sstream>

namespace ns3
{
namespace edgedml
{

namespace
{

/// \return text in lower case \param text the text
std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return text;
}

/// \return a number as ns-3 prints defaults (6 significant digits) \param x the number
std::string
Number(double x)
{
    std::ostringstream os;
    os << x;
    return os.str();
}

/// \return a bound: whole numbers in full, others as Number \param x the bound
std::string
Bound(double x)
{
    if (x == std::floor(x) && std::fabs(x) < 1e19)
    {
        std::ostringstream os;
        os.precision(20);
        os << x;
        return os.str();
    }
    return Number(x);
}

/// \return " (unit)" or "" \param unit a unit
std::string
InUnit(const std::string& unit)
{
    return unit.empty() ? "" : " (" + unit + ")";
}

/// \return the checker's value type, always with "ns3::" \param checker it
std::string
ValueType(const AttributeChecker& checker)
{
    std::string type = checker.GetValueTypeName();
    return type.rfind("ns3::", 0) == 0 ? type : "ns3::" + type;
}

/// Seconds per time unit, as ns-3's Time(std::string) reads them.
const std::map<std::string, double>&
SecondsPerUnit()
{
    static const std::map<std::string, double> units{{"", 1.0},
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
    return units;
}

/**
 * Read a time "number[unit]" in seconds.
 * \param text the time \param[out] seconds its value
 * \return whether it is a finite number with a known unit
 */
bool
ParseSeconds(const std::string& text, double& seconds)
{
    const std::size_t split = text.find_first_not_of("+-0123456789.eE");
    const auto unit = SecondsPerUnit().find(split == std::string::npos ? "" : text.substr(split));
    double value = 0.0;
    std::string why;
    if (unit == SecondsPerUnit().end() || !ParseReal(text.substr(0, split), value, why))
    {
        return false;
    }
    seconds = value * unit->second;
    return true;
}

/// \return whether a lower bound means "> 0" (MakePositiveDoubleChecker's smallest
/// normal double, as its type information prints it) \param min the bound
bool
IsPositiveBound(double min)
{
    return min > 0.0 && min <= 1e-300;
}

/// \return whether bounds are those of the whole double range \param min \param max them
bool
IsUnbounded(double min, double max)
{
    return min <= -1e308 && max >= 1e308;
}

/// The interval a numeric checker accepts, written [min, max], (0, max] or "0 or [min, max]"
/// (whole bounds of integers in full, reals with 6 significant digits).
std::string
Interval(double min, double max, bool zeroToo, bool whole = false)
{
    const bool positive = IsPositiveBound(min);
    const auto bound = [whole](double x) { return whole ? Bound(x) : Number(x); };
    std::string text = (positive ? "(0" : "[" + bound(min)) + ", " + bound(max) + "]";
    return zeroToo ? "0 or " + text : text;
}

/// The item of a list whose checker refused it, phrased as the lists' messages are.
std::string
ItemError(const AttributeChecker& itemChecker,
          const std::string& item,
          const std::string& unit,
          const std::string& error)
{
    double min = 0;
    double max = 0;
    bool zeroToo = false;
    if (!GetNumericBounds(itemChecker, min, max, zeroToo))
    {
        return error;
    }
    const std::string type = ValueType(itemChecker);
    if (type == "ns3::UintegerValue" || type == "ns3::IntegerValue")
    {
        return "'" + item + "' is not a whole number in [" + Bound(min) + ", " + Bound(max) + "]" +
               InUnit(unit);
    }
    double value = 0.0;
    std::string why;
    if (ParseReal(item, value, why) && value > max)
    {
        return "'" + item + "' is above " + Number(max) + InUnit(unit);
    }
    if (IsPositiveBound(min))
    {
        return "'" + item + "' is not a number > 0" + InUnit(unit);
    }
    return "'" + item + "' is not a number in " + Interval(min, max, zeroToo) + InUnit(unit);
}

/**
 * Check an object description TypeName[Attribute=value|...] (ns-3's
 * ObjectFactory syntax, not nested: its parser stops at the first ']').
 * \param text the description \param base the type it must derive from
 * \param[out] normalised the description with normalised values
 * \param[out] error what is wrong \return whether it is valid
 */
bool
CheckObjectText(const std::string& text, TypeId base, std::string& normalised, std::string& error)
{
    const std::string syntax = "; give TypeName or TypeName[Attribute=value|...] with TypeName a "
                               "subclass of " +
                               base.GetName();
    const std::size_t open = text.find('[');
    const std::string typeName = text.substr(0, open);
    TypeId tid;
    if (typeName.empty() || !TypeId::LookupByNameFailSafe(typeName, &tid))
    {
        error = "no type '" + typeName + "'" + syntax;
        return false;
    }
    if (!(tid == base || tid.IsChildOf(base)) || !tid.HasConstructor())
    {
        error = typeName + " is not a constructible subclass of " + base.GetName();
        return false;
    }
    if (open == std::string::npos)
    {
        normalised = text;
        return true;
    }
    if (text.back() != ']' || text.find(']') != text.size() - 1 ||
        text.find('[', open + 1) != std::string::npos)
    {
        error = "malformed brackets" + syntax;
        return false;
    }
    normalised = typeName + "[";
    std::istringstream parameters(text.substr(open + 1, text.size() - open - 2));
    bool first = true;
    for (std::string parameter; std::getline(parameters, parameter, '|');)
    {
        const std::size_t equals = parameter.find('=');
        TypeId::AttributeInformation info;
        if (equals == std::string::npos ||
            !tid.LookupAttributeByName(parameter.substr(0, equals), &info))
        {
            error = "'" + parameter + "' is not Attribute=value with an attribute of " + typeName +
                    " (--PrintAttributes=" + typeName + " lists them)";
            return false;
        }
        const std::string name = parameter.substr(0, equals);
        std::string value;
        std::string why;
        if (!CheckAttributeText(*info.checker, parameter.substr(equals + 1), "", value, why))
        {
            error = name + "=" + parameter.substr(equals + 1) + ": " + why;
            return false;
        }
        normalised += (first ? "" : "|") + name + "=" + value;
        first = false;
    }
    normalised += "]";
    return true;
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
 * Parse a whole number (see ParseInteger).
 * \param text the text \param[out] value the number
 * \return the outcome
 */
IntegerError
ParseWhole(const std::string& text, int64_t& value)
{
    if (text.empty())
    {
        return IntegerError::EMPTY;
    }
    double real = 0.0;
    std::string why;
    if (!ParseReal(text, real, why))
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
        const long long parsed = std::strtoll(text.c_str(), nullptr, 10);
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

/// CheckAttributeText for integer checkers.
bool
CheckInteger(const AttributeChecker& checker,
             const std::string& text,
             const std::string& unit,
             std::string& normalised,
             std::string& error)
{
    double min = 0;
    double max = 0;
    bool zeroToo = false;
    GetNumericBounds(checker, min, max, zeroToo);
    const std::string range =
        "give a whole number in [" + Bound(min) + ", " + Bound(max) + "]" + InUnit(unit);
    int64_t value = 0;
    switch (ParseWhole(text, value))
    {
    case IntegerError::NONE:
        break;
    case IntegerError::EMPTY:
        error = "empty value; " + range + " or leave the option out for its default";
        return false;
    case IntegerError::NOT_A_NUMBER:
        error = "not a number; " + range;
        return false;
    case IntegerError::NOT_WHOLE:
        error = "not a whole number; " + range;
        return false;
    case IntegerError::TOO_SMALL:
        value = std::numeric_limits<int64_t>::min();
        break;
    case IntegerError::TOO_LARGE:
        value = std::numeric_limits<int64_t>::max();
        break;
    }
    if (static_cast<double>(value) < min)
    {
        error = "must be >= " + Bound(min) + InUnit(unit);
        return false;
    }
    if (static_cast<double>(value) > max)
    {
        error = "must be <= " + Bound(max) + InUnit(unit);
        return false;
    }
    const bool ok = ValueType(checker) == "ns3::UintegerValue"
                        ? checker.Check(UintegerValue(static_cast<uint64_t>(value)))
                        : checker.Check(IntegerValue(value));
    if (!ok)
    {
        error = "out of range; " + range;
        return false;
    }
    normalised = std::to_string(value);
    return true;
}

/// CheckAttributeText for real checkers.
bool
CheckDouble(const AttributeChecker& checker,
            const std::string& text,
            const std::string& unit,
            std::string& normalised,
            std::string& error)
{
    double min = -std::numeric_limits<double>::max();
    double max = std::numeric_limits<double>::max();
    bool zeroToo = false;
    GetNumericBounds(checker, min, max, zeroToo);
    double value = 0.0;
    std::string why;
    if (!ParseReal(text, value, why))
    {
        error = why + "; give a finite number" +
                (IsUnbounded(min, max) ? "" : " in " + Interval(min, max, zeroToo)) + InUnit(unit);
        return false;
    }
    if (IsPositiveBound(min) && !(value > 0.0))
    {
        error = "must be a finite value > 0" + InUnit(unit);
        return false;
    }
    if (value < min && !(zeroToo && value == 0.0))
    {
        error =
            std::string("must be ") + (zeroToo ? "0 or " : "") + ">= " + Number(min) + InUnit(unit);
        return false;
    }
    if (value > max)
    {
        error = "must be <= " + Number(max) + InUnit(unit);
        return false;
    }
    if (!checker.Check(DoubleValue(value)))
    {
        error = "out of range; give " + Interval(min, max, zeroToo) + InUnit(unit);
        return false;
    }
    std::ostringstream os;
    os.precision(17);
    os << value;
    normalised = os.str();
    return true;
}

/// CheckAttributeText for time checkers.
bool
CheckTime(const AttributeChecker& checker,
          const std::string& text,
          std::string& normalised,
          std::string& error)
{
    double seconds = 0.0;
    if (!ParseSeconds(text, seconds))
    {
        const std::string hint = "give a time such as 10s, 250ms or 2min, or a number of "
                                 "seconds (units: s ms us ns ps fs min h d y)";
        std::string why;
        double number = 0.0;
        ParseReal(text, number, why);
        error =
            why.rfind("not a finite", 0) == 0 || why == "empty value" ? why + "; " + hint : hint;
        return false;
    }
    // ns-3's Time holds 64 bits of ns: about 292 years.
    if (!(std::fabs(seconds) <= 9e9))
    {
        error = "beyond ns-3's time range; give at most 9e9 s";
        return false;
    }
    if (!checker.Check(TimeValue(Time(text))))
    {
        double min = 0;
        double max = 0;
        bool zeroToo = false;
        GetNumericBounds(checker, min, max, zeroToo);
        error = seconds < min ? "must be >= " + Number(min) +
                                    " (s; ns-3 rounds times to its "
                                    "resolution, 1 ns)"
                              : "must be <= " + Number(max) + " (s)";
        return false;
    }
    normalised = text;
    return true;
}

} // namespace

bool
ParseReal(const std::string& text, double& value, std::string& why)
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
ParseInteger(const std::string& text, int64_t& value, std::string& why)
{
    switch (ParseWhole(text, value))
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

std::string
UnitOfName(const std::string& name)
{
    static const std::vector<std::pair<std::string, std::string>> suffixes{{"PerS", "per s"},
                                                                           {"Mhz", "MHz"},
                                                                           {"Hz", "Hz"},
                                                                           {"Bytes", "bytes"},
                                                                           {"S", "s"},
                                                                           {"W", "W"},
                                                                           {"J", "J"},
                                                                           {"M", "m"}};
    for (const auto& [suffix, unit] : suffixes)
    {
        if (name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            std::islower(static_cast<unsigned char>(name[name.size() - suffix.size() - 1])))
        {
            return unit;
        }
    }
    return "";
}

bool
GetNumericBounds(const AttributeChecker& checker, double& min, double& max, bool& zeroToo)
{
    const std::string type = ValueType(checker);
    if (!checker.HasUnderlyingTypeInformation() ||
        (type != "ns3::UintegerValue" && type != "ns3::IntegerValue" &&
         type != "ns3::DoubleValue" && type != "ns3::TimeValue"))
    {
        return false;
    }
    // "type min:max" or "type 0|min:max" (MakeZeroOrDoubleChecker).
    const std::string information = checker.GetUnderlyingTypeInformation();
    const std::size_t space = information.rfind(' ');
    const std::size_t colon = information.rfind(':');
    if (space == std::string::npos || colon == std::string::npos || colon < space)
    {
        return false;
    }
    std::string low = information.substr(space + 1, colon - space - 1);
    const std::string high = information.substr(colon + 1);
    zeroToo = low.rfind("0|", 0) == 0;
    if (zeroToo)
    {
        low = low.substr(2);
    }
    if (type == "ns3::TimeValue")
    {
        // ns-3 prints Time::Min() like Time::Max(): an unbounded side.
        min = low == high ? -9e9 : 0.0;
        max = 9e9;
        double seconds = 0.0;
        if (low != high && ParseSeconds(low, seconds))
        {
            min = seconds;
        }
        if (ParseSeconds(high, seconds) && seconds < 9e9)
        {
            max = seconds;
        }
        return true;
    }
    char* end = nullptr;
    min = std::strtod(low.c_str(), &end);
    max = std::strtod(high.c_str(), &end);
    return true;
}

std::string
DescribeRange(const AttributeChecker& checker)
{
    const std::string type = ValueType(checker);
    double min = 0;
    double max = 0;
    bool zeroToo = false;
    if (type == "ns3::BooleanValue")
    {
        return "true or false";
    }
    if (type == "ns3::EnumValue")
    {
        std::string names = checker.GetUnderlyingTypeInformation();
        std::replace(names.begin(), names.end(), '|', ',');
        std::string spaced;
        for (char c : names)
        {
            spaced += c == ',' ? std::string(", ") : std::string(1, c);
        }
        return spaced;
    }
    if (type == "ns3::TimeValue" && GetNumericBounds(checker, min, max, zeroToo))
    {
        return "a time in [" + (min <= -9e9 ? std::string("-9e9") : Number(min)) + ", " +
               Number(max) + "] s";
    }
    if (GetNumericBounds(checker, min, max, zeroToo))
    {
        const bool whole = type == "ns3::UintegerValue" || type == "ns3::IntegerValue";
        return IsUnbounded(min, max) ? "" : Interval(min, max, zeroToo, whole);
    }
    if (const auto* names = dynamic_cast<const DerivedTypeNameChecker*>(&checker))
    {
        return names->GetUnderlyingTypeInformation();
    }
    if (const auto* text = dynamic_cast<const TextChecker*>(&checker))
    {
        return text->Describe();
    }
    return "";
}

bool
SplitList(const std::string& text, std::vector<std::string>& items)
{
    items.clear();
    std::size_t start = 0;
    while (true)
    {
        const std::size_t comma = text.find(',', start);
        items.push_back(text.substr(start, comma - start));
        if (items.back().empty())
        {
            return false;
        }
        if (comma == std::string::npos)
        {
            return true;
        }
        start = comma + 1;
    }
}

bool
CheckAttributeText(const AttributeChecker& checker,
                   const std::string& text,
                   const std::string& unit,
                   std::string& normalised,
                   std::string& error)
{
    const std::string type = ValueType(checker);
    if (type == "ns3::UintegerValue" || type == "ns3::IntegerValue")
    {
        return CheckInteger(checker, text, unit, normalised, error);
    }
    if (type == "ns3::DoubleValue")
    {
        return CheckDouble(checker, text, unit, normalised, error);
    }
    if (type == "ns3::BooleanValue")
    {
        const std::string lower = Lower(text);
        if (lower == "true" || lower == "t" || lower == "1")
        {
            normalised = "true";
            return true;
        }
        if (lower == "false" || lower == "f" || lower == "0")
        {
            normalised = "false";
            return true;
        }
        error = "use true or false";
        return false;
    }
    if (type == "ns3::EnumValue")
    {
        std::istringstream names(checker.GetUnderlyingTypeInformation());
        error = "use one of";
        for (std::string name; std::getline(names, name, '|');)
        {
            if (name == text)
            {
                normalised = text;
                return true;
            }
            error += " " + name;
        }
        return false;
    }
    if (type == "ns3::TimeValue")
    {
        return CheckTime(checker, text, normalised, error);
    }
    if (type == "ns3::TypeIdValue")
    {
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(text, &tid))
        {
            error = "no such type (--PrintTypeIds lists them)";
            return false;
        }
        normalised = text;
        return true;
    }
    if (type == "ns3::PointerValue" || type == "ns3::ObjectFactoryValue")
    {
        const auto* pointer = dynamic_cast<const PointerChecker*>(&checker);
        return CheckObjectText(text,
                               pointer ? pointer->GetPointeeTypeId() : Object::GetTypeId(),
                               normalised,
                               error);
    }
    if (const auto* list = dynamic_cast<const ListChecker*>(&checker))
    {
        std::vector<std::string> items;
        if (!SplitList(text, items))
        {
            error = text.empty() ? "empty value; give a comma-separated list"
                                 : "empty item; give a comma-separated list";
            return false;
        }
        for (const auto& item : items)
        {
            std::string ignored;
            std::string why;
            if (!CheckAttributeText(list->GetItemChecker(), item, unit, ignored, why))
            {
                error = ItemError(list->GetItemChecker(), item, unit, why);
                return false;
            }
        }
    }
    else if (const auto* other = dynamic_cast<const TextChecker*>(&checker))
    {
        if (!other->CheckText(text, error))
        {
            return false;
        }
    }
    else if (type == "ns3::StringValue" && text.empty())
    {
        error = "empty value; give a value or leave the option out for its default";
        return false;
    }
    else if (const auto* names = dynamic_cast<const DerivedTypeNameChecker*>(&checker))
    {
        if (!names->CheckName(text, error))
        {
            return false;
        }
    }
    normalised = text; // strings, addresses, ...: ns-3 parses them
    return true;
}

} // namespace edgedml
} // namespace ns3
