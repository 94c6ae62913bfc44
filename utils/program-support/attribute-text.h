/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_ATTRIBUTE_TEXT_H
#define EDGE_DML_ATTRIBUTE_TEXT_H

#include "ns3/attribute.h"
#include "ns3/type-id.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Parse a whole number strictly: "[+-]digits", or a finite decimal
 * or exponent form whose value is whole ("10.0", "1e3", as sweep tools pass
 * integers). Rejects "", "10.5", "abc", "0x10", blanks and "nan".
 * \param text the text
 * \param[out] value the number
 * \param[out] why when not a whole number: why not
 * \return whether text is a whole number within int64_t
 */
bool ParseInteger(const std::string& text, int64_t& value, std::string& why);

/**
 * \ingroup edge-dml
 * \brief Parse a finite real number strictly: decimal digits, sign, point
 * and exponent only (no "nan", "inf" or hexadecimal), the whole text.
 * \param text the text
 * \param[out] value the number
 * \param[out] why when not a finite number: why not
 * \return whether text is a finite number
 */
bool ParseReal(const std::string& text, double& value, std::string& why);

/**
 * \ingroup edge-dml
 * \brief The unit an option or attribute name announces by its suffix
 * (the module's naming rule): ...Hz, ...Mhz, ...W, ...J, ...S (seconds),
 * ...M (metres), ...Bytes, ...PerS.
 * \param name the name
 * \return the unit, or "" if the name has none
 */
std::string UnitOfName(const std::string& name);

/**
 * \ingroup edge-dml
 * \brief Check a value given as text against an attribute checker, as a
 * user gives it on a command line or in an environment variable, before
 * ns-3 parses it (ns-3 reads "1e20" into an integer as 1, aborts on an
 * unknown time unit or TypeId, and answers a malformed object description
 * with a fatal error).
 *
 * Handles integers, reals (also 0-or-range and > 0 checkers), booleans,
 * enums, times (with a unit, or a plain number in seconds), TypeIds, type
 * names (DerivedTypeNameChecker), object descriptions
 * `TypeName[Attribute=value|...]` for pointer and object-factory attributes
 * (checked recursively), and strings (which must not be empty). Values of
 * other kinds (addresses, ...) are left to ns-3's own parser.
 *
 * \param checker the checker
 * \param text the value
 * \param unit the unit for messages ("" for none)
 * \param[out] normalised on success, the value in the form ns-3 parses
 *             exactly (e.g. "10" for "10.0", a real with 17 digits)
 * \param[out] error on failure, what is wrong and what is valid, e.g.
 *             "must be >= 1 (Hz)" or "not a number; give a finite number in [0, 1]"
 * \return whether the value is valid
 */
bool CheckAttributeText(const AttributeChecker& checker,
                        const std::string& text,
                        const std::string& unit,
                        std::string& normalised,
                        std::string& error);

/**
 * \ingroup edge-dml
 * \brief What a checker accepts, for help texts and tables: "1 to 100000",
 * "> 0 to 1e+06", "0, or 0.001 to 1e+06", "Message, Packet", "true or
 * false", "a time >= 1e-09 s", ...
 * \param checker the checker
 * \return the description ("" if nothing useful can be said)
 */
std::string DescribeRange(const AttributeChecker& checker);

/**
 * \ingroup edge-dml
 * \brief The numeric bounds of a checker of integers, reals or times (in s).
 * \param checker the checker
 * \param[out] min the smallest valid value (for "> 0": the smallest normal double)
 * \param[out] max the largest valid value
 * \param[out] zeroToo whether 0 is also valid below min (a 0-or-range checker)
 * \return whether the checker has such bounds
 */
bool GetNumericBounds(const AttributeChecker& checker, double& min, double& max, bool& zeroToo);

/**
 * \ingroup edge-dml
 * \brief Split a comma-separated list; an empty item is an error.
 * \param text the list, e.g. "10,30"
 * \param[out] items the items
 * \return whether no item is empty
 */
bool SplitList(const std::string& text, std::vector<std::string>& items);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_ATTRIBUTE_TEXT_H */
