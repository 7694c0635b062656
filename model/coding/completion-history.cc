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
    m_perUnitDeviation.assign(numWorkers, 0.0);
    m_networkTime.assign(numWorkers, 0.0);
    m_networkDeviation.assign(numWorkers, 0.0);
    m_observations.assign(numWorkers, 0);
    m_censored.assign(numWorkers, 0);
    m_networkSamples.assign(numWorkers, 0);
}

void
CompletionHistory::CheckWorker(const char* what, uint32_t worker) const
{
    if (worker >= m_perUnitTime.size())
    {
        throw std::out_of_range(std::string("CompletionHistory::") + what +
                                ": worker = " + std::to_string(worker) +
                                ", must be < n = " + std::to_string(m_perUnitTime.size()));
    }
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

namespace
{

/// One EWMA step of a mean and its mean deviation (RFC 6298 style; the first sample sets the
/// mean and half of it as the deviation). \param first whether it is the first sample
/// \param beta weight of the old value \param x the sample \param mean the mean
/// \param deviation the mean deviation
void
Update(bool first, double beta, double x, double& mean, double& deviation)
{
    if (first)
    {
        mean = x;
        deviation = x / 2.0;
        return;
    }
    deviation = beta * deviation + (1.0 - beta) * std::abs(x - mean);
    mean = beta * mean + (1.0 - beta) * x;
}

} // namespace

void
CompletionHistory::RecordCompletion(uint32_t worker,
                                    double computeTime,
                                    double load,
                                    double networkTime)
{
    Check("RecordCompletion", worker, computeTime, load);
    if (!(networkTime >= 0.0) || !std::isfinite(networkTime))
    {
        throw std::invalid_argument("CompletionHistory::RecordCompletion: networkTime = " +
                                    std::to_string(networkTime) + ", must be finite and >= 0");
    }
    Update(m_observations[worker] == 0,
           m_beta,
           computeTime / load,
           m_perUnitTime[worker],
           m_perUnitDeviation[worker]);
    // A zero compute time would make the speed infinite; keep T_i positive.
    m_perUnitTime[worker] = std::max(m_perUnitTime[worker], std::numeric_limits<double>::min());
    Update(m_networkSamples[worker] == 0,
           m_beta,
           networkTime,
           m_networkTime[worker],
           m_networkDeviation[worker]);
    ++m_networkSamples[worker];
    ++m_observations[worker];
}

void
CompletionHistory::RecordCensored(uint32_t worker, double elapsed, double load)
{
    Check("RecordCensored", worker, elapsed, load);
    const double bound = std::max(0.0, elapsed - m_networkTime[worker]) / load;
    if (m_observations[worker] == 0)
    {
        m_perUnitTime[worker] = std::max(bound, std::numeric_limits<double>::min());
        m_perUnitDeviation[worker] = bound / 2.0;
    }
    else if (bound > m_perUnitTime[worker])
    {
        Update(false, m_beta, bound, m_perUnitTime[worker], m_perUnitDeviation[worker]);
    }
    ++m_censored[worker];
    ++m_observations[worker];
}

void
CompletionHistory::RecordStageOneFinish(double time, bool censored)
{
    if (!(time >= 0.0) || !std::isfinite(time))
    {
        throw std::invalid_argument("CompletionHistory::RecordStageOneFinish: time = " +
                                    std::to_string(time) + ", must be finite and >= 0");
    }
    m_finishTimes.emplace_back(time, censored);
    while (m_finishTimes.size() > m_finishWindow)
    {
        m_finishTimes.pop_front();
    }
}

void
CompletionHistory::RecordStageOneNetwork(uint32_t participants, double networkTime)
{
    if (participants < 1 || !(networkTime >= 0.0) || !std::isfinite(networkTime))
    {
        throw std::invalid_argument("CompletionHistory::RecordStageOneNetwork: participants = " +
                                    std::to_string(participants) +
                                    " (must be >= 1), networkTime = " +
                                    std::to_string(networkTime) + " (must be finite and >= 0)");
    }
    m_network.emplace_back(participants, networkTime);
    while (m_network.size() > m_finishWindow)
    {
        m_network.pop_front();
    }
}

CompletionHistory::NetworkModel
CompletionHistory::StageOneNetworkModel() const
{
    NetworkModel model;
    if (m_network.empty())
    {
        return model;
    }
    double sm = 0.0;
    double sn = 0.0;
    for (const auto& [m, t] : m_network)
    {
        sm += m;
        sn += t;
    }
    const auto count = static_cast<double>(m_network.size());
    const double meanM = sm / count;
    const double meanN = sn / count;
    double smm = 0.0;
    double smn = 0.0;
    for (const auto& [m, t] : m_network)
    {
        smm += (m - meanM) * (m - meanM);
        smn += (m - meanM) * (t - meanN);
    }
    model.intercept = meanN;
    if (smm > 0.0)
    {
        model.fitted = true;
        model.slope = std::max(0.0, smn / smm);
        model.intercept = std::max(0.0, meanN - model.slope * meanM);
    }
    return model;
}

double
CompletionHistory::PerUnitTime(uint32_t worker) const
{
    CheckWorker("PerUnitTime", worker);
    return m_perUnitTime[worker];
}

double
CompletionHistory::PerUnitDeviation(uint32_t worker) const
{
    CheckWorker("PerUnitDeviation", worker);
    return m_perUnitDeviation[worker];
}

double
CompletionHistory::NetworkTime(uint32_t worker) const
{
    CheckWorker("NetworkTime", worker);
    return m_networkTime[worker];
}

double
CompletionHistory::NetworkDeviation(uint32_t worker) const
{
    CheckWorker("NetworkDeviation", worker);
    return m_networkDeviation[worker];
}

double
CompletionHistory::Speed(uint32_t worker) const
{
    return 1.0 / PerUnitTime(worker);
}

uint32_t
CompletionHistory::NumObservations(uint32_t worker) const
{
    CheckWorker("NumObservations", worker);
    return m_observations[worker];
}

uint32_t
CompletionHistory::NumCensored(uint32_t worker) const
{
    CheckWorker("NumCensored", worker);
    return m_censored[worker];
}

bool
CompletionHistory::HasNetworkEstimate(uint32_t worker) const
{
    CheckWorker("HasNetworkEstimate", worker);
    return m_networkSamples[worker] > 0;
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
    std::vector<double> sorted;
    sorted.reserve(m_finishTimes.size());
    for (const auto& f : m_finishTimes)
    {
        sorted.push_back(f.first);
    }
    const auto m = sorted.size();
    auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(m)));
    rank = std::min(std::max<size_t>(rank, 1), m);
    std::nth_element(sorted.begin(), sorted.begin() + (rank - 1), sorted.end());
    return sorted[rank - 1];
}

size_t
CompletionHistory::NumCensoredStageOneFinishes() const
{
    size_t n = 0;
    for (const auto& f : m_finishTimes)
    {
        n += f.second ? 1 : 0;
    }
    return n;
}

} // namespace coded
} // namespace ns3
