// SPDX-License-Identifier: GPL-2.0-only
//
// LyapunovSlotScheduler: the slot timer (exact event times), reservoir arrivals with data
// conservation, attributes and their defaults, traces and reproducibility under AssignStreams.

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/lyapunov-slot-scheduler.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <stdexcept>
#include <vector>

using namespace ns3;

/**
 * \ingroup coded-learning
 * Slot k after Start() at t0 is processed at exactly t0 + (k+1) Slot; Stop() halts the timer
 * and Start() resumes the numbering.
 */
class SlotSchedulerTimingTestCase : public TestCase
{
  public:
    SlotSchedulerTimingTestCase()
        : TestCase("slot events at exact times; stop and resume")
    {
    }

  private:
    /// Slot trace sink. \param slot index \param a admitted \param d delivered \param w wasted
    void OnSlot(uint64_t slot, double a, double d, double w)
    {
        m_slots.push_back(slot);
        m_times.push_back(Simulator::Now());
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Ptr<LyapunovSlotScheduler> s = CreateObject<LyapunovSlotScheduler>();
        s->SetAttribute("NumQueues", UintegerValue(3));
        s->GetPolicy()->SetAttribute("Slot", TimeValue(MilliSeconds(2)));
        s->TraceConnectWithoutContext("Slot",
                                      MakeCallback(&SlotSchedulerTimingTestCase::OnSlot, this));
        Simulator::Schedule(MilliSeconds(100), &LyapunovSlotScheduler::Start, s);
        // Ten slots end in (100, 121] ms; the slot in progress at the stop is dropped.
        Simulator::Schedule(MicroSeconds(121000), &LyapunovSlotScheduler::Stop, s);
        Simulator::Schedule(MilliSeconds(200), &LyapunovSlotScheduler::Start, s);
        Simulator::Stop(MicroSeconds(206500));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_slots.size(), 13, "10 slots, then 3 after the restart");
        for (std::size_t k = 0; k < m_slots.size(); ++k)
        {
            const Time expected =
                k < 10 ? MilliSeconds(100 + 2 * (k + 1)) : MilliSeconds(200 + 2 * (k - 9));
            NS_TEST_EXPECT_MSG_EQ(m_slots[k], k, "slot index");
            NS_TEST_EXPECT_MSG_EQ(m_times[k], expected, "slot " << k << " end time");
        }
        NS_TEST_EXPECT_MSG_EQ(s->GetSlotCount(), 13, "slot count");
        NS_TEST_EXPECT_MSG_EQ(s->IsRunning(), true, "still running at the end");
        NS_TEST_EXPECT_MSG_EQ(s->GetController().Metrics().Slots(), 13, "13 slots averaged");
        s->ResetMetrics();
        NS_TEST_EXPECT_MSG_EQ(s->GetController().Metrics().Slots(), 0, "averages restarted");
        s->Dispose();
        Simulator::Destroy();
    }

    std::vector<uint64_t> m_slots; //!< slot indices seen
    std::vector<Time> m_times;     //!< when
};

/**
 * \ingroup coded-learning
 * Reservoir mode without fading: offered bytes become data units of PacketSize bytes, enter
 * the queues at most A_max per slot, are served from the next slot on, and are all delivered;
 * offered = reservoir + backlog + delivered at every slot.
 */
class SlotSchedulerReservoirTestCase : public TestCase
{
  public:
    SlotSchedulerReservoirTestCase()
        : TestCase("reservoir arrivals: conservation and complete delivery")
    {
    }

  private:
    /// Served trace sink. \param queue the queue \param scheduled b_i \param delivered sent
    void OnServed(uint32_t queue, double scheduled, double delivered)
    {
        m_served[queue] += delivered;
        if (!m_workConserving)
        {
            NS_TEST_EXPECT_MSG_EQ(delivered, scheduled, "theta = b_max: no wasted service");
        }
    }

    /// Slot trace sink: checks conservation. \param slot index \param a \param d \param w
    void OnSlot(uint64_t slot, double a, double d, double w)
    {
        const auto& ctl = m_scheduler->GetController();
        for (uint32_t i = 0; i < 2; ++i)
        {
            const double inSystem =
                m_scheduler->GetReservoir(i) + ctl.Backlog(i) + m_scheduler->GetDelivered(i);
            NS_TEST_EXPECT_MSG_EQ_TOL(inSystem, m_offered[i], 1e-9, "conservation, queue " << i);
            NS_TEST_EXPECT_MSG_LT_OR_EQ(ctl.Backlog(i),
                                        ctl.BacklogBound(i) + 1e-9,
                                        "deterministic bound");
        }
    }

    /// \param queue the worker \param bytes to offer
    void Offer(uint32_t queue, uint64_t bytes)
    {
        m_scheduler->Offer(queue, bytes);
        m_offered[queue] += static_cast<double>(bytes) / 1000.0;
    }

    void DoRun() override
    {
        RunCase(false);
        RunCase(true);
    }

    /// One run. \param workConserving the WorkConserving attribute
    void RunCase(bool workConserving)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_workConserving = workConserving;
        m_offered.assign(2, 0.0);
        m_served.assign(2, 0.0);
        m_scheduler = CreateObject<LyapunovSlotScheduler>();
        m_scheduler->SetAttribute("NumQueues", UintegerValue(2));
        m_scheduler->SetAttribute("WorkConserving", BooleanValue(workConserving));
        m_scheduler->SetAttribute("ArrivalMode", StringValue("Reservoir"));
        m_scheduler->SetAttribute("Fading", BooleanValue(false));
        m_scheduler->SetAttribute("PacketSize", UintegerValue(1000));
        m_scheduler->SetMeanSnrDb(0, 20.0);
        m_scheduler->SetMeanSnrDb(1, 5.0);
        m_scheduler->TraceConnectWithoutContext(
            "Served",
            MakeCallback(&SlotSchedulerReservoirTestCase::OnServed, this));
        m_scheduler->TraceConnectWithoutContext(
            "Slot",
            MakeCallback(&SlotSchedulerReservoirTestCase::OnSlot, this));
        m_scheduler->Start();
        // No fading: b_max = W Delta log2(1 + SNR) / (8 * 1000 B).
        const auto& channel = m_scheduler->GetChannel();
        NS_TEST_EXPECT_MSG_EQ_TOL(channel.MaxService(0),
                                  1e6 * 1e-3 * std::log2(101.0) / 8000.0,
                                  1e-12,
                                  "b_max of worker 0");
        const double amax = m_scheduler->GetController().GetConfig().maxArrival;
        NS_TEST_EXPECT_MSG_EQ_TOL(amax, 1.5 * channel.MaxService(0), 1e-12, "A_max");

        // A 20 kB gradient from each worker at 0.5 ms, 5 kB more from worker 1 at 30.5 ms.
        Simulator::Schedule(MicroSeconds(500),
                            &SlotSchedulerReservoirTestCase::Offer,
                            this,
                            0,
                            20000);
        Simulator::Schedule(MicroSeconds(500),
                            &SlotSchedulerReservoirTestCase::Offer,
                            this,
                            1,
                            20000);
        Simulator::Schedule(MicroSeconds(30500),
                            &SlotSchedulerReservoirTestCase::Offer,
                            this,
                            1,
                            5000);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        for (uint32_t i = 0; i < 2; ++i)
        {
            // With theta_i = b_max,i the last bytes below theta stay queued: the perturbed
            // controller only serves a queue above its perturbation, unless work conserving.
            const double left = m_scheduler->GetController().Backlog(i);
            NS_TEST_EXPECT_MSG_LT_OR_EQ(left,
                                        m_scheduler->GetController().Perturbation(i) + 1e-9,
                                        "at most theta left in queue " << i);
            if (workConserving)
            {
                NS_TEST_EXPECT_MSG_EQ(left, 0.0, "work conserving: all delivered");
            }
            else
            {
                NS_TEST_EXPECT_MSG_GT(left, 0.0, "perturbed: a remainder below theta waits");
            }
            NS_TEST_EXPECT_MSG_EQ_TOL(m_served[i],
                                      m_scheduler->GetDelivered(i),
                                      1e-9,
                                      "trace sums to the delivered data");
            NS_TEST_EXPECT_MSG_EQ_TOL(m_scheduler->GetDelivered(i) + left,
                                      m_offered[i],
                                      1e-9,
                                      "everything admitted");
            NS_TEST_EXPECT_MSG_EQ(m_scheduler->GetReservoir(i), 0.0, "reservoir empty");
        }
        // Flush drops the rest.
        const double left = m_scheduler->GetController().Backlog(1);
        const double flushed = m_scheduler->Flush(1);
        NS_TEST_EXPECT_MSG_EQ_TOL(flushed, left, 1e-12, "flushed backlog");
        NS_TEST_EXPECT_MSG_EQ(m_scheduler->GetController().Backlog(1), 0.0, "queue empty");
        m_scheduler->Dispose();
        m_scheduler = nullptr;
        Simulator::Destroy();
    }

    Ptr<LyapunovSlotScheduler> m_scheduler;  //!< under test
    std::vector<double> m_offered{0.0, 0.0}; //!< data offered (data units)
    std::vector<double> m_served{0.0, 0.0};  //!< delivered according to the trace
    bool m_workConserving{false};            //!< the current run's attribute
};

/**
 * \ingroup coded-learning
 * Attribute defaults (theta = b_max, A_max = 1.5 max b_max), enum attributes, checkers and
 * misuse errors.
 */
class SlotSchedulerAttributesTestCase : public TestCase
{
  public:
    SlotSchedulerAttributesTestCase()
        : TestCase("attribute defaults, enums, checkers and misuse")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<LyapunovSlotScheduler> s = CreateObject<LyapunovSlotScheduler>();
        s->SetAttribute("NumQueues", UintegerValue(4));
        for (uint32_t i = 0; i < 4; ++i)
        {
            s->SetMeanSnrDb(i, 5.0 * i);
        }
        s->Start();
        const auto& ctl = s->GetController();
        const auto& channel = s->GetChannel();
        double best = 0.0;
        for (uint32_t i = 0; i < 4; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(ctl.Perturbation(i), channel.MaxService(i), "theta = b_max");
            best = std::max(best, channel.MaxService(i));
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(ctl.GetConfig().maxArrival, 1.5 * best, 1e-12, "A_max");
        NS_TEST_EXPECT_MSG_EQ(ctl.GetConfig().v, 100.0, "V = 100");
        NS_TEST_EXPECT_MSG_EQ(ctl.GetConfig().variant,
                              coded::LyapunovAdmissionController::AUX,
                              "Aux by default");
        NS_TEST_EXPECT_MSG_EQ(ctl.GetConfig().utility.GetKind(),
                              coded::UtilityFunction::LOG1P,
                              "log(1 + x) by default");
        // 1 MHz, 1 ms, 1500 B: 1/12 packet per bit/s/Hz.
        NS_TEST_EXPECT_MSG_EQ_TOL(channel.BlockCapacity(0, 1.0), 1.0 / 12.0, 1e-15, "c.2 units");
        bool threw = false;
        try
        {
            s->SetMeanSnrDb(0, 3.0);
        }
        catch (const std::invalid_argument&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "per-queue settings are frozen by Start()");
        threw = false;
        try
        {
            s->Offer(4, 100);
        }
        catch (const std::out_of_range&)
        {
            threw = true;
        }
        NS_TEST_EXPECT_MSG_EQ(threw, true, "queue 4 does not exist");
        s->Dispose();

        s = CreateObject<LyapunovSlotScheduler>();
        s->SetAttribute("NumQueues", UintegerValue(2));
        s->GetPolicy()->SetAttribute("PerturbationFactor", DoubleValue(0.0));
        s->GetPolicy()->SetAttribute("Variant", StringValue("Direct"));
        s->GetPolicy()->SetAttribute("Utility", StringValue("AlphaFair"));
        s->GetPolicy()->SetAttribute("UtilityAlpha", DoubleValue(3.0));
        s->SetAttribute("Scheduling", StringValue("Split"));
        s->SetAttribute("ResourceBlocks", UintegerValue(4));
        s->Start();
        const auto& c2 = s->GetController().GetConfig();
        NS_TEST_EXPECT_MSG_EQ(s->GetController().Perturbation(1), 0.0, "theta = 0");
        NS_TEST_EXPECT_MSG_EQ(c2.variant, coded::LyapunovAdmissionController::DIRECT, "Direct");
        NS_TEST_EXPECT_MSG_EQ(c2.scheduling, coded::LyapunovAdmissionController::SPLIT, "Split");
        NS_TEST_EXPECT_MSG_EQ(c2.resourceBlocks, 4, "4 blocks");
        NS_TEST_EXPECT_MSG_EQ(c2.utility.GetAlpha(), 3.0, "alpha");

        NS_TEST_EXPECT_MSG_EQ(s->GetPolicy()->SetAttributeFailSafe("V", DoubleValue(0.0)),
                              false,
                              "V > 0");
        NS_TEST_EXPECT_MSG_EQ(s->SetAttributeFailSafe("NumQueues", UintegerValue(0)),
                              false,
                              "N >= 1");
        NS_TEST_EXPECT_MSG_EQ(s->GetPolicy()->SetAttributeFailSafe("Slot", TimeValue(Seconds(0))),
                              false,
                              "slot > 0");
        NS_TEST_EXPECT_MSG_EQ(s->SetAttributeFailSafe("FadingCapQuantile", DoubleValue(1.0)),
                              false,
                              "quantile < 1");
        NS_TEST_EXPECT_MSG_EQ(s->GetPolicy()->SetAttributeFailSafe("Variant", EnumValue(99)),
                              false,
                              "unknown variant");
        s->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * Random arrivals and fading follow the seed, run and AssignStreams; the TracedValue of the
 * total backlog equals the sum of the per-queue Backlog trace; the bounds hold.
 */
class SlotSchedulerStreamsTestCase : public TestCase
{
  public:
    SlotSchedulerStreamsTestCase()
        : TestCase("AssignStreams reproducibility, traced values and bounds")
    {
    }

  private:
    /// Backlog trace sink. \param queue the queue \param q Q_i \param z Z_i
    void OnBacklog(uint32_t queue, double q, double z)
    {
        m_sum += q;
        const auto& ctl = m_scheduler->GetController();
        m_boundsHeld = m_boundsHeld && q <= ctl.BacklogBound(queue) + 1e-9 &&
                       z <= ctl.VirtualBacklogBound(queue) + 1e-9;
    }

    /// TotalBacklog sink (fired when the value changes). \param oldValue \param newValue
    void OnTotal(double oldValue, double newValue)
    {
        NS_TEST_EXPECT_MSG_EQ_TOL(newValue, m_sum, 1e-9, "TotalBacklog = sum of Q_i");
    }

    /// Slot sink: the next slot's sum starts. \param slot \param a \param d \param w
    void OnSlot(uint64_t slot, double a, double d, double w)
    {
        m_sum = 0.0;
    }

    /// Runs 500 slots. \param run the run number \param stream the first stream
    /// \return the throughput and the utility
    std::pair<double, double> RunOnce(uint64_t run, int64_t stream)
    {
        RngSeedManager::SetSeed(7);
        RngSeedManager::SetRun(run);
        m_scheduler = CreateObject<LyapunovSlotScheduler>();
        m_scheduler->SetAttribute("NumQueues", UintegerValue(5));
        m_scheduler->GetPolicy()->SetAttribute("V", DoubleValue(10.0));
        m_scheduler->SetAttribute("Bandwidth", DoubleValue(20e6));
        for (uint32_t i = 0; i < 5; ++i)
        {
            m_scheduler->SetMeanSnrDb(i, 5.0 * i);
        }
        NS_TEST_EXPECT_MSG_EQ(m_scheduler->AssignStreams(stream), 2, "two streams");
        m_scheduler->TraceConnectWithoutContext(
            "Backlog",
            MakeCallback(&SlotSchedulerStreamsTestCase::OnBacklog, this));
        m_scheduler->TraceConnectWithoutContext(
            "TotalBacklog",
            MakeCallback(&SlotSchedulerStreamsTestCase::OnTotal, this));
        m_scheduler->TraceConnectWithoutContext(
            "Slot",
            MakeCallback(&SlotSchedulerStreamsTestCase::OnSlot, this));
        m_sum = 0.0;
        m_scheduler->Start();
        Simulator::Stop(MicroSeconds(500500));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m_scheduler->GetSlotCount(), 500, "500 slots");
        const auto& ctl = m_scheduler->GetController();
        const std::pair<double, double> result = {ctl.Metrics().Throughput(),
                                                  ctl.UtilityOfAdmitted()};
        NS_TEST_EXPECT_MSG_EQ(ctl.Metrics().TotalWasted(), 0.0, "theta = b_max: no waste");
        m_scheduler->Dispose();
        m_scheduler = nullptr;
        Simulator::Destroy();
        return result;
    }

    void DoRun() override
    {
        const auto a = RunOnce(1, 100);
        const auto b = RunOnce(1, 100);
        const auto otherStream = RunOnce(1, 102);
        const auto otherRun = RunOnce(2, 100);
        NS_TEST_EXPECT_MSG_EQ((a == b), true, "same seed, run and streams: same results");
        NS_TEST_EXPECT_MSG_EQ((a == otherStream), false, "other streams: other results");
        NS_TEST_EXPECT_MSG_EQ((a == otherRun), false, "other run: other results");
        NS_TEST_EXPECT_MSG_GT(a.first, 0.0, "data delivered");
        NS_TEST_EXPECT_MSG_EQ(m_boundsHeld, true, "deterministic bounds at every slot");
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
    }

    Ptr<LyapunovSlotScheduler> m_scheduler; //!< under test
    double m_sum{0.0};                      //!< sum of Q_i of the current slot
    bool m_boundsHeld{true};                //!< all bounds held so far
};

/**
 * \ingroup coded-learning
 * The LyapunovSlotScheduler test suite.
 */
class LyapunovSlotSchedulerTestSuite : public TestSuite
{
  public:
    LyapunovSlotSchedulerTestSuite()
        : TestSuite("coded-learning-admission-slot-scheduler", Type::UNIT)
    {
        AddTestCase(new SlotSchedulerTimingTestCase);
        AddTestCase(new SlotSchedulerReservoirTestCase);
        AddTestCase(new SlotSchedulerAttributesTestCase);
        AddTestCase(new SlotSchedulerStreamsTestCase);
    }
};

static LyapunovSlotSchedulerTestSuite g_lyapunovSlotSchedulerTestSuite; //!< registration
