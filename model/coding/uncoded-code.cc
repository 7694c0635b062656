// SPDX-License-Identifier: GPL-2.0-only
#include "uncoded-code.h"

#include "group-decoder.h"

namespace ns3
{
namespace coded
{

UncodedCode::UncodedCode(const CodingParameters& params,
                         const DataPartitioner& partitioner,
                         RandomSource& rng)
    : GradientCode("uncoded", params, partitioner, rng)
{
    RequireCodeBlocks();
    std::vector<std::vector<uint32_t>> blocksOf(params.numWorkers);
    for (uint32_t i = 0; i < params.numWorkers; ++i)
    {
        blocksOf[i] = {i};
    }
    SetPlacement(CodeBlockPlacement(blocksOf));
}

std::string
UncodedCode::Name() const
{
    return "uncoded";
}

bool
UncodedCode::IsExact() const
{
    return true;
}

uint32_t
UncodedCode::StragglerTolerance() const
{
    return 0;
}

std::unique_ptr<CodingRound>
UncodedCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    CheckHistory(history);
    IterationPlan plan = PlanWithCodeBlocks(iteration);
    std::vector<std::vector<uint32_t>> groups;
    groups.reserve(NumWorkers());
    for (uint32_t i = 0; i < NumWorkers(); ++i)
    {
        groups.push_back({plan.AddTask(i, 1, {CodedTerm{i, 1.0}})});
    }
    return std::make_unique<CodingRound>(std::move(plan),
                                         std::make_unique<GroupDecoder>(std::move(groups)));
}

} // namespace coded
} // namespace ns3
