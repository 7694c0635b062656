// SPDX-License-Identifier: GPL-2.0-only
#include "completion-history.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

CompletionHistory::CompletionHistory(uint32_t numWorkers,
                                     double beta,
                                     double initialPerUnitTime,
                                     uint32_t finishWindow)
    : m_beta(beta),
      m_finishWindow(finishWindow)
{
    if (numWorkers < 1)
    {
        throw std::invalid_argument("CompletionHistory: numWorkers = 0, must be >= 1");
    }
    if (!(beta >= 0.0 && beta < 1.0))
    {
        throw std::invalid_argument("CompletionHistory: beta = " + std::to_string(beta) +
                                    ", must be in [0, 1)");
    }
    if (!(initialPerUnitTime > 0.0) || !std::isfinite(initialPerUnitTime))
    {
        throw std::invalid_argument(
            "CompletionHistory: initialPerUnitTime = " + std::to_string(initialPerUnitTime) +
            ", must be finite and > 0");
    }
    if (finishWindow < 1)
    {
        throw std::invalid_argument("CompletionHistory: finishWindow = 0, must be >= 1");
    }
    m_perUnitTime.assign(numWorkers, initialPerUnitTime);
    m_observations.assign(numWorkers, 0);
}

void
CompletionHistory::Check(const char* what, uint32_t worker, double time, double load) const
{
    if (worker >= m_perUnitTime.size())
    {
        throw std::invalid_argument(std::string("CompletionHistory::") + what +
                                    ": worker = " + std::to_string(worker) +
                                    ", must be < n = " + std::to_string(m_perUnitTime.size()));
    }
    if (!(time >= 0.0) || !std::isfinite(time))
    {
        throw std::invalid_argument(std::string("CompletionHistory::") + what + ": time = " +
                                    std::to_string(time) + ", must be finite and >= 0");
    }
    if (!(load > 0.0) || !std::isfinite(load))
    {
        throw std::invalid_argument(std::string("CompletionHistory::") + what + ": load = " +
                                    std::to_string(load) + ", must be finite and > 0");
    }
}

void
CompletionHistory::RecordCompletion(uint32_t worker, double duration, double load)
{
    Check("RecordCompletion", worker, duration, load);
    m_perUnitTime[worker] = m_beta * m_perUnitTime[worker] + (1.0 - m_beta) * duration / load;
    // A zero duration would make the speed infinite; keep T_i positive.
    m_perUnitTime[worker] = std::max(m_perUnitTime[worker], std::numeric_limits<double>::min());
    ++m_observations[worker];
}

void
CompletionHistory::RecordCensored(uint32_t worker, double elapsed, double load)
{
    Check("RecordCensored", worker, elapsed, load);
    const double updated = m_beta * m_perUnitTime[worker] + (1.0 - m_beta) * elapsed / load;
    m_perUnitTime[worker] = std::max(m_perUnitTime[worker], updated);
    ++m_observations[worker];
}

void
CompletionHistory::RecordStageOneFinish(double time)
{
    if (!(time >= 0.0) || !std::isfinite(time))
    {
        throw std::invalid_argument("CompletionHistory::RecordStageOneFinish: time = " +
                                    std::to_string(time) + ", must be finite and >= 0");
    }
    m_finishTimes.push_back(time);
    while (m_finishTimes.size() > m_finishWindow)
    {
        m_finishTimes.pop_front();
    }
}

double
CompletionHistory::PerUnitTime(uint32_t worker) const
{
    if (worker >= m_perUnitTime.size())
    {
        throw std::out_of_range(
            "CompletionHistory::PerUnitTime: worker = " + std::to_string(worker) +
            ", must be < n = " + std::to_string(m_perUnitTime.size()));
    }
    return m_perUnitTime[worker];
}

double
CompletionHistory::Speed(uint32_t worker) const
{
    return 1.0 / PerUnitTime(worker);
}

uint32_t
CompletionHistory::NumObservations(uint32_t worker) const
{
    if (worker >= m_observations.size())
    {
        throw std::out_of_range(
            "CompletionHistory::NumObservations: worker = " + std::to_string(worker) +
            ", must be < n = " + std::to_string(m_observations.size()));
    }
    return m_observations[worker];
}

double
CompletionHistory::StageOneFinishQuantile(double q) const
{
    if (!(q >= 0.0 && q <= 1.0))
    {
        throw std::invalid_argument("CompletionHistory::StageOneFinishQuantile: q = " +
                                    std::to_string(q) + ", must be in [0, 1]");
    }
    if (m_finishTimes.empty())
    {
        return std::numeric_limits<double>::infinity();
    }
    std::vector<double> sorted(m_finishTimes.begin(), m_finishTimes.end());
    const auto m = sorted.size();
    auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(m)));
    rank = std::min(std::max<size_t>(rank, 1), m);
    std::nth_element(sorted.begin(), sorted.begin() + (rank - 1), sorted.end());
    return sorted[rank - 1];
}

} // namespace coded
} // namespace ns3
