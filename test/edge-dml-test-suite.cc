/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Bridge from ns-3's test framework to the module's GoogleTest tests, so that
 * in-tree `./test.py -s edge-dml` runs them. Standalone, ctest runs the same
 * tests directly and this suite is never invoked.
 */

#include "ns3/test.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;

/**
 * \ingroup edge-dml-tests
 * \brief Runs every GoogleTest test of the module and fails if any fails.
 */
class GoogleTestBridgeTestCase : public TestCase
{
  public:
    GoogleTestBridgeTestCase()
        : TestCase("All edge-dml GoogleTest tests")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<std::string> args{"edge-dml-test"};
        std::vector<char*> argv;
        for (auto& arg : args)
        {
            argv.push_back(arg.data());
        }
        int argc = static_cast<int>(argv.size());
        testing::InitGoogleTest(&argc, argv.data());
        const int failed = RUN_ALL_TESTS();
        NS_TEST_ASSERT_MSG_EQ(failed, 0, "GoogleTest reported failures; see the output above");
    }
};

/**
 * \ingroup edge-dml-tests
 * \brief The edge-dml test suite as ns-3's test-runner sees it.
 */
class EdgeDmlTestSuite : public TestSuite
{
  public:
    EdgeDmlTestSuite()
        : TestSuite("edge-dml", UNIT)
    {
        AddTestCase(new GoogleTestBridgeTestCase(), TestCase::QUICK);
    }
};

/// The static instance that registers the suite with ns-3's test-runner.
static EdgeDmlTestSuite g_edgeDmlTestSuite;
