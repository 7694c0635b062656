// SPDX-License-Identifier: GPL-2.0-only
#include "gradient-code.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

GradientCode::GradientCode(const std::string& name,
                           const CodingParameters& params,
                           const DataPartitioner& partitioner,
                           RandomSource& rng)
    : m_name(name),
      m_params(params),
      m_partitioner(partitioner),
      m_rng(rng)
{
    if (params.numWorkers < 1)
    {
        throw std::invalid_argument(name + ": numWorkers = 0, must be >= 1");
    }
    if (!(params.decodeTolerance > 0.0) || !std::isfinite(params.decodeTolerance))
    {
        throw std::invalid_argument(
            name + ": decodeTolerance = " + std::to_string(params.decodeTolerance) +
            ", must be finite and > 0");
    }
}

void
GradientCode::RequireCodeBlocks() const
{
    if (NumPartitions() < NumWorkers())
    {
        throw std::invalid_argument(m_name + ": K = " + std::to_string(NumPartitions()) +
                                    " partitions for n = " + std::to_string(NumWorkers()) +
                                    " workers; this scheme needs K >= n");
    }
}

void
GradientCode::CheckHistory(const CompletionHistory& history) const
{
    if (history.NumWorkers() != NumWorkers())
    {
        throw std::invalid_argument(m_name + ": the history has " +
                                    std::to_string(history.NumWorkers()) +
                                    " workers, the code has n = " + std::to_string(NumWorkers()));
    }
}

std::vector<uint32_t>
GradientCode::CodeBlockPartitions(uint32_t j) const
{
    const uint32_t n = NumWorkers();
    const uint32_t k = NumPartitions();
    if (j >= n)
    {
        throw std::out_of_range(m_name + ": code block " + std::to_string(j) +
                                ", must be < n = " + std::to_string(n));
    }
    const uint32_t base = k / n;
    const uint32_t extra = k % n;
    const uint32_t begin = j * base + std::min(j, extra);
    const uint32_t size = base + (j < extra ? 1 : 0);
    std::vector<uint32_t> parts(size);
    for (uint32_t i = 0; i < size; ++i)
    {
        parts[i] = begin + i;
    }
    return parts;
}

RowSet
GradientCode::CodeBlockRows(uint32_t j) const
{
    return m_partitioner.Union(CodeBlockPartitions(j));
}

void
GradientCode::SetPlacement(DataPlacement placement)
{
    if (placement.NumWorkers() != NumWorkers() ||
        placement.NumSamples() != m_partitioner.NumSamples())
    {
        throw std::logic_error(m_name + ": a placement of " +
                               std::to_string(placement.NumWorkers()) + " workers and " +
                               std::to_string(placement.NumSamples()) +
                               " samples for n = " + std::to_string(NumWorkers()) +
                               ", N = " + std::to_string(m_partitioner.NumSamples()));
    }
    m_placement = std::make_shared<const DataPlacement>(std::move(placement));
}

DataPlacement
GradientCode::CodeBlockPlacement(const std::vector<std::vector<uint32_t>>& blocksOfWorker) const
{
    DataPlacement placement(NumWorkers(), m_partitioner.NumSamples());
    for (uint32_t w = 0; w < blocksOfWorker.size(); ++w)
    {
        for (uint32_t j : blocksOfWorker[w])
        {
            placement.Store(w, CodeBlockRows(j));
        }
    }
    return placement;
}

IterationPlan
GradientCode::NewPlan(uint32_t iteration, bool allowTransfer) const
{
    if (!m_placement)
    {
        throw std::logic_error(m_name + ": the scheme set no data placement");
    }
    IterationPlan plan(iteration, NumWorkers(), NumPartitions());
    plan.SetPlacement(m_placement, allowTransfer);
    return plan;
}

IterationPlan
GradientCode::PlanWithCodeBlocks(uint32_t iteration, bool allowTransfer) const
{
    IterationPlan plan = NewPlan(iteration, allowTransfer);
    for (uint32_t j = 0; j < NumWorkers(); ++j)
    {
        const std::vector<uint32_t> parts = CodeBlockPartitions(j);
        plan.AddBlock(m_partitioner.Union(parts), static_cast<double>(parts.size()), parts);
    }
    return plan;
}

} // namespace coded
} // namespace ns3
