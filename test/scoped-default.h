/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TEST_SCOPED_DEFAULT_H
#define EDGE_DML_TEST_SCOPED_DEFAULT_H

#include "ns3/attribute.h"
#include "ns3/config.h"
#include "ns3/type-id.h"

#include <string>

namespace ns3
{
namespace edgedml
{

/// An attribute default set for a scope (Config::SetDefault), restored at its end.
class ScopedDefault
{
  public:
    /// \param path "ns3::Type::Attribute" \param value the default in the scope
    ScopedDefault(const std::string& path, const AttributeValue& value)
        : m_path(path)
    {
        const std::size_t colons = path.rfind("::");
        TypeId::AttributeInformation info;
        TypeId::LookupByName(path.substr(0, colons))
            .LookupAttributeByName(path.substr(colons + 2), &info);
        m_saved = info.initialValue->Copy();
        Config::SetDefault(path, value);
    }

    ~ScopedDefault()
    {
        Config::SetDefault(m_path, *m_saved);
    }

    ScopedDefault(const ScopedDefault&) = delete;
    ScopedDefault& operator=(const ScopedDefault&) = delete;

  private:
    std::string m_path;          //!< the attribute
    Ptr<AttributeValue> m_saved; //!< its default before
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TEST_SCOPED_DEFAULT_H */
