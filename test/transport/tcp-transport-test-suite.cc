// SPDX-License-Identifier: GPL-2.0-only
//
// TcpMessageTransport: large messages both ways arrive byte-identical and exactly once, also
// over lossy links; messages sent before the connections exist wait for them; hostile
// connections (garbage, frames before HELLO, forged or second HELLOs) are dropped, counted
// and closed without disturbing the legitimate workers.

#include "ns3/coded-learning-header.h"
#include "ns3/csma-scenario-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-scenario-helper.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-message-transport.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// TCP port of the server.
const uint16_t PORT = 7100;

/// Fixes seed and run: every case starts from the same random state.
void
FixSeed()
{
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
}

/**
 * \param size bytes
 * \param seed varies the content
 * \return a byte pattern that differs between seeds and positions
 */
std::vector<uint8_t>
Pattern(uint32_t size, uint32_t seed)
{
    std::vector<uint8_t> v(size);
    for (uint32_t i = 0; i < size; ++i)
    {
        v[i] = static_cast<uint8_t>((i * 131u + (i >> 9) * 7u + seed * 37u) & 0xff);
    }
    return v;
}

/// One received message.
struct Received
{
    uint32_t peer;                //!< from
    MessageInfo info;             //!< identity
    std::vector<uint8_t> payload; //!< bytes
    Time at;                      //!< arrival time
};

/**
 * One server transport and n worker transports on a scenario, with the messages they receive
 * and the drops they report; stops the simulation once every expected message has arrived.
 */
class Deployment
{
  public:
    /**
     * \param scenario the network
     * \param expected messages expected in total (server and workers)
     */
    Deployment(const NetworkScenario& scenario, uint32_t expected)
        : m_expected(expected)
    {
        const uint32_t n = scenario.workers.GetN();
        std::vector<Address> workerAddresses;
        for (uint32_t i = 0; i < n; ++i)
        {
            workerAddresses.push_back(scenario.workerAddresses[i]);
        }
        server = CreateObject<TcpMessageTransport>();
        server->Setup(scenario.server, PORT, workerAddresses, true);
        server->SetReceiveCallback(MakeCallback(&Deployment::ServerReceive, this));
        server->TraceConnectWithoutContext("Drop", MakeCallback(&Deployment::ServerDrop, this));
        workerReceived.resize(n);
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<TcpMessageTransport> w = CreateObject<TcpMessageTransport>();
            w->Setup(scenario.workers.Get(i), PORT, {scenario.serverAddresses[i]}, false);
            w->SetLocalIndex(static_cast<uint16_t>(i));
            w->SetReceiveCallback(MakeCallback(&Deployment::WorkerReceive, this));
            w->TraceConnectWithoutContext("Drop", MakeCallback(&Deployment::WorkerDrop, this));
            workers.push_back(w);
        }
    }

    /// Every worker sends the server m_uplinkBytes, the server each worker m_downlinkBytes.
    void SendAll()
    {
        for (uint32_t i = 0; i < workers.size(); ++i)
        {
            MessageInfo up;
            up.type = CodedLearningHeader::RESULT;
            up.iteration = 3;
            up.worker = static_cast<uint16_t>(i);
            up.stage = 1;
            up.task = static_cast<uint16_t>(10 + i);
            workers[i]->Send(0, up, Pattern(uplinkBytes, i));
            MessageInfo down;
            down.type = CodedLearningHeader::MODEL;
            down.iteration = 3;
            down.worker = static_cast<uint16_t>(i);
            server->Send(i, down, Pattern(downlinkBytes, 100 + i));
        }
    }

    /// Stops and disposes of every transport.
    void Dispose()
    {
        server->Dispose();
        for (auto& w : workers)
        {
            w->Dispose();
        }
    }

    Ptr<TcpMessageTransport> server;                   //!< server transport
    std::vector<Ptr<TcpMessageTransport>> workers;     //!< worker transports
    std::vector<Received> serverReceived;              //!< at the server
    std::vector<std::vector<Received>> workerReceived; //!< at worker i
    std::vector<std::string> serverDrops;              //!< server drop reasons
    std::vector<std::string> workerDrops;              //!< worker drop reasons
    uint32_t uplinkBytes{0};                           //!< SendAll uplink size
    uint32_t downlinkBytes{0};                         //!< SendAll downlink size
    Time completedAt;                                  //!< when the last message arrived
    bool stopWhenComplete{true};                       //!< stop the run after the last message

  private:
    /// Counts one message; stops the simulation after the last one.
    void Arrived()
    {
        if (++m_arrived == m_expected)
        {
            completedAt = Simulator::Now();
            if (stopWhenComplete)
            {
                Simulator::Stop();
            }
        }
    }

    /// \copydoc MessageTransport::Deliver
    void ServerReceive(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload)
    {
        serverReceived.push_back(Received{peer, info, payload, Simulator::Now()});
        Arrived();
    }

    /// \copydoc MessageTransport::Deliver
    void WorkerReceive(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload)
    {
        // The downlink message names its receiver.
        workerReceived.at(info.worker).push_back(Received{peer, info, payload, Simulator::Now()});
        Arrived();
    }

    /// \param reason why
    void ServerDrop(const std::string& reason)
    {
        serverDrops.push_back(reason);
    }

    /// \param reason why
    void WorkerDrop(const std::string& reason)
    {
        workerDrops.push_back(reason);
    }

    uint32_t m_expected;   //!< messages expected
    uint32_t m_arrived{0}; //!< messages arrived
};

/// Base of the cases: the delivery check.
class TcpTransportTestCaseBase : public TestCase
{
  public:
    /// \param name the case name
    explicit TcpTransportTestCaseBase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * Checks that every SendAll() message arrived exactly once, byte-identical, from the
     * right peer, and that the byte counters agree.
     * \param d the deployment
     * \param expectNoDrops whether no drop at all is allowed
     */
    void CheckAllDelivered(const Deployment& d, bool expectNoDrops);
};

void
TcpTransportTestCaseBase::CheckAllDelivered(const Deployment& d, bool expectNoDrops)
{
    const uint32_t n = d.workers.size();
    NS_TEST_ASSERT_MSG_EQ(d.serverReceived.size(), n, "one message per worker at the server");
    std::vector<uint32_t> seen(n, 0);
    for (const Received& r : d.serverReceived)
    {
        NS_TEST_ASSERT_MSG_LT(r.peer, n, "peer in range");
        NS_TEST_EXPECT_MSG_EQ(r.info.worker, r.peer, "the message names its sender");
        NS_TEST_EXPECT_MSG_EQ(+r.info.type, +CodedLearningHeader::RESULT, "type");
        NS_TEST_EXPECT_MSG_EQ(r.info.iteration, 3, "iteration");
        NS_TEST_EXPECT_MSG_EQ(+r.info.stage, 1, "stage");
        NS_TEST_EXPECT_MSG_EQ(r.info.task, 10 + r.peer, "task");
        NS_TEST_EXPECT_MSG_EQ((r.payload == Pattern(d.uplinkBytes, r.peer)),
                              true,
                              "uplink payload of worker " << r.peer << " byte-identical");
        ++seen[r.peer];
    }
    for (uint32_t i = 0; i < n; ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(seen[i], 1, "exactly one message from worker " << i);
        NS_TEST_ASSERT_MSG_EQ(d.workerReceived[i].size(), 1, "one message at worker " << i);
        const Received& r = d.workerReceived[i][0];
        NS_TEST_EXPECT_MSG_EQ(r.peer, 0, "from the server");
        NS_TEST_EXPECT_MSG_EQ(+r.info.type, +CodedLearningHeader::MODEL, "type");
        NS_TEST_EXPECT_MSG_EQ((r.payload == Pattern(d.downlinkBytes, 100 + i)),
                              true,
                              "downlink payload of worker " << i << " byte-identical");
        NS_TEST_EXPECT_MSG_EQ(d.workers[i]->GetQueuedBytes(0), 0, "worker queue empty");
        NS_TEST_EXPECT_MSG_EQ(d.server->GetQueuedBytes(i), 0, "server queue empty");
        NS_TEST_EXPECT_MSG_EQ(d.server->IsConnected(i), true, "worker " << i << " connected");
    }
    if (expectNoDrops)
    {
        NS_TEST_EXPECT_MSG_EQ(
            d.serverDrops.size(),
            0,
            "no server drop" << (d.serverDrops.empty() ? std::string() : ": " + d.serverDrops[0]));
        NS_TEST_EXPECT_MSG_EQ(d.workerDrops.size(), 0, "no worker drop");
        uint64_t sentByWorkers = 0;
        uint64_t receivedByWorkers = 0;
        for (const auto& w : d.workers)
        {
            sentByWorkers += w->GetBytesSent();
            receivedByWorkers += w->GetBytesReceived();
        }
        NS_TEST_EXPECT_MSG_EQ(d.server->GetBytesReceived(), sentByWorkers, "uplink bytes agree");
        NS_TEST_EXPECT_MSG_EQ(receivedByWorkers, d.server->GetBytesSent(), "downlink bytes agree");
    }
    for (const auto& w : d.workers)
    {
        NS_TEST_EXPECT_MSG_EQ(w->GetDropped(), 0, "no worker drop counted");
    }
}

/**
 * Runs SendAll() over a point-to-point network with the given loss rate and checks that
 * everything arrives.
 */
class TcpTransportBulkTestCase : public TcpTransportTestCaseBase
{
  public:
    /// \param lossRate uplink and downlink loss rate
    explicit TcpTransportBulkTestCase(double lossRate)
        : TcpTransportTestCaseBase(lossRate > 0
                                       ? "1 MB up, 100 kB down over 10% loss: nothing lost"
                                       : "1 MB up, 100 kB down: byte-identical, exactly once"),
          m_lossRate(lossRate)
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        PointToPointScenarioHelper helper;
        helper.SetNumWorkers(4);
        helper.SetDataRates("50Mbps");
        helper.SetDelays("2ms");
        if (m_lossRate > 0)
        {
            helper.SetUplinkLossRate(m_lossRate);
            helper.SetDownlinkLossRate(m_lossRate);
        }
        NetworkScenario scenario = helper.Build();
        Deployment d(scenario, 8);
        d.uplinkBytes = 1000000;
        d.downlinkBytes = 100000;
        Simulator::Schedule(Seconds(0), &TcpMessageTransport::Start, d.server);
        for (auto& w : d.workers)
        {
            Simulator::Schedule(Seconds(0.01), &TcpMessageTransport::Start, w);
        }
        Simulator::Schedule(Seconds(0.1), &Deployment::SendAll, &d);
        Simulator::Stop(Seconds(300));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(d.completedAt, Seconds(0.1), "completed (before the time limit)");
        if (m_lossRate > 0)
        {
            // With this seed the losses cost retransmission timeouts (the lossless run
            // completes at 0.31 s, this one at 86.6 s): the losses did happen.
            NS_TEST_EXPECT_MSG_GT(d.completedAt, Seconds(1), "losses were repaired");
        }
        CheckAllDelivered(d, true);
        d.Dispose();
        Simulator::Destroy();
    }

    double m_lossRate; //!< loss rate of both directions
};

/**
 * Messages sent before any connection exists (server not listening yet, one worker not even
 * started) wait in the queues and arrive once the connections are up.
 */
class TcpTransportEarlySendTestCase : public TcpTransportTestCaseBase
{
  public:
    TcpTransportEarlySendTestCase()
        : TcpTransportTestCaseBase(
              "messages sent before the connection exists arrive after it is established")
    {
    }

  private:
    /**
     * Records the state at a time when no connection can exist yet.
     * \param d the deployment
     */
    void Probe(Deployment* d)
    {
        for (uint32_t i = 0; i < d->workers.size(); ++i)
        {
            m_connectedEarly =
                m_connectedEarly || d->server->IsConnected(i) || d->workers[i]->IsConnected(0);
            m_queuedEarly += d->server->GetQueuedBytes(i) + d->workers[i]->GetQueuedBytes(0);
        }
    }

    void DoRun() override
    {
        FixSeed();
        CsmaScenarioHelper helper;
        helper.SetNumWorkers(3);
        NetworkScenario scenario = helper.Build();
        Deployment d(scenario, 6);
        d.uplinkBytes = 200000;
        d.downlinkBytes = 50000;
        // Workers 0 and 1 try to connect from t = 0 (refused until the server listens at
        // t = 1 s); worker 2 starts at t = 2 s. Everything is sent at t = 0.2 s.
        Simulator::Schedule(Seconds(1), &TcpMessageTransport::Start, d.server);
        Simulator::Schedule(Seconds(0), &TcpMessageTransport::Start, d.workers[0]);
        Simulator::Schedule(Seconds(0), &TcpMessageTransport::Start, d.workers[1]);
        Simulator::Schedule(Seconds(2), &TcpMessageTransport::Start, d.workers[2]);
        Simulator::Schedule(Seconds(0.2), &Deployment::SendAll, &d);
        Simulator::Schedule(Seconds(0.9), &TcpTransportEarlySendTestCase::Probe, this, &d);
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m_connectedEarly, false, "no connection before the server listens");
        NS_TEST_EXPECT_MSG_EQ(m_queuedEarly,
                              3 * (200000 + 50000 + 5 * CodedLearningHeader::SERIALIZED_SIZE),
                              "everything queued before the connections (4 + 1 frames per pair)");
        CheckAllDelivered(d, true);
        for (const Received& r : d.serverReceived)
        {
            NS_TEST_EXPECT_MSG_GT(r.at, Seconds(r.peer == 2 ? 2 : 1), "after the connection");
        }
        for (uint32_t i = 0; i < 3; ++i)
        {
            NS_TEST_EXPECT_MSG_GT(d.workerReceived[i][0].at,
                                  Seconds(i == 2 ? 2 : 1),
                                  "after the connection");
        }
        d.Dispose();
        Simulator::Destroy();
    }

    bool m_connectedEarly{false}; //!< some connection existed at t = 0.9 s
    uint64_t m_queuedEarly{0};    //!< bytes queued at t = 0.9 s
};

/// A raw TCP client that sends given byte blocks: one on connection, one later.
class RawClient
{
  public:
    /**
     * \param node where the socket lives
     * \param server where it connects to
     * \param onConnect bytes sent when connected
     */
    RawClient(Ptr<Node> node, Address server, Ptr<Packet> onConnect)
        : m_node(node),
          m_server(server),
          m_onConnect(onConnect)
    {
    }

    /// Opens the connection.
    void Connect()
    {
        m_socket = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
        m_socket->Bind();
        m_socket->SetConnectCallback(MakeCallback(&RawClient::Connected, this),
                                     MakeCallback(&RawClient::Failed, this));
        m_socket->SetCloseCallbacks(MakeCallback(&RawClient::Closed, this),
                                    MakeCallback(&RawClient::Closed, this));
        m_socket->Connect(m_server);
    }

    /// \param p more bytes to send now
    void SendMore(Ptr<Packet> p)
    {
        if (!closed)
        {
            m_socket->Send(p);
        }
    }

    /// Closes the socket (end of the test).
    void Close()
    {
        if (m_socket)
        {
            m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                        MakeNullCallback<void, Ptr<Socket>>());
            m_socket->Close();
            m_socket = nullptr;
        }
    }

    bool connected{false}; //!< the connection was established
    bool closed{false};    //!< the server closed it
    Time closedAt;         //!< when

  private:
    /// \param s the socket
    void Connected(Ptr<Socket> s)
    {
        connected = true;
        if (m_onConnect)
        {
            s->Send(m_onConnect);
        }
    }

    /// \param s the socket
    void Failed(Ptr<Socket> /* s */)
    {
    }

    /// \param s the socket
    void Closed(Ptr<Socket> /* s */)
    {
        closed = true;
        closedAt = Simulator::Now();
    }

    Ptr<Node> m_node;        //!< node
    Address m_server;        //!< server address
    Ptr<Packet> m_onConnect; //!< first bytes
    Ptr<Socket> m_socket;    //!< socket
};

/**
 * \param type message type
 * \param worker worker field
 * \param payloadBytes payload size (one-chunk message)
 * \return one well-formed frame
 */
Ptr<Packet>
Frame(uint8_t type, uint16_t worker, uint32_t payloadBytes)
{
    std::vector<uint8_t> bytes = Pattern(payloadBytes, 7);
    Ptr<Packet> p =
        payloadBytes > 0 ? Create<Packet>(bytes.data(), payloadBytes) : Create<Packet>();
    CodedLearningHeader h;
    h.SetMessageType(type);
    h.SetIteration(3);
    h.SetWorker(worker);
    h.SetStage(1);
    h.SetTaskId(99);
    h.SetChunkIndex(0);
    h.SetChunkCount(1);
    h.SetChunkOffset(0);
    h.SetMessageLength(payloadBytes);
    h.SetPayloadLength(payloadBytes);
    p->AddHeader(h);
    return p;
}

/**
 * Hostile connections from the workers' nodes are dropped, counted and (where the stream
 * cannot be trusted) closed; the legitimate workers' messages still arrive.
 */
class TcpTransportHostileTestCase : public TcpTransportTestCaseBase
{
  public:
    TcpTransportHostileTestCase()
        : TcpTransportTestCaseBase(
              "hostile connections are dropped, counted and closed; workers unaffected")
    {
    }

  private:
    void DoRun() override
    {
        FixSeed();
        PointToPointScenarioHelper helper;
        helper.SetNumWorkers(3);
        NetworkScenario scenario = helper.Build();
        Deployment d(scenario, 6);
        d.stopWhenComplete = false;
        d.uplinkBytes = 100000;
        d.downlinkBytes = 10000;
        Simulator::Schedule(Seconds(0), &TcpMessageTransport::Start, d.server);
        for (auto& w : d.workers)
        {
            Simulator::Schedule(Seconds(0.01), &TcpMessageTransport::Start, w);
        }
        Simulator::Schedule(Seconds(0.2), &Deployment::SendAll, &d);

        auto serverOf = [&scenario](uint32_t i) {
            return Address(InetSocketAddress(scenario.serverAddresses[i], PORT));
        };
        // (a) garbage: bad magic.
        std::vector<uint8_t> junk(200, 0xAB);
        RawClient garbage(scenario.workers.Get(0),
                          serverOf(0),
                          Create<Packet>(junk.data(), junk.size()));
        // (b) a RESULT frame before any HELLO (dropped, connection kept), then a HELLO
        // claiming worker 2 from worker 1's address (closed).
        RawClient early(scenario.workers.Get(1),
                        serverOf(1),
                        Frame(CodedLearningHeader::RESULT, 1, 500));
        // (c) a second HELLO for worker 0, which is already bound (closed).
        RawClient twin(scenario.workers.Get(0),
                       serverOf(0),
                       Frame(CodedLearningHeader::HELLO, 0, 0));
        Simulator::Schedule(Seconds(0.1), &RawClient::Connect, &garbage);
        Simulator::Schedule(Seconds(0.1), &RawClient::Connect, &early);
        Simulator::Schedule(Seconds(0.5),
                            &RawClient::SendMore,
                            &early,
                            Frame(CodedLearningHeader::HELLO, 2, 0));
        Simulator::Schedule(Seconds(0.1), &RawClient::Connect, &twin);
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        // Every legitimate message arrived (the run goes on to 10 s for the hostile clients).
        CheckAllDelivered(d, false);
        NS_TEST_EXPECT_MSG_EQ(garbage.connected, true, "garbage client connected");
        NS_TEST_EXPECT_MSG_EQ(garbage.closed, true, "garbage client disconnected");
        NS_TEST_EXPECT_MSG_EQ(early.connected, true, "early client connected");
        NS_TEST_EXPECT_MSG_EQ(early.closed, true, "forged HELLO disconnected");
        NS_TEST_EXPECT_MSG_GT(early.closedAt, Seconds(0.5), "only after the forged HELLO");
        NS_TEST_EXPECT_MSG_EQ(twin.connected, true, "twin client connected");
        NS_TEST_EXPECT_MSG_EQ(twin.closed, true, "second HELLO disconnected");

        uint32_t framing = 0;
        uint32_t beforeHello = 0;
        uint32_t forged = 0;
        uint32_t second = 0;
        for (const std::string& r : d.serverDrops)
        {
            framing += r.find("framing error") != std::string::npos;
            beforeHello += r.find("before HELLO") != std::string::npos;
            forged += r.find("HELLO claims worker 2") != std::string::npos;
            second += r.find("second HELLO for worker 0") != std::string::npos;
        }
        NS_TEST_EXPECT_MSG_EQ(framing, 1, "garbage counted once");
        NS_TEST_EXPECT_MSG_EQ(beforeHello, 1, "frame before HELLO dropped");
        NS_TEST_EXPECT_MSG_EQ(forged, 1, "forged HELLO counted");
        NS_TEST_EXPECT_MSG_EQ(second, 1, "second HELLO counted");
        NS_TEST_EXPECT_MSG_EQ(d.serverDrops.size(), 4, "nothing else dropped");
        NS_TEST_EXPECT_MSG_EQ(d.server->GetDropped(), 4, "drop counter");
        NS_TEST_EXPECT_MSG_EQ(d.workerDrops.size(), 0, "no worker drop");

        garbage.Close();
        early.Close();
        twin.Close();
        d.Dispose();
        Simulator::Destroy();
    }
};

/// The suite.
class TcpTransportTestSuite : public TestSuite
{
  public:
    TcpTransportTestSuite()
        : TestSuite("coded-learning-transport-tcp", Type::UNIT)
    {
        AddTestCase(new TcpTransportBulkTestCase(0.0));
        AddTestCase(new TcpTransportBulkTestCase(0.1));
        AddTestCase(new TcpTransportEarlySendTestCase());
        AddTestCase(new TcpTransportHostileTestCase());
    }
};

/// Registers the suite.
TcpTransportTestSuite g_tcpTransportTestSuite;

} // namespace
