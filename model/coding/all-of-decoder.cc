// SPDX-License-Identifier: GPL-2.0-only
#include "all-of-decoder.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

AllOfDecoder::AllOfDecoder(std::vector<std::unique_ptr<GradientDecoder>> parts)
    : m_parts(std::move(parts))
{
    if (m_parts.empty())
    {
        throw std::invalid_argument("AllOfDecoder: no parts given, need at least one");
    }
    for (size_t i = 0; i < m_parts.size(); ++i)
    {
        if (!m_parts[i])
        {
            throw std::invalid_argument("AllOfDecoder: part " + std::to_string(i) + " is null");
        }
    }
}

bool
AllOfDecoder::OnResult(uint32_t taskId)
{
    if (m_decodable)
    {
        return true;
    }
    bool all = true;
    for (auto& part : m_parts)
    {
        all = part->OnResult(taskId) && all;
    }
    if (!all)
    {
        return false;
    }
    double sumSquares = 0.0;
    m_result = DecodeResult{};
    m_result.exact = true;
    for (const auto& part : m_parts)
    {
        const DecodeResult& r = part->Result();
        m_result.tasks.insert(m_result.tasks.end(), r.tasks.begin(), r.tasks.end());
        m_result.coefficients.insert(m_result.coefficients.end(),
                                     r.coefficients.begin(),
                                     r.coefficients.end());
        m_result.exact = m_result.exact && r.exact;
        sumSquares += r.residual * r.residual;
        m_result.maxResidual = std::max(m_result.maxResidual, r.maxResidual);
    }
    m_result.residual = std::sqrt(sumSquares);
    m_decodable = true;
    return true;
}

bool
AllOfDecoder::IsDecodable() const
{
    return m_decodable;
}

const DecodeResult&
AllOfDecoder::Result() const
{
    if (!m_decodable)
    {
        throw std::logic_error("AllOfDecoder::Result: not every part is decodable yet");
    }
    return m_result;
}

uint32_t
AllOfDecoder::MinResults() const
{
    uint32_t n = 0;
    for (const auto& part : m_parts)
    {
        n += part->MinResults();
    }
    return n;
}

} // namespace coded
} // namespace ns3
