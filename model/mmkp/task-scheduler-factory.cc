/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "task-scheduler-factory.h"

#include "ns3/abort.h"
#include "ns3/derived-type-name.h"
#include "ns3/object-factory.h"

#include <sstream>

namespace ns3
{
namespace edgedml
{

const std::vector<std::string>&
GetTaskSchedulerShortNames()
{
    static const std::vector<std::string> names{"Random",
                                                "Greedy",
                                                "Tabu",
                                                "Annealing",
                                                "LocalSearch",
                                                "Exact"};
    return names;
}

bool
LookupTaskScheduler(const std::string& name, TypeId& tid, std::string& error)
{
    // The module's one rule for short names (DerivedTypeNameChecker uses it too).
    if (LookupDerivedTypeId(name, TaskScheduler::GetTypeId(), tid, error))
    {
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
