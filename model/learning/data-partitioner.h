// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_DATA_PARTITIONER_H
#define CODED_LEARNING_DATA_PARTITIONER_H

#include "learning-types.h"

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Splits N samples into K partitions of contiguous rows whose sizes differ by at most one
 * (the first N mod K partitions get one extra sample), and partitions or unions of them into
 * sub-blocks at sample granularity.
 *
 * Partitions are contiguous so that a model reads them without copies. For random
 * partitions, shuffle the data set once (Dataset::Gather with RandomSource::Permutation)
 * before partitioning: the result is then determined by the seed of that source.
 */
class DataPartitioner
{
  public:
    /**
     * \param numSamples N, >= numPartitions
     * \param numPartitions K, >= 1
     */
    DataPartitioner(uint32_t numSamples, uint32_t numPartitions);

    /// \return K
    uint32_t NumPartitions() const
    {
        return m_numPartitions;
    }

    /// \return N
    uint32_t NumSamples() const
    {
        return m_numSamples;
    }

    /**
     * \param k the partition, < K
     * \return its rows
     */
    RowRange Partition(uint32_t k) const;

    /**
     * \param partitions partition indices (each < K, no repeats)
     * \return the union of their rows, in the given order
     */
    RowSet Union(const std::vector<uint32_t>& partitions) const;

    /**
     * Split a row set into m near-equal pieces (sizes differ by at most one) at sample
     * granularity, preserving order; a piece may span several ranges.
     * \param rows the rows to split
     * \param m the number of pieces, 1 <= m <= RowCount(rows)
     * \param j which piece, < m
     * \return piece j
     */
    static RowSet Split(const RowSet& rows, uint32_t m, uint32_t j);

  private:
    uint32_t m_numSamples;    //!< N
    uint32_t m_numPartitions; //!< K
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_DATA_PARTITIONER_H
