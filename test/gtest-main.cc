/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Entry point of the standalone GoogleTest binary (edge-dml-test), run by
 * ctest. In-tree, the same tests run inside ns-3's test-runner through the
 * bridge in edge-dml-test-suite.cc instead.
 */

#include <gtest/gtest.h>

int
main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
