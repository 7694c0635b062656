// SPDX-License-Identifier: GPL-2.0-only
//
// Hostile packets (issue 7): while a small training runs on a real point-to-point star, raw UDP
// sockets on the worker and server nodes inject malformed and hostile chunks into the server's
// and a worker's receive paths after every iteration. Each must be dropped and counted (by the
// transport or by the application, with a reason on the Drop trace sources), nothing may crash,
// and the trained model must be bit-identical to that of a clean run. One well-formed task of a
// far-future iteration is kept by the worker (it cannot know that its model will never come);
// it must not block the tasks behind it.

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-module.h"
#include "ns3/test.h"

#include <map>
#include <memory>

using namespace ns3;

namespace
{

const uint16_t PORT = 9000;      //!< the transports' UDP port
const uint32_t ITERATIONS = 4;   //!< training iterations
const uint32_t NUM_FEATURES = 8; //!< synthetic features
const uint32_t NUM_CLASSES = 3;  //!< synthetic classes

/// Field values of one raw 30-byte CodedLearningHeader (big-endian on the wire).
struct RawHeader
{
    uint16_t magic{CodedLearningHeader::MAGIC};    //!< magic
    uint8_t version{CodedLearningHeader::VERSION}; //!< version
    uint8_t type{CodedLearningHeader::RESULT};     //!< message type
    uint32_t iteration{0};                         //!< iteration
    uint16_t worker{0};                            //!< worker
    uint8_t stage{1};                              //!< stage
    uint8_t flags{0};                              //!< flags
    uint16_t task{0};                              //!< task id
    uint16_t chunkIndex{0};                        //!< chunk index
    uint16_t chunkCount{1};                        //!< chunk count
    uint32_t chunkOffset{0};                       //!< chunk offset
    uint32_t messageLength{0};                     //!< message length (0 = the payload's size)
    uint32_t payloadLength{0};                     //!< payload length (0 = the payload's size)
};

/// Appends an integer big-endian.
void
Put(std::vector<uint8_t>& out, uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
    {
        out.push_back(static_cast<uint8_t>(value >> (8 * i)));
    }
}

/**
 * \param h the header fields
 * \param payload the payload
 * \param fixLengths set messageLength and payloadLength to the payload's size
 * \return the datagram bytes
 */
std::vector<uint8_t>
Datagram(RawHeader h, const std::vector<uint8_t>& payload, bool fixLengths = true)
{
    if (fixLengths)
    {
        h.messageLength = static_cast<uint32_t>(payload.size());
        h.payloadLength = static_cast<uint32_t>(payload.size());
    }
    std::vector<uint8_t> out;
    Put(out, h.magic, 2);
    Put(out, h.version, 1);
    Put(out, h.type, 1);
    Put(out, h.iteration, 4);
    Put(out, h.worker, 2);
    Put(out, h.stage, 1);
    Put(out, h.flags, 1);
    Put(out, h.task, 2);
    Put(out, h.chunkIndex, 2);
    Put(out, h.chunkCount, 2);
    Put(out, h.chunkOffset, 4);
    Put(out, h.messageLength, 4);
    Put(out, h.payloadLength, 4);
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

/// The attacker: raw sockets and what they send after every iteration.
struct Attacker
{
    Ptr<Socket> fromWorker0;   //!< on worker 0's node, to the server
    Ptr<Socket> fromServer;    //!< on the server node, to worker 0
    Ipv4Address server;        //!< the server's address on worker 0's link
    Ipv4Address worker0;       //!< worker 0's address
    std::vector<uint8_t> good; //!< a well-formed result payload (right length, finite values)
    uint32_t bursts{0};        //!< bursts sent
};

/// Sends one datagram.
void
SendRaw(Ptr<Socket> socket, Ipv4Address to, const std::vector<uint8_t>& bytes)
{
    Ptr<Packet> p = Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
    socket->SendTo(p, 0, InetSocketAddress(to, PORT));
}

/// Sends the hostile burst that follows the end of iteration `ended`.
void
Burst(Attacker* a, uint32_t ended)
{
    ++a->bursts;
    const uint32_t current = ended + 1; // the server starts it now
    const std::vector<uint8_t> junk{1, 2, 3, 4, 5};
    // --- to the server, from worker 0's address ---
    // 1. truncated header: 7 bytes
    SendRaw(a->fromWorker0, a->server, std::vector<uint8_t>(7, 0x43));
    // 2. wrong magic
    RawHeader h;
    h.iteration = current;
    h.magic = 0xBEEF;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 3. unknown message type
    h = RawHeader();
    h.iteration = current;
    h.type = 42;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 4. chunk index >= chunk count
    h = RawHeader();
    h.iteration = current;
    h.chunkIndex = 3;
    h.chunkCount = 2;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 5. absurd message length (4 GiB - 1)
    h = RawHeader();
    h.iteration = current;
    h.messageLength = 0xFFFFFFFFu;
    h.payloadLength = static_cast<uint32_t>(a->good.size());
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good, false));
    // 6. the header announces more payload than the datagram carries
    h = RawHeader();
    h.iteration = current;
    h.messageLength = 1000;
    h.payloadLength = 1000;
    SendRaw(a->fromWorker0, a->server, Datagram(h, junk, false));
    // 7. a result for the iteration that was just decoded (stale)
    h = RawHeader();
    h.iteration = ended;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 8. a chunk from an unknown worker
    h = RawHeader();
    h.iteration = current;
    h.worker = 7;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 9. a chunk claiming worker 1 from worker 0's address
    h = RawHeader();
    h.iteration = current;
    h.worker = 1;
    h.task = 1;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 10. a whole result for a future iteration, and 11. the same chunk again (duplicate)
    h = RawHeader();
    h.iteration = current + 1000;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 12. a result for a task that does not exist
    h = RawHeader();
    h.iteration = current;
    h.task = 999;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 13. a result for worker 1's task, from worker 0
    h = RawHeader();
    h.iteration = current;
    h.task = 1;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    // 14. a result whose payload does not decode (5 bytes; stage 2 keeps it apart from the real
    // result's reassembly)
    h = RawHeader();
    h.iteration = current;
    h.stage = 2;
    SendRaw(a->fromWorker0, a->server, Datagram(h, junk));
    // 15. a MODEL message sent to the server, 16. a REPORT without admission control
    h = RawHeader();
    h.iteration = current;
    h.type = CodedLearningHeader::MODEL;
    SendRaw(a->fromWorker0, a->server, Datagram(h, a->good));
    h.type = CodedLearningHeader::REPORT;
    h.task = 5;
    SendRaw(a->fromWorker0, a->server, Datagram(h, std::vector<uint8_t>(8, 0)));

    // --- to worker 0, from the server's address ---
    // 17. truncated header
    SendRaw(a->fromServer, a->worker0, std::vector<uint8_t>(12, 0x4C));
    // 18. a chunk index >= count
    h = RawHeader();
    h.type = CodedLearningHeader::MODEL;
    h.iteration = current;
    h.chunkIndex = 9;
    h.chunkCount = 1;
    SendRaw(a->fromServer, a->worker0, Datagram(h, a->good));
    // 19. a task that does not decode
    h = RawHeader();
    h.type = CodedLearningHeader::TASK;
    h.iteration = current;
    h.task = 77;
    SendRaw(a->fromServer, a->worker0, Datagram(h, junk));
    // 20. a grant for a result the worker does not hold
    h = RawHeader();
    h.type = CodedLearningHeader::GRANT;
    h.iteration = current;
    h.task = 78;
    SendRaw(a->fromServer, a->worker0, Datagram(h, {}));
    // 21. a model addressed to worker 1
    h = RawHeader();
    h.type = CodedLearningHeader::MODEL;
    h.iteration = current;
    h.worker = 1;
    SendRaw(a->fromServer, a->worker0, Datagram(h, a->good));
    // 22. a RESULT sent to a worker
    h = RawHeader();
    h.type = CodedLearningHeader::RESULT;
    h.iteration = current;
    h.task = 79;
    SendRaw(a->fromServer, a->worker0, Datagram(h, a->good));
    // 23. a well-formed task of a far-future iteration: the worker keeps it for a model that
    // never comes, but it must not block the current iteration's tasks queued behind it
    h = RawHeader();
    h.type = CodedLearningHeader::TASK;
    h.iteration = current + 5000;
    h.task = 80;
    coded::WireTask task;
    task.load = 1.0;
    coded::WireTerm term;
    term.rows = coded::RowSet{coded::RowRange{0, 10}};
    task.terms.push_back(term);
    SendRaw(a->fromServer, a->worker0, Datagram(h, coded::EncodeTask(task)));
}

/// IterationEnd sink: counts decoded iterations and schedules a burst after all but the last.
void
OnIterationEnd(Attacker* a, uint32_t* decoded, const IterationRecord& r)
{
    *decoded += r.decoded ? 1 : 0;
    if (a != nullptr && r.iteration + 1 < ITERATIONS)
    {
        Simulator::ScheduleNow(&Burst, a, r.iteration);
    }
}

/// Drop sink: counts the reasons.
void
OnDrop(std::vector<std::string>* reasons, const std::string& reason)
{
    reasons->push_back(reason);
}

/// The outcome of one run.
struct Outcome
{
    coded::DenseVector params;                //!< final model
    uint32_t decoded{0};                      //!< decoded iterations
    uint32_t bursts{0};                       //!< hostile bursts sent
    uint64_t serverTransportDrops{0};         //!< GetDropped() of the server's transport
    uint64_t workerTransportDrops{0};         //!< GetDropped() of worker 0's transport
    uint32_t serverAppDrops{0};               //!< GetResultsDropped()
    uint32_t workerAppDrops{0};               //!< worker 0's GetMessagesDropped()
    std::vector<std::string> serverTransport; //!< drop reasons
    std::vector<std::string> workerTransport; //!< drop reasons
    std::vector<std::string> serverApp;       //!< drop reasons
    std::vector<std::string> workerApp;       //!< drop reasons
};

/// Trains 2 workers with the uncoded scheme on a p2p star, with or without the attacker.
Outcome
Train(bool hostile)
{
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(1);
    coded::SeededRandomSource rng(5);
    coded::SyntheticDataGenerator gen(NUM_FEATURES, NUM_CLASSES, 1.0, rng);
    auto train = std::make_shared<coded::Dataset>(gen.Generate(400, rng));
    auto test = std::make_shared<coded::Dataset>(gen.Generate(100, rng));
    auto model = std::make_unique<coded::SoftmaxRegressionModel>(NUM_FEATURES, NUM_CLASSES);
    model->SetPrecision(coded::Precision::FLOAT64);
    const uint32_t numParams = model->NumParameters();
    Ptr<LearningSetup> setup = CreateObject<LearningSetup>();
    setup->Set(train, test, std::move(model));

    PointToPointScenarioHelper net;
    net.SetNumWorkers(2);
    net.SetDataRates("10Mbps");
    net.SetDelays("1ms");
    NetworkScenario scenario = net.Build();

    CodedLearningHelper learning;
    learning.SetLearningSetup(setup);
    learning.SetServerAttribute("Scheme", StringValue("uncoded"));
    learning.SetServerAttribute("Iterations", UintegerValue(ITERATIONS));
    learning.SetServerAttribute("EvalInterval", UintegerValue(0));
    learning.SetServerAttribute("LearningRate", DoubleValue(0.5));
    learning.SetServerAttribute("IterationDeadline", TimeValue(Seconds(5)));
    learning.SetComputeTimeAttribute("UnitTime", TimeValue(MilliSeconds(10)));
    ApplicationContainer apps = learning.Install(scenario);
    apps.Start(Seconds(1.0));
    learning.AssignStreams(100);
    net.AssignStreams(1000);

    Outcome out;
    Attacker attacker;
    if (hostile)
    {
        attacker.fromWorker0 =
            Socket::CreateSocket(scenario.workers.Get(0), UdpSocketFactory::GetTypeId());
        attacker.fromWorker0->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7777));
        attacker.fromServer = Socket::CreateSocket(scenario.server, UdpSocketFactory::GetTypeId());
        attacker.fromServer->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7777));
        attacker.server = scenario.serverAddresses[0];
        attacker.worker0 = scenario.workerAddresses[0];
        attacker.good = coded::EncodeVector(coded::DenseVector::Constant(numParams + 1, 1e6),
                                            coded::WirePrecision::FLOAT64);
    }
    Ptr<ParameterServerApplication> server = learning.GetServer();
    Ptr<WorkerApplication> worker0 = learning.GetWorkers()[0];
    server->TraceConnectWithoutContext(
        "IterationEnd",
        MakeBoundCallback(&OnIterationEnd, hostile ? &attacker : nullptr, &out.decoded));
    server->TraceConnectWithoutContext("Drop", MakeBoundCallback(&OnDrop, &out.serverApp));
    worker0->TraceConnectWithoutContext("Drop", MakeBoundCallback(&OnDrop, &out.workerApp));
    Ptr<MessageTransport> serverTransport = learning.GetServerTransport();
    Ptr<MessageTransport> workerTransport = learning.GetWorkerTransport(0);
    serverTransport->TraceConnectWithoutContext("Drop",
                                                MakeBoundCallback(&OnDrop, &out.serverTransport));
    workerTransport->TraceConnectWithoutContext("Drop",
                                                MakeBoundCallback(&OnDrop, &out.workerTransport));
    Simulator::Stop(Seconds(1.0 + ITERATIONS * 6.0));
    Simulator::Run();
    out.params = server->GetParameters();
    out.bursts = attacker.bursts;
    out.serverTransportDrops = serverTransport->GetDropped();
    out.workerTransportDrops = workerTransport->GetDropped();
    out.serverAppDrops = server->GetResultsDropped();
    out.workerAppDrops = worker0->GetMessagesDropped();
    Simulator::Destroy();
    return out;
}

/// \return how many reasons contain the text
uint32_t
Count(const std::vector<std::string>& reasons, const std::string& text)
{
    uint32_t n = 0;
    for (const auto& r : reasons)
    {
        n += r.find(text) != std::string::npos ? 1 : 0;
    }
    return n;
}

/// Prints the reasons (visible with --verbose).
void
Print(const std::string& where, const std::vector<std::string>& reasons)
{
    std::map<std::string, uint32_t> counts;
    for (const auto& r : reasons)
    {
        ++counts[r];
    }
    for (const auto& [reason, n] : counts)
    {
        std::cout << "  " << where << " dropped " << n << " x: " << reason << '\n';
    }
}

/**
 * \ingroup coded-learning
 * Hostile chunks and messages are dropped and counted; the model equals a clean run's.
 */
class HostilePacketsTestCase : public TestCase
{
  public:
    HostilePacketsTestCase()
        : TestCase("malformed and hostile messages are dropped, counted and harmless")
    {
    }

  private:
    void DoRun() override
    {
        const Outcome clean = Train(false);
        const Outcome hostile = Train(true);
        Print("server transport", hostile.serverTransport);
        Print("server", hostile.serverApp);
        Print("worker 0 transport", hostile.workerTransport);
        Print("worker 0", hostile.workerApp);

        NS_TEST_ASSERT_MSG_EQ(clean.decoded, ITERATIONS, "the clean run decodes every iteration");
        NS_TEST_ASSERT_MSG_EQ(hostile.decoded, ITERATIONS, "the attacked run too");
        const uint32_t b = ITERATIONS - 1;
        NS_TEST_ASSERT_MSG_EQ(hostile.bursts, b, "one burst after every iteration but the last");
        NS_TEST_EXPECT_MSG_EQ(clean.serverTransportDrops + clean.serverAppDrops +
                                  clean.workerTransportDrops + clean.workerAppDrops,
                              0,
                              "a clean run drops nothing");

        // The model is bit-identical: nothing hostile reached the decoder.
        NS_TEST_ASSERT_MSG_EQ(hostile.params.size(), clean.params.size(), "model size");
        for (Eigen::Index i = 0; i < clean.params.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(hostile.params(i), clean.params(i), "parameter " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(clean.params.allFinite(), true, "finite model");

        // Every hostile datagram is dropped once, and the counters agree with the traces.
        NS_TEST_EXPECT_MSG_EQ(hostile.serverTransportDrops,
                              hostile.serverTransport.size(),
                              "server transport: counter = trace");
        NS_TEST_EXPECT_MSG_EQ(hostile.workerTransportDrops,
                              hostile.workerTransport.size(),
                              "worker transport: counter = trace");
        NS_TEST_EXPECT_MSG_EQ(hostile.serverAppDrops, hostile.serverApp.size(), "server: c = t");
        NS_TEST_EXPECT_MSG_EQ(hostile.workerAppDrops, hostile.workerApp.size(), "worker: c = t");
        // Datagrams 1-9 and 11 die in the server's transport, 10 and 12-16 in the server.
        NS_TEST_EXPECT_MSG_EQ(hostile.serverTransport.size(), 10 * b, "server transport drops");
        NS_TEST_EXPECT_MSG_EQ(hostile.serverApp.size(), 6 * b, "server application drops");
        // Datagrams 17-18 die in worker 0's transport, 19-22 in worker 0.
        NS_TEST_EXPECT_MSG_EQ(hostile.workerTransport.size(), 2 * b, "worker transport drops");
        NS_TEST_EXPECT_MSG_EQ(hostile.workerApp.size(), 4 * b, "worker application drops");

        // The reasons name what was wrong.
        const auto& st = hostile.serverTransport;
        NS_TEST_EXPECT_MSG_EQ(Count(st, "malformed chunk"), 6 * b, "1-6: malformed");
        NS_TEST_EXPECT_MSG_EQ(Count(st, "STALE"), b, "7: stale");
        NS_TEST_EXPECT_MSG_EQ(Count(st, "claims worker 7"), b, "8: unknown worker");
        NS_TEST_EXPECT_MSG_EQ(Count(st, "claims worker 1"), b, "9: spoofed worker");
        NS_TEST_EXPECT_MSG_EQ(Count(st, "DUPLICATE"), b, "11: duplicate");
        const auto& sa = hostile.serverApp;
        NS_TEST_EXPECT_MSG_EQ(Count(sa, "result of iteration"), b, "10: future iteration");
        NS_TEST_EXPECT_MSG_EQ(Count(sa, "which does not own it"), 2 * b, "12, 13: task");
        NS_TEST_EXPECT_MSG_EQ(Count(sa, "bad result"), b, "14: payload does not decode");
        NS_TEST_EXPECT_MSG_EQ(Count(sa, "unexpected message type"), 2 * b, "15, 16: type");
        const auto& wt = hostile.workerTransport;
        NS_TEST_EXPECT_MSG_EQ(Count(wt, "malformed chunk"), 2 * b, "17, 18: malformed");
        const auto& wa = hostile.workerApp;
        NS_TEST_EXPECT_MSG_EQ(Count(wa, "bad task"), b, "19: task does not decode");
        NS_TEST_EXPECT_MSG_EQ(Count(wa, "not held"), b, "20: grant for nothing");
        NS_TEST_EXPECT_MSG_EQ(Count(wa, "addressed to worker 1"), b, "21: not for this worker");
        NS_TEST_EXPECT_MSG_EQ(Count(wa, "unexpected message type"), b, "22: type");
    }
};

/**
 * \ingroup coded-learning
 * The hostile-packet suite.
 */
class HardeningPacketsTestSuite : public TestSuite
{
  public:
    HardeningPacketsTestSuite()
        : TestSuite("coded-learning-apps-hostile-packets", Type::UNIT)
    {
        AddTestCase(new HostilePacketsTestCase);
    }
};

/// The suite's instance.
HardeningPacketsTestSuite g_hardeningPacketsTestSuite;

} // namespace
