/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A user program against the installed module: builds a small knapsack
 * instance, solves it with the exact scheduler and prints the optimum.
 */

#include "ns3/core-module.h"
#include "ns3/edge-dml-module.h"

#include <iostream>

using namespace ns3;
using namespace ns3::edgedml;

int
main()
{
    // Two tasks, three servers, one capacity of 10: the optimum places task 0
    // on server 1 (value 5, weight 6) and task 1 on server 2 (value 4, weight 4).
    MmkpInstance instance({10.0});
    instance.SetResourcesDisjoint(true);
    instance.AddClass();
    instance.AddItem(3.0, {2.0}, 0);
    instance.AddItem(5.0, {6.0}, 1);
    instance.AddClass();
    instance.AddItem(4.0, {4.0}, 2);
    instance.AddItem(5.5, {7.0}, 1);
    Ptr<TaskScheduler> scheduler = CreateObject<ExactTaskScheduler>();
    const MmkpSolution solution = scheduler->Schedule(instance);
    std::cout << "value=" << solution.objective << std::endl;
    return 0;
}
