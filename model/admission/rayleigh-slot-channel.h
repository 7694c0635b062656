// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_RAYLEIGH_SLOT_CHANNEL_H
#define CODED_LEARNING_RAYLEIGH_SLOT_CHANNEL_H

#include "ns3/random-source.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * The abstract slotted uplink of algorithms.md c.2: in every slot of length Delta, worker i
 * can send r_i(t) Delta bits with r_i(t) = (W / M) log2(1 + SNR_i h) on each of M resource
 * blocks, where h ~ Exp(1) (Rayleigh fading, drawn independently per slot, worker and block)
 * is capped at its q-quantile -ln(1 - q) so that the largest per-slot service b_max,i is
 * finite. Capacities are returned in data units of `unitBytes` bytes (e.g. packets of
 * 1500 B), the unit of LyapunovAdmissionController.
 *
 * Defaults (c.2): W = 1 MHz, Delta = 1 ms, 1500-B packets, one block, q = 0.99 (our choice of
 * the 99th percentile). Without fading, h = 1.
 */
class RayleighSlotChannel
{
  public:
    /// The parameters; Validate() says what is wrong with them.
    struct Config
    {
        std::vector<double> meanSnrDb{10.0}; //!< mean SNR of each worker (dB), one per worker
        double bandwidthHz{1e6};             //!< W > 0 (Hz)
        double slotSeconds{1e-3};            //!< Delta > 0 (s)
        double unitBytes{1500.0};            //!< bytes per data unit (> 0)
        uint32_t resourceBlocks{1};          //!< M >= 1
        bool fading{true};                   //!< draw h ~ Exp(1); otherwise h = 1
        double capQuantile{0.99};            //!< q in (0, 1): h is capped at -ln(1 - q)
    };

    /**
     * \param config the parameters
     * \throws std::invalid_argument naming the bad parameter, its value and the allowed range
     */
    explicit RayleighSlotChannel(const Config& config);

    /// \param config the parameters \throws std::invalid_argument if they are out of range
    static void Validate(const Config& config);

    /// \return the number of workers
    uint32_t NumWorkers() const;
    /// \return M
    uint32_t ResourceBlocks() const;

    /// \return the cap of the fading gain h (1 without fading)
    double FadingCap() const;

    /**
     * \param i worker \param h a fading gain (>= 0)
     * \return the data units worker i sends on one block in one slot with gain h
     */
    double BlockCapacity(uint32_t i, double h) const;

    /// \param i worker \return b_max,i: the most data worker i can send in one slot (all blocks)
    double MaxService(uint32_t i) const;

    /// \return b_max,i of every worker
    std::vector<double> MaxServices() const;

    /**
     * \param i worker
     * \return the mean data per slot worker i would send if it had every slot (E over h of
     *         the capped capacity, by numerical integration)
     */
    double MeanService(uint32_t i) const;

    /**
     * Draws one slot's capacities.
     * \param rng the source of the fading gains (one Uniform() per worker and block, in
     *        worker-major order; none without fading)
     * \return c_{i,m}, entry i * M + m, as LyapunovAdmissionController::Step() expects
     */
    std::vector<double> Draw(RandomSource& rng) const;

    /// \param db a value in dB \return 10^(db / 10)
    static double DbToLinear(double db);

  private:
    Config m_config;               //!< the parameters
    std::vector<double> m_snr;     //!< linear mean SNRs
    double m_hCap;                 //!< cap of h
    double m_unitsPerBlockBitRate; //!< (W / M) Delta / (8 unitBytes)
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_RAYLEIGH_SLOT_CHANNEL_H
