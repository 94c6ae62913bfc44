/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The closed forms of the system model, "Training link" against reference values computed
 * independently (Python's math module).
 */

#include "ns3/link-budget.h"

#include <gtest/gtest.h>

using namespace ns3::edgedml;

TEST(LinkBudget, PowerConversions)
{
    EXPECT_NEAR(DbmToW(30.0), 1.0, 1e-15);
    EXPECT_NEAR(DbmToW(0.0), 1e-3, 1e-18);
    EXPECT_NEAR(WToDbm(0.01), 10.0, 1e-12);
    EXPECT_NEAR(DbmToW(-174.0), 3.981071705534985e-21, 1e-33);
    EXPECT_NEAR(RatioToDb(100.0), 20.0, 1e-12);
    EXPECT_NEAR(DbToRatio(-3.0), 0.5011872336272722, 1e-15);
}

TEST(LinkBudget, NoiseSinrAndShannonRate)
{
    // N0 = -174 dBm/Hz over 1 MHz.
    EXPECT_NEAR(NoisePowerW(-174.0, 1e6), 3.981071705534985e-15, 1e-27);
    EXPECT_DOUBLE_EQ(Sinr(3e-8, 1e-8, 2e-8), 1.0);
    EXPECT_DOUBLE_EQ(ShannonRateBps(1e6, 1.0), 1e6);
    EXPECT_DOUBLE_EQ(ShannonRateBps(1e6, 3.0), 2e6);
    EXPECT_DOUBLE_EQ(ShannonRateBps(2e7, 0.0), 0.0);
}

// Packet error rate 1 - exp(-m / SNR) for m = 1.08 at reference SNRs.
TEST(LinkBudget, WaterfallReferenceTable)
{
    const struct
    {
        double snrDb;
        double per;
    } table[] = {
        {-5.0, 0.9671321358782876},
        {0.0, 0.6604044743550609},
        {3.0, 0.4179984757788554},
        {10.0, 0.10237240356956512},
        {20.0, 0.010741889386351788},
    };

    for (const auto& row : table)
    {
        EXPECT_NEAR(1.0 - WaterfallSuccessProbability(1.08, DbToRatio(row.snrDb)), row.per, 1e-13)
            << "SNR " << row.snrDb << " dB";
    }
    EXPECT_EQ(WaterfallSuccessProbability(1.08, 0.0), 0.0);
    EXPECT_EQ(WaterfallSuccessProbability(0.0, 0.5), 1.0);
}
