// SPDX-License-Identifier: GPL-2.0-only
// GradientCache: answers repeated (parameters, rows) calls with the model's exact result and
// recomputes when the parameters change.
#include "ns3/gradient-cache.h"
#include "ns3/random-source.h"
#include "ns3/softmax-regression-model.h"
#include "ns3/synthetic-data-generator.h"

#include <boost/test/unit_test.hpp>
#include <cstring>

using namespace ns3::coded;

namespace
{

/// \return whether two vectors are bit-identical
bool
SameBits(const DenseVector& a, const DenseVector& b)
{
    return a.size() == b.size() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<size_t>(a.size())) == 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(gradient_cache_repeated_calls_return_the_models_exact_result)
{
    SeededRandomSource rng(3);
    const SyntheticDataGenerator gen(8, 3, 1.0, rng);
    const Dataset data = gen.Generate(200, rng);
    SoftmaxRegressionModel model(8, 3);
    DenseVector w(model.NumParameters());
    for (Eigen::Index i = 0; i < w.size(); ++i)
    {
        w(i) = 0.2 * rng.Normal();
    }
    model.SetParameters(w);
    const RowSet a{{0, 50}, {120, 130}};
    const RowSet b{{50, 120}};
    GradientCache cache;
    DenseVector direct;
    DenseVector cached;
    const double loss = model.LossAndGradient(data, a, direct);
    BOOST_TEST(cache.LossAndGradient(model, data, a, cached) == loss);
    BOOST_TEST(SameBits(cached, direct));
    BOOST_TEST(cache.GetMisses() == 1u);
    BOOST_TEST(cache.LossAndGradient(model, data, a, cached) == loss); // another worker
    BOOST_TEST(SameBits(cached, direct));
    BOOST_TEST(cache.GetHits() == 1u);
    cache.LossAndGradient(model, data, b, cached); // other rows: computed
    BOOST_TEST(cache.GetMisses() == 2u);
    BOOST_TEST(cache.Size() == 2u);
    // New parameters (the next iteration): recomputed, and the old entries are gone.
    w(0) += 1e-12;
    model.SetParameters(w);
    const double loss2 = model.LossAndGradient(data, a, direct);
    BOOST_TEST(cache.LossAndGradient(model, data, a, cached) == loss2);
    BOOST_TEST(SameBits(cached, direct));
    BOOST_TEST(cache.GetMisses() == 3u);
    BOOST_TEST(cache.Size() == 1u);
    // Another precision is another computation.
    model.SetPrecision(Precision::FLOAT64);
    cache.LossAndGradient(model, data, a, cached);
    BOOST_TEST(cache.GetMisses() == 4u);
    cache.Clear();
    BOOST_TEST(cache.Size() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
