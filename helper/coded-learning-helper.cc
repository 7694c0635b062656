// SPDX-License-Identifier: GPL-2.0-only
#include "coded-learning-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/ideal-message-transport.h"
#include "ns3/ipv4.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/tcp-message-transport.h"
#include "ns3/udp-message-transport.h"
#include "ns3/uinteger.h"

#include <stdexcept>

namespace ns3
{

CodedLearningHelper::CodedLearningHelper()
{
    m_serverFactory.SetTypeId(ParameterServerApplication::GetTypeId());
    m_workerFactory.SetTypeId(WorkerApplication::GetTypeId());
    m_computeFactory.SetTypeId(ComputeTimeModel::GetTypeId());
    m_udpFactory.SetTypeId(UdpMessageTransport::GetTypeId());
    m_tcpFactory.SetTypeId(TcpMessageTransport::GetTypeId());
}

void
CodedLearningHelper::SetLearningSetup(Ptr<LearningSetup> setup)
{
    m_setup = setup;
}

void
CodedLearningHelper::SetCodingParameters(const coded::CodingParameters& params)
{
    m_coding = params;
}

void
CodedLearningHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_serverFactory.Set(name, value);
}

void
CodedLearningHelper::SetWorkerAttribute(const std::string& name, const AttributeValue& value)
{
    m_workerFactory.Set(name, value);
}

void
CodedLearningHelper::SetComputeTimeAttribute(const std::string& name, const AttributeValue& value)
{
    m_computeFactory.Set(name, value);
}

void
CodedLearningHelper::SetTransport(const std::string& kind)
{
    if (kind != "udp" && kind != "tcp")
    {
        throw std::invalid_argument("transport '" + kind + "' is unknown; allowed: udp, tcp");
    }
    m_transport = kind;
}

void
CodedLearningHelper::SetTransportAttribute(const std::string& name, const AttributeValue& value)
{
    TypeId::AttributeInformation info;
    bool found = false;
    if (UdpMessageTransport::GetTypeId().LookupAttributeByName(name, &info))
    {
        m_udpFactory.Set(name, value);
        found = true;
    }
    if (TcpMessageTransport::GetTypeId().LookupAttributeByName(name, &info))
    {
        m_tcpFactory.Set(name, value);
        found = true;
    }
    if (!found)
    {
        throw std::invalid_argument("transport attribute '" + name +
                                    "' exists on neither ns3::UdpMessageTransport nor "
                                    "ns3::TcpMessageTransport");
    }
}

void
CodedLearningHelper::SetSlowWorkers(const std::vector<uint32_t>& workers, double slowdown)
{
    if (!(slowdown >= 1.0))
    {
        throw std::invalid_argument("slow-down factor " + std::to_string(slowdown) +
                                    ": must be >= 1");
    }
    m_slowWorkers = workers;
    m_slowdown = slowdown;
}

void
CodedLearningHelper::SetPort(uint16_t port)
{
    m_port = port;
}

void
CodedLearningHelper::SetModelDelivery(const std::string& kind)
{
    ModelDistributor::ParseMode(kind); // throws for anything else
    m_modelDelivery = kind;
}

void
CodedLearningHelper::SetAdmission(Ptr<LyapunovSlotScheduler> scheduler)
{
    m_admission = scheduler;
}

ApplicationContainer
CodedLearningHelper::Install(const NetworkScenario& scenario)
{
    if (!m_setup || !m_setup->IsReady())
    {
        throw std::logic_error("CodedLearningHelper::Install: SetLearningSetup() first");
    }
    const uint32_t n = scenario.workers.GetN();
    for (uint32_t w : m_slowWorkers)
    {
        if (w >= n)
        {
            throw std::invalid_argument("slow worker " + std::to_string(w) + " does not exist (" +
                                        std::to_string(n) + " workers)");
        }
    }
    const bool broadcast = m_modelDelivery == "broadcast";
    if (broadcast && (scenario.ideal || (scenario.kind != "wifi" && scenario.kind != "csma")))
    {
        throw std::invalid_argument("model delivery 'broadcast' needs one subnet with link-layer "
                                    "broadcast (network wifi or csma), not '" +
                                    scenario.kind + "'");
    }
    if (broadcast && scenario.backhaulDevices.GetN() > 0)
    {
        throw std::invalid_argument("model delivery 'broadcast' needs the server on the "
                                    "workers' subnet, not behind a backhaul");
    }
    if (broadcast && m_transport != "udp")
    {
        throw std::invalid_argument("model delivery 'broadcast' needs the udp transport, not '" +
                                    m_transport + "'");
    }
    ApplicationContainer apps;
    m_server = m_serverFactory.Create<ParameterServerApplication>();
    m_workers.clear();
    Ptr<MessageTransport> serverTransport;
    std::vector<Ptr<MessageTransport>> workerTransports(n);
    if (scenario.ideal)
    {
        Ptr<IdealMessageTransport> s = CreateObject<IdealMessageTransport>();
        s->SetNode(scenario.server);
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<IdealMessageTransport> w = CreateObject<IdealMessageTransport>();
            w->SetNode(scenario.workers.Get(i));
            w->AddPeer(s, i);
            s->AddPeer(w, 0);
            workerTransports[i] = w;
        }
        serverTransport = s;
    }
    else
    {
        std::vector<Address> workerAddresses;
        for (uint32_t i = 0; i < n; ++i)
        {
            workerAddresses.push_back(scenario.workerAddresses[i]);
        }
        if (m_transport == "tcp")
        {
            Ptr<TcpMessageTransport> s = m_tcpFactory.Create<TcpMessageTransport>();
            s->Setup(scenario.server, m_port, workerAddresses, true);
            serverTransport = s;
            for (uint32_t i = 0; i < n; ++i)
            {
                Ptr<TcpMessageTransport> w = m_tcpFactory.Create<TcpMessageTransport>();
                w->Setup(scenario.workers.Get(i), m_port, {scenario.serverAddresses[i]}, false);
                w->SetLocalIndex(static_cast<uint16_t>(i));
                workerTransports[i] = w;
            }
        }
        else
        {
            Ptr<UdpMessageTransport> s = m_udpFactory.Create<UdpMessageTransport>();
            s->Setup(scenario.server, m_port, workerAddresses, true);
            if (broadcast)
            {
                Ptr<Ipv4> ipv4 = scenario.server->GetObject<Ipv4>();
                const int32_t i = ipv4->GetInterfaceForAddress(scenario.serverAddresses[0]);
                NS_ABORT_MSG_IF(i < 0, "the server has no interface with its address");
                s->SetBroadcastAddress(ipv4->GetAddress(i, 0).GetBroadcast());
            }
            serverTransport = s;
            for (uint32_t i = 0; i < n; ++i)
            {
                Ptr<UdpMessageTransport> w = m_udpFactory.Create<UdpMessageTransport>();
                w->Setup(scenario.workers.Get(i), m_port, {scenario.serverAddresses[i]}, false);
                workerTransports[i] = w;
            }
        }
    }
    m_serverTransport = serverTransport;
    m_workerTransports = workerTransports;
    m_server->SetAttribute("ModelDelivery", StringValue(m_modelDelivery));
    m_server->Setup(m_setup, serverTransport, n, m_coding);
    m_server->SetAdmission(m_admission);
    scenario.server->AddApplication(m_server);
    apps.Add(m_server);
    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<WorkerApplication> w = m_workerFactory.Create<WorkerApplication>();
        w->SetAttribute("Index", UintegerValue(i));
        w->SetAttribute("UplinkAdmission", BooleanValue(m_admission != nullptr));
        w->SetAttribute("ModelRepair", BooleanValue(broadcast));
        Ptr<ComputeTimeModel> model = m_computeFactory.Create<ComputeTimeModel>();
        w->SetAttribute("ComputeTimeModel", PointerValue(model));
        w->Setup(m_setup, workerTransports[i]);
        scenario.workers.Get(i)->AddApplication(w);
        apps.Add(w);
        m_workers.push_back(w);
    }
    for (uint32_t s : m_slowWorkers)
    {
        m_workers[s]->GetComputeTimeModel()->SetAttribute("SlowdownFactor",
                                                          DoubleValue(m_slowdown));
    }
    return apps;
}

Ptr<ParameterServerApplication>
CodedLearningHelper::GetServer() const
{
    return m_server;
}

const std::vector<Ptr<WorkerApplication>>&
CodedLearningHelper::GetWorkers() const
{
    return m_workers;
}

Ptr<MessageTransport>
CodedLearningHelper::GetServerTransport() const
{
    return m_serverTransport;
}

Ptr<MessageTransport>
CodedLearningHelper::GetWorkerTransport(uint32_t i) const
{
    if (i >= m_workerTransports.size())
    {
        throw std::out_of_range("CodedLearningHelper::GetWorkerTransport: no worker " +
                                std::to_string(i) + " (" +
                                std::to_string(m_workerTransports.size()) + " installed)");
    }
    return m_workerTransports[i];
}

int64_t
CodedLearningHelper::AssignStreams(int64_t stream)
{
    int64_t current = stream;
    if (m_server)
    {
        current += m_server->AssignStreams(current);
    }
    for (auto& w : m_workers)
    {
        current += w->AssignStreams(current);
    }
    return current - stream;
}

} // namespace ns3
