// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_SETTINGS_H
#define CODED_LEARNING_NETWORK_SETTINGS_H

#include "ns3/coded-learning-ns3-compat.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ns3
{

/**
 * \ingroup coded-learning
 * The plain settings of every network kind: what NetworkScenarioFactory::Create() hands to
 * the helper of the kind chosen. Each helper applies the common fields and its own ones
 * through its setters (so the same checks and messages apply) and ignores the others. The
 * defaults are the helpers' defaults; doc/networks.rst explains each setting.
 */
struct NetworkSettings
{
    // Common (NetworkScenarioHelper)

    /// Number of workers, >= 1; at most GetMaxWorkers() of the kind (SetNumWorkers).
    uint32_t numWorkers{4};
    /// Fraction of packets lost on the uplink (received by the server), [0, 1].
    double uplinkLossRate{0.0};
    /// Fraction of packets lost on the downlink (received by the workers), [0, 1].
    double downlinkLossRate{0.0};
    /// Loss model: "rate" (independent losses) or "burst" (SetLossModel).
    std::string lossModel{"rate"};
    /// Packets per burst of the "burst" loss model, >= 1 (SetLossBurstLength).
    uint32_t lossBurstLength{4};
    /// IPv4 network of the address plan, a.b.c.d/prefix (SetIpv4Network).
    std::string ipv4Network{"10.1.0.0/16"};
    /// ARP PendingQueueSize of every interface, >= 1 packet (ns-3: 3).
    uint32_t arpPendingQueueSize{1024};
    /// Whether the server's and the workers' ARP caches are filled statically (SetStaticArp).
    bool staticArp{true};

    // Wi-Fi (WifiScenarioHelper)

    /// Standard: "802.11ax", "802.11ac", "802.11n", "802.11g" or "802.11a" (SetStandard).
    std::string wifiStandard{"802.11ax"};
    /// Band: "auto" (2.4GHz for 802.11g, 5GHz otherwise), "2.4GHz", "5GHz" or "6GHz".
    std::string wifiBand{"auto"};
    /// Channel width: 20, 40, 80 or 160 MHz (SetChannelWidth).
    uint16_t wifiChannelWidth{20};
    /// Station placement: "circle" or "disc" (SetPlacement).
    std::string wifiPlacement{"circle"};
    /// Circle or disc radius, > 0 m (SetDistance).
    double wifiDistance{10.0};
    /// Per-station distances from the access point on the circle, > 0 m each, comma-separated:
    /// one for every station or exactly one per station; empty: every station at wifiDistance
    /// (SetDistances; circle placement and static stations only).
    std::string wifiDistances;
    /// Station mobility: "static" or "random-walk" (SetMobility).
    std::string wifiMobility{"static"};
    /// Random-walk speed, > 0 m/s (SetWalkSpeed).
    double wifiWalkSpeed{1.0};
    /// Log-distance path-loss exponent, (0, 10] (SetPathLossExponent).
    double wifiPathLossExponent{3.0};
    /// Path loss at 1 m, [0, 200] dB; unset: by band, 40 / 46.6777 / 48 dB (SetReferenceLoss).
    std::optional<double> wifiReferenceLoss;
    /// Rate control: "ideal", "minstrel-ht" or "constant" (SetRateControl).
    std::string wifiRateControl{"ideal"};
    /// Data mode of the "constant" rate control, e.g. "HeMcs7" (SetConstantMode).
    std::string wifiConstantMode{"HeMcs7"};
    /// Stations' MaxMissedBeacons, >= 1 (ns-3: 10) (SetMaxMissedBeacons).
    uint32_t wifiMaxMissedBeacons{1000};
    /// The access point lets go of a station that heard no beacon for this many intervals,
    /// and takes it back when it hears one (WifiStationLossDetector); 0 = never
    /// (SetStationLossBeacons). Default 3 on ns-3.37, 0 on other versions
    /// (CODED_LEARNING_STATION_LOSS_TAKE_BACK).
    uint32_t wifiStationLossBeacons{CODED_LEARNING_STATION_LOSS_TAKE_BACK ? 3u : 0u};
    /// Contention window minimum while associating, 1..1023, or 0 (with max 0): off.
    uint32_t wifiAssociationCwMin{63};
    /// Contention window maximum while associating, min..1023 (SetAssociationCw).
    uint32_t wifiAssociationCwMax{1023};
    /// Capacity of every Wi-Fi MAC queue, >= 1 packet (ns-3: 500) (SetMacQueueSize).
    uint32_t wifiMacQueueSize{100000};
    /// How long a frame may wait in a Wi-Fi MAC queue, > 0 (ns-3: 500 ms).
    Time wifiMacQueueMaxDelay{Seconds(5)};
    /// Acknowledge A-MPDUs through explicit Block Ack Requests (WifiDefaultAckManager
    /// UseExplicitBar); default on with ns-3.37 only, the workaround for its Block Ack
    /// assertion (SetExplicitBlockAckRequest).
    bool wifiExplicitBlockAckRequest{CODED_LEARNING_NS3_PENDING_RECIPIENT_BA != 0};
    // Wi-Fi backhaul (WifiBackhaulScenarioHelper)
    /// "none" (the access point is the server) or "p2p" (the server is its own node behind the
    /// access point, over a point-to-point link); "wifi" only (NetworkScenarioFactory).
    std::string backhaul{"none"};
    /// Backhaul data rate, > 0, e.g. "100Mbps" (SetBackhaulDataRate).
    std::string backhaulDataRate{"100Mbps"};
    /// Backhaul delay, >= 0, e.g. "1ms" (SetBackhaulDelay).
    std::string backhaulDelay{"1ms"};
    /// Root queue disc on the access point's end of the backhaul, the uplink's egress towards
    /// the server: "none" (ns-3's default) or "fair-admission" (FairAdmissionQueueDisc, one
    /// class per worker by source address) (SetBackhaulQueueDisc).
    std::string backhaulQueueDisc{"none"};

    // CSMA (CsmaScenarioHelper)

    /// Bus data rate, > 0, e.g. "100Mbps" (SetDataRate).
    std::string csmaDataRate{"100Mbps"};
    /// Bus propagation delay, >= 0, e.g. "6560ns" (SetDelay).
    std::string csmaDelay{"6560ns"};

    // Point-to-point star (PointToPointScenarioHelper)

    /// Link data rates: one for every link or one per worker, comma-separated (SetDataRates).
    std::string p2pDataRates{"100Mbps"};
    /// Link delays: one for every link or one per worker, comma-separated (SetDelays).
    std::string p2pDelays{"1ms"};
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_SETTINGS_H
