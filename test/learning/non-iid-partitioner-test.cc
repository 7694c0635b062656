// SPDX-License-Identifier: GPL-2.0-only
#include "ns3/data-partitioner.h"
#include "ns3/non-iid-partitioner.h"
#include "ns3/random-source.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numeric>

using namespace ns3::coded;

namespace
{

using Counts = std::vector<std::vector<uint32_t>>;

/// \param perClass samples of each class \param classes C \param seed shuffle seed
/// \return balanced labels in a shuffled order
std::vector<uint32_t>
BalancedLabels(uint32_t perClass, uint32_t classes, uint64_t seed)
{
    std::vector<uint32_t> labels;
    for (uint32_t c = 0; c < classes; ++c)
    {
        labels.insert(labels.end(), perClass, c);
    }
    SeededRandomSource rng(seed);
    const std::vector<uint32_t> order = rng.Permutation(static_cast<uint32_t>(labels.size()));
    std::vector<uint32_t> shuffled(labels.size());
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        shuffled[i] = labels[order[i]];
    }
    return shuffled;
}

/// \param labels labels \param order an order \return the labels in that order
std::vector<uint32_t>
Apply(const std::vector<uint32_t>& labels, const std::vector<uint32_t>& order)
{
    std::vector<uint32_t> out(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        out[i] = labels.at(order[i]);
    }
    return out;
}

/// Checks that the plan's order is a permutation, that its counts are the histograms of the
/// ordered labels, and that the row sums are DataPartitioner's sizes.
void
CheckPlan(const NonIidPartitioner::Plan& plan,
          const std::vector<uint32_t>& labels,
          uint32_t classes,
          uint32_t k)
{
    std::vector<uint32_t> sorted = plan.order;
    std::sort(sorted.begin(), sorted.end());
    std::vector<uint32_t> all(labels.size());
    std::iota(all.begin(), all.end(), 0u);
    BOOST_TEST(sorted == all, "the order is a permutation");
    const Counts realised = NonIidPartitioner::Histograms(Apply(labels, plan.order), classes, k);
    BOOST_TEST(realised == plan.counts, "the partitions hold exactly the planned counts");
    const DataPartitioner p(static_cast<uint32_t>(labels.size()), k);
    for (uint32_t j = 0; j < k; ++j)
    {
        const uint32_t size = std::accumulate(plan.counts[j].begin(), plan.counts[j].end(), 0u);
        BOOST_TEST(size == p.Partition(j).Size());
    }
}

/// \return Pearson's chi-square statistic of a partition's counts against the labels'
/// overall proportions \param row the counts \param total the class totals
double
ChiSquareVsOverall(const std::vector<uint32_t>& row, const std::vector<double>& total)
{
    const double m = std::accumulate(row.begin(), row.end(), 0.0);
    const double n = std::accumulate(total.begin(), total.end(), 0.0);
    double chi = 0.0;
    for (std::size_t c = 0; c < row.size(); ++c)
    {
        const double expected = m * total[c] / n;
        chi += (row[c] - expected) * (row[c] - expected) / expected;
    }
    return chi;
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(non_iid_label_skew_exact_counts)
{
    // 10 balanced classes of 600, 10 partitions of 600: k classes of 600 / k each.
    const std::vector<uint32_t> labels = BalancedLabels(600, 10, 3);
    for (uint32_t k : {1u, 2u, 5u})
    {
        NonIidPartitioner::Config config;
        config.kind = NonIidPartitioner::Kind::LABEL_SKEW;
        config.classesPerPartition = k;
        SeededRandomSource rng(11);
        const auto plan = NonIidPartitioner(config, 10).Make(labels, 10, rng);
        CheckPlan(plan, labels, 10, 10);
        BOOST_TEST(plan.spilled == 0u);
        std::vector<uint32_t> holders(10, 0);
        for (uint32_t j = 0; j < 10; ++j)
        {
            uint32_t classesHeld = 0;
            for (uint32_t c = 0; c < 10; ++c)
            {
                if (plan.counts[j][c] > 0)
                {
                    ++classesHeld;
                    ++holders[c];
                    BOOST_TEST(plan.counts[j][c] == 600u / k, "partition " << j << " class " << c);
                }
            }
            BOOST_TEST(classesHeld == k, "partition " << j);
        }
        for (uint32_t c = 0; c < 10; ++c)
        {
            BOOST_TEST(holders[c] == k, "class " << c << " sits in k partitions");
        }
    }
    // Unequal partition sizes (6001 samples) and classes that do not divide evenly: the spill
    // is counted and every sample is placed exactly once.
    std::vector<uint32_t> uneven = BalancedLabels(600, 10, 4);
    uneven.push_back(3);
    NonIidPartitioner::Config config;
    config.kind = NonIidPartitioner::Kind::LABEL_SKEW;
    config.classesPerPartition = 3;
    SeededRandomSource rng(5);
    const auto plan = NonIidPartitioner(config, 7).Make(uneven, 10, rng);
    CheckPlan(plan, uneven, 10, 7);
    BOOST_CHECK_THROW(NonIidPartitioner(config, 7).Make(uneven, 2, rng), std::invalid_argument);
    config.classesPerPartition = 11;
    BOOST_CHECK_THROW(NonIidPartitioner(config, 7).Make(uneven, 10, rng), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(non_iid_sorted_and_iid)
{
    const std::vector<uint32_t> labels = BalancedLabels(100, 10, 7);
    SeededRandomSource rng(1);
    NonIidPartitioner::Config config;
    config.kind = NonIidPartitioner::Kind::SORTED;
    const auto sorted = NonIidPartitioner(config, 10).Make(labels, 10, rng);
    CheckPlan(sorted, labels, 10, 10);
    for (uint32_t j = 0; j < 10; ++j)
    {
        BOOST_TEST(sorted.counts[j][j] == 100u, "partition " << j << " holds class " << j);
    }
    config.kind = NonIidPartitioner::Kind::IID;
    const auto iid = NonIidPartitioner(config, 10).Make(labels, 10, rng);
    CheckPlan(iid, labels, 10, 10);
    for (uint32_t i = 0; i < iid.order.size(); ++i)
    {
        BOOST_TEST_REQUIRE(iid.order[i] == i, "iid keeps the order");
    }
    BOOST_TEST(NonIidPartitioner::KindName(NonIidPartitioner::ParseKind("label-skew")) ==
               "label-skew");
    BOOST_CHECK_THROW(NonIidPartitioner::ParseKind("skewed"), std::invalid_argument);
    config.kind = NonIidPartitioner::Kind::DIRICHLET;
    config.alpha = 0.0;
    BOOST_CHECK_THROW(NonIidPartitioner(config, 10), std::invalid_argument);
}

// Gamma(k, 1) has mean k and variance k; 200 000 draws put the sample mean within
// 4 standard errors and the sample variance within 5 %.
BOOST_AUTO_TEST_CASE(non_iid_gamma_moments)
{
    for (double shape : {0.2, 1.0, 2.5})
    {
        SeededRandomSource rng(42);
        const int n = 200000;
        double sum = 0.0;
        double sumSq = 0.0;
        for (int i = 0; i < n; ++i)
        {
            const double x = NonIidPartitioner::Gamma(shape, rng);
            BOOST_TEST_REQUIRE(x >= 0.0);
            sum += x;
            sumSq += x * x;
        }
        const double mean = sum / n;
        const double var = sumSq / n - mean * mean;
        BOOST_TEST_INFO("shape " << shape << ": mean " << mean << ", variance " << var);
        BOOST_TEST(std::abs(mean - shape) < 4.0 * std::sqrt(shape / n));
        BOOST_TEST(std::abs(var - shape) < 0.05 * shape);
    }
}

// Balanced Dirichlet partitions (fixed seed): both margins exact; with alpha = 1000 every
// partition's label histogram passes Pearson's chi-square test against the overall label
// proportions at the 0.1 % level (27.88 for 9 degrees of freedom); with alpha = 0.1 every
// partition fails it by far and holds most of its samples in a few classes.
BOOST_AUTO_TEST_CASE(non_iid_dirichlet_chi_square)
{
    const std::vector<uint32_t> labels = BalancedLabels(600, 10, 9);
    const std::vector<double> totals(10, 600.0);
    for (double alpha : {1000.0, 0.1})
    {
        NonIidPartitioner::Config config;
        config.kind = NonIidPartitioner::Kind::DIRICHLET;
        config.alpha = alpha;
        SeededRandomSource rng(2024);
        const auto plan = NonIidPartitioner(config, 10).Make(labels, 10, rng);
        CheckPlan(plan, labels, 10, 10);
        BOOST_TEST(plan.proportions.size() == 10u);
        for (uint32_t j = 0; j < 10; ++j)
        {
            const double chi = ChiSquareVsOverall(plan.counts[j], totals);
            std::vector<uint32_t> row = plan.counts[j];
            std::sort(row.rbegin(), row.rend());
            const double topThree = (row[0] + row[1] + row[2]) / 600.0;
            BOOST_TEST_INFO("alpha " << alpha << " partition " << j << ": chi2 " << chi
                                     << ", top three classes " << topThree);
            if (alpha > 1.0)
            {
                BOOST_TEST(chi < 27.88);
            }
            else
            {
                BOOST_TEST(chi > 10 * 27.88);
                BOOST_TEST(topThree > 0.75);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
