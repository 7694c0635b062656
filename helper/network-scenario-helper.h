// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_SCENARIO_HELPER_H
#define CODED_LEARNING_NETWORK_SCENARIO_HELPER_H

#include "ns3/callback.h"
#include "ns3/csma-helper.h"
#include "ns3/data-rate.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/queue-disc-container.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/wifi-helper.h"
#include "ns3/yans-wifi-helper.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class ErrorModel;
class FlowMonitor;
class FlowMonitorHelper;
class PositionAllocator;
class YansWifiChannel;

/**
 * \ingroup coded-learning
 * The network built by NetworkScenarioHelper::Build(): the nodes, devices and addresses the
 * parameter server and worker applications are installed on.
 *
 * Index i of every per-worker vector and container is worker i.
 */
struct NetworkScenario
{
    std::string kind;      //!< "wifi", "csma", "p2p" or "ideal"
    bool ideal{false};     //!< true for "ideal": no devices, no packets, messages passed directly
    Ptr<Node> server;      //!< the parameter server node (the access point for "wifi")
    NodeContainer workers; //!< the worker nodes
    NodeContainer nodes;   //!< the server followed by the workers
    /**
     * The server's IPv4 address as seen by worker i (its address on worker i's link for
     * "p2p"; the same address for every worker on "wifi" and "csma"). For "ideal" these are
     * the nominal addresses of the address plan, assigned to no interface.
     */
    std::vector<Ipv4Address> serverAddresses;
    /// Worker i's IPv4 address (nominal, assigned to no interface, for "ideal").
    std::vector<Ipv4Address> workerAddresses;
    /// The server's device(s): the AP ("wifi"), the bus device ("csma"), one per link ("p2p").
    NetDeviceContainer serverDevices;
    NetDeviceContainer workerDevices; //!< worker i's device (empty for "ideal")
    NetDeviceContainer devices;       //!< every device, the server's first
    /// Root queue discs installed from NetworkScenarioHelper::SetServerQueueDisc (else empty).
    QueueDiscContainer serverQueueDiscs;
};

/**
 * \ingroup coded-learning
 * Builds the network between one parameter server and n workers from a few settings:
 *
 *  - "wifi": an infrastructure cell; the server is the access point, the workers are
 *    stations (802.11ax/ac/n/g/a, band, channel width, placement on a circle or in a disc,
 *    optional 2-D random walk, log-distance path loss, rate control Ideal, Minstrel-HT or
 *    Constant);
 *  - "csma": one shared bus (data rate, delay);
 *  - "p2p": a star, one point-to-point link per worker to the server node, each with its
 *    own data rate and delay;
 *  - "ideal": the nodes only, no devices and no packets; the applications exchange messages
 *    directly with zero delay (the oracle network).
 *
 * Loss: a packet error model (RateErrorModel with a packet unit, or BurstErrorModel) on the
 * receiving side, with separate rates for the uplink (received by the server's devices) and
 * the downlink (received by the workers' devices). On Wi-Fi it is the PHY's
 * PostReceptionErrorModel (after the channel's own SNR-based errors), so the MAC retries.
 *
 * Addresses: one IPv4 network (default 10.1.0.0/16). "wifi" and "csma" use it as one subnet
 * (server .0.1, worker i at the (i+2)-th address); "p2p" splits it into /30 subnets, one per
 * link (link i: base + 4i; server side + 1, worker + 2).
 *
 * Every setter checks its value and throws std::invalid_argument with a message naming the
 * setting, the value and what is allowed; Build() also checks the combination (Validate()).
 * Order of use: setters, Build(), AssignStreams(), EnablePcap() / EnableFlowMonitor(),
 * Simulator::Run(), WriteFlowMonitor(). The helper must outlive the simulation when the flow
 * monitor is enabled.
 */
class NetworkScenarioHelper
{
  public:
    NetworkScenarioHelper();
    ~NetworkScenarioHelper();
    NetworkScenarioHelper(const NetworkScenarioHelper&) = delete;
    NetworkScenarioHelper& operator=(const NetworkScenarioHelper&) = delete;

    /**
     * \param kind "wifi", "csma", "p2p" or "ideal" (default "wifi")
     */
    void SetKind(const std::string& kind);
    /// \return the network kind
    std::string GetKind() const;

    /**
     * \param n the number of workers, at least 1 (default 4); the upper bound depends on the
     *          kind and the address plan and is checked by Build() (see GetMaxWorkers())
     */
    void SetNumWorkers(uint32_t n);
    /// \return the number of workers
    uint32_t GetNumWorkers() const;

    /**
     * \param standard "802.11ax" (default), "802.11ac", "802.11n", "802.11g" or "802.11a"
     *        (also written "80211ax" or "ax")
     */
    void SetWifiStandard(const std::string& standard);
    /**
     * \param band "auto" (default: 2.4GHz for 802.11g, 5GHz otherwise), "2.4GHz", "5GHz" or
     *        "6GHz"; Build() checks that the standard allows it (a, ac: 5GHz; g: 2.4GHz;
     *        n: 2.4 or 5GHz; ax: all three)
     */
    void SetWifiBand(const std::string& band);
    /**
     * \param mhz the channel width: 20 (default), 40, 80 or 160 MHz; Build() checks it
     *        against the standard and band (a, g: 20; n and 2.4 GHz: up to 40)
     */
    void SetWifiChannelWidth(uint16_t mhz);
    /**
     * \param placement "circle" (default: stations evenly spaced on a circle of radius
     *        Distance around the AP) or "disc" (uniformly random in the disc of radius
     *        Distance)
     */
    void SetWifiPlacement(const std::string& placement);
    /**
     * \param meters the circle or disc radius, > 0 (default 10 m)
     */
    void SetWifiDistance(double meters);
    /**
     * \param mobility "static" (default) or "random-walk" (RandomWalk2dMobilityModel in the
     *        square [-Distance, Distance]^2 around the AP, direction changes every second)
     */
    void SetWifiMobility(const std::string& mobility);
    /**
     * \param metersPerSecond the random-walk speed, > 0 (default 1 m/s)
     */
    void SetWifiWalkSpeed(double metersPerSecond);
    /**
     * \param exponent the log-distance path-loss exponent, in (0, 10] (default 3)
     */
    void SetWifiPathLossExponent(double exponent);
    /**
     * \param dB the path loss at the 1 m reference distance, in [0, 200] dB (default by band:
     *        40 dB at 2.4 GHz, 46.6777 dB at 5 GHz, 48 dB at 6 GHz, as in ns-3's
     *        wifi-he-network example)
     */
    void SetWifiReferenceLoss(double dB);
    /**
     * \param manager "ideal" (default, IdealWifiManager), "minstrel-ht"
     *        (MinstrelHtWifiManager; on 802.11a/g, which have no HT rates, the legacy
     *        MinstrelWifiManager) or "constant" (ConstantRateWifiManager with the mode of
     *        SetWifiConstantMode)
     */
    void SetWifiRateControl(const std::string& manager);
    /**
     * \param mode the data mode of the "constant" rate control, e.g. "HeMcs7" (default),
     *        "VhtMcs5", "HtMcs7", "OfdmRate54Mbps", "ErpOfdmRate54Mbps", "DsssRate11Mbps";
     *        Build() checks it against the standard, band and width
     */
    void SetWifiConstantMode(const std::string& mode);
    /**
     * \param beacons the StaWifiMac MaxMissedBeacons of the stations: beacons missed in a
     *        row before a station drops its association and scans again, >= 1 (default 1000,
     *        about 102 s; ns-3's default is 10). ns-3.37 aborts with "No BSSID set for the
     *        link on which the (Re)Association Request is to be sent" when a station drops
     *        its association while waiting for an association response (ns-3 issue #862,
     *        fixed in 3.39), which crowded cells (100+ stations associating together) hit;
     *        in a cell with one access point dropping the association gains nothing.
     */
    void SetWifiMaxMissedBeacons(uint32_t beacons);
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
    void SetWifiAssociationCw(uint32_t cwMin, uint32_t cwMax);
    /**
     * The MAC queue (WifiMacQueue) of every access category of every Wi-Fi device. ns-3's
     * 500 packets are too few for a server that unicasts a model to many stations at once:
     * with 50 stations and a 62.8 KB model the burst is 2 250 frames, and ns-3.37 then loses
     * the first frame to every station whose Block Ack agreement is set up while the access
     * point's queue is full (the frame that triggered the ADDBA Request), so no model arrives
     * whole (doc/networks.rst).
     * \param packets the queue's capacity in packets, >= 1 (default 100000; ns-3: 500)
     */
    void SetWifiMacQueueSize(uint32_t packets);
    /**
     * \param delay how long a frame may wait in a Wi-Fi MAC queue before it is discarded
     *        (WifiMacQueue MaxDelay), > 0 (default 5 s; ns-3: 500 ms, which discards the
     *        tail of a 100-station model burst and results of stations waiting for the
     *        channel among 100 contenders)
     */
    void SetWifiMacQueueMaxDelay(Time delay);

    /**
     * \param rate the CSMA bus data rate, e.g. "100Mbps" (default), > 0
     */
    void SetCsmaDataRate(const std::string& rate);
    /**
     * \param delay the CSMA bus propagation delay, e.g. "6560ns" (default), >= 0
     */
    void SetCsmaDelay(const std::string& delay);

    /**
     * \param rates the point-to-point link data rates: one value for every link or a
     *        comma-separated list with one value per worker, e.g. "100Mbps" (default) or
     *        "10Mbps,5Mbps,1Mbps"; each > 0
     */
    void SetP2pDataRates(const std::string& rates);
    /**
     * \param delays the point-to-point link delays, one for all or one per worker, e.g.
     *        "1ms" (default) or "1ms,5ms,20ms"; each >= 0
     */
    void SetP2pDelays(const std::string& delays);

    /**
     * \param rate the long-run fraction of packets lost on the uplink (received by the
     *        server's devices), in [0, 1] (default 0: no error model)
     */
    void SetUplinkLossRate(double rate);
    /**
     * \param rate the long-run fraction of packets lost on the downlink (received by the
     *        workers' devices), in [0, 1] (default 0: no error model)
     */
    void SetDownlinkLossRate(double rate);
    /**
     * \param model "rate" (default: independent losses, RateErrorModel with a packet unit)
     *        or "burst" (BurstErrorModel: a loss starts a burst of BurstLength packets; the
     *        burst-start probability is chosen so that the long-run loss rate is the one set)
     */
    void SetLossModel(const std::string& model);
    /**
     * \param packets the packets lost per burst of the "burst" loss model, >= 1 (default 4)
     */
    void SetLossBurstLength(uint32_t packets);

    /**
     * Installs the root queue disc(s) of this helper on the server's device(s) (the AP on
     * "wifi", every link on "p2p") before the addresses are assigned. Without it the
     * server's devices get ns-3's default (FqCoDel, or mq with FqCoDel on Wi-Fi with QoS).
     * \param tch the traffic-control helper to install (copied)
     */
    void SetServerQueueDisc(const TrafficControlHelper& tch);

    /**
     * \param network the IPv4 network of the address plan in CIDR form, e.g. "10.1.0.0/16"
     *        (default); the host bits must be zero; prefix 8..29 for "wifi"/"csma",
     *        8..30 for "p2p"
     */
    void SetIpv4Network(const std::string& network);
    /**
     * \param packets the ARP PendingQueueSize of every interface built here: packets kept
     *        while an address is being resolved, >= 1 (default 1024; ns-3's default is 3,
     *        which drops most of a burst sent to a new neighbour)
     */
    void SetArpPendingQueueSize(uint32_t packets);
    /**
     * \param enable whether the server's and the workers' ARP caches are filled with each
     *        other's MAC addresses as permanent entries when the addresses are assigned
     *        (default true), so that no ARP packet is ever sent. ARP is not what the
     *        simulations study: in a large Wi-Fi cell each ARP broadcast reaches every
     *        station (n^2 receptions at start-up, and lost broadcasts cost a 1 s retry), and
     *        ns-3 re-resolves every address after the 120 s ArpCache AliveTimeout, which would
     *        show as delay spikes in iteration times. false: ns-3's dynamic ARP.
     *        (Point-to-point links use no ARP.)
     */
    void SetStaticArp(bool enable);

    /**
     * \return the largest number of workers the current kind and address plan allow:
     *         "wifi" min(2^(32-prefix) - 3, 2007 association IDs), "csma" 2^(32-prefix) - 3,
     *         "p2p" 2^(30-prefix), "ideal" the same as "wifi"/"csma"
     */
    uint32_t GetMaxWorkers() const;

    /**
     * Checks the combination of the settings (worker count against the address plan,
     * per-worker list lengths, Wi-Fi standard against band, width and constant mode).
     * \throws std::invalid_argument naming the setting, the value and what is allowed
     */
    void Validate() const;

    /**
     * Creates the nodes and, except for "ideal", the devices, the internet stack (IPv4
     * only), the server's queue disc, the addresses, the error models and the mobility.
     * Call once.
     * \return the scenario
     * \throws std::invalid_argument as Validate(); std::logic_error if called twice
     */
    NetworkScenario Build();

    /**
     * Sets what is called, once, when the network can carry traffic between the server and
     * every worker: on "wifi" when every station is associated, otherwise at time 0. Call
     * before Simulator::Run(). With loss on Wi-Fi the association may take long or never
     * complete (loss rate 1): keep a fallback timer.
     * \param callback the callback
     */
    void SetReadyCallback(Callback<void> callback);
    /// \return whether the network became ready (see SetReadyCallback)
    bool IsReady() const;
    /// \return when the network became ready (meaningful once IsReady())
    Time GetReadyTime() const;

    /**
     * Fixes the random streams of everything random this helper installed (Wi-Fi PHY, MAC and
     * rate control, the internet stack, CSMA backoff, the random-disc placement, which is
     * redrawn, the random walk and the error models). Call after Build() and before the
     * simulation starts.
     * \param stream the first stream number to use
     * \return the number of streams used
     * \throws std::logic_error before Build()
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * Writes one PCAP file per device, "<prefix>-<node>-<device>.pcap" (radiotap headers,
     * DLT_IEEE802_11_RADIO, on Wi-Fi). Nothing for "ideal". Call after Build().
     * \param prefix the file name prefix (may include a folder)
     * \throws std::logic_error before Build()
     */
    void EnablePcap(const std::string& prefix);

    /**
     * Installs a FlowMonitor on every node (nothing for "ideal"). Call after Build().
     * \throws std::logic_error before Build()
     */
    void EnableFlowMonitor();

    /// \return the flow monitor, or nullptr if not enabled (or "ideal")
    Ptr<FlowMonitor> GetFlowMonitor() const;

    /**
     * Writes the flow monitor's statistics with the IPv4 flow classifier as XML (for "ideal",
     * an empty FlowMonitor document). Call after the simulation ran.
     * \param path the output file
     * \param histograms whether to include the delay, jitter and size histograms
     * \throws std::logic_error if EnableFlowMonitor() was not called; std::runtime_error if
     *         the file cannot be written
     */
    void WriteFlowMonitor(const std::string& path, bool histograms = false);

  private:
    class Readiness; // tracks the stations' associations and calls the ready callback

    /// Wi-Fi frequency band.
    enum Band
    {
        BAND_AUTO, //!< 2.4 GHz for 802.11g, 5 GHz otherwise
        BAND_2_4,  //!< 2.4 GHz
        BAND_5,    //!< 5 GHz
        BAND_6,    //!< 6 GHz
    };

    /// \return the band Build() uses (BAND_AUTO resolved)
    Band EffectiveBand() const;
    /// \param band a band \return the band's name, e.g. "5GHz"
    static std::string BandName(Band band);
    /// \return the reference loss Build() uses (the set value or the band's default)
    double EffectiveReferenceLoss() const;
    /// \return the prefix length of the address plan
    uint32_t PrefixLength() const;
    /// Checks the Wi-Fi settings together. \throws std::invalid_argument
    void ValidateWifi() const;
    /// Parses the per-link rate list into n values (one value is repeated).
    /// \return one rate per worker \throws std::invalid_argument for a bad list
    std::vector<DataRate> ExpandRates() const;
    /// Parses the per-link delay list into n values (one value is repeated).
    /// \return one delay per worker \throws std::invalid_argument for a bad list
    std::vector<Time> ExpandDelays() const;
    /// Throws std::logic_error unless Build() ran. \param method the caller's name
    void RequireBuilt(const std::string& method) const;

    /// Builds the Wi-Fi cell. \param scenario the result to fill
    void BuildWifi(NetworkScenario& scenario);
    /// Builds the CSMA bus. \param scenario the result to fill
    void BuildCsma(NetworkScenario& scenario);
    /// Builds the point-to-point star. \param scenario the result to fill
    void BuildP2p(NetworkScenario& scenario);
    /// Installs IPv4, the server's queue disc, the addresses and the ARP settings.
    /// \param scenario the result to fill
    void BuildInternet(NetworkScenario& scenario);
    /// Installs the error models. \param scenario the scenario built so far
    void InstallErrorModels(const NetworkScenario& scenario);
    /// \return a new error model for the given loss rate. \param rate the loss rate in (0, 1]
    Ptr<ErrorModel> CreateErrorModel(double rate) const;
    /// Places the stations from the disc allocator (again).
    void PlaceStationsInDisc();

    // Settings
    std::string m_kind;                     //!< network kind
    uint32_t m_numWorkers;                  //!< number of workers
    std::string m_wifiStandard;             //!< canonical Wi-Fi standard name, e.g. "802.11ax"
    Band m_wifiBand;                        //!< Wi-Fi band
    uint16_t m_wifiChannelWidth;            //!< Wi-Fi channel width (MHz)
    std::string m_wifiPlacement;            //!< "circle" or "disc"
    double m_wifiDistance;                  //!< circle or disc radius (m)
    std::string m_wifiMobility;             //!< "static" or "random-walk"
    double m_wifiWalkSpeed;                 //!< random-walk speed (m/s)
    double m_pathLossExponent;              //!< log-distance exponent
    double m_referenceLoss;                 //!< reference loss (dB) if m_referenceLossSet
    bool m_referenceLossSet;                //!< whether SetWifiReferenceLoss was called
    std::string m_wifiRateControl;          //!< rate control name
    std::string m_wifiConstantMode;         //!< constant rate data mode
    uint32_t m_wifiMaxMissedBeacons;        //!< StaWifiMac MaxMissedBeacons
    uint32_t m_wifiAssociationCwMin;        //!< contention window minimum while associating
    uint32_t m_wifiAssociationCwMax;        //!< contention window maximum while associating
    uint32_t m_wifiMacQueueSize;            //!< WifiMacQueue capacity (packets)
    Time m_wifiMacQueueMaxDelay;            //!< WifiMacQueue MaxDelay
    std::string m_csmaDataRate;             //!< CSMA data rate (as given)
    std::string m_csmaDelay;                //!< CSMA delay (as given)
    std::vector<std::string> m_p2pRates;    //!< p2p data rates (one or n entries)
    std::vector<std::string> m_p2pDelays;   //!< p2p delays (one or n entries)
    double m_uplinkLoss;                    //!< uplink loss rate
    double m_downlinkLoss;                  //!< downlink loss rate
    std::string m_lossModel;                //!< "rate" or "burst"
    uint32_t m_burstLength;                 //!< packets per burst
    bool m_hasServerQueueDisc;              //!< whether SetServerQueueDisc was called
    TrafficControlHelper m_serverQueueDisc; //!< the server's root queue disc helper
    Ipv4Address m_network;                  //!< network address of the plan
    Ipv4Mask m_mask;                        //!< network mask of the plan
    uint32_t m_prefixLength;                //!< prefix length of the plan
    uint32_t m_arpPendingQueueSize;         //!< ARP PendingQueueSize
    bool m_staticArp;                       //!< whether the ARP caches are filled statically

    // Built state
    bool m_built;                               //!< whether Build() ran
    NetworkScenario m_scenario;                 //!< the scenario built
    InternetStackHelper m_internet;             //!< internet stack helper (for AssignStreams)
    WifiHelper m_wifi;                          //!< Wi-Fi helper (for AssignStreams)
    YansWifiPhyHelper m_wifiPhy;                //!< Wi-Fi PHY helper (for pcap)
    Ptr<YansWifiChannel> m_wifiChannel;         //!< the Wi-Fi channel
    Ptr<PositionAllocator> m_discAllocator;     //!< random-disc allocator (placement "disc")
    CsmaHelper m_csma;                          //!< CSMA helper (for pcap and AssignStreams)
    PointToPointHelper m_p2p;                   //!< point-to-point helper (for pcap)
    std::vector<Ptr<ErrorModel>> m_errorModels; //!< every error model installed
    std::unique_ptr<FlowMonitorHelper> m_flowMonitorHelper; //!< kept alive for the monitor
    Ptr<FlowMonitor> m_flowMonitor;                         //!< the flow monitor, if enabled
    bool m_flowMonitorEnabled;                              //!< whether EnableFlowMonitor ran
    Ptr<Readiness> m_readiness;                             //!< readiness tracker
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_SCENARIO_HELPER_H
