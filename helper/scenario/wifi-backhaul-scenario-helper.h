// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WIFI_BACKHAUL_SCENARIO_HELPER_H
#define CODED_LEARNING_WIFI_BACKHAUL_SCENARIO_HELPER_H

#include "wifi-scenario-helper.h"

#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-helper.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The "wifi" network with a wired backhaul (NetworkSettings::backhaul "p2p"): the
 * access point is its own node, and the parameter server sits behind it on a point-to-point
 * link of a set rate and delay, so every upload crosses the access point's end of the
 * backhaul, where a queue disc can act on it (SetBackhaulQueueDisc).
 *
 * The cell is WifiScenarioHelper's (same settings, readiness, association tracker,
 * station-loss detector, static ARP towards the access point, loss on the Wi-Fi PHY); what
 * changes:
 *  - NetworkScenario::server is the server node, serverDevices its end of the backhaul (the
 *    device where the uplink ends), serverAddresses its backhaul address (the same for every
 *    worker); accessPoint and accessPointDevice are the access point and its Wi-Fi device,
 *    backhaulDevices the link (access point's end first), relayDevices the access point's
 *    Wi-Fi and backhaul devices, and nodes ends with the access point.
 *  - Addresses: the lower half of the plan (prefix + 1) is the Wi-Fi subnet (access point
 *    first, worker i the (i+2)-th address, as without a backhaul), the first /30 of the upper
 *    half the backhaul (access point .1, server .2). Static routes: the workers' default
 *    route is the access point, the server reaches the Wi-Fi subnet through it; the access
 *    point forwards (ns-3's IPv4 forwards by default).
 *  - The uplink loss rate is applied where it is without a backhaul: on the access point's
 *    Wi-Fi PHY (data frames), not on the backhaul.
 *  - PCAP: the Wi-Fi devices as WifiScenarioHelper's, plus the backhaul's two ends.
 */
class WifiBackhaulScenarioHelper : public WifiScenarioHelper
{
  public:
    /**
     * \param settings the common, wifi* and backhaul* fields are applied through the setters
     * \throws std::invalid_argument for a bad value
     */
    explicit WifiBackhaulScenarioHelper(const NetworkSettings& settings);

    ~WifiBackhaulScenarioHelper() override;

    /// \return the Wi-Fi limit and the Wi-Fi subnet's capacity, 2^(31-prefix) - 3
    uint32_t GetMaxWorkers() const override;

    /**
     * \param rate the backhaul's data rate, > 0, e.g. "100Mbps" (default)
     * \throws std::invalid_argument naming the value
     */
    void SetBackhaulDataRate(const std::string& rate);
    /**
     * \param delay the backhaul's propagation delay, >= 0, e.g. "1ms" (default)
     * \throws std::invalid_argument naming the value
     */
    void SetBackhaulDelay(const std::string& delay);
    /**
     * \param queueDisc the root queue disc of the access point's end of the backhaul, which
     *        carries every upload towards the server: "none" (default: ns-3's default queue
     *        disc, FqCoDel) or "fair-admission" (FairAdmissionQueueDisc with NumClasses = the
     *        number of workers and a SourceAddressPacketFilter that makes class i worker i;
     *        its other attributes and its policy's are the defaults, set with
     *        --ns3::FairAdmissionQueueDisc::X and --ns3::LyapunovAdmissionPolicy::X). With it
     *        the device's own transmit queue holds 1 packet, so that the queue disc, not the
     *        device queue, holds the backlog and picks the order.
     * \throws std::invalid_argument for another name
     */
    void SetBackhaulQueueDisc(const std::string& queueDisc);

  protected:
    std::string GetDisplayName() const override;
    std::string AddressPlanUnit() const override;
    /// Creates the access point node, the cell (WifiScenarioHelper) and the backhaul.
    /// \param scenario the scenario with its nodes, to fill
    void InstallDevices(NetworkScenario& scenario) override;
    /**
     * The uplink's error model goes on the access point's Wi-Fi PHY.
     * \param device the receiving device \param model the error model
     */
    void AttachErrorModel(Ptr<NetDevice> device, Ptr<ErrorModel> model) override;
    /**
     * Installs the backhaul queue disc, assigns the two subnets and adds the static routes.
     * \param scenario the scenario to fill
     */
    void AssignAddresses(NetworkScenario& scenario) override;
    /// The worker's entries pair with the access point's Wi-Fi device. \param pair the pair
    void AddStaticArpPair(const StaticArpPair& pair) override;
    void DoEnablePcap(const std::string& prefix) override;

  private:
    /// Installs the fair-admission queue disc on the access point's end of the backhaul.
    /// \param scenario the scenario built so far (backhaulQueueDiscs is filled)
    void InstallQueueDisc(NetworkScenario& scenario);
    /// Adds the static routes through the access point. \param scenario the scenario
    void AddRoutes(const NetworkScenario& scenario);

    // Settings
    DataRate m_rate;         //!< backhaul data rate
    Time m_delay;            //!< backhaul delay
    std::string m_queueDisc; //!< "none" or "fair-admission"

    // Built state
    PointToPointHelper m_p2p;        //!< the backhaul helper (for PCAP)
    Ptr<NetDevice> m_apWifiDevice;   //!< the access point's Wi-Fi device
    Ptr<NetDevice> m_serverDevice;   //!< the server's end of the backhaul
    Ipv4Address m_apWifiAddress;     //!< the access point's Wi-Fi address
    Ipv4Address m_apBackhaulAddress; //!< the access point's backhaul address
    Ipv4Address m_wifiNetwork;       //!< the Wi-Fi subnet
    Ipv4Mask m_wifiMask;             //!< its mask
};

} // namespace ns3

#endif // CODED_LEARNING_WIFI_BACKHAUL_SCENARIO_HELPER_H
