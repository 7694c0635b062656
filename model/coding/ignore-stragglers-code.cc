// SPDX-License-Identifier: GPL-2.0-only
#include "ignore-stragglers-code.h"

namespace ns3
{
namespace coded
{

IgnoreStragglersCode::IgnoreStragglersCode(const CodingParameters& params,
                                           const DataPartitioner& partitioner,
                                           RandomSource& rng)
    : MatrixCode("ignore-stragglers", params, partitioner, rng)
{
    RequireCodeBlocks();
    RequireFewerStragglersThanWorkers();
    Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(params.numWorkers, params.numWorkers);
    std::vector<std::vector<CodedTerm>> terms = NonZeroTerms(identity);
    SetCode(std::move(identity), std::move(terms));
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

std::unique_ptr<GradientDecoder>
IgnoreStragglersCode::MakeDecoder(std::vector<uint32_t> tasks, uint32_t needed) const
{
    return MakeScaledSumDecoder(std::move(tasks), needed);
}

} // namespace coded
} // namespace ns3
