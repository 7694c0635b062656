// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WIFI_STANDARD_RULES_H
#define CODED_LEARNING_WIFI_STANDARD_RULES_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief What an 802.11 amendment allows in a WifiScenarioHelper cell: its bands, channel
 * widths, single-spatial-stream data modes and whether it has QoS; and the names the
 * helper's setters accept for standards and bands.
 */
class WifiStandardRules
{
  public:
    /// Wi-Fi frequency band.
    enum Band
    {
        BAND_AUTO, //!< 2.4 GHz for 802.11g, 5 GHz otherwise
        BAND_2_4,  //!< 2.4 GHz
        BAND_5,    //!< 5 GHz
        BAND_6,    //!< 6 GHz
    };

    /**
     * \param standard a canonical standard name (see CanonicalStandard)
     * \param band the band set; BAND_AUTO is resolved here
     */
    WifiStandardRules(const std::string& standard, Band band);

    /**
     * \param name "802.11ax", "802.11ac", "802.11n", "802.11g" or "802.11a", also written
     *        "80211ax" or "ax"
     * \return the canonical name, e.g. "802.11ax"
     * \throws std::invalid_argument for another name
     */
    static std::string CanonicalStandard(const std::string& name);

    /**
     * \param name "auto", "2.4GHz", "5GHz" or "6GHz" (also without "GHz")
     * \return the band
     * \throws std::invalid_argument for another name
     */
    static Band ParseBand(const std::string& name);

    /// \param band a band \return the band's name, e.g. "5GHz"
    static std::string BandName(Band band);

    /// \return the band (never BAND_AUTO)
    Band GetBand() const;

    /// \return whether the standard has QoS (802.11n, ac, ax: four access categories)
    bool HasQos() const;

    /// \return the path loss at 1 m of the band: 40 dB (2.4 GHz), 46.6777 dB (5), 48 dB (6)
    double DefaultReferenceLoss() const;

    /**
     * Checks the band, the channel width and, for the "constant" rate control, its mode.
     * \param width the channel width (MHz)
     * \param rateControl the rate control name
     * \param constantMode the data mode of the "constant" rate control
     * \throws std::invalid_argument naming the setting, the value and what is allowed
     */
    void Check(uint16_t width,
               const std::string& rateControl,
               const std::string& constantMode) const;

  private:
    /// \return the bands the standard allows
    std::vector<Band> AllowedBands() const;
    /// \return the widest channel the standard allows in the band (MHz)
    uint16_t MaxChannelWidth() const;
    /**
     * \param width the channel width (MHz)
     * \return the single-spatial-stream modes of the standard, band and width
     */
    std::vector<std::string> ConstantModes(uint16_t width) const;

    std::string m_standard; //!< canonical standard name
    Band m_band;            //!< band (resolved)
};

} // namespace ns3

#endif // CODED_LEARNING_WIFI_STANDARD_RULES_H
