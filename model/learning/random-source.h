// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_RANDOM_SOURCE_H
#define CODED_LEARNING_RANDOM_SOURCE_H

#include <cstdint>
#include <random>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Source of random numbers injected into the pure code (initialisation, synthetic data,
 * shuffling, random code constructions).
 *
 * Only Uniform() is abstract; every other draw is derived from it here, with fixed
 * formulas (Box-Muller, Fisher-Yates), so the same uniform stream gives the same results on
 * every platform (std:: distributions are implementation-defined and are never used).
 * In simulations the source is an Ns3RandomSource fed by a seeded ns-3
 * RandomVariableStream; unit tests of pure code use SeededRandomSource.
 */
class RandomSource
{
  public:
    virtual ~RandomSource() = default;

    /// \return a draw from U[0, 1)
    virtual double Uniform() = 0;

    /// \return a standard normal draw (Box-Muller on two uniforms; the second is cached)
    double Normal();

    /**
     * \param n the number of values, n >= 1
     * \return a uniform integer in [0, n)
     */
    uint32_t UniformInt(uint32_t n);

    /**
     * \param n the size
     * \return a uniformly random permutation of 0..n-1 (Fisher-Yates)
     */
    std::vector<uint32_t> Permutation(uint32_t n);

  private:
    bool m_haveSpare{false}; //!< whether m_spare holds the second Box-Muller draw
    double m_spare{0.0};     //!< the cached second normal draw
};

/**
 * \ingroup coded-learning
 * A RandomSource on std::mt19937_64 with a fixed seed, for unit tests of the pure code and
 * for programs that run without ns-3's RNG. Uniform() uses the top 53 bits of each draw.
 */
class SeededRandomSource : public RandomSource
{
  public:
    /// \param seed the seed of the generator
    explicit SeededRandomSource(uint64_t seed);

    double Uniform() override;

  private:
    std::mt19937_64 m_engine; //!< the generator
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_RANDOM_SOURCE_H
