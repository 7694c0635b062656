// SPDX-License-Identifier: GPL-2.0-only
//
// Minimal reproducer (ns-3 only, no coded-learning code) of the ns-3.37 assertion
//   assert failed. cond="now - m_lastRx.start <= GetSifs()" ... channel-access-manager.cc, line=685
// in assert-enabled builds (default or debug profile).
//
// One access point and N stations (HT/VHT/HE, 5 GHz by default as in coded-learning) exchange UDP
// bursts in both directions at the same moment, so that all Block Ack agreements are negotiated
// (ADDBA Request/Response) while the channel is contended. When the Ack of an ADDBA Response is
// lost (collision at the recipient), ns-3.37's recipient keeps the agreement "pending" while the
// originator already uses it and sends an A-MPDU with the Implicit BAR ack policy (QoS Ack Policy
// "Normal Ack"). The recipient, without agreement, handles the first MPDU of the A-MPDU as a
// stand-alone QoS Data frame with Normal Ack and transmits an Ack a SIFS after that MPDU, while the
// rest of the A-MPDU is still being received: ChannelAccessManager::NotifyTxStartNow asserts.
//
// Workaround shown by --explicitBar=1 (WifiDefaultAckManager::UseExplicitBar=true): the MPDUs of
// an A-MPDU carry the Block Ack policy, so a recipient without agreement never answers an
// individual MPDU.
//
// Build: copy to <ns-3.37>/scratch/ba-agreement-assert.cc and build the target
//        scratch_ba-agreement-assert (doc/networks.rst, "The ns-3.37 Block Ack assertion")
// Run:   ./ns3 run --no-build "ba-agreement-assert --nStations=10 --RngRun=1"
//        (doc/networks.rst has a loop over RngRun and the measured counts)

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/wifi-module.h"

#include <cmath>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("BaAgreementAssert");

namespace
{

uint32_t g_associated = 0; //!< stations associated so far
uint64_t g_rxBytes = 0;    //!< UDP bytes received by all sinks

/// StaWifiMac "Assoc" trace sink. \param bssid the access point
void
Associated(Mac48Address bssid)
{
    ++g_associated;
}

/// Receives and counts everything that arrives on a socket. \param socket the socket
void
Receive(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        g_rxBytes += p->GetSize();
    }
}

/**
 * Sends a burst of datagrams back to back (they queue in the MAC).
 * \param socket the sending socket
 * \param to the destination
 * \param bytes the burst size
 * \param pktSize the datagram size
 */
void
SendBurst(Ptr<Socket> socket, InetSocketAddress to, uint32_t bytes, uint32_t pktSize)
{
    for (uint32_t sent = 0; sent < bytes; sent += pktSize)
    {
        socket->SendTo(Create<Packet>(std::min(pktSize, bytes - sent)), 0, to);
    }
}

/// Fills every IPv4 ARP cache with permanent entries (after the associations).
void
FillArpCaches()
{
    NeighborCacheHelper neighbors;
    neighbors.PopulateNeighborCache();
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nStations = 10;
    std::string standard = "ax";
    uint32_t burstBytes = 62800;
    uint32_t pktSize = 1400;
    double distance = 10.0;
    double start = 1.5;
    bool explicitBar = false;
    std::string band = "auto";

    CommandLine cmd(__FILE__);
    cmd.AddValue("nStations", "Number of stations", nStations);
    cmd.AddValue("standard", "ax, ac, n, g or a", standard);
    cmd.AddValue("burstBytes", "Bytes sent to and from every station", burstBytes);
    cmd.AddValue("pktSize", "UDP payload size", pktSize);
    cmd.AddValue("distance", "Distance of the stations from the access point (m)", distance);
    cmd.AddValue("start", "Time of the bursts (s)", start);
    cmd.AddValue("band", "2.4, 5 or auto (2.4 GHz for 11g, 5 GHz otherwise)", band);
    cmd.AddValue("explicitBar",
                 "Workaround: WifiDefaultAckManager::UseExplicitBar=true on every device",
                 explicitBar);
    cmd.Parse(argc, argv);

    NodeContainer ap(1);
    NodeContainer stations(nStations);

    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channel.Create());

    WifiHelper wifi;
    if (standard == "ax")
    {
        wifi.SetStandard(WIFI_STANDARD_80211ax);
    }
    else if (standard == "ac")
    {
        wifi.SetStandard(WIFI_STANDARD_80211ac);
    }
    else if (standard == "n")
    {
        wifi.SetStandard(WIFI_STANDARD_80211n);
    }
    else if (standard == "g")
    {
        wifi.SetStandard(WIFI_STANDARD_80211g);
    }
    else if (standard == "a")
    {
        wifi.SetStandard(WIFI_STANDARD_80211a);
    }
    else
    {
        NS_FATAL_ERROR("unknown standard " << standard);
    }
    if (band == "auto")
    {
        band = (standard == "g") ? "2.4" : "5";
    }
    phy.Set("ChannelSettings",
            StringValue(std::string("{0, 20, ") + (band == "2.4" ? "BAND_2_4GHZ" : "BAND_5GHZ") +
                        ", 0}"));
    wifi.SetRemoteStationManager("ns3::IdealWifiManager");

    WifiMacHelper mac;
    if (explicitBar)
    {
        mac.SetAckManager("ns3::WifiDefaultAckManager", "UseExplicitBar", BooleanValue(true));
    }
    Ssid ssid("repro");
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer staDevices = wifi.Install(phy, mac, stations);
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer apDevice = wifi.Install(phy, mac, ap);

    for (uint32_t i = 0; i < nStations; ++i)
    {
        DynamicCast<WifiNetDevice>(staDevices.Get(i))
            ->GetMac()
            ->TraceConnectWithoutContext("Assoc", MakeCallback(&Associated));
    }

    MobilityHelper mobility;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(Vector(0, 0, 0));
    for (uint32_t i = 0; i < nStations; ++i)
    {
        const double angle = 2 * M_PI * i / nStations;
        positions->Add(Vector(distance * std::cos(angle), distance * std::sin(angle), 0));
    }
    mobility.SetPositionAllocator(positions);
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(ap);
    mobility.Install(stations);

    InternetStackHelper internet;
    internet.Install(ap);
    internet.Install(stations);
    Ipv4AddressHelper addresses("10.1.0.0", "255.255.0.0");
    Ipv4InterfaceContainer apIf = addresses.Assign(apDevice);
    Ipv4InterfaceContainer staIf = addresses.Assign(staDevices);

    const uint16_t port = 9;
    auto makeSocket = [port](Ptr<Node> node) {
        Ptr<Socket> s = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
        s->SetRecvCallback(MakeCallback(&Receive));
        return s;
    };
    Ptr<Socket> apSocket = makeSocket(ap.Get(0));
    std::vector<Ptr<Socket>> staSockets;
    for (uint32_t i = 0; i < nStations; ++i)
    {
        staSockets.push_back(makeSocket(stations.Get(i)));
    }

    // The associations flush the ARP caches: fill them just before the bursts.
    Simulator::Schedule(Seconds(start - 0.01), &FillArpCaches);
    for (uint32_t i = 0; i < nStations; ++i)
    {
        // downlink burst to station i, uplink burst from station i, at the same time
        Simulator::Schedule(Seconds(start),
                            &SendBurst,
                            apSocket,
                            InetSocketAddress(staIf.GetAddress(i), port),
                            burstBytes,
                            pktSize);
        Simulator::Schedule(Seconds(start),
                            &SendBurst,
                            staSockets[i],
                            InetSocketAddress(apIf.GetAddress(0), port),
                            burstBytes,
                            pktSize);
    }

    Simulator::Stop(Seconds(start + 3.0));
    Simulator::Run();
    std::cout << "stations " << nStations << " standard " << standard << " associated "
              << g_associated << " received " << g_rxBytes << " of "
              << 2ULL * nStations * burstBytes << " bytes" << std::endl;
    Simulator::Destroy();
    return 0;
}
