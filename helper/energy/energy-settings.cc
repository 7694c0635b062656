// SPDX-License-Identifier: GPL-2.0-only
#include "energy-settings.h"

#include "ns3/command-line-checks.h"
#include "ns3/command-line.h"
#include "ns3/network-setting-parser.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace ns3
{

namespace
{

/**
 * \param flag the flag, e.g. "battery"
 * \param text its value: one number or a comma-separated list of n
 * \param numWorkers n
 * \param unit the unit and range the numbers must have, e.g. "J >= 0"
 * \param zeroAllowed whether 0 is allowed
 * \return n values (one value repeated n times)
 * \throws std::invalid_argument naming the flag, the value and what is allowed
 */
std::vector<double>
ParseList(const std::string& flag,
          const std::string& text,
          uint32_t numWorkers,
          const std::string& unit,
          bool zeroAllowed)
{
    const std::string allowed = "one number (" + unit +
                                ") or a comma-separated list of n = " + std::to_string(numWorkers) +
                                " of them";
    const std::vector<std::string> entries = NetworkSettingParser::SplitList(text);
    if (entries.size() != 1 && entries.size() != numWorkers)
    {
        throw std::invalid_argument("--" + flag + "=" + text + ": " +
                                    std::to_string(entries.size()) +
                                    " values; allowed: " + allowed);
    }
    std::vector<double> values;
    for (const auto& e : entries)
    {
        char* end = nullptr;
        const double v = e.empty() ? std::nan("") : std::strtod(e.c_str(), &end);
        const bool number = !e.empty() && end && *end == '\0' && std::isfinite(v);
        if (!number || v < 0.0 || (!zeroAllowed && v == 0.0))
        {
            throw std::invalid_argument("--" + flag + "=" + text + ": '" + e +
                                        "' is not allowed; allowed: " + allowed);
        }
        values.push_back(v);
    }
    if (values.size() == 1)
    {
        values.assign(numWorkers, values[0]);
    }
    return values;
}

} // namespace

void
EnergySettings::AddFlags(CommandLine& cmd)
{
    cmd.AddValue("energy",
                 "Account the energy of the workers' radios (Wi-Fi), CPUs and batteries "
                 "(doc/energy.rst)",
                 enabled);
    cmd.AddValue("cpuProfile", "CPU preset of the workers: rpi4 or yang2021", cpuProfile);
    cmd.AddValue("cpuFrequency",
                 "CPU frequency in Hz, one value or one per worker comma-separated (empty = the "
                 "preset's)",
                 cpuFrequency);
    cmd.AddValue("kappa",
                 "Effective switched capacitance kappa in J s^2 per cycle (0 = the preset's)",
                 kappa);
    cmd.AddValue("cyclesPerSample",
                 "CPU cycles per training sample (0 = the preset's)",
                 cyclesPerSample);
    cmd.AddValue("cpuTime",
                 "Compute time: model (--computeUnitMs) or cycles (UnitTime_i = "
                 "cyclesPerSample x samples per partition / f_i)",
                 cpuTime);
    cmd.AddValue("battery",
                 "Battery of each worker in J, one value or one per worker comma-separated "
                 "(0 = none; empty = no batteries); a worker whose battery is empty stops",
                 battery);
}

void
EnergySettings::Validate(uint32_t numWorkers) const
{
    CommandLineChecks::RequireOneOf("cpuProfile", cpuProfile, coded::CpuModel::PresetNames());
    CommandLineChecks::RequireOneOf("cpuTime", cpuTime, {"model", "cycles"});
    CommandLineChecks::RequireRange("kappa", kappa, 0.0, 1e-20);
    CommandLineChecks::RequireRange("cyclesPerSample", cyclesPerSample, 0.0, 1e9);
    CpuModels(numWorkers);
    Batteries(numWorkers);
    if (!enabled && !battery.empty())
    {
        throw std::invalid_argument("--battery=" + battery +
                                    ": batteries need the energy accounting (--energy=true)");
    }
}

std::vector<coded::CpuModel>
EnergySettings::CpuModels(uint32_t numWorkers) const
{
    const coded::CpuModel preset = coded::CpuModel::Preset(cpuProfile);
    std::vector<double> frequencies(numWorkers, preset.Frequency());
    if (!cpuFrequency.empty())
    {
        frequencies = ParseList("cpuFrequency", cpuFrequency, numWorkers, "Hz > 0", false);
    }
    std::vector<coded::CpuModel> cpus;
    for (double f : frequencies)
    {
        cpus.emplace_back(kappa > 0.0 ? kappa : preset.Kappa(),
                          cyclesPerSample > 0.0 ? cyclesPerSample : preset.CyclesPerSample(),
                          f);
    }
    return cpus;
}

std::vector<double>
EnergySettings::Batteries(uint32_t numWorkers) const
{
    if (battery.empty())
    {
        return std::vector<double>(numWorkers, 0.0);
    }
    return ParseList("battery", battery, numWorkers, "J >= 0", true);
}

bool
EnergySettings::HasBatteries(uint32_t numWorkers) const
{
    for (double b : Batteries(numWorkers))
    {
        if (b > 0.0)
        {
            return true;
        }
    }
    return false;
}

} // namespace ns3
