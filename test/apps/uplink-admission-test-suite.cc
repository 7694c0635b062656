// SPDX-License-Identifier: GPL-2.0-only
//
// The Lyapunov scheduler as the real uplink (LyapunovSlotScheduler's measured channel) in
// network runs: grants within r_i x slot, backlogs that fall by the bytes that arrive, and
// chunks lost on the network granted and sent again.

#include "coded-learning-test-run.h"

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/error-model.h"
#include "ns3/test.h"

#include <cmath>
#include <map>
#include <vector>

using namespace ns3;
using namespace codedlearningtest;

namespace
{

/// 4 uncoded workers on 10 Mbit/s point-to-point links, results of about 8 kB, the measured
/// uplink with a 1 ms slot and an initial rate of 10 Mbit/s (1250 B per slot: less than one
/// 1400-byte chunk, so grants rely on the carried credit too).
CodedLearningRunSettings
UplinkSettings()
{
    CodedLearningRunSettings s = SmallRunSettings(11, 1200, 300);
    s.training.scheme = "uncoded";
    s.coding.numWorkers = 4;
    s.training.iterations = 4;
    s.training.deadline = 5.0;
    s.compute.distribution = "deterministic";
    s.network.kind = "p2p";
    s.network.topology.p2pDataRates = "10Mbps";
    s.network.topology.p2pDelays = "1ms";
    s.data.syntheticFeatures = 100;
    s.data.syntheticClasses = 10;
    s.admission.kind = "lyapunov";
    s.admission.channel = "measured";
    s.admission.slot = 0.001;
    s.admission.initialRate = 10e6;
    s.simulation.stopTime = 1.1 + s.training.iterations * (s.training.deadline + 1);
    return s;
}

/// What the sinks of the accounting test see.
struct Ledger
{
    double slot{0.0};                   //!< slot length (s)
    uint32_t unit{1500};                //!< bytes per data unit
    uint32_t grants{0};                 //!< grant decisions seen
    uint32_t overBudget{0};             //!< budgets above r_i x slot
    uint32_t overGrant{0};              //!< grants above budget + one chunk
    double cap{0.0};                    //!< CapRate: the largest budget (bytes), 0 if none
    uint32_t overCap{0};                //!< budgets above the cap
    std::map<uint32_t, double> q;       //!< Q_i after the last slot (data units)
    std::map<uint32_t, double> a;       //!< a_i in the current slot (data units)
    std::map<uint32_t, double> arrived; //!< result bytes arrived in the current slot
    uint32_t checked{0};                //!< (queue, slot) pairs checked
    uint32_t mismatches{0};             //!< pairs where Q changed by other than a - arrived
    bool flushed{false};                //!< an iteration ended in the current slot
};

/// Granted sink. \param l the state \param queue q \param budget b \param granted g
/// \param rate r
void
OnGranted(Ledger* l, uint32_t /* queue */, double budget, double granted, double rate)
{
    ++l->grants;
    if (budget > rate * l->slot * (1.0 + 1e-9))
    {
        ++l->overBudget;
    }
    if (granted > budget + 1400.0)
    {
        ++l->overGrant;
    }
    if (l->cap > 0.0 && budget > l->cap * (1.0 + 1e-9))
    {
        ++l->overCap;
    }
}

/// Admitted sink. \param l the state \param queue q \param offered A \param admitted a
void
OnAdmitted(Ledger* l, uint32_t queue, double /* offered */, double admitted)
{
    l->a[queue] = admitted;
}

/// Server transport's ChunkReceived sink. \param l the state \param peer worker
/// \param info its message \param chunk index \param bytes payload bytes
void
OnChunk(Ledger* l, uint32_t peer, const MessageInfo& info, uint32_t /* chunk */, uint32_t bytes)
{
    if (info.type == CodedLearningHeader::RESULT)
    {
        l->arrived[peer] += bytes;
    }
}

/// IterationEnd sink: the uploads are flushed in this slot. \param l the state
void
OnIterationEnd(Ledger* l, const IterationRecord& /* record */)
{
    l->flushed = true;
}

/// Backlog sink (every queue, every slot): checks Q(t+1) = Q(t) + a - arrived.
/// \param l the state \param queue q \param backlog Q \param virtualBacklog Z
void
OnBacklog(Ledger* l, uint32_t queue, double backlog, double /* virtualBacklog */)
{
    if (!l->flushed && l->q.count(queue))
    {
        const double expected =
            std::max(0.0, l->q[queue] - l->arrived[queue] / l->unit) + l->a[queue];
        ++l->checked;
        if (std::abs(backlog - expected) > 1e-6)
        {
            ++l->mismatches;
        }
    }
    l->q[queue] = backlog;
    l->a[queue] = 0.0;
    l->arrived[queue] = 0.0;
}

/// Slot sink: the end of a slot's bookkeeping. \param l the state
void
OnSlot(Ledger* l, uint64_t /* slot */, double, double, double)
{
    l->flushed = false;
}

} // namespace

/**
 * \ingroup coded-learning
 * In a network run of the measured uplink, every budget is at most r_i x slot, every grant
 * at most its budget plus less than one chunk (the credit), and each queue's backlog changes
 * by exactly its admitted data minus the result bytes that arrived at the server in the
 * slot (checked in every slot without an iteration end).
 */
class UplinkAccountingTestCase : public TestCase
{
  public:
    UplinkAccountingTestCase()
        : TestCase("Measured uplink: budgets within r_i x slot, Q falls by the bytes that arrive")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings s = UplinkSettings();
        // An initial rate below the link's 10 Mbit/s: the measured goodput exceeds it, so
        // only the cap keeps the budgets within b_max.
        s.admission.initialRate = 5e6;
        s.admission.slot = 0.005; // 3125 B per slot: grants of two chunks give rate samples
        SmallRun run(s, 7, 1);
        Ptr<LyapunovSlotScheduler> scheduler = run.Get().GetScheduler();
        NS_TEST_ASSERT_MSG_NE(scheduler, nullptr, "admission is on");
        Ledger l;
        l.slot = s.admission.slot;
        // With CapRate, no budget exceeds b_max = the initial rate x slot.
        scheduler->SetAttribute("CapRate", BooleanValue(true));
        l.cap = s.admission.initialRate / 8.0 * s.admission.slot;
        l.unit = scheduler->GetPacketSize();
        scheduler->TraceConnectWithoutContext("Granted", MakeBoundCallback(&OnGranted, &l));
        scheduler->TraceConnectWithoutContext("Admitted", MakeBoundCallback(&OnAdmitted, &l));
        scheduler->TraceConnectWithoutContext("Backlog", MakeBoundCallback(&OnBacklog, &l));
        scheduler->TraceConnectWithoutContext("Slot", MakeBoundCallback(&OnSlot, &l));
        run.Get().GetServer()->GetTransport()->TraceConnectWithoutContext(
            "ChunkReceived",
            MakeBoundCallback(&OnChunk, &l));
        run.Get().GetServer()->TraceConnectWithoutContext("IterationEnd",
                                                          MakeBoundCallback(&OnIterationEnd, &l));
        run.Run();
        NS_TEST_ASSERT_MSG_EQ(run.Records().size(), 4u, "every iteration ends");
        for (const auto& rec : run.Records())
        {
            NS_TEST_EXPECT_MSG_EQ(rec.decoded, true, "iteration " << rec.iteration << " decodes");
        }
        NS_TEST_ASSERT_MSG_GT(l.grants, 20u, "the scheduler grants");
        NS_TEST_EXPECT_MSG_EQ(l.overBudget, 0u, "no budget above r_i x slot");
        NS_TEST_EXPECT_MSG_EQ(l.overGrant, 0u, "no grant above its budget plus one chunk");
        NS_TEST_EXPECT_MSG_EQ(l.overCap, 0u, "CapRate: no budget above b_max");
        NS_TEST_ASSERT_MSG_GT(l.checked, 100u, "slots checked");
        NS_TEST_EXPECT_MSG_EQ(l.mismatches, 0u, "Q changes by a - arrived bytes");
        NS_TEST_EXPECT_MSG_GT(scheduler->GetLedger().GetCounters().arrivedBytes,
                              0u,
                              "bytes arrived");
    }
};

/// Removes the workers' receive error models: only the uplink (the server's device) loses
/// packets. \param run a built run
void
LosslessDownlink(SmallRun& run)
{
    const NetDeviceContainer& devices = run.Get().GetScenario().workerDevices;
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        PointerValue model;
        devices.Get(i)->GetAttribute("ReceiveErrorModel", model);
        if (Ptr<ErrorModel> em = model.Get<ErrorModel>())
        {
            em->Disable();
        }
    }
}

/**
 * \ingroup coded-learning
 * With 10% packet loss on the uplink of a CSMA bus (the downlink is lossless), results sent once
 * (no admission) go missing and their iterations end at the deadline; with the measured uplink a
 * lost chunk's grant expires, the chunk is pending in Q again, is granted and sent again, and every
 * iteration decodes.
 */
class UplinkResendTestCase : public TestCase
{
  public:
    UplinkResendTestCase()
        : TestCase("Measured uplink: a chunk lost on the network is granted and sent again")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings s = UplinkSettings();
        s.network.kind = "csma";
        s.network.lossRate = 0.1;
        s.training.iterations = 6;
        s.training.deadline = 2.0;
        s.simulation.stopTime = 1.1 + s.training.iterations * (s.training.deadline + 1);
        uint32_t plainDecoded = 0;
        {
            CodedLearningRunSettings plain = s;
            plain.admission.kind = "none";
            SmallRun run(plain, 7, 1);
            LosslessDownlink(run);
            run.Run();
            for (const auto& rec : run.Records())
            {
                plainDecoded += rec.decoded ? 1 : 0;
            }
        }
        NS_TEST_ASSERT_MSG_LT(plainDecoded, 6u, "without resending, losses cost iterations");
        SmallRun run(s, 7, 1);
        Ptr<LyapunovSlotScheduler> scheduler = run.Get().GetScheduler();
        LosslessDownlink(run);
        run.Run();
        NS_TEST_ASSERT_MSG_EQ(run.Records().size(), 6u, "every iteration ends");
        for (const auto& rec : run.Records())
        {
            NS_TEST_EXPECT_MSG_EQ(rec.decoded, true, "iteration " << rec.iteration << " decodes");
        }
        const coded::UplinkGrantLedger::Counters& c = scheduler->GetLedger().GetCounters();
        NS_TEST_EXPECT_MSG_GT(c.expiredBytes, 0u, "grants of lost chunks expire");
        NS_TEST_EXPECT_MSG_GT(c.regrantedChunks, 0u, "lost chunks are granted again");
    }
};

/**
 * \ingroup coded-learning
 * The measured uplink in network runs.
 */
class UplinkAdmissionTestSuite : public TestSuite
{
  public:
    UplinkAdmissionTestSuite()
        : TestSuite("coded-learning-apps-uplink-admission", Type::SYSTEM)
    {
        AddTestCase(new UplinkAccountingTestCase);
        AddTestCase(new UplinkResendTestCase);
    }
};

/// The suite's instance.
static UplinkAdmissionTestSuite g_uplinkAdmissionTestSuite;
