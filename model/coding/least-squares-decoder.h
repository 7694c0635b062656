// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LEAST_SQUARES_DECODER_H
#define CODED_LEARNING_LEAST_SQUARES_DECODER_H

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
 * Decoder of a linear gradient code B (rows = tasks, columns = blocks): finds a with
 * a^T B_F = 1^T for the received rows F by least squares,
 *
 *   a = argmin ||B_F^T a - 1||_2     (Eigen ColPivHouseholderQR of the c x |F| matrix B_F^T;
 *                                     minimum-norm CompleteOrthogonalDecomposition in
 *                                     BEST_EFFORT mode),
 *
 * and checks the residual r = B_F^T a - 1: ||r||_inf <= tolerance * max(1, ||B||_max).
 *
 * Nothing is solved before `threshold` rows are in (n - s for a code tolerating s
 * stragglers), so arrivals before that cost O(1). From the threshold on, one QR solve runs per
 * arrival until the decoder is decodable: O(c |F|^2), about 0.2 ms for c = 100.
 *
 * EXACT mode (cyclic repetition, partial, two-stage): decodable when the check passes; when
 * it fails the decoder waits for one more row and tries again; if it still fails with every
 * row in, it becomes decodable with exact = false and the residual reported (a numerical
 * failure of the code, never expected, but never a hang).
 * BEST_EFFORT mode (approximate codes, "optimal decoder"): decodable at the threshold with
 * the least-squares a; exact tells whether the check passed.
 */
class LeastSquaresDecoder : public CodeMatrixDecoder
{
  public:
    /// What to do when the residual check fails.
    enum class Mode
    {
        EXACT,      ///< wait for more rows
        BEST_EFFORT ///< decode anyway at the threshold and report the residual
    };

    /**
     * \param taskIds the task of each row of code
     * \param code B: rows = tasks, columns = the blocks whose sum is the target
     * \param threshold rows needed before the first solve, in [1, rows]
     * \param mode see above
     * \param tolerance relative residual tolerance (> 0; default 1e-6 in CodingParameters)
     */
    LeastSquaresDecoder(std::vector<uint32_t> taskIds,
                        std::shared_ptr<const Eigen::MatrixXd> code,
                        uint32_t threshold,
                        Mode mode,
                        double tolerance);

    /// \return the number of QR solves done so far (for tests of the fallback)
    uint32_t NumSolves() const
    {
        return m_solves;
    }

    /**
     * Least squares a^T rows ~= 1^T.
     * \param rows the received rows of B (|F| x c)
     * \param a receives the coefficients (|F|)
     * \param residual receives rows^T a - 1 (c)
     * \param rankThreshold if > 0, the minimum-norm solution of a complete orthogonal
     *        decomposition that treats pivots below rankThreshold * (largest pivot) as zero
     *        (rank-deficient codes); otherwise column-pivoting QR with Eigen's default threshold
     */
    static void Solve(const Eigen::MatrixXd& rows,
                      Eigen::VectorXd& a,
                      Eigen::VectorXd& residual,
                      double rankThreshold = -1.0);

    /// Relative rank threshold of BEST_EFFORT solves (approximate codes are often rank
    /// deficient, and round-off pivots would otherwise give huge coefficients).
    static constexpr double BEST_EFFORT_RANK_THRESHOLD = 1e-10;

  private:
    /// Solves with the rows received so far and freezes the result if allowed.
    void Decode() override;
    std::string Progress() const override;

    Mode m_mode;          //!< EXACT or BEST_EFFORT
    uint32_t m_solves{0}; //!< QR solves done
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_LEAST_SQUARES_DECODER_H
