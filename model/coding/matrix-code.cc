// SPDX-License-Identifier: GPL-2.0-only
#include "matrix-code.h"

#include "scaled-sum-decoder.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

MatrixCode::MatrixCode(const std::string& name,
                       const CodingParameters& params,
                       const DataPartitioner& partitioner,
                       RandomSource& rng)
    : GradientCode(name, params, partitioner, rng)
{
}

void
MatrixCode::SetCode(Eigen::MatrixXd b, std::vector<std::vector<CodedTerm>> terms)
{
    m_b = std::make_shared<const Eigen::MatrixXd>(std::move(b));
    m_terms = std::move(terms);
    std::vector<std::vector<uint32_t>> blocksOf(m_terms.size());
    for (size_t i = 0; i < m_terms.size(); ++i)
    {
        for (const CodedTerm& t : m_terms[i])
        {
            blocksOf[i].push_back(t.block);
        }
    }
    SetPlacement(CodeBlockPlacement(blocksOf));
}

std::vector<std::vector<CodedTerm>>
MatrixCode::NonZeroTerms(const Eigen::MatrixXd& b)
{
    std::vector<std::vector<CodedTerm>> terms(b.rows());
    for (Eigen::Index i = 0; i < b.rows(); ++i)
    {
        for (Eigen::Index j = 0; j < b.cols(); ++j)
        {
            if (b(i, j) != 0.0)
            {
                terms[i].push_back(CodedTerm{static_cast<uint32_t>(j), b(i, j)});
            }
        }
    }
    return terms;
}

void
MatrixCode::RequireFewerStragglersThanWorkers() const
{
    if (Parameters().stragglers >= NumWorkers())
    {
        throw std::invalid_argument(SchemeName() +
                                    ": s = " + std::to_string(Parameters().stragglers) +
                                    ", must be < n = " + std::to_string(NumWorkers()));
    }
}

std::unique_ptr<GradientDecoder>
MatrixCode::MakeScaledSumDecoder(std::vector<uint32_t> tasks, uint32_t needed) const
{
    return std::make_unique<ScaledSumDecoder>(std::move(tasks),
                                              m_b,
                                              needed,
                                              static_cast<double>(NumWorkers()) / needed,
                                              Parameters().decodeTolerance);
}

uint32_t
MatrixCode::StragglerTolerance() const
{
    return Parameters().stragglers;
}

std::unique_ptr<CodingRound>
MatrixCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    CheckHistory(history);
    const uint32_t n = NumWorkers();
    IterationPlan plan = PlanWithCodeBlocks(iteration);
    std::vector<uint32_t> tasks;
    tasks.reserve(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        tasks.push_back(plan.AddTask(i, 1, m_terms[i]));
    }
    std::unique_ptr<GradientDecoder> decoder =
        MakeDecoder(std::move(tasks), n - Parameters().stragglers);
    return std::make_unique<CodingRound>(std::move(plan), std::move(decoder));
}

} // namespace coded
} // namespace ns3
