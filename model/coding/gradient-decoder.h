// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_GRADIENT_DECODER_H
#define CODED_LEARNING_GRADIENT_DECODER_H

#include "ns3/learning-types.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * The answer of a decoder: the gradient is sum_j coefficients[j] * f_{tasks[j]}.
 *
 * exact == true means that this sum is the full gradient sum_k g_k up to rounding (the
 * decode residual passed the tolerance check); exact == false means an estimate (ignore-
 * stragglers, k-sync, approximate codes, or a code that failed its numerical check even with
 * every result in), whose error is bounded by the residual: with r = B_F^T a - 1 (one entry
 * per block of the solved system), sum_j a_j f_j - g = sum_k r_k g_k.
 */
struct DecodeResult
{
    std::vector<uint32_t> tasks;      //!< task ids used
    std::vector<double> coefficients; //!< a_j, same order as tasks
    bool exact{false};                //!< exact recovery (see above)
    double residual{0.0};             //!< ||B_F^T a - 1||_2 over the solved system's blocks
    double maxResidual{0.0};          //!< ||B_F^T a - 1||_inf

    /**
     * \param results coded results indexed by task id (entries of unused tasks may be empty)
     * \return sum_j a_j results[tasks[j]]
     */
    DenseVector Combine(const std::vector<DenseVector>& results) const;
};

/**
 * \ingroup coded-learning
 * Decides, result by result, when the full gradient (or the scheme's estimate) can be formed
 * and with which coefficients. The first time it becomes decodable, the result is frozen:
 * later arrivals are recorded but do not change Result().
 *
 * Implementations: GroupDecoder (one result per group, uncoded / fractional repetition),
 * ScaledSumDecoder (first k results with a fixed weight), LeastSquaresDecoder (a^T B_F = 1
 * by QR with a residual check), AllOfDecoder (composite), SpanDecoder (row sets
 * added at any time, two-stage).
 */
class GradientDecoder
{
  public:
    virtual ~GradientDecoder() = default;

    /**
     * Report an arrival. Ids the decoder does not use are ignored.
     * \param taskId the task whose result arrived (each at most once)
     * \return IsDecodable()
     */
    virtual bool OnResult(uint32_t taskId) = 0;

    /// \return whether Result() is available
    virtual bool IsDecodable() const = 0;

    /// \return the frozen result (std::logic_error if not decodable yet)
    virtual const DecodeResult& Result() const = 0;

    /// \return the fewest results this decoder can ever decode with
    virtual uint32_t MinResults() const = 0;
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_GRADIENT_DECODER_H
