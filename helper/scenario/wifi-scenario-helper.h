// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WIFI_SCENARIO_HELPER_H
#define CODED_LEARNING_WIFI_SCENARIO_HELPER_H

#include "network-scenario-helper.h"
#include "wifi-standard-rules.h"

#include "ns3/nstime.h"
#include "ns3/wifi-association-tracker.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-station-loss-detector.h"
#include "ns3/yans-wifi-helper.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class PositionAllocator;
class Txop;
class YansWifiChannel;

/**
 * \ingroup coded-learning
 * \brief The "wifi" network: an infrastructure cell (YANS channel and PHY) whose access point
 * (NetworkScenario::accessPoint: the server unless a subclass such as
 * WifiBackhaulScenarioHelper sets another node before InstallDevices) is at the origin, and
 * whose stations are the workers: 802.11ax/ac/n/g/a, band,
 * channel width, placement on a circle or in a disc, optional 2-D random walk, log-distance
 * path loss, rate control Ideal, Minstrel-HT or Constant.
 *
 * Loss is the PHY's PostReceptionErrorModel (after the channel's own SNR-based errors),
 * applied to data frames only (WifiDataFrameErrorModel), so the MAC retries. The network is
 * ready once every station is associated (WifiAssociationTracker), which also makes the
 * static ARP entries after each association and widens the association contention window
 * until then.
 */
class WifiScenarioHelper : public NetworkScenarioHelper
{
  public:
    /// A cell with the default NetworkSettings.
    WifiScenarioHelper();

    /**
     * \param settings the common and the wifi* fields are applied through the setters
     * \throws std::invalid_argument for a bad value
     */
    explicit WifiScenarioHelper(const NetworkSettings& settings);

    ~WifiScenarioHelper() override;

    /// \return "wifi"
    std::string GetKind() const override;

    /// \return min(2^(32-prefix) - 3, 2007 association IDs)
    uint32_t GetMaxWorkers() const override;

    /**
     * \param standard "802.11ax" (default), "802.11ac", "802.11n", "802.11g" or "802.11a"
     *        (also written "80211ax" or "ax")
     */
    void SetStandard(const std::string& standard);
    /**
     * \param band "auto" (default: 2.4GHz for 802.11g, 5GHz otherwise), "2.4GHz", "5GHz" or
     *        "6GHz"; Build() checks that the standard allows it (a, ac: 5GHz; g: 2.4GHz;
     *        n: 2.4 or 5GHz; ax: all three)
     */
    void SetBand(const std::string& band);
    /**
     * \param mhz the channel width: 20 (default), 40, 80 or 160 MHz; Build() checks it
     *        against the standard and band (a, g: 20; n and 2.4 GHz: up to 40)
     */
    void SetChannelWidth(uint16_t mhz);
    /**
     * \param placement "circle" (default: stations evenly spaced on a circle of radius
     *        Distance around the AP) or "disc" (uniformly random in the disc of radius
     *        Distance)
     */
    void SetPlacement(const std::string& placement);
    /**
     * \param meters the circle or disc radius, > 0 (default 10 m)
     */
    void SetDistance(double meters);
    /**
     * \param distances per-station distances from the access point (m, each finite and > 0),
     *        comma-separated: one value for every station or exactly one per station
     *        (station i at angle 2 pi i / n on a circle of radius distances[i]: near and far
     *        stations, the rate anomaly); empty (default): every station at Distance. Build()
     *        checks the count against the number of workers and requires the circle
     *        placement and static stations.
     */
    void SetDistances(const std::string& distances);
    /**
     * \param mobility "static" (default) or "random-walk" (RandomWalk2dMobilityModel in the
     *        square [-Distance, Distance]^2 around the AP, direction changes every second)
     */
    void SetMobility(const std::string& mobility);
    /**
     * \param metersPerSecond the random-walk speed, > 0 (default 1 m/s)
     */
    void SetWalkSpeed(double metersPerSecond);
    /**
     * \param exponent the log-distance path-loss exponent, in (0, 10] (default 3)
     */
    void SetPathLossExponent(double exponent);
    /**
     * \param dB the path loss at the 1 m reference distance, in [0, 200] dB (default by band:
     *        40 dB at 2.4 GHz, 46.6777 dB at 5 GHz, 48 dB at 6 GHz, as in ns-3's
     *        wifi-he-network example)
     */
    void SetReferenceLoss(double dB);
    /**
     * \param manager "ideal" (default, IdealWifiManager), "minstrel-ht"
     *        (MinstrelHtWifiManager; on 802.11a/g, which have no HT rates, the legacy
     *        MinstrelWifiManager) or "constant" (ConstantRateWifiManager with the mode of
     *        SetConstantMode)
     */
    void SetRateControl(const std::string& manager);
    /**
     * \param mode the data mode of the "constant" rate control, e.g. "HeMcs7" (default),
     *        "VhtMcs5", "HtMcs7", "OfdmRate54Mbps", "ErpOfdmRate54Mbps", "DsssRate11Mbps";
     *        Build() checks it against the standard, band and width
     */
    void SetConstantMode(const std::string& mode);
    /**
     * \param beacons the StaWifiMac MaxMissedBeacons of the stations: beacons missed in a
     *        row before a station drops its association and scans again, >= 1 (default 1000,
     *        about 102 s; ns-3's default is 10). ns-3.37 aborts with "No BSSID set for the
     *        link on which the (Re)Association Request is to be sent" when a station drops
     *        its association while waiting for an association response (ns-3 issue #862,
     *        fixed in 3.39), which crowded cells (100+ stations associating together) hit;
     *        in a cell with one access point dropping the association gains nothing.
     */
    void SetMaxMissedBeacons(uint32_t beacons);
    /**
     * \param beacons the access point lets go of a station that heard no beacon for this many
     *        beacon intervals and takes it back when it hears one again
     *        (WifiStationLossDetector: otherwise an unreachable station stalls the cell,
     *        doc/hardening.rst); 0 = never (ns-3's behaviour). Default 3 (about 0.36 s).
     */
    void SetStationLossBeacons(uint32_t beacons);
    /// \return the station-loss detector (nullptr before Build() or with SetStationLossBeacons(0))
    Ptr<WifiStationLossDetector> GetStationLossDetector() const;
    /**
     * Association-storm mitigation: until every station is associated, the contention window
     * of the frames that carry association requests and responses (AC_VO with QoS, the DCF
     * otherwise) is [cwMin, cwMax] on the AP and every station; then ns-3's values come back
     * (AC_VO 3..7, DCF 15..1023). Without it, 200 stations starting together collide for
     * seconds (measured: 160 of 200 associated after 5 s with 3..7; all 200 after 0.3 s with
     * 63..1023).
     * \param cwMin the contention window minimum, 1..1023 (default 63), or 0 to keep ns-3's
     *        values throughout (then cwMax must be 0 too)
     * \param cwMax the contention window maximum, cwMin..1023 (default 1023)
     */
    void SetAssociationCw(uint32_t cwMin, uint32_t cwMax);
    /**
     * The MAC queue (WifiMacQueue) of every access category of every Wi-Fi device. ns-3's
     * 500 packets are too few for a server that unicasts a model to many stations at once:
     * with 50 stations and a 62.8 KB model the burst is 2 250 frames, and ns-3.37 then loses
     * the first frame to every station whose Block Ack agreement is set up while the access
     * point's queue is full (the frame that triggered the ADDBA Request), so no model arrives
     * whole (doc/networks.rst).
     * \param packets the queue's capacity in packets, >= 1 (default 100000; ns-3: 500)
     */
    void SetMacQueueSize(uint32_t packets);
    /**
     * \param delay how long a frame may wait in a Wi-Fi MAC queue before it is discarded
     *        (WifiMacQueue MaxDelay), > 0 (default 5 s; ns-3: 500 ms, which discards the
     *        tail of a 100-station model burst and results of stations waiting for the
     *        channel among 100 contenders)
     */
    void SetMacQueueMaxDelay(Time delay);
    /**
     * Whether A-MPDUs are acknowledged through an explicit Block Ack Request
     * (WifiDefaultAckManager::UseExplicitBar), so that their MPDUs carry the Block Ack policy.
     * On by default with ns-3.37 only (CODED_LEARNING_NS3_PENDING_RECIPIENT_BA): there a
     * recipient whose agreement is still pending (the Ack of its ADDBA Response was lost)
     * answers the first MPDU of an Implicit-BAR A-MPDU with an Ack while the rest of the
     * A-MPDU is still arriving, which aborts assert-enabled builds and, with asserts off,
     * cuts that reception short (doc/networks.rst, "The ns-3.37 Block Ack assertion").
     * \param explicitBar true: explicit Block Ack Requests; false: ns-3's Implicit BAR
     */
    void SetExplicitBlockAckRequest(bool explicitBar);

    /// \return the stations associated with the access point now (confirmed at the AP)
    uint32_t GetConnectedWorkers() const override;

  protected:
    std::string GetDisplayName() const override;
    std::string TooManyWorkersMessage(uint32_t maxWorkers) const override;
    /// Checks the standard against band, width and constant mode (WifiStandardRules).
    void DoValidate() const override;
    void InstallDevices(NetworkScenario& scenario) override;
    /**
     * Wraps the model in a WifiDataFrameErrorModel, the PHY's PostReceptionErrorModel.
     * \param device the receiving device \param model the error model
     */
    void AttachErrorModel(Ptr<NetDevice> device, Ptr<ErrorModel> model) override;
    /// Registers the entries with the tracker (made after each association). \param pair the pair
    void AddStaticArpPair(const StaticArpPair& pair) override;
    /// Nothing: the association tracker fires the ready signal.
    void ScheduleReady() override;
    int64_t DoAssignStreams(int64_t stream) override;
    void DoEnablePcap(const std::string& prefix) override;

  private:
    /// \return the rules of the standard and band set
    WifiStandardRules GetRules() const;
    /// \param i a station \return its distance from the access point on the circle
    double StationDistance(uint32_t i) const;
    /// \return the reference loss Build() uses (the set value or the band's default)
    double EffectiveReferenceLoss() const;

    /// Creates the YANS channel and the PHY helper.
    void CreateChannel();
    /// Sets the standard, band and channel width. \param band the effective band
    void ConfigureStandard(WifiStandardRules::Band band);
    /// Sets the rate control. \param band the effective band
    void ConfigureRateControl(WifiStandardRules::Band band);
    /**
     * Installs the stations and the access point (on scenario.accessPoint; its device is also
     * the server's when the access point is the server).
     * \param scenario the scenario to fill
     */
    void InstallMacs(NetworkScenario& scenario);
    /**
     * Sets the ADDBA response timeout (QoS), the MAC queues and the widened association
     * contention windows of every device.
     * \param devices the access point and the stations
     */
    void ConfigureChannelAccess(const NetDeviceContainer& devices);
    /// Places the access point and the stations. \param scenario the scenario built so far
    void InstallMobility(NetworkScenario& scenario);
    /// Places the stations from the disc allocator (again).
    void PlaceStationsInDisc();

    // Settings
    std::string m_standard;          //!< canonical standard name, e.g. "802.11ax"
    WifiStandardRules::Band m_band;  //!< band (as set)
    uint16_t m_channelWidth;         //!< channel width (MHz)
    std::string m_placement;         //!< "circle" or "disc"
    double m_distance;               //!< circle or disc radius (m)
    std::vector<double> m_distances; //!< per-station distances (m); empty: m_distance
    std::string m_mobility;          //!< "static" or "random-walk"
    double m_walkSpeed;              //!< random-walk speed (m/s)
    double m_pathLossExponent;       //!< log-distance exponent
    double m_referenceLoss;          //!< reference loss (dB) if m_referenceLossSet
    bool m_referenceLossSet;         //!< whether SetReferenceLoss was called
    std::string m_rateControl;       //!< rate control name
    std::string m_constantMode;      //!< constant rate data mode
    uint32_t m_maxMissedBeacons;     //!< StaWifiMac MaxMissedBeacons
    uint32_t m_associationCwMin;     //!< contention window minimum while associating
    uint32_t m_associationCwMax;     //!< contention window maximum while associating
    uint32_t m_macQueueSize;         //!< WifiMacQueue capacity (packets)
    Time m_macQueueMaxDelay;         //!< WifiMacQueue MaxDelay
    bool m_explicitBar;              //!< WifiDefaultAckManager UseExplicitBar
    uint32_t m_stationLossBeacons;   //!< WifiStationLossDetector threshold (0 = off)

    // Built state
    WifiHelper m_wifi;                           //!< Wi-Fi helper (for AssignStreams)
    YansWifiPhyHelper m_wifiPhy;                 //!< PHY helper (for pcap)
    Ptr<YansWifiChannel> m_channel;              //!< the channel
    Ptr<PositionAllocator> m_discAllocator;      //!< random-disc allocator (placement "disc")
    Ptr<WifiAssociationTracker> m_tracker;       //!< association tracker
    Ptr<WifiStationLossDetector> m_lossDetector; //!< lets go of stations out of range
};

} // namespace ns3

#endif // CODED_LEARNING_WIFI_SCENARIO_HELPER_H
