// SPDX-License-Identifier: GPL-2.0-only
#include "point-to-point-scenario-helper.h"

#include "network-setting-parser.h"

#include "ns3/ipv4-address-helper.h"

#include <stdexcept>

namespace ns3
{

PointToPointScenarioHelper::PointToPointScenarioHelper()
    : PointToPointScenarioHelper(NetworkSettings())
{
}

PointToPointScenarioHelper::PointToPointScenarioHelper(const NetworkSettings& settings)
    : NetworkScenarioHelper(settings)
{
    SetDataRates(settings.p2pDataRates);
    SetDelays(settings.p2pDelays);
}

std::string
PointToPointScenarioHelper::GetKind() const
{
    return "p2p";
}

std::string
PointToPointScenarioHelper::GetDisplayName() const
{
    return "p2p";
}

std::string
PointToPointScenarioHelper::AddressPlanUnit() const
{
    return "one /30 subnet per link";
}

uint32_t
PointToPointScenarioHelper::GetMaxWorkers() const
{
    return 1u << (30 - GetPrefixLength());
}

void
PointToPointScenarioHelper::SetDataRates(const std::string& rates)
{
    const auto entries = NetworkSettingParser::SplitList(rates);
    for (const auto& entry : entries)
    {
        NetworkSettingParser::ParseDataRate("p2p data rate", entry);
    }
    m_rates = entries;
}

void
PointToPointScenarioHelper::SetDelays(const std::string& delays)
{
    const auto entries = NetworkSettingParser::SplitList(delays);
    for (const auto& entry : entries)
    {
        NetworkSettingParser::ParseDelay("p2p delay", entry);
    }
    m_delays = entries;
}

std::vector<std::string>
PointToPointScenarioHelper::PerWorker(const std::string& what,
                                      const std::vector<std::string>& entries) const
{
    const uint32_t n = GetNumWorkers();
    if (entries.size() != 1 && entries.size() != n)
    {
        throw std::invalid_argument(
            "p2p " + what + " list '" + NetworkSettingParser::Join(entries, ",") + "' has " +
            std::to_string(entries.size()) + " entries for " + std::to_string(n) +
            " workers (allowed: one value for all links or exactly " + std::to_string(n) +
            " comma-separated values)");
    }
    std::vector<std::string> perWorker;
    for (uint32_t i = 0; i < n; ++i)
    {
        perWorker.push_back(entries[entries.size() == 1 ? 0 : i]);
    }
    return perWorker;
}

std::vector<DataRate>
PointToPointScenarioHelper::ExpandRates() const
{
    std::vector<DataRate> rates;
    for (const auto& rate : PerWorker("data rate", m_rates))
    {
        rates.push_back(NetworkSettingParser::ParseDataRate("p2p data rate", rate));
    }
    return rates;
}

std::vector<Time>
PointToPointScenarioHelper::ExpandDelays() const
{
    std::vector<Time> delays;
    for (const auto& delay : PerWorker("delay", m_delays))
    {
        delays.push_back(NetworkSettingParser::ParseDelay("p2p delay", delay));
    }
    return delays;
}

void
PointToPointScenarioHelper::DoValidate() const
{
    ExpandRates();
    ExpandDelays();
}

void
PointToPointScenarioHelper::InstallDevices(NetworkScenario& scenario)
{
    const std::vector<DataRate> rates = ExpandRates();
    const std::vector<Time> delays = ExpandDelays();
    m_p2p = PointToPointHelper();
    for (uint32_t i = 0; i < GetNumWorkers(); ++i)
    {
        m_p2p.SetDeviceAttribute("DataRate", DataRateValue(rates[i]));
        m_p2p.SetChannelAttribute("Delay", TimeValue(delays[i]));
        const NetDeviceContainer link = m_p2p.Install(scenario.server, scenario.workers.Get(i));
        scenario.serverDevices.Add(link.Get(0));
        scenario.workerDevices.Add(link.Get(1));
    }
}

void
PointToPointScenarioHelper::AssignAddresses(NetworkScenario& scenario)
{
    for (uint32_t i = 0; i < GetNumWorkers(); ++i)
    {
        Ipv4AddressHelper address(Ipv4Address(GetNetworkAddress().Get() + 4 * i),
                                  Ipv4Mask("255.255.255.252"));
        const Ipv4InterfaceContainer link = address.Assign(
            NetDeviceContainer(scenario.serverDevices.Get(i), scenario.workerDevices.Get(i)));
        scenario.serverAddresses.push_back(link.GetAddress(0));
        scenario.workerAddresses.push_back(link.GetAddress(1));
    }
}

void
PointToPointScenarioHelper::AddStaticArpPair(const StaticArpPair& /* pair */)
{
}

void
PointToPointScenarioHelper::DoEnablePcap(const std::string& prefix)
{
    m_p2p.EnablePcap(prefix, GetScenario().devices);
}

} // namespace ns3
