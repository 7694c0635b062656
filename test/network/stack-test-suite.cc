// SPDX-License-Identifier: GPL-2.0-only
//
// The parts of the internet stack the network scenarios configure: the server's root queue
// disc (SetServerQueueDisc; the workers keep ns-3's default) and ARP (static, permanent entries
// on both sides by default; ns-3's dynamic ARP with the pending queue size set otherwise).

#include "network-scenario-test.h"

#include "ns3/arp-cache.h"
#include "ns3/fifo-queue-disc.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/mac48-address.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/uinteger.h"

#include <memory>
#include <string>

using namespace ns3;
using namespace codedlearningtest;

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
 * The network scenarios' queue discs and ARP (label network).
 */
class NetworkStackTestSuite : public TestSuite
{
  public:
    NetworkStackTestSuite()
        : TestSuite("coded-learning-network-stack", Type::UNIT)
    {
        for (const char* kind : {"wifi", "csma", "p2p"})
        {
            AddTestCase(new NetworkScenarioQueueDiscTestCase(kind));
        }
        for (const char* kind : {"wifi", "csma"})
        {
            AddTestCase(new NetworkScenarioArpTestCase(kind, true));
            AddTestCase(new NetworkScenarioArpTestCase(kind, false));
        }
    }
};

/// The suite's static instance.
static NetworkStackTestSuite g_networkStackTestSuite;
