// SPDX-License-Identifier: GPL-2.0-only
//
// What the network scenario suites (scenario, bad-settings, loss, capture, stack, wifi-cell)
// share: the fixed seed, the UDP echo run over a scenario, the factory's default helper of a
// kind, the message of a std::invalid_argument, and the removal of a temporary file.
#ifndef CODED_LEARNING_NETWORK_SCENARIO_TEST_H
#define CODED_LEARNING_NETWORK_SCENARIO_TEST_H

#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/network-scenario-factory.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/uinteger.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace codedlearningtest
{

/// UDP port of the echo server and the sockets of the network tests.
constexpr uint16_t PORT = 9;

/**
 * \ingroup coded-learning
 * Fixes seed and run: every case starts from the same random state.
 */
inline void
FixSeed()
{
    ns3::RngSeedManager::SetSeed(1);
    ns3::RngSeedManager::SetRun(1);
}

/**
 * \ingroup coded-learning
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
    void Run(const ns3::NetworkScenario& scenario,
             uint32_t packets,
             ns3::Time start,
             ns3::Time stop)
    {
        m_serverRx = 0;
        m_workerRx.assign(scenario.workers.GetN(), 0);
        ns3::UdpEchoServerHelper serverHelper(PORT);
        ns3::ApplicationContainer server = serverHelper.Install(scenario.server);
        server.Start(ns3::Seconds(0));
        server.Stop(stop);
        // "RxWithAddresses" has the same signature from ns-3.35 to 3.48; "Rx" gained the
        // sender's address in ns-3.47 (CHANGES.md: SinkApplication).
        server.Get(0)->TraceConnectWithoutContext("RxWithAddresses",
                                                  ns3::MakeCallback(&EchoRun::ServerRx, this));
        for (uint32_t i = 0; i < scenario.workers.GetN(); ++i)
        {
            ns3::UdpEchoClientHelper clientHelper(scenario.serverAddresses[i], PORT);
            clientHelper.SetAttribute("MaxPackets", ns3::UintegerValue(packets));
            clientHelper.SetAttribute("Interval", ns3::TimeValue(ns3::MilliSeconds(100)));
            clientHelper.SetAttribute("PacketSize", ns3::UintegerValue(200));
            ns3::ApplicationContainer client = clientHelper.Install(scenario.workers.Get(i));
            client.Start(start + ns3::MilliSeconds(i));
            client.Stop(stop);
            client.Get(0)->TraceConnect("Rx",
                                        std::to_string(i),
                                        ns3::MakeCallback(&EchoRun::ClientRx, this));
        }
        ns3::Simulator::Stop(stop);
        ns3::Simulator::Run();
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
    void ServerRx(ns3::Ptr<const ns3::Packet> /* packet */,
                  const ns3::Address& /* from */,
                  const ns3::Address& /* to */)
    {
        ++m_serverRx;
    }

    /// Client "Rx" trace: counts the reply. \param context the worker index
    void ClientRx(std::string context, ns3::Ptr<const ns3::Packet> /* packet */)
    {
        ++m_workerRx[std::stoul(context)];
    }

    uint32_t m_serverRx{0};           //!< datagrams received by the server
    std::vector<uint32_t> m_workerRx; //!< replies received per worker
};

/**
 * \ingroup coded-learning
 * \param kind a network kind
 * \return the factory's helper of that kind with the default settings
 */
inline std::unique_ptr<ns3::NetworkScenarioHelper>
MakeHelper(const std::string& kind)
{
    return ns3::NetworkScenarioFactory::Create(kind, ns3::NetworkSettings());
}

/**
 * \ingroup coded-learning
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
 * \ingroup coded-learning
 * Removes a file made with CreateTempDirFilename and the (then empty) folders the runner
 * made for it: the test case's, the suite's and the runner's temporary folder.
 * \param path the file
 */
inline void
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

} // namespace codedlearningtest

#endif // CODED_LEARNING_NETWORK_SCENARIO_TEST_H
