// SPDX-License-Identifier: GPL-2.0-only
#include "energy-accounting-helper.h"

#include "ns3/abort.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/double.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/wifi-remote-station-manager.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <locale>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EnergyAccountingHelper");

namespace
{

constexpr double NOT_A_NUMBER = std::numeric_limits<double>::quiet_NaN();

/// The WifiRadioEnergyModel attribute of each radio state but off, in RadioEnergyMeter order.
const char* const CURRENT_ATTRIBUTES[] = {"IdleCurrentA",
                                          "CcaBusyCurrentA",
                                          "TxCurrentA",
                                          "RxCurrentA",
                                          "SwitchingCurrentA",
                                          "SleepCurrentA"};

/**
 * \param typeName a TypeId's name
 * \param attribute a double attribute
 * \return its default value now (after Config::SetDefault and --ns3:: flags)
 */
double
DefaultDouble(const std::string& typeName, const std::string& attribute)
{
    TypeId tid;
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_IF(!TypeId::LookupByNameFailSafe(typeName, &tid) ||
                        !tid.LookupAttributeByName(attribute, &info),
                    "no attribute " << attribute << " in " << typeName);
    Ptr<const DoubleValue> value = DynamicCast<const DoubleValue>(info.initialValue);
    NS_ABORT_MSG_IF(!value, typeName << "::" << attribute << " is not a double");
    return value->Get();
}

/// \return the supply voltage of the radios: ns-3's BasicEnergySource default (V)
double
SupplyVoltage()
{
    return DefaultDouble(CODED_LEARNING_ENERGY_TYPE_ID("BasicEnergySource"),
                         "BasicEnergySupplyVoltageV");
}

/**
 * Checks that every radio state draws at least MIN_STATE_POWER.
 * \throws std::invalid_argument naming the attribute, its value and what is allowed
 */
void
CheckRadioCurrents()
{
    const double voltage = SupplyVoltage();
    for (const char* attribute : CURRENT_ATTRIBUTES)
    {
        const double current = DefaultDouble("ns3::WifiRadioEnergyModel", attribute);
        const double power = current * voltage;
        if (!std::isfinite(power) || power < EnergyAccountingHelper::MIN_STATE_POWER)
        {
            std::ostringstream os;
            os << "ns3::WifiRadioEnergyModel::" << attribute << " = " << current
               << " A at the supply voltage " << voltage
               << " V: every radio state must draw at least "
               << EnergyAccountingHelper::MIN_STATE_POWER << " W (current x voltage)";
            throw std::invalid_argument(os.str());
        }
    }
}

/// Writes a number (10 significant digits), or nothing for NaN. \param os the stream \param v it
void
Number(std::ostream& os, double v)
{
    if (!std::isnan(v))
    {
        os << v;
    }
}

/// Brings down the IPv4 interface of a worker's device. \param device the device
void
InterfaceDown(Ptr<NetDevice> device)
{
    Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
    const int32_t iface = ipv4 ? ipv4->GetInterfaceForDevice(device) : -1;
    if (iface >= 0)
    {
        ipv4->SetDown(static_cast<uint32_t>(iface));
    }
}

/// Starts a task in the CPU model (ComputeStarted sink).
void
OnComputeStarted(Ptr<CpuEnergyModel> cpu,
                 uint32_t /* iteration */,
                 uint32_t /* task */,
                 uint64_t samples,
                 Time computeTime)
{
    cpu->TaskStarted(samples, computeTime);
}

/// Ends the running task in the CPU model (ComputeEnded sink): finished when it computed for
/// its whole compute time (compared as Times, exactly), else stopped early.
void
OnComputeEnded(Ptr<CpuEnergyModel> cpu,
               uint32_t /* iteration */,
               uint32_t /* task */,
               uint64_t /* samples */,
               Time computeTime,
               Time elapsed)
{
    if (elapsed >= computeTime)
    {
        cpu->TaskFinished();
    }
    else
    {
        cpu->TaskStopped();
    }
}

} // namespace

EnergyAccountingHelper::EnergyAccountingHelper(const EnergySettings& settings)
    : m_settings(settings)
{
}

EnergyAccountingHelper::~EnergyAccountingHelper() = default;

void
EnergyAccountingHelper::Install(const NetworkScenario& scenario,
                                const std::vector<Ptr<WorkerApplication>>& workers)
{
    NS_ABORT_MSG_IF(m_installed, "EnergyAccountingHelper::Install: called twice");
    NS_ABORT_MSG_IF(workers.size() != scenario.workers.GetN(),
                    "EnergyAccountingHelper::Install: " << workers.size() << " workers for a "
                                                        << scenario.workers.GetN()
                                                        << "-worker network");
    const auto n = static_cast<uint32_t>(workers.size());
    const std::vector<coded::CpuModel> cpus = m_settings.CpuModels(n);
    const std::vector<double> batteries = m_settings.Batteries(n);
    const bool wifi = scenario.kind == "wifi";
    if (wifi)
    {
        CheckRadioCurrents();
    }
    m_installed = true;
    m_scenario = scenario;
    m_workers = workers;
    m_nodes.resize(n + 1);
    for (uint32_t i = 0; i < n; ++i)
    {
        Account& node = m_nodes[i];
        if (wifi)
        {
            node.radio = InstallRadio(scenario.workerDevices.Get(i));
        }
        node.cpu = CreateObject<CpuEnergyModel>();
        node.cpu->SetAttribute("Kappa", DoubleValue(cpus[i].Kappa()));
        node.cpu->SetAttribute("CyclesPerSample", DoubleValue(cpus[i].CyclesPerSample()));
        node.cpu->SetAttribute("Frequency", DoubleValue(cpus[i].Frequency()));
        workers[i]->TraceConnectWithoutContext("ComputeStarted",
                                               MakeBoundCallback(&OnComputeStarted, node.cpu));
        workers[i]->TraceConnectWithoutContext("ComputeEnded",
                                               MakeBoundCallback(&OnComputeEnded, node.cpu));
        if (batteries[i] > 0.0)
        {
            InstallBattery(i, batteries[i]);
        }
    }
    if (wifi)
    {
        // The access point's radio (its own node behind the server with a backhaul).
        m_nodes[n].radio = InstallRadio(scenario.accessPointDevice);
    }
}

Ptr<RadioEnergyMeter>
EnergyAccountingHelper::InstallRadio(Ptr<NetDevice> device)
{
    Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(device);
    NS_ABORT_MSG_IF(!wifi || !wifi->GetPhy(),
                    "no Wi-Fi PHY on node " << device->GetNode()->GetId());
    // ns-3's WifiRadioEnergyModel and BasicEnergySource are not installed (doc/energy.rst):
    // the meter integrates the PHY's state periods with their currents and voltage.
    std::array<double, RadioEnergyMeter::NUM_STATES> currents{};
    for (uint32_t k = 0; k + 1 < RadioEnergyMeter::NUM_STATES; ++k)
    {
        currents[k] = DefaultDouble("ns3::WifiRadioEnergyModel", CURRENT_ATTRIBUTES[k]);
    }
    Ptr<RadioEnergyMeter> meter = CreateObject<RadioEnergyMeter>();
    meter->Attach(wifi->GetPhy(), currents, SupplyVoltage());
    return meter;
}

void
EnergyAccountingHelper::InstallBattery(uint32_t i, double energy)
{
    Account& node = m_nodes[i];
    node.battery = CreateObject<WorkerBattery>();
    node.battery->SetAttribute("InitialEnergy", DoubleValue(energy));
    node.battery->SetConsumers(node.radio, node.cpu);
    node.battery->SetDepletedCallback(
        MakeBoundCallback(&EnergyAccountingHelper::Depleted, this, i));
    node.battery->Start();
}

void
EnergyAccountingHelper::Depleted(EnergyAccountingHelper* self, uint32_t i)
{
    NS_LOG_INFO(Simulator::Now().As(Time::S) << ": worker " << i << " powers off");
    self->m_workers[i]->PowerOff();
    if (self->m_scenario.kind == "wifi")
    {
        Ptr<WifiNetDevice> station =
            DynamicCast<WifiNetDevice>(self->m_scenario.workerDevices.Get(i));
        Ptr<WifiNetDevice> ap = DynamicCast<WifiNetDevice>(self->m_scenario.accessPointDevice);
        // The access point drops the station (as hostapd's disassoc_low_ack does after failed
        // transmissions): frames for it are dropped instead of retried at the lowest rate,
        // which would stall the cell (doc/hardening.rst, "Wi-Fi station out of range").
        ap->GetMac()->GetWifiRemoteStationManager()->RecordDisassociated(
            Mac48Address::ConvertFrom(station->GetAddress()));
        station->GetPhy()->SetOffMode();
    }
    else if (!self->m_scenario.ideal)
    {
        InterfaceDown(self->m_scenario.workerDevices.Get(i));
    }
}

EnergyAccountingHelper::Snapshot
EnergyAccountingHelper::Take(const Account& node)
{
    Snapshot s;
    if (node.radio)
    {
        s.radio = node.radio->GetTotalEnergy();
        for (uint32_t k = 0; k < RadioEnergyMeter::NUM_STATES; ++k)
        {
            s.time[k] = node.radio->GetStateTime(k);
            s.energy[k] = node.radio->GetStateEnergy(k);
        }
    }
    if (node.cpu)
    {
        s.compute = node.cpu->GetTotalEnergyConsumption();
        s.cycles = node.cpu->GetCycles();
    }
    return s;
}

void
EnergyAccountingHelper::MarkStart()
{
    NS_ABORT_MSG_IF(!m_installed, "EnergyAccountingHelper::MarkStart: Install() first");
    for (auto& node : m_nodes)
    {
        node.start = Take(node);
        node.last = node.start;
    }
    m_marked = true;
}

void
EnergyAccountingHelper::FillIteration(IterationRecord& record)
{
    if (!m_marked)
    {
        MarkStart(); // an iteration ended before the applications' start: an empty window
    }
    const bool radio = IsRadioModelled();
    const auto n = static_cast<uint32_t>(m_workers.size());
    double radioSum = 0.0;
    double computeSum = 0.0;
    double maxWorker = radio ? 0.0 : NOT_A_NUMBER;
    record.alive.clear();
    for (uint32_t i = 0; i <= n; ++i)
    {
        Account& node = m_nodes[i];
        const Snapshot now = Take(node);
        const double radioPart = now.radio - node.last.radio;
        const double computePart = now.compute - node.last.compute;
        node.last = now;
        if (i == n)
        {
            record.serverRadioEnergy = radio ? radioPart : NOT_A_NUMBER;
            continue;
        }
        radioSum += radioPart;
        computeSum += computePart;
        if (radio)
        {
            maxWorker = std::max(maxWorker, radioPart + computePart);
        }
        record.alive += node.battery && node.battery->IsDepleted() ? '0' : '1';
    }
    record.radioEnergy = radio ? radioSum : NOT_A_NUMBER;
    record.computeEnergy = computeSum;
    record.maxWorkerEnergy = maxWorker;
}

bool
EnergyAccountingHelper::IsRadioModelled() const
{
    return !m_nodes.empty() && m_nodes.front().radio;
}

std::vector<double>
EnergyAccountingHelper::PerWorkerEnergy() const
{
    std::vector<double> energy;
    for (size_t i = 0; i + 1 < m_nodes.size(); ++i)
    {
        const Account& node = m_nodes[i];
        energy.push_back(node.radio ? node.last.radio - node.start.radio + node.last.compute -
                                          node.start.compute
                                    : NOT_A_NUMBER);
    }
    return energy;
}

void
EnergyAccountingHelper::WriteCsv(const std::string& path) const
{
    std::ofstream out(path);
    if (!out)
    {
        throw std::runtime_error("cannot write '" + path + "'");
    }
    out.imbue(std::locale::classic());
    out << std::setprecision(10);
    out << "node,role,worker,radio_model,cpu_frequency_hz,kappa,cycles_per_sample,battery_j,"
           "remaining_j,depleted_at_s,tasks_finished,tasks_stopped,cycles,compute_energy_j,"
           "radio_energy_j,energy_j";
    for (const char* unit : {"_s", "_j"})
    {
        for (uint32_t k = 0; k < RadioEnergyMeter::NUM_STATES; ++k)
        {
            std::string name = RadioEnergyMeter::StateName(k);
            std::replace(name.begin(), name.end(), '-', '_');
            out << ',' << name << unit;
        }
    }
    out << '\n';
    for (uint32_t i = 0; i < m_nodes.size(); ++i)
    {
        const bool server = i + 1 == m_nodes.size();
        WriteRow(out, m_nodes[i], server ? "server" : "worker", i);
    }
    out.flush();
    if (!out)
    {
        throw std::runtime_error("write error on '" + path + "'");
    }
}

void
EnergyAccountingHelper::WriteRow(std::ostream& os,
                                 const Account& node,
                                 const std::string& role,
                                 uint32_t index) const
{
    const bool worker = role == "worker";
    Ptr<Node> ns3Node = worker ? m_scenario.workers.Get(index) : m_scenario.server;
    const double radio = node.radio ? node.last.radio - node.start.radio : NOT_A_NUMBER;
    const double compute = worker ? node.last.compute - node.start.compute : NOT_A_NUMBER;
    os << ns3Node->GetId() << ',' << role << ',';
    if (worker)
    {
        os << index;
    }
    os << ',' << (node.radio ? "wifi-radio-energy-model" : "not-modelled") << ',';
    if (worker)
    {
        const coded::CpuModel cpu = node.cpu->GetCpu();
        os << cpu.Frequency() << ',' << cpu.Kappa() << ',' << cpu.CyclesPerSample();
    }
    else
    {
        os << ",,";
    }
    os << ',';
    if (node.battery)
    {
        os << node.battery->GetInitialEnergy() << ',' << node.battery->GetRemainingEnergy() << ',';
        if (node.battery->IsDepleted())
        {
            os << node.battery->GetDepletionTime().GetSeconds();
        }
    }
    else
    {
        os << ",,";
    }
    os << ',';
    if (worker)
    {
        os << node.cpu->GetTasksFinished() << ',' << node.cpu->GetTasksStopped() << ','
           << node.last.cycles - node.start.cycles;
    }
    else
    {
        os << ",,";
    }
    os << ',';
    Number(os, compute);
    os << ',';
    Number(os, radio);
    os << ',';
    Number(os, worker ? radio + compute : radio);
    for (uint32_t k = 0; k < RadioEnergyMeter::NUM_STATES; ++k)
    {
        os << ',';
        Number(os, node.radio ? node.last.time[k] - node.start.time[k] : NOT_A_NUMBER);
    }
    for (uint32_t k = 0; k < RadioEnergyMeter::NUM_STATES; ++k)
    {
        os << ',';
        Number(os, node.radio ? node.last.energy[k] - node.start.energy[k] : NOT_A_NUMBER);
    }
    os << '\n';
}

Ptr<CpuEnergyModel>
EnergyAccountingHelper::GetCpu(uint32_t i) const
{
    NS_ABORT_MSG_IF(i + 1 >= m_nodes.size(), "EnergyAccountingHelper: no worker " << i);
    return m_nodes[i].cpu;
}

Ptr<RadioEnergyMeter>
EnergyAccountingHelper::GetRadio(uint32_t i) const
{
    NS_ABORT_MSG_IF(i + 1 >= m_nodes.size(), "EnergyAccountingHelper: no worker " << i);
    return m_nodes[i].radio;
}

Ptr<RadioEnergyMeter>
EnergyAccountingHelper::GetServerRadio() const
{
    return m_nodes.empty() ? nullptr : m_nodes.back().radio;
}

Ptr<WorkerBattery>
EnergyAccountingHelper::GetBattery(uint32_t i) const
{
    NS_ABORT_MSG_IF(i + 1 >= m_nodes.size(), "EnergyAccountingHelper: no worker " << i);
    return m_nodes[i].battery;
}

uint32_t
EnergyAccountingHelper::GetWorkersDepleted() const
{
    uint32_t n = 0;
    for (const auto& node : m_nodes)
    {
        n += node.battery && node.battery->IsDepleted() ? 1 : 0;
    }
    return n;
}

} // namespace ns3
