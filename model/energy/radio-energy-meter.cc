// SPDX-License-Identifier: GPL-2.0-only
#include "radio-energy-meter.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/wifi-phy-state-helper.h"
#include "ns3/wifi-phy.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RadioEnergyMeter");

NS_OBJECT_ENSURE_REGISTERED(RadioEnergyMeter);

namespace
{

/// Index of the off state.
constexpr uint32_t OFF = RadioEnergyMeter::NUM_STATES - 1;

} // namespace

TypeId
RadioEnergyMeter::GetTypeId()
{
    static TypeId tid = TypeId("ns3::RadioEnergyMeter")
                            .SetParent<Object>()
                            .SetGroupName("CodedLearning")
                            .AddConstructor<RadioEnergyMeter>();
    return tid;
}

RadioEnergyMeter::RadioEnergyMeter() = default;

RadioEnergyMeter::~RadioEnergyMeter()
{
    Detach();
}

uint32_t
RadioEnergyMeter::IndexOf(WifiPhyState state)
{
    switch (state)
    {
    case WifiPhyState::IDLE:
        return 0;
    case WifiPhyState::CCA_BUSY:
        return 1;
    case WifiPhyState::TX:
        return 2;
    case WifiPhyState::RX:
        return 3;
    case WifiPhyState::SWITCHING:
        return 4;
    case WifiPhyState::SLEEP:
        return 5;
    default:
        return OFF;
    }
}

void
RadioEnergyMeter::Attach(Ptr<WifiPhy> phy,
                         const std::array<double, NUM_STATES>& currents,
                         double supplyVoltage)
{
    NS_ABORT_MSG_IF(m_state, "RadioEnergyMeter::Attach: called twice");
    NS_ABORT_MSG_IF(!phy || !phy->GetState(), "RadioEnergyMeter::Attach: no Wi-Fi PHY");
    m_state = phy->GetState();
    m_current = currents;
    m_current[OFF] = 0.0;
    m_voltage = supplyVoltage;
    m_until = Simulator::Now();
    m_aheadEnd = m_until;
    m_state->TraceConnectWithoutContext("State", MakeCallback(&RadioEnergyMeter::OnState, this));
}

void
RadioEnergyMeter::Detach()
{
    if (m_state)
    {
        m_state->TraceDisconnectWithoutContext("State",
                                               MakeCallback(&RadioEnergyMeter::OnState, this));
        m_state = nullptr;
    }
}

double
RadioEnergyMeter::GetSupplyVoltage() const
{
    return m_voltage;
}

std::string
RadioEnergyMeter::StateName(uint32_t state)
{
    static const char* names[NUM_STATES] =
        {"idle", "cca-busy", "tx", "rx", "switching", "sleep", "off"};
    NS_ABORT_MSG_IF(state >= NUM_STATES, "RadioEnergyMeter: no state " << state);
    return names[state];
}

void
RadioEnergyMeter::Book(uint32_t state, Time from, Time to)
{
    const double seconds = (to - from).GetSeconds();
    m_time[state] += seconds;
    m_energy[state] += seconds * m_current[state] * m_voltage;
}

void
RadioEnergyMeter::SettleAhead(Time until)
{
    const Time end = std::min(m_aheadEnd, until);
    if (end > m_until)
    {
        Book(m_aheadState, m_until, end);
        m_until = end;
    }
}

void
RadioEnergyMeter::OnState(Time start, Time duration, WifiPhyState state)
{
    const Time now = Simulator::Now();
    const Time end = start + duration;
    // A period reported ahead (a transmission) happened up to now; a new report before its
    // end cuts it (the PHY switched off while transmitting).
    SettleAhead(now);
    m_aheadEnd = m_until;
    if (start > m_until)
    {
        m_gap += start - m_until;
        Book(OFF, m_until, start);
        m_until = start;
    }
    else if (start < m_until)
    {
        m_overlap += std::min(end, m_until) - start;
    }
    const uint32_t index = IndexOf(state);
    const Time booked = std::min(end, now);
    if (booked > m_until)
    {
        Book(index, m_until, booked);
        m_until = booked;
    }
    if (end > m_until)
    {
        m_aheadEnd = end;
        m_aheadState = index;
    }
}

uint32_t
RadioEnergyMeter::OpenState() const
{
    return m_state ? IndexOf(m_state->GetState()) : OFF;
}

double
RadioEnergyMeter::PendingTime(uint32_t state) const
{
    NS_ABORT_MSG_IF(state >= NUM_STATES, "RadioEnergyMeter: no state " << state);
    const Time now = Simulator::Now();
    Time from = m_until;
    double seconds = 0.0;
    if (m_aheadEnd > from)
    {
        const Time end = std::min(m_aheadEnd, now);
        seconds += state == m_aheadState && end > from ? (end - from).GetSeconds() : 0.0;
        from = std::max(from, end);
    }
    if (now > from && state == OpenState())
    {
        seconds += (now - from).GetSeconds();
    }
    return seconds;
}

double
RadioEnergyMeter::GetStateCurrent(uint32_t state) const
{
    NS_ABORT_MSG_IF(state >= NUM_STATES, "RadioEnergyMeter: no state " << state);
    return m_current[state];
}

double
RadioEnergyMeter::GetStateTime(uint32_t state) const
{
    return m_time.at(state) + PendingTime(state);
}

double
RadioEnergyMeter::GetStateEnergy(uint32_t state) const
{
    return m_energy.at(state) + PendingTime(state) * m_current[state] * m_voltage;
}

double
RadioEnergyMeter::GetTotalEnergy() const
{
    double total = 0.0;
    for (uint32_t s = 0; s < NUM_STATES; ++s)
    {
        total += GetStateEnergy(s);
    }
    return total;
}

double
RadioEnergyMeter::GetMaxPower() const
{
    double current = 0.0;
    for (uint32_t s = 0; s < OFF; ++s)
    {
        current = std::max(current, m_current[s]);
    }
    return current * m_voltage;
}

double
RadioEnergyMeter::GetOverlapTime() const
{
    return m_overlap.GetSeconds();
}

double
RadioEnergyMeter::GetGapTime() const
{
    return m_gap.GetSeconds();
}

void
RadioEnergyMeter::DoDispose()
{
    Detach();
    Object::DoDispose();
}

} // namespace ns3
