// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-association-tracker.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/txop.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-remote-station-manager.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WifiAssociationTracker");

WifiAssociationTracker::WifiAssociationTracker(Ptr<NetworkReadySignal> ready)
    : m_ready(ready),
      m_count(0)
{
}

WifiAssociationTracker::~WifiAssociationTracker()
{
}

void
WifiAssociationTracker::Track(Ptr<WifiNetDevice> ap, const NetDeviceContainer& stations)
{
    m_ap = ap;
    m_stations = stations;
    m_associated.assign(stations.GetN(), false);
    m_confirmed.assign(stations.GetN(), false);
    m_confirm.assign(stations.GetN(), EventId());
    m_count = 0;
    // The callbacks hold a reference: the connections keep the tracker alive.
    const Ptr<WifiAssociationTracker> self(this);
    for (uint32_t i = 0; i < stations.GetN(); ++i)
    {
        Ptr<WifiMac> mac = DynamicCast<WifiNetDevice>(stations.Get(i))->GetMac();
        mac->TraceConnect("Assoc",
                          std::to_string(i),
                          MakeCallback(&WifiAssociationTracker::Associated, self));
        mac->TraceConnect("DeAssoc",
                          std::to_string(i),
                          MakeCallback(&WifiAssociationTracker::Deassociated, self));
    }
}

void
WifiAssociationTracker::Widen(Ptr<Txop> txop, uint32_t cwMin, uint32_t cwMax)
{
    m_saved.push_back(Saved{txop, txop->GetMinCw(), txop->GetMaxCw()});
    txop->SetMinCw(cwMin);
    txop->SetMaxCw(cwMax);
}

void
WifiAssociationTracker::AddArpPair(const StaticArpPair& pair)
{
    m_arp.push_back(pair);
}

void
WifiAssociationTracker::Associated(std::string context, Mac48Address bssid)
{
    const uint32_t i = static_cast<uint32_t>(std::stoul(context));
    NS_LOG_LOGIC("station " << i << " associated with " << bssid);
    m_associated[i] = true;
    // once the access point has handled the Ack of its Association Response (and after the
    // link-up that flushes the station's ARP cache)
    m_confirm[i].Cancel();
    m_confirm[i] = Simulator::Schedule(MilliSeconds(10), &WifiAssociationTracker::Confirm, this, i);
}

void
WifiAssociationTracker::Confirm(uint32_t i)
{
    if (!m_associated[i])
    {
        return;
    }
    const Mac48Address station = Mac48Address::ConvertFrom(m_stations.Get(i)->GetAddress());
    Ptr<WifiRemoteStationManager> manager = m_ap->GetRemoteStationManager();
    if (!manager->IsAssociated(station))
    {
        NS_LOG_WARN("station " << i << " (" << station
                               << ") is associated but its access point missed the Ack "
                                  "of the Association Response: recording the association");
        manager->RecordGotAssocTxOk(station);
    }
    if (i < m_arp.size())
    {
        m_arp[i].Install();
    }
    if (!m_confirmed[i])
    {
        m_confirmed[i] = true;
        ++m_count;
        if (m_count == m_confirmed.size())
        {
            AllConfirmed();
        }
    }
}

void
WifiAssociationTracker::Deassociated(std::string context, Mac48Address bssid)
{
    const uint32_t i = static_cast<uint32_t>(std::stoul(context));
    NS_LOG_LOGIC("station " << i << " lost its association with " << bssid);
    m_associated[i] = false;
    m_confirm[i].Cancel();
    if (m_confirmed[i])
    {
        m_confirmed[i] = false;
        --m_count;
    }
}

void
WifiAssociationTracker::AllConfirmed()
{
    for (const auto& saved : m_saved)
    {
        saved.txop->SetMinCw(saved.cwMin);
        saved.txop->SetMaxCw(saved.cwMax);
    }
    m_saved.clear();
    m_ready->Fire();
}

} // namespace ns3
