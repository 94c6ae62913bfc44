/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-instance.h"

#include "ns3/abort.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ns3
{
namespace edgedml
{

MmkpInstance::MmkpInstance(std::vector<double> capacities)
    : m_capacities(std::move(capacities)),
      m_classStart{0}
{
    for (std::size_t d = 0; d < m_capacities.size(); ++d)
    {
        NS_ABORT_MSG_UNLESS(std::isfinite(m_capacities[d]) && m_capacities[d] >= 0.0,
                            "MmkpInstance: capacity " << d << " is " << m_capacities[d]
                                                      << "; it must be finite and >= 0");
    }
}

uint32_t
MmkpInstance::AddClass()
{
    m_classStart.push_back(m_classStart.back());
    return GetNumClasses() - 1;
}

int64_t
MmkpInstance::AddItem(double value, const std::vector<double>& weights, int32_t resource)
{
    NS_ABORT_MSG_IF(GetNumClasses() == 0, "MmkpInstance::AddItem before any AddClass");
    NS_ABORT_MSG_UNLESS(weights.size() == m_capacities.size(),
                        "MmkpInstance::AddItem: " << weights.size() << " weights for "
                                                  << m_capacities.size() << " dimensions");
    NS_ABORT_MSG_UNLESS(std::isfinite(value), "MmkpInstance::AddItem: value is " << value);
    for (double w : weights)
    {
        NS_ABORT_MSG_UNLESS(std::isfinite(w) && w >= 0.0,
                            "MmkpInstance::AddItem: weight " << w << " must be finite and >= 0");
    }
    NS_ABORT_MSG_UNLESS(resource >= NO_RESOURCE, "MmkpInstance::AddItem: resource " << resource);
    const int64_t item = static_cast<int64_t>(m_values.size());
    m_values.push_back(value);
    m_weights.insert(m_weights.end(), weights.begin(), weights.end());
    m_resources.push_back(resource);
    if (resource != NO_RESOURCE)
    {
        m_numResources = std::max(m_numResources, static_cast<uint32_t>(resource) + 1);
    }
    ++m_classStart.back();
    return item;
}

void
MmkpInstance::Reserve(uint32_t classes, std::size_t items)
{
    m_classStart.reserve(classes + 1);
    m_values.reserve(items);
    m_weights.reserve(items * m_capacities.size());
    m_resources.reserve(items);
}

void
MmkpInstance::DeclareResources(uint32_t count)
{
    m_numResources = std::max(m_numResources, count);
}

void
MmkpInstance::SetResourcesDisjoint(bool disjoint)
{
    m_disjoint = disjoint;
}

void
MmkpInstance::SetMustAssignAll(bool all)
{
    m_mustAssignAll = all;
}

void
MmkpInstance::SetBaseValue(double value)
{
    m_baseValue = value;
}

const std::vector<double>&
MmkpInstance::GetCapacities() const
{
    return m_capacities;
}

uint32_t
MmkpInstance::GetClassOf(int64_t item) const
{
    // The last class start <= item, skipping empty classes.
    auto it = std::upper_bound(m_classStart.begin(), m_classStart.end() - 1, item);
    return static_cast<uint32_t>(std::distance(m_classStart.begin(), it) - 1);
}

uint32_t
MmkpInstance::GetNumResources() const
{
    return m_numResources;
}

bool
MmkpInstance::AreResourcesDisjoint() const
{
    return m_disjoint;
}

bool
MmkpInstance::MustAssignAll() const
{
    return m_mustAssignAll;
}

double
MmkpInstance::GetBaseValue() const
{
    return m_baseValue;
}

double
MmkpInstance::Evaluate(const std::vector<int64_t>& assignment) const
{
    double total = m_baseValue;
    for (int64_t item : assignment)
    {
        if (item != REJECTED)
        {
            total += m_values[item];
        }
    }
    return total;
}

MmkpCheck
CheckMmkpAssignment(const MmkpInstance& instance,
                    const std::vector<int64_t>& assignment,
                    double relativeTolerance)
{
    MmkpCheck check;
    auto fail = [&check](const std::string& reason) {
        check.feasible = false;
        check.reason = reason;
        return check;
    };
    const uint32_t classes = instance.GetNumClasses();
    if (assignment.size() != classes)
    {
        std::ostringstream os;
        os << "assignment has " << assignment.size() << " entries for " << classes << " classes";
        return fail(os.str());
    }
    const uint32_t dims = instance.GetNumDimensions();
    std::vector<double> load(dims, 0.0);
    std::vector<int64_t> owner(instance.GetNumResources(), MmkpInstance::REJECTED);
    for (uint32_t j = 0; j < classes; ++j)
    {
        const int64_t item = assignment[j];
        std::ostringstream os;
        if (item == MmkpInstance::REJECTED)
        {
            if (instance.MustAssignAll())
            {
                os << "class " << j << " is not assigned but every class must be";
                return fail(os.str());
            }
            continue;
        }
        if (item < instance.GetFirstItem(j) || item >= instance.GetEndItem(j))
        {
            os << "class " << j << " is assigned item " << item
               << " which is not one of its items [" << instance.GetFirstItem(j) << ", "
               << instance.GetEndItem(j) << ")";
            return fail(os.str());
        }
        for (uint32_t d = 0; d < dims; ++d)
        {
            load[d] += instance.GetWeight(item, d);
        }
        const int32_t resource = instance.GetResource(item);
        if (instance.AreResourcesDisjoint() && resource != MmkpInstance::NO_RESOURCE)
        {
            if (owner[resource] != MmkpInstance::REJECTED)
            {
                os << "classes " << owner[resource] << " and " << j << " both use resource "
                   << resource;
                return fail(os.str());
            }
            owner[resource] = j;
        }
    }
    for (uint32_t d = 0; d < dims; ++d)
    {
        const double capacity = instance.GetCapacity(d);
        const double slack = relativeTolerance * std::max(capacity, 1.0);
        if (load[d] > capacity + slack)
        {
            std::ostringstream os;
            os.precision(17);
            os << "dimension " << d << " load " << load[d] << " exceeds capacity " << capacity;
            return fail(os.str());
        }
    }
    return check;
}

} // namespace edgedml
} // namespace ns3
