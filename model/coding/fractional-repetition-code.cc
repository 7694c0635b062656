// SPDX-License-Identifier: GPL-2.0-only
#include "fractional-repetition-code.h"

#include "group-decoder.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

void
FractionalRepetitionCode::Check(uint32_t n, uint32_t s)
{
    if (n < 1)
    {
        throw std::invalid_argument("fractional-repetition: n = 0, must be >= 1");
    }
    if (s >= n)
    {
        throw std::invalid_argument("fractional-repetition: s = " + std::to_string(s) +
                                    ", must be < n = " + std::to_string(n));
    }
    if (n % (s + 1) != 0)
    {
        throw std::invalid_argument("fractional-repetition: s = " + std::to_string(s) +
                                    " needs (s+1) | n, but n = " + std::to_string(n) +
                                    " (use n a multiple of " + std::to_string(s + 1) +
                                    ", or cyclic-repetition)");
    }
}

FractionalRepetitionCode::FractionalRepetitionCode(const CodingParameters& params,
                                                   const DataPartitioner& partitioner,
                                                   RandomSource& rng)
    : GradientCode("fractional-repetition", params, partitioner, rng)
{
    Check(params.numWorkers, params.stragglers);
    RequireCodeBlocks();
    const uint32_t size = params.stragglers + 1;
    std::vector<std::vector<uint32_t>> blocksOf(params.numWorkers);
    for (uint32_t i = 0; i < params.numWorkers; ++i)
    {
        for (uint32_t k = i / size * size; k < (i / size + 1) * size; ++k)
        {
            blocksOf[i].push_back(k);
        }
    }
    SetPlacement(CodeBlockPlacement(blocksOf));
}

Eigen::MatrixXd
FractionalRepetitionCode::BuildMatrix(uint32_t n, uint32_t s)
{
    Check(n, s);
    Eigen::MatrixXd b = Eigen::MatrixXd::Zero(n, n);
    for (uint32_t i = 0; i < n; ++i)
    {
        const uint32_t group = i / (s + 1);
        b.block(i, group * (s + 1), 1, s + 1).setOnes();
    }
    return b;
}

std::string
FractionalRepetitionCode::Name() const
{
    return "fractional-repetition";
}

bool
FractionalRepetitionCode::IsExact() const
{
    return true;
}

uint32_t
FractionalRepetitionCode::StragglerTolerance() const
{
    return Parameters().stragglers;
}

std::unique_ptr<CodingRound>
FractionalRepetitionCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    CheckHistory(history);
    const uint32_t n = NumWorkers();
    const uint32_t size = Parameters().stragglers + 1;
    IterationPlan plan = PlanWithCodeBlocks(iteration);
    std::vector<std::vector<uint32_t>> groups(n / size);
    for (uint32_t i = 0; i < n; ++i)
    {
        const uint32_t group = i / size;
        std::vector<CodedTerm> terms;
        terms.reserve(size);
        for (uint32_t k = group * size; k < (group + 1) * size; ++k)
        {
            terms.push_back(CodedTerm{k, 1.0});
        }
        groups[group].push_back(plan.AddTask(i, 1, std::move(terms)));
    }
    return std::make_unique<CodingRound>(std::move(plan),
                                         std::make_unique<GroupDecoder>(std::move(groups)));
}

} // namespace coded
} // namespace ns3
