// SPDX-License-Identifier: GPL-2.0-only
#include "network-setting-parser.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/// What a data rate may look like, for error messages.
const char* const RATE_FORMAT = "a rate > 0 with a unit, e.g. 100Mbps, 1Gbps, 500kbps";

/// What a delay may look like, for error messages.
const char* const DELAY_FORMAT = "a time >= 0 with a unit s, ms, us or ns, e.g. 1ms, 6560ns";

/**
 * Splits "<number><unit>" into a number and a unit.
 * \param text the text, e.g. "1.5ms"; a leading sign is allowed
 * \param value the number
 * \param unit the rest after the number
 * \return whether the text starts with a finite decimal number (digits and at most one point)
 */
bool
SplitNumber(const std::string& text, double& value, std::string& unit)
{
    std::string::size_type i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
    {
        ++i;
    }
    const std::string::size_type digitsStart = i;
    bool digit = false;
    bool point = false;
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || (text[i] == '.' && !point)))
    {
        digit = digit || text[i] != '.';
        point = point || text[i] == '.';
        ++i;
    }
    if (!digit)
    {
        return false;
    }
    value = std::strtod(text.substr(0, i).c_str(), nullptr);
    unit = text.substr(i);
    return std::isfinite(value) && i > digitsStart;
}

/**
 * \param text any text
 * \return whether the text is one or more decimal digits
 */
bool
AllDigits(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

/**
 * \param text a dotted quad, e.g. "10.1.0.0"
 * \param address set to the address as a host-order integer
 * \return whether the text is four decimal numbers 0..255 separated by points
 */
bool
ParseDottedQuad(const std::string& text, uint32_t& address)
{
    std::string commas = text;
    std::replace(commas.begin(), commas.end(), '.', ',');
    const auto parts = NetworkSettingParser::SplitList(commas);
    if (parts.size() != 4)
    {
        return false;
    }
    address = 0;
    for (const auto& part : parts)
    {
        if (part.size() > 3 || !AllDigits(part))
        {
            return false;
        }
        const unsigned long byte = std::strtoul(part.c_str(), nullptr, 10);
        if (byte > 255)
        {
            return false;
        }
        address = (address << 8) | static_cast<uint32_t>(byte);
    }
    return true;
}

} // namespace

std::string
NetworkSettingParser::Trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
    {
        return "";
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::vector<std::string>
NetworkSettingParser::SplitList(const std::string& text)
{
    std::vector<std::string> entries;
    std::string::size_type start = 0;
    while (true)
    {
        const auto comma = text.find(',', start);
        entries.push_back(Trim(text.substr(start, comma - start)));
        if (comma == std::string::npos)
        {
            break;
        }
        start = comma + 1;
    }
    return entries;
}

std::string
NetworkSettingParser::Join(const std::vector<std::string>& entries, const std::string& separator)
{
    std::string joined;
    for (const auto& entry : entries)
    {
        joined += (joined.empty() ? "" : separator) + entry;
    }
    return joined;
}

DataRate
NetworkSettingParser::ParseDataRate(const std::string& what, const std::string& text)
{
    double value = 0;
    std::string unit;
    const std::string trimmed = Trim(text);
    DataRate rate;
    bool ok = SplitNumber(trimmed, value, unit) && !unit.empty() &&
              std::isalpha(static_cast<unsigned char>(unit[0])) &&
              unit.find_first_of(" \t") == std::string::npos && trimmed[0] != '-' &&
              trimmed[0] != '+';
    if (ok)
    {
        std::istringstream is(trimmed);
        is >> rate;
        ok = !is.fail();
    }
    if (!ok || rate.GetBitRate() == 0)
    {
        throw std::invalid_argument(what + " '" + text + "' is invalid (allowed: " + RATE_FORMAT +
                                    ")");
    }
    return rate;
}

Time
NetworkSettingParser::ParseDelay(const std::string& what, const std::string& text)
{
    double value = 0;
    std::string unit;
    const std::string trimmed = Trim(text);
    const bool number = SplitNumber(trimmed, value, unit);
    static const char* const units[] = {"", "s", "ms", "us", "ns", "ps", "fs", "min", "h", "d"};
    const bool knownUnit = std::find(std::begin(units), std::end(units), unit) != std::end(units);
    if (!number || !knownUnit)
    {
        throw std::invalid_argument(what + " '" + text + "' is invalid (allowed: " + DELAY_FORMAT +
                                    ")");
    }
    if (value < 0 || trimmed[0] == '-')
    {
        throw std::invalid_argument(what + " '" + text + "' is negative (allowed: " + DELAY_FORMAT +
                                    ")");
    }
    return Time(trimmed);
}

bool
NetworkSettingParser::ParseCidr(const std::string& text, uint32_t& address, uint32_t& prefixLength)
{
    const auto slash = text.find('/');
    if (slash == std::string::npos)
    {
        return false;
    }
    const std::string prefixText = text.substr(slash + 1);
    if (!ParseDottedQuad(text.substr(0, slash), address) || prefixText.size() > 2 ||
        !AllDigits(prefixText))
    {
        return false;
    }
    prefixLength = static_cast<uint32_t>(std::stoul(prefixText));
    return true;
}

std::string
NetworkSettingParser::NumberText(double value)
{
    std::string text;
    for (int precision = 1; precision <= 17; ++precision)
    {
        std::ostringstream candidate;
        candidate.precision(precision);
        candidate << value;
        text = candidate.str();
        if (std::isnan(value) || std::strtod(text.c_str(), nullptr) == value)
        {
            break;
        }
    }
    return text;
}

} // namespace ns3
