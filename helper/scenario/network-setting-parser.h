// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NETWORK_SETTING_PARSER_H
#define CODED_LEARNING_NETWORK_SETTING_PARSER_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The text handling of the network scenario helpers' settings: lists, data rates,
 * delays, IPv4 networks and numbers in messages. The parsers throw std::invalid_argument
 * naming the setting, the value and what is allowed.
 */
class NetworkSettingParser
{
  public:
    /**
     * \param text any text
     * \return the text without leading and trailing white space
     */
    static std::string Trim(const std::string& text);

    /**
     * \param text a comma-separated list
     * \return the trimmed entries (an empty entry stays empty)
     */
    static std::vector<std::string> SplitList(const std::string& text);

    /**
     * \param entries the entries
     * \param separator what goes between two entries, e.g. ", "
     * \return the entries joined
     */
    static std::string Join(const std::vector<std::string>& entries, const std::string& separator);

    /**
     * \param what the setting, e.g. "CSMA data rate"
     * \param text the value, e.g. "100Mbps"
     * \return the data rate
     * \throws std::invalid_argument unless the text is a data rate > 0 that ns-3 understands
     */
    static DataRate ParseDataRate(const std::string& what, const std::string& text);

    /**
     * \param what the setting, e.g. "CSMA delay"
     * \param text the value, e.g. "2ms"
     * \return the delay
     * \throws std::invalid_argument unless the text is a time >= 0 (unit s, ms, us, ns, ps,
     *         fs, min, h or d; none means seconds)
     */
    static Time ParseDelay(const std::string& what, const std::string& text);

    /**
     * \param text an IPv4 network in CIDR form, e.g. "10.1.0.0/16"
     * \param address set to the address (the dotted quad) as a host-order integer
     * \param prefixLength set to the prefix length (the one or two digits after the slash)
     * \return whether the text has that form, with four decimal numbers 0..255 separated by
     *         points; the prefix length and the host bits are not checked
     */
    static bool ParseCidr(const std::string& text, uint32_t& address, uint32_t& prefixLength);

    /**
     * \param value a number
     * \return the number as the shortest text that reads back the same
     */
    static std::string NumberText(double value);
};

} // namespace ns3

#endif // CODED_LEARNING_NETWORK_SETTING_PARSER_H
