// SPDX-License-Identifier: GPL-2.0-only
#include "ideal-scenario-helper.h"

namespace ns3
{

IdealScenarioHelper::IdealScenarioHelper()
    : IdealScenarioHelper(NetworkSettings())
{
}

IdealScenarioHelper::IdealScenarioHelper(const NetworkSettings& settings)
    : NetworkScenarioHelper(settings)
{
}

std::string
IdealScenarioHelper::GetKind() const
{
    return "ideal";
}

std::string
IdealScenarioHelper::GetDisplayName() const
{
    return "ideal";
}

uint32_t
IdealScenarioHelper::GetMaxWorkers() const
{
    return GetSubnetCapacity();
}

void
IdealScenarioHelper::InstallDevices(NetworkScenario& scenario)
{
    scenario.ideal = true;
}

void
IdealScenarioHelper::InstallInternet(NetworkScenario& scenario)
{
    // Nominal addresses of the single-subnet plan, assigned to no interface.
    const uint32_t base = GetNetworkAddress().Get();
    scenario.serverAddresses.assign(GetNumWorkers(), Ipv4Address(base + 1));
    for (uint32_t i = 0; i < GetNumWorkers(); ++i)
    {
        scenario.workerAddresses.emplace_back(base + 2 + i);
    }
}

void
IdealScenarioHelper::DoEnablePcap(const std::string& /* prefix */)
{
}

} // namespace ns3
