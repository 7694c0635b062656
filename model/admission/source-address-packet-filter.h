// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_SOURCE_ADDRESS_PACKET_FILTER_H
#define CODED_LEARNING_SOURCE_ADDRESS_PACKET_FILTER_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-packet-filter.h"

#include <map>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief An IPv4 packet filter whose class is the index of the packet's source address in a
 * list: with the workers' addresses, class i is worker i, whatever order their flows start
 * in and however many flows (ports, TCP connections) a worker uses.
 *
 * FairAdmissionQueueDisc without packet filters gives each new flow hash the next class, so
 * its class numbers follow the order of the first packets, and with more flows than classes
 * several workers share a class (hash modulo NumClasses). On the backhaul of
 * WifiBackhaulScenarioHelper this filter makes class i worker i. A packet from an address not
 * in the list (or not IPv4) gets PacketFilter::PF_NO_MATCH, which FairAdmissionQueueDisc drops
 * as unclassified.
 */
class SourceAddressPacketFilter : public Ipv4PacketFilter
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SourceAddressPacketFilter();
    ~SourceAddressPacketFilter() override;

    /**
     * \param addresses the source address of each class (class i: addresses[i]); no address
     *        twice
     * \throws std::invalid_argument for a repeated address
     */
    void SetAddresses(const std::vector<Ipv4Address>& addresses);

    /// \return the number of addresses (classes)
    uint32_t GetNAddresses() const;

  private:
    /// \param item an IPv4 packet \return the index of its source address, or PF_NO_MATCH
    int32_t DoClassify(Ptr<QueueDiscItem> item) const override;

    std::map<Ipv4Address, int32_t> m_classOf; //!< source address -> class
};

} // namespace ns3

#endif // CODED_LEARNING_SOURCE_ADDRESS_PACKET_FILTER_H
