/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_BOUNDED_CHECKERS_H
#define EDGE_DML_BOUNDED_CHECKERS_H

#include "ns3/attribute.h"

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A DoubleValue checker for a finite value > 0 and <= max: the
 * lower bound is the smallest normal double, which the option parser and
 * the generated attribute tables write as "> 0".
 * \param max the largest valid value
 * \return the checker
 */
Ptr<const AttributeChecker> MakePositiveDoubleChecker(double max);

/**
 * \ingroup edge-dml
 * \brief A DoubleValue checker for 0 (the feature off) or a value another
 * checker accepts (e.g. a Dirichlet alpha: 0 for an IID split, else what
 * DirichletDataPartitioner::Alpha accepts). Its underlying type
 * information reads "double 0|min:max".
 * \param inner the checker of the non-zero values (a bounded DoubleValue checker)
 * \return the checker
 */
Ptr<const AttributeChecker> MakeZeroOrDoubleChecker(Ptr<const AttributeChecker> inner);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_BOUNDED_CHECKERS_H */
