// SPDX-License-Identifier: GPL-2.0-only
#include "random-source.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

double
RandomSource::Normal()
{
    if (m_haveSpare)
    {
        m_haveSpare = false;
        return m_spare;
    }
    double u1 = Uniform();
    while (u1 <= 0.0)
    {
        u1 = Uniform();
    }
    const double u2 = Uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * M_PI * u2;
    m_spare = radius * std::sin(angle);
    m_haveSpare = true;
    return radius * std::cos(angle);
}

uint32_t
RandomSource::UniformInt(uint32_t n)
{
    if (n == 0)
    {
        throw std::invalid_argument("RandomSource::UniformInt: n = 0, must be >= 1");
    }
    const auto k = static_cast<uint32_t>(Uniform() * n);
    return k < n ? k : n - 1; // guards against Uniform() returning a value rounding to 1
}

std::vector<uint32_t>
RandomSource::Permutation(uint32_t n)
{
    std::vector<uint32_t> order(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        order[i] = i;
    }
    for (uint32_t i = n; i > 1; --i)
    {
        const uint32_t j = UniformInt(i);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

SeededRandomSource::SeededRandomSource(uint64_t seed)
    : m_engine(seed)
{
}

double
SeededRandomSource::Uniform()
{
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
}

} // namespace coded
} // namespace ns3
