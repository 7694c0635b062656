// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LEARNING_TYPES_H
#define CODED_LEARNING_LEARNING_TYPES_H

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace ns3
{
/**
 * \ingroup coded-learning
 * Pure (Simulator-free) learning and coding code of the coded-learning module.
 */
namespace coded
{

/// Parameter and gradient vectors are double precision so that coded combinations decode
/// exactly; the per-sample arithmetic inside a model may run in float (see Precision).
using DenseVector = Eigen::VectorXd;

/// Samples are rows; row-major so that a range of samples is one contiguous block.
using FeatureMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Arithmetic used for the per-sample work of a model.
enum class Precision
{
    FLOAT32, ///< features and activations in float, sums returned in double (default)
    FLOAT64  ///< everything in double (slower; used by the gradient checks)
};

/**
 * \ingroup coded-learning
 * A half-open range [begin, end) of sample (row) indices.
 */
struct RowRange
{
    uint32_t begin{0}; ///< first row
    uint32_t end{0};   ///< one past the last row

    /// \return the number of rows in the range
    uint32_t Size() const
    {
        return end - begin;
    }
};

/**
 * \param a a range
 * \param b a range
 * \return whether they have the same bounds
 */
inline bool
operator==(const RowRange& a, const RowRange& b)
{
    return a.begin == b.begin && a.end == b.end;
}

/**
 * \param a a range
 * \param b a range
 * \return whether their bounds differ
 */
inline bool
operator!=(const RowRange& a, const RowRange& b)
{
    return !(a == b);
}

/// A set of samples as a list of disjoint row ranges (a partition, a block, or a union).
using RowSet = std::vector<RowRange>;

/**
 * \param rows a row set
 * \return the number of rows in it
 */
inline uint64_t
RowCount(const RowSet& rows)
{
    uint64_t n = 0;
    for (const auto& r : rows)
    {
        n += r.Size();
    }
    return n;
}

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_LEARNING_TYPES_H
