// SPDX-License-Identifier: GPL-2.0-only
#include "network-scenario-helper.h"

#include "network-setting-parser.h"

#include "ns3/arp-cache.h"
#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/flow-monitor.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/static-arp-pair.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NetworkScenarioHelper");

NetworkScenarioHelper::NetworkScenarioHelper(const NetworkSettings& settings)
    : m_numWorkers(0), // the settings are applied by the setters below
      m_uplinkLoss(0),
      m_downlinkLoss(0),
      m_burstLength(0),
      m_prefixLength(0),
      m_arpPendingQueueSize(0),
      m_staticArp(true),
      m_hasServerQueueDisc(false),
      m_built(false),
      m_flowMonitorEnabled(false),
      m_readySignal(Create<NetworkReadySignal>())
{
    NS_LOG_FUNCTION(this);
    SetNumWorkers(settings.numWorkers);
    SetUplinkLossRate(settings.uplinkLossRate);
    SetDownlinkLossRate(settings.downlinkLossRate);
    SetLossModel(settings.lossModel);
    SetLossBurstLength(settings.lossBurstLength);
    SetIpv4Network(settings.ipv4Network);
    SetArpPendingQueueSize(settings.arpPendingQueueSize);
    SetStaticArp(settings.staticArp);
}

NetworkScenarioHelper::~NetworkScenarioHelper()
{
    NS_LOG_FUNCTION(this);
}

void
NetworkScenarioHelper::SetNumWorkers(uint32_t n)
{
    if (n == 0)
    {
        throw std::invalid_argument("number of workers 0 is invalid (allowed: at least 1)");
    }
    m_numWorkers = n;
}

uint32_t
NetworkScenarioHelper::GetNumWorkers() const
{
    return m_numWorkers;
}

void
NetworkScenarioHelper::SetUplinkLossRate(double rate)
{
    if (!(rate >= 0 && rate <= 1))
    {
        throw std::invalid_argument("uplink loss rate " + NetworkSettingParser::NumberText(rate) +
                                    " is invalid (allowed: 0 to 1)");
    }
    m_uplinkLoss = rate;
}

void
NetworkScenarioHelper::SetDownlinkLossRate(double rate)
{
    if (!(rate >= 0 && rate <= 1))
    {
        throw std::invalid_argument("downlink loss rate " + NetworkSettingParser::NumberText(rate) +
                                    " is invalid (allowed: 0 to 1)");
    }
    m_downlinkLoss = rate;
}

void
NetworkScenarioHelper::SetLossModel(const std::string& model)
{
    if (model != "rate" && model != "burst")
    {
        throw std::invalid_argument("loss model '" + model + "' is unknown (allowed: rate, burst)");
    }
    m_lossModel = model;
}

void
NetworkScenarioHelper::SetLossBurstLength(uint32_t packets)
{
    if (packets == 0)
    {
        throw std::invalid_argument("loss burst length 0 is invalid (allowed: at least 1 packet)");
    }
    m_burstLength = packets;
}

void
NetworkScenarioHelper::SetIpv4Network(const std::string& network)
{
    uint32_t address = 0;
    uint32_t prefix = 0;
    const bool ok = NetworkSettingParser::ParseCidr(network, address, prefix) && prefix >= 8 &&
                    prefix <= 30 && (address & ~(0xffffffffu << (32 - prefix))) == 0;
    if (!ok)
    {
        throw std::invalid_argument(
            "IPv4 network '" + network +
            "' is invalid (allowed: a.b.c.d/prefix with a prefix of 8 to 30 bits and zero host "
            "bits, e.g. 10.1.0.0/16)");
    }
    m_network = Ipv4Address(address);
    m_mask = Ipv4Mask(0xffffffffu << (32 - prefix));
    m_prefixLength = prefix;
}

void
NetworkScenarioHelper::SetArpPendingQueueSize(uint32_t packets)
{
    if (packets == 0)
    {
        throw std::invalid_argument(
            "ARP pending queue size 0 is invalid (allowed: at least 1 packet)");
    }
    m_arpPendingQueueSize = packets;
}

void
NetworkScenarioHelper::SetStaticArp(bool enable)
{
    m_staticArp = enable;
}

void
NetworkScenarioHelper::SetServerQueueDisc(const TrafficControlHelper& tch)
{
    m_serverQueueDisc = tch;
    m_hasServerQueueDisc = true;
}

Ipv4Address
NetworkScenarioHelper::GetNetworkAddress() const
{
    return m_network;
}

Ipv4Mask
NetworkScenarioHelper::GetNetworkMask() const
{
    return m_mask;
}

uint32_t
NetworkScenarioHelper::GetPrefixLength() const
{
    return m_prefixLength;
}

uint32_t
NetworkScenarioHelper::GetSubnetCapacity() const
{
    // network, broadcast and server addresses excluded
    return (1u << (32 - m_prefixLength)) - 3;
}

const NetworkScenario&
NetworkScenarioHelper::GetScenario() const
{
    return m_scenario;
}

Ptr<NetworkReadySignal>
NetworkScenarioHelper::GetReadySignal() const
{
    return m_readySignal;
}

std::string
NetworkScenarioHelper::AddressPlanUnit() const
{
    return "one subnet";
}

std::string
NetworkScenarioHelper::TooManyWorkersMessage(uint32_t maxWorkers) const
{
    std::ostringstream plan;
    plan << m_network << "/" << m_prefixLength;
    return "number of workers " + std::to_string(m_numWorkers) + " exceeds the " +
           GetDisplayName() + " address plan " + plan.str() + " (allowed: at most " +
           std::to_string(maxWorkers) + " workers, " + AddressPlanUnit() +
           "; give a shorter prefix to SetIpv4Network, e.g. 10.1.0.0/16)";
}

void
NetworkScenarioHelper::Validate() const
{
    const uint32_t maxWorkers = GetMaxWorkers();
    if (m_numWorkers > maxWorkers)
    {
        throw std::invalid_argument(TooManyWorkersMessage(maxWorkers));
    }
    DoValidate();
}

void
NetworkScenarioHelper::DoValidate() const
{
}

void
NetworkScenarioHelper::RequireBuilt(const std::string& method) const
{
    if (!m_built)
    {
        throw std::logic_error("NetworkScenarioHelper::" + method +
                               " needs the network: call Build() first");
    }
}

NetworkScenario
NetworkScenarioHelper::Build()
{
    NS_LOG_FUNCTION(this);
    if (m_built)
    {
        throw std::logic_error(
            "NetworkScenarioHelper::Build() was already called (use one helper per network)");
    }
    Validate();

    NetworkScenario scenario;
    scenario.kind = GetKind();
    NodeContainer server;
    server.Create(1);
    scenario.server = server.Get(0);
    scenario.workers.Create(m_numWorkers);
    scenario.nodes.Add(server);
    scenario.nodes.Add(scenario.workers);

    InstallDevices(scenario);
    scenario.devices.Add(scenario.serverDevices);
    scenario.devices.Add(scenario.workerDevices);
    scenario.devices.Add(scenario.relayDevices);
    InstallErrorModels(scenario);
    InstallInternet(scenario);
    ScheduleReady();
    m_scenario = scenario;
    m_built = true;
    return scenario;
}

void
NetworkScenarioHelper::InstallInternet(NetworkScenario& scenario)
{
    // Reset(), not "m_internet = InternetStackHelper()": ns-3's copy assignment overwrites
    // the routing helpers it owns without deleting them (found by valgrind, doc/hardening.rst).
    m_internet.Reset();
    m_internet.SetIpv6StackInstall(false);
    m_internet.Install(scenario.nodes);

    // Before Ipv4AddressHelper::Assign, which installs ns-3's default root queue disc on
    // every device that has none yet.
    if (m_hasServerQueueDisc)
    {
        scenario.serverQueueDiscs = m_serverQueueDisc.Install(scenario.serverDevices);
    }

    AssignAddresses(scenario);

    for (uint32_t n = 0; n < scenario.nodes.GetN(); ++n)
    {
        Ptr<Ipv4L3Protocol> ipv4 = scenario.nodes.Get(n)->GetObject<Ipv4L3Protocol>();
        for (uint32_t i = 0; i < ipv4->GetNInterfaces(); ++i)
        {
            Ptr<ArpCache> cache = ipv4->GetInterface(i)->GetArpCache();
            if (cache)
            {
                cache->SetAttribute("PendingQueueSize", UintegerValue(m_arpPendingQueueSize));
            }
        }
    }

    if (m_staticArp)
    {
        // The server knows every worker, every worker knows the server.
        for (uint32_t i = 0; i < m_numWorkers; ++i)
        {
            AddStaticArpPair(StaticArpPair{scenario.workerDevices.Get(i),
                                           scenario.workerAddresses[i],
                                           scenario.serverDevices.Get(0),
                                           scenario.serverAddresses[i]});
        }
    }
}

void
NetworkScenarioHelper::AssignAddresses(NetworkScenario& scenario)
{
    Ipv4AddressHelper address(m_network, m_mask);
    const Ipv4InterfaceContainer server = address.Assign(scenario.serverDevices);
    const Ipv4InterfaceContainer workers = address.Assign(scenario.workerDevices);
    scenario.serverAddresses.assign(m_numWorkers, server.GetAddress(0));
    for (uint32_t i = 0; i < m_numWorkers; ++i)
    {
        scenario.workerAddresses.push_back(workers.GetAddress(i));
    }
}

void
NetworkScenarioHelper::AddStaticArpPair(const StaticArpPair& pair)
{
    pair.Install();
}

void
NetworkScenarioHelper::ScheduleReady()
{
    Simulator::Schedule(Seconds(0), &NetworkReadySignal::Fire, m_readySignal);
}

Ptr<ErrorModel>
NetworkScenarioHelper::CreateErrorModel(double rate) const
{
    if (m_lossModel == "burst")
    {
        // BurstErrorModel draws a burst start for every packet, so with bursts of exactly B
        // packets a packet passes iff none of the last B draws started a burst:
        // loss = 1 - (1 - q)^B, hence q = 1 - (1 - loss)^(1/B).
        const double burstStart = 1.0 - std::pow(1.0 - rate, 1.0 / m_burstLength);
        Ptr<BurstErrorModel> model = CreateObject<BurstErrorModel>();
        model->SetAttribute("ErrorRate", DoubleValue(burstStart));
        model->SetAttribute("BurstSize",
                            PointerValue(CreateObjectWithAttributes<ConstantRandomVariable>(
                                "Constant",
                                DoubleValue(static_cast<double>(m_burstLength)))));
        return model;
    }
    Ptr<RateErrorModel> model = CreateObject<RateErrorModel>();
    model->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
    model->SetRate(rate);
    return model;
}

void
NetworkScenarioHelper::InstallErrorModels(const NetworkScenario& scenario)
{
    for (int direction = 0; direction < 2; ++direction)
    {
        const bool uplink = direction == 0;
        const double rate = uplink ? m_uplinkLoss : m_downlinkLoss;
        if (rate <= 0)
        {
            continue;
        }
        const NetDeviceContainer& receivers =
            uplink ? scenario.serverDevices : scenario.workerDevices;
        for (uint32_t i = 0; i < receivers.GetN(); ++i)
        {
            Ptr<ErrorModel> model = CreateErrorModel(rate);
            AttachErrorModel(receivers.Get(i), model);
            m_errorModels.push_back(model);
        }
    }
}

void
NetworkScenarioHelper::AttachErrorModel(Ptr<NetDevice> device, Ptr<ErrorModel> model)
{
    device->SetAttribute("ReceiveErrorModel", PointerValue(model));
}

int64_t
NetworkScenarioHelper::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    RequireBuilt("AssignStreams()");
    if (m_scenario.ideal)
    {
        return 0;
    }
    int64_t current = stream;
    current += m_internet.AssignStreams(m_scenario.nodes, current);
    current += DoAssignStreams(current);
    for (const auto& model : m_errorModels)
    {
        Ptr<RateErrorModel> rate = DynamicCast<RateErrorModel>(model);
        if (rate)
        {
            current += rate->AssignStreams(current);
        }
        Ptr<BurstErrorModel> burst = DynamicCast<BurstErrorModel>(model);
        if (burst)
        {
            current += burst->AssignStreams(current);
        }
    }
    return current - stream;
}

int64_t
NetworkScenarioHelper::DoAssignStreams(int64_t /* stream */)
{
    return 0;
}

void
NetworkScenarioHelper::EnablePcap(const std::string& prefix)
{
    NS_LOG_FUNCTION(this << prefix);
    RequireBuilt("EnablePcap()");
    DoEnablePcap(prefix);
}

void
NetworkScenarioHelper::EnableFlowMonitor()
{
    NS_LOG_FUNCTION(this);
    RequireBuilt("EnableFlowMonitor()");
    m_flowMonitorEnabled = true;
    if (m_scenario.ideal || m_flowMonitor)
    {
        return;
    }
    m_flowMonitorHelper = std::make_unique<FlowMonitorHelper>();
    m_flowMonitor = m_flowMonitorHelper->Install(m_scenario.nodes);
}

void
NetworkScenarioHelper::SetReadyCallback(Callback<void> callback)
{
    m_readySignal->SetCallback(callback);
}

bool
NetworkScenarioHelper::IsReady() const
{
    return m_readySignal->IsReady();
}

Time
NetworkScenarioHelper::GetReadyTime() const
{
    return m_readySignal->GetReadyTime();
}

uint32_t
NetworkScenarioHelper::GetConnectedWorkers() const
{
    return GetNumWorkers();
}

Ptr<FlowMonitor>
NetworkScenarioHelper::GetFlowMonitor() const
{
    return m_flowMonitor;
}

void
NetworkScenarioHelper::WriteFlowMonitor(const std::string& path, bool histograms)
{
    NS_LOG_FUNCTION(this << path << histograms);
    if (!m_flowMonitorEnabled)
    {
        throw std::logic_error(
            "NetworkScenarioHelper::WriteFlowMonitor() needs EnableFlowMonitor() first");
    }
    std::string xml;
    if (m_flowMonitor)
    {
        m_flowMonitor->CheckForLostPackets();
        xml = m_flowMonitorHelper->SerializeToXmlString(2, histograms, false);
    }
    else
    {
        // "ideal": no packets, hence no flows.
        xml = "<?xml version=\"1.0\" ?>\n<FlowMonitor>\n  <FlowStats>\n  </FlowStats>\n"
              "  <Ipv4FlowClassifier>\n  </Ipv4FlowClassifier>\n</FlowMonitor>\n";
    }
    std::ofstream out(path.c_str());
    out << xml;
    out.close();
    if (!out)
    {
        throw std::runtime_error("cannot write the flow monitor file '" + path + "'");
    }
}

} // namespace ns3
