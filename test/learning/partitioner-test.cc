// SPDX-License-Identifier: GPL-2.0-only
#include "ns3/data-partitioner.h"
#include "ns3/random-source.h"

#include <boost/test/unit_test.hpp>

using namespace ns3::coded;

namespace
{

/// Marks every row of a row set; fails on a row marked twice.
void
Mark(std::vector<int>& seen, const RowSet& rows)
{
    for (const auto& r : rows)
    {
        for (uint32_t i = r.begin; i < r.end; ++i)
        {
            BOOST_TEST(seen.at(i) == 0, "row " << i << " covered twice");
            seen[i] = 1;
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(partitions_are_equal_disjoint_and_cover)
{
    for (uint32_t n : {10u, 11u, 60000u, 1001u})
    {
        for (uint32_t k : {1u, 3u, 7u, 10u})
        {
            const DataPartitioner p(n, k);
            std::vector<int> seen(n, 0);
            uint32_t smallest = n;
            uint32_t largest = 0;
            for (uint32_t i = 0; i < k; ++i)
            {
                const RowRange r = p.Partition(i);
                smallest = std::min(smallest, r.Size());
                largest = std::max(largest, r.Size());
                Mark(seen, {r});
            }
            BOOST_TEST(largest - smallest <= 1u);
            BOOST_TEST(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(n));
        }
    }
    BOOST_CHECK_THROW(DataPartitioner(5, 0), std::invalid_argument);
    BOOST_CHECK_THROW(DataPartitioner(5, 6), std::invalid_argument);
    BOOST_CHECK_THROW(DataPartitioner(5, 2).Partition(2), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(partition_blocks_split_exactly)
{
    const DataPartitioner p(1003, 10);
    // Sub-blocks of a partition, and pieces of a union of non-adjacent partitions.
    for (uint32_t m : {1u, 2u, 3u, 7u, 100u})
    {
        std::vector<int> seen(1003, 0);
        const RowSet part{p.Partition(4)};
        uint64_t smallest = 1u << 30;
        uint64_t largest = 0;
        for (uint32_t j = 0; j < m; ++j)
        {
            const RowSet b = DataPartitioner::Split(part, m, j);
            smallest = std::min(smallest, RowCount(b));
            largest = std::max(largest, RowCount(b));
            Mark(seen, b);
        }
        BOOST_TEST(largest - smallest <= 1u);
        BOOST_TEST(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(part[0].Size()));
    }
    const RowSet u = p.Union({7, 2, 3});
    BOOST_TEST(u.size() == 2u); // 7 alone, then 2 and 3 merged
    BOOST_TEST(RowCount(u) ==
               p.Partition(7).Size() + p.Partition(2).Size() + p.Partition(3).Size());
    std::vector<int> seen(1003, 0);
    for (uint32_t j = 0; j < 4; ++j)
    {
        Mark(seen, DataPartitioner::Split(u, 4, j));
    }
    BOOST_TEST(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(RowCount(u)));
    BOOST_CHECK_THROW(p.Union({1, 1}), std::invalid_argument);
    BOOST_CHECK_THROW(DataPartitioner::Split(u, 0, 0), std::invalid_argument);
    BOOST_CHECK_THROW(DataPartitioner::Split(u, 2, 2), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(random_partitioning_is_deterministic_given_seed)
{
    // Random partitions = a seeded permutation of the samples, then contiguous partitions.
    SeededRandomSource a(11);
    SeededRandomSource b(11);
    SeededRandomSource c(12);
    const auto pa = a.Permutation(5000);
    BOOST_TEST(pa == b.Permutation(5000));
    BOOST_TEST(pa != c.Permutation(5000));
}

BOOST_AUTO_TEST_SUITE_END()
