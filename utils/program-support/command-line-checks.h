/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_COMMAND_LINE_CHECKS_H
#define EDGE_DML_COMMAND_LINE_CHECKS_H

#include "ns3/type-id.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace ns3
{

class CommandLine;
class AttributeChecker;

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
 *
 * Programs register every option through the Add... methods, which parse
 * strictly (ns-3's CommandLine reads "1e20" into an integer as 1, "10.5" as
 * 10 and "-3" into an unsigned integer as 4294967293), and then call
 * Parse(), which also checks what ns-3's CommandLine would otherwise abort
 * on or answer with its whole help text: `--ns3::Type::Attribute=value`
 * attribute defaults, globals such as `--RngRun=N`, unknown options and
 * stray arguments. Integers may be given as "10.0" or "1e3" and booleans
 * as "True" (what a sweep tool such as SEM passes). `--PrintHelp` and the
 * other ns-3 informational options work as usual.
 *
 * Cross-option checks (one bound depending on another option) use the
 * plain checks (AtLeast, AtMost, ...) after Parse(). The object must live
 * until Parse() has returned (the registered parsers refer to it).
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

    /// \name Options, registered with a CommandLine and parsed strictly
    /// The default shown by --PrintHelp is the variable's value at registration.
    /// @{

    /**
     * \brief An integer option: a whole number in [min, max].
     *
     * Accepts "10", "+10", "10.0" and "1e3"; rejects an empty value,
     * "10.5", "abc", "0x10", "nan" and anything out of range.
     * \tparam T an integer type that holds [min, max]
     * \param cmd the command line
     * \param name the option name (without dashes)
     * \param help the help text
     * \param value the variable, set when the option is parsed
     * \param min the smallest valid value
     * \param max the largest valid value
     * \param unit unit shown in messages (may be empty)
     */
    template <typename T>
    void AddInteger(CommandLine& cmd,
                    const std::string& name,
                    const std::string& help,
                    T& value,
                    int64_t min,
                    int64_t max,
                    const std::string& unit = "");

    /**
     * \brief A real option: a finite number in [min, max].
     * \param cmd the command line
     * \param name the option name
     * \param help the help text
     * \param value the variable
     * \param min the smallest valid value
     * \param max the largest valid value (finite)
     * \param unit unit shown in messages (may be empty)
     */
    void AddDouble(CommandLine& cmd,
                   const std::string& name,
                   const std::string& help,
                   double& value,
                   double min,
                   double max,
                   const std::string& unit = "");

    /**
     * \brief A real option that must be > 0 and <= max.
     * \param cmd the command line
     * \param name the option name
     * \param help the help text
     * \param value the variable
     * \param max the largest valid value (finite)
     * \param unit unit shown in messages (may be empty)
     */
    void AddPositive(CommandLine& cmd,
                     const std::string& name,
                     const std::string& help,
                     double& value,
                     double max,
                     const std::string& unit = "");

    /**
     * \brief A boolean option: true, false, t, f, 1 or 0, in any case
     * ("True" works). As in ns-3, the bare option (`--quiet`) toggles it.
     * \param cmd the command line
     * \param name the option name
     * \param help the help text
     * \param value the variable
     */
    void AddBool(CommandLine& cmd, const std::string& name, const std::string& help, bool& value);

    /**
     * \brief A string option that must not be empty.
     * \param cmd the command line
     * \param name the option name
     * \param help the help text
     * \param value the variable (its value at registration must not be empty)
     */
    void AddString(CommandLine& cmd,
                   const std::string& name,
                   const std::string& help,
                   std::string& value);

    /**
     * \brief A string option with a fixed set of values.
     * \param cmd the command line
     * \param name the option name
     * \param help the help text
     * \param value the variable (its value at registration must be allowed)
     * \param allowed the valid values
     */
    void AddChoice(CommandLine& cmd,
                   const std::string& name,
                   const std::string& help,
                   std::string& value,
                   const std::vector<std::string>& allowed);

    /**
     * \brief The name of an output file in the current directory: not
     * empty, no '/', not "." or "..", not starting with '-'.
     * \param cmd the command line
     * \param name the option name
     * \param help the help text
     * \param value the variable
     */
    void AddOutputFileName(CommandLine& cmd,
                           const std::string& name,
                           const std::string& help,
                           std::string& value);

    /**
     * \brief Parse the command line: checks and applies the attribute
     * defaults (`--ns3::Type::Attribute=value`) and globals (`--RngRun=N`,
     * `--RngSeed=N`, ...) given, then lets ns-3's CommandLine parse
     * everything, which calls the parsers of the registered options.
     *
     * Fails (status 2, one line) on an unknown option, an argument that is
     * not an option, an attribute path that names no type or attribute, a
     * value the attribute's checker rejects, and a malformed number,
     * boolean or enum value. Attribute values of other kinds (strings,
     * random variables, pointers) are left to ns-3.
     * \param cmd the command line, with every program option registered
     *        through this object
     * \param argc argument count
     * \param argv arguments
     */
    void Parse(CommandLine& cmd, int argc, char* argv[]);
    /// @}

    /// \name Checks of values already parsed (cross-option constraints)
    /// @{

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
     * \brief A comma-separated list of finite numbers > 0 (and <= max).
     * \param option the option name
     * \param value its value, e.g. "10,30"
     * \param unit unit shown in the message (may be empty)
     * \param max the largest valid item
     * \return the numbers
     */
    std::vector<double> PositiveList(const std::string& option,
                                     const std::string& value,
                                     const std::string& unit,
                                     double max = std::numeric_limits<double>::max()) const;
    /**
     * \brief A comma-separated list of whole numbers in [min, max]
     * ("10.0" and "1e3" count as whole).
     * \param option the option name
     * \param value its value, e.g. "1000,10000"
     * \param min the smallest valid item
     * \param max the largest valid item
     * \param unit unit shown in the message (may be empty)
     * \return the numbers
     */
    std::vector<int64_t> IntegerList(const std::string& option,
                                     const std::string& value,
                                     int64_t min,
                                     int64_t max,
                                     const std::string& unit) const;
    /**
     * \brief Scheduler names: each a short name or TypeId of a TaskScheduler.
     * \param option the option name
     * \param value a comma-separated list of names
     * \return the names, as given
     */
    std::vector<std::string> SchedulerList(const std::string& option,
                                           const std::string& value) const;
    /// @}

    /**
     * \brief Parse a whole number strictly (see AddInteger).
     * \param text the text
     * \param[out] value the number
     * \param[out] why when not a whole number: why not
     * \return whether text is a whole number within int64_t
     */
    static bool ParseInteger(const std::string& text, int64_t& value, std::string& why);
    /**
     * \brief Parse a finite real number strictly: decimal digits, sign,
     * point and exponent only (no "nan", "inf" or hexadecimal), the whole
     * text.
     * \param text the text
     * \param[out] value the number
     * \param[out] why when not a finite number: why not
     * \return whether text is a finite number
     */
    static bool ParseReal(const std::string& text, double& value, std::string& why);

  private:
    /**
     * Register an option whose parser sets the variable or fails (exit 2).
     * \param cmd the command line
     * \param name the option name
     * \param help the help text
     * \param defaultValue the default shown by --PrintHelp
     * \param parse the parser: sets the variable or calls Fail
     */
    void Register(CommandLine& cmd,
                  const std::string& name,
                  const std::string& help,
                  const std::string& defaultValue,
                  std::function<void(const std::string&)> parse);
    /**
     * Check an integer given for an option and fail if it is invalid.
     * \param name the option
     * \param text the value as given
     * \param min the smallest valid value
     * \param max the largest valid value
     * \param unit the unit
     * \return the value
     */
    int64_t CheckInteger(const std::string& name,
                         const std::string& text,
                         int64_t min,
                         int64_t max,
                         const std::string& unit) const;
    /**
     * Check the value of an attribute default or global and return it in
     * the form ns-3 parses.
     * \param given "--name=value" as given, for messages
     * \param checker the attribute's checker
     * \param text the value
     * \return the normalised value
     */
    std::string NormaliseAttributeValue(const std::string& given,
                                        const AttributeChecker& checker,
                                        const std::string& text) const;
    /**
     * Check an object description (ns-3's ObjectFactory syntax
     * TypeName[Attribute=value|...]) given for a pointer attribute.
     * \param given "--name=value" as given, for messages
     * \param text the description
     * \param base the type the object must be
     * \return the description with normalised attribute values
     */
    std::string NormaliseObjectText(const std::string& given,
                                    const std::string& text,
                                    TypeId base) const;
    /**
     * Check and apply an `--ns3::Type::Attribute=value` or global argument.
     * \param name the name (without dashes)
     * \param value the value
     * \return the value to pass on to ns-3
     */
    std::string ApplyAttributeOrGlobal(const std::string& name, const std::string& value) const;
    /**
     * AtLeast, naming the value as the user gave it.
     * \param option the option \param value its value \param min the bound
     * \param unit the unit \param text the value as given
     */
    void AtLeast(const std::string& option,
                 double value,
                 double min,
                 const std::string& unit,
                 const std::string& text) const;
    /**
     * AtMost, naming the value as the user gave it.
     * \param option the option \param value its value \param max the bound
     * \param unit the unit \param text the value as given
     */
    void AtMost(const std::string& option,
                double value,
                double max,
                const std::string& unit,
                const std::string& text) const;

    std::string m_program;           //!< program name for messages
    std::set<std::string> m_options; //!< names of the registered options
};

template <typename T>
void
CommandLineChecks::AddInteger(CommandLine& cmd,
                              const std::string& name,
                              const std::string& help,
                              T& value,
                              int64_t min,
                              int64_t max,
                              const std::string& unit)
{
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>, "an integer type");
    // long double holds every int64_t and uint64_t exactly.
    const long double lowest = std::numeric_limits<T>::min();
    const long double highest = std::numeric_limits<T>::max();
    if (min > max || min < lowest || max > highest)
    {
        Fail("option --" + name + " is registered with a range its type cannot hold (a bug)");
    }
    T* target = &value;
    Register(cmd,
             name,
             help,
             std::to_string(value),
             [this, name, target, min, max, unit](const std::string& text) {
                 *target = static_cast<T>(CheckInteger(name, text, min, max, unit));
             });
}

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_COMMAND_LINE_CHECKS_H */
