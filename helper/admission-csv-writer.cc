// SPDX-License-Identifier: GPL-2.0-only
#include "admission-csv-writer.h"

#include "ns3/admission-metrics.h"
#include "ns3/callback.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iomanip>
#include <locale>
#include <stdexcept>

namespace ns3
{

AdmissionCsvWriter::AdmissionCsvWriter(const std::string& path, uint32_t interval)
    : m_path(path),
      m_out(path),
      m_interval(interval)
{
    if (interval == 0)
    {
        throw std::invalid_argument("AdmissionCsvWriter: interval = 0 slots, must be >= 1");
    }
    if (!m_out)
    {
        throw std::runtime_error("cannot write '" + path + "'");
    }
    m_out.imbue(std::locale::classic());
    m_out << "time_s,slot,total_backlog,total_virtual_backlog,total_reservoir,admitted_total,"
             "delivered_total,jain_admitted,min_admitted_share,max_admitted_share,wasted_total,"
             "utility\n";
    m_out << std::setprecision(10);
    m_out.flush();
}

void
AdmissionCsvWriter::Connect(Ptr<LyapunovSlotScheduler> scheduler)
{
    m_sched = scheduler;
    scheduler->TraceConnectWithoutContext("Admitted",
                                          MakeCallback(&AdmissionCsvWriter::OnAdmitted, this));
    scheduler->TraceConnectWithoutContext("Backlog",
                                          MakeCallback(&AdmissionCsvWriter::OnBacklog, this));
    scheduler->TraceConnectWithoutContext("Slot", MakeCallback(&AdmissionCsvWriter::OnSlot, this));
}

void
AdmissionCsvWriter::Grow(uint32_t queue)
{
    if (queue >= m_admitted.size())
    {
        m_admitted.resize(queue + 1, 0.0);
        m_backlog.resize(queue + 1, 0.0);
        m_virtual.resize(queue + 1, 0.0);
    }
}

void
AdmissionCsvWriter::OnAdmitted(uint32_t queue, double /* offered */, double admitted)
{
    Grow(queue);
    m_admitted[queue] += admitted;
}

void
AdmissionCsvWriter::OnBacklog(uint32_t queue, double backlog, double virtualBacklog)
{
    Grow(queue);
    m_backlog[queue] = backlog;
    m_virtual[queue] = virtualBacklog;
}

void
AdmissionCsvWriter::OnSlot(uint64_t slot, double /* admitted */, double delivered, double wasted)
{
    m_delivered += delivered;
    m_wasted += wasted;
    if ((slot + 1) % m_interval != 0)
    {
        return;
    }
    UintegerValue numQueues;
    m_sched->GetAttribute("NumQueues", numQueues);
    const auto n = static_cast<uint32_t>(numQueues.Get());
    if (n > 0)
    {
        Grow(n - 1); // workers that never had data count as 0 in the index
    }
    double q = 0;
    double z = 0;
    double r = 0;
    double a = 0;
    for (uint32_t i = 0; i < m_admitted.size(); ++i)
    {
        q += m_backlog[i];
        z += m_virtual[i];
        a += m_admitted[i];
        if (i < n)
        {
            r += m_sched->GetReservoir(i);
        }
    }
    double minShare = 0;
    double maxShare = 0;
    if (a > 0)
    {
        minShare = *std::min_element(m_admitted.begin(), m_admitted.end()) / a;
        maxShare = *std::max_element(m_admitted.begin(), m_admitted.end()) / a;
    }
    const double jain = m_admitted.empty() ? 1.0 : coded::AdmissionMetrics::JainIndex(m_admitted);
    m_out << Simulator::Now().GetSeconds() << ',' << slot << ',' << q << ',' << z << ',' << r << ','
          << a << ',' << m_delivered << ',' << jain << ',' << minShare << ',' << maxShare << ','
          << m_wasted << ',' << m_sched->GetController().UtilityOfAdmitted() << '\n';
    m_out.flush();
    if (!m_out)
    {
        throw std::runtime_error("write error on '" + m_path + "'");
    }
    ++m_rows;
}

} // namespace ns3
