// SPDX-License-Identifier: GPL-2.0-only
#include "coding-round.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

CodingRound::CodingRound(IterationPlan plan, std::unique_ptr<GradientDecoder> decoder)
    : m_plan(std::move(plan)),
      m_decoder(std::move(decoder))
{
    if (!m_decoder)
    {
        throw std::invalid_argument("CodingRound: the decoder is null");
    }
    m_received.assign(m_plan.NumTasks(), false);
}

bool
CodingRound::OnResult(uint32_t taskId)
{
    if (taskId >= m_plan.NumTasks())
    {
        throw std::invalid_argument("CodingRound::OnResult: task = " + std::to_string(taskId) +
                                    ", the plan has " + std::to_string(m_plan.NumTasks()) +
                                    " tasks");
    }
    if (m_received.size() < m_plan.NumTasks())
    {
        m_received.resize(m_plan.NumTasks(), false);
    }
    if (m_received[taskId])
    {
        throw std::invalid_argument("CodingRound::OnResult: task " + std::to_string(taskId) +
                                    " reported twice");
    }
    m_received[taskId] = true;
    m_arrivals.push_back(taskId);
    ++m_stageCount[m_plan.Task(taskId).stage == 2 ? 1 : 0];
    const bool was = m_decoder->IsDecodable();
    const bool now = m_decoder->OnResult(taskId);
    if (now && !was)
    {
        m_receivedAtDecode = NumReceived();
    }
    return now;
}

bool
CodingRound::IsDecodable() const
{
    return m_decoder->IsDecodable();
}

const DecodeResult&
CodingRound::Decode() const
{
    if (!m_decoder->IsDecodable())
    {
        throw std::logic_error("CodingRound::Decode: iteration " +
                               std::to_string(m_plan.Iteration()) + " is not decodable yet (" +
                               std::to_string(NumReceived()) + " results received)");
    }
    return m_decoder->Result();
}

uint32_t
CodingRound::NumReceived(uint32_t stage) const
{
    if (stage != 1 && stage != 2)
    {
        throw std::invalid_argument("CodingRound::NumReceived: stage = " + std::to_string(stage) +
                                    ", must be 1 or 2");
    }
    return m_stageCount[stage - 1];
}

bool
CodingRound::IsReceived(uint32_t taskId) const
{
    return taskId < m_received.size() && m_received[taskId];
}

bool
CodingRound::ShouldStartStageTwo(double elapsed) const
{
    if (!HasStageTwo() || StageTwoStarted() || IsDecodable())
    {
        return false;
    }
    return elapsed >= StageTwoDeadline() || NumReceived(1) >= StageTwoTriggerCount();
}

std::vector<uint32_t>
CodingRound::StartStageTwo()
{
    if (!HasStageTwo())
    {
        throw std::logic_error("CodingRound::StartStageTwo: this scheme has no stage two");
    }
    if (StageTwoStarted())
    {
        throw std::logic_error("CodingRound::StartStageTwo: stage two of iteration " +
                               std::to_string(m_plan.Iteration()) + " was already started");
    }
    m_plan.GetTwoStageInfo().started = true;
    if (IsDecodable())
    {
        return {};
    }
    std::vector<uint32_t> ids = BuildStageTwo();
    m_received.resize(m_plan.NumTasks(), false);
    return ids;
}

std::vector<uint32_t>
CodingRound::BuildStageTwo()
{
    throw std::logic_error("CodingRound::BuildStageTwo: this scheme has no stage two");
}

double
CodingRound::TriggerTime(std::vector<double> stageOneFinishTimes, uint32_t c, double deadline)
{
    double t = deadline;
    if (c >= 1 && c <= stageOneFinishTimes.size())
    {
        std::nth_element(stageOneFinishTimes.begin(),
                         stageOneFinishTimes.begin() + (c - 1),
                         stageOneFinishTimes.end());
        t = std::min(t, stageOneFinishTimes[c - 1]);
    }
    return t;
}

} // namespace coded
} // namespace ns3
