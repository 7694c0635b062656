// SPDX-License-Identifier: GPL-2.0-only
#include "cpu-model.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

namespace
{

/// A preset: its name, its three numbers and their source.
struct PresetEntry
{
    const char* name;       //!< the preset's name
    double kappa;           //!< J s^2 per cycle
    double cyclesPerSample; //!< cycles per sample
    double frequency;       //!< Hz
    const char* source;     //!< where the numbers come from
};

/// The presets, the default first (doc/energy.rst derives each number).
const PresetEntry PRESETS[] = {
    {"rpi4",
     2.4e-28,
     2e4,
     1.8e9,
     "Raspberry Pi 4 Model B (4 Cortex-A72 cores at 1.8 GHz), measured by J. Geerling "
     "(github.com/geerlingguy/sbc-reviews issue 4): 1.6 W idle, 7.2 W under HPL at 1.64 Gflop/W; "
     "kappa = (7.2 - 1.6) W / 4 cores / f^3; 2e4 cycles per sample"},
    {"yang2021",
     1e-28,
     2e4,
     2e9,
     "Yang et al., Energy Efficient Federated Learning Over Wireless Communication Networks, "
     "IEEE TWC 20(3), 2021, simulation settings: kappa = 1e-28, 1e4..3e4 cycles per sample "
     "(midpoint), at most 2 GHz"},
};

/// \return the text of a number \param v the number
std::string
Text(double v)
{
    std::ostringstream os;
    os << v;
    return os.str();
}

/// Throws unless v is finite and > 0. \param name the parameter \param v its value
void
RequirePositive(const char* name, double v)
{
    if (!std::isfinite(v) || v <= 0.0)
    {
        throw std::invalid_argument(std::string("CpuModel: ") + name + " = " + Text(v) +
                                    " must be finite and > 0");
    }
}

/// \param name a preset's name \return its entry \throws std::invalid_argument if unknown
const PresetEntry&
Find(const std::string& name)
{
    for (const auto& p : PRESETS)
    {
        if (name == p.name)
        {
            return p;
        }
    }
    std::string names;
    for (const auto& p : PRESETS)
    {
        names += (names.empty() ? "" : ", ") + std::string(p.name);
    }
    throw std::invalid_argument("CpuModel: no preset '" + name + "' (presets: " + names + ")");
}

} // namespace

CpuModel::CpuModel()
    : CpuModel(Preset(PRESETS[0].name))
{
}

CpuModel::CpuModel(double kappa, double cyclesPerSample, double frequency)
    : m_kappa(kappa),
      m_cyclesPerSample(cyclesPerSample),
      m_frequency(frequency)
{
    RequirePositive("kappa", kappa);
    RequirePositive("cyclesPerSample", cyclesPerSample);
    RequirePositive("frequency", frequency);
}

CpuModel
CpuModel::Preset(const std::string& name)
{
    const PresetEntry& p = Find(name);
    return CpuModel(p.kappa, p.cyclesPerSample, p.frequency);
}

std::vector<std::string>
CpuModel::PresetNames()
{
    std::vector<std::string> names;
    for (const auto& p : PRESETS)
    {
        names.emplace_back(p.name);
    }
    return names;
}

std::string
CpuModel::PresetSource(const std::string& name)
{
    return Find(name).source;
}

double
CpuModel::Kappa() const
{
    return m_kappa;
}

double
CpuModel::CyclesPerSample() const
{
    return m_cyclesPerSample;
}

double
CpuModel::Frequency() const
{
    return m_frequency;
}

double
CpuModel::Cycles(uint64_t samples) const
{
    return m_cyclesPerSample * static_cast<double>(samples);
}

double
CpuModel::Energy(double cycles) const
{
    return m_kappa * cycles * m_frequency * m_frequency;
}

double
CpuModel::Time(double cycles) const
{
    return cycles / m_frequency;
}

double
CpuModel::Power() const
{
    return m_kappa * m_frequency * m_frequency * m_frequency;
}

} // namespace coded
} // namespace ns3
