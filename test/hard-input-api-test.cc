/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Hard inputs through the public API: NaN, infinite, negative and huge
 * attribute values are rejected by the checkers of every edge-dml class;
 * the strict number parsing of the programs' options; unknown scheduler names
 * give a message, not an abort; damaged Fashion-MNIST files and malformed
 * MMKP files give a message naming the file; result files appear only when
 * complete (AtomicOutputFile). The command lines of the programs are tested
 * by the ctest cases of test/cmake/program-tests.cmake.
 */

#include "atomic-output-file.h"
#include "attribute-text.h"

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/exact-task-scheduler.h"
#include "ns3/idx-reader.h"
#include "ns3/integer.h"
#include "ns3/mmkp-file.h"
#include "ns3/object-factory.h"
#include "ns3/task-scheduler-factory.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Double attributes for which a negative value is meaningful (dB, dBm).
const std::set<std::string> NEGATIVE_ALLOWED{"ns3::edgedml::OfdmaChannel::NoiseDensityDbmPerHz",
                                             "ns3::edgedml::WaterfallErrorModel::FallbackSnrDb",
                                             "ns3::edgedml::TaskSchedulingProblem::"
                                             "NoiseDensityDbmPerHz"};

/// An attribute defined by a type of the module.
struct ModuleAttribute
{
    TypeId tid;                        //!< the defining type
    TypeId::AttributeInformation info; //!< the attribute
    std::string name;                  //!< "TypeId::Attribute"
};

/// \return the attributes the module's types define themselves, with a
/// value type among those listed \param valueType e.g. "ns3::DoubleValue"
std::vector<ModuleAttribute>
ModuleAttributes(const std::string& valueType)
{
    std::vector<ModuleAttribute> found;
    for (uint32_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        const TypeId tid = TypeId::GetRegistered(i);
        if (tid.GetGroupName() != "EdgeDml")
        {
            continue;
        }
        for (uint32_t a = 0; a < tid.GetAttributeN(); ++a)
        {
            const TypeId::AttributeInformation info = tid.GetAttribute(a);
            std::string type = info.checker->GetValueTypeName();
            if (type.rfind("ns3::", 0) != 0)
            {
                type = "ns3::" + type;
            }
            if (type == valueType)
            {
                found.push_back({tid, info, tid.GetName() + "::" + info.name});
            }
        }
    }
    return found;
}

/// \return the current default of an attribute, serialised
std::string
DefaultOf(const ModuleAttribute& a)
{
    return a.info.initialValue->SerializeToString(a.info.checker);
}

/// A scratch directory of its own under the test's working directory.
std::string
Scratch(const std::string& name)
{
    const std::string dir = "hard-input-" + name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// \return the contents of a file \param path the file
std::string
Slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

} // namespace

TEST(HardInputApi, EveryDoubleAttributeRejectsNanInfiniteHugeAndNegative)
{
    const std::vector<ModuleAttribute> attributes = ModuleAttributes("ns3::DoubleValue");
    // Not vacuous: the main classes are all there.
    std::set<std::string> types;
    for (const auto& a : attributes)
    {
        types.insert(a.tid.GetName());
    }
    for (const char* main : {"ns3::edgedml::OfdmaChannel",
                             "ns3::edgedml::OfdmaNetDevice",
                             "ns3::edgedml::WaterfallErrorModel",
                             "ns3::edgedml::EdgeServer",
                             "ns3::edgedml::EdgeServerEnergyModel",
                             "ns3::edgedml::AnnulusPositionAllocator",
                             "ns3::edgedml::TaskSchedulingProblem",
                             "ns3::edgedml::CrowdsourcingTaskGenerator",
                             "ns3::edgedml::ExactTaskScheduler",
                             "ns3::edgedml::TabuTaskScheduler",
                             "ns3::edgedml::AnnealingTaskScheduler",
                             "ns3::edgedml::LocalSearchTaskScheduler",
                             "ns3::edgedml::LearningModel",
                             "ns3::edgedml::LocalTrainer",
                             "ns3::edgedml::SyntheticDatasetGenerator",
                             "ns3::edgedml::DirichletDataPartitioner",
                             "ns3::edgedml::LogNormalShadowingLossModel"})
    {
        EXPECT_TRUE(types.count(main)) << main << " has no double attribute checked";
    }
    EXPECT_GE(attributes.size(), 50u); // 52 when written

    const double inf = std::numeric_limits<double>::infinity();
    for (const auto& a : attributes)
    {
        const std::string before = DefaultOf(a);
        std::vector<double> bad{std::nan(""), inf, -inf, 1e300, -1e300};
        if (!NEGATIVE_ALLOWED.count(a.name))
        {
            bad.push_back(-1.0);
        }
        for (double v : bad)
        {
            EXPECT_FALSE(a.info.checker->Check(DoubleValue(v))) << a.name << " accepts " << v;
            EXPECT_FALSE(Config::SetDefaultFailSafe(a.name, DoubleValue(v)))
                << "Config::SetDefault accepts " << a.name << "=" << v;
        }
        EXPECT_EQ(DefaultOf(a), before) << a.name << ": a rejected value changed the default";
    }
}

TEST(HardInputApi, SetAttributeFailSafeRejectsAndKeepsTheValue)
{
    const std::vector<ModuleAttribute> attributes = ModuleAttributes("ns3::DoubleValue");
    uint32_t objects = 0;
    for (const auto& a : attributes)
    {
        if (!a.tid.HasConstructor() || !(a.info.flags & TypeId::ATTR_SET))
        {
            continue;
        }
        ObjectFactory factory;
        factory.SetTypeId(a.tid);
        Ptr<Object> object = factory.Create();
        DoubleValue before;
        object->GetAttribute(a.info.name, before);
        for (double v : {std::nan(""), 1e300, -std::numeric_limits<double>::infinity()})
        {
            EXPECT_FALSE(object->SetAttributeFailSafe(a.info.name, DoubleValue(v)))
                << a.name << " accepts " << v;
        }
        DoubleValue after;
        object->GetAttribute(a.info.name, after);
        EXPECT_EQ(before.Get(), after.Get()) << a.name;
        object->Dispose();
        ++objects;
    }
    EXPECT_GE(objects, 30u);
}

TEST(HardInputApi, IntegerAttributesRejectValuesBeyondTheirType)
{
    uint32_t checked = 0;
    for (const auto& a : ModuleAttributes("ns3::UintegerValue"))
    {
        const std::string range = a.info.checker->GetUnderlyingTypeInformation();
        // Every count of the module fits its type; values beyond it are rejected.
        if (range.rfind("uint32_t", 0) == 0)
        {
            EXPECT_FALSE(a.info.checker->Check(UintegerValue(uint64_t(1) << 32))) << a.name;
            EXPECT_FALSE(Config::SetDefaultFailSafe(a.name, UintegerValue(uint64_t(1) << 40)))
                << a.name;
            ++checked;
        }
    }
    EXPECT_GE(checked, 30u);
    // Counts that size memory have ranges a machine can hold.
    for (const char* name : {"ns3::edgedml::LearningModel::NumFeatures",
                             "ns3::edgedml::LearningModel::NumClasses",
                             "ns3::edgedml::SyntheticDatasetGenerator::NumSamples",
                             "ns3::edgedml::MlpModel::HiddenUnits"})
    {
        EXPECT_FALSE(Config::SetDefaultFailSafe(name, UintegerValue(4294967295u))) << name;
    }
}

TEST(HardInputApi, CommandLineNumbersAreParsedStrictly)
{
    int64_t i = 0;
    std::string why;
    const std::vector<std::pair<std::string, int64_t>> whole{
        {"10", 10},
        {"+10", 10},
        {"-3", -3},
        {"10.0", 10},
        {"1e3", 1000},
        {"-0", 0},
        {"9223372036854775807", std::numeric_limits<int64_t>::max()}};
    for (const auto& [text, value] : whole)
    {
        ASSERT_TRUE(ParseInteger(text, i, why)) << text << ": " << why;
        EXPECT_EQ(i, value) << text;
    }
    const std::vector<std::pair<std::string, std::string>> notWhole{
        {"", "empty value"},
        {"10.5", "not a whole number"},
        {"1e-3", "not a whole number"},
        {"abc", "not a number"},
        {"0x10", "not a number"},
        {" 5", "not a number"},
        {"5 ", "not a number"},
        {"1e", "not a number"},
        {"nan", "not a number"},
        {"inf", "not a number"},
        {"1e400", "not a number"},
        {"9223372036854775808", "out of the 64-bit integer range"},
        {"1e20", "out of the 64-bit integer range"},
    };
    for (const auto& [text, reason] : notWhole)
    {
        EXPECT_FALSE(ParseInteger(text, i, why)) << text;
        EXPECT_EQ(why, reason) << text;
    }
    double x = 0;
    ASSERT_TRUE(ParseReal("1e300", x, why));
    EXPECT_EQ(x, 1e300);
    ASSERT_TRUE(ParseReal("-.5", x, why));
    EXPECT_EQ(x, -0.5);
    for (const std::string text : {"nan", "NaN", "-inf", "Infinity", "1e400"})
    {
        EXPECT_FALSE(ParseReal(text, x, why)) << text;
        EXPECT_EQ(why.rfind("not a finite number", 0), 0u) << text << ": " << why;
    }
    for (const std::string text : {"", "0x1p3", "1,5", "5m", "--1", "."})
    {
        EXPECT_FALSE(ParseReal(text, x, why)) << text;
    }
}

TEST(HardInputApi, UnknownSchedulerNamesGiveAMessage)
{
    for (const std::string name : {"NoSuch",
                                   "greedy", // case-sensitive
                                   "",
                                   "ns3::edgedml::OfdmaChannel",   // not a scheduler
                                   "ns3::edgedml::TaskScheduler"}) // abstract base
    {
        TypeId tid;
        std::string error;
        EXPECT_FALSE(LookupTaskScheduler(name, tid, error)) << name;
        EXPECT_NE(error.find("unknown scheduler '" + name + "'"), std::string::npos) << error;
        EXPECT_NE(error.find("Random Greedy Tabu Annealing LocalSearch Exact"), std::string::npos)
            << error;
        std::string createError;
        EXPECT_EQ(CreateTaskScheduler(name, createError), nullptr) << name;
        EXPECT_EQ(createError, error);
    }
    std::string error;
    Ptr<TaskScheduler> greedy = CreateTaskScheduler("Greedy", error);
    ASSERT_NE(greedy, nullptr) << error;
    EXPECT_EQ(greedy->GetInstanceTypeId().GetName(), "ns3::edgedml::GreedyTaskScheduler");
    Ptr<TaskScheduler> exact = CreateTaskScheduler("ns3::edgedml::ExactTaskScheduler", error);
    ASSERT_NE(exact, nullptr) << error;
    // The aborting variant is for names already validated; its message names the value.
    EXPECT_DEATH(CreateTaskScheduler("NoSuch"), "unknown scheduler 'NoSuch'");
}

TEST(HardInputApi, DamagedFashionMnistDirectoriesNameTheFile)
{
    const std::string source = FASHION_MNIST_DEFAULT_DIRECTORY;
    const std::vector<std::string> files{"train-images-idx3-ubyte.gz",
                                         "train-labels-idx1-ubyte.gz",
                                         "t10k-images-idx3-ubyte.gz",
                                         "t10k-labels-idx1-ubyte.gz"};
    if (!std::filesystem::exists(source + "/" + files[0]))
    {
        GTEST_SKIP() << "the Debian package dataset-fashion-mnist is not installed";
    }
    namespace fs = std::filesystem;
    const std::string full = Slurp(source + "/" + files[0]);

    struct Case
    {
        std::string name;                   //!< directory
        std::string damaged;                //!< the file replaced (or removed)
        std::optional<std::string> content; //!< its new content; none: removed
        std::string expected;               //!< substring of the error
    };

    const std::vector<Case> cases{
        {"truncated-stream", files[0], full.substr(0, full.size() / 2), "truncated"},
        {"truncated-header", files[0], full.substr(0, 20), ""},
        {"empty", files[0], std::string(), ""},
        {"not-gzip", files[0], std::string("hello\n"), "gzip"},
        {"missing-test-labels", files[3], std::nullopt, "cannot open the file"},
        // The test images where the training images belong: 10,000 samples, not 60,000.
        {"wrong-count", files[0], Slurp(source + "/" + files[2]), "60000"},
    };
    for (const Case& c : cases)
    {
        const std::string dir = Scratch("fashion-" + c.name);
        for (const auto& f : files)
        {
            if (f != c.damaged)
            {
                fs::create_symlink(source + "/" + f, dir + "/" + f);
            }
        }
        if (c.content)
        {
            std::ofstream(dir + "/" + c.damaged, std::ios::binary) << *c.content;
        }
        // Read everything so that the damage is reached.
        const FashionMnistReadResult r = ReadFashionMnist(dir);
        EXPECT_FALSE(r.train && r.test) << c.name;
        EXPECT_NE(r.error.find(dir + "/" + c.damaged), std::string::npos)
            << c.name << ": " << r.error;
        EXPECT_NE(r.error.find(c.expected), std::string::npos) << c.name << ": " << r.error;
        EXPECT_EQ(r.error.find('\n'), std::string::npos) << "one line: " << r.error;
    }
}

TEST(HardInputApi, MalformedMmkpFilesGiveAMessageWithoutExhaustingMemory)
{
    const std::string dir = Scratch("mmkp");
    std::string garbage(4096, '\0');
    for (std::size_t k = 0; k < garbage.size(); ++k)
    {
        garbage[k] = static_cast<char>((k * 7919) % 256);
    }

    const struct
    {
        std::string name;
        std::string text;
        std::string expected;
    } cases[] = {
        // Counts beyond int32 are refused before anything is allocated.
        {"classes", "4000000000 2\n10 8\n", "line 1: number of classes '4000000000'"},
        {"classes-exp", "1e9 2\n", "line 1: number of classes '1e9'"},
        {"dimensions", "1 4000000000\n", "line 1: number of dimensions '4000000000'"},
        {"items", "1 1\n5\n4000000000\n", "line 3: item count '4000000000' of class 1"},
        // Announced counts that the file does not hold end in a premature end.
        {"many-items", "1 1\n5\n2000000000\n1 1\n", "premature end of file: expected item 2"},
        {"value", "1 1\n5\n1\n1e300 1\n", "value of item 1 of class 1 is '1e300'"},
        {"negative-value", "1 1\n5\n1\n-2e15 1\n", "within +-1e15"},
        {"capacity", "1 1\n1e16\n1\n1 1\n", "capacity 1 is '1e16'"},
        {"garbage", garbage, "line 1"},
    };

    for (const auto& c : cases)
    {
        const std::string path = dir + "/" + c.name + ".mmkp";
        std::ofstream(path, std::ios::binary) << c.text;
        const MmkpReadResult r = ReadMmkpFile(path);
        EXPECT_FALSE(r.instance) << c.name;
        EXPECT_EQ(r.error.rfind(path + ": ", 0), 0u) << c.name << ": " << r.error;
        EXPECT_NE(r.error.find(c.expected), std::string::npos) << c.name << ": " << r.error;
    }
    // A directory is not a file.
    const MmkpReadResult directory = ReadMmkpFile(dir);
    EXPECT_FALSE(directory.instance);
    EXPECT_NE(directory.error.find(dir + ": "), std::string::npos) << directory.error;
    // A huge weight is fine: the item can never be chosen (and is dropped on request).
    std::ofstream(dir + "/heavy.mmkp") << "1 1\n5\n2\n1 1e300\n2 3\n";
    MmkpReadOptions options;
    options.dropOversizedItems = true;
    const MmkpReadResult heavy = ReadMmkpFile(dir + "/heavy.mmkp", options);
    ASSERT_TRUE(heavy.instance) << heavy.error;
    EXPECT_EQ(heavy.instance->GetNumItems(), 1u);
    auto exact = CreateObject<ExactTaskScheduler>();
    EXPECT_EQ(exact->Schedule(*heavy.instance).objective, 2.0);
}

TEST(HardInputApi, ExactSchedulerNamesValuesBeyondCbcsRange)
{
    MmkpInstance instance({10.0});
    instance.AddClass();
    instance.AddItem(1e30, {1.0});
    auto exact = CreateObject<ExactTaskScheduler>();
    // Without the check CLP fails an assertion of its own ("fabs(obj[i]) < 1.0e25").
    EXPECT_DEATH(exact->Schedule(instance), "item 0 has value 1e\\+30, beyond CBC's range");
}

TEST(HardInputApi, AtomicOutputFilesAppearOnlyWhenComplete)
{
    const std::string dir = Scratch("atomic");
    const std::string path = dir + "/result.csv";
    {
        AtomicOutputFile file(path);
        ASSERT_TRUE(file.IsOpen());
        file.Stream() << "a,b\n1,2\n";
        EXPECT_FALSE(std::filesystem::exists(path)); // only the partial file so far
        EXPECT_TRUE(std::filesystem::exists(file.GetTemporaryPath()));
        EXPECT_EQ(file.GetTemporaryPath(), path + "." + std::to_string(getpid()) + ".partial");
        std::string error;
        ASSERT_TRUE(file.Commit(error)) << error;
    }
    EXPECT_EQ(Slurp(path), "a,b\n1,2\n");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir),
                            std::filesystem::directory_iterator()),
              1); // no partial file left

    // Not committed (an error or an exception on the way): nothing is left.
    const std::string failed = dir + "/failed.csv";
    std::string partial;
    {
        AtomicOutputFile file(failed);
        file.Stream() << "half";
        partial = file.GetTemporaryPath();
        EXPECT_TRUE(std::filesystem::exists(partial));
    }
    EXPECT_FALSE(std::filesystem::exists(failed));
    EXPECT_FALSE(std::filesystem::exists(partial));

    // A directory that does not exist: a message naming the file, no file.
    AtomicOutputFile nowhere(dir + "/no-such-dir/x.csv");
    EXPECT_FALSE(nowhere.IsOpen());
    std::string error;
    EXPECT_FALSE(nowhere.Commit(error));
    EXPECT_NE(error.find("no-such-dir/x.csv: cannot create"), std::string::npos) << error;

    // A file another writer was to produce, but did not.
    PendingOutputFile image(dir + "/plot.png");
    EXPECT_FALSE(image.Commit(error));
    EXPECT_NE(error.find("plot.png: was not written"), std::string::npos) << error;
    EXPECT_FALSE(std::filesystem::exists(dir + "/plot.png"));
    // ... and one it did produce.
    {
        PendingOutputFile trace(dir + "/trace.pcap");
        std::ofstream(trace.GetTemporaryPath()) << "data";
        ASSERT_TRUE(trace.Commit(error)) << error;
    }
    EXPECT_EQ(Slurp(dir + "/trace.pcap"), "data");
}
