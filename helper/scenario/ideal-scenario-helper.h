// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_IDEAL_SCENARIO_HELPER_H
#define CODED_LEARNING_IDEAL_SCENARIO_HELPER_H

#include "network-scenario-helper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The "ideal" network: the nodes only, no devices, no internet stack and no packets;
 * the applications see NetworkScenario::ideal and exchange their messages directly with zero
 * delay (the oracle network). The addresses are the nominal ones of the single-subnet plan,
 * assigned to no interface. AssignStreams() uses no stream, EnablePcap() writes nothing, the
 * flow monitor document has no flows, the network is ready at time 0.
 */
class IdealScenarioHelper : public NetworkScenarioHelper
{
  public:
    /// The ideal network with the default NetworkSettings.
    IdealScenarioHelper();

    /**
     * \param settings the common fields are applied through the setters (the loss rates
     *        have no effect: there are no devices)
     * \throws std::invalid_argument for a bad value
     */
    explicit IdealScenarioHelper(const NetworkSettings& settings);

    /// \return "ideal"
    std::string GetKind() const override;

    /// \return 2^(32-prefix) - 3 (the nominal single-subnet plan)
    uint32_t GetMaxWorkers() const override;

  protected:
    std::string GetDisplayName() const override;
    /// No devices: marks the scenario ideal. \param scenario the scenario to fill
    void InstallDevices(NetworkScenario& scenario) override;
    /// No stack: the nominal addresses only. \param scenario the scenario to fill
    void InstallInternet(NetworkScenario& scenario) override;
    /// No devices: nothing to write. \param prefix unused
    void DoEnablePcap(const std::string& prefix) override;
};

} // namespace ns3

#endif // CODED_LEARNING_IDEAL_SCENARIO_HELPER_H
