// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_SOFTMAX_CROSS_ENTROPY_H
#define CODED_LEARNING_SOFTMAX_CROSS_ENTROPY_H

#include "learning-types.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Softmax cross-entropy on a block of logits, shared by the models.
 *
 * On return, if wantDelta, logits holds dLoss/dLogits = softmax(z) - onehot(y) per row.
 * \tparam T float or double
 * \param logits one row of class scores per sample (overwritten when wantDelta)
 * \param labels all labels of the data set
 * \param firstRow the data set row of logits' first row
 * \param wantDelta whether to compute the delta in place
 * \param correct if not null, the number of rows whose argmax equals the label is added
 * \return the summed loss
 */
template <typename T>
double
SoftmaxCrossEntropy(Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>& logits,
                    const std::vector<uint32_t>& labels,
                    uint32_t firstRow,
                    bool wantDelta,
                    uint64_t* correct)
{
    double loss = 0.0;
    const Eigen::Index classes = logits.cols();
    for (Eigen::Index i = 0; i < logits.rows(); ++i)
    {
        const uint32_t y = labels[firstRow + static_cast<uint32_t>(i)];
        Eigen::Index best = 0;
        const T zmax = logits.row(i).maxCoeff(&best);
        if (correct != nullptr && best == static_cast<Eigen::Index>(y))
        {
            ++*correct;
        }
        T sum = 0;
        for (Eigen::Index c = 0; c < classes; ++c)
        {
            sum += std::exp(logits(i, c) - zmax);
        }
        loss += static_cast<double>(std::log(sum) + zmax - logits(i, y));
        if (wantDelta)
        {
            for (Eigen::Index c = 0; c < classes; ++c)
            {
                logits(i, c) = std::exp(logits(i, c) - zmax) / sum;
            }
            logits(i, y) -= T(1);
        }
    }
    return loss;
}

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_SOFTMAX_CROSS_ENTROPY_H
