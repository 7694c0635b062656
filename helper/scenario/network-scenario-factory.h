// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_SCENARIO_FACTORY_H
#define CODED_LEARNING_NETWORK_SCENARIO_FACTORY_H

#include "network-scenario-helper.h"
#include "network-settings.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Makes the network scenario helper of a topology from its name: "wifi"
 * (WifiScenarioHelper), "csma" (CsmaScenarioHelper), "p2p" (PointToPointScenarioHelper),
 * "ideal" (IdealScenarioHelper); "wifi" with NetworkSettings::backhaul "p2p" is
 * WifiBackhaulScenarioHelper (still of kind "wifi"). A new topology is a new
 * NetworkScenarioHelper subclass and one entry in this factory's table.
 */
class NetworkScenarioFactory
{
  public:
    /// \return the topology names, in the order above
    static std::vector<std::string> Kinds();

    /**
     * \param kind one of Kinds()
     * \param settings the settings; the helper applies the common fields and those of its
     *        topology through its setters
     * \return the helper, not yet built
     * \throws std::invalid_argument for an unknown kind (listing Kinds()), a bad setting,
     *         an unknown backhaul, a backhaul on another kind than "wifi", or a backhaul
     *         queue disc without a backhaul
     */
    static std::unique_ptr<NetworkScenarioHelper> Create(const std::string& kind,
                                                         const NetworkSettings& settings);
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_SCENARIO_FACTORY_H
