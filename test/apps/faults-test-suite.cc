// SPDX-License-Identifier: GPL-2.0-only
//
// Fault scenarios (issue 7): a worker that crashes mid-iteration (application stopped,
// interface down), a link that goes down and comes back, 50% loss, a Wi-Fi station moved out
// of range, and the deadline firing every iteration. In each, every iteration ends and is
// recorded with its outcome, the counts of decoded and deadline iterations are the expected
// ones for uncoded and a coded scheme, and the model stays finite.

#include "coded-learning-test-run.h"

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/pointer.h"
#include "ns3/test.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"

#include <cmath>
#include <memory>

using namespace ns3;
using namespace codedlearningtest;

namespace
{

/// A result that reached the server.
struct Arrival
{
    double time;     //!< simulated time (s)
    uint32_t worker; //!< its worker
};

/// What a run produced.
struct FaultRun
{
    std::vector<IterationRecord> records; //!< iterations
    std::vector<Arrival> arrivals;        //!< results received
    coded::DenseVector initial;           //!< model before training
    coded::DenseVector params;            //!< model after training
    std::vector<double> perUnitTimes;     //!< the server's history T_i at the end
    uint32_t resultsDropped{0};           //!< results the server dropped
    uint64_t wifiDataFrames{0};           //!< data frames the Wi-Fi loss models saw
    uint64_t wifiDataLost{0};             //!< of which they corrupted
    uint64_t wifiOtherFrames{0};          //!< other frames they let pass
};

/// The settings the cases start from: 5 uncoded workers (s = 1) on a point-to-point star, 6
/// iterations, deterministic compute times of 10 ms per partition, a 0.2 s deadline, no
/// fault, 600 training and 200 test samples (data seed 5).
CodedLearningRunSettings
FaultSettings()
{
    CodedLearningRunSettings s = SmallRunSettings(5, 600, 200);
    s.network.kind = "p2p";
    s.training.scheme = "uncoded";
    s.coding.numWorkers = 5;
    s.coding.stragglers = 1;
    s.training.iterations = 6;
    s.training.deadline = 0.2;
    s.compute.distribution = "deterministic";
    return s;
}

/// ResultReceived sink.
void
RecordArrival(FaultRun* run,
              uint32_t /* iteration */,
              uint32_t worker,
              uint32_t /* task */,
              Time /* elapsed */)
{
    run->arrivals.push_back(Arrival{Simulator::Now().GetSeconds(), worker});
}

/// Runs one small training with the configured faults (ns-3 seed 3, the given run number).
FaultRun
RunWithFaults(CodedLearningRunSettings c, uint32_t rngRun = 1)
{
    const CodedLearningRunSettings::Training& t = c.training;
    c.simulation.stopTime = 1.0 + t.iterations * (t.deadline + t.gap + 1.0);
    SmallRun run(c, 3, rngRun);
    FaultRun result;
    result.initial = run.Get().GetLearningSetup()->NewModel()->Parameters();
    Ptr<ParameterServerApplication> server = run.Get().GetServer();
    server->TraceConnectWithoutContext("ResultReceived",
                                       MakeBoundCallback(&RecordArrival, &result));
    run.Run();
    result.records = run.Records();
    result.params = server->GetParameters();
    result.perUnitTimes = server->GetHistory()->PerUnitTimes();
    result.resultsDropped = server->GetResultsDropped();
    const NetDeviceContainer& devices = run.Get().GetScenario().devices;
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(devices.Get(i));
        if (!wifi)
        {
            continue;
        }
        PointerValue model;
        wifi->GetPhy()->GetAttribute("PostReceptionErrorModel", model);
        Ptr<WifiDataFrameErrorModel> dataOnly = model.Get<WifiDataFrameErrorModel>();
        if (dataOnly)
        {
            result.wifiDataFrames += dataOnly->GetDataFrames();
            result.wifiDataLost += dataOnly->GetDataFramesCorrupted();
            result.wifiOtherFrames += dataOnly->GetOtherFrames();
        }
    }
    return result;
}

/// \return the number of iterations with this outcome
uint32_t
CountOutcome(const FaultRun& run, const std::string& outcome)
{
    uint32_t n = 0;
    for (const auto& r : run.records)
    {
        n += r.outcome == outcome ? 1 : 0;
    }
    return n;
}

/// \return the index of the iteration running at time t (the number of iterations if none)
uint32_t
IterationAt(const FaultRun& run, double t)
{
    for (uint32_t i = 0; i < run.records.size(); ++i)
    {
        if (run.records[i].startTime <= t && t < run.records[i].endTime)
        {
            return i;
        }
    }
    return static_cast<uint32_t>(run.records.size());
}

/// \return the number of results of a worker that arrived in [from, to)
uint32_t
CountArrivals(const FaultRun& run, uint32_t worker, double from, double to)
{
    uint32_t n = 0;
    for (const auto& a : run.arrivals)
    {
        n += (a.worker == worker && a.time >= from && a.time < to) ? 1 : 0;
    }
    return n;
}

} // namespace

/**
 * \ingroup coded-learning
 * Base of the fault test cases: checks shared by every scenario.
 */
class FaultTestCase : public TestCase
{
  public:
    /// \param name the test case's name
    explicit FaultTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * Every iteration ended and was recorded once, in order, with an outcome that agrees
     * with its decoded flag and its result count; the model is finite.
     * \param run the run
     * \param c its settings
     */
    void CheckInvariants(const FaultRun& run, const CodedLearningRunSettings& c)
    {
        NS_TEST_ASSERT_MSG_EQ(run.records.size(),
                              c.training.iterations,
                              c.training.scheme << ": every iteration is recorded");
        for (uint32_t i = 0; i < run.records.size(); ++i)
        {
            const IterationRecord& r = run.records[i];
            NS_TEST_ASSERT_MSG_EQ(r.iteration, i, "iterations in order");
            NS_TEST_ASSERT_MSG_EQ((r.outcome == "decoded" || r.outcome == "deadline"),
                                  true,
                                  "iteration " << i << " outcome '" << r.outcome << "'");
            NS_TEST_ASSERT_MSG_EQ(r.decoded, (r.outcome == "decoded"), "decoded flag and outcome");
            if (r.outcome == "deadline")
            {
                NS_TEST_ASSERT_MSG_EQ_TOL(r.Duration(),
                                          c.training.deadline,
                                          1e-9,
                                          "a deadline iteration lasts the deadline");
                NS_TEST_ASSERT_MSG_EQ(std::isnan(r.trainLoss), true, "no loss without decoding");
            }
            else
            {
                NS_TEST_ASSERT_MSG_LT(r.Duration(),
                                      c.training.deadline,
                                      "decoded before the deadline");
                NS_TEST_ASSERT_MSG_EQ(std::isfinite(r.trainLoss), true, "finite decoded loss");
            }
            if (c.training.scheme == "uncoded")
            {
                NS_TEST_ASSERT_MSG_EQ(r.decoded,
                                      (r.resultsReceived == r.tasks),
                                      "uncoded decodes exactly when every result is in");
            }
        }
        NS_TEST_ASSERT_MSG_EQ(run.params.allFinite(),
                              true,
                              c.training.scheme << ": the model is finite");
    }
};

/**
 * \ingroup coded-learning
 * A worker application stops mid-iteration for good: uncoded ends every later iteration at
 * its deadline; cyclic repetition (s = 1) still decodes every iteration exactly; two-stage's
 * censored history marks the crashed worker as the slowest.
 */
class FaultsCrashApplicationTestCase : public FaultTestCase
{
  public:
    FaultsCrashApplicationTestCase()
        : FaultTestCase("crash (application stopped) mid-iteration")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = FaultSettings();
        c.faults.crashWorker = 0;
        c.faults.crashAt = 1.035;
        c.faults.crashMode = "app";
        for (const std::string scheme : {"uncoded", "cyclic-repetition", "two-stage"})
        {
            c.training.scheme = scheme;
            const FaultRun run = RunWithFaults(c);
            CheckInvariants(run, c);
            NS_TEST_ASSERT_MSG_EQ(CountArrivals(run, 0, c.faults.crashAt, 1e9),
                                  0u,
                                  scheme << ": no result of the crashed worker");
            const uint32_t crashed = IterationAt(run, c.faults.crashAt);
            NS_TEST_ASSERT_MSG_GT(crashed, 0u, scheme << ": the crash is not in iteration 0");
            NS_TEST_ASSERT_MSG_LT(crashed,
                                  c.training.iterations,
                                  scheme << ": the crash is mid-iteration");
            for (uint32_t i = 0; i < crashed; ++i)
            {
                NS_TEST_ASSERT_MSG_EQ(run.records[i].outcome, "decoded", "before the crash");
            }
            if (scheme == "uncoded")
            {
                NS_TEST_ASSERT_MSG_EQ(CountOutcome(run, "deadline"),
                                      c.training.iterations - crashed,
                                      "uncoded: every iteration from the crash on misses one "
                                      "result");
            }
            else if (scheme == "cyclic-repetition")
            {
                NS_TEST_ASSERT_MSG_EQ(CountOutcome(run, "decoded"),
                                      c.training.iterations,
                                      "cyclic repetition tolerates the crashed worker");
                for (const auto& r : run.records)
                {
                    NS_TEST_ASSERT_MSG_LT(r.decodeResidual, 1e-9, "exact decode");
                }
                NS_TEST_ASSERT_MSG_EQ(run.params.isApprox(run.initial), false, "training moved");
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(CountOutcome(run, "decoded"),
                                      c.training.iterations,
                                      "two-stage decodes every iteration (stage 2 covers the "
                                      "crashed stage-1 worker)");
                for (uint32_t w = 1; w < c.coding.numWorkers; ++w)
                {
                    if (CountArrivals(run, w, c.faults.crashAt, 1e9) > 0)
                    {
                        NS_TEST_ASSERT_MSG_GT(run.perUnitTimes[0],
                                              run.perUnitTimes[w],
                                              "censoring: the crashed worker looks slower than "
                                              "worker "
                                                  << w << ", which delivered after the crash");
                    }
                }
            }
        }
    }
};

/**
 * \ingroup coded-learning
 * A worker's interface goes down mid-iteration for good (its application keeps running) on
 * a CSMA bus: the same outcomes as a stopped application.
 */
class FaultsCrashInterfaceTestCase : public FaultTestCase
{
  public:
    FaultsCrashInterfaceTestCase()
        : FaultTestCase("crash (interface down) mid-iteration")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = FaultSettings();
        c.network.kind = "csma";
        c.faults.crashWorker = 1;
        c.faults.crashAt = 1.035;
        c.faults.crashMode = "device";
        for (const std::string scheme : {"uncoded", "cyclic-repetition"})
        {
            c.training.scheme = scheme;
            const FaultRun run = RunWithFaults(c);
            CheckInvariants(run, c);
            NS_TEST_ASSERT_MSG_EQ(CountArrivals(run, 1, c.faults.crashAt, 1e9),
                                  0u,
                                  scheme << ": no result of the crashed worker");
            const uint32_t crashed = IterationAt(run, c.faults.crashAt);
            NS_TEST_ASSERT_MSG_GT(crashed, 0u, scheme << ": the crash is not in iteration 0");
            NS_TEST_ASSERT_MSG_LT(crashed,
                                  c.training.iterations,
                                  scheme << ": the crash is mid-iteration");
            if (scheme == "uncoded")
            {
                NS_TEST_ASSERT_MSG_EQ(CountOutcome(run, "deadline"),
                                      c.training.iterations - crashed,
                                      "uncoded: every iteration from the crash on times out");
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(CountOutcome(run, "decoded"),
                                      c.training.iterations,
                                      "cyclic repetition tolerates the crashed worker");
            }
        }
    }
};

/**
 * \ingroup coded-learning
 * A worker's link is down for a while and comes back: uncoded ends the iterations of the
 * outage at their deadline and decodes again afterwards, with the worker's results arriving
 * again; cyclic repetition decodes throughout.
 */
class FaultsLinkDownUpTestCase : public FaultTestCase
{
  public:
    FaultsLinkDownUpTestCase()
        : FaultTestCase("link down and up again")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = FaultSettings();
        c.training.iterations = 30;
        c.compute.distribution = "shifted-exponential"; // random finishing order
        c.faults.linkDownWorker = 3;
        c.faults.linkDownAt = 1.035;
        c.faults.linkUpAt = 1.3;
        for (const std::string scheme : {"uncoded", "cyclic-repetition"})
        {
            c.training.scheme = scheme;
            const FaultRun run = RunWithFaults(c);
            CheckInvariants(run, c);
            NS_TEST_ASSERT_MSG_EQ(CountArrivals(run, 3, c.faults.linkDownAt, c.faults.linkUpAt),
                                  0u,
                                  scheme << ": nothing gets through the outage");
            NS_TEST_ASSERT_MSG_GT(CountArrivals(run, 3, c.faults.linkUpAt, 1e9),
                                  0u,
                                  scheme << ": the worker's results arrive again");
            uint32_t decodedAfter = 0;
            uint32_t after = 0;
            for (const auto& r : run.records)
            {
                if (r.startTime >= c.faults.linkUpAt)
                {
                    ++after;
                    decodedAfter += r.decoded ? 1 : 0;
                }
            }
            NS_TEST_ASSERT_MSG_GT(after, 0u, "iterations after the outage");
            NS_TEST_ASSERT_MSG_EQ(decodedAfter, after, "every iteration after it decodes");
            if (scheme == "uncoded")
            {
                for (const auto& r : run.records)
                {
                    if (r.endTime <= c.faults.linkDownAt)
                    {
                        NS_TEST_ASSERT_MSG_EQ(r.outcome, "decoded", "before the outage");
                    }
                    else if (r.startTime >= c.faults.linkDownAt && r.startTime < c.faults.linkUpAt)
                    {
                        NS_TEST_ASSERT_MSG_EQ(r.outcome, "deadline", "uncoded: in the outage");
                    }
                }
                NS_TEST_ASSERT_MSG_GT(CountOutcome(run, "deadline"), 1u, "uncoded: deadlines");
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(CountOutcome(run, "decoded"),
                                      c.training.iterations,
                                      "all decode");
            }
        }
    }
};

/**
 * \ingroup coded-learning
 * 50% packet loss on every UDP link, both ways: every iteration still ends and is recorded
 * (most at their deadline), chunks are reported lost, and the model stays finite.
 */
class FaultsHalfLossTestCase : public FaultTestCase
{
  public:
    FaultsHalfLossTestCase()
        : FaultTestCase("50% loss on UDP")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = FaultSettings();
        c.network.lossRate = 0.5;
        c.training.iterations = 10;
        c.training.deadline = 0.1;
        for (const std::string scheme : {"uncoded", "cyclic-repetition"})
        {
            c.training.scheme = scheme;
            c.coding.stragglers = 2;
            const FaultRun run = RunWithFaults(c);
            CheckInvariants(run, c);
            NS_TEST_ASSERT_MSG_GT(CountOutcome(run, "deadline"), 0u, scheme << ": deadlines");
            uint32_t received = 0;
            for (const auto& r : run.records)
            {
                received += r.resultsReceived;
            }
            NS_TEST_ASSERT_MSG_GT(received, 0u, scheme << ": some results get through");
            NS_TEST_ASSERT_MSG_LT(received,
                                  c.training.iterations * c.coding.numWorkers,
                                  scheme << ": and some are lost");
        }
    }
};

/**
 * \ingroup coded-learning
 * 50% loss on Wi-Fi, both ways, with a coded scheme (RngRun 1 to 3). The loss used to
 * corrupt the Ack of an ADDBA Response as well, leaving ns-3.37's recipient Block Ack agreement
 * pending while the originator already sent A-MPDUs, and the simulation died with
 * std::bad_alloc. Now every iteration ends and is recorded, the model stays finite, and the
 * loss still applies: the Wi-Fi loss models corrupt about half of the data frames they see
 * (and no other frame).
 */
class FaultsWifiHalfLossTestCase : public FaultTestCase
{
  public:
    FaultsWifiHalfLossTestCase()
        : FaultTestCase("50% loss on Wi-Fi")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = FaultSettings();
        c.network.kind = "wifi";
        c.training.scheme = "cyclic-repetition";
        c.coding.stragglers = 2;
        c.training.iterations = 5;
        c.training.deadline = 0.2;
        c.network.lossRate = 0.5;
        for (uint32_t rngRun = 1; rngRun <= 3; ++rngRun)
        {
            const FaultRun run = RunWithFaults(c, rngRun);
            CheckInvariants(run, c);
            // the loss still applies, to data frames only: about half of them are lost
            NS_TEST_ASSERT_MSG_GT(run.wifiDataFrames, 200u, "RngRun " << rngRun << ": data");
            const double lost = static_cast<double>(run.wifiDataLost) / run.wifiDataFrames;
            NS_TEST_ASSERT_MSG_EQ_TOL(lost, 0.5, 0.1, "RngRun " << rngRun << ": data lost");
            NS_TEST_ASSERT_MSG_GT(run.wifiOtherFrames, 0u, "management and control frames pass");
        }
    }
};

/**
 * \ingroup coded-learning
 * A Wi-Fi station moves 1000 m away (out of range) mid-run and returns 0.75 s later: nothing
 * of it arrives while it is away, uncoded ends every iteration of that time at its deadline,
 * and once it is back every iteration decodes again with its results. Cyclic repetition
 * decodes every iteration from the moment the access point lets the missing station go
 * (WifiStationLossDetector, 3 beacon intervals after its last beacon) to its return: without
 * that, the access point keeps retrying the frames queued for the missing station ahead of
 * everyone else's and the whole cell stalls (doc/hardening.rst).
 */
class FaultsWifiOutOfRangeTestCase : public FaultTestCase
{
  public:
    FaultsWifiOutOfRangeTestCase()
        : FaultTestCase("Wi-Fi station moved out of range and back")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = FaultSettings();
        c.network.kind = "wifi";
        c.coding.numWorkers = 4;
        c.training.iterations = 45;
        c.training.deadline = 0.2;
        c.faults.moveWorker = 0;
        c.faults.moveAt = 1.05;
        c.faults.moveTo = 1000.0;
        c.faults.moveBackAt = 1.8;
        // The station's last beacon before the move is at most one interval (102.4 ms) old;
        // the access point lets it go 3.5 intervals after it, and one iteration may still be
        // caught in the stall.
        const double letGo = c.faults.moveAt + 3.5 * 0.1024 + c.training.deadline;
        // Back in range, the station hears the next beacon within an interval; then the access
        // point takes it back.
        const double takenBack = c.faults.moveBackAt + 0.1024 + 0.01;
        for (const std::string scheme : {"uncoded", "cyclic-repetition"})
        {
            c.training.scheme = scheme;
            const FaultRun run = RunWithFaults(c);
            CheckInvariants(run, c);
            NS_TEST_ASSERT_MSG_GT(CountArrivals(run, 0, 1.0, c.faults.moveAt),
                                  0u,
                                  "in range first");
            NS_TEST_ASSERT_MSG_EQ(CountArrivals(run, 0, c.faults.moveAt, c.faults.moveBackAt),
                                  0u,
                                  scheme << ": nothing from the station out of range");
            NS_TEST_ASSERT_MSG_GT(CountArrivals(run, 0, c.faults.moveBackAt, 1e9),
                                  0u,
                                  scheme << ": its results arrive again once it is back");
            uint32_t away = 0;
            uint32_t awayLetGo = 0;
            uint32_t back = 0;
            for (const auto& r : run.records)
            {
                if (r.startTime >= c.faults.moveAt && r.endTime <= c.faults.moveBackAt)
                {
                    ++away;
                    if (scheme == "uncoded")
                    {
                        NS_TEST_ASSERT_MSG_EQ(r.outcome, "deadline", "uncoded: station away");
                    }
                    else if (r.startTime >= letGo && c.network.topology.wifiStationLossBeacons > 0)
                    {
                        ++awayLetGo;
                        NS_TEST_ASSERT_MSG_EQ(r.outcome,
                                              "decoded",
                                              "cyclic repetition: station away and let go by the "
                                              "access point at "
                                                  << r.startTime << " s");
                    }
                }
                else if (r.startTime >= takenBack)
                {
                    ++back;
                    NS_TEST_ASSERT_MSG_EQ(r.outcome, "decoded", scheme << ": station back");
                }
            }
            NS_TEST_ASSERT_MSG_GT(away, 0u, "iterations while the station is away");
            if (scheme != "uncoded" && c.network.topology.wifiStationLossBeacons > 0)
            {
                // The detector is on by default where it can take stations back (ns-3.37,
                // CODED_LEARNING_STATION_LOSS_TAKE_BACK); without it the cell stalls.
                NS_TEST_ASSERT_MSG_GT(awayLetGo, 5u, "iterations after the access point let go");
            }
            NS_TEST_ASSERT_MSG_GT(back, 0u, "iterations after it returned");
        }
    }
};

/**
 * \ingroup coded-learning
 * The deadline (5 ms) is shorter than any compute time (10 ms): every iteration of every
 * scheme ends at its deadline without a result, the model is never updated, and the next
 * iteration starts on time.
 */
class FaultsDeadlineEveryIterationTestCase : public FaultTestCase
{
  public:
    FaultsDeadlineEveryIterationTestCase()
        : FaultTestCase("deadline fires every iteration")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = FaultSettings();
        c.training.deadline = 0.005;
        c.training.iterations = 8;
        for (const std::string scheme : {"uncoded", "cyclic-repetition", "two-stage"})
        {
            c.training.scheme = scheme;
            const FaultRun run = RunWithFaults(c);
            CheckInvariants(run, c);
            NS_TEST_ASSERT_MSG_EQ(CountOutcome(run, "deadline"),
                                  c.training.iterations,
                                  scheme << ": every iteration times out");
            NS_TEST_ASSERT_MSG_EQ(run.arrivals.size(), 0u, scheme << ": no result in time");
            NS_TEST_ASSERT_MSG_EQ((run.params - run.initial).norm(),
                                  0.0,
                                  scheme << ": the model is never updated");
            for (uint32_t i = 0; i < run.records.size(); ++i)
            {
                NS_TEST_ASSERT_MSG_EQ_TOL(run.records[i].startTime,
                                          1.0 + i * c.training.deadline,
                                          1e-9,
                                          "iteration " << i << " starts on time");
            }
        }
    }
};

/**
 * \ingroup coded-learning
 * The fault scenarios of issue 7.
 */
class HardeningFaultsTestSuite : public TestSuite
{
  public:
    HardeningFaultsTestSuite()
        : TestSuite("coded-learning-apps-faults", Type::SYSTEM)
    {
        AddTestCase(new FaultsCrashApplicationTestCase);
        AddTestCase(new FaultsCrashInterfaceTestCase);
        AddTestCase(new FaultsLinkDownUpTestCase);
        AddTestCase(new FaultsHalfLossTestCase);
        AddTestCase(new FaultsWifiHalfLossTestCase);
        AddTestCase(new FaultsWifiOutOfRangeTestCase);
        AddTestCase(new FaultsDeadlineEveryIterationTestCase);
    }
};

/// The suite's instance.
static HardeningFaultsTestSuite g_hardeningFaultsTestSuite;
