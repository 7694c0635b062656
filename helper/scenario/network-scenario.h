// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_SCENARIO_H
#define CODED_LEARNING_NETWORK_SCENARIO_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
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
    std::string kind;      //!< the helper's kind: "wifi", "csma", "p2p" or "ideal"
    bool ideal{false};     //!< true for "ideal": no devices, no packets, messages passed directly
    Ptr<Node> server;      //!< the parameter server node (the access point for "wifi")
    NodeContainer workers; //!< the worker nodes
    NodeContainer nodes;   //!< the server followed by the workers
    /**
     * The server's IPv4 address as seen by worker i (its address on worker i's link for
     * "p2p"; the same address for every worker on "wifi" and "csma"). For "ideal" these are
     * the nominal addresses of the address plan, assigned to no interface.
     */
    std::vector<Ipv4Address> serverAddresses;
    /// Worker i's IPv4 address (nominal, assigned to no interface, for "ideal").
    std::vector<Ipv4Address> workerAddresses;
    /// The server's device(s): the AP ("wifi"), the bus device ("csma"), one per link ("p2p").
    NetDeviceContainer serverDevices;
    NetDeviceContainer workerDevices; //!< worker i's device (empty for "ideal")
    NetDeviceContainer devices;       //!< every device, the server's first
    /// Root queue discs installed from NetworkScenarioHelper::SetServerQueueDisc (else empty).
    QueueDiscContainer serverQueueDiscs;
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_SCENARIO_H
