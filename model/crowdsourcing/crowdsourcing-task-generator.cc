/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "crowdsourcing-task-generator.h"

#include "ns3/abort.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/string.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("CrowdsourcingTaskGenerator");
NS_OBJECT_ENSURE_REGISTERED(CrowdsourcingTaskGenerator);

TypeId
CrowdsourcingTaskGenerator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::CrowdsourcingTaskGenerator")
            .SetParent<Object>()
            .SetGroupName("EdgeDml")
            .AddConstructor<CrowdsourcingTaskGenerator>()
            .AddAttribute("DataBits",
                          "Input data D_j of a task, in bits.",
                          StringValue("ns3::UniformRandomVariable[Min=5e6|Max=20e6]"),
                          MakePointerAccessor(&CrowdsourcingTaskGenerator::m_dataBits),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("CyclesPerBit",
                          "Compute load per input bit kappa, in CPU cycles per bit: "
                          "C_j = kappa * D_j.",
                          DoubleValue(40.0),
                          MakeDoubleAccessor(&CrowdsourcingTaskGenerator::m_cyclesPerBit),
                          MakeDoubleChecker<double>(0.0, 1e12))
            .AddAttribute("DeadlineS",
                          "Deadline T_j of a task, in s.",
                          StringValue("ns3::UniformRandomVariable[Min=0.5|Max=2.0]"),
                          MakePointerAccessor(&CrowdsourcingTaskGenerator::m_deadlineS),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Value",
                          "Value phi_j of a task, in utility units.",
                          StringValue("ns3::UniformRandomVariable[Min=0.01|Max=0.03]"),
                          MakePointerAccessor(&CrowdsourcingTaskGenerator::m_value),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("PublisherTxPowerW",
                          "Transmit power p_j of a task's publisher, in W.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&CrowdsourcingTaskGenerator::m_publisherTxPowerW),
                          MakeDoubleChecker<double>(0.0, 1e6))
            .AddAttribute("PublisherPositionAllocator",
                          "Where publishers are, in m (by default uniform in the annulus "
                          "around the parameter server at the origin).",
                          StringValue("ns3::edgedml::AnnulusPositionAllocator"),
                          MakePointerAccessor(&CrowdsourcingTaskGenerator::m_position),
                          MakePointerChecker<PositionAllocator>());
    return tid;
}

CrowdsourcingTaskGenerator::CrowdsourcingTaskGenerator()
    : m_cyclesPerBit(40.0),
      m_publisherTxPowerW(0.1)
{
}

CrowdsourcingTaskGenerator::~CrowdsourcingTaskGenerator() = default;

void
CrowdsourcingTaskGenerator::DoDispose()
{
    m_dataBits = nullptr;
    m_deadlineS = nullptr;
    m_value = nullptr;
    m_position = nullptr;
    Object::DoDispose();
}

std::vector<CrowdsourcingTask>
CrowdsourcingTaskGenerator::Generate(uint32_t count) const
{
    NS_ABORT_MSG_UNLESS(m_dataBits && m_deadlineS && m_value && m_position,
                        "CrowdsourcingTaskGenerator: a distribution attribute is null");
    std::vector<CrowdsourcingTask> tasks;
    tasks.reserve(count);
    for (uint32_t j = 0; j < count; ++j)
    {
        CrowdsourcingTask task;
        task.dataBits = m_dataBits->GetValue();
        task.computeCycles = m_cyclesPerBit * task.dataBits;
        task.deadlineS = m_deadlineS->GetValue();
        task.value = m_value->GetValue();
        task.publisherTxPowerW = m_publisherTxPowerW;
        NS_ABORT_MSG_UNLESS(std::isfinite(task.dataBits) && task.dataBits >= 0.0,
                            "CrowdsourcingTaskGenerator: DataBits drew " << task.dataBits);
        NS_ABORT_MSG_UNLESS(std::isfinite(task.deadlineS) && task.deadlineS > 0.0,
                            "CrowdsourcingTaskGenerator: DeadlineS drew " << task.deadlineS);
        NS_ABORT_MSG_UNLESS(std::isfinite(task.value) && task.value >= 0.0,
                            "CrowdsourcingTaskGenerator: Value drew " << task.value);
        auto mobility = CreateObject<ConstantPositionMobilityModel>();
        mobility->SetPosition(m_position->GetNext());
        task.publisherMobility = mobility;
        tasks.push_back(task);
    }
    return tasks;
}

int64_t
CrowdsourcingTaskGenerator::AssignStreams(int64_t stream)
{
    NS_ABORT_MSG_UNLESS(m_dataBits && m_deadlineS && m_value && m_position,
                        "CrowdsourcingTaskGenerator: a distribution attribute is null");
    m_dataBits->SetStream(stream);
    m_deadlineS->SetStream(stream + 1);
    m_value->SetStream(stream + 2);
    return 3 + m_position->AssignStreams(stream + 3);
}

} // namespace edgedml
} // namespace ns3
