// SPDX-License-Identifier: GPL-2.0-only
//
// Packet loss of the network scenarios: the uplink and downlink loss rates act on their own
// direction (Wi-Fi, CSMA, point-to-point), and the "rate" and "burst" loss models lose the
// fraction set, the burst model in runs of at least the burst length.

#include "network-scenario-test.h"

#include "ns3/inet-socket-address.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-scenario-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <memory>
#include <set>
#include <string>

using namespace ns3;
using namespace codedlearningtest;

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
 * The network scenarios' loss directions and loss models (label network).
 */
class NetworkLossTestSuite : public TestSuite
{
  public:
    NetworkLossTestSuite()
        : TestSuite("coded-learning-network-loss", Type::UNIT)
    {
        for (const char* kind : {"wifi", "csma", "p2p"})
        {
            AddTestCase(new NetworkScenarioLossDirectionTestCase(kind));
        }
        AddTestCase(new NetworkScenarioLossModelTestCase);
    }
};

/// The suite's static instance.
static NetworkLossTestSuite g_networkLossTestSuite;
