// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_UNCODED_CODE_H
#define CODED_LEARNING_UNCODED_CODE_H

#include "gradient-code.h"

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Uncoded synchronous baseline ("uncoded"): worker i computes g_i, the gradient of code
 * block i (partition i when K = n); the server waits for all n results and uses
 * g = sum_i g_i (exact, no redundancy, load K). Parameters: numWorkers only.
 */
class UncodedCode : public GradientCode
{
  public:
    /**
     * \param params parameters (numWorkers)
     * \param partitioner K >= n partitions
     * \param rng source of random draws (unused; kept for a uniform interface)
     */
    UncodedCode(const CodingParameters& params,
                const DataPartitioner& partitioner,
                RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;
    uint32_t StragglerTolerance() const override;
    std::unique_ptr<CodingRound> StartRound(uint32_t iteration,
                                            const CompletionHistory& history) override;
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_UNCODED_CODE_H
