// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_RADIO_ENERGY_METER_H
#define CODED_LEARNING_RADIO_ENERGY_METER_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <array>
#include <string>

namespace ns3
{

class WifiRadioEnergyModel;

/**
 * \ingroup coded-learning
 * \brief Time and energy per radio state of one ns-3 WifiRadioEnergyModel, read from its
 * TotalEnergyConsumption trace source.
 *
 * The model adds the energy of the state it leaves (duration x current x supply voltage) when
 * its state changes; at that moment its GetCurrentState() is still the state left. The meter
 * books each increase and the time since the previous one to that state. The part since the
 * last change (not yet booked by the model) is added when read: time since then to the
 * current state, energy GetTotalEnergyConsumption() minus the booked sum. So the per-state
 * energies add up to the model's total, and time x current x voltage per state is an
 * independent check of them (test/energy).
 *
 * States (index, name): 0 idle, 1 cca-busy, 2 tx, 3 rx, 4 switching, 5 sleep, 6 off.
 */
class RadioEnergyMeter : public Object
{
  public:
    /// Number of radio states.
    static constexpr uint32_t NUM_STATES = 7;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    RadioEnergyMeter();
    ~RadioEnergyMeter() override;

    /**
     * Follows a radio from now on (call once, when the model is installed).
     * \param model the radio's energy model
     * \param supplyVoltage the voltage of its energy source (V)
     */
    void Attach(Ptr<WifiRadioEnergyModel> model, double supplyVoltage);

    /// \return the radio's energy model
    Ptr<WifiRadioEnergyModel> GetModel() const;
    /// \return the supply voltage (V)
    double GetSupplyVoltage() const;

    /// \param state a state index < NUM_STATES \return its name ("idle", "cca-busy", ...)
    static std::string StateName(uint32_t state);
    /// \param state a state index < NUM_STATES \return the model's current in it (A; 0 off)
    double GetStateCurrent(uint32_t state) const;
    /// \param state a state index < NUM_STATES \return time spent in it up to now (s)
    double GetStateTime(uint32_t state) const;
    /// \param state a state index < NUM_STATES \return energy spent in it up to now (J)
    double GetStateEnergy(uint32_t state) const;
    /// \return the model's total energy up to now (J)
    double GetTotalEnergy() const;
    /// \return the largest power of any state but off: max current x voltage (W)
    double GetMaxPower() const;

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// TotalEnergyConsumption sink. \param oldValue before \param newValue after
    void OnEnergy(double oldValue, double newValue);
    /// \return the index of the model's current state
    uint32_t CurrentState() const;

    Ptr<WifiRadioEnergyModel> m_model;         //!< the radio's model
    double m_voltage{0};                       //!< supply voltage
    std::array<double, NUM_STATES> m_time{};   //!< booked time per state
    std::array<double, NUM_STATES> m_energy{}; //!< booked energy per state
    double m_booked{0};                        //!< booked energy, all states
    Time m_last;                               //!< time of the last booking
};

} // namespace ns3

#endif // CODED_LEARNING_RADIO_ENERGY_METER_H
