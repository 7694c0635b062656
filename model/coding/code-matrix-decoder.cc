// SPDX-License-Identifier: GPL-2.0-only
#include "code-matrix-decoder.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{
namespace coded
{

CodeMatrixDecoder::CodeMatrixDecoder(std::string name,
                                     std::vector<uint32_t> taskIds,
                                     std::shared_ptr<const Eigen::MatrixXd> code)
    : m_name(std::move(name)),
      m_taskIds(std::move(taskIds)),
      m_code(std::move(code))
{
    if (!m_code || m_code->rows() != static_cast<Eigen::Index>(m_taskIds.size()) ||
        m_code->cols() < 1)
    {
        throw std::invalid_argument(m_name + ": the code matrix must have one row per task (" +
                                    std::to_string(m_taskIds.size()) + ") and at least one column");
    }
}

void
CodeMatrixDecoder::SetMinResults(const std::string& parameter, uint32_t minResults)
{
    if (minResults < 1 || minResults > m_taskIds.size())
    {
        throw std::invalid_argument(m_name + ": " + parameter + " = " + std::to_string(minResults) +
                                    ", must be in [1, " + std::to_string(m_taskIds.size()) + "]");
    }
    m_minResults = minResults;
}

void
CodeMatrixDecoder::IndexTasks(double tolerance)
{
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
            throw std::invalid_argument(m_name + ": task " + std::to_string(m_taskIds[i]) +
                                        " is named twice");
        }
        m_rowOf[m_taskIds[i]] = static_cast<int64_t>(i);
    }
    m_seen.assign(m_taskIds.size(), false);
    m_received.reserve(m_taskIds.size());
}

bool
CodeMatrixDecoder::OnResult(uint32_t taskId)
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
    if (m_received.size() >= m_minResults)
    {
        Decode();
    }
    return m_decodable;
}

void
CodeMatrixDecoder::Freeze(std::vector<double> coefficients,
                          const Eigen::VectorXd& residual,
                          bool exact)
{
    m_result.tasks.clear();
    for (uint32_t i : m_received)
    {
        m_result.tasks.push_back(m_taskIds[i]);
    }
    m_result.coefficients = std::move(coefficients);
    m_result.residual = residual.norm();
    m_result.maxResidual = residual.cwiseAbs().maxCoeff();
    m_result.exact = exact;
    m_decodable = true;
}

bool
CodeMatrixDecoder::IsDecodable() const
{
    return m_decodable;
}

const DecodeResult&
CodeMatrixDecoder::Result() const
{
    if (!m_decodable)
    {
        throw std::logic_error(m_name + "::Result: " + Progress() + "; not decodable yet");
    }
    return m_result;
}

uint32_t
CodeMatrixDecoder::MinResults() const
{
    return m_minResults;
}

} // namespace coded
} // namespace ns3
