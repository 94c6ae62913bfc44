/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A user program that names the module only by TypeId strings: it must
 * still find the module's types (the package keeps the library linked).
 */

#include "ns3/core-module.h"

#include <iostream>

using namespace ns3;

int
main()
{
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe("ns3::edgedml::GreedyTaskScheduler", &tid))
    {
        std::cerr << "ns3::edgedml::GreedyTaskScheduler is not registered\n";
        return 1;
    }
    ObjectFactory factory(tid.GetName());
    Ptr<Object> scheduler = factory.Create();
    std::cout << "created " << scheduler->GetInstanceTypeId().GetName() << std::endl;
    return 0;
}
