// SPDX-License-Identifier: GPL-2.0-only
#include "ns3/random-source.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>

using namespace ns3::coded;

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(random_source_same_seed_same_draws)
{
    SeededRandomSource a(42);
    SeededRandomSource b(42);
    SeededRandomSource c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i)
    {
        const double x = a.Uniform();
        BOOST_TEST(x == b.Uniform());
        BOOST_TEST((x >= 0.0 && x < 1.0));
        differs = differs || x != c.Uniform();
    }
    BOOST_TEST(differs);
}

BOOST_AUTO_TEST_CASE(random_source_normal_moments)
{
    SeededRandomSource rng(7);
    const int n = 200000;
    double sum = 0.0;
    double sq = 0.0;
    for (int i = 0; i < n; ++i)
    {
        const double z = rng.Normal();
        sum += z;
        sq += z * z;
    }
    const double mean = sum / n;
    const double var = sq / n - mean * mean;
    // Standard errors: 1/sqrt(n) = 0.0022 for the mean, sqrt(2/n) = 0.0032 for the variance.
    BOOST_TEST(std::abs(mean) < 0.01);
    BOOST_TEST(std::abs(var - 1.0) < 0.015);
}

BOOST_AUTO_TEST_CASE(random_source_permutation_is_uniform)
{
    SeededRandomSource rng(3);
    // Each of the 3! = 6 orders of a 3-permutation should appear 1/6 of the time.
    std::vector<int> counts(6, 0);
    const int n = 60000;
    for (int i = 0; i < n; ++i)
    {
        const auto p = rng.Permutation(3);
        const int code = p[0] * 2 + (p[1] > p[2] ? 1 : 0);
        ++counts[code];
    }
    for (int c : counts)
    {
        BOOST_TEST(std::abs(c - n / 6) < 400); // about 4 standard deviations
    }
    auto big = rng.Permutation(1000);
    std::sort(big.begin(), big.end());
    for (uint32_t i = 0; i < 1000; ++i)
    {
        BOOST_TEST(big[i] == i);
    }
    BOOST_CHECK_THROW(rng.UniformInt(0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
