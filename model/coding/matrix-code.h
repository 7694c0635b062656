// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_MATRIX_CODE_H
#define CODED_LEARNING_MATRIX_CODE_H

#include "gradient-code.h"
#include "gradient-decoder.h"

#include <Eigen/Core>
#include <memory>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * A gradient code given by an n x n encoding matrix B over the n code blocks, one task per
 * worker: in every round worker i sends sum_j B_ij g_j, and the server decodes from the first
 * n - s results with the decoder the scheme makes from B (MakeDecoder()). Tolerates s
 * stragglers in the scheme's own sense (parameter stragglers).
 *
 * Subclasses: IgnoreStragglersCode (B = I), CyclicRepetitionCode, ApproximateCode. Each
 * constructor ends with SetCode().
 */
class MatrixCode : public GradientCode
{
  public:
    uint32_t StragglerTolerance() const override;
    std::unique_ptr<CodingRound> StartRound(uint32_t iteration,
                                            const CompletionHistory& history) final;

    /// \return the encoding matrix B
    const Eigen::MatrixXd& Matrix() const
    {
        return *m_b;
    }

  protected:
    /**
     * \param name the scheme name for error messages
     * \param params the parameters
     * \param partitioner the data partitions
     * \param rng the source of random draws (must outlive the code)
     */
    MatrixCode(const std::string& name,
               const CodingParameters& params,
               const DataPartitioner& partitioner,
               RandomSource& rng);

    /**
     * Sets the code (the last step of a subclass constructor).
     * \param b B, n x n
     * \param terms the task of each worker: worker i's entries of row i of B, in the order the
     *        worker sums them (see NonZeroTerms())
     */
    void SetCode(Eigen::MatrixXd b, std::vector<std::vector<CodedTerm>> terms);

    /**
     * \param b a matrix
     * \return the non-zero entries of each row of b, in column order
     */
    static std::vector<std::vector<CodedTerm>> NonZeroTerms(const Eigen::MatrixXd& b);

    /// Throws std::invalid_argument unless s < n.
    void RequireFewerStragglersThanWorkers() const;

    /**
     * The fixed decoder: n / needed times the sum of the first `needed` results
     * (ScaledSumDecoder on B).
     * \param tasks the task of each row of B
     * \param needed the results to wait for
     * \return the decoder
     */
    std::unique_ptr<GradientDecoder> MakeScaledSumDecoder(std::vector<uint32_t> tasks,
                                                          uint32_t needed) const;

    /// \return B, shared with the decoders
    const std::shared_ptr<const Eigen::MatrixXd>& SharedMatrix() const
    {
        return m_b;
    }

  private:
    /**
     * \param tasks the task of each row of B (worker i's task at index i)
     * \param needed n - s, the results to wait for
     * \return the decoder of one round
     */
    virtual std::unique_ptr<GradientDecoder> MakeDecoder(std::vector<uint32_t> tasks,
                                                         uint32_t needed) const = 0;

    std::shared_ptr<const Eigen::MatrixXd> m_b;  //!< B
    std::vector<std::vector<CodedTerm>> m_terms; //!< the task of each worker
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_MATRIX_CODE_H
