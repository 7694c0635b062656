// SPDX-License-Identifier: GPL-2.0-only
//
// The network scenario helpers (WifiScenarioHelper, CsmaScenarioHelper,
// PointToPointScenarioHelper, IdealScenarioHelper) and NetworkScenarioFactory: every network
// carries the echo traffic of its workers, devices and addresses follow the plan, the
// point-to-point delays are exact, "ideal" has no devices, and the factory makes every kind
// from NetworkSettings.

#include "network-scenario-test.h"

#include "ns3/flow-monitor.h"
#include "ns3/ideal-scenario-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-scenario-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/txop.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace codedlearningtest;

/**
 * \ingroup coded-learning
 * Every worker's datagrams reach the server over the network kind, and every reply comes
 * back; the devices and addresses follow the documented plan.
 */
class NetworkScenarioEchoTestCase : public TestCase
{
  public:
    /// \param kind the network kind
    NetworkScenarioEchoTestCase(const std::string& kind)
        : TestCase(kind + ": every datagram of 4 workers reaches the server and every reply "
                          "comes back; devices and addresses follow the plan"),
          m_kind(kind),
          m_readyCalls(0)
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        const uint32_t n = 4;
        std::unique_ptr<NetworkScenarioHelper> helper = MakeHelper(m_kind);
        helper->SetNumWorkers(n);
        m_readyCalls = 0;
        helper->SetReadyCallback(MakeCallback(&NetworkScenarioEchoTestCase::Ready, this));
        NetworkScenario s = helper->Build();
        helper->AssignStreams(10);

        NS_TEST_ASSERT_MSG_EQ(s.kind, m_kind, "kind");
        NS_TEST_ASSERT_MSG_EQ(s.ideal, false, "not ideal");
        NS_TEST_ASSERT_MSG_EQ(s.workers.GetN(), n, "worker nodes");
        NS_TEST_ASSERT_MSG_EQ(s.nodes.GetN(), n + 1, "all nodes");
        NS_TEST_ASSERT_MSG_EQ(s.nodes.Get(0), s.server, "server first");
        NS_TEST_ASSERT_MSG_EQ(s.workerDevices.GetN(), n, "one device per worker");
        NS_TEST_ASSERT_MSG_EQ(s.serverDevices.GetN(), (m_kind == "p2p" ? n : 1), "server devs");
        NS_TEST_ASSERT_MSG_EQ(s.devices.GetN(),
                              s.serverDevices.GetN() + s.workerDevices.GetN(),
                              "all devices");
        NS_TEST_ASSERT_MSG_EQ(s.serverQueueDiscs.GetN(), 0, "no queue disc asked for");
        for (uint32_t i = 0; i < n; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(s.workerDevices.Get(i)->GetNode(),
                                  s.workers.Get(i),
                                  "worker device " << i << " on worker node " << i);
            std::ostringstream server;
            std::ostringstream worker;
            if (m_kind == "p2p")
            {
                server << "10.1.0." << 4 * i + 1;
                worker << "10.1.0." << 4 * i + 2;
            }
            else
            {
                server << "10.1.0.1";
                worker << "10.1.0." << i + 2;
            }
            NS_TEST_ASSERT_MSG_EQ(s.serverAddresses[i],
                                  Ipv4Address(server.str().c_str()),
                                  "server address seen by worker " << i);
            NS_TEST_ASSERT_MSG_EQ(s.workerAddresses[i],
                                  Ipv4Address(worker.str().c_str()),
                                  "address of worker " << i);
            Ptr<Ipv4> ipv4 = s.workers.Get(i)->GetObject<Ipv4>();
            NS_TEST_ASSERT_MSG_EQ(ipv4->GetAddress(1, 0).GetLocal(),
                                  s.workerAddresses[i],
                                  "the address is on the worker's interface");
        }

        EchoRun echo;
        echo.Run(s, 3, Seconds(1), Seconds(3));
        NS_TEST_EXPECT_MSG_EQ(echo.ServerReceived(), 3 * n, "datagrams at the server");
        for (uint32_t i = 0; i < n; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(echo.WorkerReceived(i), 3, "replies at worker " << i);
        }

        // Readiness: at time 0 on wired networks, once the stations associated on Wi-Fi
        // (within the first beacon intervals), and the association contention window is
        // back to ns-3's AC_VO value 3..7 afterwards.
        NS_TEST_EXPECT_MSG_EQ(m_readyCalls, 1, "ready callback called once");
        NS_TEST_EXPECT_MSG_EQ(helper->IsReady(), true, "ready");
        NS_TEST_EXPECT_MSG_EQ(helper->GetReadyTime(), m_readyTime, "ready time");
        if (m_kind == "wifi")
        {
            NS_TEST_EXPECT_MSG_GT(m_readyTime, Seconds(0), "association takes time");
            NS_TEST_EXPECT_MSG_LT(m_readyTime, MilliSeconds(500), "associated quickly");
            for (uint32_t i = 0; i < s.devices.GetN(); ++i)
            {
                PointerValue vo;
                DynamicCast<WifiNetDevice>(s.devices.Get(i))->GetMac()->GetAttribute("VO_Txop", vo);
                NS_TEST_EXPECT_MSG_EQ(vo.Get<Txop>()->GetMinCw(), 3, "AC_VO CWmin restored");
                NS_TEST_EXPECT_MSG_EQ(vo.Get<Txop>()->GetMaxCw(), 7, "AC_VO CWmax restored");
            }
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(m_readyTime, Seconds(0), "wired networks are ready at once");
        }
        Simulator::Destroy();
    }

    /// Ready callback.
    void Ready()
    {
        ++m_readyCalls;
        m_readyTime = Simulator::Now();
    }

    std::string m_kind;    //!< network kind
    uint32_t m_readyCalls; //!< calls of the ready callback
    Time m_readyTime;      //!< when it was called
};

/**
 * \ingroup coded-learning
 * Per-worker point-to-point rates and delays: one datagram's one-way delay is exactly its
 * transmission time (IP + UDP + PPP headers included) plus the propagation delay, and the
 * reply takes the same again.
 */
class NetworkScenarioP2pDelayTestCase : public TestCase
{
  public:
    NetworkScenarioP2pDelayTestCase()
        : TestCase("p2p: per-worker rates and delays give the exact one-way delay "
                   "(transmission + propagation, to the nanosecond)")
    {
    }

  private:
    /// Server socket receive callback: records the time and echoes. \param socket the socket
    void ServerReceive(Ptr<Socket> socket)
    {
        Address from;
        while (Ptr<Packet> packet = socket->RecvFrom(from))
        {
            const Ipv4Address sender = InetSocketAddress::ConvertFrom(from).GetIpv4();
            for (uint32_t i = 0; i < m_workerAddresses.size(); ++i)
            {
                if (m_workerAddresses[i] == sender)
                {
                    m_serverRxTime[i] = Simulator::Now();
                }
            }
            socket->SendTo(packet, 0, from);
        }
    }

    /// Worker socket receive callback. \param socket the socket
    void WorkerReceive(Ptr<Socket> socket)
    {
        Address from;
        while (Ptr<Packet> packet = socket->RecvFrom(from))
        {
            for (uint32_t i = 0; i < m_workerSockets.size(); ++i)
            {
                if (m_workerSockets[i] == socket)
                {
                    m_workerRxTime[i] = Simulator::Now();
                }
            }
        }
    }

    /// Sends one datagram from worker i. \param i the worker
    void Send(uint32_t i)
    {
        // 970 B payload + 8 B UDP + 20 B IPv4 + 2 B PPP = 1000 B = 8000 bit on the wire
        m_workerSockets[i]->Send(Create<Packet>(970));
    }

    void DoRun() override
    {
        FixSeed();
        PointToPointScenarioHelper helper;
        helper.SetNumWorkers(3);
        helper.SetDataRates("8Mbps, 4Mbps,2Mbps");
        helper.SetDelays("1ms,2ms,3500us");
        NetworkScenario s = helper.Build();
        helper.AssignStreams(10);
        m_workerAddresses = s.workerAddresses;
        m_serverRxTime.assign(3, Seconds(-1));
        m_workerRxTime.assign(3, Seconds(-1));

        Ptr<Socket> server = Socket::CreateSocket(s.server, UdpSocketFactory::GetTypeId());
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        server->SetRecvCallback(
            MakeCallback(&NetworkScenarioP2pDelayTestCase::ServerReceive, this));
        for (uint32_t i = 0; i < 3; ++i)
        {
            Ptr<Socket> socket =
                Socket::CreateSocket(s.workers.Get(i), UdpSocketFactory::GetTypeId());
            socket->Bind();
            socket->Connect(InetSocketAddress(s.serverAddresses[i], PORT));
            socket->SetRecvCallback(
                MakeCallback(&NetworkScenarioP2pDelayTestCase::WorkerReceive, this));
            m_workerSockets.push_back(socket);
            Simulator::Schedule(Seconds(1), &NetworkScenarioP2pDelayTestCase::Send, this, i);
        }
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        // 8000 bit at 8, 4, 2 Mb/s: 1, 2, 4 ms; plus 1, 2, 3.5 ms of propagation.
        const Time oneWay[] = {MilliSeconds(2), MilliSeconds(4), MicroSeconds(7500)};
        for (uint32_t i = 0; i < 3; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(m_serverRxTime[i] - Seconds(1),
                                  oneWay[i],
                                  "one-way delay of worker " << i);
            NS_TEST_EXPECT_MSG_EQ(m_workerRxTime[i] - Seconds(1),
                                  oneWay[i] + oneWay[i],
                                  "round trip of worker " << i);
        }
        m_workerSockets.clear();
        Simulator::Destroy();
    }

    std::vector<Ipv4Address> m_workerAddresses; //!< worker addresses
    std::vector<Ptr<Socket>> m_workerSockets;   //!< worker sockets
    std::vector<Time> m_serverRxTime;           //!< arrival at the server, per worker
    std::vector<Time> m_workerRxTime;           //!< arrival of the reply, per worker
};

/**
 * \ingroup coded-learning
 * "ideal" creates the nodes only: no devices, no internet stack, nominal addresses.
 */
class NetworkScenarioIdealTestCase : public TestCase
{
  public:
    NetworkScenarioIdealTestCase()
        : TestCase("ideal: nodes without devices or stack, nominal addresses; pcap and flow "
                   "monitor are harmless")
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        IdealScenarioHelper helper;
        helper.SetNumWorkers(5);
        NetworkScenario s = helper.Build();
        NS_TEST_ASSERT_MSG_EQ(s.ideal, true, "ideal flag");
        NS_TEST_ASSERT_MSG_EQ(s.kind, "ideal", "kind");
        NS_TEST_ASSERT_MSG_EQ(s.nodes.GetN(), 6, "server and 5 workers");
        NS_TEST_ASSERT_MSG_EQ(s.workers.GetN(), 5, "5 workers");
        NS_TEST_ASSERT_MSG_EQ((s.server != nullptr), true, "server node");
        NS_TEST_ASSERT_MSG_EQ(s.devices.GetN(), 0, "no devices");
        NS_TEST_ASSERT_MSG_EQ(s.serverDevices.GetN(), 0, "no server devices");
        NS_TEST_ASSERT_MSG_EQ(s.workerDevices.GetN(), 0, "no worker devices");
        for (uint32_t i = 0; i < s.nodes.GetN(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(s.nodes.Get(i)->GetNDevices(), 0, "node " << i << " devices");
            NS_TEST_ASSERT_MSG_EQ((s.nodes.Get(i)->GetObject<Ipv4>() == nullptr),
                                  true,
                                  "node " << i << " has no IPv4 stack");
        }
        NS_TEST_ASSERT_MSG_EQ(s.serverAddresses.size(), 5, "nominal server addresses");
        NS_TEST_ASSERT_MSG_EQ(s.workerAddresses.size(), 5, "nominal worker addresses");
        NS_TEST_ASSERT_MSG_EQ(s.workerAddresses[4], Ipv4Address("10.1.0.6"), "nominal plan");
        NS_TEST_ASSERT_MSG_EQ(helper.AssignStreams(3), 0, "nothing random");
        helper.EnablePcap(CreateTempDirFilename("ideal"));
        helper.EnableFlowMonitor();
        NS_TEST_ASSERT_MSG_EQ((helper.GetFlowMonitor() == nullptr), true, "no monitor");
        const std::string xml = CreateTempDirFilename("ideal-flowmon.xml");
        helper.WriteFlowMonitor(xml);
        std::ifstream in(xml.c_str());
        std::stringstream text;
        text << in.rdbuf();
        NS_TEST_EXPECT_MSG_NE(text.str().find("<FlowMonitor>"), std::string::npos, "document");
        RemoveTempFile(xml);
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * NetworkScenarioFactory: Kinds() lists the four topologies, Create() makes each from
 * NetworkSettings (the number of workers and the address plan reach the scenario) and the
 * settings go through the setters, with the same messages; an unknown kind lists the kinds.
 */
class NetworkScenarioFactoryTestCase : public TestCase
{
  public:
    NetworkScenarioFactoryTestCase()
        : TestCase("factory: every kind is made from NetworkSettings, which pass the setters' "
                   "checks")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<std::string> kinds = NetworkScenarioFactory::Kinds();
        const std::vector<std::string> expected{"wifi", "csma", "p2p", "ideal"};
        NS_TEST_ASSERT_MSG_EQ((kinds == expected), true, "Kinds()");

        NetworkSettings settings;
        settings.numWorkers = 3;
        settings.ipv4Network = "10.7.0.0/24";
        settings.p2pDataRates = "8Mbps,4Mbps,2Mbps";
        const std::map<std::string, uint32_t> maxWorkers{{"wifi", 253},
                                                         {"csma", 253},
                                                         {"p2p", 64},
                                                         {"ideal", 253}};
        for (const std::string& kind : kinds)
        {
            FixSeed();
            std::unique_ptr<NetworkScenarioHelper> helper =
                NetworkScenarioFactory::Create(kind, settings);
            NS_TEST_EXPECT_MSG_EQ(helper->GetKind(), kind, "GetKind()");
            NS_TEST_EXPECT_MSG_EQ(helper->GetMaxWorkers(), maxWorkers.at(kind), kind << " /24");
            NetworkScenario s = helper->Build();
            NS_TEST_EXPECT_MSG_EQ(s.kind, kind, "scenario kind");
            NS_TEST_EXPECT_MSG_EQ(s.ideal, (kind == "ideal"), kind << " ideal flag");
            NS_TEST_ASSERT_MSG_EQ(s.workers.GetN(), 3, kind << " workers from the settings");
            NS_TEST_EXPECT_MSG_EQ(s.workerAddresses[0],
                                  Ipv4Address("10.7.0.2"),
                                  kind << " address plan from the settings");
            Simulator::Destroy();
        }

        NetworkSettings noWorkers;
        noWorkers.numWorkers = 0;
        NetworkSettings farStations;
        farStations.wifiDistance = 0;
        NetworkSettings loudStations;
        loudStations.wifiReferenceLoss = 201;
        NetworkSettings wide;
        wide.wifiStandard = "802.11n";
        wide.wifiChannelWidth = 80;
        NetworkSettings slowBus;
        slowBus.csmaDataRate = "fast";
        NetworkSettings delays;
        delays.numWorkers = 3;
        delays.p2pDelays = "1ms,2ms";
        for (const std::string& kind : kinds)
        {
            NS_TEST_EXPECT_MSG_EQ(
                ErrorOf([&]() { NetworkScenarioFactory::Create(kind, noWorkers); }),
                "number of workers 0 is invalid (allowed: at least 1)",
                kind);
        }
        NS_TEST_EXPECT_MSG_EQ(
            ErrorOf([&]() { NetworkScenarioFactory::Create("wifi", farStations); }),
            "Wi-Fi distance 0 m is invalid (allowed: a finite distance > 0 m)",
            "wifiDistance");
        NS_TEST_EXPECT_MSG_EQ(
            ErrorOf([&]() { NetworkScenarioFactory::Create("csma", farStations); }),
            "(no error)",
            "the Wi-Fi fields do not concern csma");
        NS_TEST_EXPECT_MSG_EQ(
            ErrorOf([&]() { NetworkScenarioFactory::Create("wifi", loudStations); }),
            "reference loss 201 dB is invalid (allowed: 0 to 200 dB)",
            "wifiReferenceLoss");
        NS_TEST_EXPECT_MSG_EQ(
            ErrorOf([&]() { NetworkScenarioFactory::Create("wifi", wide)->Validate(); }),
            "Wi-Fi channel width 80 MHz is not available for 802.11n at 5GHz (allowed: 20, 40)",
            "wifiStandard and wifiChannelWidth");
        NS_TEST_EXPECT_MSG_EQ(ErrorOf([&]() { NetworkScenarioFactory::Create("csma", slowBus); }),
                              "CSMA data rate 'fast' is invalid (allowed: a rate > 0 with a "
                              "unit, e.g. 100Mbps, 1Gbps, 500kbps)",
                              "csmaDataRate");
        NS_TEST_EXPECT_MSG_EQ(
            ErrorOf([&]() { NetworkScenarioFactory::Create("p2p", delays)->Validate(); }),
            "p2p delay list '1ms,2ms' has 2 entries for 3 workers (allowed: one value for all "
            "links or exactly 3 comma-separated values)",
            "p2pDelays");
        NS_TEST_EXPECT_MSG_EQ(ErrorOf([]() { NetworkScenarioFactory::Create("lte", {}); }),
                              "network kind 'lte' is unknown (allowed: wifi, csma, p2p, ideal)",
                              "unknown kind");
    }
};

/**
 * \ingroup coded-learning
 * The network scenario classes, their address plans and the factory (label network).
 */
class NetworkScenarioTestSuite : public TestSuite
{
  public:
    NetworkScenarioTestSuite()
        : TestSuite("coded-learning-network-scenario", Type::UNIT)
    {
        for (const char* kind : {"wifi", "csma", "p2p"})
        {
            AddTestCase(new NetworkScenarioEchoTestCase(kind));
        }
        AddTestCase(new NetworkScenarioP2pDelayTestCase);
        AddTestCase(new NetworkScenarioIdealTestCase);
        AddTestCase(new NetworkScenarioFactoryTestCase);
    }
};

/// The suite's static instance.
static NetworkScenarioTestSuite g_networkScenarioTestSuite;
