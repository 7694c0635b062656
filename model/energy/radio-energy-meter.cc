// SPDX-License-Identifier: GPL-2.0-only
#include "radio-energy-meter.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/wifi-radio-energy-model.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RadioEnergyMeter");

NS_OBJECT_ENSURE_REGISTERED(RadioEnergyMeter);

namespace
{

/// \param state a WifiPhyState \return its index in the meter's order
uint32_t
IndexOf(WifiPhyState state)
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
        return 6; // OFF
    }
}

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

RadioEnergyMeter::~RadioEnergyMeter() = default;

void
RadioEnergyMeter::Attach(Ptr<WifiRadioEnergyModel> model, double supplyVoltage)
{
    NS_ABORT_MSG_IF(m_model, "RadioEnergyMeter::Attach: called twice");
    NS_ABORT_MSG_IF(!model, "RadioEnergyMeter::Attach: no model");
    m_model = model;
    m_voltage = supplyVoltage;
    m_last = Simulator::Now();
    m_model->TraceConnectWithoutContext("TotalEnergyConsumption",
                                        MakeCallback(&RadioEnergyMeter::OnEnergy, this));
}

Ptr<WifiRadioEnergyModel>
RadioEnergyMeter::GetModel() const
{
    return m_model;
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

uint32_t
RadioEnergyMeter::CurrentState() const
{
    return IndexOf(m_model->GetCurrentState());
}

void
RadioEnergyMeter::OnEnergy(double oldValue, double newValue)
{
    // Called inside WifiRadioEnergyModel::ChangeState before it sets the new state: the
    // increase belongs to the state it leaves.
    const uint32_t state = CurrentState();
    const Time now = Simulator::Now();
    m_time[state] += (now - m_last).GetSeconds();
    m_energy[state] += newValue - oldValue;
    m_booked += newValue - oldValue;
    m_last = now;
}

double
RadioEnergyMeter::GetStateCurrent(uint32_t state) const
{
    switch (state)
    {
    case 0:
        return m_model->GetIdleCurrentA();
    case 1:
        return m_model->GetCcaBusyCurrentA();
    case 2:
        return m_model->GetTxCurrentA();
    case 3:
        return m_model->GetRxCurrentA();
    case 4:
        return m_model->GetSwitchingCurrentA();
    case 5:
        return m_model->GetSleepCurrentA();
    case 6:
        return 0.0;
    }
    NS_ABORT_MSG("RadioEnergyMeter: no state " << state);
    return 0.0;
}

double
RadioEnergyMeter::GetStateTime(uint32_t state) const
{
    NS_ABORT_MSG_IF(state >= NUM_STATES, "RadioEnergyMeter: no state " << state);
    double t = m_time[state];
    if (state == CurrentState())
    {
        t += (Simulator::Now() - m_last).GetSeconds();
    }
    return t;
}

double
RadioEnergyMeter::GetStateEnergy(uint32_t state) const
{
    NS_ABORT_MSG_IF(state >= NUM_STATES, "RadioEnergyMeter: no state " << state);
    double e = m_energy[state];
    if (state == CurrentState())
    {
        e += GetTotalEnergy() - m_booked;
    }
    return e;
}

double
RadioEnergyMeter::GetTotalEnergy() const
{
    return m_model->GetTotalEnergyConsumption();
}

double
RadioEnergyMeter::GetMaxPower() const
{
    double current = 0.0;
    for (uint32_t s = 0; s + 1 < NUM_STATES; ++s)
    {
        current = std::max(current, GetStateCurrent(s));
    }
    return current * m_voltage;
}

void
RadioEnergyMeter::DoDispose()
{
    m_model = nullptr;
    Object::DoDispose();
}

} // namespace ns3
