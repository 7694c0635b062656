// SPDX-License-Identifier: GPL-2.0-only
// Fractional repetition code (Tandon et al.): algorithms.md (d) properties 3 (FR part), 5, 6.
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/fractional-repetition-code.h"
#include "ns3/random-source.h"
#include "ns3/row-gradient-table.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

/// A fractional-repetition code on K = n partitions of 30 samples each.
FractionalRepetitionCode
MakeCode(uint32_t n, uint32_t s, RandomSource& rng)
{
    CodingParameters p;
    p.numWorkers = n;
    p.stragglers = s;
    return FractionalRepetitionCode(p, DataPartitioner(30 * n, n), rng);
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding)

// Property 5: (s+1) | n is enforced with a message naming s and n.
BOOST_AUTO_TEST_CASE(fractional_requires_divisibility)
{
    SeededRandomSource rng(1);
    std::string what;
    try
    {
        MakeCode(10, 2, rng);
    }
    catch (const std::invalid_argument& e)
    {
        what = e.what();
    }
    BOOST_TEST(what.find("fractional-repetition: s = 2 needs (s+1) | n, but n = 10") !=
                   std::string::npos,
               what);
    BOOST_CHECK_THROW(MakeCode(4, 4, rng), std::invalid_argument);
    BOOST_CHECK_THROW(FractionalRepetitionCode::BuildMatrix(9, 1), std::invalid_argument);
    BOOST_CHECK_NO_THROW(MakeCode(9, 2, rng));
    BOOST_CHECK_NO_THROW(MakeCode(7, 0, rng));
}

// Property 5: any n - s survivors leave one per group; coefficient 1 per group decodes exactly.
BOOST_AUTO_TEST_CASE(fractional_one_survivor_per_group_decodes_exactly)
{
    SeededRandomSource rng(2);
    for (uint32_t n : {2u, 4u, 6u, 8u, 9u, 12u})
    {
        const RowGradientTable table(30 * n, 3, rng);
        const CompletionHistory history(n);
        for (uint32_t s = 0; s < n; ++s)
        {
            if (n % (s + 1) != 0)
            {
                continue;
            }
            auto code = MakeCode(n, s, rng);
            const Eigen::MatrixXd b = FractionalRepetitionCode::BuildMatrix(n, s);
            uint32_t failures = 0;
            double worst = 0.0;
            for (uint32_t mask = 0; mask < (1u << n); ++mask)
            {
                if (static_cast<uint32_t>(__builtin_popcount(mask)) != n - s)
                {
                    continue;
                }
                // FR may decode before the (n-s)-th arrival (one per group suffices).
                auto round = code.StartRound(0, history);
                for (uint32_t i : rng.Permutation(n))
                {
                    if (mask & (1u << i))
                    {
                        round->OnResult(i);
                    }
                }
                if (!round->IsDecodable())
                {
                    ++failures;
                    continue;
                }
                const DecodeResult& d = round->Decode();
                // One task per group, coefficient 1, rows of the right group.
                failures += d.tasks.size() != n / (s + 1) ? 1 : 0;
                Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(n);
                for (size_t j = 0; j < d.tasks.size(); ++j)
                {
                    failures += d.coefficients[j] != 1.0 ? 1 : 0;
                    sum += b.row(round->Plan().Task(d.tasks[j]).worker);
                }
                failures += (sum.array() != 1.0).any() ? 1 : 0;
                const DenseVector g = table.Total();
                worst = std::max(worst,
                                 (d.Combine(table.EncodeAll(round->Plan())) - g).norm() / g.norm());
            }
            BOOST_TEST(failures == 0u, "n = " << n << ", s = " << s);
            BOOST_TEST(worst < 1e-12, "n = " << n << ", s = " << s);
        }
    }
}

// Property 3 (FR): a set missing a whole group cannot decode, however many others arrive.
BOOST_AUTO_TEST_CASE(fractional_missing_group_cannot_decode)
{
    SeededRandomSource rng(3);
    for (uint32_t n : {4u, 6u, 12u})
    {
        for (uint32_t s : {1u, 2u, 3u})
        {
            if (n % (s + 1) != 0 || s >= n)
            {
                continue;
            }
            auto code = MakeCode(n, s, rng);
            const uint32_t groups = n / (s + 1);
            for (uint32_t missing = 0; missing < groups; ++missing)
            {
                auto round = code.StartRound(0, CompletionHistory(n));
                for (uint32_t i = 0; i < n; ++i)
                {
                    if (i / (s + 1) != missing)
                    {
                        round->OnResult(i);
                    }
                }
                BOOST_TEST(!round->IsDecodable(), "n = " << n << ", s = " << s);
                BOOST_CHECK_THROW(round->Decode(), std::logic_error);
                round->OnResult(missing * (s + 1) + s); // one survivor of the group arrives
                BOOST_TEST(round->IsDecodable());
            }
        }
    }
}

// Property 6: every column of B has s + 1 non-zeros; load (s+1) K.
BOOST_AUTO_TEST_CASE(fractional_column_weights_meet_lower_bound)
{
    SeededRandomSource rng(4);
    for (uint32_t n : {6u, 12u, 20u})
    {
        for (uint32_t s : {0u, 1u, 2u, 3u, 5u})
        {
            if (n % (s + 1) != 0)
            {
                continue;
            }
            const Eigen::MatrixXd b = FractionalRepetitionCode::BuildMatrix(n, s);
            for (uint32_t k = 0; k < n; ++k)
            {
                BOOST_TEST((b.col(k).array() != 0.0).count() == static_cast<long>(s + 1));
            }
            auto round = MakeCode(n, s, rng).StartRound(0, CompletionHistory(n));
            BOOST_TEST(std::abs(round->Plan().Load() - (s + 1.0) * n) < 1e-9);
        }
    }
    // Worked example n = 6, s = 2 of b.1.
    const Eigen::MatrixXd b = FractionalRepetitionCode::BuildMatrix(6, 2);
    BOOST_TEST(b.row(0).sum() == 3.0);
    BOOST_TEST(b(0, 2) == 1.0);
    BOOST_TEST(b(0, 3) == 0.0);
    BOOST_TEST(b(5, 3) == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()
