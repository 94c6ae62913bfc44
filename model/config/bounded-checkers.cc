/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bounded-checkers.h"

#include "ns3/double.h"

#include <limits>

namespace ns3
{
namespace edgedml
{

namespace
{

/// DoubleValue 0 or one another checker accepts.
class ZeroOrDoubleChecker : public AttributeChecker
{
  public:
    /// \param inner the checker of the non-zero values
    explicit ZeroOrDoubleChecker(Ptr<const AttributeChecker> inner)
        : m_inner(inner)
    {
    }

    bool Check(const AttributeValue& value) const override
    {
        const auto* v = dynamic_cast<const DoubleValue*>(&value);
        return v && (v->Get() == 0.0 || m_inner->Check(value));
    }

    std::string GetValueTypeName() const override
    {
        return "ns3::DoubleValue";
    }

    bool HasUnderlyingTypeInformation() const override
    {
        return true;
    }

    std::string GetUnderlyingTypeInformation() const override
    {
        // The inner checker's "double min:max" with the 0 put in front.
        const std::string inner = m_inner->GetUnderlyingTypeInformation();
        const std::size_t space = inner.find(' ');
        return space == std::string::npos
                   ? "double 0|" + inner
                   : inner.substr(0, space) + " 0|" + inner.substr(space + 1);
    }

    Ptr<AttributeValue> Create() const override
    {
        return ns3::Create<DoubleValue>();
    }

    bool Copy(const AttributeValue& source, AttributeValue& destination) const override
    {
        const auto* from = dynamic_cast<const DoubleValue*>(&source);
        auto* to = dynamic_cast<DoubleValue*>(&destination);
        if (!from || !to)
        {
            return false;
        }
        *to = *from;
        return true;
    }

  private:
    Ptr<const AttributeChecker> m_inner; //!< the checker of the non-zero values
};

} // namespace

Ptr<const AttributeChecker>
MakePositiveDoubleChecker(double max)
{
    return MakeDoubleChecker<double>(std::numeric_limits<double>::min(), max);
}

Ptr<const AttributeChecker>
MakeZeroOrDoubleChecker(Ptr<const AttributeChecker> inner)
{
    return Create<ZeroOrDoubleChecker>(inner);
}

} // namespace edgedml
} // namespace ns3
