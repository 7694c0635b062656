// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_IGNORE_STRAGGLERS_CODE_H
#define CODED_LEARNING_IGNORE_STRAGGLERS_CODE_H

#include "matrix-code.h"

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Ignore-stragglers baseline ("ignore-stragglers", algorithms.md b.2): uncoded assignment,
 * the server waits for the first n - s results F and uses the estimate
 *
 *   g_hat = n / (n - s) * sum_{i in F} g_i.
 *
 * Not exact: unbiased when the straggler set is uniformly random, biased under persistent
 * stragglers (their data never enters). The residual reported is that of the weights
 * (entries n/(n-s) - 1 for received blocks and -1 for missing ones).
 * Parameters: numWorkers, stragglers s in [0, n) (default 2).
 */
class IgnoreStragglersCode : public MatrixCode
{
  public:
    /**
     * \param params parameters (numWorkers, stragglers)
     * \param partitioner K >= n partitions
     * \param rng source of random draws (unused)
     */
    IgnoreStragglersCode(const CodingParameters& params,
                         const DataPartitioner& partitioner,
                         RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;

  private:
    std::unique_ptr<GradientDecoder> MakeDecoder(std::vector<uint32_t> tasks,
                                                 uint32_t needed) const override;
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_IGNORE_STRAGGLERS_CODE_H
