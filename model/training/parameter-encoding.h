/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_PARAMETER_ENCODING_H
#define EDGE_DML_PARAMETER_ENCODING_H

#include "ns3/enum.h"

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief How model parameters are written into a packet payload.
 */
enum ParameterEncoding
{
    FLOAT32, //!< IEEE float32 little-endian, 4 bytes per parameter (the system model's Z)
    FLOAT64, //!< IEEE float64 little-endian, 8 bytes per parameter (exact)
};

/**
 * \param encoding the encoding
 * \return bytes per parameter (4 or 8)
 */
uint32_t GetBytesPerParameter(ParameterEncoding encoding);

/**
 * \brief Parameters as payload bytes.
 * \param parameters the vector
 * \param encoding the encoding
 * \return GetBytesPerParameter(encoding) * size bytes
 */
std::vector<uint8_t> EncodeParameters(const Eigen::VectorXd& parameters,
                                      ParameterEncoding encoding);

/**
 * \brief Inverse of EncodeParameters (exact for FLOAT64, float32 rounding for FLOAT32).
 * \param bytes a multiple of GetBytesPerParameter(encoding) bytes (aborts otherwise)
 * \param encoding the encoding
 * \return the vector
 */
Eigen::VectorXd DecodeParameters(const std::vector<uint8_t>& bytes, ParameterEncoding encoding);

/**
 * \brief The attribute checker of a ParameterEncoding attribute, shared by
 * the parameter server and the workers so that both accept the same names.
 * \return a checker accepting "Float32" and "Float64"
 */
Ptr<const AttributeChecker> MakeParameterEncodingChecker();

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_PARAMETER_ENCODING_H */
