// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_RADIO_ENERGY_METER_H
#define CODED_LEARNING_RADIO_ENERGY_METER_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/wifi-phy-state.h"

#include <array>
#include <string>

namespace ns3
{

class WifiPhy;
class WifiPhyStateHelper;

/**
 * \ingroup coded-learning
 * \brief Time and energy per radio state of one Wi-Fi PHY, integrated from the periods its
 * WifiPhyStateHelper reports on the "State" trace source (start, duration, state).
 *
 * Energy of a period = its duration x the state's current x the supply voltage. The currents
 * and the voltage are given to Attach() (EnergyAccountingHelper takes them from the defaults
 * of ns-3's WifiRadioEnergyModel and BasicEnergySource attributes). The meter installs no
 * ns-3 energy model and schedules no event: ns-3's WifiRadioEnergyModel re-schedules an
 * event at every PHY state change, and the cancelled ones stay in the scheduler until their
 * (far) time (doc/energy.rst).
 *
 * The State trace's periods are contiguous in time except around off (never reported) and
 * sleep; a transmission or channel switch is reported at its start with its whole duration.
 * The meter keeps a booked-until time: a period is booked from there (the part before is an
 * overlap, counted by GetOverlapTime() and not booked twice), a part after now is kept and
 * booked as time passes (a new period reported before its end cuts it), and a gap before a
 * period is booked to off (the only state the trace never reports; counted by
 * GetGapTime()). Read between two reports, the time since the booked-until time counts to
 * the PHY's current state (WifiPhyStateHelper::GetState()); the trace later splits it into
 * what the PHY really did (CCA busy then idle, say), so cumulative readings stay exact at
 * every report and the open part is an estimate only between reports.
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
     * Follows a PHY from now on (call once).
     * \param phy the device's Wi-Fi PHY
     * \param currents the current of each state (A), in the meter's order; off's is ignored (0)
     * \param supplyVoltage the supply voltage (V)
     */
    void Attach(Ptr<WifiPhy> phy,
                const std::array<double, NUM_STATES>& currents,
                double supplyVoltage);

    /// \return the supply voltage (V)
    double GetSupplyVoltage() const;

    /// \param state a state index < NUM_STATES \return its name ("idle", "cca-busy", ...)
    static std::string StateName(uint32_t state);
    /// \param state a WifiPhyState \return its index in the meter's order
    static uint32_t IndexOf(WifiPhyState state);
    /// \param state a state index < NUM_STATES \return the current in it (A; 0 off)
    double GetStateCurrent(uint32_t state) const;
    /// \param state a state index < NUM_STATES \return time spent in it up to now (s)
    double GetStateTime(uint32_t state) const;
    /// \param state a state index < NUM_STATES \return energy spent in it up to now (J)
    double GetStateEnergy(uint32_t state) const;
    /// \return the energy of all states up to now (J)
    double GetTotalEnergy() const;
    /// \return the largest power of any state but off: max current x voltage (W)
    double GetMaxPower() const;
    /// \return the time reported twice by the State trace and booked once (s)
    double GetOverlapTime() const;
    /// \return the time before a reported period that no period covered, booked to off (s)
    double GetGapTime() const;

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// State trace sink. \param start period start \param duration its length \param state it
    void OnState(Time start, Time duration, WifiPhyState state);
    /// Books [from, to) to a state. \param state its index \param from start \param to end
    void Book(uint32_t state, Time from, Time to);
    /// Books the reported part after the booked-until time up to \p until (at most its end).
    /// \param until the time up to which it happened
    void SettleAhead(Time until);
    /// \return the index of the state an unreported time up to now is in
    uint32_t OpenState() const;
    /// \param state a state index \return its time not booked yet, up to now (s)
    double PendingTime(uint32_t state) const;
    /// Stops following the PHY.
    void Detach();

    Ptr<WifiPhyStateHelper> m_state;            //!< the PHY's state helper
    std::array<double, NUM_STATES> m_current{}; //!< current per state (A)
    double m_voltage{0};                        //!< supply voltage (V)
    std::array<double, NUM_STATES> m_time{};    //!< booked time per state (s)
    std::array<double, NUM_STATES> m_energy{};  //!< booked energy per state (J)
    Time m_until;                               //!< everything before is booked
    Time m_aheadEnd;                            //!< end of a reported period past m_until
    uint32_t m_aheadState{0};                   //!< its state
    Time m_overlap;                             //!< time reported twice
    Time m_gap;                                 //!< unreported time before a report
};

} // namespace ns3

#endif // CODED_LEARNING_RADIO_ENERGY_METER_H
