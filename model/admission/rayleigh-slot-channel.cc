// SPDX-License-Identifier: GPL-2.0-only
#include "rayleigh-slot-channel.h"

#include "admission-checks.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace coded
{

/// The class named in the error messages.
constexpr const char* OWNER = "RayleighSlotChannel";

void
RayleighSlotChannel::Validate(const Config& c)
{
    if (c.meanSnrDb.empty())
    {
        throw std::invalid_argument("RayleighSlotChannel: meanSnrDb is empty (one value per "
                                    "worker needed)");
    }
    for (std::size_t i = 0; i < c.meanSnrDb.size(); ++i)
    {
        if (!(std::isfinite(c.meanSnrDb[i]) && c.meanSnrDb[i] >= -100.0 && c.meanSnrDb[i] <= 100.0))
        {
            ThrowOutOfRange(OWNER,
                            "meanSnrDb[" + std::to_string(i) + "]",
                            c.meanSnrDb[i],
                            "[-100, 100] dB");
        }
    }
    if (!(std::isfinite(c.bandwidthHz) && c.bandwidthHz > 0.0))
    {
        ThrowOutOfRange(OWNER, "bandwidthHz", c.bandwidthHz, "(0, inf)");
    }
    if (!(std::isfinite(c.slotSeconds) && c.slotSeconds > 0.0))
    {
        ThrowOutOfRange(OWNER, "slotSeconds", c.slotSeconds, "(0, inf)");
    }
    if (!(std::isfinite(c.unitBytes) && c.unitBytes > 0.0))
    {
        ThrowOutOfRange(OWNER, "unitBytes", c.unitBytes, "(0, inf)");
    }
    if (c.resourceBlocks < 1)
    {
        ThrowOutOfRange(OWNER, "resourceBlocks", c.resourceBlocks, "[1, inf)");
    }
    if (!(c.capQuantile > 0.0 && c.capQuantile < 1.0))
    {
        ThrowOutOfRange(OWNER, "capQuantile", c.capQuantile, "(0, 1)");
    }
}

RayleighSlotChannel::RayleighSlotChannel(const Config& config)
    : m_config(config)
{
    Validate(config);
    for (double db : config.meanSnrDb)
    {
        m_snr.push_back(DbToLinear(db));
    }
    m_hCap = config.fading ? -std::log1p(-config.capQuantile) : 1.0;
    m_unitsPerBlockBitRate =
        config.bandwidthHz / config.resourceBlocks * config.slotSeconds / (8.0 * config.unitBytes);
}

double
RayleighSlotChannel::DbToLinear(double db)
{
    return std::pow(10.0, db / 10.0);
}

uint32_t
RayleighSlotChannel::NumWorkers() const
{
    return static_cast<uint32_t>(m_snr.size());
}

uint32_t
RayleighSlotChannel::ResourceBlocks() const
{
    return m_config.resourceBlocks;
}

double
RayleighSlotChannel::FadingCap() const
{
    return m_hCap;
}

double
RayleighSlotChannel::BlockCapacity(uint32_t i, double h) const
{
    RequireIndex(OWNER, "worker", i, m_snr.size());
    if (!(h >= 0.0))
    {
        ThrowOutOfRange(OWNER, "h", h, "[0, inf)");
    }
    return m_unitsPerBlockBitRate * std::log2(1.0 + m_snr[i] * std::min(h, m_hCap));
}

double
RayleighSlotChannel::MaxService(uint32_t i) const
{
    return BlockCapacity(i, m_hCap) * m_config.resourceBlocks;
}

std::vector<double>
RayleighSlotChannel::MaxServices() const
{
    std::vector<double> b;
    for (uint32_t i = 0; i < NumWorkers(); ++i)
    {
        b.push_back(MaxService(i));
    }
    return b;
}

double
RayleighSlotChannel::MeanService(uint32_t i) const
{
    if (!m_config.fading)
    {
        return MaxService(i);
    }
    // E[c(min(h, cap))] for h ~ Exp(1): integral over [0, cap] of c(h) e^-h dh plus
    // c(cap) P(h > cap); Simpson's rule on 2000 intervals.
    const int k = 2000;
    const double step = m_hCap / k;
    double sum = 0.0;
    for (int j = 0; j <= k; ++j)
    {
        const double h = j * step;
        const double f = BlockCapacity(i, h) * std::exp(-h);
        const double coef = (j == 0 || j == k) ? 1.0 : (j % 2 == 1 ? 4.0 : 2.0);
        sum += coef * f;
    }
    const double integral = sum * step / 3.0;
    return (integral + BlockCapacity(i, m_hCap) * std::exp(-m_hCap)) * m_config.resourceBlocks;
}

std::vector<double>
RayleighSlotChannel::Draw(RandomSource& rng) const
{
    const uint32_t m = m_config.resourceBlocks;
    std::vector<double> c(m_snr.size() * m);
    for (uint32_t i = 0; i < m_snr.size(); ++i)
    {
        for (uint32_t b = 0; b < m; ++b)
        {
            // Inversion: h = -ln(1 - U) with U in [0, 1) is Exp(1).
            const double h = m_config.fading ? -std::log1p(-rng.Uniform()) : 1.0;
            c[i * m + b] = BlockCapacity(i, h);
        }
    }
    return c;
}

} // namespace coded
} // namespace ns3
