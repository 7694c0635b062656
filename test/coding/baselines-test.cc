// SPDX-License-Identifier: GPL-2.0-only
// Baselines and the partial-straggler code: algorithms.md (d) properties 7, 8, 9, 11, and the
// uncoded scheme.
#include "ns3/approximate-code.h"
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/ignore-stragglers-code.h"
#include "ns3/k-sync-code.h"
#include "ns3/partial-straggler-code.h"
#include "ns3/random-source.h"
#include "ns3/row-gradient-table.h"
#include "ns3/uncoded-code.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numeric>
#include <vector>

using namespace ns3::coded;

namespace
{

/// Exp(mu) draw.
double
Exponential(RandomSource& rng, double mu)
{
    return -std::log(1.0 - rng.Uniform()) / mu;
}

/// Running mean and variance of vectors (Welford).
struct Moments
{
    uint32_t count{0}; //!< samples
    DenseVector mean;  //!< running mean
    DenseVector m2;    //!< sum of squared deviations

    void Add(const DenseVector& x)
    {
        if (count == 0)
        {
            mean = DenseVector::Zero(x.size());
            m2 = DenseVector::Zero(x.size());
        }
        ++count;
        const DenseVector delta = x - mean;
        mean += delta / count;
        m2 += delta.cwiseProduct(x - mean);
    }

    /// \return the standard error of the mean, per coordinate
    DenseVector StandardError() const
    {
        return (m2 / (count - 1.0) / count).cwiseSqrt();
    }
};

/**
 * Monte-Carlo mean of the estimate of an estimate-type code when the tasks of the workers
 * in `order` arrive in that order (order drawn by `arrivals`).
 */
template <typename Arrivals>
Moments
EstimateMoments(GradientCode& code,
                const RowGradientTable& table,
                uint32_t trials,
                Arrivals arrivals)
{
    Moments m;
    const CompletionHistory history(code.NumWorkers());
    for (uint32_t t = 0; t < trials; ++t)
    {
        auto round = code.StartRound(t, history);
        for (uint32_t w : arrivals())
        {
            if (round->OnResult(round->Plan().TasksOfWorker(w).front()))
            {
                break;
            }
        }
        BOOST_REQUIRE(round->IsDecodable());
        m.Add(round->Decode().Combine(table.EncodeAll(round->Plan())));
    }
    return m;
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding)

// Uncoded: one group of partitions per worker (K > n here), wait for all, exact, load K.
BOOST_AUTO_TEST_CASE(uncoded_waits_for_every_worker)
{
    SeededRandomSource rng(11);
    CodingParameters p;
    p.numWorkers = 7;
    const DataPartitioner parts(700, 17);
    UncodedCode code(p, parts, rng);
    const RowGradientTable table(700, 3, rng);
    auto round = code.StartRound(0, CompletionHistory(7));
    BOOST_TEST(std::abs(round->Plan().Load() - 17.0) < 1e-12);
    const std::vector<uint32_t> order = rng.Permutation(7);
    for (size_t j = 0; j < order.size(); ++j)
    {
        BOOST_TEST(round->OnResult(order[j]) == (j + 1 == order.size()));
    }
    BOOST_TEST(round->Decode().exact);
    const DenseVector g = table.Total();
    BOOST_TEST((round->Decode().Combine(table.EncodeAll(round->Plan())) - g).norm() / g.norm() <
               1e-12);
    BOOST_CHECK_THROW(round->OnResult(order[0]), std::invalid_argument); // reported twice
    BOOST_CHECK_THROW(round->OnResult(7), std::invalid_argument);        // no such task
    BOOST_CHECK_THROW(round->StartStageTwo(1e9), std::logic_error);
    BOOST_TEST(!round->ShouldStartStageTwo(1e9));
}

// Property 8: n/(n-s) sum_F g_i is unbiased for uniformly random stragglers ...
BOOST_AUTO_TEST_CASE(ignore_stragglers_unbiased_for_uniform_stragglers)
{
    SeededRandomSource rng(12);
    CodingParameters p;
    p.numWorkers = 10;
    p.stragglers = 3;
    IgnoreStragglersCode code(p, DataPartitioner(400, 10), rng);
    const RowGradientTable table(400, 3, rng);
    const Moments m = EstimateMoments(code, table, 20000, [&rng] { return rng.Permutation(10); });
    const DenseVector g = table.Total();
    const DenseVector se = m.StandardError();
    for (Eigen::Index j = 0; j < g.size(); ++j)
    {
        BOOST_TEST(std::abs(m.mean(j) - g(j)) < 4.0 * se(j),
                   "coordinate " << j << ": mean " << m.mean(j) << ", g " << g(j) << ", SE "
                                 << se(j));
    }
    auto round = code.StartRound(0, CompletionHistory(10));
    for (uint32_t i = 0; i < 7; ++i)
    {
        BOOST_TEST(round->OnResult(i) == (i == 6));
    }
    BOOST_TEST(!round->Decode().exact);
    // weights 10/7 on 7 blocks and 0 on 3: r = (3/7 x 7, -1 x 3)
    BOOST_TEST(std::abs(round->Decode().residual - std::sqrt(7 * 9.0 / 49 + 3)) < 1e-12);
}

// ... and biased when the same workers straggle every time.
BOOST_AUTO_TEST_CASE(ignore_stragglers_biased_for_persistent_stragglers)
{
    SeededRandomSource rng(13);
    CodingParameters p;
    p.numWorkers = 10;
    p.stragglers = 3;
    IgnoreStragglersCode code(p, DataPartitioner(400, 10), rng);
    const RowGradientTable table(400, 3, rng);
    const Moments uniform =
        EstimateMoments(code, table, 5000, [&rng] { return rng.Permutation(10); });
    std::vector<uint32_t> fixed(10);
    std::iota(fixed.begin(), fixed.end(), 0); // workers 7, 8, 9 always straggle
    const Moments persistent = EstimateMoments(code, table, 100, [&fixed] { return fixed; });
    const DenseVector bias = persistent.mean - table.Total();
    const DenseVector se = uniform.StandardError();
    BOOST_TEST((bias.cwiseAbs().array() > 10.0 * se.array()).any(),
               "bias " << bias.transpose() << " vs SE " << se.transpose());
}

// Property 9: k-sync decodes at the k-th completion ...
BOOST_AUTO_TEST_CASE(k_sync_decodes_at_kth_completion)
{
    SeededRandomSource rng(14);
    CodingParameters p;
    p.numWorkers = 12;
    p.kSyncResults = 5;
    KSyncCode code(p, DataPartitioner(600, 12), rng);
    const RowGradientTable table(600, 2, rng);
    for (uint32_t t = 0; t < 50; ++t)
    {
        auto round = code.StartRound(t, CompletionHistory(12));
        std::vector<std::pair<double, uint32_t>> times;
        for (uint32_t w = 0; w < 12; ++w)
        {
            times.emplace_back(Exponential(rng, 2.0), w);
        }
        std::sort(times.begin(), times.end());
        double decodeTime = -1;
        for (const auto& [time, w] : times)
        {
            if (round->OnResult(round->Plan().TasksOfWorker(w).front()))
            {
                decodeTime = time;
                break;
            }
        }
        BOOST_TEST(decodeTime == times[4].first);
        BOOST_TEST(round->NumReceivedAtDecode() == 5u);
        BOOST_TEST(round->Decode().tasks.size() == 5u);
        for (double a : round->Decode().coefficients)
        {
            BOOST_TEST(a == 12.0 / 5.0);
        }
    }
    // k = n is exact.
    p.kSyncResults = 12;
    KSyncCode all(p, DataPartitioner(600, 12), rng);
    auto round = all.StartRound(0, CompletionHistory(12));
    for (uint32_t i = 0; i < 12; ++i)
    {
        round->OnResult(i);
    }
    BOOST_TEST(round->Decode().exact);
    BOOST_TEST(all.IsExact());
}

// ... whose mean, for i.i.d. Exp(mu) times, is (1/mu)(H_P - H_{P-K}).
BOOST_AUTO_TEST_CASE(k_sync_mean_time_matches_order_statistic)
{
    SeededRandomSource rng(15);
    const uint32_t numWorkers = 12;
    const uint32_t k = 5;
    const double mu = 2.0;
    CodingParameters p;
    p.numWorkers = numWorkers;
    p.kSyncResults = k;
    KSyncCode code(p, DataPartitioner(120, numWorkers), rng);
    const CompletionHistory history(numWorkers);
    double sum = 0.0;
    double sumSquares = 0.0;
    const uint32_t trials = 20000;
    for (uint32_t t = 0; t < trials; ++t)
    {
        auto round = code.StartRound(t, history);
        std::vector<std::pair<double, uint32_t>> times;
        for (uint32_t w = 0; w < numWorkers; ++w)
        {
            times.emplace_back(Exponential(rng, mu), w);
        }
        std::sort(times.begin(), times.end());
        for (const auto& [time, w] : times)
        {
            if (round->OnResult(round->Plan().TasksOfWorker(w).front()))
            {
                sum += time;
                sumSquares += time * time;
                break;
            }
        }
    }
    double expected = 0.0;
    for (uint32_t j = numWorkers - k + 1; j <= numWorkers; ++j)
    {
        expected += 1.0 / j;
    }
    expected /= mu;
    const double mean = sum / trials;
    const double se = std::sqrt((sumSquares / trials - mean * mean) / trials);
    BOOST_TEST(std::abs(mean - expected) < 3.0 * se,
               "mean " << mean << ", expected " << expected << ", SE " << se);
}

// k-sync with a fresh block assignment per iteration stays unbiased under persistent
// stragglers; without it, it is ignore-stragglers and biased.
BOOST_AUTO_TEST_CASE(k_sync_reshuffle_unbiased_under_persistent_stragglers)
{
    SeededRandomSource rng(16);
    CodingParameters p;
    p.numWorkers = 10;
    p.kSyncResults = 6;
    const RowGradientTable table(400, 3, rng);
    std::vector<uint32_t> fixed(10);
    std::iota(fixed.begin(), fixed.end(), 0); // workers 6..9 always straggle
    KSyncCode reshuffled(p, DataPartitioner(400, 10), rng);
    const Moments m = EstimateMoments(reshuffled, table, 20000, [&fixed] { return fixed; });
    const DenseVector g = table.Total();
    const DenseVector se = m.StandardError();
    for (Eigen::Index j = 0; j < g.size(); ++j)
    {
        BOOST_TEST(std::abs(m.mean(j) - g(j)) < 4.0 * se(j), "coordinate " << j);
    }
    p.kSyncReshuffle = false;
    KSyncCode fixedMap(p, DataPartitioner(400, 10), rng);
    const Moments biased = EstimateMoments(fixedMap, table, 10, [&fixed] { return fixed; });
    BOOST_TEST(((biased.mean - g).cwiseAbs().array() > 10.0 * se.array()).any());
}

// The approximate code is d-regular with entries 1/d (every column sums to 1).
BOOST_AUTO_TEST_CASE(approximate_code_is_regular)
{
    SeededRandomSource rng(17);
    for (uint32_t n : {1u, 5u, 10u, 31u, 100u})
    {
        for (uint32_t d : {1u, 2u, 3u, n / 2, n - 1, n})
        {
            if (d < 1 || d > n)
            {
                continue;
            }
            const Eigen::MatrixXd a = ApproximateCode::RandomRegular(n, d, rng);
            BOOST_TEST(((a.array() == 0.0) || (a.array() == 1.0)).all());
            BOOST_TEST((a.rowwise().sum().array() == d).all(), "n = " << n << ", d = " << d);
            BOOST_TEST((a.colwise().sum().array() == d).all(), "n = " << n << ", d = " << d);
        }
    }
    CodingParameters p;
    p.numWorkers = 10;
    p.approxDegree = 11;
    BOOST_CHECK_THROW(ApproximateCode(p, DataPartitioner(100, 10), rng), std::invalid_argument);
    p.approxDegree = 2;
    p.approxDecoder = "median";
    BOOST_CHECK_THROW(ApproximateCode(p, DataPartitioner(100, 10), rng), std::invalid_argument);
}

// Property 11: the least-squares decoder's residual is never above the fixed decoder's, and
// the estimate's error is exactly sum_k r_k g_k.
BOOST_AUTO_TEST_CASE(approximate_optimal_residual_not_above_fixed)
{
    for (uint32_t n : {4u, 7u, 10u})
    {
        for (uint32_t d : {1u, 2u, 3u})
        {
            for (uint32_t s : {1u, 2u, 3u})
            {
                CodingParameters p;
                p.numWorkers = n;
                p.stragglers = s;
                p.approxDegree = d;
                SeededRandomSource rngA(1000 + n * 10 + d);
                SeededRandomSource rngB(1000 + n * 10 + d);
                p.approxDecoder = "optimal";
                ApproximateCode optimal(p, DataPartitioner(20 * n, n), rngA);
                p.approxDecoder = "fixed";
                ApproximateCode fixed(p, DataPartitioner(20 * n, n), rngB);
                BOOST_REQUIRE((optimal.Matrix().array() == fixed.Matrix().array()).all());
                SeededRandomSource rng(5);
                const RowGradientTable table(20 * n, 2, rng);
                const CompletionHistory history(n);
                uint32_t worse = 0;
                uint32_t sets = 0;
                double worstIdentity = 0.0;
                for (uint32_t mask = 0; mask < (1u << n); ++mask)
                {
                    if (static_cast<uint32_t>(__builtin_popcount(mask)) != n - s)
                    {
                        continue;
                    }
                    auto a = optimal.StartRound(0, history);
                    auto b = fixed.StartRound(0, history);
                    for (uint32_t i = 0; i < n; ++i)
                    {
                        if (mask & (1u << i))
                        {
                            a->OnResult(i);
                            b->OnResult(i);
                        }
                    }
                    BOOST_REQUIRE(a->IsDecodable() && b->IsDecodable());
                    worse += a->Decode().residual > b->Decode().residual + 1e-12 ? 1 : 0;
                    // g_hat - g = sum_k r_k g_k with r = B_F^T a - 1.
                    Eigen::VectorXd r = -Eigen::VectorXd::Ones(n);
                    const DecodeResult& dec = a->Decode();
                    for (size_t j = 0; j < dec.tasks.size(); ++j)
                    {
                        r += dec.coefficients[j] * optimal.Matrix().row(dec.tasks[j]).transpose();
                    }
                    BOOST_TEST(std::abs(r.norm() - dec.residual) < 1e-9);
                    DenseVector predicted = DenseVector::Zero(2);
                    for (uint32_t k = 0; k < n; ++k)
                    {
                        predicted += r(k) * table.Sum(a->Plan().Blocks()[k].rows);
                    }
                    const DenseVector err = dec.Combine(table.EncodeAll(a->Plan())) - table.Total();
                    worstIdentity = std::max(worstIdentity, (err - predicted).norm());
                    ++sets;
                }
                BOOST_TEST(worse == 0u, "n = " << n << ", d = " << d << ", s = " << s);
                BOOST_TEST(worstIdentity < 1e-8);
                BOOST_TEST(sets > 0u);
            }
        }
    }
}

// Property 7: all private messages plus any n - s coded messages give the full gradient.
BOOST_AUTO_TEST_CASE(partial_recovers_full_gradient)
{
    SeededRandomSource rng(18);
    for (uint32_t n : {3u, 5u, 8u})
    {
        const uint32_t rows = 37 * n + 5; // unequal units on purpose
        const RowGradientTable table(rows, 3, rng);
        const CompletionHistory history(n);
        for (uint32_t s = 0; s < n && s <= 3; ++s)
        {
            for (uint32_t priv : {0u, 1u, 2u})
            {
                CodingParameters p;
                p.numWorkers = n;
                p.stragglers = s;
                p.partialPrivateUnits = priv;
                PartialStragglerCode code(p, DataPartitioner(rows, n), rng);
                uint32_t failures = 0;
                double worst = 0.0;
                for (uint32_t mask = 0; mask < (1u << n); ++mask)
                {
                    if (static_cast<uint32_t>(__builtin_popcount(mask)) != n - s)
                    {
                        continue;
                    }
                    auto round = code.StartRound(0, history);
                    const IterationPlan& plan = round->Plan();
                    BOOST_REQUIRE(plan.NumTasks() == (priv > 0 ? 2 * n : n));
                    // Coded messages of the survivors first, then every private message.
                    std::vector<uint32_t> order;
                    for (uint32_t i = 0; i < n; ++i)
                    {
                        if (mask & (1u << i))
                        {
                            order.push_back(plan.TasksOfWorker(i).back());
                        }
                    }
                    for (uint32_t i = 0; i < n && priv > 0; ++i)
                    {
                        order.push_back(plan.TasksOfWorker(i).front());
                    }
                    for (size_t j = 0; j < order.size(); ++j)
                    {
                        failures += round->OnResult(order[j]) != (j + 1 == order.size()) ? 1 : 0;
                    }
                    if (!round->IsDecodable() || !round->Decode().exact)
                    {
                        ++failures;
                        continue;
                    }
                    const DenseVector g = table.Total();
                    worst = std::max(worst,
                                     (round->Decode().Combine(table.EncodeAll(plan)) - g).norm() /
                                         g.norm());
                    // Load (p + s + 1) units per worker = K (p+s+1)/(p+1), up to the one-row
                    // differences between units (K/N partitions per row).
                    BOOST_TEST(std::abs(plan.Load() - n * (priv + s + 1.0) / (priv + 1.0)) <=
                               n * (priv + s + 1.0) * n / rows + 1e-9);
                }
                BOOST_TEST(failures == 0u, "n = " << n << ", s = " << s << ", p = " << priv);
                BOOST_TEST(worst < 1e-6, "n = " << n << ", s = " << s << ", p = " << priv);
            }
        }
    }
    CodingParameters p;
    p.numWorkers = 10;
    p.partialPrivateUnits = 5;
    BOOST_CHECK_THROW(PartialStragglerCode(p, DataPartitioner(50, 10), rng), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
