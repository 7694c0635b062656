// SPDX-License-Identifier: GPL-2.0-only
#include "cpu-energy-model.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CpuEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(CpuEnergyModel);

TypeId
CpuEnergyModel::GetTypeId()
{
    static const coded::CpuModel preset;
    static TypeId tid =
        TypeId("ns3::CpuEnergyModel")
            .SetParent<Object>()
            .SetGroupName("CodedLearning")
            .AddConstructor<CpuEnergyModel>()
            .AddAttribute("Kappa",
                          "Effective switched capacitance kappa (J s^2 per cycle): a cycle at "
                          "frequency f costs kappa f^2 joules.",
                          DoubleValue(preset.Kappa()),
                          MakeDoubleAccessor(&CpuEnergyModel::m_kappa),
                          MakeDoubleChecker<double>(1e-300))
            .AddAttribute("CyclesPerSample",
                          "CPU cycles per training sample (forward pass and gradient).",
                          DoubleValue(preset.CyclesPerSample()),
                          MakeDoubleAccessor(&CpuEnergyModel::m_cyclesPerSample),
                          MakeDoubleChecker<double>(1e-300))
            .AddAttribute("Frequency",
                          "CPU clock frequency f (Hz).",
                          DoubleValue(preset.Frequency()),
                          MakeDoubleAccessor(&CpuEnergyModel::m_frequency),
                          MakeDoubleChecker<double>(1e-300))
            .AddTraceSource("TotalEnergyConsumption",
                            "Energy of the work done (J), updated when a task starts or stops "
                            "(GetTotalEnergyConsumption() adds the running task's part).",
                            MakeTraceSourceAccessor(&CpuEnergyModel::m_totalEnergy),
                            "ns3::TracedValueCallback::Double")
            .AddTraceSource("PowerChanged",
                            "The CPU's power changed (a task started or stopped); the argument "
                            "is the power from now on (W).",
                            MakeTraceSourceAccessor(&CpuEnergyModel::m_powerChanged),
                            "ns3::CpuEnergyModel::PowerTracedCallback");
    return tid;
}

CpuEnergyModel::CpuEnergyModel()
    : m_kappa(0),
      m_cyclesPerSample(0),
      m_frequency(0),
      m_totalEnergy(0.0)
{
    NS_LOG_FUNCTION(this);
}

CpuEnergyModel::~CpuEnergyModel() = default;

coded::ComputeEnergyLedger&
CpuEnergyModel::Ledger() const
{
    if (!m_ledger)
    {
        m_ledger = std::make_unique<coded::ComputeEnergyLedger>(GetCpu());
    }
    return *m_ledger;
}

coded::CpuModel
CpuEnergyModel::GetCpu() const
{
    return m_ledger ? m_ledger->Cpu() : coded::CpuModel(m_kappa, m_cyclesPerSample, m_frequency);
}

void
CpuEnergyModel::TaskStarted(uint64_t samples, Time computeTime)
{
    NS_LOG_FUNCTION(this << samples << computeTime);
    const double now = Simulator::Now().GetSeconds();
    Ledger().Start(now, samples, computeTime.GetSeconds());
    m_totalEnergy = Ledger().Energy(now);
    m_powerChanged(Ledger().Power(now));
}

void
CpuEnergyModel::TaskFinished()
{
    NS_LOG_FUNCTION(this);
    const double now = Simulator::Now().GetSeconds();
    Ledger().Finish(now);
    m_totalEnergy = Ledger().Energy(now);
    m_powerChanged(0.0);
}

void
CpuEnergyModel::TaskStopped()
{
    NS_LOG_FUNCTION(this);
    const double now = Simulator::Now().GetSeconds();
    Ledger().Stop(now);
    m_totalEnergy = Ledger().Energy(now);
    m_powerChanged(0.0);
}

double
CpuEnergyModel::GetTotalEnergyConsumption() const
{
    return Ledger().Energy(Simulator::Now().GetSeconds());
}

double
CpuEnergyModel::GetCycles() const
{
    return Ledger().Cycles(Simulator::Now().GetSeconds());
}

double
CpuEnergyModel::GetPower() const
{
    return Ledger().Power(Simulator::Now().GetSeconds());
}

uint32_t
CpuEnergyModel::GetTasksFinished() const
{
    return Ledger().TasksFinished();
}

uint32_t
CpuEnergyModel::GetTasksStopped() const
{
    return Ledger().TasksStopped();
}

} // namespace ns3
