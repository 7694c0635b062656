// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-scenario-helper.h"

#include "network-setting-parser.h"

#include "ns3/boolean.h"
#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/pointer.h"
#include "ns3/position-allocator.h"
#include "ns3/rectangle.h"
#include "ns3/ssid.h"
#include "ns3/static-arp-pair.h"
#include "ns3/string.h"
#include "ns3/txop.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-data-frame-error-model.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/wifi-mac-queue.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/yans-wifi-channel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns3
{

namespace
{

/// Most stations one access point can associate (802.11 association IDs 1..2007).
const uint32_t MAX_WIFI_STATIONS = 2007;

/// Pi, for the circle placement.
const double PI = 3.14159265358979323846;

/**
 * \param device a Wi-Fi device
 * \param name the MAC attribute of one channel access function, e.g. "VO_Txop" or "Txop"
 * \return the channel access function
 */
Ptr<Txop>
GetTxop(Ptr<NetDevice> device, const char* name)
{
    PointerValue txop;
    DynamicCast<WifiNetDevice>(device)->GetMac()->GetAttribute(name, txop);
    return txop.Get<Txop>();
}

} // namespace

WifiScenarioHelper::WifiScenarioHelper()
    : WifiScenarioHelper(NetworkSettings())
{
}

WifiScenarioHelper::WifiScenarioHelper(const NetworkSettings& settings)
    : NetworkScenarioHelper(settings), // the fields below are set by the setters
      m_band(WifiStandardRules::BAND_AUTO),
      m_channelWidth(0),
      m_distance(0),
      m_walkSpeed(0),
      m_pathLossExponent(0),
      m_referenceLoss(0),
      m_referenceLossSet(false),
      m_maxMissedBeacons(0),
      m_associationCwMin(0),
      m_associationCwMax(0),
      m_macQueueSize(0),
      m_explicitBar(false),
      m_stationLossBeacons(0),
      m_tracker(Create<WifiAssociationTracker>(GetReadySignal()))
{
    SetStandard(settings.wifiStandard);
    SetBand(settings.wifiBand);
    SetChannelWidth(settings.wifiChannelWidth);
    SetPlacement(settings.wifiPlacement);
    SetDistance(settings.wifiDistance);
    SetDistances(settings.wifiDistances);
    SetMobility(settings.wifiMobility);
    SetWalkSpeed(settings.wifiWalkSpeed);
    SetPathLossExponent(settings.wifiPathLossExponent);
    if (settings.wifiReferenceLoss.has_value())
    {
        SetReferenceLoss(settings.wifiReferenceLoss.value());
    }
    SetRateControl(settings.wifiRateControl);
    SetConstantMode(settings.wifiConstantMode);
    SetMaxMissedBeacons(settings.wifiMaxMissedBeacons);
    SetStationLossBeacons(settings.wifiStationLossBeacons);
    SetAssociationCw(settings.wifiAssociationCwMin, settings.wifiAssociationCwMax);
    SetMacQueueSize(settings.wifiMacQueueSize);
    SetMacQueueMaxDelay(settings.wifiMacQueueMaxDelay);
    SetExplicitBlockAckRequest(settings.wifiExplicitBlockAckRequest);
}

WifiScenarioHelper::~WifiScenarioHelper()
{
}

std::string
WifiScenarioHelper::GetKind() const
{
    return "wifi";
}

std::string
WifiScenarioHelper::GetDisplayName() const
{
    return "Wi-Fi";
}

uint32_t
WifiScenarioHelper::GetConnectedWorkers() const
{
    return m_tracker ? m_tracker->GetConfirmedCount() : 0;
}

uint32_t
WifiScenarioHelper::GetMaxWorkers() const
{
    return std::min(GetSubnetCapacity(), MAX_WIFI_STATIONS);
}

std::string
WifiScenarioHelper::TooManyWorkersMessage(uint32_t maxWorkers) const
{
    if (maxWorkers == MAX_WIFI_STATIONS)
    {
        return "number of workers " + std::to_string(GetNumWorkers()) +
               " exceeds what one Wi-Fi access point can associate (allowed: at most " +
               std::to_string(maxWorkers) + " stations, the 802.11 association-ID limit)";
    }
    return NetworkScenarioHelper::TooManyWorkersMessage(maxWorkers);
}

void
WifiScenarioHelper::SetStandard(const std::string& standard)
{
    m_standard = WifiStandardRules::CanonicalStandard(standard);
}

void
WifiScenarioHelper::SetBand(const std::string& band)
{
    m_band = WifiStandardRules::ParseBand(band);
}

void
WifiScenarioHelper::SetChannelWidth(uint16_t mhz)
{
    if (mhz != 20 && mhz != 40 && mhz != 80 && mhz != 160)
    {
        throw std::invalid_argument("Wi-Fi channel width " + std::to_string(mhz) +
                                    " MHz is invalid (allowed: 20, 40, 80, 160)");
    }
    m_channelWidth = mhz;
}

void
WifiScenarioHelper::SetPlacement(const std::string& placement)
{
    if (placement != "circle" && placement != "disc")
    {
        throw std::invalid_argument("Wi-Fi placement '" + placement +
                                    "' is unknown (allowed: circle, disc)");
    }
    m_placement = placement;
}

void
WifiScenarioHelper::SetDistance(double meters)
{
    if (!std::isfinite(meters) || meters <= 0)
    {
        throw std::invalid_argument("Wi-Fi distance " + NetworkSettingParser::NumberText(meters) +
                                    " m is invalid (allowed: a finite distance > 0 m)");
    }
    m_distance = meters;
}

void
WifiScenarioHelper::SetDistances(const std::string& distances)
{
    std::vector<double> parsed;
    if (!NetworkSettingParser::Trim(distances).empty())
    {
        for (const auto& entry : NetworkSettingParser::SplitList(distances))
        {
            std::size_t used = 0;
            double d = 0;
            try
            {
                d = std::stod(entry, &used);
            }
            catch (const std::exception&)
            {
                used = 0;
            }
            if (used == 0 || used != entry.size() || !std::isfinite(d) || d <= 0)
            {
                throw std::invalid_argument("Wi-Fi station distance '" + entry +
                                            "' is invalid (allowed: a finite distance > 0 m)");
            }
            parsed.push_back(d);
        }
    }
    m_distances = parsed;
}

double
WifiScenarioHelper::StationDistance(uint32_t i) const
{
    if (m_distances.empty())
    {
        return m_distance;
    }
    return m_distances[m_distances.size() == 1 ? 0 : i];
}

void
WifiScenarioHelper::SetMobility(const std::string& mobility)
{
    if (mobility != "static" && mobility != "random-walk")
    {
        throw std::invalid_argument("Wi-Fi mobility '" + mobility +
                                    "' is unknown (allowed: static, random-walk)");
    }
    m_mobility = mobility;
}

void
WifiScenarioHelper::SetWalkSpeed(double metersPerSecond)
{
    if (!std::isfinite(metersPerSecond) || metersPerSecond <= 0)
    {
        throw std::invalid_argument("Wi-Fi walk speed " +
                                    NetworkSettingParser::NumberText(metersPerSecond) +
                                    " m/s is invalid (allowed: a finite speed > 0 m/s)");
    }
    m_walkSpeed = metersPerSecond;
}

void
WifiScenarioHelper::SetPathLossExponent(double exponent)
{
    if (!std::isfinite(exponent) || exponent <= 0 || exponent > 10)
    {
        throw std::invalid_argument("path-loss exponent " +
                                    NetworkSettingParser::NumberText(exponent) +
                                    " is invalid (allowed: 0 < exponent <= 10)");
    }
    m_pathLossExponent = exponent;
}

void
WifiScenarioHelper::SetReferenceLoss(double dB)
{
    if (!std::isfinite(dB) || dB < 0 || dB > 200)
    {
        throw std::invalid_argument("reference loss " + NetworkSettingParser::NumberText(dB) +
                                    " dB is invalid (allowed: 0 to 200 dB)");
    }
    m_referenceLoss = dB;
    m_referenceLossSet = true;
}

void
WifiScenarioHelper::SetRateControl(const std::string& manager)
{
    if (manager != "ideal" && manager != "minstrel-ht" && manager != "constant")
    {
        throw std::invalid_argument("Wi-Fi rate control '" + manager +
                                    "' is unknown (allowed: ideal, minstrel-ht, constant)");
    }
    m_rateControl = manager;
}

void
WifiScenarioHelper::SetConstantMode(const std::string& mode)
{
    if (mode.empty())
    {
        throw std::invalid_argument("Wi-Fi constant mode '' is invalid (allowed: a mode name "
                                    "such as HeMcs7, VhtMcs5, HtMcs7, OfdmRate54Mbps)");
    }
    m_constantMode = mode;
}

void
WifiScenarioHelper::SetMaxMissedBeacons(uint32_t beacons)
{
    if (beacons == 0)
    {
        throw std::invalid_argument(
            "Wi-Fi max missed beacons 0 is invalid (allowed: at least 1 beacon)");
    }
    m_maxMissedBeacons = beacons;
}

void
WifiScenarioHelper::SetStationLossBeacons(uint32_t beacons)
{
    m_stationLossBeacons = beacons;
}

Ptr<WifiStationLossDetector>
WifiScenarioHelper::GetStationLossDetector() const
{
    return m_lossDetector;
}

void
WifiScenarioHelper::SetAssociationCw(uint32_t cwMin, uint32_t cwMax)
{
    const bool off = cwMin == 0 && cwMax == 0;
    if (!off && (cwMin < 1 || cwMin > cwMax || cwMax > 1023))
    {
        throw std::invalid_argument("Wi-Fi association contention window " + std::to_string(cwMin) +
                                    ".." + std::to_string(cwMax) +
                                    " is invalid (allowed: 1 <= min <= max <= 1023, or 0..0 to "
                                    "keep ns-3's values)");
    }
    m_associationCwMin = cwMin;
    m_associationCwMax = cwMax;
}

void
WifiScenarioHelper::SetMacQueueSize(uint32_t packets)
{
    if (packets == 0)
    {
        throw std::invalid_argument(
            "Wi-Fi MAC queue size 0 is invalid (allowed: at least 1 packet)");
    }
    m_macQueueSize = packets;
}

void
WifiScenarioHelper::SetMacQueueMaxDelay(Time delay)
{
    if (!delay.IsStrictlyPositive())
    {
        throw std::invalid_argument("Wi-Fi MAC queue max delay " +
                                    std::to_string(delay.GetSeconds()) +
                                    " s is invalid (allowed: > 0)");
    }
    m_macQueueMaxDelay = delay;
}

void
WifiScenarioHelper::SetExplicitBlockAckRequest(bool explicitBar)
{
    m_explicitBar = explicitBar;
}

WifiStandardRules
WifiScenarioHelper::GetRules() const
{
    return WifiStandardRules(m_standard, m_band);
}

double
WifiScenarioHelper::EffectiveReferenceLoss() const
{
    return m_referenceLossSet ? m_referenceLoss : GetRules().DefaultReferenceLoss();
}

void
WifiScenarioHelper::DoValidate() const
{
    GetRules().Check(m_channelWidth, m_rateControl, m_constantMode);
    const uint32_t n = GetNumWorkers();
    if (!m_distances.empty())
    {
        if (m_distances.size() != 1 && m_distances.size() != n)
        {
            throw std::invalid_argument(
                "Wi-Fi station distance list has " + std::to_string(m_distances.size()) +
                " entries for " + std::to_string(n) +
                " workers (allowed: one value for every station or exactly " + std::to_string(n) +
                " comma-separated values)");
        }
        if (m_placement != "circle" || m_mobility != "static")
        {
            throw std::invalid_argument("Wi-Fi station distances need the circle placement and "
                                        "static stations (placement " +
                                        m_placement + ", mobility " + m_mobility + ")");
        }
    }
}

void
WifiScenarioHelper::InstallDevices(NetworkScenario& scenario)
{
    const WifiStandardRules::Band band = GetRules().GetBand();
    CreateChannel();
    ConfigureStandard(band);
    ConfigureRateControl(band);
    if (!scenario.accessPoint)
    {
        scenario.accessPoint = scenario.server;
    }
    InstallMacs(scenario);
    // Readiness: every station associated. Meanwhile, the frames carrying the association
    // requests and responses use a wider contention window on every device.
    Ptr<WifiNetDevice> ap = DynamicCast<WifiNetDevice>(scenario.accessPointDevice);
    m_tracker->Track(ap, scenario.workerDevices);
    if (m_stationLossBeacons > 0)
    {
        m_lossDetector = Create<WifiStationLossDetector>(m_stationLossBeacons);
        m_lossDetector->Watch(ap, scenario.workerDevices);
    }
    ConfigureChannelAccess(NetDeviceContainer(NetDeviceContainer(ap), scenario.workerDevices));
    InstallMobility(scenario);
}

void
WifiScenarioHelper::CreateChannel()
{
    YansWifiChannelHelper channel;
    channel.SetPropagationDelay("ns3::ConstantSpeedPropagationDelayModel");
    channel.AddPropagationLoss("ns3::LogDistancePropagationLossModel",
                               "Exponent",
                               DoubleValue(m_pathLossExponent),
                               "ReferenceDistance",
                               DoubleValue(1.0),
                               "ReferenceLoss",
                               DoubleValue(EffectiveReferenceLoss()));
    m_channel = channel.Create();
    m_wifiPhy = YansWifiPhyHelper();
    m_wifiPhy.SetChannel(m_channel);
    m_wifiPhy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
}

void
WifiScenarioHelper::ConfigureStandard(WifiStandardRules::Band band)
{
    m_wifi = WifiHelper();
#if CODED_LEARNING_WIFI_STANDARD_HAS_BAND
    // ns-3.35: the band is part of the standard; the width is a WifiPhy attribute.
    WifiStandard standard = WIFI_STANDARD_80211ax_5GHZ;
    if (m_standard == "802.11a")
    {
        standard = WIFI_STANDARD_80211a;
    }
    else if (m_standard == "802.11g")
    {
        standard = WIFI_STANDARD_80211g;
    }
    else if (m_standard == "802.11n")
    {
        standard = band == WifiStandardRules::BAND_2_4 ? WIFI_STANDARD_80211n_2_4GHZ
                                                       : WIFI_STANDARD_80211n_5GHZ;
    }
    else if (m_standard == "802.11ac")
    {
        standard = WIFI_STANDARD_80211ac;
    }
    else
    {
        standard = band == WifiStandardRules::BAND_2_4 ? WIFI_STANDARD_80211ax_2_4GHZ
                   : band == WifiStandardRules::BAND_6 ? WIFI_STANDARD_80211ax_6GHZ
                                                       : WIFI_STANDARD_80211ax_5GHZ;
    }
    m_wifi.SetStandard(standard);
    m_wifiPhy.Set("ChannelWidth", UintegerValue(m_channelWidth));
#else
    // ns-3.36+: one standard per amendment; band and width through ChannelSettings.
    WifiStandard standard = WIFI_STANDARD_80211ax;
    if (m_standard == "802.11a")
    {
        standard = WIFI_STANDARD_80211a;
    }
    else if (m_standard == "802.11g")
    {
        standard = WIFI_STANDARD_80211g;
    }
    else if (m_standard == "802.11n")
    {
        standard = WIFI_STANDARD_80211n;
    }
    else if (m_standard == "802.11ac")
    {
        standard = WIFI_STANDARD_80211ac;
    }
    m_wifi.SetStandard(standard);
    const std::string bandName = band == WifiStandardRules::BAND_2_4 ? "BAND_2_4GHZ"
                                 : band == WifiStandardRules::BAND_6 ? "BAND_6GHZ"
                                                                     : "BAND_5GHZ";
    m_wifiPhy.Set("ChannelSettings",
                  StringValue("{0, " + std::to_string(m_channelWidth) + ", " + bandName + ", 0}"));
#endif
}

void
WifiScenarioHelper::ConfigureRateControl(WifiStandardRules::Band band)
{
    if (m_rateControl == "ideal")
    {
        m_wifi.SetRemoteStationManager("ns3::IdealWifiManager");
    }
    else if (m_rateControl == "minstrel-ht")
    {
        // Minstrel-HT needs an HT PHY; 802.11a/g get the legacy Minstrel it builds on.
        m_wifi.SetRemoteStationManager(GetRules().HasQos() ? "ns3::MinstrelHtWifiManager"
                                                           : "ns3::MinstrelWifiManager");
    }
    else
    {
        const std::string control =
            band == WifiStandardRules::BAND_2_4 ? "ErpOfdmRate6Mbps" : "OfdmRate6Mbps";
        m_wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                       "DataMode",
                                       StringValue(m_constantMode),
                                       "ControlMode",
                                       StringValue(control));
    }
}

void
WifiScenarioHelper::InstallMacs(NetworkScenario& scenario)
{
    WifiMacHelper mac;
    if (m_explicitBar)
    {
        mac.SetAckManager("ns3::WifiDefaultAckManager", "UseExplicitBar", BooleanValue(true));
    }
    const Ssid ssid("coded-learning");
    mac.SetType("ns3::StaWifiMac",
                "Ssid",
                SsidValue(ssid),
                "ActiveProbing",
                BooleanValue(false),
                "MaxMissedBeacons",
                UintegerValue(m_maxMissedBeacons));
    scenario.workerDevices = m_wifi.Install(m_wifiPhy, mac, scenario.workers);
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    const NetDeviceContainer ap = m_wifi.Install(m_wifiPhy, mac, scenario.accessPoint);
    scenario.accessPointDevice = ap.Get(0);
    if (scenario.accessPoint == scenario.server)
    {
        scenario.serverDevices = ap;
    }
}

void
WifiScenarioHelper::ConfigureChannelAccess(const NetDeviceContainer& devices)
{
    const bool qos = GetRules().HasQos();
    std::vector<const char*> txops{"Txop"};
    if (qos)
    {
        txops = {"BE_Txop", "BK_Txop", "VI_Txop", "VO_Txop"};
        // ns-3.37 keeps a recipient Block Ack agreement pending until the Ack of its ADDBA
        // Response, with the starting sequence of the ADDBA Request. An originator that gives
        // up waiting for the response (AddBaResponseTimeout, 1 ms by default) sends its next
        // MPDU outside the agreement; when the late response then establishes the agreement
        // on both sides, the recipient still waits for that sequence number and buffers every
        // later MPDU of the originator until 64 more have arrived (a TCP handshake never
        // completes). ns-3.38 establishes the agreement at once; here, wait long enough for
        // a busy access point to answer.
        for (uint32_t i = 0; i < devices.GetN(); ++i)
        {
            for (const char* ac : txops)
            {
                GetTxop(devices.Get(i), ac)
                    ->SetAttribute("AddBaResponseTimeout", TimeValue(MilliSeconds(500)));
            }
        }
    }
    // MAC queues large enough for a model burst to every station (SetMacQueueSize).
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        for (const char* name : txops)
        {
            Ptr<WifiMacQueue> queue = GetTxop(devices.Get(i), name)->GetWifiMacQueue();
            queue->SetMaxSize(QueueSize(QueueSizeUnit::PACKETS, m_macQueueSize));
            queue->SetMaxDelay(m_macQueueMaxDelay);
        }
    }
    if (m_associationCwMin > 0)
    {
        // AC_VO with QoS, the DCF otherwise: the frames of the association.
        for (uint32_t i = 0; i < devices.GetN(); ++i)
        {
            m_tracker->Widen(GetTxop(devices.Get(i), qos ? "VO_Txop" : "Txop"),
                             m_associationCwMin,
                             m_associationCwMax);
        }
    }
}

void
WifiScenarioHelper::InstallMobility(NetworkScenario& scenario)
{
    // The access point at the origin; the stations around it.
    MobilityHelper apMobility;
    Ptr<ListPositionAllocator> apPosition = CreateObject<ListPositionAllocator>();
    apPosition->Add(Vector(0.0, 0.0, 0.0));
    apMobility.SetPositionAllocator(apPosition);
    apMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    apMobility.Install(scenario.accessPoint);

    const uint32_t n = GetNumWorkers();
    MobilityHelper staMobility;
    if (m_placement == "circle")
    {
        Ptr<ListPositionAllocator> circle = CreateObject<ListPositionAllocator>();
        for (uint32_t i = 0; i < n; ++i)
        {
            const double angle = 2.0 * PI * i / n;
            const double d = StationDistance(i);
            circle->Add(Vector(d * std::cos(angle), d * std::sin(angle), 0.0));
        }
        staMobility.SetPositionAllocator(circle);
    }
    else
    {
        Ptr<UniformDiscPositionAllocator> disc = CreateObject<UniformDiscPositionAllocator>();
        disc->SetAttribute("rho", DoubleValue(m_distance));
        disc->SetAttribute("X", DoubleValue(0.0));
        disc->SetAttribute("Y", DoubleValue(0.0));
        m_discAllocator = disc;
        staMobility.SetPositionAllocator(disc);
    }
    if (m_mobility == "static")
    {
        staMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    }
    else
    {
        const double d = m_distance;
        staMobility.SetMobilityModel("ns3::RandomWalk2dMobilityModel",
                                     "Bounds",
                                     RectangleValue(Rectangle(-d, d, -d, d)),
                                     "Mode",
                                     StringValue("Time"),
                                     "Time",
                                     StringValue("1s"),
                                     "Speed",
                                     StringValue("ns3::ConstantRandomVariable[Constant=" +
                                                 NetworkSettingParser::NumberText(m_walkSpeed) +
                                                 "]"));
    }
    staMobility.Install(scenario.workers);
}

void
WifiScenarioHelper::AttachErrorModel(Ptr<NetDevice> device, Ptr<ErrorModel> model)
{
    // Only data frames: losing the Ack of an ADDBA Response makes ns-3.37 use a missing
    // Block Ack agreement (std::bad_alloc), see doc/networks.rst.
    Ptr<WifiDataFrameErrorModel> dataOnly = CreateObject<WifiDataFrameErrorModel>();
    dataOnly->SetDataErrorModel(model);
    DynamicCast<WifiNetDevice>(device)->GetPhy()->SetPostReceptionErrorModel(dataOnly);
}

void
WifiScenarioHelper::AddStaticArpPair(const StaticArpPair& pair)
{
    // A device's ARP cache is flushed when its link goes up, which a station's does when it
    // associates: the entries are (re)made just after each association.
    m_tracker->AddArpPair(pair);
}

void
WifiScenarioHelper::ScheduleReady()
{
}

void
WifiScenarioHelper::PlaceStationsInDisc()
{
    const NodeContainer& workers = GetScenario().workers;
    for (uint32_t i = 0; i < workers.GetN(); ++i)
    {
        workers.Get(i)->GetObject<MobilityModel>()->SetPosition(m_discAllocator->GetNext());
    }
}

int64_t
WifiScenarioHelper::DoAssignStreams(int64_t stream)
{
    int64_t current = stream;
    current += m_wifi.AssignStreams(GetScenario().devices, current);
    current += YansWifiChannelHelper().AssignStreams(m_channel, current);
    if (m_discAllocator)
    {
        current += m_discAllocator->AssignStreams(current);
        PlaceStationsInDisc();
    }
    if (m_mobility == "random-walk")
    {
        MobilityHelper mobility;
        current += mobility.AssignStreams(GetScenario().workers, current);
    }
    return current - stream;
}

void
WifiScenarioHelper::DoEnablePcap(const std::string& prefix)
{
    m_wifiPhy.EnablePcap(prefix, GetScenario().devices);
}

} // namespace ns3
