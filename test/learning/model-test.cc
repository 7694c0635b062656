// SPDX-License-Identifier: GPL-2.0-only
#include "ns3/data-partitioner.h"
#include "ns3/mlp-model.h"
#include "ns3/sgd-optimizer.h"
#include "ns3/softmax-regression-model.h"
#include "ns3/synthetic-data-generator.h"

#include <boost/test/unit_test.hpp>
#include <cmath>

using namespace ns3::coded;

namespace
{

/// A small synthetic data set (fixed seed).
Dataset
SmallData(uint32_t samples, uint32_t features, uint32_t classes, uint64_t seed = 1)
{
    SeededRandomSource rng(seed);
    SyntheticDataGenerator gen(features, classes, 1.0, rng);
    return gen.Generate(samples, rng);
}

/// Central finite differences of the summed loss, compared with the analytic gradient.
/// Returns the largest relative error max|fd - g| / max(1, max|g|).
double
GradientCheckError(LearningModel& model, const Dataset& data, const RowSet& rows)
{
    model.SetPrecision(Precision::FLOAT64);
    DenseVector g;
    model.LossAndGradient(data, rows, g);
    const DenseVector p0 = model.Parameters();
    const double h = 1e-6;
    double worst = 0.0;
    for (Eigen::Index i = 0; i < p0.size(); ++i)
    {
        DenseVector p = p0;
        p(i) += h;
        model.SetParameters(p);
        const double up = model.Loss(data, rows);
        p(i) -= 2 * h;
        model.SetParameters(p);
        const double down = model.Loss(data, rows);
        const double fd = (up - down) / (2 * h);
        worst = std::max(worst, std::abs(fd - g(i)));
    }
    model.SetParameters(p0);
    return worst / std::max(1.0, g.cwiseAbs().maxCoeff());
}

/// Random parameters in [-scale, scale].
void
Randomise(LearningModel& model, uint64_t seed, double scale)
{
    SeededRandomSource rng(seed);
    DenseVector p(model.NumParameters());
    for (Eigen::Index i = 0; i < p.size(); ++i)
    {
        p(i) = scale * (2 * rng.Uniform() - 1);
    }
    model.SetParameters(p);
}

/// The sum of the gradients of K partitions, compared with the full-batch gradient.
double
PartitionSumError(LearningModel& model, const Dataset& data, uint32_t k)
{
    DenseVector full;
    const double fullLoss = model.LossAndGradient(data, data.AllRows(), full);
    const DataPartitioner parts(data.NumSamples(), k);
    DenseVector sum = DenseVector::Zero(full.size());
    double lossSum = 0.0;
    DenseVector g;
    for (uint32_t i = 0; i < k; ++i)
    {
        lossSum += model.LossAndGradient(data, {parts.Partition(i)}, g);
        sum += g;
    }
    BOOST_TEST(std::abs(lossSum - fullLoss) <= 1e-6 * std::abs(fullLoss));
    return (sum - full).norm() / full.norm();
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(softmax_gradient_matches_finite_differences)
{
    const Dataset data = SmallData(40, 6, 4);
    SoftmaxRegressionModel model(6, 4);
    Randomise(model, 3, 0.5);
    BOOST_TEST(GradientCheckError(model, data, data.AllRows()) < 1e-7);
    // On a subset given as two ranges.
    BOOST_TEST(GradientCheckError(model, data, {RowRange{3, 9}, RowRange{20, 31}}) < 1e-7);
}

BOOST_AUTO_TEST_CASE(mlp_gradient_matches_finite_differences)
{
    const Dataset data = SmallData(30, 5, 3);
    for (auto act :
         {MlpModel::Activation::TANH, MlpModel::Activation::SIGMOID, MlpModel::Activation::RELU})
    {
        MlpModel model(5, 7, 3, act);
        SeededRandomSource rng(9);
        model.Initialise(rng);
        DenseVector p = model.Parameters();
        p.array() += 0.05; // non-zero biases too
        model.SetParameters(p);
        BOOST_TEST(GradientCheckError(model, data, data.AllRows()) < 1e-6,
                   "activation " << static_cast<int>(act));
    }
}

BOOST_AUTO_TEST_CASE(partition_gradients_sum_to_full_batch_gradient)
{
    // More rows than one internal block (4096) so that block boundaries are crossed.
    const Dataset data = SmallData(9000, 12, 5);
    SoftmaxRegressionModel softmax(12, 5);
    Randomise(softmax, 4, 0.3);
    MlpModel mlp(12, 16, 5);
    SeededRandomSource rng(5);
    mlp.Initialise(rng);
    for (LearningModel* m : std::vector<LearningModel*>{&softmax, &mlp})
    {
        m->SetPrecision(Precision::FLOAT64);
        BOOST_TEST(PartitionSumError(*m, data, 7) < 1e-12, m->Name() << " double");
        m->SetPrecision(Precision::FLOAT32);
        BOOST_TEST(PartitionSumError(*m, data, 7) < 1e-5, m->Name() << " float");
    }
}

BOOST_AUTO_TEST_CASE(float_and_double_arithmetic_agree)
{
    const Dataset data = SmallData(2000, 20, 10);
    MlpModel model(20, 32, 10);
    SeededRandomSource rng(6);
    model.Initialise(rng);
    DenseVector g32;
    DenseVector g64;
    model.SetPrecision(Precision::FLOAT32);
    const double l32 = model.LossAndGradient(data, data.AllRows(), g32);
    model.SetPrecision(Precision::FLOAT64);
    const double l64 = model.LossAndGradient(data, data.AllRows(), g64);
    BOOST_TEST(std::abs(l32 - l64) < 1e-5 * std::abs(l64));
    BOOST_TEST((g32 - g64).norm() < 1e-4 * g64.norm());
}

BOOST_AUTO_TEST_CASE(training_learns_synthetic_classes)
{
    SeededRandomSource rng(8);
    SyntheticDataGenerator gen(10, 4, 1.0, rng);
    const Dataset train = gen.Generate(2000, rng);
    const Dataset test = gen.Generate(1000, rng);
    SoftmaxRegressionModel softmax(10, 4);
    MlpModel mlp(10, 16, 4);
    for (LearningModel* m : std::vector<LearningModel*>{&softmax, &mlp})
    {
        m->Initialise(rng);
        const double before = m->Loss(train, train.AllRows());
        SgdOptimizer::Config c;
        c.learningRate = 0.5;
        c.momentum = 0.5;
        SgdOptimizer sgd(c);
        DenseVector p = m->Parameters();
        DenseVector g;
        for (int step = 0; step < 200; ++step)
        {
            m->LossAndGradient(train, train.AllRows(), g);
            sgd.Step(p, g, train.NumSamples());
            m->SetParameters(p);
        }
        BOOST_TEST(m->Loss(train, train.AllRows()) < 0.5 * before, m->Name());
        // Class means are N(0, 1) per feature in 10 dimensions: well separated.
        BOOST_TEST(m->Accuracy(test) > 0.9, m->Name() << " accuracy " << m->Accuracy(test));
    }
}

BOOST_AUTO_TEST_CASE(model_rejects_mismatched_input)
{
    const Dataset data = SmallData(20, 6, 4);
    SoftmaxRegressionModel model(5, 4);
    DenseVector g;
    BOOST_CHECK_THROW(model.LossAndGradient(data, data.AllRows(), g), std::invalid_argument);
    SoftmaxRegressionModel ok(6, 4);
    BOOST_CHECK_THROW(ok.LossAndGradient(data, {RowRange{10, 21}}, g), std::out_of_range);
    BOOST_CHECK_THROW(ok.SetParameters(DenseVector::Zero(3)), std::invalid_argument);
    DenseVector nan = DenseVector::Zero(ok.NumParameters());
    nan(2) = std::nan("");
    BOOST_CHECK_THROW(ok.SetParameters(nan), std::invalid_argument);
    BOOST_CHECK_THROW(MlpModel(6, 0, 4), std::invalid_argument);
    BOOST_CHECK_THROW(SoftmaxRegressionModel(6, 1), std::invalid_argument);
    BOOST_TEST(ok.NumParameters() == 28u);
    BOOST_TEST(MlpModel(6, 3, 4).NumParameters() == 37u);
}

BOOST_AUTO_TEST_SUITE_END()
