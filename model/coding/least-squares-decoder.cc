// SPDX-License-Identifier: GPL-2.0-only
#include "least-squares-decoder.h"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

LeastSquaresDecoder::LeastSquaresDecoder(std::vector<uint32_t> taskIds,
                                         std::shared_ptr<const Eigen::MatrixXd> code,
                                         uint32_t threshold,
                                         Mode mode,
                                         double tolerance)
    : m_taskIds(std::move(taskIds)),
      m_code(std::move(code)),
      m_threshold(threshold),
      m_mode(mode)
{
    if (!m_code || m_code->rows() != static_cast<Eigen::Index>(m_taskIds.size()) ||
        m_code->cols() < 1)
    {
        throw std::invalid_argument("LeastSquaresDecoder: the code matrix must have one row per "
                                    "task (" +
                                    std::to_string(m_taskIds.size()) + ") and at least one column");
    }
    if (!m_code->allFinite())
    {
        throw std::invalid_argument("LeastSquaresDecoder: the code matrix has non-finite entries");
    }
    if (threshold < 1 || threshold > m_taskIds.size())
    {
        throw std::invalid_argument(
            "LeastSquaresDecoder: threshold = " + std::to_string(threshold) + ", must be in [1, " +
            std::to_string(m_taskIds.size()) + "]");
    }
    if (!(tolerance > 0.0) || !std::isfinite(tolerance))
    {
        throw std::invalid_argument("LeastSquaresDecoder: tolerance = " +
                                    std::to_string(tolerance) + ", must be finite and > 0");
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
            throw std::invalid_argument("LeastSquaresDecoder: task " +
                                        std::to_string(m_taskIds[i]) + " is named twice");
        }
        m_rowOf[m_taskIds[i]] = static_cast<int64_t>(i);
    }
    m_seen.assign(m_taskIds.size(), false);
    m_received.reserve(m_taskIds.size());
}

void
LeastSquaresDecoder::Solve(const Eigen::MatrixXd& rows,
                           Eigen::VectorXd& a,
                           Eigen::VectorXd& residual,
                           double rankThreshold)
{
    const Eigen::MatrixXd m = rows.transpose();
    const Eigen::VectorXd ones = Eigen::VectorXd::Ones(m.rows());
    if (rankThreshold > 0.0)
    {
        Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod;
        cod.setThreshold(rankThreshold);
        cod.compute(m);
        a = cod.solve(ones);
    }
    else
    {
        a = m.colPivHouseholderQr().solve(ones);
    }
    residual = m * a - ones;
}

void
LeastSquaresDecoder::TrySolve()
{
    const auto f = static_cast<Eigen::Index>(m_received.size());
    Eigen::MatrixXd rows(f, m_code->cols());
    for (Eigen::Index j = 0; j < f; ++j)
    {
        rows.row(j) = m_code->row(m_received[j]);
    }
    Eigen::VectorXd a;
    Eigen::VectorXd r;
    Solve(rows, a, r, m_mode == Mode::BEST_EFFORT ? BEST_EFFORT_RANK_THRESHOLD : -1.0);
    ++m_solves;
    const double maxResidual =
        a.allFinite() ? r.cwiseAbs().maxCoeff() : std::numeric_limits<double>::infinity();
    const bool passed = maxResidual <= m_tolerance;
    const bool last = m_received.size() == m_taskIds.size();
    if (!passed && m_mode == Mode::EXACT && !last)
    {
        return; // wait for one more row
    }
    if (!a.allFinite())
    {
        a.setZero(); // never hand out NaN coefficients; the residual says how bad this is
        r = -Eigen::VectorXd::Ones(m_code->cols());
    }
    m_result.tasks.clear();
    for (uint32_t i : m_received)
    {
        m_result.tasks.push_back(m_taskIds[i]);
    }
    m_result.coefficients.assign(a.data(), a.data() + a.size());
    m_result.residual = r.norm();
    m_result.maxResidual = r.cwiseAbs().maxCoeff();
    m_result.exact = passed;
    m_decodable = true;
}

bool
LeastSquaresDecoder::OnResult(uint32_t taskId)
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
    if (m_received.size() >= m_threshold)
    {
        TrySolve();
    }
    return m_decodable;
}

bool
LeastSquaresDecoder::IsDecodable() const
{
    return m_decodable;
}

const DecodeResult&
LeastSquaresDecoder::Result() const
{
    if (!m_decodable)
    {
        throw std::logic_error("LeastSquaresDecoder::Result: " + std::to_string(m_received.size()) +
                               " rows received (threshold " + std::to_string(m_threshold) +
                               "); not decodable yet");
    }
    return m_result;
}

uint32_t
LeastSquaresDecoder::MinResults() const
{
    return m_threshold;
}

} // namespace coded
} // namespace ns3
