// SPDX-License-Identifier: GPL-2.0-only
#include "k-sync-code.h"

#include "scaled-sum-decoder.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

KSyncCode::KSyncCode(const CodingParameters& params,
                     const DataPartitioner& partitioner,
                     RandomSource& rng)
    : GradientCode("k-sync", params, partitioner, rng)
{
    RequireCodeBlocks();
    const uint32_t n = params.numWorkers;
    if (params.kSyncResults == 0)
    {
        if (params.stragglers >= n)
        {
            throw std::invalid_argument("k-sync: kSyncResults = 0 means k = n - s, but s = " +
                                        std::to_string(params.stragglers) +
                                        " >= n = " + std::to_string(n));
        }
        m_k = n - params.stragglers;
    }
    else
    {
        if (params.kSyncResults > n)
        {
            throw std::invalid_argument("k-sync: k = " + std::to_string(params.kSyncResults) +
                                        ", must be in [1, n = " + std::to_string(n) + "]");
        }
        m_k = params.kSyncResults;
    }
    m_identity = std::make_shared<const Eigen::MatrixXd>(Eigen::MatrixXd::Identity(n, n));
    // A fresh block-to-worker assignment every iteration needs every block on every worker,
    // unless the raw samples of a block the worker does not store are sent with its task.
    if (params.kSyncReshuffle && !params.rawSampleTransfer)
    {
        SetPlacement(DataPlacement::Everywhere(n, partitioner.NumSamples()));
    }
    else
    {
        std::vector<std::vector<uint32_t>> blocksOf(n);
        for (uint32_t i = 0; i < n; ++i)
        {
            blocksOf[i] = {i};
        }
        SetPlacement(CodeBlockPlacement(blocksOf));
    }
}

std::string
KSyncCode::Name() const
{
    return "k-sync";
}

bool
KSyncCode::IsExact() const
{
    return m_k == NumWorkers();
}

uint32_t
KSyncCode::StragglerTolerance() const
{
    return NumWorkers() - m_k;
}

std::unique_ptr<CodingRound>
KSyncCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    CheckHistory(history);
    const uint32_t n = NumWorkers();
    std::vector<uint32_t> blockOf(n);
    if (Parameters().kSyncReshuffle)
    {
        blockOf = Rng().Permutation(n);
    }
    else
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            blockOf[i] = i;
        }
    }
    IterationPlan plan = PlanWithCodeBlocks(iteration, Parameters().rawSampleTransfer);
    std::vector<uint32_t> taskOfBlock(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        taskOfBlock[blockOf[i]] = plan.AddTask(i, 1, {CodedTerm{blockOf[i], 1.0}});
    }
    // Row j of the identity is the task that computes block j.
    auto decoder = std::make_unique<ScaledSumDecoder>(std::move(taskOfBlock),
                                                      m_identity,
                                                      m_k,
                                                      static_cast<double>(n) / m_k,
                                                      Parameters().decodeTolerance);
    return std::make_unique<CodingRound>(std::move(plan), std::move(decoder));
}

} // namespace coded
} // namespace ns3
