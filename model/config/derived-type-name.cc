/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "derived-type-name.h"

#include <cctype>
#include <sstream>

namespace ns3
{
namespace edgedml
{

namespace
{

/// \return the class name of a TypeId name (after the last "::") \param name the name
std::string
ClassName(const std::string& name)
{
    const std::size_t colons = name.rfind("::");
    return colons == std::string::npos ? name : name.substr(colons + 2);
}

/// \return the CamelCase words of a class name (NSyncPolicy: N, Sync, Policy) \param name it
std::vector<std::string>
Words(const std::string& name)
{
    std::vector<std::string> words;
    for (std::size_t i = 0; i < name.size(); ++i)
    {
        const bool upper = std::isupper(static_cast<unsigned char>(name[i]));
        const bool startsWord =
            i == 0 ||
            (upper &&
             (!std::isupper(static_cast<unsigned char>(name[i - 1])) ||
              (i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1])))));
        if (startsWord)
        {
            words.emplace_back();
        }
        words.back() += name[i];
    }
    return words;
}

/// \return whether prefix starts name at a word boundary \param prefix it \param name the name
bool
StartsWord(const std::string& prefix, const std::string& name)
{
    return name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
           std::isupper(static_cast<unsigned char>(name[prefix.size()]));
}

/// \return what a base's parts are called in messages: the last word of its
/// class name, in lower case (TaskScheduler: scheduler) \param base the base
std::string
Family(TypeId base)
{
    std::string word = Words(ClassName(base.GetName())).back();
    for (auto& c : word)
    {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return word;
}

/// \return the short names of the subclasses of base, for messages \param base it
std::string
ValidNames(TypeId base)
{
    std::ostringstream os;
    os << "use one of";
    for (const TypeId& tid : GetDerivedTypeIds(base))
    {
        os << " " << GetShortTypeName(tid, base);
    }
    os << " or the TypeId name of a subclass of " << base.GetName();
    return os.str();
}

} // namespace

std::vector<TypeId>
GetDerivedTypeIds(TypeId base)
{
    std::vector<TypeId> found;
    for (uint32_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        const TypeId tid = TypeId::GetRegistered(i);
        if ((tid == base || tid.IsChildOf(base)) && tid.HasConstructor())
        {
            found.push_back(tid);
        }
    }
    return found;
}

std::string
GetShortTypeName(TypeId tid, TypeId base)
{
    const std::string className = ClassName(tid.GetName());
    const std::vector<std::string> words = Words(className);
    const std::vector<std::string> baseWords = Words(ClassName(base.GetName()));
    std::size_t shared = 0;
    while (shared + 1 < words.size() && shared < baseWords.size() &&
           words[words.size() - 1 - shared] == baseWords[baseWords.size() - 1 - shared])
    {
        ++shared;
    }
    // Strip the shared words, fewer if the rest would also start another
    // subclass's name (NSyncPolicy: NSync, as N starts NBatchSyncPolicy).
    const std::vector<TypeId> siblings = GetDerivedTypeIds(base);
    for (;; --shared)
    {
        std::string name;
        for (std::size_t w = 0; w + shared < words.size(); ++w)
        {
            name += words[w];
        }
        bool clash = false;
        for (const TypeId& sibling : siblings)
        {
            const std::string other = ClassName(sibling.GetName());
            clash = clash || (sibling != tid && (other == name || StartsWord(name, other)));
        }
        if (!clash || shared == 0)
        {
            return name;
        }
    }
}

bool
LookupDerivedTypeId(const std::string& name, TypeId base, TypeId& tid, std::string& error)
{
    TypeId found;
    if (TypeId::LookupByNameFailSafe(name, &found))
    {
        if ((found == base || found.IsChildOf(base)) && found.HasConstructor())
        {
            tid = found;
            return true;
        }
        error = "unknown " + Family(base) + " '" + name + "' (not a constructible subclass of " +
                base.GetName() + "): " + ValidNames(base);
        return false;
    }
    std::vector<TypeId> exact;
    std::vector<TypeId> prefix;
    if (!name.empty())
    {
        for (const TypeId& candidate : GetDerivedTypeIds(base))
        {
            const std::string className = ClassName(candidate.GetName());
            if (name == className || name == GetShortTypeName(candidate, base))
            {
                exact.push_back(candidate);
            }
            else if (StartsWord(name, className))
            {
                prefix.push_back(candidate);
            }
        }
    }
    const std::vector<TypeId>& matches = exact.empty() ? prefix : exact;
    if (matches.size() == 1)
    {
        tid = matches.front();
        return true;
    }
    if (matches.empty())
    {
        error = "unknown " + Family(base) + " '" + name + "': " + ValidNames(base);
        return false;
    }
    error = "'" + name + "' is ambiguous: it names";
    for (const TypeId& match : matches)
    {
        error += " " + match.GetName();
    }
    return false;
}

DerivedTypeNameChecker::DerivedTypeNameChecker(TypeId base)
    : m_base(base)
{
}

TypeId
DerivedTypeNameChecker::GetBase() const
{
    return m_base;
}

bool
DerivedTypeNameChecker::CheckName(const std::string& name, std::string& error) const
{
    TypeId tid;
    return LookupDerivedTypeId(name, m_base, tid, error);
}

bool
DerivedTypeNameChecker::Check(const AttributeValue& value) const
{
    const auto* text = dynamic_cast<const StringValue*>(&value);
    std::string error;
    return text && CheckName(text->Get(), error);
}

std::string
DerivedTypeNameChecker::GetValueTypeName() const
{
    return "ns3::StringValue";
}

bool
DerivedTypeNameChecker::HasUnderlyingTypeInformation() const
{
    return true;
}

std::string
DerivedTypeNameChecker::GetUnderlyingTypeInformation() const
{
    std::string names;
    for (const TypeId& tid : GetDerivedTypeIds(m_base))
    {
        names += (names.empty() ? "" : ", ") + GetShortTypeName(tid, m_base);
    }
    return names + " or a subclass of " + m_base.GetName();
}

Ptr<AttributeValue>
DerivedTypeNameChecker::Create() const
{
    return ns3::Create<StringValue>();
}

bool
DerivedTypeNameChecker::Copy(const AttributeValue& source, AttributeValue& destination) const
{
    const auto* from = dynamic_cast<const StringValue*>(&source);
    auto* to = dynamic_cast<StringValue*>(&destination);
    if (!from || !to)
    {
        return false;
    }
    *to = *from;
    return true;
}

} // namespace edgedml
} // namespace ns3
