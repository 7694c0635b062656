// SPDX-License-Identifier: GPL-2.0-only
//
// RadioEnergyMeter against ns-3 (doc/energy.rst, "Radio"):
//  - reference: on a short Wi-Fi run (4 workers and the access point, two-stage, 5
//    iterations), ns-3's WifiRadioEnergyModel + BasicEnergySource installed on the same
//    devices as a reference; the meter's total and per-state energies of every node equal the
//    reference's within REFERENCE_TOLERANCE (relative to the node's total), the State trace's
//    periods are contiguous (no overlap, no gap) and their times add up to the run's length;
//  - events: the meters schedule no event: a Wi-Fi run executes exactly one event more with
//    the energy accounting on than off (the MarkStart that CodedLearningRun schedules), for 3
//    and for 6 iterations (ns-3's WifiRadioEnergyModel and BasicEnergySource schedule events
//    at PHY state changes and every second).

#include "../apps/coded-learning-test-run.h"

#include "ns3/basic-energy-source-helper.h"
#include "ns3/coded-learning-module.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/test.h"
#include "ns3/wifi-radio-energy-model-helper.h"
#include "ns3/wifi-radio-energy-model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

using namespace ns3;
using namespace codedlearningtest;

namespace
{

/// Tolerance of the identities, relative to the node's total energy or the run's length.
const double EXACT = 1e-9;
/// Largest difference of the total energies, relative (measured: below 1e-4; see the text).
const double TOTAL_TOLERANCE = 1e-3;

/// The small Wi-Fi run: 4 workers on 802.11ax, synthetic data, stopped after the last
/// iteration. \param iterations iterations \return the settings
CodedLearningRunSettings
WifiSettings(uint32_t iterations)
{
    CodedLearningRunSettings s = SmallRunSettings(7, 600, 200);
    s.network.kind = "wifi";
    s.training.scheme = "two-stage";
    s.coding.numWorkers = 4;
    s.coding.stragglers = 1;
    s.training.iterations = iterations;
    s.compute.distribution = "shifted-exponential";
    s.simulation.stopAfterLastIteration = true;
    return s;
}

/// ns-3's WifiRadioEnergyModel on one device, its energy split by state as it charges it.
class Reference
{
  public:
    /// Installs a BasicEnergySource and a WifiRadioEnergyModel. \param device a Wi-Fi device
    explicit Reference(Ptr<NetDevice> device)
    {
        BasicEnergySourceHelper sourceHelper;
        sourceHelper.Set("BasicEnergySourceInitialEnergyJ", DoubleValue(1e6));
        WifiRadioEnergyModelHelper radioHelper;
        auto sources = sourceHelper.Install(device->GetNode());
        auto models = radioHelper.Install(device, sources.Get(0));
        m_model = DynamicCast<WifiRadioEnergyModel>(models.Get(0));
        m_model->TraceConnectWithoutContext("TotalEnergyConsumption",
                                            MakeCallback(&Reference::OnEnergy, this));
    }

    /// \param state a meter state index \return the energy the model charged to it so far (J)
    double StateEnergy(uint32_t state) const
    {
        double e = m_energy[state];
        if (state == RadioEnergyMeter::IndexOf(m_model->GetCurrentState()))
        {
            e += m_model->GetTotalEnergyConsumption() - m_booked;
        }
        return e;
    }

    /// \return the model's total energy so far (J)
    double Total() const
    {
        return m_model->GetTotalEnergyConsumption();
    }

  private:
    /// TotalEnergyConsumption sink, called before the model leaves its state.
    /// \param oldValue before \param newValue after
    void OnEnergy(double oldValue, double newValue)
    {
        m_energy[RadioEnergyMeter::IndexOf(m_model->GetCurrentState())] += newValue - oldValue;
        m_booked += newValue - oldValue;
    }

    Ptr<WifiRadioEnergyModel> m_model;                           //!< the model
    std::array<double, RadioEnergyMeter::NUM_STATES> m_energy{}; //!< charged per state
    double m_booked{0};                                          //!< charged, all states
};

/**
 * \ingroup coded-learning
 * The meter's energies equal ns-3's WifiRadioEnergyModel's on the same devices.
 */
class MeterReferenceTestCase : public TestCase
{
  public:
    MeterReferenceTestCase()
        : TestCase("radio meter equals ns-3's WifiRadioEnergyModel, total and per state")
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
            SmallRun run(WifiSettings(5), 3, 2);
            const NetworkScenario& scenario = run.Get().GetScenario();
            EnergyAccountingHelper* energy = run.Get().GetEnergy();
            NS_TEST_ASSERT_MSG_NE(energy, nullptr, "energy accounting is on by default");
            std::vector<Ptr<RadioEnergyMeter>> meters;
            std::vector<std::unique_ptr<Reference>> references;
            for (uint32_t i = 0; i < 4; ++i)
            {
                meters.push_back(energy->GetRadio(i));
                references.push_back(std::make_unique<Reference>(scenario.workerDevices.Get(i)));
            }
            meters.push_back(energy->GetServerRadio());
            references.push_back(std::make_unique<Reference>(scenario.serverDevices.Get(0)));
            run.Run();
            const double now = Simulator::Now().GetSeconds();
            NS_TEST_ASSERT_MSG_EQ(run.Records().size(), 5, "iterations");
            for (size_t n = 0; n < meters.size(); ++n)
            {
                CheckNode(meters[n], *references[n], now);
            }
        }
        Config::Reset();
    }

    /// Compares one node's meter with its reference. \param meter the meter
    /// \param reference ns-3's model on the same device \param now the run's end (s)
    void CheckNode(Ptr<RadioEnergyMeter> meter, const Reference& reference, double now)
    {
        NS_TEST_ASSERT_MSG_NE(meter, nullptr, "a Wi-Fi node without a radio meter");
        const double total = reference.Total();
        NS_TEST_ASSERT_MSG_GT(total, 0.0, "no reference energy");
        const double exact = EXACT * total;
        NS_TEST_ASSERT_MSG_EQ_TOL(meter->GetTotalEnergy(),
                                  total,
                                  TOTAL_TOLERANCE * total,
                                  "total energy");
        // Receive, switching, sleep and off: the same periods in both.
        for (uint32_t k : {3U, 4U, 5U, 6U})
        {
            NS_TEST_ASSERT_MSG_EQ_TOL(meter->GetStateEnergy(k),
                                      reference.StateEnergy(k),
                                      exact,
                                      "energy in state " << RadioEnergyMeter::StateName(k));
        }
        // Idle, CCA busy and transmit: the same time in all three, the reference charging
        // CCA-busy (then idle) current for the part of a transmission after a CCA-busy
        // notification, so less transmit time than the PHY reports, never more.
        const double power = meter->GetSupplyVoltage();
        double meterTime = 0.0;
        double referenceTime = 0.0;
        for (uint32_t k : {0U, 1U, 2U})
        {
            meterTime += meter->GetStateTime(k);
            referenceTime += reference.StateEnergy(k) / (meter->GetStateCurrent(k) * power);
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(meterTime, referenceTime, EXACT * now, "idle+cca+tx time");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(meter->GetStateTime(2) + EXACT * now,
                                    reference.StateEnergy(2) / (meter->GetStateCurrent(2) * power),
                                    "transmit time below the reference's");
        double time = 0.0;
        for (uint32_t k = 0; k < RadioEnergyMeter::NUM_STATES; ++k)
        {
            time += meter->GetStateTime(k);
        }
        NS_TEST_ASSERT_MSG_EQ_TOL(time, now, 1e-12 * now, "per-state times");
        NS_TEST_ASSERT_MSG_EQ(meter->GetOverlapTime(), 0.0, "State trace periods overlap");
        NS_TEST_ASSERT_MSG_EQ(meter->GetGapTime(), 0.0, "State trace periods leave a gap");
        // The run exercises the states whose currents differ.
        NS_TEST_ASSERT_MSG_GT(meter->GetStateTime(1), 0.0, "no CCA-busy time");
        NS_TEST_ASSERT_MSG_GT(meter->GetStateTime(2), 0.0, "no transmit time");
        NS_TEST_ASSERT_MSG_GT(meter->GetStateTime(3), 0.0, "no receive time");
    }
};

/// \param iterations iterations \param energy accounting on
/// \return the events the Wi-Fi run executed
uint64_t
EventsOfRun(uint32_t iterations, bool energy)
{
    CodedLearningRunSettings s = WifiSettings(iterations);
    s.energy.enabled = energy;
    SmallRun run(s, 3, 5);
    run.Run();
    return run.Get().GetEventCount();
}

/**
 * \ingroup coded-learning
 * The accounting schedules no event: as many events executed with it as without.
 */
class MeterEventsTestCase : public TestCase
{
  public:
    MeterEventsTestCase()
        : TestCase("the radio meters schedule no event (events executed, energy on vs off)")
    {
    }

  private:
    void DoRun() override
    {
        for (uint32_t iterations : {3U, 6U})
        {
            const uint64_t off = EventsOfRun(iterations, false);
            const uint64_t on = EventsOfRun(iterations, true);
            NS_TEST_ASSERT_MSG_GT(off, 1000U, "a run of " << iterations << " iterations");
            // One event more: CodedLearningRun schedules EnergyAccountingHelper::MarkStart.
            NS_TEST_ASSERT_MSG_EQ(on, off + 1, "events of " << iterations << " iterations");
        }
    }
};

/**
 * \ingroup coded-learning
 * The radio meter against ns-3's WifiRadioEnergyModel and the scheduler.
 */
class RadioMeterTestSuite : public TestSuite
{
  public:
    RadioMeterTestSuite()
        : TestSuite("coded-learning-energy-radio-meter", TestSuite::Type::SYSTEM)
    {
        AddTestCase(new MeterReferenceTestCase);
        AddTestCase(new MeterEventsTestCase);
    }
};

/// The suite's instance.
RadioMeterTestSuite g_radioMeterTestSuite;

} // namespace
