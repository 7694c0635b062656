// SPDX-License-Identifier: GPL-2.0-only
//
// The model broadcast (--modelDelivery=broadcast) in network runs: on a CSMA bus every worker
// gets each iteration's model from one transmission and the training is the same as with
// unicast; broadcast chunks lost at the workers are NACKed and sent again by unicast.

#include "coded-learning-test-run.h"

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/error-model.h"
#include "ns3/network-module.h"
#include "ns3/test.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;
using namespace codedlearningtest;

namespace
{

/// Workers of the runs.
constexpr uint32_t WORKERS = 4;
/// Iterations of the runs.
constexpr uint32_t ITERATIONS = 4;

/// 4 uncoded workers on a 100 Mbit/s CSMA bus, deterministic compute times; a softmax model
/// of 3010 parameters (24 080 bytes: 18 chunks of at most 1400 bytes).
/// \param delivery "unicast" or "broadcast" \return the settings
CodedLearningRunSettings
BroadcastSettings(const std::string& delivery)
{
    CodedLearningRunSettings s = SmallRunSettings(11, 1200, 300);
    s.training.scheme = "uncoded";
    s.coding.numWorkers = WORKERS;
    s.training.iterations = ITERATIONS;
    s.training.deadline = 2.0;
    s.compute.distribution = "deterministic";
    s.network.kind = "csma";
    s.network.modelDelivery = delivery;
    s.data.syntheticFeatures = 300;
    s.data.syntheticClasses = 10;
    s.simulation.stopTime = 1.1 + ITERATIONS * (s.training.deadline + 1);
    return s;
}

/// What one run produced.
struct Outcome
{
    std::vector<IterationRecord> records;  //!< the server's iterations
    coded::DenseVector params;             //!< the final model
    std::vector<uint32_t> broadcastModels; //!< per worker: broadcast MODELs delivered whole
    uint64_t repairChunks{0};              //!< the server's repair chunks
    uint64_t nacks{0};                     //!< the server's NACKs answered
};

/// Worker transport Deliver sink. \param count the worker's counter \param info the message
void
OnWorkerDeliver(uint32_t* count, uint32_t /* peer */, const MessageInfo& info, uint32_t /* bytes */)
{
    if (info.type == CodedLearningHeader::MODEL && info.worker == CodedLearningHeader::ALL_WORKERS)
    {
        ++*count;
    }
}

/**
 * \ingroup coded-learning
 * A receive error model for a worker's CSMA device that drops chunks of the broadcast model
 * (never repair chunks, never other messages): chunk c of iteration r at worker w when
 * (c + w + r) is a multiple of 3, and every chunk of iteration 1 at worker 0 (a worker that
 * gets nothing of the model and learns of it from its TASK).
 */
class ModelChunkDropper : public ErrorModel
{
  public:
    /// \param worker the worker whose device this is
    explicit ModelChunkDropper(uint32_t worker)
        : m_worker(worker)
    {
    }

    /// \return the chunks dropped
    uint32_t GetDropped() const
    {
        return m_dropped;
    }

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        // Our header after the Ethernet, IPv4 and UDP headers: magic "CL", version 1.
        for (std::size_t o = 14; o + CodedLearningHeader::SERIALIZED_SIZE <= b.size() && o < 80;
             ++o)
        {
            if (b[o] != 0x43 || b[o + 1] != 0x4C || b[o + 2] != 1)
            {
                continue;
            }
            const uint8_t type = b[o + 3];
            const uint32_t iteration = (uint32_t(b[o + 4]) << 24) | (uint32_t(b[o + 5]) << 16) |
                                       (uint32_t(b[o + 6]) << 8) | b[o + 7];
            const uint32_t worker = (uint32_t(b[o + 8]) << 8) | b[o + 9];
            const uint8_t flags = b[o + 11];
            const uint32_t chunk = (uint32_t(b[o + 14]) << 8) | b[o + 15];
            const bool drop =
                type == CodedLearningHeader::MODEL && worker == CodedLearningHeader::ALL_WORKERS &&
                !(flags & CodedLearningHeader::FLAG_RETRANSMISSION) &&
                ((chunk + m_worker + iteration) % 3 == 0 || (m_worker == 0 && iteration == 1));
            m_dropped += drop ? 1 : 0;
            return drop;
        }
        return false;
    }

    void DoReset() override
    {
    }

    uint32_t m_worker;     //!< the worker
    uint32_t m_dropped{0}; //!< chunks dropped
};

/**
 * Runs one training.
 * \param s the settings
 * \param droppers if not null: a ModelChunkDropper on every worker's device, returned here
 * \param repairTimeout the workers' ModelRepairTimeout
 * \return what it produced
 */
Outcome
RunOnce(const CodedLearningRunSettings& s,
        std::vector<Ptr<ModelChunkDropper>>* droppers,
        Time repairTimeout = MilliSeconds(20))
{
    SmallRun run(s, 5, 1);
    Outcome out;
    out.broadcastModels.assign(WORKERS, 0);
    for (uint32_t i = 0; i < WORKERS; ++i)
    {
        run.Get().GetLearningHelper().GetWorkerTransport(i)->TraceConnectWithoutContext(
            "Deliver",
            MakeBoundCallback(&OnWorkerDeliver, &out.broadcastModels[i]));
        run.Get().GetWorkers()[i]->SetAttribute("ModelRepairTimeout", TimeValue(repairTimeout));
        if (droppers)
        {
            Ptr<ModelChunkDropper> d = CreateObject<ModelChunkDropper>(i);
            run.Get().GetScenario().workerDevices.Get(i)->SetAttribute("ReceiveErrorModel",
                                                                       PointerValue(d));
            droppers->push_back(d);
        }
    }
    run.Run();
    out.records = run.Records();
    out.params = run.Get().GetServer()->GetParameters();
    out.repairChunks = run.Get().GetServer()->GetModelDistributor().TotalRepairChunks();
    out.nacks = run.Get().GetServer()->GetModelDistributor().TotalNacks();
    return out;
}

/// \return the wire bytes of the model of BroadcastSettings(): 18 chunks with their headers
uint64_t
ModelWireBytes()
{
    return 3010 * 8 + 18 * CodedLearningHeader::SERIALIZED_SIZE;
}

} // namespace

/**
 * \ingroup coded-learning
 * On a CSMA bus, the broadcast model reaches every worker in every iteration, training
 * decodes the same model as with unicast (same losses, same final parameters, exactly), and
 * the server sends one model per iteration instead of n: its downlink bytes are exactly
 * (n - 1) models fewer per iteration.
 */
class BroadcastSameModelTestCase : public TestCase
{
  public:
    BroadcastSameModelTestCase()
        : TestCase("Model broadcast on CSMA: every worker gets it, same model as unicast, one "
                   "model per iteration")
    {
    }

  private:
    void DoRun() override
    {
        const Outcome uni = RunOnce(BroadcastSettings("unicast"), nullptr);
        const Outcome bc = RunOnce(BroadcastSettings("broadcast"), nullptr);
        NS_TEST_ASSERT_MSG_EQ(uni.records.size(), ITERATIONS, "unicast: every iteration ends");
        NS_TEST_ASSERT_MSG_EQ(bc.records.size(), ITERATIONS, "broadcast: every iteration ends");
        for (uint32_t i = 0; i < WORKERS; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(uni.broadcastModels[i], 0u, "unicast sends no broadcast");
            NS_TEST_EXPECT_MSG_EQ(bc.broadcastModels[i],
                                  ITERATIONS,
                                  "worker " << i << " gets every broadcast model");
        }
        const uint64_t model = ModelWireBytes();
        for (uint32_t r = 0; r < ITERATIONS; ++r)
        {
            NS_TEST_EXPECT_MSG_EQ(bc.records[r].decoded, true, "iteration " << r << " decodes");
            NS_TEST_EXPECT_MSG_EQ(bc.records[r].trainLoss,
                                  uni.records[r].trainLoss,
                                  "iteration " << r << ": the same training loss");
            NS_TEST_EXPECT_MSG_EQ(uni.records[r].bytesDown - bc.records[r].bytesDown,
                                  (WORKERS - 1) * model,
                                  "iteration " << r << ": n - 1 models fewer");
            NS_TEST_EXPECT_MSG_LT(bc.records[r].bytesDown,
                                  model * 3 / 2,
                                  "iteration " << r << ": about one model down");
        }
        NS_TEST_ASSERT_MSG_EQ(bc.params.size(), uni.params.size(), "same model size");
        NS_TEST_EXPECT_MSG_EQ((bc.params.array() == uni.params.array()).all(),
                              true,
                              "the same final model, exactly");
        NS_TEST_EXPECT_MSG_EQ(bc.nacks, 0u, "nothing lost, nothing NACKed");
    }
};

/**
 * \ingroup coded-learning
 * Broadcast chunks lost at the workers (ModelChunkDropper: a third of the chunks at every
 * worker, the whole model at worker 0 in iteration 1) are NACKed and sent again by unicast:
 * every iteration decodes the same model as a lossless unicast run, the server sends exactly
 * the chunks that were lost once more, and its per-iteration downlink bytes include them.
 * With the NACK out of reach (a repair timeout far beyond the deadline) no iteration decodes.
 */
class BroadcastRepairTestCase : public TestCase
{
  public:
    BroadcastRepairTestCase()
        : TestCase("Model broadcast: lost chunks are NACKed and sent again, every iteration "
                   "decodes")
    {
    }

  private:
    void DoRun() override
    {
        const Outcome reference = RunOnce(BroadcastSettings("unicast"), nullptr);
        std::vector<Ptr<ModelChunkDropper>> droppers;
        const Outcome bc = RunOnce(BroadcastSettings("broadcast"), &droppers);
        NS_TEST_ASSERT_MSG_EQ(bc.records.size(), ITERATIONS, "every iteration ends");
        uint64_t dropped = 0;
        for (const auto& d : droppers)
        {
            dropped += d->GetDropped();
        }
        NS_TEST_ASSERT_MSG_GT(dropped, 18u * ITERATIONS, "the broadcast loses chunks");
        uint64_t repairs = 0;
        for (uint32_t r = 0; r < ITERATIONS; ++r)
        {
            NS_TEST_EXPECT_MSG_EQ(bc.records[r].decoded, true, "iteration " << r << " decodes");
            NS_TEST_EXPECT_MSG_EQ(bc.records[r].trainLoss,
                                  reference.records[r].trainLoss,
                                  "iteration " << r << ": the training loss of unicast");
            NS_TEST_EXPECT_MSG_GT(bc.records[r].modelRepairChunks, 0u, "repairs in " << r);
            // The broadcast once, the repair chunks with their headers, the tasks.
            NS_TEST_EXPECT_MSG_GT(bc.records[r].bytesDown,
                                  ModelWireBytes() + bc.records[r].modelRepairChunks *
                                                         CodedLearningHeader::SERIALIZED_SIZE,
                                  "iteration " << r << ": bytes down include the repairs");
            repairs += bc.records[r].modelRepairChunks;
        }
        NS_TEST_EXPECT_MSG_GT(bc.records[1].modelRepairChunks,
                              17u,
                              "worker 0 got nothing in iteration 1: all 18 chunks again");
        NS_TEST_EXPECT_MSG_EQ(repairs, dropped, "every lost chunk is sent again, once");
        NS_TEST_EXPECT_MSG_EQ(bc.repairChunks, dropped, "the server's total");
        NS_TEST_EXPECT_MSG_EQ((bc.params.array() == reference.params.array()).all(),
                              true,
                              "the model of lossless unicast, exactly");

        // Without a timely NACK, every worker misses chunks: no iteration decodes.
        std::vector<Ptr<ModelChunkDropper>> again;
        const Outcome noRepair = RunOnce(BroadcastSettings("broadcast"), &again, Seconds(1000));
        uint32_t decoded = 0;
        for (const auto& rec : noRepair.records)
        {
            decoded += rec.decoded ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(decoded, 0u, "without repair, lost chunks cost every iteration");
        NS_TEST_EXPECT_MSG_EQ(noRepair.nacks, 0u, "no NACK within the run");
    }
};

/**
 * \ingroup coded-learning
 * Model broadcast refusals: unknown deliveries, networks without one broadcast subnet (ideal,
 * point-to-point, Wi-Fi behind a backhaul) and TCP are refused with messages naming the value and
 * what is allowed.
 */
class BroadcastRefusalTestCase : public TestCase
{
  public:
    BroadcastRefusalTestCase()
        : TestCase("Model broadcast is refused where the network cannot do it")
    {
    }

  private:
    /// \param s settings \return the message of the std::invalid_argument Validate() threw,
    /// empty when it accepted them
    static std::string Refusal(const CodedLearningRunSettings& s)
    {
        try
        {
            s.Validate();
        }
        catch (const std::invalid_argument& e)
        {
            return e.what();
        }
        return "";
    }

    /// \param s settings \param expected a part of the message \return whether Validate()
    /// threw std::invalid_argument with it
    static bool Refuses(const CodedLearningRunSettings& s, const std::string& expected)
    {
        return Refusal(s).find(expected) != std::string::npos;
    }

    void DoRun() override
    {
        CodedLearningRunSettings s = BroadcastSettings("multicast");
        s.training.evalInterval = 1; // the flag's range (the small runs use 0)
        NS_TEST_EXPECT_MSG_EQ(Refuses(s,
                                      "--modelDelivery=multicast: allowed values are "
                                      "unicast, broadcast"),
                              true,
                              "unknown delivery");
        s.network.modelDelivery = "broadcast";
        NS_TEST_EXPECT_MSG_EQ(Refusal(s), "", "broadcast on CSMA over UDP is fine");
        s.network.kind = "p2p";
        NS_TEST_EXPECT_MSG_EQ(Refuses(s, "not --network=p2p"), true, "point-to-point");
        s.network.kind = "ideal";
        NS_TEST_EXPECT_MSG_EQ(Refuses(s, "not --network=ideal"), true, "ideal network");
        s.network.kind = "wifi";
        NS_TEST_EXPECT_MSG_EQ(Refusal(s), "", "broadcast on Wi-Fi is fine");
        s.network.topology.backhaul = "p2p";
        NS_TEST_EXPECT_MSG_EQ(Refuses(s, "not behind --backhaul=p2p"), true, "backhaul");
        s.network.topology.backhaul = "none";
        s.network.transport = "tcp";
        NS_TEST_EXPECT_MSG_EQ(Refuses(s, "needs --transport=udp"), true, "TCP");
        CodedLearningHelper helper;
        bool threw = false;
        try
        {
            helper.SetModelDelivery("anycast");
        }
        catch (const std::invalid_argument& e)
        {
            threw = std::string(e.what()).find("allowed: unicast, broadcast") != std::string::npos;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "the helper refuses an unknown delivery");
    }
};

/**
 * \ingroup coded-learning
 * The model broadcast and its NACK repair.
 */
class ModelBroadcastTestSuite : public TestSuite
{
  public:
    ModelBroadcastTestSuite()
        : TestSuite("coded-learning-apps-model-broadcast", Type::SYSTEM)
    {
        AddTestCase(new BroadcastSameModelTestCase);
        AddTestCase(new BroadcastRepairTestCase);
        AddTestCase(new BroadcastRefusalTestCase);
    }
};

/// The suite's instance.
static ModelBroadcastTestSuite g_modelBroadcastTestSuite;
