// SPDX-License-Identifier: GPL-2.0-only
#include "static-arp-pair.h"

#include "ns3/arp-cache.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/node.h"

namespace ns3
{

namespace
{

/**
 * Adds (or refreshes) a permanent ARP entry.
 * \param device the device whose interface's ARP cache gets the entry
 * \param neighbour the neighbour's IPv4 address
 * \param neighbourDevice the neighbour's device (for its MAC address)
 */
void
AddPermanentArpEntry(Ptr<NetDevice> device, Ipv4Address neighbour, Ptr<NetDevice> neighbourDevice)
{
    Ptr<Ipv4L3Protocol> ipv4 = device->GetNode()->GetObject<Ipv4L3Protocol>();
    Ptr<ArpCache> cache = ipv4->GetInterface(ipv4->GetInterfaceForDevice(device))->GetArpCache();
    ArpCache::Entry* entry = cache->Lookup(neighbour);
    if (entry == nullptr)
    {
        entry = cache->Add(neighbour);
    }
    entry->SetMacAddress(neighbourDevice->GetAddress());
    entry->MarkPermanent();
}

} // namespace

void
StaticArpPair::Install() const
{
    AddPermanentArpEntry(server, workerAddress, worker);
    AddPermanentArpEntry(worker, serverAddress, server);
}

} // namespace ns3
