// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_FRACTIONAL_REPETITION_CODE_H
#define CODED_LEARNING_FRACTIONAL_REPETITION_CODE_H

#include "gradient-code.h"

#include <Eigen/Core>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Fractional repetition gradient code ("fractional-repetition", Tandon et al. ICML 2017,
 * algorithms.md b.1). Requires (s+1) | n. Workers form n/(s+1) groups of s+1; code blocks
 * form n/(s+1) groups of s+1 consecutive blocks; every worker of group j sends the plain
 * sum of the blocks of group j:
 *
 *   B_ik = 1 if floor(i/(s+1)) == floor(k/(s+1)), else 0.
 *
 * Decode: one survivor per group with coefficient 1 (exact); any s stragglers leave one
 * survivor in every group. Load (s+1) K. Parameters: numWorkers, stragglers s (default 2).
 */
class FractionalRepetitionCode : public GradientCode
{
  public:
    /**
     * \param params parameters (numWorkers, stragglers)
     * \param partitioner K >= n partitions
     * \param rng source of random draws (unused)
     */
    FractionalRepetitionCode(const CodingParameters& params,
                             const DataPartitioner& partitioner,
                             RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;
    uint32_t StragglerTolerance() const override;
    std::unique_ptr<CodingRound> StartRound(uint32_t iteration,
                                            const CompletionHistory& history) override;

    /**
     * \param n workers
     * \param s stragglers, (s+1) | n
     * \return the n x n encoding matrix B
     */
    static Eigen::MatrixXd BuildMatrix(uint32_t n, uint32_t s);

    /// Throws std::invalid_argument unless s < n and (s+1) | n.
    /// \param n workers \param s stragglers
    static void Check(uint32_t n, uint32_t s);
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_FRACTIONAL_REPETITION_CODE_H
