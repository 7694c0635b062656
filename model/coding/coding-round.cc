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

std::vector<size_t>
CodingRound::Late(double elapsed) const
{
    const TwoStageInfo& info = m_plan.GetTwoStageInfo();
    const bool counted = info.triggerCount > 0 && NumReceived(1) >= info.triggerCount;
    std::vector<size_t> late;
    for (size_t g = 0; g < info.stageOneWorkers.size(); ++g)
    {
        if (!info.replanned[g] && !IsReceived(info.stageOneTasks[g]) &&
            (counted || elapsed >= info.deadlines[g]))
        {
            late.push_back(g);
        }
    }
    return late;
}

double
CodingRound::NextStageTwoTime() const
{
    double next = std::numeric_limits<double>::infinity();
    if (!HasStageTwo() || IsDecodable())
    {
        return next;
    }
    const TwoStageInfo& info = m_plan.GetTwoStageInfo();
    for (size_t g = 0; g < info.stageOneWorkers.size(); ++g)
    {
        if (!info.replanned[g] && !IsReceived(info.stageOneTasks[g]))
        {
            next = std::min(next, info.deadlines[g]);
        }
    }
    return next;
}

bool
CodingRound::ShouldStartStageTwo(double elapsed) const
{
    if (!HasStageTwo() || IsDecodable())
    {
        return false;
    }
    return !Late(elapsed).empty();
}

std::vector<uint32_t>
CodingRound::StartStageTwo(double elapsed)
{
    if (!HasStageTwo())
    {
        throw std::logic_error("CodingRound::StartStageTwo: this scheme has no stage two");
    }
    if (IsDecodable())
    {
        return {};
    }
    const std::vector<size_t> late = Late(elapsed);
    if (late.empty())
    {
        return {};
    }
    std::vector<uint32_t> ids = BuildStageTwo(elapsed, late);
    for (size_t g : late)
    {
        m_plan.GetTwoStageInfo().replanned[g] = true;
    }
    m_received.resize(m_plan.NumTasks(), false);
    return ids;
}

std::vector<uint32_t>
CodingRound::BuildStageTwo(double /* elapsed */, const std::vector<size_t>& /* late */)
{
    throw std::logic_error("CodingRound::BuildStageTwo: this scheme has no stage two");
}

} // namespace coded
} // namespace ns3
