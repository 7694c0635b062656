// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-station-loss-detector.h"

#include "ns3/block-ack-manager.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/qos-txop.h"
#include "ns3/simulator.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-remote-station-manager.h"

#include <optional>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WifiStationLossDetector");

WifiStationLossDetector::WifiStationLossDetector(uint32_t lostBeacons)
    : m_lostBeacons(lostBeacons)
{
    if (lostBeacons == 0)
    {
        throw std::invalid_argument(
            "WifiStationLossDetector: lost beacons 0 is invalid (allowed: at least 1 beacon)");
    }
}

void
WifiStationLossDetector::Watch(Ptr<WifiNetDevice> ap, const NetDeviceContainer& stations)
{
    m_ap = ap;
    m_stations = stations;
    TimeValue interval;
    ap->GetMac()->GetAttribute("BeaconInterval", interval);
    m_beaconInterval = interval.Get();
    m_watchdog.assign(stations.GetN(), EventId());
    m_dropped.assign(stations.GetN(), false);
    // The callbacks hold a reference: the connections keep the detector alive.
    const Ptr<WifiStationLossDetector> self(this);
    for (uint32_t i = 0; i < stations.GetN(); ++i)
    {
        DynamicCast<WifiNetDevice>(stations.Get(i))
            ->GetMac()
            ->TraceConnect("BeaconArrival",
                           std::to_string(i),
                           MakeCallback(&WifiStationLossDetector::BeaconArrived, self));
    }
}

bool
WifiStationLossDetector::IsDropped(uint32_t i) const
{
    return i < m_dropped.size() && m_dropped[i];
}

Mac48Address
WifiStationLossDetector::Address(uint32_t i) const
{
    return Mac48Address::ConvertFrom(m_stations.Get(i)->GetAddress());
}

void
WifiStationLossDetector::BeaconArrived(std::string context, Time /* time */)
{
    const uint32_t i = static_cast<uint32_t>(std::stoul(context));
    Ptr<StaWifiMac> mac =
        DynamicCast<StaWifiMac>(DynamicCast<WifiNetDevice>(m_stations.Get(i))->GetMac());
    if (m_dropped[i] && mac->IsAssociated())
    {
        // The station never left in its own view: the access point takes it back.
        NS_LOG_INFO(Simulator::Now().As(Time::S)
                    << ": station " << i << " hears beacons again; associated again");
        m_dropped[i] = false;
        ++m_returns;
        m_ap->GetRemoteStationManager()->RecordGotAssocTxOk(Address(i));
    }
    m_watchdog[i].Cancel();
    // Half an interval of slack: a beacon delayed by a busy medium is not a lost one.
    m_watchdog[i] = Simulator::Schedule(m_beaconInterval * m_lostBeacons + m_beaconInterval / 2,
                                        &WifiStationLossDetector::Lost,
                                        this,
                                        i);
}

void
WifiStationLossDetector::Lost(uint32_t i)
{
    Ptr<WifiRemoteStationManager> manager = m_ap->GetRemoteStationManager();
    const Mac48Address station = Address(i);
    if (!manager->IsAssociated(station))
    {
        return; // not associated (yet): nothing to let go
    }
    NS_LOG_INFO(Simulator::Now().As(Time::S)
                << ": station " << i << " heard no beacon for " << m_lostBeacons
                << " intervals; the access point lets it go");
    m_dropped[i] = true;
    ++m_drops;
    manager->RecordDisassociated(station);
    for (const char* ac : {"BE_Txop", "BK_Txop", "VI_Txop", "VO_Txop"})
    {
        PointerValue txop;
        m_ap->GetMac()->GetAttribute(ac, txop);
        Ptr<QosTxop> edca = txop.Get<QosTxop>();
        if (!edca)
        {
            continue; // a non-QoS access point has no Block Ack agreements
        }
        for (uint8_t tid = 0; tid < 8; ++tid)
        {
            CODED_LEARNING_DESTROY_ORIGINATOR_BA(edca->GetBaManager(), station, tid);
        }
    }
}

} // namespace ns3
