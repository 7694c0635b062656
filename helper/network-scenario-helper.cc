// SPDX-License-Identifier: GPL-2.0-only
#include "network-scenario-helper.h"

#include "ns3/arp-cache.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/event-id.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/flow-monitor.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/object-factory.h"
#include "ns3/pointer.h"
#include "ns3/position-allocator.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rectangle.h"
#include "ns3/simulator.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/txop.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-data-frame-error-model.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/wifi-mac-queue.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/wifi-remote-station-manager.h"
#include "ns3/yans-wifi-channel.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NetworkScenarioHelper");

namespace
{

/// The names accepted by SetKind.
const char* const KIND_NAMES = "wifi, csma, p2p, ideal";

/// Most stations one access point can associate (802.11 association IDs 1..2007).
const uint32_t MAX_WIFI_STATIONS = 2007;

/// Pi, for the circle placement.
const double PI = 3.14159265358979323846;

/// What a data rate may look like, for error messages.
const char* const RATE_FORMAT = "a rate > 0 with a unit, e.g. 100Mbps, 1Gbps, 500kbps";

/// What a delay may look like, for error messages.
const char* const DELAY_FORMAT = "a time >= 0 with a unit s, ms, us or ns, e.g. 1ms, 6560ns";

/**
 * \param text any text
 * \return the text without leading and trailing white space
 */
std::string
Trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
    {
        return "";
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

/**
 * \param text a comma-separated list
 * \return the trimmed entries (an empty entry stays empty)
 */
std::vector<std::string>
SplitList(const std::string& text)
{
    std::vector<std::string> entries;
    std::string::size_type start = 0;
    while (true)
    {
        const auto comma = text.find(',', start);
        entries.push_back(Trim(text.substr(start, comma - start)));
        if (comma == std::string::npos)
        {
            break;
        }
        start = comma + 1;
    }
    return entries;
}

/**
 * Splits "<number><unit>" into a number and a unit.
 * \param text the text, e.g. "1.5ms"; a leading sign is allowed
 * \param value the number
 * \param unit the rest after the number
 * \return whether the text starts with a finite decimal number (digits and at most one point)
 */
bool
SplitNumber(const std::string& text, double& value, std::string& unit)
{
    std::string::size_type i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
    {
        ++i;
    }
    const std::string::size_type digitsStart = i;
    bool digit = false;
    bool point = false;
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || (text[i] == '.' && !point)))
    {
        digit = digit || text[i] != '.';
        point = point || text[i] == '.';
        ++i;
    }
    if (!digit)
    {
        return false;
    }
    value = std::strtod(text.substr(0, i).c_str(), nullptr);
    unit = text.substr(i);
    return std::isfinite(value) && i > digitsStart;
}

/**
 * \param what the setting, e.g. "CSMA data rate"
 * \param text the value, e.g. "100Mbps"
 * \return the data rate
 * \throws std::invalid_argument unless the text is a data rate > 0 that ns-3 understands
 */
DataRate
ParseDataRate(const std::string& what, const std::string& text)
{
    double value = 0;
    std::string unit;
    const std::string trimmed = Trim(text);
    DataRate rate;
    bool ok = SplitNumber(trimmed, value, unit) && !unit.empty() &&
              std::isalpha(static_cast<unsigned char>(unit[0])) &&
              unit.find_first_of(" \t") == std::string::npos && trimmed[0] != '-' &&
              trimmed[0] != '+';
    if (ok)
    {
        std::istringstream is(trimmed);
        is >> rate;
        ok = !is.fail();
    }
    if (!ok || rate.GetBitRate() == 0)
    {
        throw std::invalid_argument(what + " '" + text + "' is invalid (allowed: " + RATE_FORMAT +
                                    ")");
    }
    return rate;
}

/**
 * \param what the setting, e.g. "CSMA delay"
 * \param text the value, e.g. "2ms"
 * \return the delay
 * \throws std::invalid_argument unless the text is a time >= 0 (unit s, ms, us, ns, ps, fs,
 *         min, h or d; none means seconds)
 */
Time
ParseDelay(const std::string& what, const std::string& text)
{
    double value = 0;
    std::string unit;
    const std::string trimmed = Trim(text);
    const bool number = SplitNumber(trimmed, value, unit);
    static const char* const units[] = {"", "s", "ms", "us", "ns", "ps", "fs", "min", "h", "d"};
    const bool knownUnit = std::find(std::begin(units), std::end(units), unit) != std::end(units);
    if (!number || !knownUnit)
    {
        throw std::invalid_argument(what + " '" + text + "' is invalid (allowed: " + DELAY_FORMAT +
                                    ")");
    }
    if (value < 0 || trimmed[0] == '-')
    {
        throw std::invalid_argument(what + " '" + text + "' is negative (allowed: " + DELAY_FORMAT +
                                    ")");
    }
    return Time(trimmed);
}

/**
 * \param text a dotted quad, e.g. "10.1.0.0"
 * \param address the address as a host-order integer
 * \return whether the text is four decimal numbers 0..255 separated by points
 */
bool
ParseDottedQuad(const std::string& text, uint32_t& address)
{
    std::string commas = text;
    std::replace(commas.begin(), commas.end(), '.', ',');
    const auto parts = SplitList(commas);
    if (parts.size() != 4)
    {
        return false;
    }
    address = 0;
    for (const auto& part : parts)
    {
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) != 0;
            }))
        {
            return false;
        }
        const unsigned long byte = std::strtoul(part.c_str(), nullptr, 10);
        if (byte > 255)
        {
            return false;
        }
        address = (address << 8) | static_cast<uint32_t>(byte);
    }
    return true;
}

/**
 * \param value a number
 * \return the number as the shortest text that reads back the same
 */
std::string
NumberText(double value)
{
    std::string text;
    for (int precision = 1; precision <= 17; ++precision)
    {
        std::ostringstream candidate;
        candidate.precision(precision);
        candidate << value;
        text = candidate.str();
        if (std::isnan(value) || std::strtod(text.c_str(), nullptr) == value)
        {
            break;
        }
    }
    return text;
}

/**
 * \param prefix a mode family, e.g. "HeMcs"
 * \param first the first index
 * \param last the last index
 * \param modes the list to append "<prefix><i>" to
 */
void
AddMcs(const std::string& prefix, int first, int last, std::vector<std::string>& modes)
{
    for (int i = first; i <= last; ++i)
    {
        modes.push_back(prefix + std::to_string(i));
    }
}

/**
 * \param prefix "OfdmRate" or "ErpOfdmRate"
 * \param modes the list to append the eight OFDM rates to
 */
void
AddOfdm(const std::string& prefix, std::vector<std::string>& modes)
{
    for (const char* rate : {"6", "9", "12", "18", "24", "36", "48", "54"})
    {
        modes.push_back(prefix + rate + "Mbps");
    }
}

/**
 * Adds (or refreshes) a permanent ARP entry.
 * \param device the device whose interface's ARP cache gets the entry
 * \param neighbour the neighbour's IPv4 address
 * \param neighbourDevice the neighbour's device (for its MAC address)
 */
void
AddPermanentArpEntry(Ptr<NetDevice> device, Ipv4Address neighbour, Ptr<NetDevice> neighbourDevice)
{
    Ptr<Ipv4L3Protocol> ipv4 = device->GetNode()->GetObject<Ipv4L3Protocol>();
    Ptr<ArpCache> cache = ipv4->GetInterface(ipv4->GetInterfaceForDevice(device))->GetArpCache();
    ArpCache::Entry* entry = cache->Lookup(neighbour);
    if (entry == nullptr)
    {
        entry = cache->Add(neighbour);
    }
    entry->SetMacAddress(neighbourDevice->GetAddress());
    entry->MarkPermanent();
}

} // namespace

/**
 * Tracks the stations' associations; when all are associated (or at time 0 without Wi-Fi),
 * restores the contention windows widened for the association and calls the ready callback.
 * Reference counted, so that the trace connections and events keep it alive after the
 * helper is gone.
 */
class NetworkScenarioHelper::Readiness : public SimpleRefCount<NetworkScenarioHelper::Readiness>
{
  public:
    Readiness()
        : m_count(0),
          m_ready(false)
    {
    }

    /**
     * Waits for the stations' associations.
     * \param ap the access point
     * \param stations the stations (index = worker)
     */
    void Track(Ptr<WifiNetDevice> ap, const NetDeviceContainer& stations)
    {
        m_ap = ap;
        m_stations = stations;
        m_associated.assign(stations.GetN(), false);
        m_confirmed.assign(stations.GetN(), false);
        m_confirm.assign(stations.GetN(), EventId());
        m_count = 0;
    }

    /**
     * Widens a contention window until the network is ready.
     * \param txop the channel access function
     * \param cwMin the minimum to use meanwhile
     * \param cwMax the maximum to use meanwhile
     */
    void Widen(Ptr<Txop> txop, uint32_t cwMin, uint32_t cwMax)
    {
        m_saved.push_back(Saved{txop, txop->GetMinCw(), txop->GetMaxCw()});
        txop->SetMinCw(cwMin);
        txop->SetMaxCw(cwMax);
    }

    /**
     * Registers the static ARP entries of a worker (index = call order).
     * \param worker the worker's device
     * \param workerAddress its address
     * \param server the server's device on the worker's network
     * \param serverAddress the server's address there
     */
    void AddArpPair(Ptr<NetDevice> worker,
                    Ipv4Address workerAddress,
                    Ptr<NetDevice> server,
                    Ipv4Address serverAddress)
    {
        m_arp.push_back(ArpPair{worker, workerAddress, server, serverAddress});
    }

    /// Adds the permanent ARP entries of worker i, if registered. \param i the worker
    void FillArp(uint32_t i)
    {
        if (i < m_arp.size())
        {
            AddPermanentArpEntry(m_arp[i].server, m_arp[i].workerAddress, m_arp[i].worker);
            AddPermanentArpEntry(m_arp[i].worker, m_arp[i].serverAddress, m_arp[i].server);
        }
    }

    /// StaWifiMac "Assoc" trace. \param context the station index \param bssid the AP
    void Associated(std::string context, Mac48Address bssid)
    {
        const uint32_t i = static_cast<uint32_t>(std::stoul(context));
        NS_LOG_LOGIC("station " << i << " associated with " << bssid);
        m_associated[i] = true;
        // once the access point has handled the Ack of its Association Response (and after
        // the link-up that flushes the station's ARP cache)
        m_confirm[i].Cancel();
        m_confirm[i] = Simulator::Schedule(MilliSeconds(10), &Readiness::Confirm, this, i);
    }

    /**
     * Confirms station i's association on the access point's side and makes its static ARP
     * entries. An access point that missed the Ack of its Association Response keeps the
     * station unassociated and drops its frames, while the station believes itself
     * associated; ns-3.35 does so after the first missed Ack even when a retry succeeds.
     * Since the station did receive the response, the access point's record is corrected.
     * \param i the station
     */
    void Confirm(uint32_t i)
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
        FillArp(i);
        if (!m_confirmed[i])
        {
            m_confirmed[i] = true;
            ++m_count;
            if (m_count == m_confirmed.size())
            {
                MakeReady();
            }
        }
    }

    /// StaWifiMac "DeAssoc" trace. \param context the station index \param bssid the AP
    void Deassociated(std::string context, Mac48Address bssid)
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

    /// Marks the network ready, restores the contention windows, calls the callback.
    void MakeReady()
    {
        if (m_ready)
        {
            return;
        }
        m_ready = true;
        m_readyTime = Simulator::Now();
        NS_LOG_INFO("network ready at " << m_readyTime.As(Time::S));
        for (const auto& saved : m_saved)
        {
            saved.txop->SetMinCw(saved.cwMin);
            saved.txop->SetMaxCw(saved.cwMax);
        }
        m_saved.clear();
        if (!m_callback.IsNull())
        {
            m_callback();
        }
    }

    /// \param callback what to call when ready (at once if already ready)
    void SetCallback(Callback<void> callback)
    {
        m_callback = callback;
        if (m_ready && !m_callback.IsNull())
        {
            m_callback();
        }
    }

    /// \return whether the network is ready
    bool IsReady() const
    {
        return m_ready;
    }

    /// \return when the network became ready
    Time GetReadyTime() const
    {
        return m_readyTime;
    }

  private:
    /// The static ARP entries of one worker.
    struct ArpPair
    {
        Ptr<NetDevice> worker;     //!< the worker's device
        Ipv4Address workerAddress; //!< its address
        Ptr<NetDevice> server;     //!< the server's device
        Ipv4Address serverAddress; //!< the server's address
    };

    /// A contention window to restore.
    struct Saved
    {
        Ptr<Txop> txop; //!< the channel access function
        uint32_t cwMin; //!< its minimum
        uint32_t cwMax; //!< its maximum
    };

    Ptr<WifiNetDevice> m_ap;        //!< the access point
    NetDeviceContainer m_stations;  //!< the stations
    std::vector<bool> m_associated; //!< per station: associated (its own view)
    std::vector<bool> m_confirmed;  //!< per station: association confirmed at the AP
    std::vector<EventId> m_confirm; //!< per station: pending confirmation
    uint32_t m_count;               //!< stations confirmed now
    bool m_ready;                   //!< whether ready
    Time m_readyTime;               //!< when it became ready
    Callback<void> m_callback;      //!< what to call when ready
    std::vector<Saved> m_saved;     //!< contention windows to restore
    std::vector<ArpPair> m_arp;     //!< static ARP entries per worker
};

NetworkScenarioHelper::NetworkScenarioHelper()
    : m_kind("wifi"),
      m_numWorkers(4),
      m_wifiStandard("802.11ax"),
      m_wifiBand(BAND_AUTO),
      m_wifiChannelWidth(20),
      m_wifiPlacement("circle"),
      m_wifiDistance(10.0),
      m_wifiMobility("static"),
      m_wifiWalkSpeed(1.0),
      m_pathLossExponent(3.0),
      m_referenceLoss(46.6777),
      m_referenceLossSet(false),
      m_wifiRateControl("ideal"),
      m_wifiConstantMode("HeMcs7"),
      m_wifiMaxMissedBeacons(1000),
      m_wifiAssociationCwMin(63),
      m_wifiAssociationCwMax(1023),
      m_wifiMacQueueSize(100000),
      m_wifiMacQueueMaxDelay(Seconds(5)),
      m_csmaDataRate("100Mbps"),
      m_csmaDelay("6560ns"),
      m_p2pRates{"100Mbps"},
      m_p2pDelays{"1ms"},
      m_uplinkLoss(0.0),
      m_downlinkLoss(0.0),
      m_lossModel("rate"),
      m_burstLength(4),
      m_hasServerQueueDisc(false),
      m_network("10.1.0.0"),
      m_mask("255.255.0.0"),
      m_prefixLength(16),
      m_arpPendingQueueSize(1024),
      m_staticArp(true),
      m_built(false),
      m_flowMonitorEnabled(false),
      m_readiness(Create<Readiness>())
{
    NS_LOG_FUNCTION(this);
}

NetworkScenarioHelper::~NetworkScenarioHelper()
{
    NS_LOG_FUNCTION(this);
}

void
NetworkScenarioHelper::SetKind(const std::string& kind)
{
    if (kind != "wifi" && kind != "csma" && kind != "p2p" && kind != "ideal")
    {
        throw std::invalid_argument("network kind '" + kind +
                                    "' is unknown (allowed: " + KIND_NAMES + ")");
    }
    m_kind = kind;
}

std::string
NetworkScenarioHelper::GetKind() const
{
    return m_kind;
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
NetworkScenarioHelper::SetWifiStandard(const std::string& standard)
{
    for (const char* name : {"ax", "ac", "n", "g", "a"})
    {
        const std::string s(name);
        if (standard == "802.11" + s || standard == "80211" + s || standard == s)
        {
            m_wifiStandard = "802.11" + s;
            return;
        }
    }
    throw std::invalid_argument("Wi-Fi standard '" + standard +
                                "' is unknown (allowed: 802.11ax, 802.11ac, 802.11n, 802.11g, "
                                "802.11a)");
}

void
NetworkScenarioHelper::SetWifiBand(const std::string& band)
{
    if (band == "auto")
    {
        m_wifiBand = BAND_AUTO;
    }
    else if (band == "2.4GHz" || band == "2.4")
    {
        m_wifiBand = BAND_2_4;
    }
    else if (band == "5GHz" || band == "5")
    {
        m_wifiBand = BAND_5;
    }
    else if (band == "6GHz" || band == "6")
    {
        m_wifiBand = BAND_6;
    }
    else
    {
        throw std::invalid_argument("Wi-Fi band '" + band +
                                    "' is unknown (allowed: auto, 2.4GHz, 5GHz, 6GHz)");
    }
}

void
NetworkScenarioHelper::SetWifiChannelWidth(uint16_t mhz)
{
    if (mhz != 20 && mhz != 40 && mhz != 80 && mhz != 160)
    {
        throw std::invalid_argument("Wi-Fi channel width " + std::to_string(mhz) +
                                    " MHz is invalid (allowed: 20, 40, 80, 160)");
    }
    m_wifiChannelWidth = mhz;
}

void
NetworkScenarioHelper::SetWifiPlacement(const std::string& placement)
{
    if (placement != "circle" && placement != "disc")
    {
        throw std::invalid_argument("Wi-Fi placement '" + placement +
                                    "' is unknown (allowed: circle, disc)");
    }
    m_wifiPlacement = placement;
}

void
NetworkScenarioHelper::SetWifiDistance(double meters)
{
    if (!std::isfinite(meters) || meters <= 0)
    {
        throw std::invalid_argument("Wi-Fi distance " + NumberText(meters) +
                                    " m is invalid (allowed: a finite distance > 0 m)");
    }
    m_wifiDistance = meters;
}

void
NetworkScenarioHelper::SetWifiMobility(const std::string& mobility)
{
    if (mobility != "static" && mobility != "random-walk")
    {
        throw std::invalid_argument("Wi-Fi mobility '" + mobility +
                                    "' is unknown (allowed: static, random-walk)");
    }
    m_wifiMobility = mobility;
}

void
NetworkScenarioHelper::SetWifiWalkSpeed(double metersPerSecond)
{
    if (!std::isfinite(metersPerSecond) || metersPerSecond <= 0)
    {
        throw std::invalid_argument("Wi-Fi walk speed " + NumberText(metersPerSecond) +
                                    " m/s is invalid (allowed: a finite speed > 0 m/s)");
    }
    m_wifiWalkSpeed = metersPerSecond;
}

void
NetworkScenarioHelper::SetWifiPathLossExponent(double exponent)
{
    if (!std::isfinite(exponent) || exponent <= 0 || exponent > 10)
    {
        throw std::invalid_argument("path-loss exponent " + NumberText(exponent) +
                                    " is invalid (allowed: 0 < exponent <= 10)");
    }
    m_pathLossExponent = exponent;
}

void
NetworkScenarioHelper::SetWifiReferenceLoss(double dB)
{
    if (!std::isfinite(dB) || dB < 0 || dB > 200)
    {
        throw std::invalid_argument("reference loss " + NumberText(dB) +
                                    " dB is invalid (allowed: 0 to 200 dB)");
    }
    m_referenceLoss = dB;
    m_referenceLossSet = true;
}

void
NetworkScenarioHelper::SetWifiRateControl(const std::string& manager)
{
    if (manager != "ideal" && manager != "minstrel-ht" && manager != "constant")
    {
        throw std::invalid_argument("Wi-Fi rate control '" + manager +
                                    "' is unknown (allowed: ideal, minstrel-ht, constant)");
    }
    m_wifiRateControl = manager;
}

void
NetworkScenarioHelper::SetWifiConstantMode(const std::string& mode)
{
    if (mode.empty())
    {
        throw std::invalid_argument("Wi-Fi constant mode '' is invalid (allowed: a mode name "
                                    "such as HeMcs7, VhtMcs5, HtMcs7, OfdmRate54Mbps)");
    }
    m_wifiConstantMode = mode;
}

void
NetworkScenarioHelper::SetWifiMaxMissedBeacons(uint32_t beacons)
{
    if (beacons == 0)
    {
        throw std::invalid_argument(
            "Wi-Fi max missed beacons 0 is invalid (allowed: at least 1 beacon)");
    }
    m_wifiMaxMissedBeacons = beacons;
}

void
NetworkScenarioHelper::SetWifiAssociationCw(uint32_t cwMin, uint32_t cwMax)
{
    const bool off = cwMin == 0 && cwMax == 0;
    if (!off && (cwMin < 1 || cwMin > cwMax || cwMax > 1023))
    {
        throw std::invalid_argument("Wi-Fi association contention window " + std::to_string(cwMin) +
                                    ".." + std::to_string(cwMax) +
                                    " is invalid (allowed: 1 <= min <= max <= 1023, or 0..0 to "
                                    "keep ns-3's values)");
    }
    m_wifiAssociationCwMin = cwMin;
    m_wifiAssociationCwMax = cwMax;
}

void
NetworkScenarioHelper::SetWifiMacQueueSize(uint32_t packets)
{
    if (packets == 0)
    {
        throw std::invalid_argument(
            "Wi-Fi MAC queue size 0 is invalid (allowed: at least 1 packet)");
    }
    m_wifiMacQueueSize = packets;
}

void
NetworkScenarioHelper::SetWifiMacQueueMaxDelay(Time delay)
{
    if (!delay.IsStrictlyPositive())
    {
        throw std::invalid_argument("Wi-Fi MAC queue max delay " +
                                    std::to_string(delay.GetSeconds()) +
                                    " s is invalid (allowed: > 0)");
    }
    m_wifiMacQueueMaxDelay = delay;
}

void
NetworkScenarioHelper::SetCsmaDataRate(const std::string& rate)
{
    ParseDataRate("CSMA data rate", rate);
    m_csmaDataRate = Trim(rate);
}

void
NetworkScenarioHelper::SetCsmaDelay(const std::string& delay)
{
    ParseDelay("CSMA delay", delay);
    m_csmaDelay = Trim(delay);
}

void
NetworkScenarioHelper::SetP2pDataRates(const std::string& rates)
{
    const auto entries = SplitList(rates);
    for (const auto& entry : entries)
    {
        ParseDataRate("p2p data rate", entry);
    }
    m_p2pRates = entries;
}

void
NetworkScenarioHelper::SetP2pDelays(const std::string& delays)
{
    const auto entries = SplitList(delays);
    for (const auto& entry : entries)
    {
        ParseDelay("p2p delay", entry);
    }
    m_p2pDelays = entries;
}

void
NetworkScenarioHelper::SetUplinkLossRate(double rate)
{
    if (!(rate >= 0 && rate <= 1))
    {
        throw std::invalid_argument("uplink loss rate " + NumberText(rate) +
                                    " is invalid (allowed: 0 to 1)");
    }
    m_uplinkLoss = rate;
}

void
NetworkScenarioHelper::SetDownlinkLossRate(double rate)
{
    if (!(rate >= 0 && rate <= 1))
    {
        throw std::invalid_argument("downlink loss rate " + NumberText(rate) +
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
NetworkScenarioHelper::SetServerQueueDisc(const TrafficControlHelper& tch)
{
    m_serverQueueDisc = tch;
    m_hasServerQueueDisc = true;
}

void
NetworkScenarioHelper::SetIpv4Network(const std::string& network)
{
    const std::string invalid =
        "IPv4 network '" + network +
        "' is invalid (allowed: a.b.c.d/prefix with a prefix of 8 to 30 bits and zero host "
        "bits, e.g. 10.1.0.0/16)";
    const auto slash = network.find('/');
    if (slash == std::string::npos)
    {
        throw std::invalid_argument(invalid);
    }
    uint32_t address = 0;
    const std::string prefixText = network.substr(slash + 1);
    if (!ParseDottedQuad(network.substr(0, slash), address) || prefixText.empty() ||
        prefixText.size() > 2 || !std::all_of(prefixText.begin(), prefixText.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        }))
    {
        throw std::invalid_argument(invalid);
    }
    const uint32_t prefix = static_cast<uint32_t>(std::stoul(prefixText));
    if (prefix < 8 || prefix > 30)
    {
        throw std::invalid_argument(invalid);
    }
    const uint32_t mask = 0xffffffffu << (32 - prefix);
    if ((address & ~mask) != 0)
    {
        throw std::invalid_argument(invalid);
    }
    m_network = Ipv4Address(address);
    m_mask = Ipv4Mask(mask);
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

uint32_t
NetworkScenarioHelper::PrefixLength() const
{
    return m_prefixLength;
}

uint32_t
NetworkScenarioHelper::GetMaxWorkers() const
{
    if (m_kind == "p2p")
    {
        return 1u << (30 - PrefixLength());
    }
    // network, broadcast and server addresses excluded
    const uint32_t hosts = (1u << (32 - PrefixLength())) - 3;
    if (m_kind == "wifi")
    {
        return std::min(hosts, MAX_WIFI_STATIONS);
    }
    return hosts;
}

NetworkScenarioHelper::Band
NetworkScenarioHelper::EffectiveBand() const
{
    if (m_wifiBand != BAND_AUTO)
    {
        return m_wifiBand;
    }
    return m_wifiStandard == "802.11g" ? BAND_2_4 : BAND_5;
}

std::string
NetworkScenarioHelper::BandName(Band band)
{
    switch (band)
    {
    case BAND_2_4:
        return "2.4GHz";
    case BAND_5:
        return "5GHz";
    case BAND_6:
        return "6GHz";
    default:
        return "auto";
    }
}

double
NetworkScenarioHelper::EffectiveReferenceLoss() const
{
    if (m_referenceLossSet)
    {
        return m_referenceLoss;
    }
    switch (EffectiveBand())
    {
    case BAND_2_4:
        return 40.0;
    case BAND_6:
        return 48.0;
    default:
        return 46.6777;
    }
}

void
NetworkScenarioHelper::ValidateWifi() const
{
    const std::string& standard = m_wifiStandard;
    const Band band = EffectiveBand();

    std::vector<Band> bands;
    if (standard == "802.11a" || standard == "802.11ac")
    {
        bands = {BAND_5};
    }
    else if (standard == "802.11g")
    {
        bands = {BAND_2_4};
    }
    else if (standard == "802.11n")
    {
        bands = {BAND_2_4, BAND_5};
    }
    else
    {
        bands = {BAND_2_4, BAND_5, BAND_6};
    }
    if (std::find(bands.begin(), bands.end(), band) == bands.end())
    {
        std::string allowed;
        for (Band b : bands)
        {
            allowed += (allowed.empty() ? "" : ", ") + BandName(b);
        }
        throw std::invalid_argument("Wi-Fi band " + BandName(band) + " is not available for " +
                                    standard + " (allowed: " + allowed + ")");
    }

    uint16_t maxWidth = 160;
    if (standard == "802.11a" || standard == "802.11g")
    {
        maxWidth = 20;
    }
    else if (standard == "802.11n" || band == BAND_2_4)
    {
        maxWidth = 40;
    }
    if (m_wifiChannelWidth > maxWidth)
    {
        std::string allowed;
        for (uint16_t w = 20; w <= maxWidth; w *= 2)
        {
            allowed += (allowed.empty() ? "" : ", ") + std::to_string(w);
        }
        throw std::invalid_argument("Wi-Fi channel width " + std::to_string(m_wifiChannelWidth) +
                                    " MHz is not available for " + standard + " at " +
                                    BandName(band) + " (allowed: " + allowed + ")");
    }

    const bool ht = standard == "802.11n" || standard == "802.11ac" || standard == "802.11ax";

    if (m_wifiRateControl == "constant")
    {
        // Single spatial stream modes the stations of this standard, band and width support.
        std::vector<std::string> modes;
        if (standard == "802.11ax")
        {
            AddMcs("HeMcs", 0, 11, modes);
        }
        if ((standard == "802.11ac" || standard == "802.11ax") && band == BAND_5)
        {
            // VHT-MCS 9 is not defined for one spatial stream on 20 MHz
            AddMcs("VhtMcs", 0, m_wifiChannelWidth == 20 ? 8 : 9, modes);
        }
        if (ht && band != BAND_6)
        {
            AddMcs("HtMcs", 0, 7, modes);
        }
        if (band == BAND_2_4)
        {
            AddOfdm("ErpOfdmRate", modes);
            for (const char* dsss :
                 {"DsssRate1Mbps", "DsssRate2Mbps", "DsssRate5_5Mbps", "DsssRate11Mbps"})
            {
                modes.emplace_back(dsss);
            }
        }
        else
        {
            AddOfdm("OfdmRate", modes);
        }
        if (std::find(modes.begin(), modes.end(), m_wifiConstantMode) == modes.end())
        {
            std::string allowed;
            for (const auto& mode : modes)
            {
                allowed += (allowed.empty() ? "" : ", ") + mode;
            }
            throw std::invalid_argument("Wi-Fi constant mode '" + m_wifiConstantMode +
                                        "' is not available for " + standard + " at " +
                                        BandName(band) + ", " + std::to_string(m_wifiChannelWidth) +
                                        " MHz (allowed: " + allowed + ")");
        }
    }
}

std::vector<DataRate>
NetworkScenarioHelper::ExpandRates() const
{
    if (m_p2pRates.size() != 1 && m_p2pRates.size() != m_numWorkers)
    {
        std::string list;
        for (const auto& r : m_p2pRates)
        {
            list += (list.empty() ? "" : ",") + r;
        }
        throw std::invalid_argument("p2p data rate list '" + list + "' has " +
                                    std::to_string(m_p2pRates.size()) + " entries for " +
                                    std::to_string(m_numWorkers) +
                                    " workers (allowed: one value for all links or exactly " +
                                    std::to_string(m_numWorkers) + " comma-separated values)");
    }
    std::vector<DataRate> rates;
    for (uint32_t i = 0; i < m_numWorkers; ++i)
    {
        rates.push_back(ParseDataRate("p2p data rate", m_p2pRates[m_p2pRates.size() == 1 ? 0 : i]));
    }
    return rates;
}

std::vector<Time>
NetworkScenarioHelper::ExpandDelays() const
{
    if (m_p2pDelays.size() != 1 && m_p2pDelays.size() != m_numWorkers)
    {
        std::string list;
        for (const auto& d : m_p2pDelays)
        {
            list += (list.empty() ? "" : ",") + d;
        }
        throw std::invalid_argument("p2p delay list '" + list + "' has " +
                                    std::to_string(m_p2pDelays.size()) + " entries for " +
                                    std::to_string(m_numWorkers) +
                                    " workers (allowed: one value for all links or exactly " +
                                    std::to_string(m_numWorkers) + " comma-separated values)");
    }
    std::vector<Time> delays;
    for (uint32_t i = 0; i < m_numWorkers; ++i)
    {
        delays.push_back(ParseDelay("p2p delay", m_p2pDelays[m_p2pDelays.size() == 1 ? 0 : i]));
    }
    return delays;
}

void
NetworkScenarioHelper::Validate() const
{
    const uint32_t maxWorkers = GetMaxWorkers();
    if (m_numWorkers > maxWorkers)
    {
        std::ostringstream plan;
        plan << m_network << "/" << PrefixLength();
        const std::string n = std::to_string(m_numWorkers);
        const std::string max = std::to_string(maxWorkers);
        if (m_kind == "wifi" && maxWorkers == MAX_WIFI_STATIONS)
        {
            throw std::invalid_argument(
                "number of workers " + n +
                " exceeds what one Wi-Fi access point can associate (allowed: at most " + max +
                " stations, the 802.11 association-ID limit)");
        }
        const std::string name = m_kind == "wifi"   ? "Wi-Fi"
                                 : m_kind == "csma" ? "CSMA"
                                 : m_kind == "p2p"  ? "p2p"
                                                    : "ideal";
        const std::string unit =
            m_kind == "p2p" ? " workers, one /30 subnet per link" : " workers, one subnet";
        throw std::invalid_argument("number of workers " + n + " exceeds the " + name +
                                    " address plan " + plan.str() + " (allowed: at most " + max +
                                    unit +
                                    "; give a shorter prefix to SetIpv4Network, e.g. "
                                    "10.1.0.0/16)");
    }
    if (m_kind == "wifi")
    {
        ValidateWifi();
    }
    else if (m_kind == "p2p")
    {
        ExpandRates();
        ExpandDelays();
    }
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
    scenario.kind = m_kind;
    scenario.ideal = m_kind == "ideal";
    NodeContainer server;
    server.Create(1);
    scenario.server = server.Get(0);
    scenario.workers.Create(m_numWorkers);
    scenario.nodes.Add(server);
    scenario.nodes.Add(scenario.workers);

    if (scenario.ideal)
    {
        // Nominal addresses of the single-subnet plan, assigned to no interface.
        const uint32_t base = m_network.Get();
        scenario.serverAddresses.assign(m_numWorkers, Ipv4Address(base + 1));
        for (uint32_t i = 0; i < m_numWorkers; ++i)
        {
            scenario.workerAddresses.emplace_back(base + 2 + i);
        }
    }
    else
    {
        if (m_kind == "wifi")
        {
            BuildWifi(scenario);
        }
        else if (m_kind == "csma")
        {
            BuildCsma(scenario);
        }
        else
        {
            BuildP2p(scenario);
        }
        scenario.devices.Add(scenario.serverDevices);
        scenario.devices.Add(scenario.workerDevices);
        InstallErrorModels(scenario);
        BuildInternet(scenario);
    }
    if (m_kind != "wifi")
    {
        Simulator::Schedule(Seconds(0), &Readiness::MakeReady, m_readiness);
    }
    m_scenario = scenario;
    m_built = true;
    return scenario;
}

void
NetworkScenarioHelper::BuildWifi(NetworkScenario& scenario)
{
    const Band band = EffectiveBand();

    YansWifiChannelHelper channel;
    channel.SetPropagationDelay("ns3::ConstantSpeedPropagationDelayModel");
    channel.AddPropagationLoss("ns3::LogDistancePropagationLossModel",
                               "Exponent",
                               DoubleValue(m_pathLossExponent),
                               "ReferenceDistance",
                               DoubleValue(1.0),
                               "ReferenceLoss",
                               DoubleValue(EffectiveReferenceLoss()));
    m_wifiChannel = channel.Create();
    m_wifiPhy = YansWifiPhyHelper();
    m_wifiPhy.SetChannel(m_wifiChannel);
    m_wifiPhy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);

    m_wifi = WifiHelper();
#if defined(CODED_LEARNING_NS3_VERSION) && CODED_LEARNING_NS3_VERSION < 336
    // ns-3.35: the band is part of the standard; the width is a WifiPhy attribute.
    WifiStandard standard = WIFI_STANDARD_80211ax_5GHZ;
    if (m_wifiStandard == "802.11a")
    {
        standard = WIFI_STANDARD_80211a;
    }
    else if (m_wifiStandard == "802.11g")
    {
        standard = WIFI_STANDARD_80211g;
    }
    else if (m_wifiStandard == "802.11n")
    {
        standard = band == BAND_2_4 ? WIFI_STANDARD_80211n_2_4GHZ : WIFI_STANDARD_80211n_5GHZ;
    }
    else if (m_wifiStandard == "802.11ac")
    {
        standard = WIFI_STANDARD_80211ac;
    }
    else
    {
        standard = band == BAND_2_4 ? WIFI_STANDARD_80211ax_2_4GHZ
                   : band == BAND_6 ? WIFI_STANDARD_80211ax_6GHZ
                                    : WIFI_STANDARD_80211ax_5GHZ;
    }
    m_wifi.SetStandard(standard);
    m_wifiPhy.Set("ChannelWidth", UintegerValue(m_wifiChannelWidth));
#else
    // ns-3.36+: one standard per amendment; band and width through ChannelSettings.
    WifiStandard standard = WIFI_STANDARD_80211ax;
    if (m_wifiStandard == "802.11a")
    {
        standard = WIFI_STANDARD_80211a;
    }
    else if (m_wifiStandard == "802.11g")
    {
        standard = WIFI_STANDARD_80211g;
    }
    else if (m_wifiStandard == "802.11n")
    {
        standard = WIFI_STANDARD_80211n;
    }
    else if (m_wifiStandard == "802.11ac")
    {
        standard = WIFI_STANDARD_80211ac;
    }
    m_wifi.SetStandard(standard);
    const std::string bandName = band == BAND_2_4 ? "BAND_2_4GHZ"
                                 : band == BAND_6 ? "BAND_6GHZ"
                                                  : "BAND_5GHZ";
    m_wifiPhy.Set(
        "ChannelSettings",
        StringValue("{0, " + std::to_string(m_wifiChannelWidth) + ", " + bandName + ", 0}"));
#endif

    if (m_wifiRateControl == "ideal")
    {
        m_wifi.SetRemoteStationManager("ns3::IdealWifiManager");
    }
    else if (m_wifiRateControl == "minstrel-ht")
    {
        // Minstrel-HT needs an HT PHY; 802.11a/g get the legacy Minstrel it builds on.
        const bool legacy = m_wifiStandard == "802.11a" || m_wifiStandard == "802.11g";
        m_wifi.SetRemoteStationManager(legacy ? "ns3::MinstrelWifiManager"
                                              : "ns3::MinstrelHtWifiManager");
    }
    else
    {
        const std::string control = band == BAND_2_4 ? "ErpOfdmRate6Mbps" : "OfdmRate6Mbps";
        m_wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                       "DataMode",
                                       StringValue(m_wifiConstantMode),
                                       "ControlMode",
                                       StringValue(control));
    }

    WifiMacHelper mac;
    const Ssid ssid("coded-learning");
    mac.SetType("ns3::StaWifiMac",
                "Ssid",
                SsidValue(ssid),
                "ActiveProbing",
                BooleanValue(false),
                "MaxMissedBeacons",
                UintegerValue(m_wifiMaxMissedBeacons));
    scenario.workerDevices = m_wifi.Install(m_wifiPhy, mac, scenario.workers);
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    scenario.serverDevices = m_wifi.Install(m_wifiPhy, mac, scenario.server);

    // Readiness: every station associated. Meanwhile, the frames carrying the association
    // requests and responses (AC_VO with QoS, the DCF otherwise) use a wider contention
    // window on every device.
    m_readiness->Track(DynamicCast<WifiNetDevice>(scenario.serverDevices.Get(0)),
                       scenario.workerDevices);
    const bool qos =
        m_wifiStandard == "802.11n" || m_wifiStandard == "802.11ac" || m_wifiStandard == "802.11ax";
    for (uint32_t i = 0; i < m_numWorkers; ++i)
    {
        Ptr<WifiMac> mac = DynamicCast<WifiNetDevice>(scenario.workerDevices.Get(i))->GetMac();
        mac->TraceConnect("Assoc",
                          std::to_string(i),
                          MakeCallback(&Readiness::Associated, m_readiness));
        mac->TraceConnect("DeAssoc",
                          std::to_string(i),
                          MakeCallback(&Readiness::Deassociated, m_readiness));
    }
    if (qos)
    {
        // ns-3.37 keeps a recipient Block Ack agreement pending until the Ack of its ADDBA
        // Response, with the starting sequence of the ADDBA Request. An originator that gives
        // up waiting for the response (AddBaResponseTimeout, 1 ms by default) sends its next
        // MPDU outside the agreement; when the late response then establishes the agreement
        // on both sides, the recipient still waits for that sequence number and buffers every
        // later MPDU of the originator until 64 more have arrived (a TCP handshake never
        // completes). ns-3.38 establishes the agreement at once; here, wait long enough for
        // a busy access point to answer.
        NetDeviceContainer all(scenario.serverDevices, scenario.workerDevices);
        for (uint32_t i = 0; i < all.GetN(); ++i)
        {
            for (const char* ac : {"BE_Txop", "BK_Txop", "VI_Txop", "VO_Txop"})
            {
                PointerValue txop;
                DynamicCast<WifiNetDevice>(all.Get(i))->GetMac()->GetAttribute(ac, txop);
                txop.Get<Txop>()->SetAttribute("AddBaResponseTimeout",
                                               TimeValue(MilliSeconds(500)));
            }
        }
    }
    // MAC queues large enough for a model burst to every station (SetWifiMacQueueSize).
    {
        NetDeviceContainer all(scenario.serverDevices, scenario.workerDevices);
        std::vector<const char*> txops{"Txop"};
        if (qos)
        {
            txops = {"BE_Txop", "BK_Txop", "VI_Txop", "VO_Txop"};
        }
        for (uint32_t i = 0; i < all.GetN(); ++i)
        {
            for (const char* name : txops)
            {
                PointerValue txop;
                DynamicCast<WifiNetDevice>(all.Get(i))->GetMac()->GetAttribute(name, txop);
                Ptr<WifiMacQueue> queue = txop.Get<Txop>()->GetWifiMacQueue();
                queue->SetMaxSize(QueueSize(QueueSizeUnit::PACKETS, m_wifiMacQueueSize));
                queue->SetMaxDelay(m_wifiMacQueueMaxDelay);
            }
        }
    }
    if (m_wifiAssociationCwMin > 0)
    {
        NetDeviceContainer all(scenario.serverDevices, scenario.workerDevices);
        for (uint32_t i = 0; i < all.GetN(); ++i)
        {
            PointerValue txop;
            DynamicCast<WifiNetDevice>(all.Get(i))
                ->GetMac()
                ->GetAttribute(qos ? "VO_Txop" : "Txop", txop);
            m_readiness->Widen(txop.Get<Txop>(), m_wifiAssociationCwMin, m_wifiAssociationCwMax);
        }
    }

    // The access point at the origin; the stations around it.
    MobilityHelper apMobility;
    Ptr<ListPositionAllocator> apPosition = CreateObject<ListPositionAllocator>();
    apPosition->Add(Vector(0.0, 0.0, 0.0));
    apMobility.SetPositionAllocator(apPosition);
    apMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    apMobility.Install(scenario.server);

    MobilityHelper staMobility;
    if (m_wifiPlacement == "circle")
    {
        Ptr<ListPositionAllocator> circle = CreateObject<ListPositionAllocator>();
        for (uint32_t i = 0; i < m_numWorkers; ++i)
        {
            const double angle = 2.0 * PI * i / m_numWorkers;
            circle->Add(
                Vector(m_wifiDistance * std::cos(angle), m_wifiDistance * std::sin(angle), 0.0));
        }
        staMobility.SetPositionAllocator(circle);
    }
    else
    {
        Ptr<UniformDiscPositionAllocator> disc = CreateObject<UniformDiscPositionAllocator>();
        disc->SetAttribute("rho", DoubleValue(m_wifiDistance));
        disc->SetAttribute("X", DoubleValue(0.0));
        disc->SetAttribute("Y", DoubleValue(0.0));
        m_discAllocator = disc;
        staMobility.SetPositionAllocator(disc);
    }
    if (m_wifiMobility == "static")
    {
        staMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    }
    else
    {
        const double d = m_wifiDistance;
        staMobility.SetMobilityModel("ns3::RandomWalk2dMobilityModel",
                                     "Bounds",
                                     RectangleValue(Rectangle(-d, d, -d, d)),
                                     "Mode",
                                     StringValue("Time"),
                                     "Time",
                                     StringValue("1s"),
                                     "Speed",
                                     StringValue("ns3::ConstantRandomVariable[Constant=" +
                                                 NumberText(m_wifiWalkSpeed) + "]"));
    }
    staMobility.Install(scenario.workers);
}

void
NetworkScenarioHelper::BuildCsma(NetworkScenario& scenario)
{
    m_csma = CsmaHelper();
    m_csma.SetChannelAttribute("DataRate",
                               DataRateValue(ParseDataRate("CSMA data rate", m_csmaDataRate)));
    m_csma.SetChannelAttribute("Delay", TimeValue(ParseDelay("CSMA delay", m_csmaDelay)));
    const NetDeviceContainer devices = m_csma.Install(scenario.nodes);
    scenario.serverDevices.Add(devices.Get(0));
    for (uint32_t i = 1; i < devices.GetN(); ++i)
    {
        scenario.workerDevices.Add(devices.Get(i));
    }
}

void
NetworkScenarioHelper::BuildP2p(NetworkScenario& scenario)
{
    const std::vector<DataRate> rates = ExpandRates();
    const std::vector<Time> delays = ExpandDelays();
    m_p2p = PointToPointHelper();
    for (uint32_t i = 0; i < m_numWorkers; ++i)
    {
        m_p2p.SetDeviceAttribute("DataRate", DataRateValue(rates[i]));
        m_p2p.SetChannelAttribute("Delay", TimeValue(delays[i]));
        const NetDeviceContainer link = m_p2p.Install(scenario.server, scenario.workers.Get(i));
        scenario.serverDevices.Add(link.Get(0));
        scenario.workerDevices.Add(link.Get(1));
    }
}

void
NetworkScenarioHelper::BuildInternet(NetworkScenario& scenario)
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

    if (m_kind == "p2p")
    {
        for (uint32_t i = 0; i < m_numWorkers; ++i)
        {
            Ipv4AddressHelper address(Ipv4Address(m_network.Get() + 4 * i),
                                      Ipv4Mask("255.255.255.252"));
            const Ipv4InterfaceContainer link = address.Assign(
                NetDeviceContainer(scenario.serverDevices.Get(i), scenario.workerDevices.Get(i)));
            scenario.serverAddresses.push_back(link.GetAddress(0));
            scenario.workerAddresses.push_back(link.GetAddress(1));
        }
    }
    else
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

    if (m_staticArp && m_kind != "p2p")
    {
        // The server knows every worker, every worker knows the server. A device's ARP cache
        // is flushed when its link goes up, which a Wi-Fi station's does when it associates:
        // there the entries are (re)made just after each association.
        for (uint32_t i = 0; i < m_numWorkers; ++i)
        {
            m_readiness->AddArpPair(scenario.workerDevices.Get(i),
                                    scenario.workerAddresses[i],
                                    scenario.serverDevices.Get(0),
                                    scenario.serverAddresses[i]);
            if (m_kind != "wifi")
            {
                m_readiness->FillArp(i);
            }
        }
    }
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
            Ptr<NetDevice> device = receivers.Get(i);
            Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(device);
            if (wifi)
            {
                // Only data frames: losing the Ack of an ADDBA Response makes ns-3.37 use a
                // missing Block Ack agreement (std::bad_alloc), see doc/networks.rst.
                Ptr<WifiDataFrameErrorModel> dataOnly = CreateObject<WifiDataFrameErrorModel>();
                dataOnly->SetDataErrorModel(model);
                wifi->GetPhy()->SetPostReceptionErrorModel(dataOnly);
            }
            else
            {
                device->SetAttribute("ReceiveErrorModel", PointerValue(model));
            }
            m_errorModels.push_back(model);
        }
    }
}

void
NetworkScenarioHelper::PlaceStationsInDisc()
{
    for (uint32_t i = 0; i < m_scenario.workers.GetN(); ++i)
    {
        m_scenario.workers.Get(i)->GetObject<MobilityModel>()->SetPosition(
            m_discAllocator->GetNext());
    }
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
    if (m_kind == "wifi")
    {
        current += m_wifi.AssignStreams(m_scenario.devices, current);
        current += YansWifiChannelHelper().AssignStreams(m_wifiChannel, current);
        if (m_discAllocator)
        {
            current += m_discAllocator->AssignStreams(current);
            PlaceStationsInDisc();
        }
        if (m_wifiMobility == "random-walk")
        {
            MobilityHelper mobility;
            current += mobility.AssignStreams(m_scenario.workers, current);
        }
    }
    else if (m_kind == "csma")
    {
        current += m_csma.AssignStreams(m_scenario.devices, current);
    }
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

void
NetworkScenarioHelper::EnablePcap(const std::string& prefix)
{
    NS_LOG_FUNCTION(this << prefix);
    RequireBuilt("EnablePcap()");
    if (m_kind == "wifi")
    {
        m_wifiPhy.EnablePcap(prefix, m_scenario.devices);
    }
    else if (m_kind == "csma")
    {
        m_csma.EnablePcap(prefix, m_scenario.devices, false);
    }
    else if (m_kind == "p2p")
    {
        m_p2p.EnablePcap(prefix, m_scenario.devices);
    }
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
    m_readiness->SetCallback(callback);
}

bool
NetworkScenarioHelper::IsReady() const
{
    return m_readiness->IsReady();
}

Time
NetworkScenarioHelper::GetReadyTime() const
{
    return m_readiness->GetReadyTime();
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
