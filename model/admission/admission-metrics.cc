// SPDX-License-Identifier: GPL-2.0-only
#include "admission-metrics.h"

#include "admission-checks.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

namespace
{

/// The vector of each AdmissionMetrics::Amount in a slot outcome, in the order of the enumeration.
constexpr std::vector<double> AdmissionSlotOutcome::*OUTCOME_VECTORS[] = {
    &AdmissionSlotOutcome::arrivals,
    &AdmissionSlotOutcome::admitted,
    &AdmissionSlotOutcome::scheduled,
    &AdmissionSlotOutcome::delivered,
    &AdmissionSlotOutcome::wasted,
    &AdmissionSlotOutcome::backlog,
    &AdmissionSlotOutcome::virtualBacklog,
};

static_assert(std::size(OUTCOME_VECTORS) == AdmissionMetrics::NUM_AMOUNTS, "one per amount");
static_assert(static_cast<std::size_t>(AdmissionMetrics::Amount::VIRTUAL_BACKLOG) + 1 ==
                  AdmissionMetrics::NUM_AMOUNTS,
              "NUM_AMOUNTS counts the amounts");

/// \param amount an amount \return its index in the per-amount arrays
std::size_t
Index(AdmissionMetrics::Amount amount)
{
    return static_cast<std::size_t>(amount);
}

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
    for (std::size_t a = 0; a < NUM_AMOUNTS; ++a)
    {
        m_sums[a].assign(m_numQueues, 0.0);
        m_largest[a].assign(m_numQueues, 0.0);
    }
    m_servedSlots.assign(m_numQueues, 0);
    m_slotUtility = 0.0;
}

void
AdmissionMetrics::Record(const AdmissionSlotOutcome& s)
{
    for (const auto vector : OUTCOME_VECTORS)
    {
        RequireSize("AdmissionMetrics", "a slot outcome", (s.*vector).size(), m_numQueues);
    }
    ++m_slots;
    for (std::size_t a = 0; a < NUM_AMOUNTS; ++a)
    {
        const std::vector<double>& v = s.*OUTCOME_VECTORS[a];
        for (uint32_t i = 0; i < m_numQueues; ++i)
        {
            m_sums[a][i] += v[i];
            m_largest[a][i] = std::max(m_largest[a][i], v[i]);
        }
    }
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
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
AdmissionMetrics::Average(Amount amount, uint32_t i) const
{
    Check(i);
    return Mean(m_sums[Index(amount)][i]);
}

std::vector<double>
AdmissionMetrics::Averages(Amount amount) const
{
    std::vector<double> v(m_numQueues);
    for (uint32_t i = 0; i < m_numQueues; ++i)
    {
        v[i] = Mean(m_sums[Index(amount)][i]);
    }
    return v;
}

double
AdmissionMetrics::AverageTotal(Amount amount) const
{
    return Mean(Sum(m_sums[Index(amount)]));
}

double
AdmissionMetrics::Largest(Amount amount, uint32_t i) const
{
    Check(i);
    return m_largest[Index(amount)][i];
}

double
AdmissionMetrics::Largest(Amount amount) const
{
    const std::vector<double>& largest = m_largest[Index(amount)];
    return *std::max_element(largest.begin(), largest.end());
}

double
AdmissionMetrics::Jain(Amount amount) const
{
    return JainIndex(Averages(amount));
}

uint64_t
AdmissionMetrics::ServedSlots(uint32_t i) const
{
    Check(i);
    return m_servedSlots[i];
}

double
AdmissionMetrics::AverageSlotUtility() const
{
    return Mean(m_slotUtility);
}

double
AdmissionMetrics::AverageTotalBacklog() const
{
    return AverageTotal(Amount::BACKLOG);
}

double
AdmissionMetrics::AverageTotalVirtualBacklog() const
{
    return AverageTotal(Amount::VIRTUAL_BACKLOG);
}

double
AdmissionMetrics::Throughput() const
{
    return AverageTotal(Amount::DELIVERED);
}

double
AdmissionMetrics::TotalWasted() const
{
    return AverageTotal(Amount::WASTED);
}

double
AdmissionMetrics::JainAdmitted() const
{
    return Jain(Amount::ADMITTED);
}

double
AdmissionMetrics::JainDelivered() const
{
    return Jain(Amount::DELIVERED);
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
