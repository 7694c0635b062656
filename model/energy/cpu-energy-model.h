// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CPU_ENERGY_MODEL_H
#define CODED_LEARNING_CPU_ENERGY_MODEL_H

#include "compute-energy-ledger.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <memory>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The compute energy of one worker (a coded::ComputeEnergyLedger on the simulator's
 * clock): E = Kappa * cycles * Frequency^2 with cycles = CyclesPerSample * samples, counting
 * only the work done (a task stopped early counts up to the stop).
 *
 * EnergyAccountingHelper feeds it from the worker's ComputeStarted and ComputeEnded trace
 * sources (TaskStarted, then TaskFinished or TaskStopped). The attributes are read when the first
 * task starts; defaults are the "rpi4" preset of coded::CpuModel (doc/energy.rst gives their
 * sources).
 */
class CpuEnergyModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    CpuEnergyModel();
    ~CpuEnergyModel() override;

    /**
     * A task starts computing now.
     * \param samples its training samples
     * \param computeTime its drawn compute time (>= 0)
     */
    void TaskStarted(uint64_t samples, Time computeTime);

    /// The running task ran to its end (now).
    void TaskFinished();

    /// The running task stops now, before its end (cancelled, or the worker stopped).
    void TaskStopped();

    /// \return the CPU this model prices (from the attributes)
    coded::CpuModel GetCpu() const;
    /// \return the energy of the work done up to now (J)
    double GetTotalEnergyConsumption() const;
    /// \return the cycles done up to now
    double GetCycles() const;
    /// \return the power the CPU draws now (W; 0 when idle)
    double GetPower() const;
    /// \return tasks that ran to their end
    uint32_t GetTasksFinished() const;
    /// \return tasks stopped before their end
    uint32_t GetTasksStopped() const;

    /**
     * TracedCallback signature of a change of the CPU's power.
     * \param watts the power drawn from now on (W)
     */
    typedef void (*PowerTracedCallback)(double watts);

  private:
    /// \return the ledger, made from the attributes on first use
    coded::ComputeEnergyLedger& Ledger() const;

    double m_kappa;                                               //!< Kappa attribute
    double m_cyclesPerSample;                                     //!< CyclesPerSample attribute
    double m_frequency;                                           //!< Frequency attribute
    mutable std::unique_ptr<coded::ComputeEnergyLedger> m_ledger; //!< the work done
    TracedValue<double> m_totalEnergy;                            //!< energy at the last change
    TracedCallback<double> m_powerChanged;                        //!< power changes
};

} // namespace ns3

#endif // CODED_LEARNING_CPU_ENERGY_MODEL_H
