/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Out-of-range attribute values are rejected: through the fail-safe API, by
 * Config::SetDefault (what --ns3::...=value on a command line uses), and with
 * a message naming the attribute when set through the fatal API.
 */

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/edge-dml-module.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::edgedml;

namespace
{

/// Object type, attribute, a rejected value and the accepted default.
struct Case
{
    std::string type;
    std::string attribute;
    double bad;
};

const Case CASES[] = {
    {"ns3::edgedml::OfdmaChannel", "ResourceBlockBandwidthHz", -1e6},
    {"ns3::edgedml::OfdmaChannel", "ResourceBlockBandwidthHz", 0.0},
    {"ns3::edgedml::OfdmaChannel", "DownlinkBandwidthHz", -20e6},
    {"ns3::edgedml::OfdmaChannel", "DownlinkInterferenceW", -1e-7},
    {"ns3::edgedml::OfdmaNetDevice", "TxPowerW", -0.01},
    {"ns3::edgedml::WaterfallErrorModel", "WaterfallThreshold", -1.08},
    {"ns3::edgedml::EdgeServer", "CpuFrequencyHz", 0.0},
    {"ns3::edgedml::EdgeServer", "CpuFrequencyHz", -2e9},
    {"ns3::edgedml::EdgeServerEnergyModel", "TrainingCapacitanceJs2PerCycle", -1e-27},
};

Ptr<Object>
Make(const std::string& type)
{
    ObjectFactory factory(type);
    return factory.Create();
}

} // namespace

TEST(AttributeValidation, NegativeValuesAreRejectedFailSafe)
{
    for (const auto& c : CASES)
    {
        Ptr<Object> object = Make(c.type);
        DoubleValue before;
        object->GetAttribute(c.attribute, before);
        EXPECT_FALSE(object->SetAttributeFailSafe(c.attribute, DoubleValue(c.bad)))
            << c.type << "::" << c.attribute << " accepted " << c.bad;
        DoubleValue after;
        object->GetAttribute(c.attribute, after);
        EXPECT_EQ(before.Get(), after.Get()) << c.type << "::" << c.attribute << " changed";
        EXPECT_FALSE(Config::SetDefaultFailSafe(c.type + "::" + c.attribute, DoubleValue(c.bad)))
            << "Config::SetDefault accepted " << c.type << "::" << c.attribute << "=" << c.bad;
    }
}

TEST(AttributeValidation, RejectionNamesTheAttribute)
{
    auto channel = CreateObject<OfdmaChannel>();
    EXPECT_DEATH(channel->SetAttribute("ResourceBlockBandwidthHz", DoubleValue(-1.0)),
                 "ResourceBlockBandwidthHz could not be set");
    auto device = CreateObject<OfdmaNetDevice>();
    EXPECT_DEATH(device->SetAttribute("TxPowerW", DoubleValue(-0.5)), "TxPowerW could not be set");
}

TEST(AttributeValidation, DefaultsAreTheModelValues)
{
    auto channel = CreateObject<OfdmaChannel>();
    DoubleValue value;
    channel->GetAttribute("ResourceBlockBandwidthHz", value);
    EXPECT_EQ(value.Get(), 1e6);
    channel->GetAttribute("DownlinkBandwidthHz", value);
    EXPECT_EQ(value.Get(), 20e6);
    channel->GetAttribute("NoiseDensityDbmPerHz", value);
    EXPECT_EQ(value.Get(), -174.0);
    channel->GetAttribute("DownlinkInterferenceW", value);
    EXPECT_EQ(value.Get(), 1.8e-7);
    auto device = CreateObject<OfdmaNetDevice>();
    device->GetAttribute("TxPowerW", value);
    EXPECT_EQ(value.Get(), 0.01);
    auto energy = CreateObject<EdgeServerEnergyModel>();
    energy->GetAttribute("TrainingCapacitanceJs2PerCycle", value);
    EXPECT_EQ(value.Get(), 1e-27);
}
