/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * edge-dml-mmkp-generator: write MMKP instances of the classic correlated
 * kind (every class takes exactly one item, values grow with the total
 * weight, capacities about half of the demand of the heaviest choice) in
 * the standard MMKP text format, for edge-dml-mmkp and other MMKP solvers.
 *
 *   edge-dml-mmkp-generator --classes=400 --items=10 --dimensions=10
 *                           --output=hard-400.mmkp [--RngRun=N]
 *
 * The construction is MmkpInstanceGenerator's (see its documentation): the
 * same --RngSeed, --RngRun and options give the same file. Bad input: one
 * line on stderr and exit status 2; the file appears only when complete.
 */

#include "atomic-output-file.h"
#include "command-line-checks.h"

#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/double.h"
#include "ns3/mmkp-file.h"
#include "ns3/mmkp-instance-generator.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <iostream>
#include <string>

using namespace ns3;
using namespace ns3::edgedml;

int
main(int argc, char* argv[])
{
    uint32_t classes = 100;
    uint32_t items = 10;
    uint32_t dimensions = 10;
    uint32_t maxWeight = 100;
    uint32_t valueNoise = 100;
    double capacityFraction = 0.5;
    bool strict = true;
    std::string output = "instance.mmkp";

    CommandLine cmd(__FILE__);
    CommandLineChecks check("edge-dml-mmkp-generator");
    cmd.Usage("Write an MMKP instance of the classic correlated kind: weights uniform "
              "integers in [0, maxWeight], value = sum of the weights + a uniform integer in "
              "[0, valueNoise], capacity of a dimension = capacityFraction x the sum over the "
              "classes of their largest weight in it.");
    check.AddInteger(cmd, "classes", "number of classes", classes, 1, 1000000, "classes");
    check.AddInteger(cmd, "items", "items per class", items, 1, 10000, "items");
    check.AddInteger(cmd, "dimensions", "capacity dimensions", dimensions, 1, 1000, "dimensions");
    check.AddInteger(cmd, "maxWeight", "largest weight", maxWeight, 1, 1000000, "");
    check.AddInteger(cmd,
                     "valueNoise",
                     "largest noise added to a value",
                     valueNoise,
                     0,
                     1000000000,
                     "");
    check.AddDouble(cmd,
                    "capacityFraction",
                    "capacity as a fraction of the summed class maxima",
                    capacityFraction,
                    0.0,
                    1.0,
                    "");
    check.AddBool(cmd,
                  "strict",
                  "every class must take an item (the file format does not record it: solve "
                  "with edge-dml-mmkp --strict=true)",
                  strict);
    check.AddOutputFileName(cmd, "output", "the file to write", output);
    check.Parse(cmd, argc, argv);
    const uint64_t cells = static_cast<uint64_t>(classes) * items * (dimensions + 1);
    if (cells > 200000000)
    {
        check.Fail("--classes x --items x (--dimensions + 1) = " + std::to_string(cells) +
                   " numbers is too large: at most 200000000 (about 2 GB of text)");
    }

    Ptr<MmkpInstanceGenerator> generator = CreateObject<MmkpInstanceGenerator>();
    generator->SetAttribute("Classes", UintegerValue(classes));
    generator->SetAttribute("ItemsPerClass", UintegerValue(items));
    generator->SetAttribute("Dimensions", UintegerValue(dimensions));
    generator->SetAttribute("MaxWeight", UintegerValue(maxWeight));
    generator->SetAttribute("ValueNoise", UintegerValue(valueNoise));
    generator->SetAttribute("CapacityFraction", DoubleValue(capacityFraction));
    generator->SetAttribute("MustAssignAll", BooleanValue(strict));
    generator->AssignStreams(0);
    const MmkpInstance instance = generator->Generate();

    AtomicOutputFile file(output);
    std::string error;
    if (!file.IsOpen() || !WriteMmkp(file.Stream(), instance, false, error) || !file.Commit(error))
    {
        std::cerr << "edge-dml-mmkp-generator: cannot write --output=" << output << ": "
                  << (error.empty() ? "the file cannot be opened" : error) << std::endl;
        return 1;
    }
    std::cout << "wrote " << output << ": " << classes << " classes x " << items << " items x "
              << dimensions << " dimensions" << (strict ? ", every class must take an item" : "")
              << std::endl;
    Simulator::Destroy();
    return 0;
}
