// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CPU_MODEL_H
#define CODED_LEARNING_CPU_MODEL_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \brief The dynamic energy of a worker's CPU, in the form edge-learning papers use:
 *
 *   cycles C = cyclesPerSample * samples,   time C / f,   energy E = kappa * C * f^2,
 *   power while computing P = kappa * f^3,
 *
 * with kappa the effective switched capacitance (J s^2 per cycle), f the clock frequency
 * (Hz) and cyclesPerSample the cycles one training sample costs (the forward pass and the
 * gradient). E is the energy above the board's idle power (doc/energy.rst).
 *
 * Presets (Preset()) bundle a device's three numbers with their source: "rpi4", a Raspberry
 * Pi 4 Model B measured by J. Geerling (kappa from the power drawn under HPL over idle,
 * per core), and "yang2021", the simulation settings of Yang et al., Energy Efficient
 * Federated Learning Over Wireless Communication Networks, IEEE TWC 2021.
 */
class CpuModel
{
  public:
    /// A CPU with kappa = 2.4e-28, 2e4 cycles per sample and f = 1.8 GHz (the "rpi4" preset).
    CpuModel();

    /**
     * \param kappa the effective switched capacitance (J s^2 per cycle), finite and > 0
     * \param cyclesPerSample cycles per training sample, finite and > 0
     * \param frequency the clock frequency (Hz), finite and > 0
     * \throws std::invalid_argument naming the parameter, its value and what is allowed
     */
    CpuModel(double kappa, double cyclesPerSample, double frequency);

    /**
     * \param name one of PresetNames()
     * \return the preset's CPU
     * \throws std::invalid_argument for another name, listing the presets
     */
    static CpuModel Preset(const std::string& name);

    /// \return the names of the presets, the default ("rpi4") first
    static std::vector<std::string> PresetNames();

    /**
     * \param name one of PresetNames()
     * \return where the preset's numbers come from, one line
     * \throws std::invalid_argument for another name
     */
    static std::string PresetSource(const std::string& name);

    /// \return kappa (J s^2 per cycle)
    double Kappa() const;
    /// \return cycles per training sample
    double CyclesPerSample() const;
    /// \return the clock frequency (Hz)
    double Frequency() const;

    /// \param samples training samples \return the cycles they cost
    double Cycles(uint64_t samples) const;
    /// \param cycles CPU cycles, >= 0 \return their energy kappa * cycles * f^2 (J)
    double Energy(double cycles) const;
    /// \param cycles CPU cycles, >= 0 \return their time cycles / f (s)
    double Time(double cycles) const;
    /// \return the power while computing, kappa * f^3 (W)
    double Power() const;

  private:
    double m_kappa;           //!< effective switched capacitance
    double m_cyclesPerSample; //!< cycles per sample
    double m_frequency;       //!< clock frequency
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_CPU_MODEL_H
