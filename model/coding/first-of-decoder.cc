// SPDX-License-Identifier: GPL-2.0-only
#include "first-of-decoder.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

bool
FirstOfDecoder::AddAlternative(std::unique_ptr<GradientDecoder> alternative)
{
    if (!alternative)
    {
        throw std::invalid_argument("FirstOfDecoder::AddAlternative: the alternative is null");
    }
    m_alternatives.push_back(std::move(alternative));
    Check();
    return IsDecodable();
}

void
FirstOfDecoder::Check()
{
    if (m_winner >= 0)
    {
        return;
    }
    for (size_t i = 0; i < m_alternatives.size(); ++i)
    {
        if (m_alternatives[i]->IsDecodable())
        {
            m_winner = static_cast<int64_t>(i);
            return;
        }
    }
}

bool
FirstOfDecoder::OnResult(uint32_t taskId)
{
    if (m_winner >= 0)
    {
        return true;
    }
    for (auto& alternative : m_alternatives)
    {
        alternative->OnResult(taskId);
    }
    Check();
    return IsDecodable();
}

bool
FirstOfDecoder::IsDecodable() const
{
    return m_winner >= 0;
}

size_t
FirstOfDecoder::Winner() const
{
    if (m_winner < 0)
    {
        throw std::logic_error("FirstOfDecoder::Winner: no alternative is decodable yet");
    }
    return static_cast<size_t>(m_winner);
}

const DecodeResult&
FirstOfDecoder::Result() const
{
    return m_alternatives[Winner()]->Result();
}

uint32_t
FirstOfDecoder::MinResults() const
{
    if (m_alternatives.empty())
    {
        return 0;
    }
    uint32_t n = m_alternatives.front()->MinResults();
    for (const auto& alternative : m_alternatives)
    {
        n = std::min(n, alternative->MinResults());
    }
    return n;
}

} // namespace coded
} // namespace ns3
