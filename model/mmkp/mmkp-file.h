/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_FILE_H
#define EDGE_DML_MMKP_FILE_H

#include "mmkp-instance.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \defgroup edge-dml-mmkp-file MMKP text format
 * \brief Reading and writing the standard MMKP text format:
 *
 *     classes dimensions
 *     capacity_1 ... capacity_m
 *     items_of_class_1
 *     value weight_1 ... weight_m      (one line per item)
 *     ...
 *     items_of_class_2
 *     ...
 *
 * Counts are non-negative integers (dimensions >= 1), weights finite and
 * >= 0, capacities in [0, 1e15] and values in [-1e15, 1e15] (the range the
 * exact solver handles; an item heavier than a capacity can never be
 * chosen, so its weights may be larger). Tokens on a line are separated by blanks;
 * blank lines are skipped; a trailing '\\r' is ignored. The format has no
 * base value (constant objective term) and no resources: see
 * MmkpReadOptions::resourcesByPosition.
 * @{
 */

/**
 * \brief How to interpret a file.
 */
struct MmkpReadOptions
{
    /// Item k of every class is tied to resource k and resources are
    /// disjoint (the layout WriteMmkp uses for the task-scheduling problem:
    /// item k = edge server k).
    bool resourcesByPosition{false};
    /// Every class must get exactly one item (the Strict preset).
    bool mustAssignAll{false};
    /// Leave out items whose weight alone exceeds a capacity: they can never
    /// be chosen, so the optimum is unchanged (WriteMmkp writes such items as
    /// placeholders for absent (task, server) pairs).
    bool dropOversizedItems{false};
};

/**
 * \brief What ReadMmkp returns: an instance, or an error message.
 */
struct MmkpReadResult
{
    std::optional<MmkpInstance> instance; //!< the instance, when the file is valid
    std::string error;                    //!< when not: "<source>: line N: what is wrong"
};

/**
 * \brief Read an instance from a stream; never aborts on bad input.
 * \param in the stream
 * \param sourceName name used in error messages (e.g. the file name)
 * \param options how to interpret the data
 * \return the instance or an error naming the line
 */
MmkpReadResult ReadMmkp(std::istream& in,
                        const std::string& sourceName,
                        const MmkpReadOptions& options = MmkpReadOptions());

/**
 * \brief Read an instance from a file.
 * \param path the file
 * \param options how to interpret the data
 * \return the instance or an error (also when the file cannot be opened)
 */
MmkpReadResult ReadMmkpFile(const std::string& path,
                            const MmkpReadOptions& options = MmkpReadOptions());

/**
 * \brief Write an instance, with max_digits10 precision so that reading it
 * back gives exactly the same numbers.
 *
 * Without resourcesByPosition the items are written as they are (resources
 * and base value are not part of the format). With resourcesByPosition every
 * class gets GetNumResources() lines, line k being its item on resource k;
 * a resource the class has no item for is written as a placeholder item of
 * value 0 whose every weight exceeds its capacity, so that reading with
 * resourcesByPosition and dropOversizedItems restores the instance (except
 * its base value).
 * \param out the stream
 * \param instance the instance
 * \param resourcesByPosition write the positional layout
 * \param[out] error why the instance cannot be written (positional layout
 *             needs every item on a resource, distinct within its class, and
 *             capacities below 1e300)
 * \return whether it was written
 */
bool WriteMmkp(std::ostream& out,
               const MmkpInstance& instance,
               bool resourcesByPosition,
               std::string& error);

/**
 * \brief Write an instance to a file; see WriteMmkp.
 * \param path the file
 * \param instance the instance
 * \param resourcesByPosition write the positional layout
 * \param[out] error why it failed
 * \return whether it was written
 */
bool WriteMmkpFile(const std::string& path,
                   const MmkpInstance& instance,
                   bool resourcesByPosition,
                   std::string& error);

/** @} */

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_FILE_H */
