// SPDX-License-Identifier: GPL-2.0-only
#include "ignore-stragglers-code.h"

#include "scaled-sum-decoder.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

IgnoreStragglersCode::IgnoreStragglersCode(const CodingParameters& params,
                                           const DataPartitioner& partitioner,
                                           RandomSource& rng)
    : GradientCode("ignore-stragglers", params, partitioner, rng)
{
    RequireCodeBlocks();
    if (params.stragglers >= params.numWorkers)
    {
        throw std::invalid_argument("ignore-stragglers: s = " + std::to_string(params.stragglers) +
                                    ", must be < n = " + std::to_string(params.numWorkers));
    }
    m_identity = std::make_shared<const Eigen::MatrixXd>(
        Eigen::MatrixXd::Identity(params.numWorkers, params.numWorkers));
}

std::string
IgnoreStragglersCode::Name() const
{
    return "ignore-stragglers";
}

bool
IgnoreStragglersCode::IsExact() const
{
    return Parameters().stragglers == 0;
}

uint32_t
IgnoreStragglersCode::StragglerTolerance() const
{
    return Parameters().stragglers;
}

std::unique_ptr<CodingRound>
IgnoreStragglersCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    CheckHistory(history);
    const uint32_t n = NumWorkers();
    const uint32_t k = n - Parameters().stragglers;
    IterationPlan plan = PlanWithCodeBlocks(iteration);
    std::vector<uint32_t> ids;
    ids.reserve(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        ids.push_back(plan.AddTask(i, 1, {CodedTerm{i, 1.0}}));
    }
    auto decoder = std::make_unique<ScaledSumDecoder>(std::move(ids),
                                                      m_identity,
                                                      k,
                                                      static_cast<double>(n) / k,
                                                      Parameters().decodeTolerance);
    return std::make_unique<CodingRound>(std::move(plan), std::move(decoder));
}

} // namespace coded
} // namespace ns3
