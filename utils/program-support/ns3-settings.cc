/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3-settings.h"

#include "attribute-text.h"

#include "ns3/config.h"
#include "ns3/derived-type-name.h"
#include "ns3/global-value.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace ns3
{
namespace edgedml
{

namespace
{

/// \return the global value of that name, or null \param name the name
GlobalValue*
FindGlobal(const std::string& name)
{
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            return *it;
        }
    }
    return nullptr;
}

/// The globals that name a type ns-3 creates later, and the base it must have.
const std::vector<std::pair<std::string, std::string>>&
TypeGlobals()
{
    static const std::vector<std::pair<std::string, std::string>> globals{
        {"SimulatorImplementationType", "ns3::SimulatorImpl"},
        {"SchedulerType", "ns3::Scheduler"}};
    return globals;
}

/**
 * Check what ns-3 does later with a global's value.
 * \param name the global \param value its value (normalised)
 * \param[out] error what is wrong \return whether it is usable
 */
bool
CheckGlobalUse(const std::string& name, const std::string& value, std::string& error)
{
    if (name == "RngSeed" && value == "0")
    {
        error = "must be >= 1 (ns-3's generator has no seed 0)";
        return false;
    }
    for (const auto& [global, baseName] : TypeGlobals())
    {
        if (name != global)
        {
            continue;
        }
        const TypeId base = TypeId::LookupByName(baseName);
        TypeId tid;
        if (TypeId::LookupByNameFailSafe(value, &tid) && tid.IsChildOf(base) &&
            tid.HasConstructor())
        {
            return true;
        }
        error = "give the TypeId name of a subclass of " + baseName + ":";
        for (const TypeId& candidate : GetDerivedTypeIds(base))
        {
            error += " " + candidate.GetName();
        }
        return false;
    }
    return true;
}

/// \return the items of a "a;b;c" variable \param text the value
std::vector<std::string>
Split(const std::string& text, char separator)
{
    std::vector<std::string> items;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, separator);)
    {
        items.push_back(item);
    }
    if (!text.empty() && text.back() == separator)
    {
        items.emplace_back();
    }
    return items;
}

/**
 * NS_LOG as ns-3.37 reads it: components separated by ':', each "name" or
 * "name=level|level|...". Every item is checked (ns-3 stops at the first bare
 * valid component); a trailing ':' is allowed.
 * \param value the variable \param[out] error what is wrong \return whether valid
 */
bool
CheckNsLog(const std::string& value, std::string& error)
{
    static const std::set<std::string> levels{"error",
                                              "warn",
                                              "debug",
                                              "info",
                                              "function",
                                              "logic",
                                              "all",
                                              "*",
                                              "**",
                                              "prefix_func",
                                              "func",
                                              "prefix_time",
                                              "time",
                                              "prefix_node",
                                              "node",
                                              "prefix_level",
                                              "level",
                                              "prefix_all",
                                              "level_error",
                                              "level_warn",
                                              "level_debug",
                                              "level_info",
                                              "level_function",
                                              "level_logic",
                                              "level_all"};
    const LogComponent::ComponentList& components = *LogComponent::GetComponentList();
    const std::vector<std::string> items = Split(value, ':');
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        const std::string& item = items[i];
        if (item.empty() && i + 1 == items.size() && i > 0)
        {
            continue;
        }
        const std::size_t equals = item.find('=');
        const std::string component = item.substr(0, equals);
        const bool wildcard = component == "*" || (component == "***" && equals == item.npos);
        if (!wildcard && !components.count(component))
        {
            error = "no log component '" + component +
                    "' in this program (NS_LOG=print-list lists them)";
            return false;
        }
        if (equals == std::string::npos)
        {
            continue;
        }
        for (const auto& level : Split(item.substr(equals + 1), '|'))
        {
            if (!levels.count(level))
            {
                error = "'" + level + "' of " + component +
                        " is no log level (use error, warn, debug, info, function, logic or "
                        "all, level_..., prefix_func, prefix_time, prefix_node, prefix_level, "
                        "prefix_all, separated by '|')";
                return false;
            }
        }
    }
    return true;
}

/**
 * A "name=value;name=value" variable, each item checked by a function.
 * \param variable the variable's name \param check the check of one item
 * \param[out] error what is wrong \return whether valid
 */
template <typename Check>
bool
CheckAssignments(const char* variable, Check check, std::string& error)
{
    const char* value = std::getenv(variable);
    if (!value)
    {
        return true;
    }
    for (const auto& item : Split(value, ';'))
    {
        const std::size_t equals = item.find('=');
        if (equals == std::string::npos)
        {
            // ns-3 skips such items; they set nothing.
            error = std::string(variable) + ": '" + item + "' is not name=value";
            return false;
        }
        std::string why;
        if (!check(item.substr(0, equals), item.substr(equals + 1), why))
        {
            error = std::string(variable) + ": " + item + " is invalid: " + why;
            return false;
        }
    }
    return true;
}

/**
 * Write a line on stderr with write(2): this runs before the C++ library's
 * streams exist. \param text the line's parts, null-terminated
 */
void
WriteEarly(std::initializer_list<const char*> text)
{
    for (const char* part : text)
    {
        const ssize_t ignored = write(STDERR_FILENO, part, std::strlen(part));
        (void)ignored;
    }
}

/**
 * NS_GLOBAL_VALUE's unsigned globals (RngRun, RngSeed) as ns-3 reads them
 * while its libraries load, before main(): a malformed number there (abc,
 * 1.5) makes UintegerValue's parser abort. So they are checked first, in the
 * executable's pre-initialisation (.preinit_array runs before any shared
 * library's initialisers), which ends the process with status 2 and a line
 * on stderr, the only way to answer before ns-3 acts. Everything else is
 * checked in main() by CheckNs3Environment.
 * \param argc argument count \param argv arguments \param envp environment
 */
void
CheckUnsignedGlobalsEarly(int argc, char** argv, char** envp)
{
    // getenv does not work yet: the environment is only in envp.
    const char* value = nullptr;
    for (char** variable = envp; variable && *variable; ++variable)
    {
        if (std::strncmp(*variable, "NS_GLOBAL_VALUE=", 16) == 0)
        {
            value = *variable + 16;
        }
    }
    if (!value)
    {
        return;
    }
    const char* program = argc > 0 && argv[0] ? argv[0] : "program";
    if (const char* slash = std::strrchr(program, '/'))
    {
        program = slash + 1;
    }
    for (const char* item = value; *item;)
    {
        const char* end = std::strchr(item, ';');
        const std::size_t length = end ? std::size_t(end - item) : std::strlen(item);
        for (const auto& [name, max] : {std::pair<const char*, unsigned long long>{"RngRun", ~0ULL},
                                        {"RngSeed", 4294967295ULL}})
        {
            const std::size_t size = std::strlen(name);
            if (length <= size || std::strncmp(item, name, size) != 0 || item[size] != '=')
            {
                continue;
            }
            char number[32] = {0};
            const std::size_t digits = length - size - 1;
            bool ok = digits > 0 && digits < sizeof(number);
            for (std::size_t i = 0; ok && i < digits; ++i)
            {
                number[i] = item[size + 1 + i];
                ok = number[i] >= '0' && number[i] <= '9';
            }
            errno = 0;
            ok = ok && std::strtoull(number, nullptr, 10) <= max && errno == 0;
            if (!ok)
            {
                const std::string given(item, std::min<std::size_t>(length, 80));
                WriteEarly({program,
                            ": NS_GLOBAL_VALUE: ",
                            given.c_str(),
                            " is invalid: give a whole number in [0, ",
                            max == ~0ULL ? "18446744073709551615" : "4294967295",
                            "] (ns-3 reads it before the program starts)\n"});
                _exit(2);
            }
        }
        item = end ? end + 1 : item + length;
    }
}

/// Registers CheckUnsignedGlobalsEarly in the executable's pre-initialisation.
__attribute__((section(".preinit_array"), used)) void (
    *g_checkUnsignedGlobalsEarly)(int, char**, char**) = &CheckUnsignedGlobalsEarly;

} // namespace

bool
SetAttributeDefault(const std::string& path, const std::string& value, std::string& error)
{
    const std::size_t colons = path.rfind("::");
    const std::string typeName = path.substr(0, colons);
    const std::string attribute = colons == std::string::npos ? "" : path.substr(colons + 2);
    TypeId tid;
    if (colons == std::string::npos || !TypeId::LookupByNameFailSafe(typeName, &tid))
    {
        error = "no type " + typeName + " (--PrintTypeIds lists the types)";
        return false;
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
                error = attribute + " is an attribute of the parent " + owner.GetName() + "; use " +
                        owner.GetName() + "::" + attribute;
                return false;
            }
            if (!(info.flags & TypeId::ATTR_CONSTRUCT))
            {
                error = attribute + " has no default that can be set (not a construction "
                                    "attribute)";
                return false;
            }
            std::string normalised;
            if (!CheckAttributeText(*info.checker, value, UnitOfName(attribute), normalised, error))
            {
                return false;
            }
            if (!Config::SetDefaultFailSafe(path, StringValue(normalised)))
            {
                error = "the attribute's checker rejects it (--PrintAttributes=" + typeName +
                        " describes it)";
                return false;
            }
            return true;
        }
        if (owner.GetParent() == owner)
        {
            break;
        }
    }
    error = typeName + " has no attribute " + attribute + " (--PrintAttributes=" + typeName +
            " lists them)";
    return false;
}

bool
IsGlobalValue(const std::string& name)
{
    return FindGlobal(name) != nullptr;
}

bool
SetGlobalValue(const std::string& name, const std::string& value, std::string& error)
{
    GlobalValue* global = FindGlobal(name);
    if (!global)
    {
        error = "no global " + name + " (--PrintGlobals lists them)";
        return false;
    }
    std::string normalised;
    if (!CheckAttributeText(*global->GetChecker(), value, "", normalised, error) ||
        !CheckGlobalUse(name, normalised, error))
    {
        return false;
    }
    if (!global->SetValue(StringValue(normalised)))
    {
        error = "the global's checker rejects it (--PrintGlobals lists the globals)";
        return false;
    }
    return true;
}

bool
CheckNs3Environment(std::string& error)
{
    if (const char* log = std::getenv("NS_LOG"); log && !CheckNsLog(log, error))
    {
        error = "NS_LOG=" + std::string(log) + " is invalid: " + error;
        return false;
    }
    const auto global = [](const std::string& name, const std::string& value, std::string& why) {
        GlobalValue* found = FindGlobal(name);
        std::string normalised;
        if (!found)
        {
            why = "no global " + name + " (--PrintGlobals lists them)";
            return false;
        }
        return CheckAttributeText(*found->GetChecker(), value, "", normalised, why) &&
               CheckGlobalUse(name, normalised, why);
    };
    if (!CheckAssignments("NS_GLOBAL_VALUE", global, error))
    {
        return false;
    }
    const auto attribute = [](const std::string& path, const std::string& value, std::string& why) {
        // ns-3 applies these when it constructs an object, only to the
        // attributes the named type defines itself.
        const std::size_t colons = path.rfind("::");
        TypeId tid;
        TypeId::AttributeInformation info;
        if (colons == std::string::npos ||
            !TypeId::LookupByNameFailSafe(path.substr(0, colons), &tid) ||
            !tid.LookupAttributeByName(path.substr(colons + 2), &info))
        {
            why = "no attribute " + path + " (--PrintAttributes=TypeId lists a type's)";
            return false;
        }
        std::string normalised;
        return CheckAttributeText(*info.checker,
                                  value,
                                  UnitOfName(path.substr(colons + 2)),
                                  normalised,
                                  why);
    };
    if (!CheckAssignments("NS_ATTRIBUTE_DEFAULT", attribute, error))
    {
        return false;
    }
    if (const char* dir = std::getenv("NS_COMMANDLINE_INTROSPECTION");
        dir && *dir && !std::filesystem::is_directory(dir))
    {
        error = "NS_COMMANDLINE_INTROSPECTION=" + std::string(dir) +
                " is invalid: not a directory (ns-3 writes the program's option list there)";
        return false;
    }
    // The globals' current values, however they were set.
    for (const char* name : {"RngSeed", "SimulatorImplementationType", "SchedulerType"})
    {
        GlobalValue* found = FindGlobal(name);
        if (!found)
        {
            continue;
        }
        StringValue current;
        found->GetValue(current);
        std::string why;
        if (!CheckGlobalUse(name, current.Get(), why))
        {
            error = std::string(name) + "=" + current.Get() + " is invalid: " + why;
            return false;
        }
    }
    return true;
}

} // namespace edgedml
} // namespace ns3
