// SPDX-License-Identifier: GPL-2.0-only
#include "network-scenario-factory.h"

#include "csma-scenario-helper.h"
#include "ideal-scenario-helper.h"
#include "network-setting-parser.h"
#include "point-to-point-scenario-helper.h"
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
