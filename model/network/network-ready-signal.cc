// SPDX-License-Identifier: GPL-2.0-only
#include "network-ready-signal.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NetworkReadySignal");

NetworkReadySignal::NetworkReadySignal()
    : m_ready(false)
{
}

void
NetworkReadySignal::SetCallback(Callback<void> callback)
{
    m_callback = callback;
    if (m_ready && !m_callback.IsNull())
    {
        m_callback();
    }
}

void
NetworkReadySignal::Fire()
{
    if (m_ready)
    {
        return;
    }
    m_ready = true;
    m_readyTime = Simulator::Now();
    NS_LOG_INFO("network ready at " << m_readyTime.As(Time::S));
    if (!m_callback.IsNull())
    {
        m_callback();
    }
}

bool
NetworkReadySignal::IsReady() const
{
    return m_ready;
}

Time
NetworkReadySignal::GetReadyTime() const
{
    return m_readyTime;
}

} // namespace ns3
