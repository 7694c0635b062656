// SPDX-License-Identifier: GPL-2.0-only
//
// The pure compute-energy model: CpuModel (E = kappa C f^2, presets, errors) and
// ComputeEnergyLedger (work done task by task, a task stopped early counting up to the stop,
// zero-time tasks, power while running, errors), against numbers worked out by hand.

#include "ns3/compute-energy-ledger.h"
#include "ns3/cpu-model.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

using namespace ns3::coded;

namespace
{

/// Relative tolerance of the hand-computed energies.
const double TOLERANCE_PERCENT = 1e-10;

} // namespace

BOOST_AUTO_TEST_SUITE(energy)

BOOST_AUTO_TEST_CASE(cpu_model_formula)
{
    // kappa = 1e-28, 2e4 cycles per sample, f = 2 GHz: one sample costs 2e4 cycles,
    // 1e-28 * 2e4 * 4e18 = 8e-6 J and 1e-5 s; the power is 1e-28 * 8e27 = 0.8 W.
    const CpuModel cpu(1e-28, 2e4, 2e9);
    BOOST_CHECK_CLOSE(cpu.Cycles(1), 2e4, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(cpu.Cycles(6000), 1.2e8, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(cpu.Energy(cpu.Cycles(1)), 8e-6, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(cpu.Energy(cpu.Cycles(6000)), 4.8e-2, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(cpu.Time(cpu.Cycles(1)), 1e-5, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(cpu.Power(), 0.8, TOLERANCE_PERCENT);
    // Energy = power x time at full speed.
    BOOST_CHECK_CLOSE(cpu.Energy(3e9), cpu.Power() * cpu.Time(3e9), TOLERANCE_PERCENT);
    // Halving f quarters the energy per cycle and doubles the time.
    const CpuModel slow(1e-28, 2e4, 1e9);
    BOOST_CHECK_CLOSE(slow.Energy(1e6), cpu.Energy(1e6) / 4, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(slow.Time(1e6), cpu.Time(1e6) * 2, TOLERANCE_PERCENT);
}

BOOST_AUTO_TEST_CASE(cpu_model_presets)
{
    BOOST_CHECK_EQUAL(CpuModel::PresetNames().front(), "rpi4");
    BOOST_CHECK_EQUAL(CpuModel::PresetNames().size(), 2u);
    // rpi4: kappa from (7.2 W - 1.6 W) / 4 cores at 1.8 GHz (doc/energy.rst).
    const CpuModel rpi4 = CpuModel::Preset("rpi4");
    BOOST_CHECK_CLOSE(rpi4.Frequency(), 1.8e9, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(rpi4.Power(), (7.2 - 1.6) / 4, 0.1); // 1.4 W per core, kappa rounded
    BOOST_CHECK_CLOSE(rpi4.CyclesPerSample(), 2e4, TOLERANCE_PERCENT);
    const CpuModel byDefault;
    BOOST_CHECK_EQUAL(byDefault.Kappa(), rpi4.Kappa());
    const CpuModel yang = CpuModel::Preset("yang2021");
    BOOST_CHECK_CLOSE(yang.Kappa(), 1e-28, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(yang.Frequency(), 2e9, TOLERANCE_PERCENT);
    BOOST_CHECK(CpuModel::PresetSource("rpi4").find("Geerling") != std::string::npos);
    BOOST_CHECK_THROW(CpuModel::Preset("pentium"), std::invalid_argument);
    BOOST_CHECK_THROW(CpuModel::PresetSource("pentium"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(cpu_model_errors)
{
    BOOST_CHECK_THROW(CpuModel(0, 2e4, 1e9), std::invalid_argument);
    BOOST_CHECK_THROW(CpuModel(1e-28, -1, 1e9), std::invalid_argument);
    BOOST_CHECK_THROW(CpuModel(1e-28, 2e4, 0), std::invalid_argument);
    try
    {
        CpuModel(1e-28, 2e4, -5);
        BOOST_FAIL("no exception");
    }
    catch (const std::invalid_argument& e)
    {
        BOOST_CHECK_EQUAL(std::string(e.what()), "CpuModel: frequency = -5 must be finite and > 0");
    }
}

BOOST_AUTO_TEST_CASE(ledger_finished_and_cancelled)
{
    const CpuModel cpu(1e-28, 2e4, 2e9); // 8e-6 J per sample
    ComputeEnergyLedger ledger(cpu);
    BOOST_CHECK_EQUAL(ledger.Energy(0.0), 0.0);
    // Task 1: 100 samples over [1, 1.5]: 8e-4 J at 1.6e-3 W; half done at 1.25.
    ledger.Start(1.0, 100, 0.5);
    BOOST_CHECK(ledger.IsRunning());
    BOOST_CHECK_CLOSE(ledger.Power(1.1), 8e-4 / 0.5, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(ledger.Energy(1.25), 4e-4, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(ledger.Cycles(1.25), 1e6, TOLERANCE_PERCENT);
    ledger.Finish(1.5); // ran to its end
    BOOST_CHECK(!ledger.IsRunning());
    BOOST_CHECK_CLOSE(ledger.Energy(2.0), 8e-4, TOLERANCE_PERCENT);
    BOOST_CHECK_EQUAL(ledger.Power(2.0), 0.0);
    // Task 2: 300 samples over [2, 3], cancelled at 2.2: a fifth of 2.4e-3 J.
    ledger.Start(2.0, 300, 1.0);
    ledger.Stop(2.2);
    BOOST_CHECK_CLOSE(ledger.Energy(5.0), 8e-4 + 2.4e-3 * 0.2, TOLERANCE_PERCENT);
    BOOST_CHECK_CLOSE(ledger.Cycles(5.0), 2e6 + 6e6 * 0.2, TOLERANCE_PERCENT);
    BOOST_CHECK_EQUAL(ledger.TasksFinished(), 1u);
    BOOST_CHECK_EQUAL(ledger.TasksStopped(), 1u);
    // Task 3: stopped at its start: nothing done.
    ledger.Start(5.0, 1000, 2.0);
    ledger.Stop(5.0);
    BOOST_CHECK_CLOSE(ledger.Energy(6.0), 8e-4 + 4.8e-4, TOLERANCE_PERCENT);
    // Task 4: stopped late (the finish event came after its end): counts whole, not more.
    ledger.Start(6.0, 10, 0.1);
    ledger.Stop(7.0);
    BOOST_CHECK_CLOSE(ledger.Energy(7.0), 8e-4 + 4.8e-4 + 8e-5, TOLERANCE_PERCENT);
    BOOST_CHECK_EQUAL(ledger.TasksFinished(), 2u);
    BOOST_CHECK_EQUAL(ledger.TasksStopped(), 2u);
}

BOOST_AUTO_TEST_CASE(ledger_finish_counts_whole)
{
    // The worker's finish event comes exactly at start + T in simulator Time, but in seconds
    // the clock may read a little less than start + T: Stop() would then count a sliver less
    // and call the task stopped early; Finish() counts it whole, exactly.
    const double end = std::nextafter(0.1 + 0.2, 0.0);
    ComputeEnergyLedger stopped(CpuModel(1e-28, 2e4, 2e9));
    stopped.Start(0.1, 10, 0.2);
    stopped.Stop(end);
    BOOST_CHECK_LT(stopped.Cycles(1.0), 2e5);
    BOOST_CHECK_EQUAL(stopped.TasksStopped(), 1u);

    ComputeEnergyLedger finished(CpuModel(1e-28, 2e4, 2e9));
    finished.Start(0.1, 10, 0.2);
    finished.Finish(end);
    BOOST_CHECK_EQUAL(finished.Cycles(1.0), 2e5);
    BOOST_CHECK_EQUAL(finished.Energy(1.0), CpuModel(1e-28, 2e4, 2e9).Energy(2e5));
    BOOST_CHECK_EQUAL(finished.TasksFinished(), 1u);
    BOOST_CHECK_EQUAL(finished.TasksStopped(), 0u);
    // The next task may start at that same reading of the clock.
    finished.Start(end, 10, 0.2);
    BOOST_CHECK(finished.IsRunning());
}

BOOST_AUTO_TEST_CASE(ledger_zero_time_task)
{
    // A task with no compute time does all its cycles at once and draws no power.
    ComputeEnergyLedger ledger(CpuModel(1e-28, 2e4, 2e9));
    ledger.Start(1.0, 50, 0.0);
    BOOST_CHECK_CLOSE(ledger.Energy(1.0), 4e-4, TOLERANCE_PERCENT);
    BOOST_CHECK_EQUAL(ledger.Power(1.0), 0.0);
    ledger.Stop(1.0);
    BOOST_CHECK_CLOSE(ledger.Energy(1.0), 4e-4, TOLERANCE_PERCENT);
    BOOST_CHECK_EQUAL(ledger.TasksFinished(), 1u);
}

BOOST_AUTO_TEST_CASE(ledger_errors)
{
    ComputeEnergyLedger ledger(CpuModel(1e-28, 2e4, 2e9));
    BOOST_CHECK_THROW(ledger.Stop(1.0), std::logic_error);
    BOOST_CHECK_THROW(ledger.Finish(1.0), std::logic_error);
    BOOST_CHECK_THROW(ledger.Start(1.0, 10, -1.0), std::invalid_argument);
    ledger.Start(1.0, 10, 1.0);
    BOOST_CHECK_THROW(ledger.Start(1.5, 10, 1.0), std::logic_error);
    BOOST_CHECK_THROW(ledger.Stop(0.5), std::invalid_argument);
    BOOST_CHECK_THROW(ledger.Finish(0.5), std::invalid_argument);
    ledger.Stop(1.5);
    BOOST_CHECK_THROW(ledger.Start(1.0, 10, 1.0), std::invalid_argument); // before the stop
}

BOOST_AUTO_TEST_SUITE_END()
