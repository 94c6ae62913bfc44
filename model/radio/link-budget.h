/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LINK_BUDGET_H
#define EDGE_DML_LINK_BUDGET_H

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \defgroup edge-dml-link-budget Link budget
 * \brief The closed forms of the system model, "Training link", shared by the channel, the
 * error model, the examples and the tests so that each formula exists once.
 * @{
 */

/**
 * \brief Convert a power from dBm to watts.
 * \param dbm power in dBm
 * \return power in watts
 */
double DbmToW(double dbm);

/**
 * \brief Convert a power from watts to dBm.
 * \param watts power in watts (> 0)
 * \return power in dBm
 */
double WToDbm(double watts);

/**
 * \brief Convert a linear ratio to decibels.
 * \param ratio a ratio (> 0)
 * \return 10 log10(ratio)
 */
double RatioToDb(double ratio);

/**
 * \brief Convert decibels to a linear ratio.
 * \param db a value in dB
 * \return 10^(db / 10)
 */
double DbToRatio(double db);

/**
 * \brief Thermal noise power over a bandwidth.
 * \param densityDbmPerHz noise power spectral density N0, in dBm/Hz
 * \param bandwidthHz bandwidth, in Hz
 * \return N0 * B, in watts
 */
double NoisePowerW(double densityDbmPerHz, double bandwidthHz);

/**
 * \brief Signal-to-interference-plus-noise ratio.
 * \param rxPowerW received signal power, in watts
 * \param interferenceW interference power, in watts
 * \param noiseW noise power, in watts
 * \return rxPowerW / (interferenceW + noiseW), linear
 */
double Sinr(double rxPowerW, double interferenceW, double noiseW);

/**
 * \brief Shannon rate v = B log2(1 + SNR).
 * \param bandwidthHz bandwidth, in Hz
 * \param snr linear SNR
 * \return rate, in bit/s
 */
double ShannonRateBps(double bandwidthHz, double snr);

/**
 * \brief Waterfall-threshold success probability o = exp(-m / SNR).
 * \param threshold the waterfall threshold m (linear)
 * \param snr linear SNR (0 gives 0)
 * \return the probability that a transmission unit arrives intact
 */
double WaterfallSuccessProbability(double threshold, double snr);

/** @} */

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LINK_BUDGET_H */
