// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_K_SYNC_CODE_H
#define CODED_LEARNING_K_SYNC_CODE_H

#include "gradient-code.h"

#include <Eigen/Core>
#include <memory>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * K-sync SGD baseline ("k-sync", Dutta et al. AISTATS 2018, algorithms.md b.2): every
 * worker computes the gradient of one code block; the server waits for the first k results
 * and averages them, scaled to a full-gradient estimate:
 *
 *   g_hat = n * (1/k) sum_{i in F} g_{pi(i)},   |F| = k
 *
 * (the optimiser divides by N as for every scheme). Dutta et al. let each learner draw a fresh
 * mini-batch; here (our choice, kSyncReshuffle, default on) the block-to-worker map pi is a
 * new uniformly random permutation every iteration, so the k blocks used are a uniform
 * random k-subset whatever the workers' speeds: unbiased even under persistent stragglers.
 * With kSyncReshuffle off, k-sync equals ignore-stragglers with s = n - k. Not exact for
 * k < n. The iteration's compute time is the k-th smallest completion time.
 * Parameters: numWorkers, kSyncResults k in [1, n] (0 = n - stragglers; default n - 2),
 * kSyncReshuffle.
 */
class KSyncCode : public GradientCode
{
  public:
    /**
     * \param params parameters (numWorkers, kSyncResults, stragglers, kSyncReshuffle)
     * \param partitioner K >= n partitions
     * \param rng source of the per-iteration permutations
     */
    KSyncCode(const CodingParameters& params,
              const DataPartitioner& partitioner,
              RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;
    uint32_t StragglerTolerance() const override;
    std::unique_ptr<CodingRound> StartRound(uint32_t iteration,
                                            const CompletionHistory& history) override;

    /// \return k
    uint32_t NumResults() const
    {
        return m_k;
    }

  private:
    uint32_t m_k;                                      //!< results waited for
    std::shared_ptr<const Eigen::MatrixXd> m_identity; //!< B = I over blocks
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_K_SYNC_CODE_H
