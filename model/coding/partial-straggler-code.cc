// SPDX-License-Identifier: GPL-2.0-only
#include "partial-straggler-code.h"

#include "all-of-decoder.h"
#include "cyclic-repetition-code.h"
#include "group-decoder.h"
#include "least-squares-decoder.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

PartialStragglerCode::PartialStragglerCode(const CodingParameters& params,
                                           const DataPartitioner& partitioner,
                                           RandomSource& rng)
    : GradientCode("partial", params, partitioner, rng)
{
    const uint32_t n = params.numWorkers;
    const uint32_t p = params.partialPrivateUnits;
    if (params.stragglers >= n)
    {
        throw std::invalid_argument("partial: s = " + std::to_string(params.stragglers) +
                                    ", must be < n = " + std::to_string(n));
    }
    const uint64_t units = static_cast<uint64_t>(p + 1) * n;
    const uint32_t rows = partitioner.NumSamples();
    if (units > rows)
    {
        throw std::invalid_argument(
            "partial: partialPrivateUnits p = " + std::to_string(p) +
            " needs (p+1) n = " + std::to_string(units) +
            " units, but the data set has only N = " + std::to_string(rows) + " samples");
    }
    CyclicRepetitionCode::Matrices m = CyclicRepetitionCode::Construct(n,
                                                                       params.stragglers,
                                                                       rng,
                                                                       params.maxCodeCoefficient,
                                                                       params.maxCodeAttempts);
    m_b = std::make_shared<const Eigen::MatrixXd>(std::move(m.b));
    const RowSet all{RowRange{0, rows}};
    const double perRow =
        static_cast<double>(partitioner.NumPartitions()) / static_cast<double>(rows);
    const auto u = static_cast<uint32_t>(units);
    for (uint32_t i = 0; i < n && p > 0; ++i)
    {
        const RowSet first = DataPartitioner::Split(all, u, i * p);
        const RowSet last = DataPartitioner::Split(all, u, i * p + p - 1);
        const RowSet block{RowRange{first.front().begin, last.back().end}};
        m_privateLoad.push_back(perRow * static_cast<double>(RowCount(block)));
        m_private.push_back(block);
    }
    for (uint32_t j = 0; j < n; ++j)
    {
        RowSet block = DataPartitioner::Split(all, u, p * n + j);
        m_sharedLoad.push_back(perRow * static_cast<double>(RowCount(block)));
        m_shared.push_back(std::move(block));
    }
    // Worker i stores its private rows and the shared blocks i..i+s (mod n) it codes.
    DataPlacement placement(n, rows);
    for (uint32_t i = 0; i < n; ++i)
    {
        if (p > 0)
        {
            placement.Store(i, m_private[i]);
        }
        for (uint32_t k = 0; k <= params.stragglers; ++k)
        {
            placement.Store(i, m_shared[(i + k) % n]);
        }
    }
    SetPlacement(std::move(placement));
}

std::string
PartialStragglerCode::Name() const
{
    return "partial";
}

bool
PartialStragglerCode::IsExact() const
{
    return true;
}

uint32_t
PartialStragglerCode::StragglerTolerance() const
{
    return Parameters().stragglers;
}

std::unique_ptr<CodingRound>
PartialStragglerCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    CheckHistory(history);
    const uint32_t n = NumWorkers();
    const uint32_t s = Parameters().stragglers;
    IterationPlan plan = NewPlan(iteration);
    std::vector<uint32_t> privateBlock;
    for (uint32_t i = 0; i < m_private.size(); ++i)
    {
        privateBlock.push_back(plan.AddBlock(m_private[i], m_privateLoad[i]));
    }
    std::vector<uint32_t> sharedBlock;
    for (uint32_t j = 0; j < n; ++j)
    {
        sharedBlock.push_back(plan.AddBlock(m_shared[j], m_sharedLoad[j]));
    }
    std::vector<std::vector<uint32_t>> privateTasks;
    std::vector<uint32_t> codedTasks;
    for (uint32_t i = 0; i < n; ++i)
    {
        if (!privateBlock.empty())
        {
            privateTasks.push_back({plan.AddTask(i, 1, {CodedTerm{privateBlock[i], 1.0}})});
        }
        std::vector<CodedTerm> terms;
        terms.reserve(s + 1);
        for (uint32_t k = 0; k <= s; ++k)
        {
            const uint32_t j = (i + k) % n;
            terms.push_back(CodedTerm{sharedBlock[j], (*m_b)(i, j)});
        }
        codedTasks.push_back(plan.AddTask(i, 1, std::move(terms)));
    }
    std::unique_ptr<GradientDecoder> coded =
        std::make_unique<LeastSquaresDecoder>(std::move(codedTasks),
                                              m_b,
                                              n - s,
                                              LeastSquaresDecoder::Mode::EXACT,
                                              Parameters().decodeTolerance);
    if (privateTasks.empty())
    {
        return std::make_unique<CodingRound>(std::move(plan), std::move(coded));
    }
    std::vector<std::unique_ptr<GradientDecoder>> parts;
    parts.push_back(std::make_unique<GroupDecoder>(std::move(privateTasks)));
    parts.push_back(std::move(coded));
    return std::make_unique<CodingRound>(std::move(plan),
                                         std::make_unique<AllOfDecoder>(std::move(parts)));
}

} // namespace coded
} // namespace ns3
