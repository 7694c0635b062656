// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CYCLIC_REPETITION_CODE_H
#define CODED_LEARNING_CYCLIC_REPETITION_CODE_H

#include "matrix-code.h"

#include <Eigen/Core>
#include <memory>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Cyclic repetition gradient code ("cyclic-repetition", Tandon et al. ICML 2017, random
 * construction of their code, algorithms.md b.1). Worker i holds code blocks i..i+s (mod n).
 *
 * Construction (Construct()): draw H (s x n) with N(0,1) entries in the first n-1 columns
 * and the last column minus the sum of the others, so H 1 = 0; for every row i set
 * B_ii = 1 and solve the s x s system H[:, S_i \ {i}] x = -H[:, i] (Eigen column-pivoting
 * QR), S_i = {i, ..., i+s} mod n, so that H b_i = 0. Rows of B then lie in null(H)
 * (dimension n - s, containing 1), and any n - s of them span it with probability 1, so
 * 1^T = a^T B_F for every survivor set F, |F| = n - s.
 *
 * Decode: LeastSquaresDecoder in EXACT mode with threshold n - s (QR and residual check,
 * waiting for one more result if the check fails).
 *
 * Conditioning (our addition): a draw whose s x s systems are singular, or which gives
 * max |B_ij| > maxCodeCoefficient (default 1e5), is rejected and H redrawn (at most
 * maxCodeAttempts = 32 draws). n is limited to MAX_WORKERS = 256: up to n = 200 and any s
 * we measured worst decode errors of a few 1e-9 on sampled survivor sets (doc/coding.rst);
 * larger n is untested. Parameters: numWorkers, stragglers s in [0, n) (default 2),
 * maxCodeCoefficient, maxCodeAttempts, decodeTolerance.
 */
class CyclicRepetitionCode : public MatrixCode
{
  public:
    /// Largest n accepted by the construction.
    static constexpr uint32_t MAX_WORKERS = 256;

    /// A constructed code.
    struct Matrices
    {
        Eigen::MatrixXd b;    //!< B, n x n, row support i..i+s mod n, B_ii = 1
        Eigen::MatrixXd h;    //!< H, s x n, H 1 = 0, H B^T = 0
        uint32_t attempts{0}; //!< draws of H used
    };

    /**
     * \param params parameters (numWorkers, stragglers, maxCodeCoefficient, maxCodeAttempts)
     * \param partitioner K >= n partitions
     * \param rng source of the Gaussian draws of H (drawn once, here)
     */
    CyclicRepetitionCode(const CodingParameters& params,
                         const DataPartitioner& partitioner,
                         RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;

    /// \return H of the construction
    const Eigen::MatrixXd& ParityMatrix() const
    {
        return m_h;
    }

    /**
     * Tandon et al.'s random construction.
     * \param n workers, 1 <= n <= MAX_WORKERS
     * \param s stragglers, s < n (s = 0 gives B = I)
     * \param rng source of the N(0,1) draws
     * \param maxCoefficient redraw while max |B_ij| exceeds this (> 1)
     * \param maxAttempts draws before std::runtime_error (>= 1)
     * \return B, H and the number of draws
     */
    static Matrices Construct(uint32_t n,
                              uint32_t s,
                              RandomSource& rng,
                              double maxCoefficient = 1e5,
                              uint32_t maxAttempts = 32);

  private:
    std::unique_ptr<GradientDecoder> MakeDecoder(std::vector<uint32_t> tasks,
                                                 uint32_t needed) const override;

    Eigen::MatrixXd m_h; //!< H
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_CYCLIC_REPETITION_CODE_H
