/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "parameter-encoding.h"

#include "ns3/abort.h"
#include "ns3/learning-model.h"

#include <cstring>

namespace ns3
{
namespace edgedml
{

uint32_t
GetBytesPerParameter(ParameterEncoding encoding)
{
    return encoding == ParameterEncoding::FLOAT64 ? 8 : 4;
}

std::vector<uint8_t>
EncodeParameters(const Eigen::VectorXd& parameters, ParameterEncoding encoding)
{
    if (encoding == ParameterEncoding::FLOAT32)
    {
        return SerializeParameters(parameters);
    }
    std::vector<uint8_t> bytes(8 * static_cast<std::size_t>(parameters.size()));
    for (Eigen::Index k = 0; k < parameters.size(); ++k)
    {
        const double value = parameters[k];
        uint64_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        for (int b = 0; b < 8; ++b)
        {
            bytes[8 * k + b] = static_cast<uint8_t>(bits >> (8 * b));
        }
    }
    return bytes;
}

Eigen::VectorXd
DecodeParameters(const std::vector<uint8_t>& bytes, ParameterEncoding encoding)
{
    if (encoding == ParameterEncoding::FLOAT32)
    {
        return DeserializeParameters(bytes);
    }
    NS_ABORT_MSG_IF(bytes.size() % 8 != 0,
                    "DecodeParameters: " << bytes.size()
                                         << " bytes are not a whole number of float64 values");
    Eigen::VectorXd parameters(bytes.size() / 8);
    for (Eigen::Index k = 0; k < parameters.size(); ++k)
    {
        uint64_t bits = 0;
        for (int b = 0; b < 8; ++b)
        {
            bits |= static_cast<uint64_t>(bytes[8 * k + b]) << (8 * b);
        }
        double value;
        std::memcpy(&value, &bits, sizeof value);
        parameters[k] = value;
    }
    return parameters;
}

Ptr<const AttributeChecker>
MakeParameterEncodingChecker()
{
    return MakeEnumChecker(ParameterEncoding::FLOAT32,
                           "Float32",
                           ParameterEncoding::FLOAT64,
                           "Float64");
}

} // namespace edgedml
} // namespace ns3
