// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_COMPUTE_ENERGY_LEDGER_H
#define CODED_LEARNING_COMPUTE_ENERGY_LEDGER_H

#include "cpu-model.h"

#include <cstdint>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \brief The work one worker's CPU did, task by task, and its energy (CpuModel).
 *
 * A task of s samples that runs for the drawn compute time T costs C = cyclesPerSample * s
 * cycles, spread evenly over [start, start + T]: at time t it has done
 * C * min(1, (t - start) / T) cycles (all C at once when T = 0). A task stopped early (the
 * server cancelled it, or the worker stopped) keeps the cycles done up to the stop; a task
 * stopped at or after start + T counts whole. While a task runs the CPU draws
 * E(C) / T = kappa C f^2 / T; the rest of T beyond C / f is, in this model, time the worker
 * waits (the compute-time model's straggling), not extra cycles.
 *
 * Times are seconds on any common clock (the simulator's). One task at a time.
 */
class ComputeEnergyLedger
{
  public:
    /// \param cpu the worker's CPU
    explicit ComputeEnergyLedger(const CpuModel& cpu);

    /**
     * A task starts.
     * \param now the time
     * \param samples its training samples
     * \param duration its compute time T (s), finite and >= 0
     * \throws std::logic_error if a task is running; std::invalid_argument for a bad duration
     *         or a time before the last stop
     */
    void Start(double now, uint64_t samples, double duration);

    /**
     * The running task stops (finished, cancelled or the worker stopped): it keeps the cycles
     * done up to now.
     * \param now the time, >= its start
     * \throws std::logic_error if no task is running; std::invalid_argument for a time before
     *         its start
     */
    void Stop(double now);

    /**
     * The running task ran to its end (its compute time passed): it counts whole. Use this,
     * not Stop(now), for a finished task: times in seconds may round below start + T.
     * \param now the time, >= its start
     * \throws std::logic_error if no task is running; std::invalid_argument for a time before
     *         its start
     */
    void Finish(double now);

    /// \return whether a task is running
    bool IsRunning() const;
    /// \param now a time >= the last start \return the cycles done up to now
    double Cycles(double now) const;
    /// \param now a time >= the last start \return the energy of the cycles done up to now (J)
    double Energy(double now) const;
    /// \param now a time \return the power the CPU draws at now (W; 0 when idle)
    double Power(double now) const;
    /// \return tasks that ran to their end (Finish, or Stop at or after start + T)
    uint32_t TasksFinished() const;
    /// \return tasks stopped before their end
    uint32_t TasksStopped() const;
    /// \return the CPU
    const CpuModel& Cpu() const;

  private:
    /// \param now a time \return the fraction of the running task done at now, in [0, 1]
    double Fraction(double now) const;

    CpuModel m_cpu;         //!< the CPU
    double m_cycles{0};     //!< cycles of the tasks that stopped
    bool m_running{false};  //!< a task runs
    double m_start{0};      //!< its start
    double m_duration{0};   //!< its compute time
    double m_taskCycles{0}; //!< its cycles
    double m_lastStop{0};   //!< time of the last stop
    uint32_t m_finished{0}; //!< tasks run to their end
    uint32_t m_stopped{0};  //!< tasks stopped early
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_COMPUTE_ENERGY_LEDGER_H
