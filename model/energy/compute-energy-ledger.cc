// SPDX-License-Identifier: GPL-2.0-only
#include "compute-energy-ledger.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

namespace
{

/// \return "ComputeEnergyLedger::<method>: <what> = <value> <rule>"
std::string
Message(const char* method, const char* what, double value, const char* rule)
{
    std::ostringstream os;
    os << "ComputeEnergyLedger::" << method << ": " << what << " = " << value << ' ' << rule;
    return os.str();
}

} // namespace

ComputeEnergyLedger::ComputeEnergyLedger(const CpuModel& cpu)
    : m_cpu(cpu)
{
}

void
ComputeEnergyLedger::Start(double now, uint64_t samples, double duration)
{
    if (m_running)
    {
        throw std::logic_error("ComputeEnergyLedger::Start: a task is already running");
    }
    if (!std::isfinite(duration) || duration < 0.0)
    {
        throw std::invalid_argument(
            Message("Start", "duration", duration, "must be finite and >= 0 s"));
    }
    if (!std::isfinite(now) || now < m_lastStop)
    {
        throw std::invalid_argument(
            Message("Start", "now", now, "must be finite and not before the last stop"));
    }
    m_running = true;
    m_start = now;
    m_duration = duration;
    m_taskCycles = m_cpu.Cycles(samples);
}

void
ComputeEnergyLedger::Stop(double now)
{
    if (!m_running)
    {
        throw std::logic_error("ComputeEnergyLedger::Stop: no task is running");
    }
    if (!std::isfinite(now) || now < m_start)
    {
        throw std::invalid_argument(
            Message("Stop", "now", now, "must be finite and not before the task's start"));
    }
    const double fraction = Fraction(now);
    m_cycles += m_taskCycles * fraction;
    if (fraction >= 1.0)
    {
        ++m_finished;
    }
    else
    {
        ++m_stopped;
    }
    m_running = false;
    m_lastStop = now;
}

void
ComputeEnergyLedger::Finish(double now)
{
    if (!m_running)
    {
        throw std::logic_error("ComputeEnergyLedger::Finish: no task is running");
    }
    if (!std::isfinite(now) || now < m_start)
    {
        throw std::invalid_argument(
            Message("Finish", "now", now, "must be finite and not before the task's start"));
    }
    m_cycles += m_taskCycles;
    ++m_finished;
    m_running = false;
    m_lastStop = now;
}

double
ComputeEnergyLedger::Fraction(double now) const
{
    if (m_duration <= 0.0)
    {
        return 1.0;
    }
    return std::min(1.0, std::max(0.0, (now - m_start) / m_duration));
}

bool
ComputeEnergyLedger::IsRunning() const
{
    return m_running;
}

double
ComputeEnergyLedger::Cycles(double now) const
{
    return m_running ? m_cycles + m_taskCycles * Fraction(now) : m_cycles;
}

double
ComputeEnergyLedger::Energy(double now) const
{
    return m_cpu.Energy(Cycles(now));
}

double
ComputeEnergyLedger::Power(double now) const
{
    if (!m_running || m_duration <= 0.0 || now >= m_start + m_duration)
    {
        return 0.0;
    }
    return m_cpu.Energy(m_taskCycles) / m_duration;
}

uint32_t
ComputeEnergyLedger::TasksFinished() const
{
    return m_finished;
}

uint32_t
ComputeEnergyLedger::TasksStopped() const
{
    return m_stopped;
}

const CpuModel&
ComputeEnergyLedger::Cpu() const
{
    return m_cpu;
}

} // namespace coded
} // namespace ns3
