// SPDX-License-Identifier: GPL-2.0-only
#include "queue-disc-csv-writer.h"

#include <fstream>
#include <stdexcept>

namespace ns3
{

void
QueueDiscCsvWriter::Write(std::ostream& os,
                          Ptr<FairAdmissionQueueDisc> queueDisc,
                          const std::vector<Ipv4Address>& addresses)
{
    const uint32_t classes = queueDisc->GetNumClasses();
    uint64_t dequeued = 0;
    for (uint32_t c = 0; c < classes; ++c)
    {
        dequeued += queueDisc->GetDequeuedBytes(c);
    }
    os << "worker,address,received_packets,received_bytes,admitted_bytes,rejected_bytes,"
          "dropped_bytes,dequeued_packets,dequeued_bytes,dequeued_share,peak_backlog_bytes\n";
    for (uint32_t c = 0; c < classes; ++c)
    {
        os << c << ',';
        if (c < addresses.size())
        {
            os << addresses[c];
        }
        const uint64_t bytes = queueDisc->GetDequeuedBytes(c);
        os << ',' << queueDisc->GetReceivedPackets(c) << ',' << queueDisc->GetReceivedBytes(c)
           << ',' << queueDisc->GetAdmittedBytes(c) << ',' << queueDisc->GetRejectedBytes(c) << ','
           << queueDisc->GetDroppedBytes(c) << ',' << queueDisc->GetDequeuedPackets(c) << ','
           << bytes << ','
           << (dequeued > 0 ? static_cast<double>(bytes) / static_cast<double>(dequeued) : 0.0)
           << ',' << queueDisc->GetPeakBytes(c) << '\n';
    }
}

void
QueueDiscCsvWriter::WriteFile(const std::string& path,
                              Ptr<FairAdmissionQueueDisc> queueDisc,
                              const std::vector<Ipv4Address>& addresses)
{
    std::ofstream os(path);
    if (!os)
    {
        throw std::runtime_error("cannot write " + path);
    }
    Write(os, queueDisc, addresses);
    if (!os)
    {
        throw std::runtime_error("cannot write " + path);
    }
}

} // namespace ns3
