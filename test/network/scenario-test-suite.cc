// SPDX-License-Identifier: GPL-2.0-only
//
// The network scenario helpers (WifiScenarioHelper, CsmaScenarioHelper,
// PointToPointScenarioHelper, IdealScenarioHelper) and NetworkScenarioFactory: the networks
// carry (or drop) what they should, with the exact point-to-point delays, and bad settings give
// clear errors.

#include "ns3/arp-cache.h"
#include "ns3/boolean.h"
#include "ns3/csma-scenario-helper.h"
#include "ns3/fifo-queue-disc.h"
#include "ns3/flow-monitor.h"
#include "ns3/fq-codel-queue-disc.h"
#include "ns3/ideal-scenario-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/mac48-address.h"
#include "ns3/mobility-model.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-scenario-helper.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/txop.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-scenario-helper.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// UDP port of the echo server and the sockets of the tests.
const uint16_t PORT = 9;

/// Fixes seed and run: every case starts from the same random state.
void
FixSeed()
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
}

/**
 * Runs UdpEchoServer on the server and one UdpEchoClient per worker towards the server's
 * address as seen by that worker, and counts the datagrams that arrive.
 */
class EchoRun
{
  public:
    /**
     * Installs the applications and runs the simulation until stop (no Destroy).
     * \param scenario the network
     * \param packets datagrams per worker
     * \param start when the clients start (worker i 1 ms after worker i-1)
     * \param stop when the simulation stops
     */
    void Run(const NetworkScenario& scenario, uint32_t packets, Time start, Time stop)
    {
        m_serverRx = 0;
        m_workerRx.assign(scenario.workers.GetN(), 0);
        UdpEchoServerHelper serverHelper(PORT);
        ApplicationContainer server = serverHelper.Install(scenario.server);
        server.Start(Seconds(0));
        server.Stop(stop);
        // "RxWithAddresses" has the same signature from ns-3.35 to 3.48; "Rx" gained the
        // sender's address in ns-3.47 (CHANGES.md: SinkApplication).
        server.Get(0)->TraceConnectWithoutContext("RxWithAddresses",
                                                  MakeCallback(&EchoRun::ServerRx, this));
        for (uint32_t i = 0; i < scenario.workers.GetN(); ++i)
        {
            UdpEchoClientHelper clientHelper(scenario.serverAddresses[i], PORT);
            clientHelper.SetAttribute("MaxPackets", UintegerValue(packets));
            clientHelper.SetAttribute("Interval", TimeValue(MilliSeconds(100)));
            clientHelper.SetAttribute("PacketSize", UintegerValue(200));
            ApplicationContainer client = clientHelper.Install(scenario.workers.Get(i));
            client.Start(start + MilliSeconds(i));
            client.Stop(stop);
            client.Get(0)->TraceConnect("Rx",
                                        std::to_string(i),
                                        MakeCallback(&EchoRun::ClientRx, this));
        }
        Simulator::Stop(stop);
        Simulator::Run();
    }

    /// \return datagrams received by the server
    uint32_t ServerReceived() const
    {
        return m_serverRx;
    }

    /// \param i worker index \return replies received by worker i
    uint32_t WorkerReceived(uint32_t i) const
    {
        return m_workerRx[i];
    }

    /// \return replies received by all workers
    uint32_t WorkersReceived() const
    {
        uint32_t sum = 0;
        for (uint32_t n : m_workerRx)
        {
            sum += n;
        }
        return sum;
    }

  private:
    /// Server "RxWithAddresses" trace: counts the datagram.
    void ServerRx(Ptr<const Packet> /* packet */,
                  const Address& /* from */,
                  const Address& /* to */)
    {
        ++m_serverRx;
    }

    /// Client "Rx" trace: counts the reply. \param context the worker index
    void ClientRx(std::string context, Ptr<const Packet> /* packet */)
    {
        ++m_workerRx[std::stoul(context)];
    }

    uint32_t m_serverRx{0};           //!< datagrams received by the server
    std::vector<uint32_t> m_workerRx; //!< replies received per worker
};

/**
 * \param kind a network kind
 * \return the factory's helper of that kind with the default settings
 */
std::unique_ptr<NetworkScenarioHelper>
MakeHelper(const std::string& kind)
{
    return NetworkScenarioFactory::Create(kind, NetworkSettings());
}

/**
 * \param f a callable that configures or builds a helper
 * \return the std::invalid_argument message f throws, or "(no error)"
 */
template <typename F>
std::string
ErrorOf(F f)
{
    try
    {
        f();
    }
    catch (const std::invalid_argument& e)
    {
        return e.what();
    }
    return "(no error)";
}

/**
 * Removes a file made with CreateTempDirFilename and the (then empty) folders the runner
 * made for it: the test case's, the suite's and the runner's temporary folder.
 * \param path the file
 */
void
RemoveTempFile(const std::string& path)
{
    std::remove(path.c_str());
    std::string dir = path;
    for (int level = 0; level < 3; ++level)
    {
        const auto slash = dir.find_last_of('/');
        if (slash == std::string::npos || slash == 0)
        {
            return;
        }
        dir = dir.substr(0, slash);
        if (std::remove(dir.c_str()) != 0)
        {
            return; // not empty (or not ours): stop
        }
    }
}

} // namespace

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
 * Loss rate 1 on the uplink: nothing reaches the server. On point-to-point, loss rate 1 on
 * the downlink only: everything reaches the server, no reply reaches a worker.
 */
class NetworkScenarioLossDirectionTestCase : public TestCase
{
  public:
    /// \param kind the network kind
    NetworkScenarioLossDirectionTestCase(const std::string& kind)
        : TestCase(kind + ": uplink loss rate 1 lets nothing reach the server" +
                   (kind == "p2p" ? "; downlink loss rate 1 lets every datagram up, no reply "
                                    "down"
                                  : "")),
          m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 3;
        {
            FixSeed();
            std::unique_ptr<NetworkScenarioHelper> helper = MakeHelper(m_kind);
            helper->SetNumWorkers(n);
            helper->SetUplinkLossRate(1.0);
            NetworkScenario s = helper->Build();
            helper->AssignStreams(10);
            EchoRun echo;
            echo.Run(s, 3, Seconds(1), Seconds(3));
            NS_TEST_EXPECT_MSG_EQ(echo.ServerReceived(), 0, "uplink loss 1: server got data");
            NS_TEST_EXPECT_MSG_EQ(echo.WorkersReceived(), 0, "uplink loss 1: workers got data");
            Simulator::Destroy();
        }
        if (m_kind == "p2p")
        {
            FixSeed();
            std::unique_ptr<NetworkScenarioHelper> helper = MakeHelper(m_kind);
            helper->SetNumWorkers(n);
            helper->SetDownlinkLossRate(1.0);
            NetworkScenario s = helper->Build();
            helper->AssignStreams(10);
            EchoRun echo;
            echo.Run(s, 3, Seconds(1), Seconds(3));
            NS_TEST_EXPECT_MSG_EQ(echo.ServerReceived(), 3 * n, "downlink loss 1: uplink intact");
            NS_TEST_EXPECT_MSG_EQ(echo.WorkersReceived(), 0, "downlink loss 1: a reply arrived");
            Simulator::Destroy();
        }
    }

    std::string m_kind; //!< network kind
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
 * Every bad setting raises std::invalid_argument with a message naming the setting, the
 * value and what is allowed.
 */
class NetworkScenarioBadSettingsTestCase : public TestCase
{
  public:
    NetworkScenarioBadSettingsTestCase()
        : TestCase("every bad setting raises std::invalid_argument with a clear message")
    {
    }

  private:
    /**
     * \param actual the message thrown
     * \param expected the message expected
     */
    void Expect(const std::string& actual, const std::string& expected)
    {
        NS_TEST_EXPECT_MSG_EQ(actual, expected, "error message");
    }

    void DoRun() override
    {
        FixSeed();
        Expect(ErrorOf([]() { NetworkScenarioFactory::Create("token-ring", NetworkSettings()); }),
               "network kind 'token-ring' is unknown (allowed: wifi, csma, p2p, ideal)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetNumWorkers(0); }),
               "number of workers 0 is invalid (allowed: at least 1)");
        Expect(ErrorOf([]() {
                   PointToPointScenarioHelper h;
                   h.SetNumWorkers(3);
                   h.SetDataRates("1Mbps,2Mbps");
                   h.Build();
               }),
               "p2p data rate list '1Mbps,2Mbps' has 2 entries for 3 workers (allowed: one "
               "value for all links or exactly 3 comma-separated values)");
        Expect(ErrorOf([]() {
                   PointToPointScenarioHelper h;
                   h.SetNumWorkers(2);
                   h.SetDelays("1ms,2ms,3ms");
                   h.Validate();
               }),
               "p2p delay list '1ms,2ms,3ms' has 3 entries for 2 workers (allowed: one value "
               "for all links or exactly 2 comma-separated values)");
        Expect(ErrorOf([]() { PointToPointScenarioHelper().SetDelays("1ms,-2ms"); }),
               "p2p delay '-2ms' is negative (allowed: a time >= 0 with a unit s, ms, us or "
               "ns, e.g. 1ms, 6560ns)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDelay("-5us"); }),
               "CSMA delay '-5us' is negative (allowed: a time >= 0 with a unit s, ms, us or "
               "ns, e.g. 1ms, 6560ns)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDelay("soon"); }),
               "CSMA delay 'soon' is invalid (allowed: a time >= 0 with a unit s, ms, us or "
               "ns, e.g. 1ms, 6560ns)");
        Expect(ErrorOf([]() { PointToPointScenarioHelper().SetDataRates("10Mbps,0Mbps"); }),
               "p2p data rate '0Mbps' is invalid (allowed: a rate > 0 with a unit, e.g. "
               "100Mbps, 1Gbps, 500kbps)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDataRate("fast"); }),
               "CSMA data rate 'fast' is invalid (allowed: a rate > 0 with a unit, e.g. "
               "100Mbps, 1Gbps, 500kbps)");
        Expect(ErrorOf([]() { CsmaScenarioHelper().SetDataRate("100 Mbps"); }),
               "CSMA data rate '100 Mbps' is invalid (allowed: a rate > 0 with a unit, e.g. "
               "100Mbps, 1Gbps, 500kbps)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetUplinkLossRate(1.5); }),
               "uplink loss rate 1.5 is invalid (allowed: 0 to 1)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetDownlinkLossRate(-0.1); }),
               "downlink loss rate -0.1 is invalid (allowed: 0 to 1)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetUplinkLossRate(std::nan("")); }),
               "uplink loss rate nan is invalid (allowed: 0 to 1)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetLossModel("gilbert"); }),
               "loss model 'gilbert' is unknown (allowed: rate, burst)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetLossBurstLength(0); }),
               "loss burst length 0 is invalid (allowed: at least 1 packet)");
        Expect(ErrorOf([]() { IdealScenarioHelper().SetArpPendingQueueSize(0); }),
               "ARP pending queue size 0 is invalid (allowed: at least 1 packet)");

        // The address plan.
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetIpv4Network("10.1.1.0/24");
                   h.SetNumWorkers(253);
                   h.Validate();
                   h.SetNumWorkers(254);
                   h.Validate();
               }),
               "number of workers 254 exceeds the Wi-Fi address plan 10.1.1.0/24 (allowed: at "
               "most 253 workers, one subnet; give a shorter prefix to SetIpv4Network, e.g. "
               "10.1.0.0/16)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetNumWorkers(2008);
                   h.Build();
               }),
               "number of workers 2008 exceeds what one Wi-Fi access point can associate "
               "(allowed: at most 2007 stations, the 802.11 association-ID limit)");
        Expect(ErrorOf([]() {
                   PointToPointScenarioHelper h;
                   h.SetIpv4Network("192.168.0.0/24");
                   h.SetNumWorkers(65);
                   h.Build();
               }),
               "number of workers 65 exceeds the p2p address plan 192.168.0.0/24 (allowed: at "
               "most 64 workers, one /30 subnet per link; give a shorter prefix to "
               "SetIpv4Network, e.g. 10.1.0.0/16)");
        Expect(ErrorOf([]() {
                   CsmaScenarioHelper h;
                   h.SetIpv4Network("10.2.0.0/28");
                   h.SetNumWorkers(14);
                   h.Build();
               }),
               "number of workers 14 exceeds the CSMA address plan 10.2.0.0/28 (allowed: at "
               "most 13 workers, one subnet; give a shorter prefix to SetIpv4Network, e.g. "
               "10.1.0.0/16)");
        const std::string badNetwork = "' is invalid (allowed: a.b.c.d/prefix with a prefix of "
                                       "8 to 30 bits and zero host bits, e.g. 10.1.0.0/16)";
        for (const char* network :
             {"10.1.1.5/24", "10.1.300.0/24", "10.1.0.0/31", "10.1.0.0", "10.1.0/16", "x/16"})
        {
            Expect(ErrorOf([network]() { IdealScenarioHelper().SetIpv4Network(network); }),
                   std::string("IPv4 network '") + network + badNetwork);
        }

        // Wi-Fi.
        Expect(ErrorOf([]() { WifiScenarioHelper().SetStandard("802.11z"); }),
               "Wi-Fi standard '802.11z' is unknown (allowed: 802.11ax, 802.11ac, 802.11n, "
               "802.11g, 802.11a)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetBand("60GHz"); }),
               "Wi-Fi band '60GHz' is unknown (allowed: auto, 2.4GHz, 5GHz, 6GHz)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetChannelWidth(30); }),
               "Wi-Fi channel width 30 MHz is invalid (allowed: 20, 40, 80, 160)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetPlacement("grid"); }),
               "Wi-Fi placement 'grid' is unknown (allowed: circle, disc)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetDistance(0); }),
               "Wi-Fi distance 0 m is invalid (allowed: a finite distance > 0 m)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetDistances("5,x"); }),
               "Wi-Fi station distance 'x' is invalid (allowed: a finite distance > 0 m)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetDistances("5,-1"); }),
               "Wi-Fi station distance '-1' is invalid (allowed: a finite distance > 0 m)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetNumWorkers(3);
                   h.SetDistances("5,40");
                   h.Build();
               }),
               "Wi-Fi station distance list has 2 entries for 3 workers (allowed: one value for "
               "every station or exactly 3 comma-separated values)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetNumWorkers(2);
                   h.SetDistances("5,40");
                   h.SetPlacement("disc");
                   h.Build();
               }),
               "Wi-Fi station distances need the circle placement and static stations "
               "(placement disc, mobility static)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMobility("teleport"); }),
               "Wi-Fi mobility 'teleport' is unknown (allowed: static, random-walk)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetWalkSpeed(-1); }),
               "Wi-Fi walk speed -1 m/s is invalid (allowed: a finite speed > 0 m/s)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetPathLossExponent(0); }),
               "path-loss exponent 0 is invalid (allowed: 0 < exponent <= 10)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetReferenceLoss(-3); }),
               "reference loss -3 dB is invalid (allowed: 0 to 200 dB)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMaxMissedBeacons(0); }),
               "Wi-Fi max missed beacons 0 is invalid (allowed: at least 1 beacon)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMacQueueSize(0); }),
               "Wi-Fi MAC queue size 0 is invalid (allowed: at least 1 packet)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetMacQueueMaxDelay(Seconds(0)); }),
               "Wi-Fi MAC queue max delay 0.000000 s is invalid (allowed: > 0)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetAssociationCw(64, 32); }),
               "Wi-Fi association contention window 64..32 is invalid (allowed: 1 <= min <= max "
               "<= 1023, or 0..0 to keep ns-3's values)");
        Expect(ErrorOf([]() { WifiScenarioHelper().SetRateControl("arf"); }),
               "Wi-Fi rate control 'arf' is unknown (allowed: ideal, minstrel-ht, constant)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetStandard("802.11ac");
                   h.SetBand("2.4GHz");
                   h.Build();
               }),
               "Wi-Fi band 2.4GHz is not available for 802.11ac (allowed: 5GHz)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetStandard("n");
                   h.SetChannelWidth(80);
                   h.Build();
               }),
               "Wi-Fi channel width 80 MHz is not available for 802.11n at 5GHz (allowed: "
               "20, 40)");
        Expect(ErrorOf([]() {
                   WifiScenarioHelper h;
                   h.SetStandard("802.11a");
                   h.SetRateControl("constant");
                   h.SetConstantMode("HtMcs7");
                   h.Build();
               }),
               "Wi-Fi constant mode 'HtMcs7' is not available for 802.11a at 5GHz, 20 MHz "
               "(allowed: OfdmRate6Mbps, OfdmRate9Mbps, OfdmRate12Mbps, OfdmRate18Mbps, "
               "OfdmRate24Mbps, OfdmRate36Mbps, OfdmRate48Mbps, OfdmRate54Mbps)");

        // Order of calls.
        WifiScenarioHelper unbuilt;
        bool logicError = false;
        try
        {
            unbuilt.AssignStreams(1);
        }
        catch (const std::logic_error& e)
        {
            logicError = std::string(e.what()) ==
                         "NetworkScenarioHelper::AssignStreams() needs the network: call "
                         "Build() first";
        }
        NS_TEST_EXPECT_MSG_EQ(logicError, true, "AssignStreams before Build");
        IdealScenarioHelper twice;
        twice.Build();
        logicError = false;
        try
        {
            twice.Build();
        }
        catch (const std::logic_error& e)
        {
            logicError = true;
        }
        NS_TEST_EXPECT_MSG_EQ(logicError, true, "Build twice");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * EnablePcap writes one file per device with the link type of the kind (radiotap on Wi-Fi).
 */
class NetworkScenarioPcapTestCase : public TestCase
{
  public:
    /// \param kind the network kind
    NetworkScenarioPcapTestCase(const std::string& kind)
        : TestCase(kind + ": EnablePcap writes one PCAP per device with the right link type"),
          m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        const std::string prefix = CreateTempDirFilename(m_kind);
        std::vector<std::string> names;
        {
            std::unique_ptr<NetworkScenarioHelper> helper = MakeHelper(m_kind);
            helper->SetNumWorkers(3);
            NetworkScenario s = helper->Build();
            helper->AssignStreams(10);
            helper->EnablePcap(prefix);
            for (uint32_t i = 0; i < s.devices.GetN(); ++i)
            {
                std::ostringstream name;
                name << prefix << "-" << s.devices.Get(i)->GetNode()->GetId() << "-"
                     << s.devices.Get(i)->GetIfIndex() << ".pcap";
                names.push_back(name.str());
            }
            EchoRun echo;
            echo.Run(s, 1, Seconds(1), Seconds(2));
            Simulator::Destroy();
        }
        // The files are complete once the devices are freed: after Simulator::Destroy(), when
        // the helper and the scenario (which hold the devices) are gone.

        // DLT_EN10MB 1, DLT_PPP 9, DLT_IEEE802_11_RADIO 127
        const uint32_t linkType = m_kind == "wifi" ? 127 : m_kind == "csma" ? 1 : 9;
        NS_TEST_ASSERT_MSG_EQ(names.size(), (m_kind == "p2p" ? 6u : 4u), "devices");
        for (const auto& name : names)
        {
            std::ifstream in(name.c_str(), std::ios::binary);
            NS_TEST_EXPECT_MSG_EQ(in.good(), true, "missing " << name);
            uint32_t header[6] = {0, 0, 0, 0, 0, 0};
            in.read(reinterpret_cast<char*>(header), sizeof(header));
            NS_TEST_EXPECT_MSG_EQ(header[0], 0xa1b2c3d4, "pcap magic of " << name);
            NS_TEST_EXPECT_MSG_EQ(header[5], linkType, "link type of " << name);
            in.seekg(0, std::ios::end);
            NS_TEST_EXPECT_MSG_GT(static_cast<uint64_t>(in.tellg()), 24, "packets in " << name);
            in.close();
            RemoveTempFile(name);
        }
    }

    std::string m_kind; //!< network kind
};

/**
 * \ingroup coded-learning
 * EnableFlowMonitor and WriteFlowMonitor: one flow per direction and worker, written as XML
 * with the IPv4 classifier.
 */
class NetworkScenarioFlowMonitorTestCase : public TestCase
{
  public:
    NetworkScenarioFlowMonitorTestCase()
        : TestCase("p2p: the flow monitor XML lists one flow per worker and direction")
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        PointToPointScenarioHelper helper;
        helper.SetNumWorkers(3);
        NetworkScenario s = helper.Build();
        helper.AssignStreams(10);
        helper.EnableFlowMonitor();
        NS_TEST_ASSERT_MSG_EQ((helper.GetFlowMonitor() != nullptr), true, "monitor");
        EchoRun echo;
        echo.Run(s, 2, Seconds(1), Seconds(2));
        const std::string path = CreateTempDirFilename("flowmon.xml");
        helper.WriteFlowMonitor(path);
        Simulator::Destroy();

        std::ifstream in(path.c_str());
        std::stringstream text;
        text << in.rdbuf();
        const std::string xml = text.str();
        uint32_t flows = 0;
        for (auto at = xml.find("sourceAddress="); at != std::string::npos;
             at = xml.find("sourceAddress=", at + 1))
        {
            ++flows;
        }
        NS_TEST_EXPECT_MSG_EQ(flows, 6, "3 workers x 2 directions");
        NS_TEST_EXPECT_MSG_NE(xml.find("txPackets=\"2\""), std::string::npos, "counts");
        RemoveTempFile(path);

        bool runtimeError = false;
        try
        {
            helper.WriteFlowMonitor("/nonexistent-folder/flowmon.xml");
        }
        catch (const std::runtime_error& e)
        {
            runtimeError = std::string(e.what()) ==
                           "cannot write the flow monitor file '/nonexistent-folder/flowmon.xml'";
        }
        NS_TEST_EXPECT_MSG_EQ(runtimeError, true, "unwritable path");
    }
};

/**
 * \ingroup coded-learning
 * SetServerQueueDisc puts the given root queue disc on the server's device(s) only; the
 * workers keep ns-3's default.
 */
class NetworkScenarioQueueDiscTestCase : public TestCase
{
  public:
    /// \param kind the network kind
    NetworkScenarioQueueDiscTestCase(const std::string& kind)
        : TestCase(kind + ": the server's root queue disc is the one given, the workers keep "
                          "ns-3's default"),
          m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        std::unique_ptr<NetworkScenarioHelper> helper = MakeHelper(m_kind);
        helper->SetNumWorkers(3);
        TrafficControlHelper tch;
        tch.SetRootQueueDisc("ns3::FifoQueueDisc", "MaxSize", StringValue("50p"));
        helper->SetServerQueueDisc(tch);
        NetworkScenario s = helper->Build();
        NS_TEST_ASSERT_MSG_EQ(s.serverQueueDiscs.GetN(), s.serverDevices.GetN(), "one each");
        Ptr<TrafficControlLayer> tc = s.server->GetObject<TrafficControlLayer>();
        for (uint32_t i = 0; i < s.serverDevices.GetN(); ++i)
        {
            Ptr<QueueDisc> root = tc->GetRootQueueDiscOnDevice(s.serverDevices.Get(i));
            NS_TEST_EXPECT_MSG_EQ((DynamicCast<FifoQueueDisc>(root) != nullptr),
                                  true,
                                  "server device " << i << " has the FIFO");
            NS_TEST_EXPECT_MSG_EQ(root, s.serverQueueDiscs.Get(i), "returned container");
        }
        Ptr<QueueDisc> worker =
            s.workers.Get(0)->GetObject<TrafficControlLayer>()->GetRootQueueDiscOnDevice(
                s.workerDevices.Get(0));
        NS_TEST_EXPECT_MSG_EQ((worker != nullptr), true, "worker has a default root");
        NS_TEST_EXPECT_MSG_EQ((DynamicCast<FifoQueueDisc>(worker) == nullptr),
                              true,
                              "worker's root is not ours");
        EchoRun echo;
        echo.Run(s, 2, Seconds(1), Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(echo.WorkersReceived(), 6, "replies through the FIFO");
        Simulator::Destroy();
    }

    std::string m_kind; //!< network kind
};

/**
 * \ingroup coded-learning
 * Every Wi-Fi standard, band, width, rate control, placement and mobility variant builds and
 * carries traffic.
 */
class NetworkScenarioWifiVariantsTestCase : public TestCase
{
  public:
    NetworkScenarioWifiVariantsTestCase()
        : TestCase("wifi: every standard, band, width, rate control, placement and mobility "
                   "variant carries traffic")
    {
    }

  private:
    /// One Wi-Fi configuration.
    struct Variant
    {
        const char* standard;    //!< standard
        const char* band;        //!< band
        uint16_t width;          //!< channel width (MHz)
        const char* rateControl; //!< rate control
        const char* mode;        //!< constant mode
        const char* placement;   //!< placement
        const char* mobility;    //!< mobility
    };

    void DoRun() override
    {
        const Variant variants[] = {
            {"802.11a", "auto", 20, "ideal", "", "circle", "static"},
            {"802.11g", "auto", 20, "minstrel-ht", "", "circle", "static"},
            {"802.11g", "auto", 20, "constant", "ErpOfdmRate24Mbps", "circle", "static"},
            {"802.11n", "2.4GHz", 40, "minstrel-ht", "", "disc", "static"},
            {"802.11n", "5GHz", 20, "constant", "HtMcs5", "circle", "static"},
            {"802.11ac", "auto", 80, "constant", "VhtMcs9", "circle", "static"},
            {"802.11ac", "auto", 160, "ideal", "", "disc", "random-walk"},
            {"802.11ax", "2.4GHz", 20, "constant", "HeMcs5", "circle", "static"},
            {"802.11ax", "6GHz", 80, "ideal", "", "circle", "static"},
            {"802.11ax", "5GHz", 40, "minstrel-ht", "", "disc", "random-walk"},
        };
        for (const Variant& v : variants)
        {
            FixSeed();
            WifiScenarioHelper helper;
            helper.SetNumWorkers(3);
            helper.SetStandard(v.standard);
            helper.SetBand(v.band);
            helper.SetChannelWidth(v.width);
            helper.SetRateControl(v.rateControl);
            if (std::string(v.mode) != "")
            {
                helper.SetConstantMode(v.mode);
            }
            helper.SetPlacement(v.placement);
            helper.SetMobility(v.mobility);
            helper.SetDistance(5);
            NetworkScenario s = helper.Build();
            helper.AssignStreams(10);
            EchoRun echo;
            echo.Run(s, 2, Seconds(1), Seconds(2));
            NS_TEST_EXPECT_MSG_EQ(echo.ServerReceived(),
                                  6,
                                  v.standard << " " << v.band << " " << v.width << " MHz "
                                             << v.rateControl << " " << v.mode << " " << v.placement
                                             << " " << v.mobility);
            NS_TEST_EXPECT_MSG_EQ(echo.WorkersReceived(), 6, v.standard << " replies");
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup coded-learning
 * Per-station distances: every station sits at its own distance from the access point, and
 * near and far stations all carry traffic.
 */
class NetworkScenarioWifiDistancesTestCase : public TestCase
{
  public:
    NetworkScenarioWifiDistancesTestCase()
        : TestCase("wifi: per-station distances place near and far stations; both carry traffic")
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        WifiScenarioHelper helper;
        helper.SetNumWorkers(4);
        helper.SetDistances("5, 40,5,40");
        NetworkScenario s = helper.Build();
        helper.AssignStreams(10);
        const double expected[] = {5, 40, 5, 40};
        for (uint32_t i = 0; i < 4; ++i)
        {
            const Vector p = s.workers.Get(i)->GetObject<MobilityModel>()->GetPosition();
            NS_TEST_EXPECT_MSG_EQ_TOL(std::sqrt(p.x * p.x + p.y * p.y),
                                      expected[i],
                                      1e-9,
                                      "station " << i);
        }
        EchoRun echo;
        echo.Run(s, 2, Seconds(1), Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(echo.ServerReceived(), 8, "near and far stations reach the AP");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * AssignStreams fixes the random placement: the same stream gives the same positions, another
 * stream others, all inside the disc; the number of streams used is stable.
 */
class NetworkScenarioStreamsTestCase : public TestCase
{
  public:
    NetworkScenarioStreamsTestCase()
        : TestCase("wifi: AssignStreams fixes the random-disc placement and its stream count")
    {
    }

  private:
    /**
     * \param stream the first stream
     * \param used set to the number of streams used
     * \return the station positions
     */
    std::vector<Vector> Positions(int64_t stream, int64_t& used)
    {
        FixSeed();
        WifiScenarioHelper helper;
        helper.SetNumWorkers(6);
        helper.SetPlacement("disc");
        helper.SetDistance(20);
        helper.SetUplinkLossRate(0.1);
        helper.SetDownlinkLossRate(0.1);
        NetworkScenario s = helper.Build();
        // draws made before AssignStreams must not matter
        CreateObject<UniformRandomVariable>()->GetValue();
        used = helper.AssignStreams(stream);
        std::vector<Vector> positions;
        for (uint32_t i = 0; i < s.workers.GetN(); ++i)
        {
            positions.push_back(s.workers.Get(i)->GetObject<MobilityModel>()->GetPosition());
        }
        Simulator::Destroy();
        return positions;
    }

    void DoRun() override
    {
        int64_t usedA = 0;
        int64_t usedB = 0;
        int64_t usedC = 0;
        const auto a = Positions(100, usedA);
        const auto b = Positions(100, usedB);
        const auto c = Positions(5000, usedC);
        NS_TEST_ASSERT_MSG_GT(usedA, 0, "streams used");
        NS_TEST_EXPECT_MSG_EQ(usedA, usedB, "stable count");
        NS_TEST_EXPECT_MSG_EQ(usedA, usedC, "stable count");
        bool same = true;
        bool differ = false;
        for (uint32_t i = 0; i < a.size(); ++i)
        {
            same = same && a[i].x == b[i].x && a[i].y == b[i].y;
            differ = differ || a[i].x != c[i].x || a[i].y != c[i].y;
            NS_TEST_EXPECT_MSG_LT_OR_EQ(std::hypot(a[i].x, a[i].y), 20.0, "inside the disc");
        }
        NS_TEST_EXPECT_MSG_EQ(same, true, "same stream, same positions");
        NS_TEST_EXPECT_MSG_EQ(differ, true, "another stream, other positions");
    }
};

/**
 * \ingroup coded-learning
 * The loss models over many packets: the "rate" and "burst" models both lose the fraction
 * set, and the burst model loses in runs of at least the burst length.
 */
class NetworkScenarioLossModelTestCase : public TestCase
{
  public:
    NetworkScenarioLossModelTestCase()
        : TestCase("p2p: rate and burst loss models lose the fraction set; bursts come in runs")
    {
    }

  private:
    /// Server receive callback: records the sequence numbers. \param socket the socket
    void Receive(Ptr<Socket> socket)
    {
        while (Ptr<Packet> packet = socket->Recv())
        {
            uint8_t bytes[4];
            packet->CopyData(bytes, 4);
            m_received.insert(uint32_t(bytes[0]) << 24 | uint32_t(bytes[1]) << 16 |
                              uint32_t(bytes[2]) << 8 | bytes[3]);
        }
    }

    /// Sends datagram seq from the worker. \param seq the sequence number
    void Send(uint32_t seq)
    {
        const uint8_t bytes[4] = {uint8_t(seq >> 24),
                                  uint8_t(seq >> 16),
                                  uint8_t(seq >> 8),
                                  uint8_t(seq)};
        m_sender->Send(Create<Packet>(bytes, 4));
    }

    /**
     * \param model the loss model
     * \param lost set to the fraction lost
     * \param meanRun set to the mean length of the runs of lost packets
     */
    void Measure(const std::string& model, double& lost, double& meanRun)
    {
        FixSeed();
        const uint32_t packets = 5000;
        PointToPointScenarioHelper helper;
        helper.SetNumWorkers(1);
        helper.SetUplinkLossRate(0.3);
        helper.SetLossModel(model);
        helper.SetLossBurstLength(4);
        NetworkScenario s = helper.Build();
        helper.AssignStreams(10);
        m_received.clear();
        Ptr<Socket> server = Socket::CreateSocket(s.server, UdpSocketFactory::GetTypeId());
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        server->SetRecvCallback(MakeCallback(&NetworkScenarioLossModelTestCase::Receive, this));
        m_sender = Socket::CreateSocket(s.workers.Get(0), UdpSocketFactory::GetTypeId());
        m_sender->Bind();
        m_sender->Connect(InetSocketAddress(s.serverAddresses[0], PORT));
        for (uint32_t seq = 0; seq < packets; ++seq)
        {
            Simulator::Schedule(Seconds(1) + MicroSeconds(10 * seq),
                                &NetworkScenarioLossModelTestCase::Send,
                                this,
                                seq);
        }
        Simulator::Run();
        m_sender = nullptr;
        Simulator::Destroy();

        uint32_t runs = 0;
        uint32_t lostPackets = 0;
        for (uint32_t seq = 0; seq < packets; ++seq)
        {
            if (m_received.count(seq) == 0)
            {
                ++lostPackets;
                if (seq == 0 || m_received.count(seq - 1) == 1)
                {
                    ++runs;
                }
            }
        }
        lost = double(lostPackets) / packets;
        meanRun = runs > 0 ? double(lostPackets) / runs : 0;
    }

    void DoRun() override
    {
        double lost = 0;
        double meanRun = 0;
        Measure("rate", lost, meanRun);
        NS_TEST_EXPECT_MSG_EQ_TOL(lost, 0.3, 0.03, "rate model loss fraction");
        // independent losses: runs are geometric with mean 1 / (1 - 0.3) = 1.43
        NS_TEST_EXPECT_MSG_LT(meanRun, 2.0, "rate model runs");
        Measure("burst", lost, meanRun);
        NS_TEST_EXPECT_MSG_EQ_TOL(lost, 0.3, 0.03, "burst model loss fraction");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(meanRun, 4.0, "burst model runs of at least 4");
    }

    std::set<uint32_t> m_received; //!< sequence numbers received
    Ptr<Socket> m_sender;          //!< the worker's socket
};

/**
 * \ingroup coded-learning
 * Many workers on Wi-Fi: 250 stations get distinct addresses of the plan, and 200 stations
 * associate and exchange a datagram each with the server.
 */
class NetworkScenarioManyWorkersTestCase : public TestCase
{
  public:
    NetworkScenarioManyWorkersTestCase()
        : TestCase("wifi: 250 stations get the plan's addresses; 200 stations all reach the "
                   "server")
    {
    }

  private:
    void DoRun() override
    {
        {
            FixSeed();
            WifiScenarioHelper helper;
            helper.SetNumWorkers(250);
            NetworkScenario s = helper.Build();
            std::set<uint32_t> addresses;
            for (uint32_t i = 0; i < 250; ++i)
            {
                addresses.insert(s.workerAddresses[i].Get());
            }
            NS_TEST_EXPECT_MSG_EQ(addresses.size(), 250, "distinct addresses");
            NS_TEST_EXPECT_MSG_EQ(s.workerAddresses[249], Ipv4Address("10.1.0.251"), "plan");
            NS_TEST_EXPECT_MSG_EQ(helper.GetMaxWorkers(), 2007, "Wi-Fi capacity");
            Simulator::Destroy();
        }
        {
            FixSeed();
            WifiScenarioHelper helper;
            helper.SetNumWorkers(200);
            helper.SetDistance(5);
            NetworkScenario s = helper.Build();
            helper.AssignStreams(10);
            EchoRun echo;
            echo.Run(s, 1, Seconds(1), Seconds(1.6));
            NS_TEST_EXPECT_MSG_EQ(helper.IsReady(), true, "all 200 associated");
            NS_TEST_EXPECT_MSG_LT(helper.GetReadyTime(), Seconds(1), "before the clients start");
            NS_TEST_EXPECT_MSG_EQ(echo.ServerReceived(), 200, "every station reached the AP");
            NS_TEST_EXPECT_MSG_EQ(echo.WorkersReceived(), 200, "every reply came back");
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup coded-learning
 * Wi-Fi, 40 stations: the server sends 30 datagrams of 1400 bytes to every station at once
 * (1200 frames, more than ns-3's 500-packet MAC queue), as it does with a model. With the
 * helper's default MAC queues every datagram arrives; with ns-3's 500 packets and 500 ms some
 * are lost (ns-3.37 drops the frame that triggered a Block Ack agreement set up while the
 * access point's queue is full), which cost every model of a 50-worker cell.
 */
class NetworkScenarioWifiBurstTestCase : public TestCase
{
  public:
    NetworkScenarioWifiBurstTestCase()
        : TestCase("wifi: a burst of 30 datagrams to each of 40 stations all arrive with the "
                   "default MAC queues, not with ns-3's 500 packets")
    {
    }

  private:
    /// Datagrams per station.
    static constexpr uint32_t BURST = 30;

    void DoRun() override
    {
        const uint32_t n = 40;
        NS_TEST_EXPECT_MSG_EQ(RunBurst(n, false), n * BURST, "every datagram arrives");
        NS_TEST_EXPECT_MSG_EQ(m_complete, n, "every station gets its whole burst");
        NS_TEST_EXPECT_MSG_LT(RunBurst(n, true), n * BURST, "ns-3's MAC queues lose datagrams");
    }

    /**
     * \param n stations \param ns3Queues whether the MAC queues keep ns-3's 500 packets and
     * 500 ms \return datagrams received by all stations
     */
    uint32_t RunBurst(uint32_t n, bool ns3Queues)
    {
        FixSeed();
        WifiScenarioHelper helper;
        helper.SetNumWorkers(n);
        if (ns3Queues)
        {
            helper.SetMacQueueSize(500);
            helper.SetMacQueueMaxDelay(MilliSeconds(500));
        }
        NetworkScenario s = helper.Build();
        helper.AssignStreams(10);
        m_received.clear();
        m_addresses = s.workerAddresses;
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<Socket> sink =
                Socket::CreateSocket(s.workers.Get(i), UdpSocketFactory::GetTypeId());
            sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
            sink->SetRecvCallback(MakeCallback(&NetworkScenarioWifiBurstTestCase::Receive, this));
        }
        m_source = Socket::CreateSocket(s.server, UdpSocketFactory::GetTypeId());
        m_source->Bind();
        Simulator::Schedule(Seconds(1), &NetworkScenarioWifiBurstTestCase::SendBurst, this);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(helper.IsReady(), true, "every station associated");
        NS_TEST_EXPECT_MSG_LT(helper.GetReadyTime(), Seconds(1), "before the burst");
        uint32_t total = 0;
        m_complete = 0;
        for (const auto& [node, count] : m_received)
        {
            total += count;
            m_complete += count == BURST ? 1 : 0;
        }
        m_source = nullptr;
        Simulator::Destroy();
        return total;
    }

    /// Sends BURST datagrams to every station, station by station, at once.
    void SendBurst()
    {
        for (const Ipv4Address& to : m_addresses)
        {
            for (uint32_t k = 0; k < BURST; ++k)
            {
                m_source->SendTo(Create<Packet>(1400), 0, InetSocketAddress(to, PORT));
            }
        }
    }

    /// Receive callback of the stations' sockets. \param socket the socket
    void Receive(Ptr<Socket> socket)
    {
        while (socket->Recv())
        {
            ++m_received[socket->GetNode()->GetId()];
        }
    }

    Ptr<Socket> m_source;                    //!< the server's socket
    std::vector<Ipv4Address> m_addresses;    //!< the stations' addresses
    std::map<uint32_t, uint32_t> m_received; //!< datagrams received per station node
    uint32_t m_complete{0};                  //!< stations that received the whole burst
};

/**
 * \ingroup coded-learning
 * ARP: by default the server's and the workers' caches hold permanent entries for each other
 * (also after the Wi-Fi stations' association flushed their caches), so no ARP is needed;
 * with SetStaticArp(false) ns-3's dynamic ARP resolves the addresses, with the pending queue
 * size set.
 */
class NetworkScenarioArpTestCase : public TestCase
{
  public:
    /// \param kind the network kind \param staticArp whether static ARP is on
    NetworkScenarioArpTestCase(const std::string& kind, bool staticArp)
        : TestCase(kind + (staticArp ? ": static ARP entries (permanent) on both sides"
                                     : ": dynamic ARP resolves the addresses")),
          m_kind(kind),
          m_staticArp(staticArp)
    {
    }

  private:
    /**
     * \param device a device
     * \return the ARP cache of its IPv4 interface
     */
    static Ptr<ArpCache> CacheOf(Ptr<NetDevice> device)
    {
        Ptr<Ipv4L3Protocol> ipv4 = device->GetNode()->GetObject<Ipv4L3Protocol>();
        return ipv4->GetInterface(ipv4->GetInterfaceForDevice(device))->GetArpCache();
    }

    void DoRun() override
    {
        FixSeed();
        std::unique_ptr<NetworkScenarioHelper> helper = MakeHelper(m_kind);
        helper->SetNumWorkers(3);
        helper->SetStaticArp(m_staticArp);
        helper->SetArpPendingQueueSize(77);
        NetworkScenario s = helper->Build();
        helper->AssignStreams(10);
        EchoRun echo;
        echo.Run(s, 2, Seconds(1), Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(echo.WorkersReceived(), 6, "replies");
        Ptr<ArpCache> server = CacheOf(s.serverDevices.Get(0));
        UintegerValue pending;
        server->GetAttribute("PendingQueueSize", pending);
        NS_TEST_EXPECT_MSG_EQ(pending.Get(), 77, "pending queue size");
        for (uint32_t i = 0; i < 3; ++i)
        {
            ArpCache::Entry* toWorker = server->Lookup(s.workerAddresses[i]);
            ArpCache::Entry* toServer =
                CacheOf(s.workerDevices.Get(i))->Lookup(s.serverAddresses[i]);
            NS_TEST_ASSERT_MSG_EQ((toWorker != nullptr && toServer != nullptr), true, "entries");
            NS_TEST_EXPECT_MSG_EQ(toWorker->IsPermanent(), m_staticArp, "server -> " << i);
            NS_TEST_EXPECT_MSG_EQ(toServer->IsPermanent(), m_staticArp, i << " -> server");
            NS_TEST_EXPECT_MSG_EQ(toWorker->IsAlive(), !m_staticArp, "resolved " << i);
            NS_TEST_EXPECT_MSG_EQ(Mac48Address::ConvertFrom(toWorker->GetMacAddress()),
                                  Mac48Address::ConvertFrom(s.workerDevices.Get(i)->GetAddress()),
                                  "worker " << i << "'s MAC");
        }
        Simulator::Destroy();
    }

    std::string m_kind; //!< network kind
    bool m_staticArp;   //!< whether static ARP is on
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
 * The network scenario helpers' suite (label network).
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
            AddTestCase(new NetworkScenarioLossDirectionTestCase(kind));
            AddTestCase(new NetworkScenarioPcapTestCase(kind));
            AddTestCase(new NetworkScenarioQueueDiscTestCase(kind));
        }
        for (const char* kind : {"wifi", "csma"})
        {
            AddTestCase(new NetworkScenarioArpTestCase(kind, true));
            AddTestCase(new NetworkScenarioArpTestCase(kind, false));
        }
        AddTestCase(new NetworkScenarioP2pDelayTestCase);
        AddTestCase(new NetworkScenarioIdealTestCase);
        AddTestCase(new NetworkScenarioBadSettingsTestCase);
        AddTestCase(new NetworkScenarioFactoryTestCase);
        AddTestCase(new NetworkScenarioFlowMonitorTestCase);
        AddTestCase(new NetworkScenarioWifiVariantsTestCase);
        AddTestCase(new NetworkScenarioWifiDistancesTestCase);
        AddTestCase(new NetworkScenarioStreamsTestCase);
        AddTestCase(new NetworkScenarioLossModelTestCase);
        AddTestCase(new NetworkScenarioManyWorkersTestCase);
        AddTestCase(new NetworkScenarioWifiBurstTestCase);
    }
};

/// The suite's static instance.
static NetworkScenarioTestSuite g_networkScenarioTestSuite;
