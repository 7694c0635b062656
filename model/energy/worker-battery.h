// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WORKER_BATTERY_H
#define CODED_LEARNING_WORKER_BATTERY_H

#include "cpu-energy-model.h"
#include "radio-energy-meter.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief A worker's battery: InitialEnergy joules that its radio (a RadioEnergyMeter, on
 * Wi-Fi) and its CPU (a CpuEnergyModel) drain together; empty, it calls the depletion
 * callback once (EnergyAccountingHelper then stops the worker's application, CPU and radio).
 *
 * The remaining energy is InitialEnergy minus the radio's and the CPU's energies since
 * Start(), both exact at any time. The battery checks it at times that cannot be late: with R
 * joules left and at most P watts drawn (the radio's largest state power plus the CPU's
 * present power, which only changes when the CPU tells), the next check is R / P seconds
 * later, and again whenever the CPU's power changes. The battery is empty at the first check
 * where it could not last another nanosecond at P, so it dies at most about 1 ns late.
 * (ns-3's BasicEnergySource checks only when a device model updates it and at its periodic
 * update, which is why the battery is not one: doc/energy.rst.)
 */
class WorkerBattery : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WorkerBattery();
    ~WorkerBattery() override;

    /**
     * \param radio the radio's meter, or nullptr (no radio energy modelled)
     * \param cpu the CPU
     */
    void SetConsumers(Ptr<RadioEnergyMeter> radio, Ptr<CpuEnergyModel> cpu);

    /// \param callback called once, when the battery is empty
    void SetDepletedCallback(Callback<void> callback);

    /// Starts draining from now (after SetConsumers).
    void Start();

    /// \return the energy left (J; can be a few nanojoules below 0 once empty)
    double GetRemainingEnergy() const;
    /// \return the initial energy (J)
    double GetInitialEnergy() const;
    /// \return whether the battery is empty
    bool IsDepleted() const;
    /// \return when the battery ran empty (zero while not empty)
    Time GetDepletionTime() const;

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// Checks the energy left; schedules the next check or empties the battery.
    void Check();
    /// PowerChanged sink of the CPU. \param watts its new power
    void OnPowerChanged(double watts);
    /// \return the energy drawn since Start() (J)
    double Drawn() const;

    double m_initialEnergy;           //!< InitialEnergy attribute
    Ptr<RadioEnergyMeter> m_radio;    //!< the radio, or nullptr
    Ptr<CpuEnergyModel> m_cpu;        //!< the CPU
    double m_radioAtStart{0};         //!< radio energy at Start()
    double m_cpuAtStart{0};           //!< CPU energy at Start()
    bool m_started{false};            //!< Start() was called
    bool m_depleted{false};           //!< empty
    Time m_depletionTime;             //!< when it ran empty
    EventId m_check;                  //!< the next check
    Callback<void> m_onDepleted;      //!< depletion callback
    TracedCallback<> m_depletedTrace; //!< Depleted trace source
};

} // namespace ns3

#endif // CODED_LEARNING_WORKER_BATTERY_H
