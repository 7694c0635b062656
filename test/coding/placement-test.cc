// SPDX-License-Identifier: GPL-2.0-only
// Data placement of every scheme (a task uses only rows its worker stores, or names the others
// for raw-sample transfer), the stage-1 load balancer, and the span decoder of two-stage.
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/data-placement.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/load-balancer.h"
#include "ns3/random-source.h"
#include "ns3/row-gradient-table.h"
#include "ns3/row-set-algebra.h"
#include "ns3/span-decoder.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

/// \return a history in which every worker was observed once (worker w: 1 + w / n per unit)
CompletionHistory
Observed(uint32_t n)
{
    CompletionHistory h(n);
    for (uint32_t w = 0; w < n; ++w)
    {
        h.RecordCompletion(w, 1.0 + static_cast<double>(w) / n, 1.0, 0.1);
    }
    return h;
}

/**
 * Plays rounds of a code with results arriving in a random order, starting stage 2 (all
 * stage-1 workers still out are late) after the first arrival, and checks every task of every
 * plan against the placement: its rows are stored by its worker except exactly its transfer
 * rows. \return the number of tasks with transfer rows
 */
uint32_t
CheckTasks(GradientCode& code, RandomSource& rng, uint32_t rounds)
{
    const DataPlacement& placement = code.Placement();
    const CompletionHistory history = Observed(code.NumWorkers());
    uint32_t transfers = 0;
    for (uint32_t r = 0; r < rounds; ++r)
    {
        auto round = code.StartRound(r, history);
        std::vector<uint32_t> order = rng.Permutation(round->Plan().NumTasks());
        for (size_t i = 0; i < order.size() && !round->IsDecodable(); ++i)
        {
            round->OnResult(order[i]);
            if (round->ShouldStartStageTwo(1e9))
            {
                for (uint32_t id : round->StartStageTwo(1e9))
                {
                    order.push_back(id);
                }
            }
        }
        BOOST_TEST(round->IsDecodable(), code.Name());
        const IterationPlan& plan = round->Plan();
        for (const CodingTask& t : plan.Tasks())
        {
            const RowSet rows = plan.TaskRows(t.id);
            BOOST_TEST((SubtractRows(rows, placement.Stored(t.worker)) == t.transfer),
                       code.Name() << " task " << t.id);
            BOOST_TEST(ContainsRows(rows, t.transfer));
            transfers += t.transfer.empty() ? 0 : 1;
        }
    }
    return transfers;
}

} // namespace

namespace boost::test_tools::tt_detail
{
/// Boost.Test printing of row sets.
template <>
struct print_log_value<RowSet>
{
    void operator()(std::ostream& os, const RowSet& rows)
    {
        for (const auto& r : rows)
        {
            os << "[" << r.begin << "," << r.end << ")";
        }
    }
};
} // namespace boost::test_tools::tt_detail

BOOST_AUTO_TEST_SUITE(coding)

// Every scheme stores what it needs, fixed when the code is made, and every task of every
// round (stage 2 included) uses only stored rows: uncoded and ignore-stragglers 1 partition,
// fractional and cyclic repetition s + 1, approximate its d blocks, partial its private unit
// and s + 1 shared units, k-sync with reshuffling everything, two-stage r.
BOOST_AUTO_TEST_CASE(placement_every_task_uses_stored_rows)
{
    SeededRandomSource rng(20);
    CodingParameters p;
    p.numWorkers = 9; // (s+1) | n for fractional repetition with s = 2
    const DataPartitioner parts(900, 9);
    const std::map<std::string, double> redundancy = {{"uncoded", 1.0},
                                                      {"ignore-stragglers", 1.0},
                                                      {"k-sync", 9.0},
                                                      {"fractional-repetition", 3.0},
                                                      {"cyclic-repetition", 3.0},
                                                      {"approximate", 2.0},
                                                      {"partial", 2.0},
                                                      {"two-stage", 3.0}};
    for (const std::string& name : GradientCodeFactory::Names())
    {
        auto code = GradientCodeFactory::Create(name, p, parts, rng);
        BOOST_TEST(code->Placement().CoversAllSamples(), name);
        BOOST_TEST(std::abs(code->Placement().StorageRedundancy() - redundancy.at(name)) < 1e-12,
                   name << ": " << code->Placement().StorageRedundancy());
        BOOST_TEST(CheckTasks(*code, rng, 20) == 0u, name);
    }
    // Uncoded: worker i stores exactly partition i.
    auto uncoded = GradientCodeFactory::Create("uncoded", p, parts, rng);
    for (uint32_t w = 0; w < 9; ++w)
    {
        BOOST_TEST((uncoded->Placement().Stored(w) == RowSet{parts.Partition(w)}));
    }
    // Two-stage with other replications, and k-sync without reshuffling.
    for (uint32_t r : {1u, 2u, 5u, 0u})
    {
        p.replication = r;
        auto code = GradientCodeFactory::Create("two-stage", p, parts, rng);
        BOOST_TEST(std::abs(code->Placement().StorageRedundancy() - (r == 0 ? 9.0 : r)) < 1e-12);
        BOOST_TEST(CheckTasks(*code, rng, 20) == 0u, "replication " << r);
    }
    p.kSyncReshuffle = false;
    auto fixed = GradientCodeFactory::Create("k-sync", p, parts, rng);
    BOOST_TEST(std::abs(fixed->Placement().StorageRedundancy() - 1.0) < 1e-12);
    BOOST_TEST(CheckTasks(*fixed, rng, 10) == 0u);
}

// With raw-sample transfer, k-sync reshuffles over a placement of one block per worker and
// its tasks name the rows they need and their worker lacks; two-stage with r = 1 gives the
// rows of a left-out worker to others (transferred) instead of putting it back into stage 1.
// Without transfer, a plan refuses a task on rows its worker does not store.
BOOST_AUTO_TEST_CASE(placement_raw_sample_transfer)
{
    SeededRandomSource rng(21);
    CodingParameters p;
    p.numWorkers = 8;
    p.rawSampleTransfer = true;
    const DataPartitioner parts(800, 8);
    auto ksync = GradientCodeFactory::Create("k-sync", p, parts, rng);
    BOOST_TEST(std::abs(ksync->Placement().StorageRedundancy() - 1.0) < 1e-12);
    BOOST_TEST(CheckTasks(*ksync, rng, 10) > 0u);
    auto round = ksync->StartRound(0, CompletionHistory(8));
    for (const CodingTask& t : round->Plan().Tasks())
    {
        // The whole block, unless it is the worker's own.
        const RowSet rows = round->Plan().TaskRows(t.id);
        BOOST_TEST((t.transfer == (rows == RowSet{parts.Partition(t.worker)} ? RowSet{} : rows)));
    }

    p.replication = 1;
    auto twoStage = GradientCodeFactory::Create("two-stage", p, parts, rng);
    CompletionHistory h(8);
    for (uint32_t w = 0; w < 8; ++w)
    {
        h.RecordCompletion(w, w == 5 ? 10.0 : 1.0, 1.0, 0.1); // worker 5 is left out
    }
    auto ts = twoStage->StartRound(0, h);
    const TwoStageInfo& info = ts->Plan().GetTwoStageInfo();
    BOOST_TEST((info.excludedWorkers == std::vector<uint32_t>{5}));
    BOOST_TEST(std::count(info.stageOneWorkers.begin(), info.stageOneWorkers.end(), 5u) == 0);
    RowSet transferred;
    for (uint32_t id : ts->Plan().TasksOfStage(1))
    {
        transferred = UniteRows(transferred, ts->Plan().Task(id).transfer);
    }
    BOOST_TEST((transferred == RowSet{parts.Partition(5)}));

    p.rawSampleTransfer = false;
    auto noTransfer = GradientCodeFactory::Create("two-stage", p, parts, rng);
    auto nt = noTransfer->StartRound(0, h);
    const auto& s1 = nt->Plan().GetTwoStageInfo().stageOneWorkers;
    BOOST_TEST(std::count(s1.begin(), s1.end(), 5u) == 1); // its partition has no other holder
    for (const CodingTask& t : nt->Plan().Tasks())
    {
        BOOST_TEST(t.transfer.empty());
    }

    IterationPlan plan(0, 2, 2);
    DataPlacement placement(2, 100);
    placement.Store(0, {RowRange{0, 50}});
    placement.Store(1, {RowRange{50, 100}});
    plan.SetPlacement(std::make_shared<const DataPlacement>(placement), false);
    const uint32_t b = plan.AddBlock({RowRange{40, 60}}, 0.4);
    BOOST_CHECK_THROW(plan.AddTask(0, 1, {{b, 1.0}}), std::logic_error);
    plan.SetPlacement(std::make_shared<const DataPlacement>(placement), true);
    BOOST_TEST((plan.Task(plan.AddTask(0, 1, {{b, 1.0}})).transfer == RowSet{RowRange{50, 60}}));
}

// DataPlacement's bookkeeping.
BOOST_AUTO_TEST_CASE(placement_bookkeeping)
{
    DataPlacement p(3, 100);
    p.Store(0, {RowRange{10, 20}, RowRange{0, 10}});
    p.Store(1, {RowRange{5, 60}});
    BOOST_TEST((p.Stored(0) == RowSet{RowRange{0, 20}}));
    BOOST_TEST(p.Stores(1, {RowRange{10, 20}, RowRange{30, 40}}));
    BOOST_TEST(!p.Stores(0, {RowRange{15, 25}}));
    BOOST_TEST((p.Missing(0, {RowRange{15, 25}}) == RowSet{RowRange{20, 25}}));
    BOOST_TEST((p.Holders({RowRange{6, 12}}) == std::vector<uint32_t>{0, 1}));
    BOOST_TEST(p.StoredSamples(1) == 55u);
    BOOST_TEST(std::abs(p.StorageRedundancy() - 0.75) < 1e-15);
    BOOST_TEST(!p.CoversAllSamples());
    p.Store(2, {RowRange{60, 100}});
    BOOST_TEST(p.CoversAllSamples());
    BOOST_TEST(std::abs(DataPlacement::Everywhere(4, 10).StorageRedundancy() - 4.0) < 1e-15);
    BOOST_CHECK_THROW(p.Store(3, {RowRange{0, 1}}), std::out_of_range);
    BOOST_CHECK_THROW(p.Store(0, {RowRange{90, 101}}), std::invalid_argument);
    BOOST_CHECK_THROW(DataPlacement(0, 10), std::invalid_argument);
}

// The load balancer reaches the smallest makespan, which (max-flow min-cut) is the least tau
// with size(S) <= sum over the holders of S of (tau - offset_w) / rate_w for every item set S:
// found here by enumerating the sets of small random instances.
BOOST_AUTO_TEST_CASE(load_balancer_is_optimal)
{
    SeededRandomSource rng(22);
    for (uint32_t trial = 0; trial < 200; ++trial)
    {
        const uint32_t items = 1 + rng.UniformInt(6);
        const uint32_t workers = 1 + rng.UniformInt(6);
        LoadBalancer::Problem p;
        for (uint32_t w = 0; w < workers; ++w)
        {
            p.offset.push_back(rng.Uniform() < 0.3 ? 0.0 : rng.Uniform());
            p.rate.push_back(0.1 + 3.0 * rng.Uniform());
        }
        for (uint32_t j = 0; j < items; ++j)
        {
            p.itemSize.push_back(0.1 + rng.Uniform());
            std::vector<uint32_t> h;
            for (uint32_t w = 0; w < workers; ++w)
            {
                if (rng.Uniform() < 0.5)
                {
                    h.push_back(w);
                }
            }
            if (h.empty())
            {
                h.push_back(rng.UniformInt(workers));
            }
            p.holders.push_back(h);
        }
        const LoadBalancer::Solution s = LoadBalancer::Balance(p);
        // Feasible: each item placed in full on its holders.
        for (uint32_t j = 0; j < items; ++j)
        {
            double placed = 0.0;
            for (uint32_t w = 0; w < workers; ++w)
            {
                const bool holds =
                    std::find(p.holders[j].begin(), p.holders[j].end(), w) != p.holders[j].end();
                BOOST_TEST((holds || s.share[j][w] == 0.0));
                BOOST_TEST(s.share[j][w] >= 0.0);
                placed += s.share[j][w];
            }
            BOOST_TEST(std::abs(placed - p.itemSize[j]) < 1e-9);
        }
        // Optimal: the Hall bound by bisection over every item set.
        auto hall = [&](double tau) {
            for (uint32_t mask = 1; mask < (1u << items); ++mask)
            {
                double size = 0.0;
                std::vector<bool> neighbour(workers, false);
                for (uint32_t j = 0; j < items; ++j)
                {
                    if (mask & (1u << j))
                    {
                        size += p.itemSize[j];
                        for (uint32_t w : p.holders[j])
                        {
                            neighbour[w] = true;
                        }
                    }
                }
                double capacity = 0.0;
                for (uint32_t w = 0; w < workers; ++w)
                {
                    capacity += neighbour[w] ? std::max(0.0, (tau - p.offset[w]) / p.rate[w]) : 0;
                }
                if (capacity < size)
                {
                    return false;
                }
            }
            return true;
        };
        double lo = 0.0;
        double hi = 100.0;
        for (int k = 0; k < 100; ++k)
        {
            (hall(0.5 * (lo + hi)) ? hi : lo) = 0.5 * (lo + hi);
        }
        BOOST_TEST(std::abs(s.makespan - hi) <= 1e-6 * hi, "trial " << trial);
    }
    LoadBalancer::Problem bad;
    bad.itemSize = {1.0};
    bad.holders = {{}};
    bad.offset = {0.0};
    bad.rate = {1.0};
    BOOST_CHECK_THROW(LoadBalancer::Balance(bad), std::invalid_argument);
    bad.holders = {{1}};
    BOOST_CHECK_THROW(LoadBalancer::Balance(bad), std::invalid_argument);
    bad.holders = {{0}};
    bad.rate = {0.0};
    BOOST_CHECK_THROW(LoadBalancer::Balance(bad), std::invalid_argument);
}

// The span decoder decodes exactly when the received row combinations span every row of
// [0, N), with any mix of indicator and coded rows, and never before.
BOOST_AUTO_TEST_CASE(span_decoder_decodes_iff_in_span)
{
    SeededRandomSource rng(23);
    const RowGradientTable table(100, 3, rng);
    SpanDecoder d(100, 1e-6);
    d.AddTask(0, {{{RowRange{0, 40}}, 1.0}});                              // h over [0, 40)
    d.AddTask(1, {{{RowRange{40, 100}}, 1.0}});                            // h over [40, 100)
    d.AddTask(2, {{{RowRange{40, 70}}, 2.0}, {{RowRange{70, 100}}, 1.0}}); // coded
    d.AddTask(3, {{{RowRange{40, 70}}, 1.0}, {{RowRange{70, 100}}, -1.0}});
    BOOST_TEST(d.MinResults() == 1u);
    BOOST_TEST(!d.OnResult(0));
    BOOST_TEST(!d.OnResult(7)); // not registered: ignored
    BOOST_TEST(!d.OnResult(2)); // [40, 100) not yet in the span
    BOOST_CHECK_THROW(d.Result(), std::logic_error);
    BOOST_TEST(d.OnResult(3)); // (2 + 1) / 3 = 1 on [40, 70), (1 - 1) ... solved by QR
    const DecodeResult& r = d.Result();
    BOOST_TEST(r.exact);
    BOOST_TEST(r.maxResidual < 1e-12);
    // Check the combination on row sums.
    std::vector<DenseVector> results = {
        table.Sum({RowRange{0, 40}}),
        table.Sum({RowRange{40, 100}}),
        2.0 * table.Sum({RowRange{40, 70}}) + table.Sum({RowRange{70, 100}}),
        table.Sum({RowRange{40, 70}}) - table.Sum({RowRange{70, 100}})};
    BOOST_TEST((r.Combine(results) - table.Total()).norm() < 1e-9 * table.Total().norm());
    BOOST_TEST(d.OnResult(1)); // frozen
    BOOST_TEST(d.Result().tasks.size() == 3u);

    // Two rows proportional on the same rows do not span them.
    SpanDecoder e(10, 1e-6);
    e.AddTask(0, {{{RowRange{0, 5}}, 1.0}, {{RowRange{5, 10}}, 2.0}});
    e.AddTask(1, {{{RowRange{0, 5}}, 2.0}, {{RowRange{5, 10}}, 4.0}});
    BOOST_TEST(!e.OnResult(0));
    BOOST_TEST(!e.OnResult(1));
    BOOST_TEST(e.NumSolves() == 2u);
    BOOST_CHECK_THROW(e.AddTask(0, {{{RowRange{0, 5}}, 1.0}}), std::invalid_argument);
    BOOST_CHECK_THROW(e.AddTask(2, {}), std::invalid_argument);
    BOOST_CHECK_THROW(e.AddTask(3, {{{RowRange{5, 11}}, 1.0}}), std::invalid_argument);
    BOOST_CHECK_THROW(e.AddTask(4, {{{RowRange{0, 5}}, std::nan("")}}), std::invalid_argument);
    BOOST_CHECK_THROW(SpanDecoder(0, 1e-6), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
