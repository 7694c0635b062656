// SPDX-License-Identifier: GPL-2.0-only
//
// RayleighSlotChannel: per-slot capacities of algorithms.md c.2 in data units.

#include "ns3/random-source.h"
#include "ns3/rayleigh-slot-channel.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

using namespace ns3::coded;

BOOST_AUTO_TEST_SUITE(admission)

BOOST_AUTO_TEST_CASE(channel_capacity_formula_and_cap)
{
    RayleighSlotChannel::Config c;
    c.meanSnrDb = {0.0, 20.0};
    RayleighSlotChannel channel(c);
    // W Delta / (8 * 1500) = 1e6 * 1e-3 / 12000 = 1/12 packet per bit/s/Hz.
    BOOST_TEST(std::abs(channel.BlockCapacity(0, 1.0) - 1.0 / 12.0) < 1e-15);
    BOOST_TEST(std::abs(channel.BlockCapacity(1, 1.0) - std::log2(101.0) / 12.0) < 1e-15);
    // The fading gain is capped at the 99th percentile of Exp(1), -ln(0.01).
    const double cap = -std::log(0.01);
    BOOST_TEST(std::abs(channel.FadingCap() - cap) < 1e-12);
    BOOST_TEST(channel.BlockCapacity(1, 50.0) == channel.BlockCapacity(1, cap));
    BOOST_TEST(std::abs(channel.MaxService(1) - std::log2(1.0 + 100.0 * cap) / 12.0) < 1e-12);
    BOOST_TEST(channel.MaxServices().size() == 2u);

    // Resource blocks split the bandwidth; the largest service stays the same.
    c.resourceBlocks = 4;
    RayleighSlotChannel blocks(c);
    BOOST_TEST(std::abs(blocks.BlockCapacity(1, 1.0) - channel.BlockCapacity(1, 1.0) / 4) < 1e-15);
    BOOST_TEST(std::abs(blocks.MaxService(1) - channel.MaxService(1)) < 1e-12);

    // Without fading h = 1 and the capacity is deterministic.
    c.resourceBlocks = 1;
    c.fading = false;
    RayleighSlotChannel flat(c);
    SeededRandomSource rng(1);
    const auto draw = flat.Draw(rng);
    BOOST_TEST(draw.size() == 2u);
    BOOST_TEST(draw[1] == flat.BlockCapacity(1, 1.0));
    BOOST_TEST(flat.MaxService(1) == draw[1]);
    BOOST_TEST(flat.MeanService(1) == draw[1]);
}

BOOST_AUTO_TEST_CASE(channel_draws_match_mean_and_never_exceed_bmax)
{
    RayleighSlotChannel::Config c;
    c.meanSnrDb = {0.0, 10.0, 20.0};
    c.resourceBlocks = 2;
    RayleighSlotChannel channel(c);
    SeededRandomSource rng(11);
    const int slots = 100000;
    std::vector<double> sum(3, 0.0);
    for (int t = 0; t < slots; ++t)
    {
        const auto draw = channel.Draw(rng);
        BOOST_REQUIRE(draw.size() == 6u);
        for (uint32_t i = 0; i < 3; ++i)
        {
            const double total = draw[2 * i] + draw[2 * i + 1];
            BOOST_TEST(total <= channel.MaxService(i) + 1e-12);
            BOOST_TEST(draw[2 * i] >= 0.0);
            sum[i] += total;
        }
    }
    for (uint32_t i = 0; i < 3; ++i)
    {
        // The per-slot capacity has a standard deviation below its mean; 1e5 draws give a
        // relative standard error below 0.3 %.
        const double mean = sum[i] / slots;
        BOOST_TEST_INFO("worker " << i << ": Monte Carlo " << mean << ", numerical "
                                  << channel.MeanService(i));
        BOOST_TEST(std::abs(mean - channel.MeanService(i)) < 0.01 * channel.MeanService(i));
    }
}

BOOST_AUTO_TEST_CASE(channel_rejects_bad_parameters)
{
    auto fails = [](auto edit, const std::string& word) {
        RayleighSlotChannel::Config c;
        edit(c);
        try
        {
            RayleighSlotChannel channel(c);
        }
        catch (const std::invalid_argument& e)
        {
            return std::string(e.what()).find(word) != std::string::npos;
        }
        return false;
    };
    BOOST_TEST(fails([](auto& c) { c.meanSnrDb.clear(); }, "meanSnrDb"));
    BOOST_TEST(fails([](auto& c) { c.meanSnrDb = {0.0, NAN}; }, "meanSnrDb[1]"));
    BOOST_TEST(fails([](auto& c) { c.bandwidthHz = 0.0; }, "bandwidthHz"));
    BOOST_TEST(fails([](auto& c) { c.slotSeconds = -1.0; }, "slotSeconds"));
    BOOST_TEST(fails([](auto& c) { c.unitBytes = 0.0; }, "unitBytes"));
    BOOST_TEST(fails([](auto& c) { c.resourceBlocks = 0; }, "resourceBlocks"));
    BOOST_TEST(fails([](auto& c) { c.capQuantile = 1.0; }, "capQuantile"));
    RayleighSlotChannel::Config ok;
    RayleighSlotChannel channel(ok);
    BOOST_CHECK_THROW(channel.BlockCapacity(3, 1.0), std::out_of_range);
}

BOOST_AUTO_TEST_SUITE_END()
