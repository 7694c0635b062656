// SPDX-License-Identifier: GPL-2.0-only
#include "group-decoder.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

GroupDecoder::GroupDecoder(std::vector<std::vector<uint32_t>> groups)
    : m_numGroups(static_cast<uint32_t>(groups.size()))
{
    if (groups.empty())
    {
        throw std::invalid_argument("GroupDecoder: no groups given, need at least one");
    }
    uint32_t maxId = 0;
    for (size_t g = 0; g < groups.size(); ++g)
    {
        if (groups[g].empty())
        {
            throw std::invalid_argument("GroupDecoder: group " + std::to_string(g) + " is empty");
        }
        for (uint32_t id : groups[g])
        {
            maxId = std::max(maxId, id);
        }
    }
    m_groupOf.assign(static_cast<size_t>(maxId) + 1, -1);
    for (size_t g = 0; g < groups.size(); ++g)
    {
        for (uint32_t id : groups[g])
        {
            if (m_groupOf[id] >= 0)
            {
                throw std::invalid_argument("GroupDecoder: task " + std::to_string(id) +
                                            " is in two groups");
            }
            m_groupOf[id] = static_cast<int64_t>(g);
        }
    }
    m_firstOf.assign(groups.size(), -1);
}

bool
GroupDecoder::OnResult(uint32_t taskId)
{
    if (taskId >= m_groupOf.size() || m_groupOf[taskId] < 0 || IsDecodable())
    {
        return IsDecodable();
    }
    const auto g = static_cast<size_t>(m_groupOf[taskId]);
    if (m_firstOf[g] < 0)
    {
        m_firstOf[g] = taskId;
        ++m_groupsDone;
        if (IsDecodable())
        {
            m_result.tasks.reserve(m_numGroups);
            for (int64_t id : m_firstOf)
            {
                m_result.tasks.push_back(static_cast<uint32_t>(id));
            }
            m_result.coefficients.assign(m_numGroups, 1.0);
            m_result.exact = true;
            m_result.residual = 0.0;
            m_result.maxResidual = 0.0;
        }
    }
    return IsDecodable();
}

bool
GroupDecoder::IsDecodable() const
{
    return m_groupsDone == m_numGroups;
}

const DecodeResult&
GroupDecoder::Result() const
{
    if (!IsDecodable())
    {
        throw std::logic_error("GroupDecoder::Result: only " + std::to_string(m_groupsDone) +
                               " of " + std::to_string(m_numGroups) +
                               " groups have delivered; not decodable yet");
    }
    return m_result;
}

uint32_t
GroupDecoder::MinResults() const
{
    return m_numGroups;
}

} // namespace coded
} // namespace ns3
