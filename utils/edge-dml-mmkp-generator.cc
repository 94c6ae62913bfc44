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
#include "program-options.h"
#include "text-checkers.h"

#include "ns3/boolean.h"
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
    std::string output = "instance.mmkp";
    const std::string prefix = "ns3::edgedml::MmkpInstanceGenerator::";
    ProgramOptions options("edge-dml-mmkp-generator",
                           "Write an MMKP instance of the classic correlated kind: weights "
                           "uniform integers in [0, maxWeight], value = sum of the weights + a "
                           "uniform integer in [0, valueNoise], capacity of a dimension = "
                           "capacityFraction x the sum over the classes of their largest "
                           "weight in it.");
    options.AddAttribute("classes", prefix + "Classes");
    options.AddAttribute("items", prefix + "ItemsPerClass");
    options.AddAttribute("dimensions", prefix + "Dimensions");
    options.AddAttribute("maxWeight", prefix + "MaxWeight");
    options.AddAttribute("valueNoise", prefix + "ValueNoise");
    options.AddAttribute("capacityFraction", prefix + "CapacityFraction");
    // The file format does not record it: solve with edge-dml-mmkp --strict=true.
    options.AddAttribute("strict", prefix + "MustAssignAll");
    options.AddValue("output",
                     "The file to write, in the current directory.",
                     output,
                     MakeFileNameChecker());
    if (auto status = options.Parse(argc, argv))
    {
        return *status;
    }

    Ptr<MmkpInstanceGenerator> generator = CreateObject<MmkpInstanceGenerator>();
    UintegerValue classes;
    UintegerValue items;
    UintegerValue dimensions;
    BooleanValue strict;
    generator->GetAttribute("Classes", classes);
    generator->GetAttribute("ItemsPerClass", items);
    generator->GetAttribute("Dimensions", dimensions);
    generator->GetAttribute("MustAssignAll", strict);
    const uint64_t cells = classes.Get() * items.Get() * (dimensions.Get() + 1);
    if (cells > 200000000)
    {
        return options.Fail("--classes x --items x (--dimensions + 1) = " + std::to_string(cells) +
                            " numbers is too large: at most 200000000 (about 2 GB of text)");
    }
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
    std::cout << "wrote " << output << ": " << classes.Get() << " classes x " << items.Get()
              << " items x " << dimensions.Get() << " dimensions"
              << (strict.Get() ? ", every class must take an item" : "") << std::endl;
    Simulator::Destroy();
    return 0;
}
