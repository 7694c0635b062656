// SPDX-License-Identifier: GPL-2.0-only
#include "fault-injection-helper.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/simulator.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FaultInjectionHelper");

namespace
{

/// Brings an interface up or down (scheduled). \param ipv4 the stack \param iface the
/// interface \param up up or down \param worker the worker (for the log)
void
SetInterfaceState(Ptr<Ipv4> ipv4, uint32_t iface, bool up, uint32_t worker)
{
    NS_LOG_INFO(Simulator::Now().As(Time::S)
                << ": worker " << worker << " interface " << iface << (up ? " up" : " down"));
    if (up)
    {
        ipv4->SetUp(iface);
    }
    else
    {
        ipv4->SetDown(iface);
    }
}

/// Moves a node (scheduled). \param mobility its mobility model \param position where to
/// \param worker the worker (for the log)
void
SetPosition(Ptr<MobilityModel> mobility, Vector position, uint32_t worker)
{
    NS_LOG_INFO(Simulator::Now().As(Time::S) << ": worker " << worker << " moves to " << position);
    mobility->SetPosition(position);
}

/// \return the time in seconds as text
std::string
Seconds(Time t)
{
    std::ostringstream os;
    os << t.GetSeconds() << " s";
    return os.str();
}

} // namespace

FaultInjectionHelper::FaultInjectionHelper(const NetworkScenario& scenario,
                                           const std::vector<Ptr<WorkerApplication>>& workers)
    : m_scenario(scenario),
      m_workers(workers)
{
    if (workers.size() != scenario.workers.GetN())
    {
        throw std::invalid_argument("FaultInjectionHelper: " + std::to_string(workers.size()) +
                                    " worker applications for a network of " +
                                    std::to_string(scenario.workers.GetN()) +
                                    " workers; they must be the same number");
    }
}

FaultInjectionHelper::CrashMode
FaultInjectionHelper::ParseCrashMode(const std::string& name)
{
    if (name == "app")
    {
        return APPLICATION;
    }
    if (name == "device")
    {
        return INTERFACE;
    }
    if (name == "both")
    {
        return BOTH;
    }
    throw std::invalid_argument("crash mode '" + name + "' is not one of: app, device, both");
}

void
FaultInjectionHelper::CheckIndex(const char* method, uint32_t index) const
{
    if (index >= m_workers.size())
    {
        throw std::invalid_argument(std::string("FaultInjectionHelper::") + method +
                                    ": worker index " + std::to_string(index) +
                                    " is not a worker; allowed 0.." +
                                    std::to_string(m_workers.size() - 1));
    }
}

void
FaultInjectionHelper::CheckTime(const char* method, const char* what, Time at)
{
    if (at <= Simulator::Now())
    {
        throw std::invalid_argument(std::string("FaultInjectionHelper::") + method + ": " + what +
                                    " = " + Seconds(at) + " is not after the current time " +
                                    Seconds(Simulator::Now()));
    }
}

void
FaultInjectionHelper::RequireInterfaces(const char* method) const
{
    if (m_scenario.ideal || m_scenario.workerDevices.GetN() != m_workers.size())
    {
        throw std::invalid_argument(std::string("FaultInjectionHelper::") + method + ": network '" +
                                    m_scenario.kind +
                                    "' has no worker interfaces; allowed on wifi, csma, p2p");
    }
}

void
FaultInjectionHelper::ScheduleInterface(uint32_t index, Time at, bool up)
{
    Ptr<Node> node = m_scenario.workers.Get(index);
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4, "worker " << index << " has no IPv4 stack");
    const int32_t iface = ipv4->GetInterfaceForDevice(m_scenario.workerDevices.Get(index));
    NS_ABORT_MSG_IF(iface < 0, "worker " << index << "'s device has no IPv4 interface");
    Simulator::Schedule(at - Simulator::Now(),
                        &SetInterfaceState,
                        ipv4,
                        static_cast<uint32_t>(iface),
                        up,
                        index);
}

void
FaultInjectionHelper::CrashWorker(uint32_t index, Time at, CrashMode mode)
{
    CheckIndex("CrashWorker", index);
    CheckTime("CrashWorker", "time", at);
    if (mode != APPLICATION)
    {
        RequireInterfaces("CrashWorker (mode device/both)");
    }
    if (mode != INTERFACE)
    {
        if (m_workers[index]->IsInitialized())
        {
            throw std::logic_error("FaultInjectionHelper::CrashWorker: worker " +
                                   std::to_string(index) +
                                   "'s application is already initialised; schedule the crash "
                                   "before Simulator::Run()");
        }
        m_workers[index]->SetStopTime(at);
    }
    if (mode != APPLICATION)
    {
        ScheduleInterface(index, at, false);
    }
    NS_LOG_INFO("worker " << index << " crashes at " << Seconds(at) << " (mode " << mode << ")");
    ++m_scheduled;
}

void
FaultInjectionHelper::LinkDown(uint32_t index, Time from, Time to)
{
    CheckIndex("LinkDown", index);
    CheckTime("LinkDown", "from", from);
    RequireInterfaces("LinkDown");
    if (!to.IsZero() && to <= from)
    {
        throw std::invalid_argument("FaultInjectionHelper::LinkDown: to = " + Seconds(to) +
                                    " must be after from = " + Seconds(from) +
                                    " (or 0 for no recovery)");
    }
    ScheduleInterface(index, from, false);
    if (!to.IsZero())
    {
        ScheduleInterface(index, to, true);
    }
    ++m_scheduled;
}

Vector
FaultInjectionHelper::GetWorkerPosition(uint32_t index) const
{
    CheckIndex("GetWorkerPosition", index);
    Ptr<MobilityModel> mobility = m_scenario.workers.Get(index)->GetObject<MobilityModel>();
    if (m_scenario.kind != "wifi" || !mobility)
    {
        throw std::invalid_argument("FaultInjectionHelper: network '" + m_scenario.kind +
                                    "' has no station positions; moves are allowed on wifi");
    }
    return mobility->GetPosition();
}

void
FaultInjectionHelper::MoveWorker(uint32_t index, Time at, const Vector& position)
{
    CheckIndex("MoveWorker", index);
    CheckTime("MoveWorker", "time", at);
    GetWorkerPosition(index); // throws unless Wi-Fi
    if (!std::isfinite(position.x) || !std::isfinite(position.y) || !std::isfinite(position.z))
    {
        std::ostringstream os;
        os << "FaultInjectionHelper::MoveWorker: position " << position
           << " must have finite coordinates";
        throw std::invalid_argument(os.str());
    }
    Ptr<MobilityModel> mobility = m_scenario.workers.Get(index)->GetObject<MobilityModel>();
    Simulator::Schedule(at - Simulator::Now(), &SetPosition, mobility, position, index);
    ++m_scheduled;
}

} // namespace ns3
