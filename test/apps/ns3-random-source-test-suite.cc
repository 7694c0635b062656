// SPDX-License-Identifier: GPL-2.0-only
//
// Ns3RandomSource: the pure code's random draws follow ns-3's seed, run and stream settings.

#include "ns3/ns3-random-source.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <vector>

using namespace ns3;

namespace
{

/// Draws n uniforms from a fresh source on the given seed, run and stream.
std::vector<double>
Draws(uint32_t seed, uint64_t run, int64_t stream, uint32_t n)
{
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);
    Ptr<Ns3RandomSource> rng = CreateObject<Ns3RandomSource>();
    const int64_t used = rng->AssignStreams(stream);
    NS_ASSERT(used == 1);
    std::vector<double> v;
    for (uint32_t i = 0; i < n; ++i)
    {
        v.push_back(rng->Uniform());
    }
    rng->Dispose();
    return v;
}

} // namespace

/**
 * \ingroup coded-learning
 * Same seed, run and stream give the same draws; another run or stream gives others.
 */
class Ns3RandomSourceReproducibilityTestCase : public TestCase
{
  public:
    Ns3RandomSourceReproducibilityTestCase()
        : TestCase("same seed, run and stream give identical draws; other run or stream differ")
    {
    }

  private:
    void DoRun() override
    {
        const auto a = Draws(1, 1, 5, 100);
        const auto b = Draws(1, 1, 5, 100);
        const auto otherRun = Draws(1, 2, 5, 100);
        const auto otherStream = Draws(1, 1, 6, 100);
        NS_TEST_ASSERT_MSG_EQ((a == b), true, "same seed, run and stream must repeat");
        NS_TEST_ASSERT_MSG_EQ((a == otherRun), false, "another run must differ");
        NS_TEST_ASSERT_MSG_EQ((a == otherStream), false, "another stream must differ");
        for (double x : a)
        {
            NS_TEST_ASSERT_MSG_EQ((x >= 0.0 && x < 1.0), true, "uniform out of [0, 1): " << x);
        }
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * The derived draws (permutation, normal) of the pure interface work on the ns-3 stream.
 */
class Ns3RandomSourceDerivedDrawsTestCase : public TestCase
{
  public:
    Ns3RandomSourceDerivedDrawsTestCase()
        : TestCase("permutation and normal draws from an ns-3 stream")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(1);
        Ptr<Ns3RandomSource> rng = CreateObject<Ns3RandomSource>();
        rng->AssignStreams(0);
        auto p = rng->Permutation(50);
        std::vector<bool> seen(50, false);
        for (uint32_t x : p)
        {
            NS_TEST_ASSERT_MSG_LT(x, 50u, "permutation entry out of range");
            NS_TEST_ASSERT_MSG_EQ(seen[x], false, "permutation repeats " << x);
            seen[x] = true;
        }
        double sum = 0.0;
        const int n = 20000;
        for (int i = 0; i < n; ++i)
        {
            sum += rng->Normal();
        }
        // Standard error of the mean: 1 / sqrt(20000) = 0.007.
        NS_TEST_ASSERT_MSG_EQ_TOL(sum / n, 0.0, 0.03, "normal mean");
        rng->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup coded-learning
 * Suite of the ns-3 adapter of the random source.
 */
class Ns3RandomSourceTestSuite : public TestSuite
{
  public:
    Ns3RandomSourceTestSuite()
        : TestSuite("coded-learning-apps-ns3-random-source", Type::UNIT)
    {
        AddTestCase(new Ns3RandomSourceReproducibilityTestCase);
        AddTestCase(new Ns3RandomSourceDerivedDrawsTestCase);
    }
};

/// Registers the suite.
static Ns3RandomSourceTestSuite g_ns3RandomSourceTestSuite;
