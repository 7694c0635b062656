// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_POINT_TO_POINT_SCENARIO_HELPER_H
#define CODED_LEARNING_POINT_TO_POINT_SCENARIO_HELPER_H

#include "network-scenario-helper.h"

#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-helper.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The "p2p" network: a star, one point-to-point link per worker to the server node,
 * each with its own data rate and delay. The address plan is cut into /30 subnets, one per
 * link (link i: base + 4i; server side + 1, worker + 2); no ARP; loss from each device's
 * ReceiveErrorModel.
 */
class PointToPointScenarioHelper : public NetworkScenarioHelper
{
  public:
    /// A star with the default NetworkSettings.
    PointToPointScenarioHelper();

    /**
     * \param settings the common and the p2p* fields are applied through the setters
     * \throws std::invalid_argument for a bad value
     */
    explicit PointToPointScenarioHelper(const NetworkSettings& settings);

    /// \return "p2p"
    std::string GetKind() const override;

    /// \return 2^(30-prefix) (one /30 subnet per link)
    uint32_t GetMaxWorkers() const override;

    /**
     * \param rates the link data rates: one value for every link or a comma-separated list
     *        with one value per worker, e.g. "100Mbps" (default) or "10Mbps,5Mbps,1Mbps";
     *        each > 0 (Build() checks the list length)
     */
    void SetDataRates(const std::string& rates);

    /**
     * \param delays the link delays, one for all or one per worker, e.g. "1ms" (default) or
     *        "1ms,5ms,20ms"; each >= 0
     */
    void SetDelays(const std::string& delays);

  protected:
    std::string GetDisplayName() const override;
    std::string AddressPlanUnit() const override;
    void DoValidate() const override;
    void InstallDevices(NetworkScenario& scenario) override;
    void AssignAddresses(NetworkScenario& scenario) override;
    /// Point-to-point links use no ARP: nothing to fill. \param pair unused
    void AddStaticArpPair(const StaticArpPair& pair) override;
    void DoEnablePcap(const std::string& prefix) override;

  private:
    /**
     * \param what the setting in messages, "data rate" or "delay"
     * \param entries the list set (one or n entries)
     * \return one entry per worker (one entry is repeated)
     * \throws std::invalid_argument unless the list has one or n entries
     */
    std::vector<std::string> PerWorker(const std::string& what,
                                       const std::vector<std::string>& entries) const;
    /// \return one rate per worker \throws std::invalid_argument for a bad list
    std::vector<DataRate> ExpandRates() const;
    /// \return one delay per worker \throws std::invalid_argument for a bad list
    std::vector<Time> ExpandDelays() const;

    std::vector<std::string> m_rates;  //!< data rates (one or n entries)
    std::vector<std::string> m_delays; //!< delays (one or n entries)
    PointToPointHelper m_p2p;          //!< point-to-point helper (for pcap)
};

} // namespace ns3

#endif // CODED_LEARNING_POINT_TO_POINT_SCENARIO_HELPER_H
