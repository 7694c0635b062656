// SPDX-License-Identifier: GPL-2.0-only
//
// The Wi-Fi network with a wired backhaul (WifiBackhaulScenarioHelper, NetworkSettings
// backhaul "p2p") and the FairAdmissionQueueDisc on the access point's end of the backhaul:
// the uploads reach the server over the backhaul, every upload packet passes through the
// queue disc in the class of its worker, the uplink loss stays on the Wi-Fi hop, PCAP covers
// the backhaul, and bad settings give clear errors.

#include "ns3/fair-admission-queue-disc.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/wifi-net-device.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// UDP port of the server's socket.
const uint16_t PORT = 9;
/// UDP payload of every datagram (bytes).
const uint32_t PAYLOAD = 1000;
/// Its size on the backhaul: payload, UDP and IPv4 headers (what the queue disc and MacRx see).
const uint32_t IP_SIZE = PAYLOAD + 8 + 20;
/// The point-to-point protocol header, part of the packets of the MacRx trace.
const uint32_t PPP_HEADER = 2;
/// Datagrams worker 0 sends; worker i sends DATAGRAMS + i (different counts, so that a
/// class holding another worker's packets shows).
const uint32_t DATAGRAMS = 20;

/// \param i a worker \return the datagrams it sends
uint32_t
SentBy(uint32_t i)
{
    return DATAGRAMS + i;
}

/// \param n workers \return the datagrams they send together
uint32_t
SentByAll(uint32_t n)
{
    return n * DATAGRAMS + n * (n - 1) / 2;
}

/// Fixes seed and run: every case starts from the same random state.
void
FixSeed()
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
}

/// Packets and bytes seen by a trace sink.
struct Counter
{
    uint64_t packets{0}; //!< packets
    uint64_t bytes{0};   //!< bytes
};

/// Trace sink of a device's MacRx or PhyTxBegin. \param c the counter \param p the packet
void
Count(Counter* c, Ptr<const Packet> p)
{
    c->packets++;
    c->bytes += p->GetSize();
}

/// Sends one datagram. \param socket a connected socket
void
SendOne(Ptr<Socket> socket)
{
    socket->Send(Create<Packet>(PAYLOAD));
}

/// The server's socket: counts the datagrams from each source address.
class ServerSink
{
  public:
    /// \param socket the server's socket, bound to PORT
    explicit ServerSink(Ptr<Socket> socket)
    {
        socket->SetRecvCallback(MakeCallback(&ServerSink::Receive, this));
    }

    /// \param from a worker's address \return the datagrams received from it
    uint32_t From(Ipv4Address from) const
    {
        const auto it = m_from.find(from);
        return it == m_from.end() ? 0 : it->second;
    }

    /// \return every datagram received
    uint32_t Total() const
    {
        uint32_t total = 0;
        for (const auto& [address, n] : m_from)
        {
            total += n;
        }
        return total;
    }

  private:
    /// Receive callback. \param socket the socket
    void Receive(Ptr<Socket> socket)
    {
        Address from;
        while (Ptr<Packet> p = socket->RecvFrom(from))
        {
            m_from[InetSocketAddress::ConvertFrom(from).GetIpv4()]++;
        }
    }

    std::map<Ipv4Address, uint32_t> m_from; //!< datagrams per source
};

/**
 * Builds a backhaul scenario of n workers, sends SentBy(i) datagrams from worker i to the
 * server (worker n-1 first, so that the order of the first packets is not the workers'
 * order) and runs it; the caller checks and destroys.
 */
struct UploadRun
{
    std::unique_ptr<NetworkScenarioHelper> helper; //!< the helper
    NetworkScenario scenario;                      //!< the network
    std::unique_ptr<ServerSink> sink;              //!< the server's socket
    Counter serverMacRx;                           //!< received by the server's backhaul end
    Counter apTx;                                  //!< sent by the access point's backhaul end

    /**
     * \param settings the network settings (numWorkers, backhaul fields)
     * \param pcapPrefix if not empty, PCAP files with this prefix
     */
    void Run(const NetworkSettings& settings, const std::string& pcapPrefix = "")
    {
        FixSeed();
        helper = NetworkScenarioFactory::Create("wifi", settings);
        scenario = helper->Build();
        helper->AssignStreams(1);
        if (!pcapPrefix.empty())
        {
            helper->EnablePcap(pcapPrefix);
        }
        Ptr<Socket> server = Socket::CreateSocket(scenario.server, UdpSocketFactory::GetTypeId());
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        sink = std::make_unique<ServerSink>(server);
        scenario.serverDevices.Get(0)->TraceConnectWithoutContext(
            "MacRx",
            MakeBoundCallback(&Count, &serverMacRx));
        if (scenario.backhaulDevices.GetN() == 2)
        {
            scenario.backhaulDevices.Get(0)->TraceConnectWithoutContext(
                "PhyTxBegin",
                MakeBoundCallback(&Count, &apTx));
        }
        const uint32_t n = scenario.workers.GetN();
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<Socket> socket =
                Socket::CreateSocket(scenario.workers.Get(i), UdpSocketFactory::GetTypeId());
            socket->Connect(InetSocketAddress(scenario.serverAddresses[i], PORT));
            for (uint32_t k = 0; k < SentBy(i); ++k)
            {
                // Worker n-1 starts first; 10 ms between a worker's datagrams.
                Simulator::Schedule(Seconds(1) + MilliSeconds(10 * k + 3 * (n - 1 - i)),
                                    &SendOne,
                                    socket);
            }
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();
    }
};

/// \param settings the settings \return the message of the error Create or Build throws
std::string
ErrorOf(const NetworkSettings& settings, const std::string& kind = "wifi")
{
    try
    {
        NetworkScenarioFactory::Create(kind, settings)->Build();
    }
    catch (const std::exception& e)
    {
        Simulator::Destroy();
        return e.what();
    }
    Simulator::Destroy();
    return "(no error)";
}

/// \param text a message \param part what it must contain \return whether it does
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

/**
 * \ingroup coded-learning
 * The uploads cross the backhaul: the server is its own node behind the access point, its
 * device is the backhaul's end, and every datagram of every worker arrives, counted on that
 * device (with and without the fair-admission queue disc).
 */
class BackhaulUploadTestCase : public TestCase
{
  public:
    /// \param queueDisc NetworkSettings::backhaulQueueDisc
    explicit BackhaulUploadTestCase(const std::string& queueDisc)
        : TestCase("uploads reach the server over the backhaul, queue disc " + queueDisc),
          m_queueDisc(queueDisc)
    {
    }

  private:
    void DoRun() override
    {
        NetworkSettings settings;
        settings.numWorkers = 3;
        settings.backhaul = "p2p";
        settings.backhaulQueueDisc = m_queueDisc;
        UploadRun run;
        run.Run(settings);
        const NetworkScenario& s = run.scenario;
        NS_TEST_ASSERT_MSG_EQ(s.kind, "wifi", "still the Wi-Fi kind");
        NS_TEST_ASSERT_MSG_EQ((s.accessPoint != s.server), true, "the AP is its own node");
        NS_TEST_EXPECT_MSG_EQ(s.nodes.GetN(), 5, "server, 3 workers, access point");
        NS_TEST_EXPECT_MSG_EQ(s.nodes.Get(4), s.accessPoint, "access point last");
        NS_TEST_ASSERT_MSG_EQ(s.serverDevices.GetN(), 1, "one server device");
        NS_TEST_EXPECT_MSG_EQ(
            (DynamicCast<PointToPointNetDevice>(s.serverDevices.Get(0)) != nullptr),
            true,
            "the server's device is the backhaul's end");
        NS_TEST_EXPECT_MSG_EQ(s.backhaulDevices.Get(1), s.serverDevices.Get(0), "link order");
        NS_TEST_EXPECT_MSG_EQ((DynamicCast<WifiNetDevice>(s.accessPointDevice) != nullptr),
                              true,
                              "the access point's Wi-Fi device");
        NS_TEST_EXPECT_MSG_EQ(s.devices.GetN(), 6, "server, 3 stations, AP Wi-Fi and backhaul");
        NS_TEST_EXPECT_MSG_EQ(s.serverAddresses[0], Ipv4Address("10.1.128.2"), "backhaul /30");
        NS_TEST_EXPECT_MSG_EQ(s.workerAddresses[0], Ipv4Address("10.1.0.2"), "Wi-Fi subnet");
        NS_TEST_EXPECT_MSG_EQ(s.backhaulQueueDiscs.GetN(),
                              (m_queueDisc == "none" ? 0 : 1),
                              "queue disc as asked");
        NS_TEST_EXPECT_MSG_EQ(run.helper->IsReady(), true, "every station associated");
        for (uint32_t i = 0; i < 3; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(run.sink->From(s.workerAddresses[i]),
                                  SentBy(i),
                                  "datagrams of worker " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(run.serverMacRx.packets, SentByAll(3), "packets on the backhaul");
        NS_TEST_EXPECT_MSG_EQ(run.serverMacRx.bytes,
                              SentByAll(3) * (IP_SIZE + PPP_HEADER),
                              "bytes on it");
        NS_TEST_EXPECT_MSG_EQ(run.apTx.packets, SentByAll(3), "forwarded by the access point");
        Simulator::Destroy();
    }

    std::string m_queueDisc; //!< the queue disc asked for
};

/**
 * \ingroup coded-learning
 * With --queueDisc=fair-admission every upload packet passes through the queue disc, in the
 * class of its worker: per class, the packets received are the worker's datagrams, and
 * overall the queue disc's enqueues are the packets the server received plus its drops.
 * Worker 2 sends first, so the queue disc's own flow order (class 0 = first flow) would put
 * it in class 0: only the source-address filter gives class i = worker i.
 */
class BackhaulQueueDiscTestCase : public TestCase
{
  public:
    BackhaulQueueDiscTestCase()
        : TestCase("every upload passes through the fair-admission queue disc, class = worker")
    {
    }

  private:
    void DoRun() override
    {
        NetworkSettings settings;
        settings.numWorkers = 3;
        settings.backhaul = "p2p";
        settings.backhaulQueueDisc = "fair-admission";
        UploadRun run;
        run.Run(settings);
        const NetworkScenario& s = run.scenario;
        NS_TEST_ASSERT_MSG_EQ(s.backhaulQueueDiscs.GetN(), 1, "one queue disc");
        Ptr<FairAdmissionQueueDisc> qd =
            DynamicCast<FairAdmissionQueueDisc>(s.backhaulQueueDiscs.Get(0));
        NS_TEST_ASSERT_MSG_EQ((qd != nullptr), true, "a FairAdmissionQueueDisc");
        NS_TEST_EXPECT_MSG_EQ(qd->GetNumClasses(), 3, "one class per worker");
        const QueueDisc::Stats& stats = qd->GetStats();
        NS_TEST_EXPECT_MSG_EQ(stats.nTotalReceivedPackets,
                              run.serverMacRx.packets + stats.nTotalDroppedPackets,
                              "enqueues = packets the server received + drops");
        NS_TEST_EXPECT_MSG_EQ(stats.nTotalReceivedPackets, SentByAll(3), "every upload");
        for (uint32_t i = 0; i < 3; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(qd->GetReceivedPackets(i), SentBy(i), "class " << i);
            NS_TEST_EXPECT_MSG_EQ(qd->GetReceivedBytes(i), SentBy(i) * IP_SIZE, "class " << i);
            NS_TEST_EXPECT_MSG_EQ(qd->GetDequeuedPackets(i),
                                  run.sink->From(s.workerAddresses[i]),
                                  "class " << i << " dequeued = worker " << i << " received");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * The uplink loss rate stays on the Wi-Fi hop with a backhaul: at rate 1 no upload reaches
 * the access point, so it forwards nothing over the backhaul (an error model on the server's
 * backhaul end instead would let the access point forward every datagram).
 */
class BackhaulUplinkLossTestCase : public TestCase
{
  public:
    BackhaulUplinkLossTestCase()
        : TestCase("the uplink loss is on the access point's Wi-Fi PHY")
    {
    }

  private:
    void DoRun() override
    {
        NetworkSettings settings;
        settings.numWorkers = 2;
        settings.backhaul = "p2p";
        settings.uplinkLossRate = 1.0;
        UploadRun run;
        run.Run(settings);
        NS_TEST_EXPECT_MSG_EQ(run.sink->Total(), 0, "nothing arrives");
        NS_TEST_EXPECT_MSG_EQ(run.apTx.packets, 0, "nothing forwarded over the backhaul");
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * Without a backhaul nothing changes: the access point is the server, its device the
 * server's, no relay or backhaul devices; PCAP with a backhaul writes the backhaul's ends.
 */
class BackhaulDefaultAndPcapTestCase : public TestCase
{
  public:
    BackhaulDefaultAndPcapTestCase()
        : TestCase("no backhaul: the access point is the server; PCAP of the backhaul")
    {
    }

  private:
    void DoRun() override
    {
        NetworkSettings settings;
        settings.numWorkers = 2;
        UploadRun plain;
        plain.Run(settings);
        const NetworkScenario& s = plain.scenario;
        NS_TEST_EXPECT_MSG_EQ(s.accessPoint, s.server, "the AP is the server");
        NS_TEST_EXPECT_MSG_EQ(s.accessPointDevice, s.serverDevices.Get(0), "its device");
        NS_TEST_EXPECT_MSG_EQ(s.relayDevices.GetN(), 0, "no relay devices");
        NS_TEST_EXPECT_MSG_EQ(s.backhaulDevices.GetN(), 0, "no backhaul");
        NS_TEST_EXPECT_MSG_EQ(s.nodes.GetN(), 3, "server and workers");
        NS_TEST_EXPECT_MSG_EQ(plain.sink->Total(), SentByAll(2), "every datagram");
        Simulator::Destroy();

        settings.backhaul = "p2p";
        const std::string prefix = CreateTempDirFilename("backhaul");
        UploadRun run;
        run.Run(settings, prefix);
        NS_TEST_EXPECT_MSG_EQ(run.sink->Total(), SentByAll(2), "every datagram, backhaul");
        std::vector<std::string> files;
        for (uint32_t k = 0; k < 2; ++k)
        {
            Ptr<NetDevice> d = run.scenario.backhaulDevices.Get(k);
            files.push_back(prefix + "-" + std::to_string(d->GetNode()->GetId()) + "-" +
                            std::to_string(d->GetIfIndex()) + ".pcap");
        }
        Simulator::Destroy();
        run = UploadRun(); // closes the PCAP files
        for (const std::string& name : files)
        {
            std::ifstream in(name.c_str(), std::ios::binary | std::ios::ate);
            NS_TEST_EXPECT_MSG_EQ(in.good(), true, "pcap file " << name);
            // Global header (24 B) plus every datagram with its record header.
            const std::streamoff size = in.tellg();
            NS_TEST_EXPECT_MSG_GT(size,
                                  24 + SentByAll(2) * static_cast<std::streamoff>(IP_SIZE),
                                  name);
            in.close();
            std::remove(name.c_str());
        }
    }
};

/**
 * \ingroup coded-learning
 * Bad backhaul settings give errors naming the setting, the value and what is allowed.
 */
class BackhaulBadSettingsTestCase : public TestCase
{
  public:
    BackhaulBadSettingsTestCase()
        : TestCase("bad backhaul settings are refused with clear messages")
    {
    }

  private:
    void DoRun() override
    {
        NetworkSettings s;
        s.numWorkers = 2;
        s.backhaul = "fiber";
        NS_TEST_EXPECT_MSG_EQ(
            Contains(ErrorOf(s), "backhaul 'fiber' is unknown (allowed: none, p2p)"),
            true,
            ErrorOf(s));
        s.backhaul = "p2p";
        NS_TEST_EXPECT_MSG_EQ(
            Contains(ErrorOf(s, "csma"), "invalid for network kind 'csma' (allowed: none"),
            true,
            ErrorOf(s, "csma"));
        s.backhaul = "none";
        s.backhaulQueueDisc = "fair-admission";
        NS_TEST_EXPECT_MSG_EQ(
            Contains(ErrorOf(s), "backhaul queue disc 'fair-admission' needs a backhaul"),
            true,
            ErrorOf(s));
        s.backhaul = "p2p";
        s.backhaulQueueDisc = "red";
        NS_TEST_EXPECT_MSG_EQ(Contains(ErrorOf(s),
                                       "backhaul queue disc 'red' is unknown (allowed: none, "
                                       "fair-admission)"),
                              true,
                              ErrorOf(s));
        s.backhaulQueueDisc = "none";
        s.backhaulDataRate = "fast";
        NS_TEST_EXPECT_MSG_EQ(Contains(ErrorOf(s), "backhaul data rate 'fast' is invalid"),
                              true,
                              ErrorOf(s));
        s.backhaulDataRate = "100Mbps";
        s.backhaulDelay = "-1ms";
        NS_TEST_EXPECT_MSG_EQ(
            Contains(ErrorOf(s), "backhaul delay '-1ms' is negative (allowed: a time >= 0"),
            true,
            ErrorOf(s));
        s.backhaulDelay = "1ms";
        // A /29 plan: the Wi-Fi half (/30) holds the access point and one station.
        s.ipv4Network = "10.1.0.0/29";
        s.numWorkers = 2;
        NS_TEST_EXPECT_MSG_EQ(Contains(ErrorOf(s), "(allowed: at most 1 workers, half of it"),
                              true,
                              ErrorOf(s));
    }
};

/**
 * \ingroup coded-learning
 * The Wi-Fi backhaul's suite (label network).
 */
class BackhaulTestSuite : public TestSuite
{
  public:
    BackhaulTestSuite()
        : TestSuite("coded-learning-network-backhaul", Type::UNIT)
    {
        AddTestCase(new BackhaulUploadTestCase("none"));
        AddTestCase(new BackhaulUploadTestCase("fair-admission"));
        AddTestCase(new BackhaulQueueDiscTestCase);
        AddTestCase(new BackhaulUplinkLossTestCase);
        AddTestCase(new BackhaulDefaultAndPcapTestCase);
        AddTestCase(new BackhaulBadSettingsTestCase);
    }
};

/// The suite's static instance.
static BackhaulTestSuite g_backhaulTestSuite;
