// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ROW_GRADIENT_TABLE_H
#define CODED_LEARNING_ROW_GRADIENT_TABLE_H

#include "ns3/learning-types.h"
#include "ns3/random-source.h"

#include <Eigen/Core>
#include <vector>

namespace ns3
{
namespace coded
{

class IterationPlan;

/**
 * \ingroup coded-learning
 * Synthetic per-sample "gradients" for checking codes without a model: one random vector
 * per row (N(0,1) entries plus a per-table offset, so that sums do not cancel), stored as
 * prefix sums, so that the summed gradient of any RowSet costs O(ranges * d). Tests and the
 * benchmark use it to encode every task of a plan and to compare a decode with the exact
 * full gradient.
 */
class RowGradientTable
{
  public:
    /**
     * \param numRows N >= 1
     * \param dimension d >= 1
     * \param rng source of the draws
     */
    RowGradientTable(uint32_t numRows, uint32_t dimension, RandomSource& rng);

    /// \return N
    uint32_t NumRows() const
    {
        return static_cast<uint32_t>(m_prefix.rows() - 1);
    }

    /**
     * \param rows a row set within [0, N)
     * \return the sum of the rows' vectors
     */
    DenseVector Sum(const RowSet& rows) const;

    /// \return the sum over all rows (the "full gradient")
    DenseVector Total() const;

    /**
     * \param plan a plan over rows of this table
     * \return the coded result of every task of the plan, indexed by task id
     */
    std::vector<DenseVector> EncodeAll(const IterationPlan& plan) const;

  private:
    Eigen::MatrixXd m_prefix; //!< row r = sum of rows [0, r)
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ROW_GRADIENT_TABLE_H
