// SPDX-License-Identifier: GPL-2.0-only
// Cyclic repetition code (Tandon et al.) and its least-squares decoder: algorithms.md (d)
// properties 1, 2, 3, 4, 6 and 18 (same seed, same code).
#include "ns3/completion-history.h"
#include "ns3/cyclic-repetition-code.h"
#include "ns3/data-partitioner.h"
#include "ns3/least-squares-decoder.h"
#include "ns3/random-source.h"
#include "ns3/row-gradient-table.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

/// Workers' survivor sets as bit masks of popcount k over n (n <= 20).
std::vector<uint32_t>
AllSubsets(uint32_t n, uint32_t k)
{
    std::vector<uint32_t> sets;
    for (uint32_t mask = 0; mask < (1u << n); ++mask)
    {
        if (static_cast<uint32_t>(__builtin_popcount(mask)) == k)
        {
            sets.push_back(mask);
        }
    }
    return sets;
}

/// The workers of a mask, in a random order (arrival order).
std::vector<uint32_t>
Members(uint32_t mask, uint32_t n, RandomSource& rng)
{
    std::vector<uint32_t> out;
    for (uint32_t i : rng.Permutation(n))
    {
        if (mask & (1u << i))
        {
            out.push_back(i);
        }
    }
    return out;
}

/// Outcome of decoding one survivor set through a CodingRound.
struct Outcome
{
    bool decodableEarly{false}; //!< decodable before the last survivor arrived
    bool decodable{false};      //!< decodable after all survivors arrived
    bool exact{false};          //!< decode flagged exact
    double relError{0};         //!< ||g_hat - g|| / ||g||
    double maxResidual{0};      //!< ||B_F^T a - 1||_inf
};

/**
 * Runs one round of code in which exactly the given workers deliver, in the given order.
 */
Outcome
DecodeSurvivors(GradientCode& code,
                const CompletionHistory& history,
                const RowGradientTable& table,
                const std::vector<uint32_t>& survivors)
{
    auto round = code.StartRound(0, history);
    Outcome out;
    for (size_t j = 0; j < survivors.size(); ++j)
    {
        const bool now = round->OnResult(round->Plan().TasksOfWorker(survivors[j]).front());
        if (now && j + 1 < survivors.size())
        {
            out.decodableEarly = true;
        }
    }
    out.decodable = round->IsDecodable();
    if (!out.decodable)
    {
        return out;
    }
    const DecodeResult& d = round->Decode();
    const DenseVector g = table.Total();
    out.relError = (d.Combine(table.EncodeAll(round->Plan())) - g).norm() / g.norm();
    out.exact = d.exact;
    out.maxResidual = d.maxResidual;
    return out;
}

/// A cyclic code on K = n partitions of 40 samples each.
std::unique_ptr<CyclicRepetitionCode>
MakeCode(uint32_t n, uint32_t s, RandomSource& rng)
{
    CodingParameters p;
    p.numWorkers = n;
    p.stragglers = s;
    return std::make_unique<CyclicRepetitionCode>(p, DataPartitioner(40 * n, n), rng);
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding)

// Property 1: support i..i+s (mod n), B_ii = 1, H 1 = 0, H b_i = 0.
BOOST_AUTO_TEST_CASE(cyclic_construction_shape)
{
    SeededRandomSource rng(101);
    for (uint32_t n : {1u, 2u, 3u, 5u, 8u, 12u, 20u, 40u, 100u, 200u, 256u})
    {
        for (uint32_t s : {0u, 1u, 2u, 3u, n / 4, n / 2, n - 1})
        {
            if (s >= n)
            {
                continue;
            }
            const auto m = CyclicRepetitionCode::Construct(n, s, rng);
            BOOST_TEST_REQUIRE(m.b.rows() == n);
            BOOST_TEST_REQUIRE(m.b.cols() == n);
            BOOST_TEST_REQUIRE(m.h.rows() == s);
            const double scale = std::max(1.0, m.b.cwiseAbs().maxCoeff());
            uint32_t badSupport = 0;
            for (uint32_t i = 0; i < n; ++i)
            {
                for (uint32_t j = 0; j < n; ++j)
                {
                    const bool inSupport = (j + n - i) % n <= s;
                    if (inSupport != (m.b(i, j) != 0.0))
                    {
                        ++badSupport;
                    }
                }
                BOOST_TEST(m.b(i, i) == 1.0);
            }
            BOOST_TEST(badSupport == 0u, "n = " << n << ", s = " << s);
            if (s > 0)
            {
                const double h1 = (m.h * Eigen::VectorXd::Ones(n)).cwiseAbs().maxCoeff();
                const double hb = (m.h * m.b.transpose()).cwiseAbs().maxCoeff();
                BOOST_TEST(h1 < 1e-12 * n, "n = " << n << ", s = " << s << ": |H 1| = " << h1);
                BOOST_TEST(hb < 1e-9 * scale, "n = " << n << ", s = " << s << ": |H B^T| = " << hb);
            }
        }
    }
}

// Property 4: the worked example of b.1 gives a = (2,-1), (1,1), (1,2).
BOOST_AUTO_TEST_CASE(cyclic_worked_example_n3_s1)
{
    auto b = std::make_shared<const Eigen::MatrixXd>(
        (Eigen::MatrixXd(3, 3) << 0.5, 1, 0, 0, 1, -1, 0.5, 0, 1).finished());

    struct Case
    {
        uint32_t first;
        uint32_t second;
        double a1;
        double a2;
    };

    for (const Case& c : {Case{0, 1, 2, -1}, Case{0, 2, 1, 1}, Case{1, 2, 1, 2}})
    {
        for (bool reversed : {false, true})
        {
            LeastSquaresDecoder d({0, 1, 2}, b, 2, LeastSquaresDecoder::Mode::EXACT, 1e-6);
            BOOST_TEST(!d.OnResult(reversed ? c.second : c.first));
            BOOST_TEST_REQUIRE(d.OnResult(reversed ? c.first : c.second));
            const DecodeResult& r = d.Result();
            BOOST_TEST(r.exact);
            BOOST_TEST_REQUIRE(r.tasks.size() == 2u);
            for (size_t j = 0; j < 2; ++j)
            {
                const double expected = r.tasks[j] == c.first ? c.a1 : c.a2;
                BOOST_TEST(std::abs(r.coefficients[j] - expected) < 1e-12,
                           "survivors {" << c.first + 1 << "," << c.second + 1 << "}: a = "
                                         << r.coefficients[j] << ", expected " << expected);
            }
        }
    }
}

// Property 2 (n <= 12): every survivor set of size n - s decodes exactly at its last arrival.
BOOST_AUTO_TEST_CASE(cyclic_exact_recovery_every_survivor_set_small_n)
{
    SeededRandomSource rng(202);
    uint32_t sets = 0;
    for (uint32_t n = 1; n <= 12; ++n)
    {
        const RowGradientTable table(40 * n, 4, rng);
        const CompletionHistory history(n);
        for (uint32_t s = 0; s < n; ++s)
        {
            auto code = MakeCode(n, s, rng);
            double worstError = 0.0;
            double worstResidual = 0.0;
            uint32_t failures = 0;
            for (uint32_t mask : AllSubsets(n, n - s))
            {
                const Outcome o = DecodeSurvivors(*code, history, table, Members(mask, n, rng));
                failures += (!o.decodable || o.decodableEarly || !o.exact) ? 1 : 0;
                worstError = std::max(worstError, o.relError);
                worstResidual = std::max(worstResidual, o.maxResidual);
                ++sets;
            }
            BOOST_TEST(failures == 0u, "n = " << n << ", s = " << s);
            BOOST_TEST(worstError < 1e-6, "n = " << n << ", s = " << s << ": " << worstError);
            BOOST_TEST(worstResidual < 1e-6, "n = " << n << ", s = " << s);
        }
    }
    BOOST_TEST(sets == 8178u); // sum over n <= 12 of (2^n - 1)
}

// Property 2 (13 <= n <= 40): >= 500 sampled survivor sets (random and bursts of stragglers).
BOOST_AUTO_TEST_CASE(cyclic_exact_recovery_sampled_survivor_sets_up_to_40)
{
    SeededRandomSource rng(303);
    for (uint32_t n : {13u, 16u, 20u, 25u, 32u, 40u})
    {
        const RowGradientTable table(40 * n, 4, rng);
        const CompletionHistory history(n);
        for (uint32_t s : {1u, 2u, n / 4, n / 2, n - 2})
        {
            auto code = MakeCode(n, s, rng);
            double worstError = 0.0;
            uint32_t failures = 0;
            for (uint32_t t = 0; t < 500; ++t)
            {
                std::vector<uint32_t> order = rng.Permutation(n);
                if (t % 5 == 0)
                {
                    // A burst: the s stragglers are consecutive workers.
                    const uint32_t start = rng.UniformInt(n);
                    order.clear();
                    for (uint32_t k = s; k < n; ++k)
                    {
                        order.push_back((start + k) % n);
                    }
                }
                order.resize(n - s);
                const Outcome o = DecodeSurvivors(*code, history, table, order);
                failures += (!o.decodable || o.decodableEarly || !o.exact) ? 1 : 0;
                worstError = std::max(worstError, o.relError);
            }
            BOOST_TEST(failures == 0u, "n = " << n << ", s = " << s);
            BOOST_TEST(worstError < 1e-6, "n = " << n << ", s = " << s << ": " << worstError);
        }
    }
}

// Property 2 beyond the ~40 of algorithms.md: spot checks up to the documented maximum.
BOOST_AUTO_TEST_CASE(cyclic_exact_recovery_spot_checks_up_to_200)
{
    SeededRandomSource rng(404);
    for (uint32_t n : {60u, 100u, 200u})
    {
        const RowGradientTable table(10 * n, 3, rng);
        const CompletionHistory history(n);
        for (uint32_t s : {2u, n / 10, n / 2})
        {
            CodingParameters p;
            p.numWorkers = n;
            p.stragglers = s;
            CyclicRepetitionCode code(p, DataPartitioner(10 * n, n), rng);
            double worstError = 0.0;
            uint32_t failures = 0;
            for (uint32_t t = 0; t < 10; ++t)
            {
                std::vector<uint32_t> order = rng.Permutation(n);
                order.resize(n - s);
                const Outcome o = DecodeSurvivors(code, history, table, order);
                failures += (!o.decodable || o.decodableEarly || !o.exact) ? 1 : 0;
                worstError = std::max(worstError, o.relError);
            }
            BOOST_TEST(failures == 0u, "n = " << n << ", s = " << s);
            BOOST_TEST(worstError < 1e-6, "n = " << n << ", s = " << s << ": " << worstError);
        }
    }
}

// Property 3: n - s - 1 survivors are not enough (the round waits, and the least-squares
// residual with those rows is large).
BOOST_AUTO_TEST_CASE(cyclic_fails_below_threshold)
{
    SeededRandomSource rng(505);
    for (uint32_t n = 3; n <= 10; ++n)
    {
        const CompletionHistory history(n);
        for (uint32_t s = 1; s + 1 < n; ++s)
        {
            auto code = MakeCode(n, s, rng);
            double largest = 0.0;
            double smallest = 1e300;
            uint32_t decodedEarly = 0;
            for (uint32_t mask : AllSubsets(n, n - s - 1))
            {
                auto round = code->StartRound(0, history);
                std::vector<uint32_t> rows;
                for (uint32_t i : Members(mask, n, rng))
                {
                    decodedEarly += round->OnResult(i) ? 1 : 0;
                    rows.push_back(i);
                }
                Eigen::MatrixXd bf(rows.size(), n);
                for (size_t j = 0; j < rows.size(); ++j)
                {
                    bf.row(j) = code->Matrix().row(rows[j]);
                }
                Eigen::VectorXd a;
                Eigen::VectorXd r;
                LeastSquaresDecoder::Solve(bf, a, r);
                largest = std::max(largest, r.cwiseAbs().maxCoeff());
                smallest = std::min(smallest, r.cwiseAbs().maxCoeff());
            }
            BOOST_TEST(decodedEarly == 0u, "n = " << n << ", s = " << s);
            BOOST_TEST(largest > 0.1, "n = " << n << ", s = " << s);
            BOOST_TEST(smallest > 1e-6, "n = " << n << ", s = " << s);
        }
    }
}

// Property 6: every column has at least s + 1 non-zeros (exactly s + 1 for this code).
BOOST_AUTO_TEST_CASE(cyclic_column_weights_meet_lower_bound)
{
    SeededRandomSource rng(606);
    for (uint32_t n : {4u, 9u, 16u, 33u})
    {
        for (uint32_t s = 0; s < n; s += 1 + n / 8)
        {
            auto code = MakeCode(n, s, rng);
            auto round = code->StartRound(0, CompletionHistory(n));
            std::vector<uint32_t> blocks(n);
            for (uint32_t j = 0; j < n; ++j)
            {
                blocks[j] = j;
            }
            const Eigen::MatrixXd b =
                round->Plan().CodeMatrix(round->Plan().TasksOfStage(1), blocks);
            for (uint32_t k = 0; k < n; ++k)
            {
                const auto nnz = (b.col(k).array() != 0.0).count();
                BOOST_TEST(nnz == static_cast<long>(s + 1), "n = " << n << ", s = " << s);
            }
            BOOST_TEST(std::abs(round->Plan().Load() - (s + 1.0) * n) < 1e-9);
        }
    }
}

// The decoder waits for one more result when the residual check fails, and never hangs.
BOOST_AUTO_TEST_CASE(least_squares_decoder_waits_when_check_fails)
{
    // Rows 0 and 1 are equal: {0, 1} cannot give (1, 1, 1); {0, 1, 2} can.
    auto b = std::make_shared<const Eigen::MatrixXd>(
        (Eigen::MatrixXd(3, 3) << 1, 1, 0, 1, 1, 0, 0, 0, 1).finished());
    LeastSquaresDecoder d({10, 11, 12}, b, 2, LeastSquaresDecoder::Mode::EXACT, 1e-6);
    BOOST_TEST(!d.OnResult(10));
    BOOST_TEST(d.NumSolves() == 0u); // nothing is solved below the threshold
    BOOST_TEST(!d.OnResult(11));
    BOOST_TEST(d.NumSolves() == 1u);
    BOOST_CHECK_THROW(d.Result(), std::logic_error);
    BOOST_TEST(d.OnResult(12));
    BOOST_TEST(d.Result().exact);
    BOOST_TEST(d.Result().maxResidual < 1e-12);
    BOOST_TEST(!d.OnResult(99) == false); // unknown ids are ignored; still decodable

    // A code that cannot decode even with every row: decodable, flagged inexact.
    auto bad =
        std::make_shared<const Eigen::MatrixXd>((Eigen::MatrixXd(2, 2) << 1, -1, 2, -2).finished());
    LeastSquaresDecoder e({0, 1}, bad, 1, LeastSquaresDecoder::Mode::EXACT, 1e-6);
    BOOST_TEST(!e.OnResult(1));
    BOOST_TEST(e.OnResult(0));
    BOOST_TEST(!e.Result().exact);
    BOOST_TEST(e.Result().maxResidual > 0.1);

    BOOST_CHECK_THROW(LeastSquaresDecoder({0, 1}, bad, 3, LeastSquaresDecoder::Mode::EXACT, 1e-6),
                      std::invalid_argument);
    BOOST_CHECK_THROW(LeastSquaresDecoder({0, 0}, bad, 1, LeastSquaresDecoder::Mode::EXACT, 1e-6),
                      std::invalid_argument);
}

// Bad parameters are refused with a message that names them; property 18 for the code.
BOOST_AUTO_TEST_CASE(cyclic_parameters_and_determinism)
{
    SeededRandomSource rng(707);
    auto message = [&rng](uint32_t n, uint32_t s) {
        try
        {
            CyclicRepetitionCode::Construct(n, s, rng);
        }
        catch (const std::invalid_argument& e)
        {
            return std::string(e.what());
        }
        return std::string();
    };
    BOOST_TEST(message(5, 5).find("s = 5, must be < n = 5") != std::string::npos);
    BOOST_TEST(message(300, 2).find("n = 300, must be in [1, 256]") != std::string::npos);
    BOOST_TEST(message(0, 0).find("n = 0") != std::string::npos);
    CodingParameters p;
    p.numWorkers = 8;
    BOOST_CHECK_THROW(CyclicRepetitionCode(p, DataPartitioner(100, 7), rng), std::invalid_argument);
    BOOST_CHECK_THROW(CyclicRepetitionCode::Construct(8, 2, rng, 0.5), std::invalid_argument);

    SeededRandomSource a(42);
    SeededRandomSource b(42);
    const auto ma = CyclicRepetitionCode::Construct(30, 6, a);
    const auto mb = CyclicRepetitionCode::Construct(30, 6, b);
    BOOST_TEST((ma.b.array() == mb.b.array()).all());
    BOOST_TEST((ma.h.array() == mb.h.array()).all());
}

BOOST_AUTO_TEST_SUITE_END()
