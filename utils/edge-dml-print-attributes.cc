/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-print-attributes: the attribute and trace-source tables of every
 * TypeId of the edge-dml module (group EdgeDml), in reStructuredText, read
 * from the TypeIds themselves: per type its own attributes with default,
 * range (from the checker) and help text, and its trace sources with their
 * callback signature and help text. doc/edge-dml.rst includes the output;
 * the ctest doc.TablesMatchTheTypeIds fails when the committed files and
 * the code disagree.
 *
 *   edge-dml-print-attributes --table=attributes > doc/edge-dml-attributes.rst
 *   edge-dml-print-attributes --table=traces > doc/edge-dml-trace-sources.rst
 *   cmake --build build --target doc-tables      (both, in the source tree)
 */

#include "attribute-text.h"
#include "program-options.h"

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"

#include <algorithm>
#include <iostream>
#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// \return text with reStructuredText's inline markup characters escaped \param text it
std::string
Escape(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        const bool wordEnd =
            i + 1 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 1]));
        if (c == '\\' || c == '*' || c == '|' || c == '`' || (c == '_' && wordEnd))
        {
            out += '\\';
        }
        out += c;
    }
    return out;
}

/// \return an object as ObjectFactory would name it: its type and the
/// attributes whose values differ from the type's defaults \param object it
std::string
Describe(Ptr<Object> object)
{
    std::string text = object->GetInstanceTypeId().GetName();
    std::string changed;
    for (TypeId tid = object->GetInstanceTypeId();; tid = tid.GetParent())
    {
        for (uint32_t i = 0; i < tid.GetAttributeN(); ++i)
        {
            const TypeId::AttributeInformation info = tid.GetAttribute(i);
            if (!(info.flags & TypeId::ATTR_GET) || !info.accessor->HasGetter())
            {
                continue;
            }
            Ptr<AttributeValue> value = info.checker->Create();
            if (!info.accessor->Get(PeekPointer(object), *value))
            {
                continue;
            }
            const std::string now = value->SerializeToString(info.checker);
            if (dynamic_cast<const PointerValue*>(PeekPointer(value)) == nullptr &&
                now != info.initialValue->SerializeToString(info.checker))
            {
                changed += (changed.empty() ? "" : "|") + info.name + "=" + now;
            }
        }
        if (tid.GetParent() == tid)
        {
            break;
        }
    }
    return changed.empty() ? text : text + "[" + changed + "]";
}

/// \return the default of an attribute, as it reads in a table \param info the attribute
std::string
DefaultOf(const TypeId::AttributeInformation& info)
{
    if (const auto* pointer = dynamic_cast<const PointerValue*>(PeekPointer(info.initialValue)))
    {
        Ptr<Object> object = pointer->GetObject();
        return object ? "``" + Describe(object) + "``" : "none";
    }
    if (const auto* time = dynamic_cast<const TimeValue*>(PeekPointer(info.initialValue)))
    {
        std::ostringstream os;
        os << time->Get().GetSeconds() << " s";
        return os.str();
    }
    const std::string text = info.initialValue->SerializeToString(info.checker);
    return text.empty() ? "(empty)" : "``" + text + "``";
}

/// \return what an attribute accepts \param name its name \param info the attribute
std::string
RangeOf(const std::string& name, const TypeId::AttributeInformation& info)
{
    if (const auto* pointer = dynamic_cast<const PointerChecker*>(PeekPointer(info.checker)))
    {
        return "a ``" + pointer->GetPointeeTypeId().GetName() + "``";
    }
    std::string range = DescribeRange(*info.checker);
    double min = 0;
    double max = 0;
    bool zeroToo = false;
    const std::string unit = UnitOfName(name);
    if (!range.empty() && !unit.empty() && GetNumericBounds(*info.checker, min, max, zeroToo) &&
        range.back() != 's')
    {
        range += " " + unit;
    }
    if (range.empty())
    {
        std::string type = info.checker->GetValueTypeName();
        type = type.rfind("ns3::", 0) == 0 ? type.substr(5) : type;
        range = "a " + type.substr(0, type.size() - std::string("Value").size());
    }
    return Escape(range);
}

/// \return the module's TypeIds, sorted by name
std::vector<TypeId>
ModuleTypes()
{
    std::vector<TypeId> types;
    for (uint32_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        const TypeId tid = TypeId::GetRegistered(i);
        if (tid.GetGroupName() == "EdgeDml")
        {
            types.push_back(tid);
        }
    }
    std::sort(types.begin(), types.end(), [](const TypeId& a, const TypeId& b) {
        return a.GetName() < b.GetName();
    });
    return types;
}

/// \return "``a``, ``b`` and ``c``" \param names the names
std::string
Enumerate(const std::vector<std::string>& names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        text += (i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ")) + ("``" + names[i] + "``");
    }
    return text;
}

/// Print the attribute tables.
void
PrintAttributes(std::ostream& os)
{
    std::vector<std::string> without;
    for (const TypeId& tid : ModuleTypes())
    {
        if (tid.GetAttributeN() == 0)
        {
            without.push_back(tid.GetName());
            continue;
        }
        os << "``" << tid.GetName() << "`` (parent ``" << tid.GetParent().GetName() << "``)\n\n"
           << ".. list-table::\n   :header-rows: 1\n   :widths: 22 20 18 40\n\n"
           << "   * - Attribute\n     - Default\n     - Range\n     - Description\n";
        for (uint32_t i = 0; i < tid.GetAttributeN(); ++i)
        {
            const TypeId::AttributeInformation info = tid.GetAttribute(i);
            os << "   * - ``" << info.name << "``\n     - " << DefaultOf(info) << "\n     - "
               << RangeOf(info.name, info) << "\n     - " << Escape(info.help) << "\n";
        }
        os << "\n";
    }
    os << "Without attributes of their own: " << Enumerate(without) << ".\n";
}

/// Print the trace-source tables.
void
PrintTraces(std::ostream& os)
{
    std::vector<std::string> without;
    for (const TypeId& tid : ModuleTypes())
    {
        if (tid.GetTraceSourceN() == 0)
        {
            without.push_back(tid.GetName());
            continue;
        }
        os << "``" << tid.GetName() << "``\n\n"
           << ".. list-table::\n   :header-rows: 1\n   :widths: 22 33 45\n\n"
           << "   * - Trace source\n     - Callback signature\n     - Description\n";
        for (uint32_t i = 0; i < tid.GetTraceSourceN(); ++i)
        {
            const TypeId::TraceSourceInformation info = tid.GetTraceSource(i);
            os << "   * - ``" << info.name << "``\n     - ``" << info.callback << "``\n     - "
               << Escape(info.help) << "\n";
        }
        os << "\n";
    }
    os << "Without trace sources of their own: " << Enumerate(without) << ".\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string table = "attributes";
    ProgramOptions options("edge-dml-print-attributes",
                           "The attribute or trace-source tables of the edge-dml TypeIds, in "
                           "reStructuredText.");
    options.AddValue("table",
                     "Which tables: attributes or traces.",
                     table,
                     MakeChoiceChecker({"attributes", "traces"}));
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }
    std::cout << ".. Generated by utils/edge-dml-print-attributes from the TypeIds: do not edit.\n"
                 ".. Regenerate with: cmake --build build --target doc-tables\n\n";
    if (table == "attributes")
    {
        PrintAttributes(std::cout);
    }
    else
    {
        PrintTraces(std::cout);
    }
    std::cout << std::flush;
    return std::cout ? 0 : 1;
}
