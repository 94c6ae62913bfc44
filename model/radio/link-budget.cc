/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "link-budget.h"

#include <cmath>

namespace ns3
{
namespace edgedml
{

double
DbmToW(double dbm)
{
    return std::pow(10.0, (dbm - 30.0) / 10.0);
}

double
WToDbm(double watts)
{
    return 10.0 * std::log10(watts) + 30.0;
}

double
RatioToDb(double ratio)
{
    return 10.0 * std::log10(ratio);
}

double
DbToRatio(double db)
{
    return std::pow(10.0, db / 10.0);
}

double
NoisePowerW(double densityDbmPerHz, double bandwidthHz)
{
    return DbmToW(densityDbmPerHz) * bandwidthHz;
}

double
Sinr(double rxPowerW, double interferenceW, double noiseW)
{
    return rxPowerW / (interferenceW + noiseW);
}

double
ShannonRateBps(double bandwidthHz, double snr)
{
    return bandwidthHz * std::log2(1.0 + snr);
}

double
WaterfallSuccessProbability(double threshold, double snr)
{
    if (snr <= 0.0)
    {
        return 0.0;
    }
    return std::exp(-threshold / snr);
}

} // namespace edgedml
} // namespace ns3
