// SPDX-License-Identifier: GPL-2.0-only
#include "sgd-optimizer.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace coded
{

SgdOptimizer::SgdOptimizer(const Config& config)
    : m_config(config)
{
    Validate(config);
}

void
SgdOptimizer::Validate(const Config& c)
{
    if (!(c.learningRate > 0.0) || !std::isfinite(c.learningRate))
    {
        throw std::invalid_argument("learningRate = " + std::to_string(c.learningRate) +
                                    ": must be finite and > 0");
    }
    if (!(c.momentum >= 0.0 && c.momentum < 1.0))
    {
        throw std::invalid_argument("momentum = " + std::to_string(c.momentum) +
                                    ": must be in [0, 1)");
    }
    if (!(c.weightDecay >= 0.0) || !std::isfinite(c.weightDecay))
    {
        throw std::invalid_argument("weightDecay = " + std::to_string(c.weightDecay) +
                                    ": must be finite and >= 0");
    }
    if (c.schedule == Schedule::STEP)
    {
        if (!(c.gamma > 0.0 && c.gamma <= 1.0))
        {
            throw std::invalid_argument("gamma = " + std::to_string(c.gamma) +
                                        ": the step schedule needs 0 < gamma <= 1");
        }
        if (c.stepSize < 1)
        {
            throw std::invalid_argument("stepSize = 0: the step schedule needs stepSize >= 1");
        }
    }
    if (c.schedule == Schedule::INVERSE_TIME && (!(c.gamma >= 0.0) || !std::isfinite(c.gamma)))
    {
        throw std::invalid_argument("gamma = " + std::to_string(c.gamma) +
                                    ": the inverse-time schedule needs a finite gamma >= 0");
    }
}

SgdOptimizer::Schedule
SgdOptimizer::ParseSchedule(const std::string& name)
{
    if (name == "constant")
    {
        return Schedule::CONSTANT;
    }
    if (name == "step")
    {
        return Schedule::STEP;
    }
    if (name == "inverse-time")
    {
        return Schedule::INVERSE_TIME;
    }
    throw std::invalid_argument("learning-rate schedule '" + name +
                                "' is unknown; allowed: constant, step, inverse-time");
}

double
SgdOptimizer::CurrentLearningRate() const
{
    const auto t = static_cast<double>(m_steps);
    switch (m_config.schedule)
    {
    case Schedule::CONSTANT:
        return m_config.learningRate;
    case Schedule::STEP:
        return m_config.learningRate * std::pow(m_config.gamma, std::floor(t / m_config.stepSize));
    case Schedule::INVERSE_TIME:
        return m_config.learningRate / (1.0 + m_config.gamma * t);
    }
    return m_config.learningRate;
}

void
SgdOptimizer::Step(DenseVector& params, const DenseVector& gradientSum, uint64_t numSamples)
{
    if (gradientSum.size() != params.size())
    {
        throw std::invalid_argument("SgdOptimizer::Step: gradient has " +
                                    std::to_string(gradientSum.size()) + " entries, parameters " +
                                    std::to_string(params.size()));
    }
    if (numSamples == 0)
    {
        throw std::invalid_argument("SgdOptimizer::Step: numSamples = 0, must be >= 1");
    }
    DenseVector g = gradientSum / static_cast<double>(numSamples);
    if (m_config.weightDecay > 0.0)
    {
        g += m_config.weightDecay * params;
    }
    const double eta = CurrentLearningRate();
    if (m_config.momentum > 0.0)
    {
        if (m_velocity.size() != params.size())
        {
            m_velocity.setZero(params.size());
        }
        m_velocity = m_config.momentum * m_velocity + g;
        params -= eta * m_velocity;
    }
    else
    {
        params -= eta * g;
    }
    ++m_steps;
}

} // namespace coded
} // namespace ns3
