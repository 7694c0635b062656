// SPDX-License-Identifier: GPL-2.0-only
#include "admission-metrics.h"

#include "admission-checks.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

AdmissionMetrics::AdmissionMetrics(uint32_t numQueues)
    : m_numQueues(numQueues)
{
    if (numQueues < 1)
    {
        throw std::invalid_argument("AdmissionMetrics: numQueues = 0 is out of range [1, inf)");
    }
    Reset();
}

void
AdmissionMetrics::Reset()
{
    m_slots = 0;
    m_arrivals.assign(m_numQueues, 0.0);
    m_admitted.assign(m_numQueues, 0.0);
    m_scheduled.assign(m_numQueues, 0.0);
    m_delivered.assign(m_numQueues, 0.0);
    m_wasted.assign(m_numQueues, 0.0);
    m_backlog.assign(m_numQueues, 0.0);
    m_virtual.assign(m_numQueues, 0.0);
    m_maxBacklog.assign(m_numQueues, 0.0);
    m_maxVirtual.assign(m_numQueues, 0.0);
    m_servedSlots.assign(m_numQueues, 0);
    m_maxWasted = 0.0;
    m_slotUtility = 0.0;
}

void
AdmissionMetrics::Record(const AdmissionSlotOutcome& s)
{
    const std::vector<const std::vector<double>*> all = {&s.arrivals,
                                                         &s.admitted,
                                                         &s.scheduled,
                                                         &s.delivered,
                                                         &s.wasted,
                                                         &s.backlog,
                                                         &s.virtualBacklog};
    for (const auto* v : all)
    {
        RequireSize("AdmissionMetrics", "a slot outcome", v->size(), m_numQueues);
    }
    ++m_slots;
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        m_arrivals[i] += s.arrivals[i];
        m_admitted[i] += s.admitted[i];
        m_scheduled[i] += s.scheduled[i];
        m_delivered[i] += s.delivered[i];
        m_wasted[i] += s.wasted[i];
        m_backlog[i] += s.backlog[i];
        m_virtual[i] += s.virtualBacklog[i];
        m_maxBacklog[i] = std::max(m_maxBacklog[i], s.backlog[i]);
        m_maxVirtual[i] = std::max(m_maxVirtual[i], s.virtualBacklog[i]);
        m_maxWasted = std::max(m_maxWasted, s.wasted[i]);
        if (s.delivered[i] > 0.0)
        {
            ++m_servedSlots[i];
        }
    }
    m_slotUtility += s.slotUtility;
}

uint32_t
AdmissionMetrics::NumQueues() const
{
    return m_numQueues;
}

uint64_t
AdmissionMetrics::Slots() const
{
    return m_slots;
}

void
AdmissionMetrics::Check(uint32_t i) const
{
    RequireIndex("AdmissionMetrics", "queue", i, m_numQueues);
}

double
AdmissionMetrics::Mean(double sum) const
{
    return m_slots == 0 ? 0.0 : sum / static_cast<double>(m_slots);
}

double
AdmissionMetrics::AverageArrival(uint32_t i) const
{
    Check(i);
    return Mean(m_arrivals[i]);
}

double
AdmissionMetrics::AverageAdmitted(uint32_t i) const
{
    Check(i);
    return Mean(m_admitted[i]);
}

double
AdmissionMetrics::AverageScheduled(uint32_t i) const
{
    Check(i);
    return Mean(m_scheduled[i]);
}

double
AdmissionMetrics::AverageDelivered(uint32_t i) const
{
    Check(i);
    return Mean(m_delivered[i]);
}

double
AdmissionMetrics::AverageWasted(uint32_t i) const
{
    Check(i);
    return Mean(m_wasted[i]);
}

double
AdmissionMetrics::AverageBacklog(uint32_t i) const
{
    Check(i);
    return Mean(m_backlog[i]);
}

double
AdmissionMetrics::AverageVirtualBacklog(uint32_t i) const
{
    Check(i);
    return Mean(m_virtual[i]);
}

double
AdmissionMetrics::MaxBacklog(uint32_t i) const
{
    Check(i);
    return m_maxBacklog[i];
}

double
AdmissionMetrics::MaxVirtualBacklog(uint32_t i) const
{
    Check(i);
    return m_maxVirtual[i];
}

uint64_t
AdmissionMetrics::ServedSlots(uint32_t i) const
{
    Check(i);
    return m_servedSlots[i];
}

std::vector<double>
AdmissionMetrics::AverageAdmittedVector() const
{
    std::vector<double> v(m_numQueues);
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        v[i] = Mean(m_admitted[i]);
    }
    return v;
}

std::vector<double>
AdmissionMetrics::AverageDeliveredVector() const
{
    std::vector<double> v(m_numQueues);
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        v[i] = Mean(m_delivered[i]);
    }
    return v;
}

namespace
{

/// \param v values \return their sum
double
Sum(const std::vector<double>& v)
{
    double s = 0.0;
    for (double x : v)
    {
        s += x;
    }
    return s;
}

} // namespace

double
AdmissionMetrics::AverageTotalBacklog() const
{
    return Mean(Sum(m_backlog));
}

double
AdmissionMetrics::AverageTotalVirtualBacklog() const
{
    return Mean(Sum(m_virtual));
}

double
AdmissionMetrics::Throughput() const
{
    return Mean(Sum(m_delivered));
}

double
AdmissionMetrics::TotalAdmitted() const
{
    return Mean(Sum(m_admitted));
}

double
AdmissionMetrics::TotalWasted() const
{
    return Mean(Sum(m_wasted));
}

double
AdmissionMetrics::MaxWasted() const
{
    return m_maxWasted;
}

double
AdmissionMetrics::AverageSlotUtility() const
{
    return Mean(m_slotUtility);
}

double
AdmissionMetrics::JainAdmitted() const
{
    return JainIndex(AverageAdmittedVector());
}

double
AdmissionMetrics::JainDelivered() const
{
    return JainIndex(AverageDeliveredVector());
}

double
AdmissionMetrics::JainIndex(const std::vector<double>& x)
{
    if (x.empty())
    {
        throw std::invalid_argument("JainIndex: no values");
    }
    double sum = 0.0;
    double squares = 0.0;
    for (double v : x)
    {
        if (!(std::isfinite(v) && v >= 0.0))
        {
            throw std::invalid_argument("JainIndex: value " + std::to_string(v) +
                                        " is out of range [0, inf)");
        }
        sum += v;
        squares += v * v;
    }
    if (squares == 0.0)
    {
        return 1.0;
    }
    const double n = static_cast<double>(x.size());
    // Clamp rounding noise so that the documented range [1/n, 1] holds exactly.
    return std::min(1.0, std::max(1.0 / n, sum * sum / (n * squares)));
}

} // namespace coded
} // namespace ns3
