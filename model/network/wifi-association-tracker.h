// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WIFI_ASSOCIATION_TRACKER_H
#define CODED_LEARNING_WIFI_ASSOCIATION_TRACKER_H

#include "network-ready-signal.h"
#include "static-arp-pair.h"

#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-container.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Txop;
class WifiNetDevice;

/**
 * \ingroup coded-learning
 * \brief Follows the association of every station of a Wi-Fi cell with its access point and
 * fires the network's ready signal once all are associated.
 *
 * - It confirms each association on the access point's side 10 ms after the station reports
 *   it: an access point that missed the Ack of its Association Response keeps the station
 *   unassociated and drops its frames while the station believes itself associated (ns-3.35
 *   does so after the first missed Ack even when a retry succeeds); since the station did
 *   receive the response, the access point's record is corrected
 *   (WifiRemoteStationManager::RecordGotAssocTxOk, logged as a warning).
 * - It makes the static ARP entries of each station after each confirmed association (a
 *   device's ARP cache is flushed when its link goes up, which a station's does when it
 *   associates).
 * - Until the network is ready it keeps the contention windows widened with Widen()
 *   (association-storm mitigation) and restores ns-3's values then.
 *
 * Reference counted: the trace connections keep it alive after the helper that made it is
 * gone.
 */
class WifiAssociationTracker : public SimpleRefCount<WifiAssociationTracker>
{
  public:
    /**
     * \param ready the signal to fire once every station's association is confirmed
     */
    explicit WifiAssociationTracker(Ptr<NetworkReadySignal> ready);

    ~WifiAssociationTracker();

    /**
     * Waits for the stations' associations: connects to the "Assoc" and "DeAssoc" traces of
     * every station's MAC.
     * \param ap the access point
     * \param stations the stations (index = worker)
     */
    void Track(Ptr<WifiNetDevice> ap, const NetDeviceContainer& stations);

    /**
     * Widens a contention window until the network is ready.
     * \param txop the channel access function
     * \param cwMin the minimum to use meanwhile
     * \param cwMax the maximum to use meanwhile
     */
    void Widen(Ptr<Txop> txop, uint32_t cwMin, uint32_t cwMax);

    /**
     * Registers the static ARP entries of the next station (index = call order), made after
     * each confirmed association of that station.
     * \param pair the entries
     */
    void AddArpPair(const StaticArpPair& pair);

    /// \return the stations whose association the access point confirmed, now
    uint32_t GetConfirmedCount() const
    {
        return m_count;
    }

  private:
    /// StaWifiMac "Assoc" trace. \param context the station index \param bssid the AP
    void Associated(std::string context, Mac48Address bssid);

    /**
     * Confirms station i's association on the access point's side and makes its static ARP
     * entries. \param i the station
     */
    void Confirm(uint32_t i);

    /// StaWifiMac "DeAssoc" trace. \param context the station index \param bssid the AP
    void Deassociated(std::string context, Mac48Address bssid);

    /// Every station is confirmed: restores the contention windows and fires the signal.
    void AllConfirmed();

    /// A contention window to restore.
    struct Saved
    {
        Ptr<Txop> txop; //!< the channel access function
        uint32_t cwMin; //!< its minimum
        uint32_t cwMax; //!< its maximum
    };

    Ptr<NetworkReadySignal> m_ready;  //!< fired when every station is confirmed
    Ptr<WifiNetDevice> m_ap;          //!< the access point
    NetDeviceContainer m_stations;    //!< the stations
    std::vector<bool> m_associated;   //!< per station: associated (its own view)
    std::vector<bool> m_confirmed;    //!< per station: association confirmed at the AP
    std::vector<EventId> m_confirm;   //!< per station: pending confirmation
    uint32_t m_count;                 //!< stations confirmed now
    std::vector<Saved> m_saved;       //!< contention windows to restore
    std::vector<StaticArpPair> m_arp; //!< static ARP entries per station
};

} // namespace ns3

#endif // CODED_LEARNING_WIFI_ASSOCIATION_TRACKER_H
