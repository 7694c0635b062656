// SPDX-License-Identifier: GPL-2.0-only
// MiniBatch: draws that depend on the seed only, restriction of row sets, and exact gradient
// coding with mini-batches (decoded = uncoded gradient over the same batch).
#include "ns3/coding-round.h"
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/mini-batch.h"
#include "ns3/random-source.h"
#include "ns3/softmax-regression-model.h"
#include "ns3/synthetic-data-generator.h"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

/// \return the rows of a row set, in order
std::vector<uint32_t>
Flatten(const RowSet& rows)
{
    std::vector<uint32_t> out;
    for (const RowRange& r : rows)
    {
        for (uint32_t i = r.begin; i < r.end; ++i)
        {
            out.push_back(i);
        }
    }
    return out;
}

/// [g; loss] of a task as a worker computes it: every term on its block's batch rows.
DenseVector
ComputeTask(const IterationPlan& plan,
            uint32_t id,
            const MiniBatch& batch,
            const LearningModel& model,
            const Dataset& data)
{
    const uint32_t p = model.NumParameters();
    DenseVector result = DenseVector::Zero(p + 1);
    DenseVector g;
    for (const CodedTerm& term : plan.Task(id).terms)
    {
        const RowSet rows = batch.Restrict(plan.Blocks()[term.block].rows);
        if (rows.empty())
        {
            continue; // the worker is sent no term for a block without batch rows
        }
        const double loss = model.LossAndGradient(data, rows, g);
        result.head(p) += term.coefficient * g;
        result(p) += term.coefficient * loss;
    }
    return result;
}

/**
 * Runs one round of a code with a mini-batch, without the results of the given workers, and
 * returns the decoded [g; loss].
 */
DenseVector
DecodeWithBatch(const std::string& scheme,
                uint32_t n,
                uint32_t s,
                const std::set<uint32_t>& stragglers,
                const MiniBatch& batch,
                const LearningModel& model,
                const Dataset& data)
{
    CodingParameters params;
    params.numWorkers = n;
    params.stragglers = s;
    SeededRandomSource codeRng(5);
    auto code =
        GradientCodeFactory::Create(scheme, params, DataPartitioner(data.NumSamples(), n), codeRng);
    const CompletionHistory history(n);
    auto round = code->StartRound(0, history);
    const IterationPlan& plan = round->Plan();
    std::vector<DenseVector> results(plan.NumTasks());
    bool decodable = false;
    for (uint32_t id = 0; id < plan.NumTasks() && !decodable; ++id)
    {
        if (stragglers.count(plan.Task(id).worker))
        {
            continue;
        }
        results[id] = ComputeTask(plan, id, batch, model, data);
        decodable = round->OnResult(id);
    }
    BOOST_REQUIRE_MESSAGE(decodable, scheme << " did not decode");
    return round->Decode().Combine(results);
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(mini_batch_sample_depends_on_the_seed_only)
{
    const MiniBatch a = MiniBatch::Sample(1000, 100, 42);
    const MiniBatch b = MiniBatch::Sample(1000, 100, 42);
    const MiniBatch c = MiniBatch::Sample(1000, 100, 43);
    BOOST_TEST(!a.IsFull());
    BOOST_TEST(a.Size(1000) == 100u);
    BOOST_TEST(a.Rows() == b.Rows());
    BOOST_TEST(a.Rows() != c.Rows());
    const std::set<uint32_t> distinct(a.Rows().begin(), a.Rows().end());
    BOOST_TEST(distinct.size() == 100u);
    BOOST_TEST(std::is_sorted(a.Rows().begin(), a.Rows().end()));
    BOOST_TEST(a.Rows().back() < 1000u);
    // batchSize == numSamples draws every row.
    const MiniBatch all = MiniBatch::Sample(50, 50, 1);
    BOOST_TEST(all.Rows().size() == 50u);
    BOOST_TEST(all.Rows().front() == 0u);
    BOOST_TEST(all.Rows().back() == 49u);
}

BOOST_AUTO_TEST_CASE(mini_batch_sample_is_roughly_uniform)
{
    // Each row is drawn with probability 1/4; over 400 seeds the counts stay near 100.
    std::vector<uint32_t> count(20, 0);
    for (uint64_t seed = 0; seed < 400; ++seed)
    {
        const MiniBatch batch = MiniBatch::Sample(20, 5, seed);
        for (uint32_t r : batch.Rows())
        {
            ++count[r];
        }
    }
    for (uint32_t c : count)
    {
        BOOST_TEST(c > 60u);
        BOOST_TEST(c < 140u);
    }
}

BOOST_AUTO_TEST_CASE(mini_batch_bad_batch_sizes_are_refused)
{
    BOOST_CHECK_THROW(MiniBatch::Sample(10, 0, 1), std::invalid_argument);
    BOOST_CHECK_THROW(MiniBatch::Sample(10, 11, 1), std::invalid_argument);
    BOOST_CHECK_THROW(MiniBatch::Sample(0, 0, 1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(mini_batch_restrict_matches_a_brute_force_intersection)
{
    const MiniBatch batch = MiniBatch::Sample(300, 60, 7);
    const std::set<uint32_t> in(batch.Rows().begin(), batch.Rows().end());
    const RowSet rows{{250, 300}, {10, 40}, {41, 120}};
    std::vector<uint32_t> expected;
    for (uint32_t r : Flatten(RowSet{{10, 40}, {41, 120}, {250, 300}}))
    {
        if (in.count(r))
        {
            expected.push_back(r);
        }
    }
    const RowSet got = batch.Restrict(rows);
    BOOST_TEST(Flatten(got) == expected);
    for (size_t i = 1; i < got.size(); ++i)
    {
        BOOST_TEST(got[i - 1].end < got[i].begin); // ascending, consecutive rows merged
    }
    // The full batch returns its input; a batch of every row gives it back merged.
    BOOST_TEST(Flatten(MiniBatch().Restrict(rows)) == Flatten(rows));
    const RowSet whole = MiniBatch::Sample(300, 300, 3).Restrict(RowSet{{0, 300}});
    BOOST_TEST(whole.size() == 1u);
    BOOST_TEST(whole[0].begin == 0u);
    BOOST_TEST(whole[0].end == 300u);
}

BOOST_AUTO_TEST_CASE(mini_batch_coded_gradient_equals_uncoded_gradient_of_the_batch)
{
    SeededRandomSource rng(11);
    const SyntheticDataGenerator gen(12, 4, 0.5, rng);
    const Dataset data = gen.Generate(600, rng);
    SoftmaxRegressionModel model(12, 4);
    model.SetPrecision(Precision::FLOAT64);
    DenseVector w(model.NumParameters());
    for (Eigen::Index i = 0; i < w.size(); ++i)
    {
        w(i) = 0.3 * rng.Normal();
    }
    model.SetParameters(w);
    const MiniBatch batch = MiniBatch::Sample(data.NumSamples(), 90, 2024);
    RowSet batchRows;
    for (uint32_t r : batch.Rows())
    {
        batchRows.push_back(RowRange{r, r + 1});
    }
    const uint32_t p = model.NumParameters();
    DenseVector direct(p + 1);
    DenseVector g;
    direct(p) = model.LossAndGradient(data, batchRows, g);
    direct.head(p) = g;
    const DenseVector uncoded = DecodeWithBatch("uncoded", 6, 2, {}, batch, model, data);
    BOOST_TEST((uncoded - direct).norm() <= 1e-10 * direct.norm());
    for (const std::string scheme : {"cyclic-repetition", "fractional-repetition"})
    {
        const DenseVector coded = DecodeWithBatch(scheme, 6, 2, {1, 4}, batch, model, data);
        BOOST_TEST_INFO(scheme);
        BOOST_TEST((coded - uncoded).norm() <= 1e-10 * uncoded.norm());
    }
    // A different batch gives a different gradient (the test can fail).
    const MiniBatch other = MiniBatch::Sample(data.NumSamples(), 90, 2025);
    const DenseVector changed = DecodeWithBatch("uncoded", 6, 2, {}, other, model, data);
    BOOST_TEST((changed - uncoded).norm() > 1e-3 * uncoded.norm());
}

BOOST_AUTO_TEST_SUITE_END()
