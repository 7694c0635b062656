// SPDX-License-Identifier: GPL-2.0-only
#include "scaled-sum-decoder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

ScaledSumDecoder::ScaledSumDecoder(std::vector<uint32_t> taskIds,
                                   std::shared_ptr<const Eigen::MatrixXd> code,
                                   uint32_t count,
                                   double weight,
                                   double tolerance)
    : m_taskIds(std::move(taskIds)),
      m_code(std::move(code)),
      m_count(count),
      m_weight(weight)
{
    if (!m_code || m_code->rows() != static_cast<Eigen::Index>(m_taskIds.size()) ||
        m_code->cols() < 1)
    {
        throw std::invalid_argument("ScaledSumDecoder: the code matrix must have one row per "
                                    "task (" +
                                    std::to_string(m_taskIds.size()) + ") and at least one column");
    }
    if (count < 1 || count > m_taskIds.size())
    {
        throw std::invalid_argument("ScaledSumDecoder: count = " + std::to_string(count) +
                                    ", must be in [1, " + std::to_string(m_taskIds.size()) + "]");
    }
    if (!std::isfinite(weight))
    {
        throw std::invalid_argument("ScaledSumDecoder: weight is not finite");
    }
    if (!(tolerance > 0.0))
    {
        throw std::invalid_argument("ScaledSumDecoder: tolerance = " + std::to_string(tolerance) +
                                    ", must be > 0");
    }
    m_tolerance = tolerance * std::max(1.0, m_code->cwiseAbs().maxCoeff());
    uint32_t maxId = 0;
    for (uint32_t id : m_taskIds)
    {
        maxId = std::max(maxId, id);
    }
    m_rowOf.assign(static_cast<size_t>(maxId) + 1, -1);
    for (size_t i = 0; i < m_taskIds.size(); ++i)
    {
        if (m_rowOf[m_taskIds[i]] >= 0)
        {
            throw std::invalid_argument("ScaledSumDecoder: task " + std::to_string(m_taskIds[i]) +
                                        " is named twice");
        }
        m_rowOf[m_taskIds[i]] = static_cast<int64_t>(i);
    }
    m_received.reserve(count);
    m_seen.assign(m_taskIds.size(), false);
}

bool
ScaledSumDecoder::OnResult(uint32_t taskId)
{
    if (m_decodable || taskId >= m_rowOf.size() || m_rowOf[taskId] < 0)
    {
        return m_decodable;
    }
    const auto row = static_cast<uint32_t>(m_rowOf[taskId]);
    if (m_seen[row])
    {
        return m_decodable;
    }
    m_seen[row] = true;
    m_received.push_back(row);
    if (m_received.size() < m_count)
    {
        return false;
    }
    Eigen::VectorXd r = -Eigen::VectorXd::Ones(m_code->cols());
    for (uint32_t i : m_received)
    {
        r.noalias() += m_weight * m_code->row(i).transpose();
        m_result.tasks.push_back(m_taskIds[i]);
    }
    m_result.coefficients.assign(m_received.size(), m_weight);
    m_result.residual = r.norm();
    m_result.maxResidual = r.cwiseAbs().maxCoeff();
    m_result.exact = m_result.maxResidual <= m_tolerance;
    m_decodable = true;
    return true;
}

bool
ScaledSumDecoder::IsDecodable() const
{
    return m_decodable;
}

const DecodeResult&
ScaledSumDecoder::Result() const
{
    if (!m_decodable)
    {
        throw std::logic_error("ScaledSumDecoder::Result: " + std::to_string(m_received.size()) +
                               " of the " + std::to_string(m_count) +
                               " results needed have arrived; not decodable yet");
    }
    return m_result;
}

uint32_t
ScaledSumDecoder::MinResults() const
{
    return m_count;
}

} // namespace coded
} // namespace ns3
