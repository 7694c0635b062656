// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_SPAN_DECODER_H
#define CODED_LEARNING_SPAN_DECODER_H

#include "gradient-decoder.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Decoder of results that are linear combinations of summed gradients over arbitrary row
 * sets, with tasks added at any time (two-stage: the stage-1 groups first, the coded stage-2
 * rows when stage 2 starts). It decodes the full gradient (the sum over every row of
 * [0, N)) as soon as the received results allow it, whichever mix of results that takes:
 * stage-1 results alone, the finished stage-1 groups with a decode of stage 2, or late stage-1
 * results together with stage-2 rows (algorithms.md c.3 step 9, the "mixed" decode).
 *
 * The atoms are the maximal row intervals that no term of a received task cuts; a received
 * task is the row vector of its coefficients over the atoms. The results decode iff the
 * all-ones vector lies in the span of those rows: a = argmin ||A^T a - 1||_2 by column-pivoting
 * QR (LeastSquaresDecoder::Solve) with the residual check ||A^T a - 1||_inf <= tolerance *
 * max(1, max |A|). An atom no received task touches makes the check fail without a solve.
 */
class SpanDecoder : public GradientDecoder
{
  public:
    /// One term of a task: coefficient times the summed gradient over rows.
    struct Term
    {
        RowSet rows;             //!< the rows (within [0, N))
        double coefficient{1.0}; //!< the coefficient (finite)
    };

    /**
     * \param numSamples N >= 1: the target is the sum over rows [0, N)
     * \param tolerance the relative residual tolerance (> 0)
     */
    SpanDecoder(uint32_t numSamples, double tolerance);

    /**
     * Registers a task (before its result arrives).
     * \param taskId its id (not registered before)
     * \param terms its terms (at least one; rows within [0, N), finite coefficients)
     */
    void AddTask(uint32_t taskId, std::vector<Term> terms);

    bool OnResult(uint32_t taskId) override;
    bool IsDecodable() const override;
    const DecodeResult& Result() const override;

    /// \return 1: one task may cover every row
    uint32_t MinResults() const override;

    /// \return the number of QR solves so far (arrivals that covered every atom)
    uint32_t NumSolves() const
    {
        return m_solves;
    }

  private:
    /// Decides with the results received so far.
    void TryDecode();

    uint32_t m_numSamples;                         //!< N
    double m_tolerance;                            //!< relative tolerance
    std::map<uint32_t, std::vector<Term>> m_tasks; //!< registered tasks
    std::vector<uint32_t> m_received;              //!< registered tasks received, in order
    bool m_decodable{false};                       //!< frozen
    DecodeResult m_result;                         //!< frozen result
    uint32_t m_solves{0};                          //!< QR solves
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_SPAN_DECODER_H
