// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_MINI_BATCH_H
#define CODED_LEARNING_MINI_BATCH_H

#include "learning-types.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \brief The samples of one mini-batch SGD iteration, drawn as a function of a seed only.
 *
 * Sample() draws batchSize distinct rows of a data set of numSamples rows uniformly without
 * replacement (a partial Fisher-Yates shuffle fed by SeededRandomSource(seed)), so the same
 * (numSamples, batchSize, seed) gives the same rows on every host. Gradient codes stay exact
 * with mini-batches when every block's gradient is computed on Restrict(block rows): the
 * restriction of disjoint blocks is disjoint, of a union is the union, and the sum over the
 * partitions is the gradient over exactly the batch, whichever workers computed the blocks.
 * A default-constructed MiniBatch is the full batch (Restrict() returns its input).
 */
class MiniBatch
{
  public:
    /// The full batch.
    MiniBatch() = default;

    /**
     * \param numSamples rows of the data set, >= 1
     * \param batchSize rows to draw, in [1, numSamples] (std::invalid_argument otherwise,
     *        naming the value); batchSize == numSamples gives every row
     * \param seed the seed
     * \return the mini-batch
     */
    static MiniBatch Sample(uint32_t numSamples, uint32_t batchSize, uint64_t seed);

    /// \return whether this is the full batch (default-constructed)
    bool IsFull() const
    {
        return m_full;
    }

    /// \return the drawn rows, ascending (empty for the full batch)
    const std::vector<uint32_t>& Rows() const
    {
        return m_rows;
    }

    /**
     * \param numSamples rows of the data set
     * \return the number of rows of the batch (numSamples for the full batch)
     */
    uint32_t Size(uint32_t numSamples) const
    {
        return m_full ? numSamples : static_cast<uint32_t>(m_rows.size());
    }

    /**
     * \param rows a set of disjoint ranges
     * \return the rows of the batch inside rows, as ascending ranges with consecutive rows
     *         merged (possibly empty); rows itself for the full batch
     */
    RowSet Restrict(const RowSet& rows) const;

  private:
    bool m_full{true};            //!< the full batch
    std::vector<uint32_t> m_rows; //!< the drawn rows, ascending
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_MINI_BATCH_H
