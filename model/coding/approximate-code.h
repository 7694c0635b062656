// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_APPROXIMATE_CODE_H
#define CODED_LEARNING_APPROXIMATE_CODE_H

#include "matrix-code.h"

#include <Eigen/Core>
#include <memory>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Approximate gradient coding ("approximate"; Raviv, Tamo, Tandon, Dimakis ICML 2018 and
 * the authors' code, algorithms.md b.2): a low-degree code B = (1/d) A, where A is the
 * bi-adjacency matrix of a random d-regular bipartite graph (every worker holds d code
 * blocks, every block is held by d workers; built from d random permutation matrices with
 * collision repair, via the complement when d > n/2). Every column of B sums to 1.
 *
 * The server waits for the first n - s results F and decodes with
 * - "optimal": a = argmin ||B_F^T a - 1||_2 (LeastSquaresDecoder, BEST_EFFORT mode), or
 * - "fixed": a_i = n / (n - s) for every i in F (ScaledSumDecoder, the linear-time decoder);
 * both report the residual r = B_F^T a - 1, and the estimate error is sum_k r_k g_k.
 * Not exact in general (exact is set when the residual passes the check).
 * Parameters: numWorkers, stragglers s in [0, n) (default 2), approxDegree d in [1, n]
 * (default 2, ours), approxDecoder "optimal" (default) or "fixed".
 */
class ApproximateCode : public MatrixCode
{
  public:
    /**
     * \param params parameters (numWorkers, stragglers, approxDegree, approxDecoder)
     * \param partitioner K >= n partitions
     * \param rng source of the random graph (drawn once, here)
     */
    ApproximateCode(const CodingParameters& params,
                    const DataPartitioner& partitioner,
                    RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;

    /**
     * \param n workers (= blocks), >= 1
     * \param d degree, in [1, n]
     * \param rng source of the permutations
     * \return the 0/1 bi-adjacency matrix of a random d-regular bipartite graph (n x n)
     */
    static Eigen::MatrixXd RandomRegular(uint32_t n, uint32_t d, RandomSource& rng);

  private:
    std::unique_ptr<GradientDecoder> MakeDecoder(std::vector<uint32_t> tasks,
                                                 uint32_t needed) const override;

    bool m_optimal; //!< least-squares decoder
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_APPROXIMATE_CODE_H
