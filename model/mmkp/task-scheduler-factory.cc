/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-scheduler-factory.h"

#include "ns3/abort.h"
#include "ns3/object-factory.h"

#include <sstream>

namespace ns3
{
namespace edgedml
{

const std::vector<std::string>&
GetTaskSchedulerShortNames()
{
    static const std::vector<std::string>
        names{"Random", "Greedy", "Tabu", "ExtendedTabu", "Annealing", "LocalSearch", "Exact"};
    return names;
}

namespace
{

/// Full TypeId name of a short name: ns3::edgedml::<Short>TaskScheduler.
std::string
FullName(const std::string& shortName)
{
    return "ns3::edgedml::" + shortName + "TaskScheduler";
}

} // namespace

bool
LookupTaskScheduler(const std::string& name, TypeId& tid, std::string& error)
{
    std::string full = name;
    for (const auto& s : GetTaskSchedulerShortNames())
    {
        if (name == s)
        {
            full = FullName(s);
        }
    }
    TypeId found;
    if (TypeId::LookupByNameFailSafe(full, &found) && found.IsChildOf(TaskScheduler::GetTypeId()) &&
        found.HasConstructor())
    {
        tid = found;
        return true;
    }
    std::ostringstream msg;
    msg << "unknown scheduler '" << name << "': use one of";
    for (const auto& s : GetTaskSchedulerShortNames())
    {
        msg << " " << s;
    }
    msg << " or the TypeId name of a subclass of ns3::edgedml::TaskScheduler";
    error = msg.str();
    return false;
}

Ptr<TaskScheduler>
CreateTaskScheduler(const std::string& name)
{
    TypeId tid;
    std::string error;
    NS_ABORT_MSG_UNLESS(LookupTaskScheduler(name, tid, error), error);
    ObjectFactory factory;
    factory.SetTypeId(tid);
    return factory.Create<TaskScheduler>();
}

Ptr<TaskScheduler>
CreateTaskScheduler(const std::string& name, std::string& error)
{
    TypeId tid;
    if (!LookupTaskScheduler(name, tid, error))
    {
        return nullptr;
    }
    ObjectFactory factory;
    factory.SetTypeId(tid);
    return factory.Create<TaskScheduler>();
}

} // namespace edgedml
} // namespace ns3
