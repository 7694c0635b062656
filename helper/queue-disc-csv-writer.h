// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_QUEUE_DISC_CSV_WRITER_H
#define CODED_LEARNING_QUEUE_DISC_CSV_WRITER_H

#include "ns3/fair-admission-queue-disc.h"
#include "ns3/ipv4-address.h"
#include "ns3/ptr.h"

#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Writes what a FairAdmissionQueueDisc did to each worker's packets, one row per
 * class (= worker, with the SourceAddressPacketFilter of WifiBackhaulScenarioHelper): the
 * run's queue-disc.csv (--queueDisc=fair-admission).
 *
 * Columns: worker (class index), address (the worker's IPv4 address), received_packets and
 * received_bytes (every packet classified into the class: each enqueue attempt),
 * admitted_bytes (admitted by the rule, at once or after being held back), rejected_bytes
 * (rejected and dropped, RejectMode Drop), dropped_bytes (dropped because the queue disc or
 * the class queue was full), dequeued_packets and dequeued_bytes (sent on to the backhaul),
 * dequeued_share (the class's fraction of every dequeued byte; 0 when nothing was dequeued),
 * peak_backlog_bytes (the most bytes the class held at once, admitted and held back: the
 * largest queue it had).
 * Only simulated quantities: the same run gives the same bytes.
 */
class QueueDiscCsvWriter
{
  public:
    /**
     * Writes the table to a stream.
     * \param os the stream
     * \param queueDisc the queue disc (after the simulation)
     * \param addresses the workers' addresses (class i: addresses[i]); classes without one
     *        get an empty address
     */
    static void Write(std::ostream& os,
                      Ptr<FairAdmissionQueueDisc> queueDisc,
                      const std::vector<Ipv4Address>& addresses);

    /**
     * Writes the table to a file.
     * \param path the CSV file
     * \param queueDisc the queue disc
     * \param addresses the workers' addresses
     * \throws std::runtime_error if the file cannot be written
     */
    static void WriteFile(const std::string& path,
                          Ptr<FairAdmissionQueueDisc> queueDisc,
                          const std::vector<Ipv4Address>& addresses);
};

} // namespace ns3

#endif // CODED_LEARNING_QUEUE_DISC_CSV_WRITER_H
