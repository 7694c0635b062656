// SPDX-License-Identifier: GPL-2.0-only
//
// The energy accounting in small deterministic runs (doc/energy.rst):
//  - radio: for every Wi-Fi node, the time in each state (RadioEnergyMeter) times that state's
//    current and the supply voltage, summed over the states, equals the energy ns-3's
//    WifiRadioEnergyModel charged (1e-9 relative), with distinct currents per state;
//  - compute: each worker's CPU energy equals kappa f_i^2 cyclesPerSample x the samples it
//    computed, a task cancelled while running counting up to the cancel, recomputed from the
//    worker's TaskStarted/TaskFinished/TaskCancelled traces (1e-9 relative);
//  - battery: a battery sized from a first run to run out in iteration k stops that worker in
//    iteration k of a second run, iterations.csv's alive flags say so, the code still decodes
//    every iteration, and the dead worker draws nothing more;
//  - outputs: the accounting leaves the simulation unchanged (energy on vs off), per-iteration
//    energies add up to the per-worker totals, CSMA/p2p have no radio energy (NaN);
//  - --cpuTime=cycles: each task's compute time is cyclesPerSample x samples / f_i.

#include "../apps/coded-learning-test-run.h"

#include "ns3/coded-learning-module.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/test.h"
#include "ns3/wifi-radio-energy-model.h"

#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;
using namespace codedlearningtest;

namespace
{

/// Relative tolerance of the energy identities.
const double RELATIVE = 1e-9;

/// Records every iteration's full record (CodedLearningRun::SetIterationCallback).
void
KeepRecord(std::vector<IterationRecord>* records, const IterationRecord& record)
{
    records->push_back(record);
}

/// The small Wi-Fi run of the radio and battery cases: 4 or 5 workers on 802.11ax, synthetic
/// data, deterministic compute times, stopped after the last iteration.
/// \param scheme the code \param workers n \param iterations iterations
/// \return the settings
CodedLearningRunSettings
WifiSettings(const std::string& scheme, uint32_t workers, uint32_t iterations)
{
    CodedLearningRunSettings s = SmallRunSettings(7, 600, 200);
    s.network.kind = "wifi";
    s.training.scheme = scheme;
    s.coding.numWorkers = workers;
    s.coding.stragglers = 1;
    s.training.iterations = iterations;
    s.compute.distribution = "deterministic";
    s.simulation.stopAfterLastIteration = true;
    return s;
}

/**
 * \ingroup coded-learning
 * Radio energy = sum over states of time x current x voltage, for every Wi-Fi node.
 */
class RadioStatesTestCase : public TestCase
{
  public:
    RadioStatesTestCase()
        : TestCase("radio energy equals the sum over states of time x current x voltage")
    {
    }

  private:
    void DoRun() override
    {
        // Distinct currents, so that booking time to the wrong state shows.
        Config::SetDefault("ns3::WifiRadioEnergyModel::CcaBusyCurrentA", DoubleValue(0.5));
        Config::SetDefault("ns3::WifiRadioEnergyModel::SwitchingCurrentA", DoubleValue(0.6));
        Config::SetDefault("ns3::WifiRadioEnergyModel::IdleCurrentA", DoubleValue(0.25));
        const std::string source = CODED_LEARNING_ENERGY_TYPE_ID("BasicEnergySource");
        Config::SetDefault(source + "::BasicEnergySupplyVoltageV", DoubleValue(3.7));
        {
            SmallRun run(WifiSettings("two-stage", 4, 5), 3, 1);
            run.Run();
            EnergyAccountingHelper* energy = run.Get().GetEnergy();
            NS_TEST_ASSERT_MSG_NE(energy, nullptr, "energy accounting is on by default");
            std::vector<Ptr<RadioEnergyMeter>> radios;
            for (uint32_t i = 0; i < 4; ++i)
            {
                radios.push_back(energy->GetRadio(i));
            }
            radios.push_back(energy->GetServerRadio());
            const double now = Simulator::Now().GetSeconds();
            for (const auto& radio : radios)
            {
                NS_TEST_ASSERT_MSG_NE(radio, nullptr, "a Wi-Fi node without a radio meter");
                NS_TEST_ASSERT_MSG_EQ_TOL(radio->GetSupplyVoltage(), 3.7, 1e-12, "voltage");
                double fromStates = 0.0;
                double energies = 0.0;
                double time = 0.0;
                for (uint32_t k = 0; k < RadioEnergyMeter::NUM_STATES; ++k)
                {
                    fromStates += radio->GetStateTime(k) * radio->GetStateCurrent(k) *
                                  radio->GetSupplyVoltage();
                    energies += radio->GetStateEnergy(k);
                    time += radio->GetStateTime(k);
                }
                const double total = radio->GetTotalEnergy();
                NS_TEST_ASSERT_MSG_GT(total, 0.0, "no radio energy");
                NS_TEST_ASSERT_MSG_EQ_TOL(fromStates,
                                          total,
                                          RELATIVE * total,
                                          "sum of time x current x voltage over the states");
                NS_TEST_ASSERT_MSG_EQ_TOL(energies, total, 1e-12 * total, "per-state energies");
                NS_TEST_ASSERT_MSG_EQ_TOL(time, now, 1e-12 * now, "per-state times");
                // The run exercises the states whose currents differ.
                NS_TEST_ASSERT_MSG_GT(radio->GetStateTime(1), 0.0, "no CCA-busy time");
                NS_TEST_ASSERT_MSG_GT(radio->GetStateTime(2), 0.0, "no transmit time");
                NS_TEST_ASSERT_MSG_GT(radio->GetStateTime(3), 0.0, "no receive time");
            }
        }
        Config::Reset();
    }
};

/// A task of one worker as its pre-existing trace sources report it.
struct Task
{
    double start{0}; //!< when it started (s)
    double load{0};  //!< its load (partitions)
    double time{0};  //!< its drawn compute time (s)
    double done{-1}; //!< fraction done when it ended (-1 while running)
};

/// What a worker did, from TaskStarted, TaskFinished and TaskCancelled.
struct WorkLog
{
    std::map<std::pair<uint32_t, uint32_t>, Task> tasks; //!< by (iteration, task)
    uint32_t cancelledWhileRunning{0};                   //!< tasks cut short
};

/// TaskStarted sink.
void
LogStarted(WorkLog* log, uint32_t iteration, uint32_t task, double load, Time computeTime)
{
    Task& t = log->tasks[{iteration, task}];
    t.start = Simulator::Now().GetSeconds();
    t.load = load;
    t.time = computeTime.GetSeconds();
}

/// TaskFinished sink.
void
LogFinished(WorkLog* log, uint32_t iteration, uint32_t task, double /* load */, Time /* time */)
{
    log->tasks[{iteration, task}].done = 1.0;
}

/// TaskCancelled sink (queued tasks were never started and are not in the log).
void
LogCancelled(WorkLog* log, uint32_t iteration, uint32_t task, double /* load */, Time /* time */)
{
    auto it = log->tasks.find({iteration, task});
    if (it != log->tasks.end() && it->second.done < 0)
    {
        Task& t = it->second;
        t.done = std::min(1.0, (Simulator::Now().GetSeconds() - t.start) / t.time);
        log->cancelledWhileRunning += t.done < 1.0 ? 1 : 0;
    }
}

/**
 * \ingroup coded-learning
 * Compute energy = kappa f_i^2 cyclesPerSample x samples done, cancelled tasks up to the cancel.
 */
class ComputeFormulaTestCase : public TestCase
{
  public:
    ComputeFormulaTestCase()
        : TestCase("compute energy equals the formula for the work done, cancelled tasks too")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings s = SmallRunSettings(11, 1200, 200); // 300 samples/partition
        s.training.scheme = "two-stage";
        s.coding.numWorkers = 4;
        s.coding.stragglers = 1;
        // Stage 2 for every stage-1 worker still out at the 2nd stage-1 result: the re-planned
        // work overtakes late stage-1 tasks, which are then cancelled while running.
        s.coding.stageTwoTrigger = 2;
        s.training.iterations = 8;
        s.energy.cpuFrequency = "1e9,1.5e9,2e9,1.8e9";
        s.energy.kappa = 3e-28;
        s.energy.cyclesPerSample = 1.5e4;
        SmallRun run(s, 3, 2);
        std::vector<WorkLog> logs(4);
        for (uint32_t i = 0; i < 4; ++i)
        {
            Ptr<WorkerApplication> w = run.Get().GetWorkers()[i];
            w->TraceConnectWithoutContext("TaskStarted", MakeBoundCallback(&LogStarted, &logs[i]));
            w->TraceConnectWithoutContext("TaskFinished",
                                          MakeBoundCallback(&LogFinished, &logs[i]));
            w->TraceConnectWithoutContext("TaskCancelled",
                                          MakeBoundCallback(&LogCancelled, &logs[i]));
        }
        run.Run();
        const double frequencies[] = {1e9, 1.5e9, 2e9, 1.8e9};
        const double now = Simulator::Now().GetSeconds();
        uint32_t cut = 0;
        for (uint32_t i = 0; i < 4; ++i)
        {
            double samples = 0.0;
            for (const auto& entry : logs[i].tasks)
            {
                const Task& t = entry.second;
                const double done = t.done >= 0 ? t.done : std::min(1.0, (now - t.start) / t.time);
                samples += std::round(t.load * 300.0) * done;
            }
            const double f = frequencies[i];
            const double expected = 3e-28 * f * f * 1.5e4 * samples;
            const double measured = run.Get().GetEnergy()->GetCpu(i)->GetTotalEnergyConsumption();
            NS_TEST_ASSERT_MSG_GT(expected, 0.0, "worker " << i << " computed nothing");
            NS_TEST_ASSERT_MSG_EQ_TOL(measured,
                                      expected,
                                      RELATIVE * expected,
                                      "compute energy of worker " << i);
            cut += logs[i].cancelledWhileRunning;
        }
        NS_TEST_ASSERT_MSG_GT(cut,
                              0u,
                              "no task was cancelled while running: the case is not covered");
    }
};

/**
 * \ingroup coded-learning
 * A battery sized to run out in iteration k stops that worker there; the code still decodes.
 */
class BatteryTestCase : public TestCase
{
  public:
    BatteryTestCase()
        : TestCase("a battery sized to die in iteration k stops its worker there")
    {
    }

  private:
    /// Worker whose battery runs out.
    static constexpr uint32_t WORKER = 2;
    /// Iteration in which it runs out.
    static constexpr uint32_t DIES_IN = 4;

    /// Iteration sink of the first run: the worker's energy so far at each iteration's end.
    static void Drawn(std::vector<double>* drawn, CodedLearningRun* run, const IterationRecord&)
    {
        EnergyAccountingHelper* e = run->GetEnergy();
        drawn->push_back(e->GetRadio(WORKER)->GetTotalEnergy() +
                         e->GetCpu(WORKER)->GetTotalEnergyConsumption());
    }

    void DoRun() override
    {
        const CodedLearningRunSettings s = WifiSettings("cyclic-repetition", 5, 10);
        std::vector<double> drawn;
        std::vector<IterationRecord> first;
        {
            SmallRun run(s, 3, 1);
            run.Get().SetIterationCallback(
                MakeBoundCallback(&BatteryTestCase::Drawn, &drawn, &run.Get()));
            run.Run();
            first = run.Records();
        }
        NS_TEST_ASSERT_MSG_EQ(drawn.size(), 10u, "the first run's iterations");
        const double battery = (drawn[DIES_IN - 1] + drawn[DIES_IN]) / 2;
        CodedLearningRunSettings b = s;
        b.energy.battery = "0,0," + std::to_string(battery) + ",0,0";
        std::vector<IterationRecord> second;
        SmallRun run(b, 3, 1);
        run.Get().SetIterationCallback(MakeBoundCallback(&KeepRecord, &second));
        run.Run();
        Ptr<WorkerBattery> cell = run.Get().GetEnergy()->GetBattery(WORKER);
        NS_TEST_ASSERT_MSG_NE(cell, nullptr, "worker 2 has no battery");
        NS_TEST_ASSERT_MSG_EQ(run.Get().GetEnergy()->GetBattery(0), nullptr, "worker 0 has one");
        NS_TEST_ASSERT_MSG_EQ(cell->IsDepleted(), true, "the battery did not run out");
        const double died = cell->GetDepletionTime().GetSeconds();
        NS_TEST_ASSERT_MSG_GT(died, first[DIES_IN - 1].endTime, "died before iteration k");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(died, first[DIES_IN].endTime, "died after iteration k");
        NS_TEST_ASSERT_MSG_EQ(run.Get().GetWorkers()[WORKER]->IsPoweredOff(), true, "still on");
        // Empty within a nanosecond of drain, and nothing drawn after it.
        NS_TEST_ASSERT_MSG_LT(std::abs(cell->GetRemainingEnergy()), 1e-6, "energy left");
        NS_TEST_ASSERT_MSG_EQ(second.size(), 10u, "the second run's iterations");
        for (uint32_t r = 0; r < second.size(); ++r)
        {
            const IterationRecord& rec = second[r];
            NS_TEST_ASSERT_MSG_EQ(rec.alive.size(), 5u, "alive flags of iteration " << r);
            NS_TEST_ASSERT_MSG_EQ(rec.alive[WORKER], (r < DIES_IN ? '1' : '0'), "iteration " << r);
            NS_TEST_ASSERT_MSG_EQ(rec.WorkersAlive(), (r < DIES_IN ? 5u : 4u), "iteration " << r);
            NS_TEST_ASSERT_MSG_EQ(rec.decoded, true, "iteration " << r << " did not decode");
            if (r < DIES_IN)
            {
                NS_TEST_ASSERT_MSG_EQ(rec.endTime, first[r].endTime, "iteration " << r);
            }
        }
    }
};

/// Old fields of two records are the same. \return whether they are
bool
SameRun(const IterationRecord& a, const IterationRecord& b)
{
    return a.iteration == b.iteration && a.startTime == b.startTime && a.endTime == b.endTime &&
           a.computeLoad == b.computeLoad && a.tasks == b.tasks &&
           a.resultsReceived == b.resultsReceived && a.decoded == b.decoded &&
           a.bytesUp == b.bytesUp && a.bytesDown == b.bytesDown && a.chunksLost == b.chunksLost &&
           a.trainLoss == b.trainLoss && a.outcome == b.outcome;
}

/**
 * \ingroup coded-learning
 * The accounting leaves the run unchanged; its columns add up; wired networks have no radio.
 */
class OutputsTestCase : public TestCase
{
  public:
    OutputsTestCase()
        : TestCase("energy on or off gives the same run; iterations add up to the workers")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings s = WifiSettings("two-stage", 4, 6);
        s.compute.distribution = "shifted-exponential";
        std::vector<IterationRecord> on;
        std::vector<double> perWorker;
        double summaryTotal = 0.0;
        {
            SmallRun run(s, 3, 4);
            run.Get().SetIterationCallback(MakeBoundCallback(&KeepRecord, &on));
            run.Run();
            perWorker = run.Get().GetEnergy()->PerWorkerEnergy();
            summaryTotal = run.Get().GetSummary().TotalEnergy();
        }
        s.energy.enabled = false;
        std::vector<IterationRecord> off;
        {
            SmallRun run(s, 3, 4);
            run.Get().SetIterationCallback(MakeBoundCallback(&KeepRecord, &off));
            run.Run();
            NS_TEST_ASSERT_MSG_EQ(run.Get().GetEnergy(), nullptr, "accounting is off");
            NS_TEST_ASSERT_MSG_EQ(std::isnan(run.Get().GetSummary().TotalEnergy()), true, "off");
        }
        NS_TEST_ASSERT_MSG_EQ(on.size(), off.size(), "iterations");
        double sum = 0.0;
        for (size_t r = 0; r < on.size(); ++r)
        {
            NS_TEST_ASSERT_MSG_EQ(SameRun(on[r], off[r]), true, "iteration " << r << " differs");
            NS_TEST_ASSERT_MSG_EQ(std::isnan(off[r].Energy()) && off[r].alive.empty(),
                                  true,
                                  "energy fields of a run without accounting");
            NS_TEST_ASSERT_MSG_GT(on[r].radioEnergy, 0.0, "radio energy of iteration " << r);
            NS_TEST_ASSERT_MSG_GT(on[r].computeEnergy, 0.0, "compute energy of iteration " << r);
            NS_TEST_ASSERT_MSG_GT(on[r].serverRadioEnergy, 0.0, "server radio " << r);
            NS_TEST_ASSERT_MSG_LT_OR_EQ(on[r].maxWorkerEnergy, on[r].Energy(), "max " << r);
            NS_TEST_ASSERT_MSG_GT(on[r].maxWorkerEnergy * 4, on[r].Energy(), "max " << r);
            sum += on[r].Energy();
        }
        double workers = 0.0;
        for (double e : perWorker)
        {
            workers += e;
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(workers, sum, RELATIVE * sum, "per-worker vs per-iteration");
        NS_TEST_ASSERT_MSG_EQ_TOL(summaryTotal, sum, RELATIVE * sum, "summary total");

        // Point-to-point: compute energy only; the radio columns are not measurements.
        CodedLearningRunSettings p = SmallRunSettings(7, 600, 200);
        p.network.kind = "p2p";
        p.coding.numWorkers = 4;
        p.coding.stragglers = 1;
        p.training.iterations = 3;
        std::vector<IterationRecord> wired;
        SmallRun run(p, 3, 1);
        run.Get().SetIterationCallback(MakeBoundCallback(&KeepRecord, &wired));
        run.Run();
        NS_TEST_ASSERT_MSG_EQ(run.Get().GetEnergy()->IsRadioModelled(), false, "p2p radio");
        for (const auto& r : wired)
        {
            NS_TEST_ASSERT_MSG_EQ(std::isnan(r.radioEnergy) && std::isnan(r.Energy()) &&
                                      std::isnan(r.maxWorkerEnergy) &&
                                      std::isnan(r.serverRadioEnergy),
                                  true,
                                  "p2p iteration " << r.iteration << " has radio energy");
            NS_TEST_ASSERT_MSG_GT(r.computeEnergy, 0.0, "p2p compute energy");
            NS_TEST_ASSERT_MSG_EQ(r.alive, "1111", "p2p alive flags");
        }
        NS_TEST_ASSERT_MSG_EQ(std::isnan(run.Get().GetSummary().JainEnergy()), true, "p2p Jain");
    }
};

/// TaskStarted sink of the cycles case: the drawn time against cycles / f.
void
CheckCycleTime(std::vector<std::pair<double, double>>* times,
               double secondsPerPartition,
               uint32_t /* iteration */,
               uint32_t /* task */,
               double load,
               Time computeTime)
{
    times->emplace_back(computeTime.GetSeconds(), secondsPerPartition * load);
}

/**
 * \ingroup coded-learning
 * --cpuTime=cycles: a task's compute time is cyclesPerSample x samples / f_i.
 */
class CpuTimeTestCase : public TestCase
{
  public:
    CpuTimeTestCase()
        : TestCase("--cpuTime=cycles derives each worker's compute time from its CPU")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings s = SmallRunSettings(11, 1200, 200); // 300 samples/partition
        s.training.scheme = "cyclic-repetition";
        s.coding.numWorkers = 4;
        s.coding.stragglers = 1;
        s.training.iterations = 3;
        s.compute.distribution = "deterministic";
        s.energy.cpuTime = "cycles";
        s.energy.cpuFrequency = "1e9,2e9,1.5e9,3e9";
        s.energy.cyclesPerSample = 1e4;
        const double frequencies[] = {1e9, 2e9, 1.5e9, 3e9};
        SmallRun run(s, 3, 1);
        std::vector<std::vector<std::pair<double, double>>> times(4);
        for (uint32_t i = 0; i < 4; ++i)
        {
            run.Get().GetWorkers()[i]->TraceConnectWithoutContext(
                "TaskStarted",
                MakeBoundCallback(&CheckCycleTime, &times[i], 1e4 * 300 / frequencies[i]));
        }
        run.Run();
        for (uint32_t i = 0; i < 4; ++i)
        {
            NS_TEST_ASSERT_MSG_GT(times[i].size(), 0u, "worker " << i << " started no task");
            for (const auto& t : times[i])
            {
                NS_TEST_ASSERT_MSG_EQ_TOL(t.first, t.second, 2e-9, "worker " << i << " time");
            }
        }
    }
};

/**
 * \ingroup coded-learning
 * The energy accounting's system tests.
 */
class EnergyAccountingTestSuite : public TestSuite
{
  public:
    EnergyAccountingTestSuite()
        : TestSuite("coded-learning-energy-accounting", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new RadioStatesTestCase);
        AddTestCase(new ComputeFormulaTestCase);
        AddTestCase(new OutputsTestCase);
        AddTestCase(new CpuTimeTestCase);
    }
};

/**
 * \ingroup coded-learning
 * The battery's system test (its own suite: two Wi-Fi runs).
 */
class EnergyBatteryTestSuite : public TestSuite
{
  public:
    EnergyBatteryTestSuite()
        : TestSuite("coded-learning-energy-battery", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new BatteryTestCase);
    }
};

/// Registers the suite.
EnergyAccountingTestSuite g_energyAccountingTestSuite;
/// Registers the suite.
EnergyBatteryTestSuite g_energyBatteryTestSuite;

} // namespace
