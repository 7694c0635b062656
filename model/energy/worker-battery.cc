// SPDX-License-Identifier: GPL-2.0-only
#include "worker-battery.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WorkerBattery");

NS_OBJECT_ENSURE_REGISTERED(WorkerBattery);

TypeId
WorkerBattery::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::WorkerBattery")
            .SetParent<Object>()
            .SetGroupName("CodedLearning")
            .AddConstructor<WorkerBattery>()
            .AddAttribute("InitialEnergy",
                          "Energy stored at the start (J).",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&WorkerBattery::m_initialEnergy),
                          MakeDoubleChecker<double>(1e-300))
            .AddTraceSource("Depleted",
                            "The battery ran empty (once).",
                            MakeTraceSourceAccessor(&WorkerBattery::m_depletedTrace),
                            "ns3::TracedCallback::Void");
    return tid;
}

WorkerBattery::WorkerBattery()
    : m_initialEnergy(10.0)
{
    NS_LOG_FUNCTION(this);
}

WorkerBattery::~WorkerBattery() = default;

void
WorkerBattery::SetConsumers(Ptr<RadioEnergyMeter> radio, Ptr<CpuEnergyModel> cpu)
{
    NS_ABORT_MSG_IF(!cpu, "WorkerBattery::SetConsumers: no CPU");
    NS_ABORT_MSG_IF(m_started, "WorkerBattery::SetConsumers: after Start()");
    m_radio = radio;
    m_cpu = cpu;
}

void
WorkerBattery::SetDepletedCallback(Callback<void> callback)
{
    m_onDepleted = callback;
}

void
WorkerBattery::Start()
{
    NS_ABORT_MSG_IF(!m_cpu, "WorkerBattery::Start: SetConsumers first");
    NS_ABORT_MSG_IF(m_started, "WorkerBattery::Start: called twice");
    m_started = true;
    m_radioAtStart = m_radio ? m_radio->GetTotalEnergy() : 0.0;
    m_cpuAtStart = m_cpu->GetTotalEnergyConsumption();
    m_cpu->TraceConnectWithoutContext("PowerChanged",
                                      MakeCallback(&WorkerBattery::OnPowerChanged, this));
    Check();
}

double
WorkerBattery::Drawn() const
{
    const double radio = m_radio ? m_radio->GetTotalEnergy() - m_radioAtStart : 0.0;
    return radio + m_cpu->GetTotalEnergyConsumption() - m_cpuAtStart;
}

double
WorkerBattery::GetRemainingEnergy() const
{
    return m_started ? m_initialEnergy - Drawn() : m_initialEnergy;
}

double
WorkerBattery::GetInitialEnergy() const
{
    return m_initialEnergy;
}

bool
WorkerBattery::IsDepleted() const
{
    return m_depleted;
}

Time
WorkerBattery::GetDepletionTime() const
{
    return m_depletionTime;
}

void
WorkerBattery::OnPowerChanged(double /* watts */)
{
    if (!m_depleted)
    {
        m_check.Cancel();
        Check();
    }
}

void
WorkerBattery::Check()
{
    const double left = GetRemainingEnergy();
    const double power = (m_radio ? m_radio->GetMaxPower() : 0.0) + m_cpu->GetPower();
    const double oneNanosecond = 1e-9;
    const double longestWait = 1e6; // s; keeps the delay far from Time's range
    if (left > 0.0 && power <= 0.0)
    {
        return; // nothing drains: the CPU tells when it starts again
    }
    if (left > power * oneNanosecond)
    {
        m_check = Simulator::Schedule(Seconds(std::min(left / power, longestWait)),
                                      &WorkerBattery::Check,
                                      this);
        return;
    }
    NS_LOG_INFO(Simulator::Now().As(Time::S) << ": battery empty (" << left << " J left)");
    m_depleted = true;
    m_depletionTime = Simulator::Now();
    m_depletedTrace();
    if (!m_onDepleted.IsNull())
    {
        m_onDepleted();
    }
}

void
WorkerBattery::DoDispose()
{
    m_check.Cancel();
    m_radio = nullptr;
    m_cpu = nullptr;
    m_onDepleted = MakeNullCallback<void>();
    Object::DoDispose();
}

} // namespace ns3
