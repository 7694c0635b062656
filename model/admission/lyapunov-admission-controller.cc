// SPDX-License-Identifier: GPL-2.0-only
#include "lyapunov-admission-controller.h"

#include "admission-checks.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

/// The class named in the error messages.
constexpr const char* OWNER = "LyapunovAdmissionController";

void
LyapunovAdmissionController::Validate(const Config& c)
{
    if (c.numQueues < 1)
    {
        ThrowOutOfRange(OWNER, "numQueues", c.numQueues, "[1, inf)");
    }
    if (!(std::isfinite(c.v) && c.v > 0.0))
    {
        ThrowOutOfRange(OWNER, "v", c.v, "(0, inf)");
    }
    if (!c.weights.empty())
    {
        RequireSize(OWNER, "weights", c.weights.size(), c.numQueues);
        for (std::size_t i = 0; i < c.weights.size(); ++i)
        {
            if (!(std::isfinite(c.weights[i]) && c.weights[i] > 0.0))
            {
                ThrowOutOfRange(OWNER,
                                "weights[" + std::to_string(i) + "]",
                                c.weights[i],
                                "(0, inf)");
            }
        }
    }
    if (!c.perturbation.empty())
    {
        RequireSize(OWNER, "perturbation", c.perturbation.size(), c.numQueues);
        for (std::size_t i = 0; i < c.perturbation.size(); ++i)
        {
            if (!(std::isfinite(c.perturbation[i]) && c.perturbation[i] >= 0.0))
            {
                ThrowOutOfRange(OWNER,
                                "perturbation[" + std::to_string(i) + "]",
                                c.perturbation[i],
                                "[0, inf)");
            }
        }
    }
    if (!(std::isfinite(c.maxArrival) && c.maxArrival > 0.0))
    {
        ThrowOutOfRange(OWNER, "maxArrival", c.maxArrival, "(0, inf)");
    }
    if (c.variant != AUX && c.variant != DIRECT)
    {
        ThrowOutOfRange(OWNER, "variant", static_cast<int>(c.variant), "{AUX, DIRECT}");
    }
    if (c.scheduling != TDMA && c.scheduling != SPLIT)
    {
        ThrowOutOfRange(OWNER, "scheduling", static_cast<int>(c.scheduling), "{TDMA, SPLIT}");
    }
    if (c.resourceBlocks < 1)
    {
        ThrowOutOfRange(OWNER, "resourceBlocks", c.resourceBlocks, "[1, inf)");
    }
}

LyapunovAdmissionController::LyapunovAdmissionController(const Config& config)
    : m_config(config),
      m_metrics(std::max<uint32_t>(1, config.numQueues))
{
    Validate(config);
    const uint32_t n = config.numQueues;
    if (m_config.weights.empty())
    {
        m_config.weights.assign(n, 1.0);
    }
    if (m_config.perturbation.empty())
    {
        m_config.perturbation.assign(n, 0.0);
    }
    m_q.assign(n, 0.0);
    m_z.assign(n, 0.0);
}

void
LyapunovAdmissionController::Check(uint32_t i) const
{
    RequireIndex(OWNER, "queue", i, m_config.numQueues);
}

double
LyapunovAdmissionController::AuxiliaryTarget(uint32_t i, double z) const
{
    Check(i);
    return m_config.utility.Maximise(m_config.v * m_config.weights[i], z, m_config.maxArrival);
}

double
LyapunovAdmissionController::AdmissionLimit(uint32_t i, double q, double z, double offered) const
{
    Check(i);
    if (!(std::isfinite(offered) && offered >= 0.0))
    {
        ThrowOutOfRange(OWNER, "offered", offered, "[0, inf)");
    }
    const double excess = q - m_config.perturbation[i];
    if (m_config.variant == AUX)
    {
        return excess <= z ? offered : 0.0;
    }
    return m_config.utility.Maximise(m_config.v * m_config.weights[i], excess, offered);
}

double
LyapunovAdmissionController::DirectBudget(uint32_t i, double q) const
{
    Check(i);
    return m_config.utility.Maximise(m_config.v * m_config.weights[i],
                                     q - m_config.perturbation[i],
                                     m_config.maxArrival);
}

double
LyapunovAdmissionController::ScheduleWeight(uint32_t i, double q, double rate) const
{
    Check(i);
    return (q - m_config.perturbation[i]) * rate;
}

std::vector<double>
LyapunovAdmissionController::Schedule(const std::vector<double>& backlog,
                                      const std::vector<double>& capacity) const
{
    const uint32_t n = m_config.numQueues;
    const uint32_t m = m_config.resourceBlocks;
    RequireSize(OWNER, "backlog", backlog.size(), n);
    RequireSize(OWNER, "capacity", capacity.size(), static_cast<std::size_t>(n) * m);
    std::vector<double> service(n, 0.0);
    if (m_config.scheduling == TDMA)
    {
        int32_t best = -1;
        double bestWeight = 0.0;
        int32_t fallback = -1; // work conserving: the best non-empty queue with capacity
        double fallbackWeight = 0.0;
        std::vector<double> total(n, 0.0);
        for (uint32_t i = 0; i < n; ++i)
        {
            for (uint32_t b = 0; b < m; ++b)
            {
                total[i] += capacity[i * m + b];
            }
            const double w = ScheduleWeight(i, backlog[i], total[i]);
            if (w > bestWeight)
            {
                best = static_cast<int32_t>(i);
                bestWeight = w;
            }
            if (backlog[i] > 0.0 && total[i] > 0.0 && (fallback < 0 || w > fallbackWeight))
            {
                fallback = static_cast<int32_t>(i);
                fallbackWeight = w;
            }
        }
        if (best < 0 && m_config.workConserving)
        {
            best = fallback;
        }
        if (best >= 0)
        {
            service[best] = total[best];
        }
        return service;
    }
    std::vector<uint32_t> winners;
    for (uint32_t b = 0; b < m; ++b)
    {
        double bestWeight = 0.0;
        int32_t fallback = -1;
        double fallbackWeight = 0.0;
        winners.clear();
        for (uint32_t i = 0; i < n; ++i)
        {
            const double c = capacity[i * m + b];
            const double w = ScheduleWeight(i, backlog[i], c);
            if (w > bestWeight)
            {
                bestWeight = w;
                winners.assign(1, i);
            }
            else if (w == bestWeight && w > 0.0)
            {
                winners.push_back(i);
            }
            if (backlog[i] > 0.0 && c > 0.0 && (fallback < 0 || w > fallbackWeight))
            {
                fallback = static_cast<int32_t>(i);
                fallbackWeight = w;
            }
        }
        if (winners.empty() && m_config.workConserving && fallback >= 0)
        {
            winners.assign(1, static_cast<uint32_t>(fallback));
        }
        for (uint32_t i : winners)
        {
            service[i] += capacity[i * m + b] / static_cast<double>(winners.size());
        }
    }
    return service;
}

double
LyapunovAdmissionController::NextVirtualBacklog(double z, double admitted, double gamma)
{
    return std::max(z - admitted + gamma, 0.0);
}

const AdmissionSlotOutcome&
LyapunovAdmissionController::Step(const std::vector<double>& arrivals,
                                  const std::vector<double>& capacity)
{
    return DoStep(arrivals, capacity, nullptr, nullptr);
}

const AdmissionSlotOutcome&
LyapunovAdmissionController::StepMeasured(const std::vector<double>& arrivals,
                                          const std::vector<double>& capacity,
                                          const std::vector<double>& arrived,
                                          const std::vector<double>& inFlight)
{
    RequireSize(OWNER, "arrived", arrived.size(), m_config.numQueues);
    RequireSize(OWNER, "inFlight", inFlight.size(), m_config.numQueues);
    for (uint32_t i = 0; i < m_config.numQueues; ++i)
    {
        if (!(std::isfinite(arrived[i]) && arrived[i] >= 0.0))
        {
            ThrowOutOfRange(OWNER, "arrived[" + std::to_string(i) + "]", arrived[i], "[0, inf)");
        }
        if (!(std::isfinite(inFlight[i]) && inFlight[i] >= 0.0))
        {
            ThrowOutOfRange(OWNER, "inFlight[" + std::to_string(i) + "]", inFlight[i], "[0, inf)");
        }
    }
    return DoStep(arrivals, capacity, &arrived, &inFlight);
}

const AdmissionSlotOutcome&
LyapunovAdmissionController::DoStep(const std::vector<double>& arrivals,
                                    const std::vector<double>& capacity,
                                    const std::vector<double>* arrived,
                                    const std::vector<double>* inFlight)
{
    const uint32_t n = m_config.numQueues;
    RequireSize(OWNER, "arrivals", arrivals.size(), n);
    RequireSize(OWNER,
                "capacity",
                capacity.size(),
                static_cast<std::size_t>(n) * m_config.resourceBlocks);
    for (uint32_t i = 0; i < n; ++i)
    {
        // A relative slack of 1e-12 tolerates callers that compute A_max in another order.
        if (!(std::isfinite(arrivals[i]) && arrivals[i] >= 0.0 &&
              arrivals[i] <= m_config.maxArrival * (1.0 + 1e-12)))
        {
            std::ostringstream range;
            range << "[0, maxArrival = " << m_config.maxArrival << "]";
            ThrowOutOfRange(OWNER, "arrivals[" + std::to_string(i) + "]", arrivals[i], range.str());
        }
    }
    for (std::size_t k = 0; k < capacity.size(); ++k)
    {
        if (!(std::isfinite(capacity[k]) && capacity[k] >= 0.0))
        {
            ThrowOutOfRange(OWNER, "capacity[" + std::to_string(k) + "]", capacity[k], "[0, inf)");
        }
    }

    AdmissionSlotOutcome& out = m_last;
    out.arrivals = arrivals;
    out.auxiliary.assign(n, 0.0);
    out.admitted.assign(n, 0.0);
    out.delivered.assign(n, 0.0);
    out.wasted.assign(n, 0.0);
    out.slotUtility = 0.0;
    for (uint32_t i = 0; i < n; ++i)
    {
        if (m_config.variant == AUX)
        {
            out.auxiliary[i] = AuxiliaryTarget(i, m_z[i]);
        }
        out.admitted[i] = AdmissionLimit(i, m_q[i], m_z[i], arrivals[i]);
    }
    // Service is decided on Q(t): data admitted in slot t is served from slot t + 1 on. The
    // measured uplink schedules the data not yet granted.
    std::vector<double> servable = m_q;
    if (inFlight)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            servable[i] = std::max(0.0, m_q[i] - (*inFlight)[i]);
        }
    }
    out.scheduled = Schedule(servable, capacity);
    for (uint32_t i = 0; i < n; ++i)
    {
        const double served = std::min(servable[i], out.scheduled[i]);
        out.wasted[i] = out.scheduled[i] - served;
        // Fluid model: the service is delivered at once; measured: what arrived in the slot.
        out.delivered[i] = arrived ? std::min(m_q[i], (*arrived)[i]) : served;
        m_q[i] = m_q[i] - out.delivered[i] + out.admitted[i];
        if (m_config.variant == AUX)
        {
            m_z[i] = NextVirtualBacklog(m_z[i], out.admitted[i], out.auxiliary[i]);
        }
        out.slotUtility += m_config.weights[i] * m_config.utility.Value(out.admitted[i]);
    }
    out.backlog = m_q;
    out.virtualBacklog = m_z;
    m_metrics.Record(out);
    return out;
}

double
LyapunovAdmissionController::SlopeBound(uint32_t i) const
{
    Check(i);
    return m_config.weights[i] * m_config.utility.SlopeAtZero();
}

double
LyapunovAdmissionController::VirtualBacklogBound(uint32_t i) const
{
    return m_config.v * SlopeBound(i) + m_config.maxArrival;
}

double
LyapunovAdmissionController::BacklogBound(uint32_t i) const
{
    const double arrivals = (m_config.variant == AUX ? 2.0 : 1.0) * m_config.maxArrival;
    return m_config.perturbation[i] + m_config.v * SlopeBound(i) + arrivals;
}

double
LyapunovAdmissionController::TotalUtility(const std::vector<double>& rates) const
{
    RequireSize(OWNER, "rates", rates.size(), m_config.numQueues);
    double u = 0.0;
    for (uint32_t i = 0; i < m_config.numQueues; ++i)
    {
        u += m_config.weights[i] * m_config.utility.Value(rates[i]);
    }
    return u;
}

double
LyapunovAdmissionController::UtilityOfAdmitted() const
{
    return TotalUtility(m_metrics.Averages(AdmissionMetrics::Amount::ADMITTED));
}

double
LyapunovAdmissionController::UtilityOfDelivered() const
{
    return TotalUtility(m_metrics.Averages(AdmissionMetrics::Amount::DELIVERED));
}

const AdmissionMetrics&
LyapunovAdmissionController::Metrics() const
{
    return m_metrics;
}

void
LyapunovAdmissionController::ResetMetrics()
{
    m_metrics.Reset();
}

const LyapunovAdmissionController::Config&
LyapunovAdmissionController::GetConfig() const
{
    return m_config;
}

uint32_t
LyapunovAdmissionController::NumQueues() const
{
    return m_config.numQueues;
}

double
LyapunovAdmissionController::Backlog(uint32_t i) const
{
    Check(i);
    return m_q[i];
}

double
LyapunovAdmissionController::VirtualBacklog(uint32_t i) const
{
    Check(i);
    return m_z[i];
}

const std::vector<double>&
LyapunovAdmissionController::Backlogs() const
{
    return m_q;
}

const std::vector<double>&
LyapunovAdmissionController::VirtualBacklogs() const
{
    return m_z;
}

double
LyapunovAdmissionController::Perturbation(uint32_t i) const
{
    Check(i);
    return m_config.perturbation[i];
}

double
LyapunovAdmissionController::UtilityWeight(uint32_t i) const
{
    Check(i);
    return m_config.weights[i];
}

void
LyapunovAdmissionController::SetPerturbation(uint32_t i, double theta)
{
    Check(i);
    if (!(std::isfinite(theta) && theta >= 0.0))
    {
        ThrowOutOfRange(OWNER, "perturbation[" + std::to_string(i) + "]", theta, "[0, inf)");
    }
    m_config.perturbation[i] = theta;
}

void
LyapunovAdmissionController::SetUtilityWeight(uint32_t i, double weight)
{
    Check(i);
    if (!(std::isfinite(weight) && weight > 0.0))
    {
        ThrowOutOfRange(OWNER, "weights[" + std::to_string(i) + "]", weight, "(0, inf)");
    }
    m_config.weights[i] = weight;
}

double
LyapunovAdmissionController::Flush(uint32_t i)
{
    Check(i);
    const double q = m_q[i];
    m_q[i] = 0.0;
    return q;
}

} // namespace coded
} // namespace ns3
