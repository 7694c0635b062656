// SPDX-License-Identifier: GPL-2.0-only
#include "ns3/dataset.h"
#include "ns3/synthetic-data-generator.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>

using namespace ns3::coded;

BOOST_AUTO_TEST_SUITE(learning)

// The real benchmark data of Debian's dataset-fashion-mnist package (installed by the
// project's setup script). CODED_LEARNING_FASHION_MNIST_DIR overrides the folder.
BOOST_AUTO_TEST_CASE(fashion_mnist_shapes_and_labels)
{
    const char* env = std::getenv("CODED_LEARNING_FASHION_MNIST_DIR");
    const std::string dir = env != nullptr ? env : Dataset::DEFAULT_FASHION_MNIST_DIR;
    const Dataset train = Dataset::LoadFashionMnist(dir, Dataset::Split::TRAIN);
    const Dataset test = Dataset::LoadFashionMnist(dir, Dataset::Split::TEST);
    BOOST_TEST(train.NumSamples() == 60000u);
    BOOST_TEST(test.NumSamples() == 10000u);
    BOOST_TEST(train.NumFeatures() == 784u);
    BOOST_TEST(train.NumClasses() == 10u);
    // Fashion-MNIST is balanced: 6000 training and 1000 test images per class.
    std::vector<int> counts(10, 0);
    for (uint32_t y : train.Labels())
    {
        ++counts[y];
    }
    for (int c : counts)
    {
        BOOST_TEST(c == 6000);
    }
    BOOST_TEST(train.Features().minCoeff() >= 0.0f);
    BOOST_TEST(train.Features().maxCoeff() <= 1.0f);
    const Dataset head = Dataset::LoadFashionMnist(dir, Dataset::Split::TEST, 100);
    BOOST_TEST(head.NumSamples() == 100u);
    BOOST_TEST((head.Features().row(99) == test.Features().row(99)));
}

BOOST_AUTO_TEST_CASE(synthetic_data_is_deterministic_and_learnable_shape)
{
    SeededRandomSource r1(5);
    SeededRandomSource r2(5);
    SyntheticDataGenerator g1(8, 3, 1.0, r1);
    SyntheticDataGenerator g2(8, 3, 1.0, r2);
    const Dataset a = g1.Generate(500, r1);
    const Dataset b = g2.Generate(500, r2);
    BOOST_TEST((a.Features() == b.Features()));
    BOOST_TEST(a.Labels() == b.Labels());
    BOOST_TEST(a.NumFeatures() == 8u);
    BOOST_TEST(a.NumClasses() == 3u);
    std::vector<int> counts(3, 0);
    for (uint32_t y : a.Labels())
    {
        ++counts[y];
    }
    for (int c : counts)
    {
        BOOST_TEST(std::abs(c - 500 / 3) < 60);
    }
    BOOST_CHECK_THROW(SyntheticDataGenerator(0, 3, 1.0, r1), std::invalid_argument);
    BOOST_CHECK_THROW(SyntheticDataGenerator(4, 1, 1.0, r1), std::invalid_argument);
    BOOST_CHECK_THROW(SyntheticDataGenerator(4, 3, -1.0, r1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(dataset_gather_and_validation)
{
    FeatureMatrix x(3, 2);
    x << 1, 2, 3, 4, 5, 6;
    const Dataset d(x, {0, 1, 0}, 2);
    const Dataset g = d.Gather({2, 0});
    BOOST_TEST(g.NumSamples() == 2u);
    BOOST_TEST(g.Features()(0, 1) == 6.0f);
    BOOST_TEST(g.Labels()[1] == 0u);
    BOOST_CHECK_THROW(d.Gather({3}), std::out_of_range);
    BOOST_CHECK_THROW(Dataset(x, {0, 1}, 2), std::invalid_argument);
    BOOST_CHECK_THROW(Dataset(x, {0, 1, 2}, 2), std::invalid_argument);
    BOOST_CHECK_THROW(Dataset(x, {0, 0, 0}, 1), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
