// SPDX-License-Identifier: GPL-2.0-only
//
// UtilityFunction: values, slopes and the closed-form maximiser against a brute-force search.

#include "ns3/utility-function.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

/// argmax over a fine grid of [0, upper] of scale * g(x) - price * x.
double
GridArgmax(const UtilityFunction& u, double scale, double price, double upper)
{
    const int steps = 200000;
    double best = 0.0;
    double bestValue = scale * u.Value(0.0);
    for (int k = 1; k <= steps; ++k)
    {
        const double x = upper * k / steps;
        const double v = scale * u.Value(x) - price * x;
        if (v > bestValue)
        {
            bestValue = v;
            best = x;
        }
    }
    return best;
}

/// \return true if fn throws std::invalid_argument whose message contains every word
template <typename F>
bool
ThrowsMentioning(F fn, const std::vector<std::string>& words)
{
    try
    {
        fn();
    }
    catch (const std::invalid_argument& e)
    {
        const std::string what = e.what();
        for (const auto& w : words)
        {
            if (what.find(w) == std::string::npos)
            {
                return false;
            }
        }
        return true;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(admission)

BOOST_AUTO_TEST_CASE(utility_values_and_slopes)
{
    const UtilityFunction log1p = UtilityFunction::Log1p();
    BOOST_TEST(log1p.Value(0.0) == 0.0);
    BOOST_TEST(std::abs(log1p.Value(std::exp(1.0) - 1.0) - 1.0) < 1e-12);
    BOOST_TEST(log1p.SlopeAtZero() == 1.0);
    BOOST_TEST(std::abs(log1p.Derivative(3.0) - 0.25) < 1e-15);

    const UtilityFunction log = UtilityFunction::Log(0.5);
    BOOST_TEST(std::abs(log.Value(1.5) - std::log(2.0)) < 1e-15);
    BOOST_TEST(log.SlopeAtZero() == 2.0);

    const UtilityFunction alpha2 = UtilityFunction::AlphaFair(2.0, 0.5);
    BOOST_TEST(std::abs(alpha2.Value(1.5) - (-0.5)) < 1e-15); // (2)^-1 / -1
    BOOST_TEST(std::abs(alpha2.SlopeAtZero() - 4.0) < 1e-12); // 0.5^-2

    const UtilityFunction alpha1 = UtilityFunction::AlphaFair(1.0, 0.5);
    BOOST_TEST(std::abs(alpha1.Value(1.5) - std::log(2.0)) < 1e-15);

    const UtilityFunction linear = UtilityFunction::Linear();
    BOOST_TEST(linear.Value(7.0) == 7.0);
    BOOST_TEST(linear.SlopeAtZero() == 1.0);

    // Concave and non-decreasing: derivatives are positive and non-increasing.
    for (const UtilityFunction& u : {log1p, log, alpha2, alpha1, linear})
    {
        double previous = u.Derivative(0.0);
        for (double x = 0.25; x < 20.0; x += 0.25)
        {
            const double d = u.Derivative(x);
            BOOST_TEST(d > 0.0);
            BOOST_TEST(d <= previous);
            previous = d;
        }
    }
}

BOOST_AUTO_TEST_CASE(utility_maximiser_matches_brute_force)
{
    const std::vector<UtilityFunction> utilities = {UtilityFunction::Log1p(),
                                                    UtilityFunction::Log(0.1),
                                                    UtilityFunction::AlphaFair(0.5, 0.1),
                                                    UtilityFunction::AlphaFair(2.0, 0.1),
                                                    UtilityFunction::AlphaFair(5.0, 0.1)};
    for (const auto& u : utilities)
    {
        for (double scale : {1.0, 10.0, 100.0})
        {
            for (double price : {0.5, 3.0, 20.0, 150.0})
            {
                const double upper = 8.0;
                const double closed = u.Maximise(scale, price, upper);
                const double grid = GridArgmax(u, scale, price, upper);
                BOOST_TEST_INFO(u.Describe() << " scale " << scale << " price " << price);
                BOOST_TEST(std::abs(closed - grid) <= 1e-3);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(utility_maximiser_corner_cases)
{
    const UtilityFunction log1p = UtilityFunction::Log1p();
    // A zero or negative price (queue below its perturbation, empty virtual queue): take all.
    BOOST_TEST(log1p.Maximise(10.0, 0.0, 4.0) == 4.0);
    BOOST_TEST(log1p.Maximise(10.0, -3.0, 4.0) == 4.0);
    // b.4: gamma = min(A_max, max(0, V/Z - 1)).
    BOOST_TEST(log1p.Maximise(100.0, 50.0, 4.0) == 1.0);
    BOOST_TEST(log1p.Maximise(100.0, 100.0, 4.0) == 0.0);
    BOOST_TEST(log1p.Maximise(100.0, 5.0, 4.0) == 4.0);
    // Linear: all or nothing, ties give nothing.
    const UtilityFunction linear = UtilityFunction::Linear();
    BOOST_TEST(linear.Maximise(10.0, 9.0, 4.0) == 4.0);
    BOOST_TEST(linear.Maximise(10.0, 10.0, 4.0) == 0.0);
    BOOST_TEST(linear.Maximise(10.0, 11.0, 4.0) == 0.0);
    // Alpha-fair with alpha = 0 is linear too.
    const UtilityFunction alpha0 = UtilityFunction::AlphaFair(0.0, 0.1);
    BOOST_TEST(alpha0.Maximise(10.0, 9.0, 4.0) == 4.0);
    BOOST_TEST(alpha0.Maximise(10.0, 11.0, 4.0) == 0.0);
    // Upper 0 admits nothing whatever the price.
    BOOST_TEST(log1p.Maximise(10.0, -1.0, 0.0) == 0.0);
}

BOOST_AUTO_TEST_CASE(utility_names_round_trip)
{
    for (auto k : {UtilityFunction::LOG,
                   UtilityFunction::LOG1P,
                   UtilityFunction::ALPHA_FAIR,
                   UtilityFunction::LINEAR})
    {
        BOOST_TEST(UtilityFunction::ParseKind(UtilityFunction::KindName(k)) == k);
    }
    BOOST_TEST(ThrowsMentioning([] { UtilityFunction::ParseKind("square"); },
                                {"square", "log1p", "linear"}));
    BOOST_TEST(UtilityFunction().GetKind() == UtilityFunction::LOG1P);
}

BOOST_AUTO_TEST_CASE(utility_rejects_bad_parameters)
{
    BOOST_TEST(ThrowsMentioning([] { UtilityFunction::Log(0.0); }, {"epsilon", "0", "(0, inf)"}));
    BOOST_TEST(ThrowsMentioning([] { UtilityFunction::AlphaFair(-1.0, 0.1); },
                                {"alpha", "-1", "[0, inf)"}));
    BOOST_TEST(ThrowsMentioning([] { UtilityFunction::AlphaFair(2.0, -0.1); }, {"epsilon"}));
    BOOST_TEST(ThrowsMentioning([] { UtilityFunction::AlphaFair(NAN, 0.1); }, {"alpha"}));
    const UtilityFunction u;
    BOOST_TEST(ThrowsMentioning([&] { u.Value(-1.0); }, {"x", "-1"}));
    BOOST_TEST(ThrowsMentioning([&] { u.Maximise(0.0, 1.0, 1.0); }, {"scale"}));
    BOOST_TEST(ThrowsMentioning([&] { u.Maximise(1.0, NAN, 1.0); }, {"price"}));
    BOOST_TEST(ThrowsMentioning([&] { u.Maximise(1.0, 1.0, -2.0); }, {"upper", "-2"}));
}

BOOST_AUTO_TEST_SUITE_END()
