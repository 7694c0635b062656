// SPDX-License-Identifier: GPL-2.0-only
#include "csma-scenario-helper.h"

#include "network-setting-parser.h"

namespace ns3
{

CsmaScenarioHelper::CsmaScenarioHelper()
    : CsmaScenarioHelper(NetworkSettings())
{
}

CsmaScenarioHelper::CsmaScenarioHelper(const NetworkSettings& settings)
    : NetworkScenarioHelper(settings)
{
    SetDataRate(settings.csmaDataRate);
    SetDelay(settings.csmaDelay);
}

std::string
CsmaScenarioHelper::GetKind() const
{
    return "csma";
}

std::string
CsmaScenarioHelper::GetDisplayName() const
{
    return "CSMA";
}

uint32_t
CsmaScenarioHelper::GetMaxWorkers() const
{
    return GetSubnetCapacity();
}

void
CsmaScenarioHelper::SetDataRate(const std::string& rate)
{
    NetworkSettingParser::ParseDataRate("CSMA data rate", rate);
    m_dataRate = NetworkSettingParser::Trim(rate);
}

void
CsmaScenarioHelper::SetDelay(const std::string& delay)
{
    NetworkSettingParser::ParseDelay("CSMA delay", delay);
    m_delay = NetworkSettingParser::Trim(delay);
}

void
CsmaScenarioHelper::InstallDevices(NetworkScenario& scenario)
{
    m_csma = CsmaHelper();
    m_csma.SetChannelAttribute(
        "DataRate",
        DataRateValue(NetworkSettingParser::ParseDataRate("CSMA data rate", m_dataRate)));
    m_csma.SetChannelAttribute("Delay",
                               TimeValue(NetworkSettingParser::ParseDelay("CSMA delay", m_delay)));
    const NetDeviceContainer devices = m_csma.Install(scenario.nodes);
    scenario.serverDevices.Add(devices.Get(0));
    for (uint32_t i = 1; i < devices.GetN(); ++i)
    {
        scenario.workerDevices.Add(devices.Get(i));
    }
}

int64_t
CsmaScenarioHelper::DoAssignStreams(int64_t stream)
{
    return m_csma.AssignStreams(GetScenario().devices, stream);
}

void
CsmaScenarioHelper::DoEnablePcap(const std::string& prefix)
{
    m_csma.EnablePcap(prefix, GetScenario().devices, false);
}

} // namespace ns3
