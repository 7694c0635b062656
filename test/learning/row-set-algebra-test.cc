// SPDX-License-Identifier: GPL-2.0-only
// Set operations on row sets, against a brute-force bitmap of the rows.
#include "ns3/random-source.h"
#include "ns3/row-set-algebra.h"

#include <boost/test/unit_test.hpp>
#include <vector>

using namespace ns3::coded;

namespace
{

const uint32_t ROWS = 60;

/// \return the rows as a bitmap
std::vector<bool>
Bits(const RowSet& rows)
{
    std::vector<bool> bits(ROWS, false);
    for (const RowRange& r : rows)
    {
        for (uint32_t i = r.begin; i < r.end; ++i)
        {
            bits[i] = true;
        }
    }
    return bits;
}

/// \return whether rows is in normal form (sorted, non-empty, disjoint, not adjacent)
bool
IsNormal(const RowSet& rows)
{
    for (size_t i = 0; i < rows.size(); ++i)
    {
        if (rows[i].begin >= rows[i].end || (i > 0 && rows[i].begin <= rows[i - 1].end))
        {
            return false;
        }
    }
    return true;
}

/// \return a random row set of up to 5 possibly overlapping, unordered, empty ranges
RowSet
Random(RandomSource& rng)
{
    RowSet rows;
    for (uint32_t k = rng.UniformInt(6); k > 0; --k)
    {
        const uint32_t a = rng.UniformInt(ROWS + 1);
        const uint32_t b = rng.UniformInt(ROWS + 1);
        rows.push_back(RowRange{std::min(a, b), std::max(a, b)});
    }
    return rows;
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(row_set_algebra_matches_bitmaps)
{
    SeededRandomSource rng(31);
    for (uint32_t trial = 0; trial < 2000; ++trial)
    {
        const RowSet a = Random(rng);
        const RowSet b = Random(rng);
        const std::vector<bool> x = Bits(a);
        const std::vector<bool> y = Bits(b);
        std::vector<bool> unite(ROWS);
        std::vector<bool> intersect(ROWS);
        std::vector<bool> subtract(ROWS);
        bool contains = true;
        for (uint32_t i = 0; i < ROWS; ++i)
        {
            unite[i] = x[i] || y[i];
            intersect[i] = x[i] && y[i];
            subtract[i] = x[i] && !y[i];
            contains = contains && (!y[i] || x[i]);
        }
        const RowSet n = NormalizeRows(a);
        const RowSet u = UniteRows(a, b);
        const RowSet i = IntersectRows(a, b);
        const RowSet s = SubtractRows(a, b);
        BOOST_TEST(IsNormal(n));
        BOOST_TEST(IsNormal(u));
        BOOST_TEST(IsNormal(i));
        BOOST_TEST(IsNormal(s));
        BOOST_TEST((Bits(n) == x));
        BOOST_TEST((Bits(u) == unite));
        BOOST_TEST((Bits(i) == intersect));
        BOOST_TEST((Bits(s) == subtract));
        BOOST_TEST(ContainsRows(a, b) == contains);
    }
    const RowSet merged = NormalizeRows({RowRange{5, 8}, RowRange{0, 5}, RowRange{7, 7}});
    BOOST_TEST(merged.size() == 1u);
    BOOST_TEST(merged[0].begin == 0u);
    BOOST_TEST(merged[0].end == 8u);
}

BOOST_AUTO_TEST_SUITE_END()
