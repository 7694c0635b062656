// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-backhaul-scenario-helper.h"

#include "network-setting-parser.h"

#include "ns3/fair-admission-queue-disc.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/queue-size.h"
#include "ns3/queue.h"
#include "ns3/source-address-packet-filter.h"
#include "ns3/static-arp-pair.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WifiBackhaulScenarioHelper");

WifiBackhaulScenarioHelper::WifiBackhaulScenarioHelper(const NetworkSettings& settings)
    : WifiScenarioHelper(settings)
{
    SetBackhaulDataRate(settings.backhaulDataRate);
    SetBackhaulDelay(settings.backhaulDelay);
    SetBackhaulQueueDisc(settings.backhaulQueueDisc);
}

WifiBackhaulScenarioHelper::~WifiBackhaulScenarioHelper() = default;

uint32_t
WifiBackhaulScenarioHelper::GetMaxWorkers() const
{
    // The Wi-Fi subnet is the lower half of the plan: network, broadcast and the access point
    // excluded.
    const uint32_t prefix = GetPrefixLength();
    const uint32_t half = prefix <= 29 ? (1u << (31 - prefix)) - 3 : 0;
    return std::min(half, WifiScenarioHelper::GetMaxWorkers());
}

void
WifiBackhaulScenarioHelper::SetBackhaulDataRate(const std::string& rate)
{
    m_rate = NetworkSettingParser::ParseDataRate("backhaul data rate", rate);
}

void
WifiBackhaulScenarioHelper::SetBackhaulDelay(const std::string& delay)
{
    m_delay = NetworkSettingParser::ParseDelay("backhaul delay", delay);
}

void
WifiBackhaulScenarioHelper::SetBackhaulQueueDisc(const std::string& queueDisc)
{
    if (queueDisc != "none" && queueDisc != "fair-admission")
    {
        throw std::invalid_argument("backhaul queue disc '" + queueDisc +
                                    "' is unknown (allowed: none, fair-admission)");
    }
    m_queueDisc = queueDisc;
}

std::string
WifiBackhaulScenarioHelper::GetDisplayName() const
{
    return "Wi-Fi with backhaul";
}

std::string
WifiBackhaulScenarioHelper::AddressPlanUnit() const
{
    return "half of it for the Wi-Fi subnet, a /30 of the other half for the backhaul";
}

void
WifiBackhaulScenarioHelper::InstallDevices(NetworkScenario& scenario)
{
    NS_LOG_FUNCTION(this);
    NodeContainer ap;
    ap.Create(1);
    scenario.accessPoint = ap.Get(0);
    scenario.nodes.Add(ap);
    WifiScenarioHelper::InstallDevices(scenario);
    m_apWifiDevice = scenario.accessPointDevice;

    m_p2p = PointToPointHelper();
    m_p2p.SetDeviceAttribute("DataRate", DataRateValue(m_rate));
    m_p2p.SetChannelAttribute("Delay", TimeValue(m_delay));
    scenario.backhaulDevices = m_p2p.Install(scenario.accessPoint, scenario.server);
    m_serverDevice = scenario.backhaulDevices.Get(1);
    scenario.serverDevices = NetDeviceContainer(m_serverDevice);
    scenario.relayDevices.Add(m_apWifiDevice);
    scenario.relayDevices.Add(scenario.backhaulDevices.Get(0));
}

void
WifiBackhaulScenarioHelper::AttachErrorModel(Ptr<NetDevice> device, Ptr<ErrorModel> model)
{
    // The uplink's losses stay on the Wi-Fi hop, as without a backhaul.
    WifiScenarioHelper::AttachErrorModel(device == m_serverDevice ? m_apWifiDevice : device, model);
}

void
WifiBackhaulScenarioHelper::InstallQueueDisc(NetworkScenario& scenario)
{
    Ptr<NetDevice> egress = scenario.backhaulDevices.Get(0);
    TrafficControlHelper tch;
    tch.SetRootQueueDisc("ns3::FairAdmissionQueueDisc",
                         "NumClasses",
                         UintegerValue(GetNumWorkers()));
    scenario.backhaulQueueDiscs = tch.Install(egress);
    // The backlog waits in the queue disc, which picks the order, not in the device's queue.
    DynamicCast<PointToPointNetDevice>(egress)->GetQueue()->SetMaxSize(QueueSize("1p"));
}

void
WifiBackhaulScenarioHelper::AssignAddresses(NetworkScenario& scenario)
{
    // Before Ipv4AddressHelper::Assign, which installs ns-3's default root queue disc.
    if (m_queueDisc == "fair-admission")
    {
        InstallQueueDisc(scenario);
    }
    const uint32_t prefix = GetPrefixLength();
    m_wifiNetwork = GetNetworkAddress();
    m_wifiMask = Ipv4Mask(0xffffffffu << (31 - prefix));
    Ipv4AddressHelper wifi(m_wifiNetwork, m_wifiMask);
    m_apWifiAddress = wifi.Assign(NetDeviceContainer(m_apWifiDevice)).GetAddress(0);
    const Ipv4InterfaceContainer workers = wifi.Assign(scenario.workerDevices);
    const Ipv4Address backhaulNetwork(GetNetworkAddress().Get() + (1u << (31 - prefix)));
    Ipv4AddressHelper backhaul(backhaulNetwork, Ipv4Mask("255.255.255.252"));
    const Ipv4InterfaceContainer link = backhaul.Assign(scenario.backhaulDevices);
    m_apBackhaulAddress = link.GetAddress(0);
    scenario.serverAddresses.assign(GetNumWorkers(), link.GetAddress(1));
    for (uint32_t i = 0; i < GetNumWorkers(); ++i)
    {
        scenario.workerAddresses.push_back(workers.GetAddress(i));
    }
    AddRoutes(scenario);
    if (scenario.backhaulQueueDiscs.GetN() > 0)
    {
        Ptr<SourceAddressPacketFilter> filter = CreateObject<SourceAddressPacketFilter>();
        filter->SetAddresses(scenario.workerAddresses);
        scenario.backhaulQueueDiscs.Get(0)->AddPacketFilter(filter);
    }
}

void
WifiBackhaulScenarioHelper::AddRoutes(const NetworkScenario& scenario)
{
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < GetNumWorkers(); ++i)
    {
        Ptr<Ipv4> ipv4 = scenario.workers.Get(i)->GetObject<Ipv4>();
        const int32_t interface = ipv4->GetInterfaceForDevice(scenario.workerDevices.Get(i));
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(m_apWifiAddress, interface);
    }
    Ptr<Ipv4> server = scenario.server->GetObject<Ipv4>();
    routing.GetStaticRouting(server)->AddNetworkRouteTo(
        m_wifiNetwork,
        m_wifiMask,
        m_apBackhaulAddress,
        server->GetInterfaceForDevice(m_serverDevice));
}

void
WifiBackhaulScenarioHelper::AddStaticArpPair(const StaticArpPair& pair)
{
    // The worker's next hop is the access point, whose Wi-Fi device knows the worker.
    WifiScenarioHelper::AddStaticArpPair(
        StaticArpPair{pair.worker, pair.workerAddress, m_apWifiDevice, m_apWifiAddress});
}

void
WifiBackhaulScenarioHelper::DoEnablePcap(const std::string& prefix)
{
    WifiScenarioHelper::DoEnablePcap(prefix);
    m_p2p.EnablePcap(prefix, GetScenario().backhaulDevices);
}

} // namespace ns3
