// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ENERGY_SETTINGS_H
#define CODED_LEARNING_ENERGY_SETTINGS_H

#include "ns3/cpu-model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class CommandLine;

/**
 * \ingroup coded-learning
 * \brief The energy accounting of a run (EnergyAccountingHelper): on or off, the workers'
 * CPUs (a coded::CpuModel preset, overridden per parameter, with one frequency or one per
 * worker), how the compute time relates to the CPU, and the batteries.
 * CodedLearningRunSettings::energy; the flags of coded-learning-sim (doc/energy.rst).
 */
struct EnergySettings
{
    /// Account radio, compute and battery energy (--energy).
    bool enabled{true};
    /// The CPU preset, one of coded::CpuModel::PresetNames() (--cpuProfile).
    std::string cpuProfile{"rpi4"};
    /// CPU frequency in Hz: empty = the preset's; one value, or one per worker, comma-separated
    /// (--cpuFrequency).
    std::string cpuFrequency;
    /// kappa (J s^2 per cycle); 0 = the preset's (--kappa).
    double kappa{0.0};
    /// Cycles per training sample; 0 = the preset's (--cyclesPerSample).
    double cyclesPerSample{0.0};
    /// "model": the compute time is the ComputeTimeModel's (--computeUnitMs); "cycles": each
    /// worker's UnitTime is cyclesPerSample x (samples per partition) / f_i (--cpuTime).
    std::string cpuTime{"model"};
    /// Battery of each worker in J: empty = none; one value, or one per worker, comma-separated;
    /// 0 = that worker has none (--battery).
    std::string battery;

    /**
     * Declares the energy flags on the fields (which must outlive the parse).
     * \param cmd the program's command line
     */
    void AddFlags(CommandLine& cmd);

    /**
     * Checks the names, numbers and list lengths.
     * \param numWorkers n
     * \throws std::invalid_argument naming the flag, the value and what is allowed
     */
    void Validate(uint32_t numWorkers) const;

    /**
     * \param numWorkers n
     * \return worker i's CPU, i < n
     * \throws std::invalid_argument as Validate()
     */
    std::vector<coded::CpuModel> CpuModels(uint32_t numWorkers) const;

    /**
     * \param numWorkers n
     * \return worker i's battery in J (0 = none), i < n
     * \throws std::invalid_argument as Validate()
     */
    std::vector<double> Batteries(uint32_t numWorkers) const;

    /// \param numWorkers n \return whether some worker has a battery (> 0 J)
    bool HasBatteries(uint32_t numWorkers) const;
};

} // namespace ns3

#endif // CODED_LEARNING_ENERGY_SETTINGS_H
