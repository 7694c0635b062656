// SPDX-License-Identifier: GPL-2.0-only
#include "synthetic-data-generator.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

SyntheticDataGenerator::SyntheticDataGenerator(uint32_t numFeatures,
                                               uint32_t numClasses,
                                               double separation,
                                               RandomSource& rng)
{
    if (numFeatures < 1)
    {
        throw std::invalid_argument("SyntheticDataGenerator: numFeatures = 0, must be >= 1");
    }
    if (numClasses < 2)
    {
        throw std::invalid_argument("SyntheticDataGenerator: numClasses = " +
                                    std::to_string(numClasses) + ", must be >= 2");
    }
    if (!(separation > 0.0) || !std::isfinite(separation))
    {
        throw std::invalid_argument("SyntheticDataGenerator: separation = " +
                                    std::to_string(separation) + ", must be finite and > 0");
    }
    m_means.resize(numClasses, numFeatures);
    for (uint32_t c = 0; c < numClasses; ++c)
    {
        for (uint32_t f = 0; f < numFeatures; ++f)
        {
            m_means(c, f) = separation * rng.Normal();
        }
    }
}

Dataset
SyntheticDataGenerator::Generate(uint32_t numSamples, RandomSource& rng) const
{
    if (numSamples < 1)
    {
        throw std::invalid_argument("SyntheticDataGenerator::Generate: numSamples = 0, "
                                    "must be >= 1");
    }
    const auto classes = static_cast<uint32_t>(m_means.rows());
    FeatureMatrix x(numSamples, m_means.cols());
    std::vector<uint32_t> y(numSamples);
    for (uint32_t i = 0; i < numSamples; ++i)
    {
        y[i] = rng.UniformInt(classes);
        for (Eigen::Index f = 0; f < m_means.cols(); ++f)
        {
            x(i, f) = static_cast<float>(m_means(y[i], f) + rng.Normal());
        }
    }
    return Dataset(std::move(x), std::move(y), classes);
}

} // namespace coded
} // namespace ns3
