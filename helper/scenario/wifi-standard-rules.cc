// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-standard-rules.h"

#include "network-setting-parser.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{

namespace
{

/**
 * \param prefix a mode family, e.g. "HeMcs"
 * \param first the first index
 * \param last the last index
 * \param modes the list to append "<prefix><i>" to
 */
void
AddMcs(const std::string& prefix, int first, int last, std::vector<std::string>& modes)
{
    for (int i = first; i <= last; ++i)
    {
        modes.push_back(prefix + std::to_string(i));
    }
}

/**
 * \param prefix "OfdmRate" or "ErpOfdmRate"
 * \param modes the list to append the eight OFDM rates to
 */
void
AddOfdm(const std::string& prefix, std::vector<std::string>& modes)
{
    for (const char* rate : {"6", "9", "12", "18", "24", "36", "48", "54"})
    {
        modes.push_back(prefix + rate + "Mbps");
    }
}

} // namespace

WifiStandardRules::WifiStandardRules(const std::string& standard, Band band)
    : m_standard(standard),
      m_band(band)
{
    if (m_band == BAND_AUTO)
    {
        m_band = m_standard == "802.11g" ? BAND_2_4 : BAND_5;
    }
}

std::string
WifiStandardRules::CanonicalStandard(const std::string& name)
{
    for (const char* amendment : {"ax", "ac", "n", "g", "a"})
    {
        const std::string s(amendment);
        if (name == "802.11" + s || name == "80211" + s || name == s)
        {
            return "802.11" + s;
        }
    }
    throw std::invalid_argument("Wi-Fi standard '" + name +
                                "' is unknown (allowed: 802.11ax, 802.11ac, 802.11n, 802.11g, "
                                "802.11a)");
}

WifiStandardRules::Band
WifiStandardRules::ParseBand(const std::string& name)
{
    if (name == "auto")
    {
        return BAND_AUTO;
    }
    if (name == "2.4GHz" || name == "2.4")
    {
        return BAND_2_4;
    }
    if (name == "5GHz" || name == "5")
    {
        return BAND_5;
    }
    if (name == "6GHz" || name == "6")
    {
        return BAND_6;
    }
    throw std::invalid_argument("Wi-Fi band '" + name +
                                "' is unknown (allowed: auto, 2.4GHz, 5GHz, 6GHz)");
}

std::string
WifiStandardRules::BandName(Band band)
{
    switch (band)
    {
    case BAND_2_4:
        return "2.4GHz";
    case BAND_5:
        return "5GHz";
    case BAND_6:
        return "6GHz";
    default:
        return "auto";
    }
}

WifiStandardRules::Band
WifiStandardRules::GetBand() const
{
    return m_band;
}

bool
WifiStandardRules::HasQos() const
{
    return m_standard == "802.11n" || m_standard == "802.11ac" || m_standard == "802.11ax";
}

double
WifiStandardRules::DefaultReferenceLoss() const
{
    switch (m_band)
    {
    case BAND_2_4:
        return 40.0;
    case BAND_6:
        return 48.0;
    default:
        return 46.6777;
    }
}

std::vector<WifiStandardRules::Band>
WifiStandardRules::AllowedBands() const
{
    if (m_standard == "802.11a" || m_standard == "802.11ac")
    {
        return {BAND_5};
    }
    if (m_standard == "802.11g")
    {
        return {BAND_2_4};
    }
    if (m_standard == "802.11n")
    {
        return {BAND_2_4, BAND_5};
    }
    return {BAND_2_4, BAND_5, BAND_6};
}

uint16_t
WifiStandardRules::MaxChannelWidth() const
{
    if (m_standard == "802.11a" || m_standard == "802.11g")
    {
        return 20;
    }
    if (m_standard == "802.11n" || m_band == BAND_2_4)
    {
        return 40;
    }
    return 160;
}

std::vector<std::string>
WifiStandardRules::ConstantModes(uint16_t width) const
{
    std::vector<std::string> modes;
    if (m_standard == "802.11ax")
    {
        AddMcs("HeMcs", 0, 11, modes);
    }
    if ((m_standard == "802.11ac" || m_standard == "802.11ax") && m_band == BAND_5)
    {
        // VHT-MCS 9 is not defined for one spatial stream on 20 MHz
        AddMcs("VhtMcs", 0, width == 20 ? 8 : 9, modes);
    }
    if (HasQos() && m_band != BAND_6)
    {
        AddMcs("HtMcs", 0, 7, modes);
    }
    if (m_band == BAND_2_4)
    {
        AddOfdm("ErpOfdmRate", modes);
        for (const char* dsss :
             {"DsssRate1Mbps", "DsssRate2Mbps", "DsssRate5_5Mbps", "DsssRate11Mbps"})
        {
            modes.emplace_back(dsss);
        }
    }
    else
    {
        AddOfdm("OfdmRate", modes);
    }
    return modes;
}

void
WifiStandardRules::Check(uint16_t width,
                         const std::string& rateControl,
                         const std::string& constantMode) const
{
    const std::vector<Band> bands = AllowedBands();
    if (std::find(bands.begin(), bands.end(), m_band) == bands.end())
    {
        std::vector<std::string> allowed;
        for (Band b : bands)
        {
            allowed.push_back(BandName(b));
        }
        throw std::invalid_argument(
            "Wi-Fi band " + BandName(m_band) + " is not available for " + m_standard +
            " (allowed: " + NetworkSettingParser::Join(allowed, ", ") + ")");
    }

    const uint16_t maxWidth = MaxChannelWidth();
    if (width > maxWidth)
    {
        std::vector<std::string> allowed;
        for (uint16_t w = 20; w <= maxWidth; w *= 2)
        {
            allowed.push_back(std::to_string(w));
        }
        throw std::invalid_argument(
            "Wi-Fi channel width " + std::to_string(width) + " MHz is not available for " +
            m_standard + " at " + BandName(m_band) +
            " (allowed: " + NetworkSettingParser::Join(allowed, ", ") + ")");
    }

    if (rateControl == "constant")
    {
        // Single spatial stream modes the stations of this standard, band and width support.
        const std::vector<std::string> modes = ConstantModes(width);
        if (std::find(modes.begin(), modes.end(), constantMode) == modes.end())
        {
            throw std::invalid_argument(
                "Wi-Fi constant mode '" + constantMode + "' is not available for " + m_standard +
                " at " + BandName(m_band) + ", " + std::to_string(width) +
                " MHz (allowed: " + NetworkSettingParser::Join(modes, ", ") + ")");
        }
    }
}

} // namespace ns3
