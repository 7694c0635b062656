// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_STATIC_ARP_PAIR_H
#define CODED_LEARNING_STATIC_ARP_PAIR_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/ptr.h"

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The static ARP entries of one worker: the server's cache knows the worker, the
 * worker's cache knows the server, as permanent entries (no ARP packet is ever needed).
 */
struct StaticArpPair
{
    Ptr<NetDevice> worker;     //!< the worker's device
    Ipv4Address workerAddress; //!< its address
    Ptr<NetDevice> server;     //!< the server's device on the worker's network
    Ipv4Address serverAddress; //!< the server's address there

    /**
     * Adds (or refreshes) the two permanent entries, the server's first. The devices must
     * have IPv4 interfaces with an ARP cache.
     */
    void Install() const;
};

} // namespace ns3

#endif // CODED_LEARNING_STATIC_ARP_PAIR_H
