// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CSMA_SCENARIO_HELPER_H
#define CODED_LEARNING_CSMA_SCENARIO_HELPER_H

#include "network-scenario-helper.h"

#include "ns3/csma-helper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The "csma" network: one shared bus (CsmaHelper) with the server and every worker,
 * one subnet; loss from each device's ReceiveErrorModel.
 */
class CsmaScenarioHelper : public NetworkScenarioHelper
{
  public:
    /// A bus with the default NetworkSettings.
    CsmaScenarioHelper();

    /**
     * \param settings the common and the csma* fields are applied through the setters
     * \throws std::invalid_argument for a bad value
     */
    explicit CsmaScenarioHelper(const NetworkSettings& settings);

    /// \return "csma"
    std::string GetKind() const override;

    /// \return 2^(32-prefix) - 3 (one subnet)
    uint32_t GetMaxWorkers() const override;

    /**
     * \param rate the bus data rate, e.g. "100Mbps" (default), > 0
     */
    void SetDataRate(const std::string& rate);

    /**
     * \param delay the bus propagation delay, e.g. "6560ns" (default), >= 0
     */
    void SetDelay(const std::string& delay);

  protected:
    std::string GetDisplayName() const override;
    void InstallDevices(NetworkScenario& scenario) override;
    int64_t DoAssignStreams(int64_t stream) override;
    void DoEnablePcap(const std::string& prefix) override;

  private:
    std::string m_dataRate; //!< data rate (as given, trimmed)
    std::string m_delay;    //!< delay (as given, trimmed)
    CsmaHelper m_csma;      //!< CSMA helper (for pcap and AssignStreams)
};

} // namespace ns3

#endif // CODED_LEARNING_CSMA_SCENARIO_HELPER_H
