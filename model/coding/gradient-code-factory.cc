// SPDX-License-Identifier: GPL-2.0-only
#include "gradient-code-factory.h"

#include "approximate-code.h"
#include "cyclic-repetition-code.h"
#include "fractional-repetition-code.h"
#include "ignore-stragglers-code.h"
#include "k-sync-code.h"
#include "partial-straggler-code.h"
#include "two-stage-code.h"
#include "uncoded-code.h"

#include <stdexcept>

namespace ns3
{
namespace coded
{

std::vector<std::string>
GradientCodeFactory::Names()
{
    return {"uncoded",
            "ignore-stragglers",
            "k-sync",
            "fractional-repetition",
            "cyclic-repetition",
            "approximate",
            "partial",
            "two-stage"};
}

bool
GradientCodeFactory::UsesStragglers(const std::string& name)
{
    return name != "uncoded" && name != "two-stage";
}

std::unique_ptr<GradientCode>
GradientCodeFactory::Create(const std::string& name,
                            const CodingParameters& params,
                            const DataPartitioner& partitioner,
                            RandomSource& rng)
{
    if (name == "uncoded")
    {
        return std::make_unique<UncodedCode>(params, partitioner, rng);
    }
    if (name == "ignore-stragglers")
    {
        return std::make_unique<IgnoreStragglersCode>(params, partitioner, rng);
    }
    if (name == "k-sync")
    {
        return std::make_unique<KSyncCode>(params, partitioner, rng);
    }
    if (name == "fractional-repetition")
    {
        return std::make_unique<FractionalRepetitionCode>(params, partitioner, rng);
    }
    if (name == "cyclic-repetition")
    {
        return std::make_unique<CyclicRepetitionCode>(params, partitioner, rng);
    }
    if (name == "approximate")
    {
        return std::make_unique<ApproximateCode>(params, partitioner, rng);
    }
    if (name == "partial")
    {
        return std::make_unique<PartialStragglerCode>(params, partitioner, rng);
    }
    if (name == "two-stage")
    {
        return std::make_unique<TwoStageCode>(params, partitioner, rng);
    }
    std::string allowed;
    for (const auto& n : Names())
    {
        allowed += (allowed.empty() ? "" : ", ") + n;
    }
    throw std::invalid_argument("GradientCodeFactory: unknown scheme \"" + name +
                                "\"; allowed: " + allowed);
}

} // namespace coded
} // namespace ns3
