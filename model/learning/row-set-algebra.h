// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ROW_SET_ALGEBRA_H
#define CODED_LEARNING_ROW_SET_ALGEBRA_H

#include "learning-types.h"

/**
 * \file
 * \ingroup coded-learning
 * Set operations on RowSets (lists of half-open row ranges). Every result is normal: ranges
 * sorted by begin, non-empty, disjoint and not adjacent (adjacent ranges are merged). The
 * arguments may be in any order and may overlap.
 */

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \param rows a row set
 * \return the same rows in normal form
 */
RowSet NormalizeRows(RowSet rows);

/**
 * \ingroup coded-learning
 * \param a a row set
 * \param b a row set
 * \return a union b
 */
RowSet UniteRows(const RowSet& a, const RowSet& b);

/**
 * \ingroup coded-learning
 * \param a a row set
 * \param b a row set
 * \return a intersect b
 */
RowSet IntersectRows(const RowSet& a, const RowSet& b);

/**
 * \ingroup coded-learning
 * \param a a row set
 * \param b a row set
 * \return the rows of a that are not in b
 */
RowSet SubtractRows(const RowSet& a, const RowSet& b);

/**
 * \ingroup coded-learning
 * \param outer a row set
 * \param inner a row set
 * \return whether every row of inner is in outer
 */
bool ContainsRows(const RowSet& outer, const RowSet& inner);

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ROW_SET_ALGEBRA_H
