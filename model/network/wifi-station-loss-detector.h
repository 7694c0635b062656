// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WIFI_STATION_LOSS_DETECTOR_H
#define CODED_LEARNING_WIFI_STATION_LOSS_DETECTOR_H

#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-container.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class WifiNetDevice;

/**
 * \ingroup coded-learning
 * \brief The access point lets go of a station that has left its range, and takes it back
 * when it returns.
 *
 * ns-3's access point keeps an unreachable station associated: the frames for it are sent
 * and retried at the lowest rate, and after a missed Block Ack the access point sends Block
 * Ack Requests for as long as an MPDU for the station is in flight, which stalls the access
 * category for every other station (doc/hardening.rst, "Wi-Fi station out of range"). Real
 * access points drop such a station (hostapd's disassoc_low_ack). This detector watches every
 * station's beacons (StaWifiMac BeaconArrival): when a station has heard none for
 * LostBeacons beacon intervals, the access point records it as disassociated (new frames for
 * it are dropped at once) and destroys its originator Block Ack agreements with it (the Block
 * Ack Requests stop; queued frames go out with normal acknowledgement and its retry limit).
 * When the station hears a beacon again, it still believes itself associated, and the access
 * point records the association again (as after a reassociation). Stations keep their own
 * association (MaxMissedBeacons is large, doc/networks.rst).
 */
class WifiStationLossDetector : public SimpleRefCount<WifiStationLossDetector>
{
  public:
    /**
     * \param lostBeacons beacon intervals without a beacon after which a station counts as
     *        gone, >= 1
     */
    explicit WifiStationLossDetector(uint32_t lostBeacons);

    /**
     * Starts watching the stations' beacons (call once the devices exist).
     * \param ap the access point
     * \param stations the stations
     */
    void Watch(Ptr<WifiNetDevice> ap, const NetDeviceContainer& stations);

    /// \return how many times a station was let go
    uint32_t GetDrops() const
    {
        return m_drops;
    }

    /// \return how many times a station was taken back
    uint32_t GetReturns() const
    {
        return m_returns;
    }

    /// \param i a station's index \return whether the access point has let it go now
    bool IsDropped(uint32_t i) const;

  private:
    /// BeaconArrival trace of station i. \param context the index \param time the arrival
    void BeaconArrived(std::string context, Time time);

    /// Station i heard no beacon for LostBeacons intervals. \param i the station
    void Lost(uint32_t i);

    /// \param i a station \return its MAC address
    Mac48Address Address(uint32_t i) const;

    uint32_t m_lostBeacons;          //!< beacon intervals without a beacon
    Time m_beaconInterval;           //!< the access point's beacon interval
    Ptr<WifiNetDevice> m_ap;         //!< the access point
    NetDeviceContainer m_stations;   //!< the stations
    std::vector<EventId> m_watchdog; //!< per station: when it counts as gone
    std::vector<bool> m_dropped;     //!< per station: let go by the access point
    uint32_t m_drops{0};             //!< stations let go
    uint32_t m_returns{0};           //!< stations taken back
};

} // namespace ns3

#endif // CODED_LEARNING_WIFI_STATION_LOSS_DETECTOR_H
