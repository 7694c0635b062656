// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_SCENARIO_H
#define CODED_LEARNING_NETWORK_SCENARIO_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "ns3/queue-disc-container.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * The network built by NetworkScenarioHelper::Build(): the nodes, devices and addresses the
 * parameter server and worker applications are installed on.
 *
 * Index i of every per-worker vector and container is worker i.
 */
struct NetworkScenario
{
    std::string kind;  //!< the helper's kind: "wifi", "csma", "p2p" or "ideal"
    bool ideal{false}; //!< true for "ideal": no devices, no packets, messages passed directly
    /// The parameter server node (also the access point for "wifi" without a backhaul).
    Ptr<Node> server;
    NodeContainer workers; //!< the worker nodes
    /// The server followed by the workers, then the access point when it is its own node
    /// ("wifi" with a backhaul).
    NodeContainer nodes;
    /**
     * The server's IPv4 address as seen by worker i (its address on worker i's link for
     * "p2p"; the same address for every worker on "wifi" and "csma"). For "ideal" these are
     * the nominal addresses of the address plan, assigned to no interface.
     */
    std::vector<Ipv4Address> serverAddresses;
    /// Worker i's IPv4 address (nominal, assigned to no interface, for "ideal").
    std::vector<Ipv4Address> workerAddresses;
    /**
     * The server's device(s), where the uplink ends: the AP ("wifi"), the server's end of the
     * backhaul ("wifi" with a backhaul), the bus device ("csma"), one per link ("p2p").
     */
    NetDeviceContainer serverDevices;
    NetDeviceContainer workerDevices; //!< worker i's device (empty for "ideal")
    /// Every device: the server's first, then the workers', then relayDevices.
    NetDeviceContainer devices;
    /// Root queue discs installed from NetworkScenarioHelper::SetServerQueueDisc (else empty).
    QueueDiscContainer serverQueueDiscs;
    /// "wifi": the access point node (the server itself without a backhaul); else null.
    Ptr<Node> accessPoint;
    /// "wifi": the access point's Wi-Fi device (serverDevices.Get(0) without a backhaul).
    Ptr<NetDevice> accessPointDevice;
    /// The devices of the nodes between the workers and the server ("wifi" with a backhaul:
    /// the access point's Wi-Fi device, then its end of the backhaul); else empty.
    NetDeviceContainer relayDevices;
    /// The backhaul link: the access point's end, then the server's; else empty.
    NetDeviceContainer backhaulDevices;
    /// The root queue disc on the access point's end of the backhaul (the uplink's egress
    /// towards the server), when one was asked for (NetworkSettings::backhaulQueueDisc).
    QueueDiscContainer backhaulQueueDiscs;
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_SCENARIO_H
