/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mmkp-instance-generator.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("MmkpInstanceGenerator");
NS_OBJECT_ENSURE_REGISTERED(MmkpInstanceGenerator);

TypeId
MmkpInstanceGenerator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::MmkpInstanceGenerator")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<MmkpInstanceGenerator>()
            .AddAttribute("Classes",
                          "Number of classes q of a generated instance.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&MmkpInstanceGenerator::m_classes),
                          MakeUintegerChecker<uint32_t>(0, 10000000))
            .AddAttribute("ItemsPerClass",
                          "Number of items l of every class.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&MmkpInstanceGenerator::m_itemsPerClass),
                          MakeUintegerChecker<uint32_t>(1, 100000))
            .AddAttribute("Dimensions",
                          "Number of capacity dimensions m.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&MmkpInstanceGenerator::m_dimensions),
                          MakeUintegerChecker<uint32_t>(1, 1000))
            .AddAttribute("MaxWeight",
                          "Largest weight: every weight is a uniform integer in [0, MaxWeight] "
                          "(weight units).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&MmkpInstanceGenerator::m_maxWeight),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("ValueNoise",
                          "Largest noise added to an item's value, which is the sum of its "
                          "weights plus a uniform integer in [0, ValueNoise] (value units).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&MmkpInstanceGenerator::m_valueNoise),
                          MakeUintegerChecker<uint32_t>(0, 1000000000))
            .AddAttribute("CapacityFraction",
                          "Capacity of a dimension as a fraction of the sum over the classes of "
                          "their largest weight in that dimension (0.5: about half the demand "
                          "of the heaviest choice).",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&MmkpInstanceGenerator::m_capacityFraction),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("MustAssignAll",
                          "Whether every class must take exactly one item (the standard kind) "
                          "or may take none.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmkpInstanceGenerator::m_mustAssignAll),
                          MakeBooleanChecker());
    return tid;
}

MmkpInstanceGenerator::MmkpInstanceGenerator()
    : m_rng(CreateObject<UniformRandomVariable>())
{
}

MmkpInstanceGenerator::~MmkpInstanceGenerator() = default;

void
MmkpInstanceGenerator::DoDispose()
{
    m_rng = nullptr;
    Object::DoDispose();
}

int64_t
MmkpInstanceGenerator::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

MmkpInstance
MmkpInstanceGenerator::Generate()
{
    NS_LOG_FUNCTION(this << m_classes << m_itemsPerClass << m_dimensions);
    const uint32_t q = m_classes;
    const uint32_t l = m_itemsPerClass;
    const uint32_t m = m_dimensions;
    std::vector<double> weights(static_cast<std::size_t>(q) * l * m);
    std::vector<double> values(static_cast<std::size_t>(q) * l);
    std::vector<double> classMaxSum(m, 0.0);
    std::vector<double> classMax(m);
    for (uint32_t j = 0; j < q; ++j)
    {
        std::fill(classMax.begin(), classMax.end(), 0.0);
        for (uint32_t k = 0; k < l; ++k)
        {
            const std::size_t item = static_cast<std::size_t>(j) * l + k;
            double total = 0.0;
            for (uint32_t d = 0; d < m; ++d)
            {
                const double w = m_rng->GetInteger(0, m_maxWeight);
                weights[item * m + d] = w;
                total += w;
                classMax[d] = std::max(classMax[d], w);
            }
            values[item] = total + m_rng->GetInteger(0, m_valueNoise);
        }
        for (uint32_t d = 0; d < m; ++d)
        {
            classMaxSum[d] += classMax[d];
        }
    }
    std::vector<double> capacities(m);
    for (uint32_t d = 0; d < m; ++d)
    {
        capacities[d] = std::floor(m_capacityFraction * classMaxSum[d]);
    }
    MmkpInstance instance(capacities);
    instance.Reserve(q, values.size());
    instance.SetMustAssignAll(m_mustAssignAll);
    std::vector<double> w(m);
    for (uint32_t j = 0; j < q; ++j)
    {
        instance.AddClass();
        for (uint32_t k = 0; k < l; ++k)
        {
            const std::size_t item = static_cast<std::size_t>(j) * l + k;
            std::copy_n(weights.begin() + item * m, m, w.begin());
            instance.AddItem(values[item], w);
        }
    }
    return instance;
}

} // namespace edgedml
} // namespace ns3
