// SPDX-License-Identifier: GPL-2.0-only
#include "network-scenario-factory.h"

#include "csma-scenario-helper.h"
#include "ideal-scenario-helper.h"
#include "network-setting-parser.h"
#include "point-to-point-scenario-helper.h"
#include "wifi-backhaul-scenario-helper.h"
#include "wifi-scenario-helper.h"

#include <stdexcept>

namespace ns3
{

namespace
{

/**
 * \param settings the settings
 * \return a helper of topology T made from the settings
 */
template <typename T>
std::unique_ptr<NetworkScenarioHelper>
Make(const NetworkSettings& settings)
{
    return std::make_unique<T>(settings);
}

/// One topology of the factory.
struct Entry
{
    const char* kind;                                                       //!< its name
    std::unique_ptr<NetworkScenarioHelper> (*make)(const NetworkSettings&); //!< its maker
};

/// The topologies, in the order of Kinds().
const Entry ENTRIES[] = {
    {"wifi", &Make<WifiScenarioHelper>},
    {"csma", &Make<CsmaScenarioHelper>},
    {"p2p", &Make<PointToPointScenarioHelper>},
    {"ideal", &Make<IdealScenarioHelper>},
};

} // namespace

std::vector<std::string>
NetworkScenarioFactory::Kinds()
{
    std::vector<std::string> kinds;
    for (const Entry& entry : ENTRIES)
    {
        kinds.emplace_back(entry.kind);
    }
    return kinds;
}

std::unique_ptr<NetworkScenarioHelper>
NetworkScenarioFactory::Create(const std::string& kind, const NetworkSettings& settings)
{
    if (settings.backhaul != "none" && settings.backhaul != "p2p")
    {
        throw std::invalid_argument("backhaul '" + settings.backhaul +
                                    "' is unknown (allowed: none, p2p)");
    }
    if (settings.backhaul == "none" && settings.backhaulQueueDisc != "none")
    {
        throw std::invalid_argument("backhaul queue disc '" + settings.backhaulQueueDisc +
                                    "' needs a backhaul (allowed without one: none; the "
                                    "uploads cross a queue disc only on the backhaul p2p)");
    }
    if (settings.backhaul != "none")
    {
        if (kind != "wifi")
        {
            throw std::invalid_argument("backhaul '" + settings.backhaul +
                                        "' is invalid for network kind '" + kind +
                                        "' (allowed: none; a backhaul exists only for wifi)");
        }
        return std::make_unique<WifiBackhaulScenarioHelper>(settings);
    }
    for (const Entry& entry : ENTRIES)
    {
        if (kind == entry.kind)
        {
            return entry.make(settings);
        }
    }
    throw std::invalid_argument("network kind '" + kind + "' is unknown (allowed: " +
                                NetworkSettingParser::Join(Kinds(), ", ") + ")");
}

} // namespace ns3
