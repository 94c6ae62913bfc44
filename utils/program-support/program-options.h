/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_PROGRAM_OPTIONS_H
#define EDGE_DML_PROGRAM_OPTIONS_H

#include "text-checkers.h"

#include "ns3/attribute.h"
#include "ns3/command-line.h"
#include "ns3/type-id.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The command line of a program: options bound to attributes, so
 * that an option's help, default, unit and range are those of the TypeId
 * (written once, there), and the program's own options, checked by
 * attribute checkers too.
 *
 * Values are parsed strictly before ns-3 sees them: integers accept "10",
 * "10.0" and "1e3" (as sweep tools such as SEM pass them) but not "10.5",
 * "abc" or an empty value; reals must be finite; booleans are true, false,
 * t, f, 1, 0 in any case ("True" works; the bare option toggles); type
 * names follow LookupDerivedTypeId (short or full TypeId names). Parse()
 * also checks `--ns3::Type::Attribute=value` attribute defaults, globals
 * (`--RngRun=3`; a simulator or scheduler type must be one) and the NS_*
 * environment variables ns-3 reads (NS_LOG, NS_GLOBAL_VALUE,
 * NS_ATTRIBUTE_DEFAULT), where ns-3 would abort or crash later. Unknown
 * options and stray arguments are refused. `--PrintHelp` lists every option
 * with its range and default (how SEM discovers them); the other ns-3
 * informational options work as usual, and `--PrintOptionRanges` prints the
 * options as a table, one line "name|kind|default|min|max|extra" per option
 * (kind: integer, real, bool, time, choice, type, list, file or text; min
 * and max for numbers, in the option's unit; extra: "0 too" for a 0-or-range
 * option, the valid names of a choice or type), for test generators.
 *
 * Nothing here exits the process: Parse() and Fail() return the status
 * with which main() returns, 2 for a usage error, after one line on stderr,
 * e.g. `edge-dml-uplink: --rbBandwidthHz=-1 is invalid: must be >= 1 (Hz)`.
 */
class ProgramOptions
{
  public:
    /**
     * \param program the program name used in messages
     * \param usage what the program does (shown by --PrintHelp)
     */
    ProgramOptions(std::string program, const std::string& usage);
    ~ProgramOptions();

    /// \name Options bound to the default of an attribute
    /// The value given sets the attribute's default (Config::SetDefault),
    /// so every object of that type created afterwards gets it.
    /// @{
    /**
     * \param name the option name (without dashes)
     * \param attribute "ns3::edgedml::Type::Attribute"
     */
    void AddAttribute(const std::string& name, const std::string& attribute);
    /**
     * \brief Same, with the program's own default (set now; checked).
     * \param name the option name \param attribute the attribute
     * \param programDefault the program's default value
     */
    void AddAttribute(const std::string& name,
                      const std::string& attribute,
                      const std::string& programDefault);
    /**
     * \brief Bound to a real attribute in another unit: the attribute's
     * value is the option's times factor (e.g. MHz for an attribute in Hz:
     * factor 1e6); the range and default shown are the attribute's divided
     * by factor.
     * \param name the option name \param attribute the attribute
     * \param factor attribute units per option unit \param unit the option's unit
     */
    void AddScaledAttribute(const std::string& name,
                            const std::string& attribute,
                            double factor,
                            const std::string& unit);
    /// @}

    /// \name The program's own options (not model knobs)
    /// The variable's value at registration is the default; the checker
    /// (e.g. MakeUintegerChecker<uint32_t>(1, 100000), MakeChoiceChecker,
    /// MakeListChecker) gives the range; unit "" takes it from the name.
    /// @{
    /**
     * \param name the option name \param help the help text
     * \param variable the variable set by the option
     * \param checker the values it accepts \param unit unit for messages
     */
    void AddValue(const std::string& name,
                  const std::string& help,
                  uint32_t& variable,
                  Ptr<const AttributeChecker> checker,
                  const std::string& unit = "");
    /// \copydoc AddValue(const std::string&,const std::string&,uint32_t&,Ptr<const
    /// AttributeChecker>,const std::string&)
    void AddValue(const std::string& name,
                  const std::string& help,
                  uint64_t& variable,
                  Ptr<const AttributeChecker> checker,
                  const std::string& unit = "");
    /// \copydoc AddValue(const std::string&,const std::string&,uint32_t&,Ptr<const
    /// AttributeChecker>,const std::string&)
    void AddValue(const std::string& name,
                  const std::string& help,
                  double& variable,
                  Ptr<const AttributeChecker> checker,
                  const std::string& unit = "");
    /// \copydoc AddValue(const std::string&,const std::string&,uint32_t&,Ptr<const
    /// AttributeChecker>,const std::string&)
    void AddValue(const std::string& name,
                  const std::string& help,
                  std::string& variable,
                  Ptr<const AttributeChecker> checker,
                  const std::string& unit = "");
    /**
     * \brief A boolean program option.
     * \param name the option name \param help the help text \param variable the variable
     */
    void AddValue(const std::string& name, const std::string& help, bool& variable);
    /// @}

    /**
     * \brief Parse the command line (and check the NS_* environment).
     * \param argc argument count \param argv arguments
     * \return nothing to run the program, or the status main() returns
     *         with: 0 after --PrintHelp and the like, 2 after a usage error
     *         (reported on stderr)
     */
    std::optional<int> Parse(int argc, char* argv[]);

    /// \name After Parse()
    /// @{
    /**
     * \param name an option bound to an attribute
     * \return its value (the attribute's default), as text
     */
    std::string GetText(const std::string& name) const;
    /**
     * \param name an option bound to an attribute with integer values
     * \return its value
     */
    uint64_t GetInteger(const std::string& name) const;
    /**
     * \param name an option bound to an attribute with real or time values
     * \return its value (in the attribute's unit; times in s)
     */
    double GetReal(const std::string& name) const;
    /**
     * \brief Report a usage error (one line on stderr, "program: message").
     * \param message what is wrong and how to fix it
     * \return 2, the status of a usage error
     */
    int Fail(const std::string& message) const;
    /**
     * \brief Fail for an option whose value is below a bound that depends on
     * other options: "--option=value is invalid: must be >= min (unit)".
     * \param option the option \param value its value \param min the bound
     * \param unit what the bound is (shown in parentheses)
     * \return 2
     */
    int FailBelow(const std::string& option,
                  double value,
                  double min,
                  const std::string& unit) const;
    /**
     * \brief As FailBelow, for a value above a bound ("must be <= max").
     * \param option the option \param value its value \param max the bound
     * \param unit what the bound is
     * \return 2
     */
    int FailAbove(const std::string& option,
                  double value,
                  double max,
                  const std::string& unit) const;
    /// @}

  private:
    /// One registered option.
    struct Option
    {
        std::string help;                    //!< help text
        Ptr<const AttributeChecker> checker; //!< the values it accepts
        std::string unit;                    //!< unit for messages
        std::string attribute;               //!< the attribute it sets ("" for a program option)
        double factor{1.0};                  //!< attribute value per option value (scaled)
        std::function<void(const std::string&)> set; //!< stores a checked value
        std::function<std::string()> current;        //!< its value as text
    };

    /**
     * \param name the option \param option it
     */
    void Register(const std::string& name, Option option);
    /**
     * \param option the option \param text the value given
     * \param[out] error what is wrong \return whether it is set
     */
    bool SetOption(const Option& option, const std::string& text, std::string& error) const;
    /// \return the help text of an option \param option it
    std::string HelpOf(const Option& option) const;
    /// Print the table of --PrintOptionRanges.
    void PrintOptionRanges() const;
    /// \return the attribute of an option bound to one \param name the option
    const Option& Bound(const std::string& name) const;

    std::string m_program;                   //!< program name for messages
    std::unique_ptr<CommandLine> m_cmd;      //!< ns-3's command line (help, informational options)
    std::vector<std::string> m_order;        //!< option names in registration order
    std::map<std::string, Option> m_options; //!< the options by name
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_PROGRAM_OPTIONS_H */
