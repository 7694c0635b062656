// SPDX-License-Identifier: GPL-2.0-only
#include "run-summary.h"

#include "ns3/admission-metrics.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <locale>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

namespace
{

constexpr double NOT_A_NUMBER = std::numeric_limits<double>::quiet_NaN();

/// Formats a number with 10 significant digits, NaN as "nan" (locale independent).
std::string
Format(double v)
{
    if (std::isnan(v))
    {
        return "nan";
    }
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os << std::setprecision(10) << v;
    return os.str();
}

} // namespace

RunSummary::RunSummary(const Info& info)
    : m_info(info),
      m_finalAccuracy(NOT_A_NUMBER),
      m_finalLoss(NOT_A_NUMBER),
      m_timeToTarget(NOT_A_NUMBER),
      m_iterationsToTarget(NOT_A_NUMBER),
      m_jain(NOT_A_NUMBER),
      m_radioToTarget(NOT_A_NUMBER),
      m_computeToTarget(NOT_A_NUMBER),
      m_jainEnergy(NOT_A_NUMBER),
      m_workersAlive(NOT_A_NUMBER),
      m_loadDone(NOT_A_NUMBER),
      m_storage(NOT_A_NUMBER)
{
    if (!(info.targetAccuracy >= 0.0 && info.targetAccuracy <= 1.0))
    {
        throw std::invalid_argument("RunSummary: targetAccuracy = " + Format(info.targetAccuracy) +
                                    ", must be in [0, 1]");
    }
}

void
RunSummary::Add(const IterationRecord& r)
{
    if (m_durations.empty())
    {
        m_firstStart = r.startTime;
    }
    m_durations.push_back(r.Duration());
    m_decoded += r.decoded ? 1 : 0;
    m_lastEnd = r.endTime;
    m_loadSum += r.computeLoad;
    m_bytesUp += r.bytesUp;
    m_bytesDown += r.bytesDown;
    m_chunksLost += r.chunksLost;
    m_radioEnergy += r.radioEnergy;
    m_computeEnergy += r.computeEnergy;
    m_workersAlive = r.alive.empty() ? NOT_A_NUMBER : r.WorkersAlive();
    if (!std::isnan(r.trainLoss))
    {
        m_finalLoss = r.trainLoss;
    }
    if (!std::isnan(r.testAccuracy))
    {
        m_finalAccuracy = r.testAccuracy;
        if (!m_reached && r.testAccuracy >= m_info.targetAccuracy)
        {
            m_reached = true;
            m_timeToTarget = r.endTime - m_firstStart;
            m_iterationsToTarget = static_cast<double>(m_durations.size());
            m_radioToTarget = m_radioEnergy;
            m_computeToTarget = m_computeEnergy;
        }
    }
}

void
RunSummary::SetPerWorkerData(const std::vector<double>& amounts)
{
    for (size_t i = 0; i < amounts.size(); ++i)
    {
        if (!std::isfinite(amounts[i]) || amounts[i] < 0.0)
        {
            throw std::invalid_argument("RunSummary: per-worker data of worker " +
                                        std::to_string(i) + " = " + Format(amounts[i]) +
                                        ", must be finite and >= 0");
        }
    }
    m_jain = amounts.empty() ? NOT_A_NUMBER : AdmissionMetrics::JainIndex(amounts);
}

void
RunSummary::SetPerWorkerEnergy(const std::vector<double>& energies)
{
    bool modelled = !energies.empty();
    for (size_t i = 0; i < energies.size(); ++i)
    {
        if (std::isnan(energies[i]))
        {
            modelled = false;
        }
        else if (!std::isfinite(energies[i]) || energies[i] < 0.0)
        {
            throw std::invalid_argument("RunSummary: energy of worker " + std::to_string(i) +
                                        " = " + Format(energies[i]) +
                                        ", must be finite and >= 0 (or NaN: not modelled)");
        }
    }
    m_jainEnergy = modelled ? AdmissionMetrics::JainIndex(energies) : NOT_A_NUMBER;
}

void
RunSummary::SetComputeLoadDone(double load)
{
    if (!std::isfinite(load) || load < 0.0)
    {
        throw std::invalid_argument("RunSummary: compute load done = " + Format(load) +
                                    ", must be finite and >= 0");
    }
    m_loadDone = load;
}

void
RunSummary::SetStorageRedundancy(double redundancy)
{
    if (!std::isfinite(redundancy) || redundancy < 0.0)
    {
        throw std::invalid_argument("RunSummary: storage redundancy = " + Format(redundancy) +
                                    ", must be finite and >= 0");
    }
    m_storage = redundancy;
}

const RunSummary::Info&
RunSummary::GetInfo() const
{
    return m_info;
}

uint32_t
RunSummary::Iterations() const
{
    return static_cast<uint32_t>(m_durations.size());
}

uint32_t
RunSummary::DecodedIterations() const
{
    return m_decoded;
}

bool
RunSummary::ReachedTarget() const
{
    return m_reached;
}

double
RunSummary::TimeToTarget() const
{
    return m_timeToTarget;
}

double
RunSummary::IterationsToTarget() const
{
    return m_iterationsToTarget;
}

double
RunSummary::FinalAccuracy() const
{
    return m_finalAccuracy;
}

double
RunSummary::FinalTrainLoss() const
{
    return m_finalLoss;
}

double
RunSummary::MeanIterationTime() const
{
    if (m_durations.empty())
    {
        return NOT_A_NUMBER;
    }
    double sum = 0;
    for (double d : m_durations)
    {
        sum += d;
    }
    return sum / static_cast<double>(m_durations.size());
}

double
RunSummary::P95IterationTime() const
{
    return Quantile(m_durations, 0.95);
}

double
RunSummary::MeanComputeLoad() const
{
    return m_durations.empty() ? NOT_A_NUMBER : m_loadSum / static_cast<double>(m_durations.size());
}

double
RunSummary::ComputeLoadDone() const
{
    return m_durations.empty() ? NOT_A_NUMBER
                               : m_loadDone / static_cast<double>(m_durations.size());
}

double
RunSummary::StorageRedundancy() const
{
    return m_storage;
}

double
RunSummary::UplinkBytesPerIteration() const
{
    return m_durations.empty()
               ? NOT_A_NUMBER
               : static_cast<double>(m_bytesUp) / static_cast<double>(m_durations.size());
}

double
RunSummary::DownlinkBytesPerIteration() const
{
    return m_durations.empty()
               ? NOT_A_NUMBER
               : static_cast<double>(m_bytesDown) / static_cast<double>(m_durations.size());
}

uint64_t
RunSummary::TotalUplinkBytes() const
{
    return m_bytesUp;
}

uint64_t
RunSummary::ChunksLost() const
{
    return m_chunksLost;
}

double
RunSummary::JainAdmitted() const
{
    return m_jain;
}

double
RunSummary::SimTime() const
{
    return m_lastEnd;
}

double
RunSummary::RadioEnergyPerIteration() const
{
    return m_durations.empty() ? NOT_A_NUMBER
                               : m_radioEnergy / static_cast<double>(m_durations.size());
}

double
RunSummary::ComputeEnergyPerIteration() const
{
    return m_durations.empty() ? NOT_A_NUMBER
                               : m_computeEnergy / static_cast<double>(m_durations.size());
}

double
RunSummary::EnergyPerIteration() const
{
    return RadioEnergyPerIteration() + ComputeEnergyPerIteration();
}

double
RunSummary::EnergyToTarget() const
{
    return m_radioToTarget + m_computeToTarget;
}

double
RunSummary::RadioEnergyToTarget() const
{
    return m_radioToTarget;
}

double
RunSummary::ComputeEnergyToTarget() const
{
    return m_computeToTarget;
}

double
RunSummary::TotalEnergy() const
{
    return m_durations.empty() ? NOT_A_NUMBER : m_radioEnergy + m_computeEnergy;
}

double
RunSummary::JainEnergy() const
{
    return m_jainEnergy;
}

double
RunSummary::WorkersAlive() const
{
    return m_workersAlive;
}

std::string
RunSummary::CsvHeader()
{
    return "scheme,network,workers,stragglers,rng_run,iterations,decoded_iterations,"
           "target_accuracy,reached_target,time_to_target_s,iterations_to_target,final_accuracy,"
           "final_train_loss,mean_iteration_time_s,p95_iteration_time_s,mean_compute_load,"
           "compute_load_done,storage_redundancy,"
           "uplink_bytes_per_iteration,downlink_bytes_per_iteration,chunks_lost,jain_admitted,"
           "sim_time_s,radio_energy_per_iteration_j,compute_energy_per_iteration_j,"
           "energy_per_iteration_j,energy_to_target_j,radio_energy_to_target_j,"
           "compute_energy_to_target_j,total_energy_j,jain_energy,workers_alive";
}

std::string
RunSummary::CsvRow() const
{
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os << m_info.scheme << ',' << m_info.network << ',' << m_info.workers << ','
       << (m_info.stragglersUsed ? std::to_string(m_info.stragglers) : "nan") << ','
       << m_info.rngRun << ',' << Iterations() << ',' << DecodedIterations() << ','
       << Format(m_info.targetAccuracy) << ',' << (m_reached ? 1 : 0) << ','
       << Format(m_timeToTarget) << ',' << Format(m_iterationsToTarget) << ','
       << Format(m_finalAccuracy) << ',' << Format(m_finalLoss) << ','
       << Format(MeanIterationTime()) << ',' << Format(P95IterationTime()) << ','
       << Format(MeanComputeLoad()) << ',' << Format(ComputeLoadDone()) << ','
       << Format(StorageRedundancy()) << ',' << Format(UplinkBytesPerIteration()) << ','
       << Format(DownlinkBytesPerIteration()) << ',' << m_chunksLost << ',' << Format(m_jain) << ','
       << Format(m_lastEnd);
    for (double v : {RadioEnergyPerIteration(),
                     ComputeEnergyPerIteration(),
                     EnergyPerIteration(),
                     EnergyToTarget(),
                     RadioEnergyToTarget(),
                     ComputeEnergyToTarget(),
                     TotalEnergy(),
                     JainEnergy(),
                     WorkersAlive()})
    {
        os << ',' << Format(v);
    }
    return os.str();
}

void
RunSummary::WriteCsv(std::ostream& os) const
{
    os << CsvHeader() << '\n' << CsvRow() << '\n';
}

void
RunSummary::WriteCsvFile(const std::string& path) const
{
    std::ofstream out(path);
    if (!out)
    {
        throw std::runtime_error("cannot write '" + path + "'");
    }
    WriteCsv(out);
    out.flush();
    if (!out)
    {
        throw std::runtime_error("write error on '" + path + "'");
    }
}

double
RunSummary::Quantile(std::vector<double> values, double p)
{
    if (!(p >= 0.0 && p <= 1.0))
    {
        throw std::invalid_argument("RunSummary::Quantile: p = " + Format(p) +
                                    ", must be in [0, 1]");
    }
    if (values.empty())
    {
        return NOT_A_NUMBER;
    }
    std::sort(values.begin(), values.end());
    const double h = static_cast<double>(values.size() - 1) * p;
    const auto lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

} // namespace coded
} // namespace ns3
