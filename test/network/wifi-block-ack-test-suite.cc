// SPDX-License-Identifier: GPL-2.0-only
//
// Regression test of the ns-3.37 Block Ack assertion (doc/networks.rst, "The ns-3.37 Block Ack
// assertion"): with Implicit BAR, a recipient whose agreement is still pending answers the
// first MPDU of an A-MPDU with an Ack while the rest of the A-MPDU is arriving. Assert-enabled
// builds abort in ChannelAccessManager::NotifyTxStartNow; with asserts off the PHY cuts that
// reception short. MidReceptionTxCounter detects exactly the asserted condition from the PHY
// state trace, so the test also fails in release builds (Debian's ns-3.37).

#include "../apps/coded-learning-test-run.h"

#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/config.h"
#include "ns3/fatal-error.h"
#include "ns3/inet-socket-address.h"
#include "ns3/packet.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/wifi-phy-state.h"
#include "ns3/wifi-scenario-helper.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;

namespace
{

/// UDP port of the sinks.
const uint16_t PORT = 9;

/// Datagrams each side sends to the other (62 720 bytes: about one model of the default run).
const uint32_t BURST = 45;

/// Outcome of one run.
struct BurstOutcome
{
    uint32_t midReceptionTx{0}; //!< transmissions started more than a SIFS into a reception
    uint32_t received{0};       //!< datagrams received, both directions
    bool ready{false};          //!< whether every station associated
};

/**
 * Counts the transmissions that a Wi-Fi PHY starts while it is receiving a frame's payload
 * for longer than a SIFS: exactly the condition that ns-3's ChannelAccessManager asserts
 * against in NotifyTxStartNow (now - m_lastRx.start <= GetSifs()). WifiPhyStateHelper's
 * "State" trace logs the cut RX period and the TX period at the same instant.
 */
class MidReceptionTxCounter
{
  public:
    /// Connects to every Wi-Fi PHY that exists now.
    void Connect()
    {
        Config::Connect("/NodeList/*/DeviceList/*/$ns3::WifiNetDevice/Phy/State/State",
                        MakeCallback(&MidReceptionTxCounter::State, this));
    }

    /// \return the transmissions started more than a SIFS into a reception so far
    uint32_t Get() const
    {
        return m_count;
    }

  private:
    /**
     * WifiPhyStateHelper "State" trace.
     * \param context the PHY's path \param start the period's start
     * \param duration its duration \param state the PHY state in it
     */
    void State(std::string context, Time start, Time duration, WifiPhyState state)
    {
        auto& [rxStart, rxEnd] = m_lastRx[context];
        if (state == WifiPhyState::RX)
        {
            rxStart = start;
            rxEnd = start + duration;
        }
        else if (state == WifiPhyState::TX && start == rxEnd && start - rxStart > MicroSeconds(16))
        {
            ++m_count;
        }
    }

    std::map<std::string, std::pair<Time, Time>> m_lastRx; //!< last RX period per PHY
    uint32_t m_count{0};                                   //!< the count
};

/**
 * One access point and its stations send each other a burst at t = 1 s and count what the
 * PHYs drop because their own transmission started during a reception.
 */
class BidirectionalBurst
{
  public:
    /**
     * \param standard the Wi-Fi standard \param stations stations \param run the RngRun
     * \param explicitBar WifiScenarioHelper::SetExplicitBlockAckRequest
     * \return what happened (no Simulator::Destroy)
     */
    BurstOutcome Run(const std::string& standard, uint32_t stations, uint32_t run, bool explicitBar)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(run);
        WifiScenarioHelper helper;
        helper.SetStandard(standard);
        helper.SetNumWorkers(stations);
        helper.SetExplicitBlockAckRequest(explicitBar);
        NetworkScenario s = helper.Build();
        helper.AssignStreams(10);
        m_outcome = BurstOutcome();
        MidReceptionTxCounter counter;
        counter.Connect();
        m_toServer.clear();
        m_toWorkers.clear();
        for (uint32_t i = 0; i < stations; ++i)
        {
            Ptr<Socket> sink =
                Socket::CreateSocket(s.workers.Get(i), UdpSocketFactory::GetTypeId());
            sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
            sink->SetRecvCallback(MakeCallback(&BidirectionalBurst::Receive, this));
            Ptr<Socket> source =
                Socket::CreateSocket(s.workers.Get(i), UdpSocketFactory::GetTypeId());
            source->Bind();
            m_toServer.emplace_back(source, s.serverAddresses.at(i));
            Ptr<Socket> down = Socket::CreateSocket(s.server, UdpSocketFactory::GetTypeId());
            down->Bind();
            m_toWorkers.emplace_back(down, s.workerAddresses.at(i));
        }
        Ptr<Socket> serverSink = Socket::CreateSocket(s.server, UdpSocketFactory::GetTypeId());
        serverSink->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        serverSink->SetRecvCallback(MakeCallback(&BidirectionalBurst::Receive, this));
        Simulator::Schedule(Seconds(1), &BidirectionalBurst::SendBursts, this);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        m_outcome.ready = helper.IsReady();
        m_outcome.midReceptionTx = counter.Get();
        m_toServer.clear();
        m_toWorkers.clear();
        return m_outcome;
    }

  private:
    /// Sends BURST datagrams in both directions of every station at once.
    void SendBursts()
    {
        for (uint32_t k = 0; k < BURST; ++k)
        {
            for (auto& [socket, to] : m_toWorkers)
            {
                socket->SendTo(Create<Packet>(1400), 0, InetSocketAddress(to, PORT));
            }
            for (auto& [socket, to] : m_toServer)
            {
                socket->SendTo(Create<Packet>(1400), 0, InetSocketAddress(to, PORT));
            }
        }
    }

    /// Receive callback of the sinks (counts the bursts' datagrams). \param socket the socket
    void Receive(Ptr<Socket> socket)
    {
        while (Ptr<Packet> p = socket->Recv())
        {
            m_outcome.received += p->GetSize() == 1400 ? 1 : 0;
        }
    }

    std::vector<std::pair<Ptr<Socket>, Ipv4Address>> m_toServer;  //!< station -> server
    std::vector<std::pair<Ptr<Socket>, Ipv4Address>> m_toWorkers; //!< server -> station
    BurstOutcome m_outcome;                                       //!< the run's outcome
};

/// Every standard with A-MPDUs: no reception is cut short by the receiver's own transmission.
class WifiBlockAckBurstTestCase : public TestCase
{
  public:
    WifiBlockAckBurstTestCase()
        : TestCase(
              "wifi: with the scenario's Block Ack settings, no PHY transmits during a "
              "reception in bidirectional bursts (802.11ax, ac and n, 10 stations, runs 1 to 4)")
    {
    }

  private:
    void DoRun() override
    {
        for (const char* standard : {"802.11ax", "802.11ac", "802.11n"})
        {
            for (uint32_t run = 1; run <= 4; ++run)
            {
                BidirectionalBurst burst;
                const BurstOutcome o =
                    burst.Run(standard, 10, run, CODED_LEARNING_NS3_PENDING_RECIPIENT_BA != 0);
                Simulator::Destroy();
                const std::string where =
                    std::string(standard) + " run " + std::to_string(run) + ": ";
                NS_TEST_EXPECT_MSG_EQ(o.ready, true, where + "every station associated");
                // The bursts must flow for the count below to mean anything. Not "every
                // datagram": ns-3.35 loses one of 900 (802.11ax, run 3) at the retry limit, and
                // ns-3.37 with explicit Block Ack Requests hands 30 to 90 of 900 up twice
                // (doc/networks.rst; the module's reassembly discards duplicate chunks).
                NS_TEST_EXPECT_MSG_GT_OR_EQ(o.received,
                                            2 * 10 * BURST * 99 / 100,
                                            where + "at least 99% of the datagrams arrive");
                NS_TEST_EXPECT_MSG_EQ(o.midReceptionTx,
                                      0,
                                      where + "transmissions started during a reception");
            }
        }
    }
};

/**
 * The first iterations of a training run of coded-learning-sim's default scenario with 10
 * workers on a synthetic data set (in an ns-3.37 debug tree, RngRun 4 aborted before the
 * workaround).
 * \param explicitBar NetworkSettings::wifiExplicitBlockAckRequest \param rngRun the run
 * \param standard the Wi-Fi standard
 * \return the transmissions started more than a SIFS into a reception
 */
uint32_t
TrainingRunMidReceptionTx(bool explicitBar, uint32_t rngRun, const std::string& standard)
{
    CodedLearningRunSettings settings;
    settings.data.dataset = "synthetic";
    settings.training.iterations = 3;
    settings.outputs.writeFiles = false;
    settings.network.kind = "wifi";
    settings.network.topology.wifiStandard = standard;
    settings.network.topology.wifiExplicitBlockAckRequest = explicitBar;
    codedlearningtest::SmallRun run(settings, 1, rngRun);
    MidReceptionTxCounter counter;
    counter.Connect();
    run.Run();
    return counter.Get();
}

/**
 * Runs TrainingRunMidReceptionTx without the workaround in a child process, because in an
 * assert-enabled ns-3 the bug aborts the process (and ns-3's assertion message goes to the
 * child's stderr, which is discarded).
 * \param rngRun the run \param standard the Wi-Fi standard
 * \return true if the child saw a transmission during a reception or was killed by a signal
 */
bool
BugShowsWithoutWorkaround(uint32_t rngRun, const std::string& standard)
{
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = fork();
    if (pid == 0)
    {
        if (!std::freopen("/dev/null", "w", stderr))
        {
            _exit(3);
        }
        _exit(TrainingRunMidReceptionTx(false, rngRun, standard) > 0 ? 1 : 0);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
    {
        NS_FATAL_ERROR("fork/waitpid failed for the run without the workaround");
    }
    return (WIFEXITED(status) && WEXITSTATUS(status) == 1) || WIFSIGNALED(status);
}

/// Training runs: with the scenario's default no PHY transmits during a reception; on ns-3.37
/// without the workaround one does, or the process aborts where ns-3's asserts are on (so the
/// detector is known to see the bug).
class WifiBlockAckTrainingTestCase : public TestCase
{
  public:
    WifiBlockAckTrainingTestCase()
        : TestCase("wifi: training runs with 10 workers (802.11ax and ac, runs 1 to 6): no PHY "
                   "transmits during a reception with the default Block Ack settings")
    {
    }

  private:
    void DoRun() override
    {
        const bool byDefault = NetworkSettings().wifiExplicitBlockAckRequest;
        uint32_t withoutWorkaround = 0;
        for (const char* standard : {"802.11ax", "802.11ac"})
        {
            for (uint32_t rngRun = 1; rngRun <= 6; ++rngRun)
            {
                const std::string where =
                    std::string(standard) + " RngRun " + std::to_string(rngRun) + ": ";
                NS_TEST_EXPECT_MSG_EQ(TrainingRunMidReceptionTx(byDefault, rngRun, standard),
                                      0,
                                      where + "transmissions started during a reception");
                if (CODED_LEARNING_NS3_PENDING_RECIPIENT_BA)
                {
                    withoutWorkaround += BugShowsWithoutWorkaround(rngRun, standard) ? 1 : 0;
                }
            }
        }
        if (CODED_LEARNING_NS3_PENDING_RECIPIENT_BA)
        {
            NS_TEST_EXPECT_MSG_GT(withoutWorkaround,
                                  0,
                                  "runs in which the ns-3.37 bug shows without explicit Block "
                                  "Ack Requests");
        }
    }
};

/// The suite.
class WifiBlockAckTestSuite : public TestSuite
{
  public:
    WifiBlockAckTestSuite()
        : TestSuite("coded-learning-network-wifi-block-ack", Type::UNIT)
    {
        AddTestCase(new WifiBlockAckBurstTestCase);
        AddTestCase(new WifiBlockAckTrainingTestCase);
    }
};

/// The suite's instance.
WifiBlockAckTestSuite g_wifiBlockAckTestSuite;

} // namespace
