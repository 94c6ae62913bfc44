/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_DERIVED_TYPE_NAME_H
#define EDGE_DML_DERIVED_TYPE_NAME_H

#include "ns3/string.h"
#include "ns3/type-id.h"

#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Find the constructible subclass of a base type that a user names.
 *
 * One rule for every replaceable part (schedulers, learning models, sync
 * policies, availability models, RB allocators, ...): the name is either a
 * full TypeId name (`ns3::edgedml::GreedyTaskScheduler`, also a user's own
 * type) or a short name. The short name of a type is its class name without
 * the trailing words it shares with the base class name (Greedy for
 * GreedyTaskScheduler under TaskScheduler, NSync for NSyncPolicy under
 * SyncPolicy, Mlp for MlpModel under LearningModel); a name also matches a
 * class name that starts with it at a word boundary (Markov for
 * MarkovOnOffAvailability), if only one does. Names are case-sensitive.
 *
 * \param name the name given
 * \param base the type the part must derive from
 * \param[out] tid the type found
 * \param[out] error when none or several match: why, with the valid names
 * \return whether exactly one constructible subclass of base matches
 */
bool LookupDerivedTypeId(const std::string& name, TypeId base, TypeId& tid, std::string& error);

/**
 * \ingroup edge-dml
 * \param base a base type
 * \return its constructible subclasses (registered TypeIds, the base itself
 *         if constructible), in registration order
 */
std::vector<TypeId> GetDerivedTypeIds(TypeId base);

/**
 * \ingroup edge-dml
 * \param tid a type
 * \param base one of its base types
 * \return the short name of tid under base (see LookupDerivedTypeId)
 */
std::string GetShortTypeName(TypeId tid, TypeId base);

/**
 * \ingroup edge-dml
 * \brief Checker of a StringValue attribute that names a subclass of a
 * base type (see LookupDerivedTypeId): Config::SetDefault, SetAttribute and
 * the programs' options refuse any other name.
 */
class DerivedTypeNameChecker : public StringChecker
{
  public:
    /// \param base the type the named part must derive from
    explicit DerivedTypeNameChecker(TypeId base);

    /// \return the base type
    TypeId GetBase() const;
    /**
     * \param name a name
     * \param[out] error why it names no subclass
     * \return whether it names one
     */
    bool CheckName(const std::string& name, std::string& error) const;

    // Inherited
    bool Check(const AttributeValue& value) const override;
    std::string GetValueTypeName() const override;
    bool HasUnderlyingTypeInformation() const override;
    std::string GetUnderlyingTypeInformation() const override;
    Ptr<AttributeValue> Create() const override;
    bool Copy(const AttributeValue& source, AttributeValue& destination) const override;

  private:
    TypeId m_base; //!< the base type
};

/**
 * \ingroup edge-dml
 * \tparam T the base type
 * \return a checker of StringValue attributes naming a subclass of T
 */
template <typename T>
Ptr<const AttributeChecker>
MakeDerivedTypeNameChecker()
{
    return Create<DerivedTypeNameChecker>(T::GetTypeId());
}

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_DERIVED_TYPE_NAME_H */
