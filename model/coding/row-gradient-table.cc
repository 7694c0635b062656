// SPDX-License-Identifier: GPL-2.0-only
#include "row-gradient-table.h"

#include "iteration-plan.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

RowGradientTable::RowGradientTable(uint32_t numRows, uint32_t dimension, RandomSource& rng)
{
    if (numRows < 1 || dimension < 1)
    {
        throw std::invalid_argument("RowGradientTable: numRows = " + std::to_string(numRows) +
                                    ", dimension = " + std::to_string(dimension) +
                                    "; both must be >= 1");
    }
    Eigen::VectorXd offset(dimension);
    for (uint32_t j = 0; j < dimension; ++j)
    {
        offset(j) = rng.Normal();
    }
    m_prefix = Eigen::MatrixXd::Zero(numRows + 1, dimension);
    for (uint32_t r = 0; r < numRows; ++r)
    {
        for (uint32_t j = 0; j < dimension; ++j)
        {
            m_prefix(r + 1, j) = m_prefix(r, j) + offset(j) + rng.Normal();
        }
    }
}

DenseVector
RowGradientTable::Sum(const RowSet& rows) const
{
    DenseVector g = DenseVector::Zero(m_prefix.cols());
    for (const auto& r : rows)
    {
        if (r.begin > r.end || r.end > NumRows())
        {
            throw std::out_of_range("RowGradientTable::Sum: range [" + std::to_string(r.begin) +
                                    ", " + std::to_string(r.end) + ") outside [0, " +
                                    std::to_string(NumRows()) + ")");
        }
        g += (m_prefix.row(r.end) - m_prefix.row(r.begin)).transpose();
    }
    return g;
}

DenseVector
RowGradientTable::Total() const
{
    return m_prefix.row(NumRows()).transpose();
}

std::vector<DenseVector>
RowGradientTable::EncodeAll(const IterationPlan& plan) const
{
    std::vector<DenseVector> blocks;
    blocks.reserve(plan.Blocks().size());
    for (const auto& b : plan.Blocks())
    {
        blocks.push_back(Sum(b.rows));
    }
    std::vector<DenseVector> results;
    results.reserve(plan.NumTasks());
    for (uint32_t id = 0; id < plan.NumTasks(); ++id)
    {
        results.push_back(plan.Encode(id, blocks));
    }
    return results;
}

} // namespace coded
} // namespace ns3
