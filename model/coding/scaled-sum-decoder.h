// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_SCALED_SUM_DECODER_H
#define CODED_LEARNING_SCALED_SUM_DECODER_H

#include "code-matrix-decoder.h"

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Estimate from the first k results with one fixed weight: g_hat = w * sum_{j in F} f_j,
 * |F| = k. Used by ignore-stragglers (k = n - s, w = n / (n - s)), k-sync (w = n / k) and
 * the fixed ("linear-time") decoder of approximate gradient coding. The residual
 * r = w * B_F^T 1 - 1 is reported; exact is true only when ||r||_inf passes the tolerance
 * (e.g. k = n with w = 1 on an uncoded assignment).
 */
class ScaledSumDecoder : public CodeMatrixDecoder
{
  public:
    /**
     * \param taskIds the task of each row of code
     * \param code rows = tasks, columns = blocks whose sum is the target
     * \param count k, in [1, number of tasks]
     * \param weight w (finite)
     * \param tolerance relative tolerance; the check is ||r||_inf <= tolerance * max(1, ||B||_max)
     */
    ScaledSumDecoder(std::vector<uint32_t> taskIds,
                     std::shared_ptr<const Eigen::MatrixXd> code,
                     uint32_t count,
                     double weight,
                     double tolerance);

  private:
    /// Freezes the scaled sum of the first count rows.
    void Decode() override;
    std::string Progress() const override;

    double m_weight; //!< w
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_SCALED_SUM_DECODER_H
