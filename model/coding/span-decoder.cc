// SPDX-License-Identifier: GPL-2.0-only
#include "span-decoder.h"

#include "least-squares-decoder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

SpanDecoder::SpanDecoder(uint32_t numSamples, double tolerance)
    : m_numSamples(numSamples),
      m_tolerance(tolerance)
{
    if (numSamples < 1)
    {
        throw std::invalid_argument("SpanDecoder: numSamples = 0, must be >= 1");
    }
    if (!(tolerance > 0.0) || !std::isfinite(tolerance))
    {
        throw std::invalid_argument("SpanDecoder: tolerance = " + std::to_string(tolerance) +
                                    ", must be finite and > 0");
    }
}

void
SpanDecoder::AddTask(uint32_t taskId, std::vector<Term> terms)
{
    if (m_tasks.count(taskId))
    {
        throw std::invalid_argument("SpanDecoder::AddTask: task " + std::to_string(taskId) +
                                    " is registered twice");
    }
    if (terms.empty())
    {
        throw std::invalid_argument("SpanDecoder::AddTask: task " + std::to_string(taskId) +
                                    " has no term");
    }
    for (const Term& t : terms)
    {
        if (!std::isfinite(t.coefficient))
        {
            throw std::invalid_argument("SpanDecoder::AddTask: task " + std::to_string(taskId) +
                                        " has a coefficient that is not finite");
        }
        for (const RowRange& r : t.rows)
        {
            if (r.begin >= r.end || r.end > m_numSamples)
            {
                throw std::invalid_argument(
                    "SpanDecoder::AddTask: task " + std::to_string(taskId) + " has rows [" +
                    std::to_string(r.begin) + ", " + std::to_string(r.end) +
                    "), must be non-empty and within [0, N = " + std::to_string(m_numSamples) +
                    ")");
            }
        }
    }
    m_tasks.emplace(taskId, std::move(terms));
}

bool
SpanDecoder::OnResult(uint32_t taskId)
{
    if (m_decodable || !m_tasks.count(taskId) ||
        std::find(m_received.begin(), m_received.end(), taskId) != m_received.end())
    {
        return m_decodable;
    }
    m_received.push_back(taskId);
    TryDecode();
    return m_decodable;
}

void
SpanDecoder::TryDecode()
{
    std::vector<uint32_t> cuts{0, m_numSamples};
    for (uint32_t id : m_received)
    {
        for (const Term& t : m_tasks.at(id))
        {
            for (const RowRange& r : t.rows)
            {
                cuts.push_back(r.begin);
                cuts.push_back(r.end);
            }
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    const auto atoms = static_cast<Eigen::Index>(cuts.size() - 1);
    const auto f = static_cast<Eigen::Index>(m_received.size());
    Eigen::MatrixXd rows = Eigen::MatrixXd::Zero(f, atoms);
    auto atomOf = [&cuts](uint32_t row) {
        return static_cast<Eigen::Index>(std::lower_bound(cuts.begin(), cuts.end(), row) -
                                         cuts.begin());
    };
    for (Eigen::Index i = 0; i < f; ++i)
    {
        for (const Term& t : m_tasks.at(m_received[i]))
        {
            for (const RowRange& r : t.rows)
            {
                for (Eigen::Index k = atomOf(r.begin); k < atomOf(r.end); ++k)
                {
                    rows(i, k) += t.coefficient;
                }
            }
        }
    }
    for (Eigen::Index k = 0; k < atoms; ++k)
    {
        if (rows.col(k).cwiseAbs().maxCoeff() == 0.0)
        {
            return; // a row no received result covers
        }
    }
    Eigen::VectorXd a;
    Eigen::VectorXd r;
    LeastSquaresDecoder::Solve(rows, a, r);
    ++m_solves;
    const double tolerance = m_tolerance * std::max(1.0, rows.cwiseAbs().maxCoeff());
    if (!a.allFinite() || r.cwiseAbs().maxCoeff() > tolerance)
    {
        return; // not in the span (yet)
    }
    m_result.tasks = m_received;
    m_result.coefficients.assign(a.data(), a.data() + a.size());
    m_result.residual = r.norm();
    m_result.maxResidual = r.cwiseAbs().maxCoeff();
    m_result.exact = true;
    m_decodable = true;
}

bool
SpanDecoder::IsDecodable() const
{
    return m_decodable;
}

const DecodeResult&
SpanDecoder::Result() const
{
    if (!m_decodable)
    {
        throw std::logic_error("SpanDecoder::Result: " + std::to_string(m_received.size()) +
                               " results received do not span every row yet");
    }
    return m_result;
}

uint32_t
SpanDecoder::MinResults() const
{
    return 1;
}

} // namespace coded
} // namespace ns3
