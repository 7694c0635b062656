// SPDX-License-Identifier: GPL-2.0-only
// CompletionHistory (EWMA of per-unit completion times, censored updates, tau1 quantile),
// the factory, and the composite decoders.
#include "ns3/all-of-decoder.h"
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/group-decoder.h"
#include "ns3/iteration-plan.h"
#include "ns3/random-source.h"
#include "ns3/row-gradient-table.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>

using namespace ns3::coded;

BOOST_AUTO_TEST_SUITE(coding)

BOOST_AUTO_TEST_CASE(history_ewma_and_censored_updates)
{
    CompletionHistory h(3, 0.8, 1.0);
    BOOST_TEST(h.PerUnitTime(0) == 1.0);
    BOOST_TEST(!h.HasEstimate(0));
    // The first completion sets T = x, D = x / 2, N = network, E = network / 2.
    h.RecordCompletion(0, 6.0, 2.0, 0.4); // 3 per unit
    BOOST_TEST(h.HasEstimate(0));
    BOOST_TEST(h.PerUnitTime(0) == 3.0);
    BOOST_TEST(h.PerUnitDeviation(0) == 1.5);
    BOOST_TEST(h.NetworkTime(0) == 0.4);
    BOOST_TEST(h.NetworkDeviation(0) == 0.2);
    BOOST_TEST(std::abs(h.Speed(0) - 1.0 / 3.0) < 1e-15);
    // Later ones: D <- 0.8 D + 0.2 |x - T|, then T <- 0.8 T + 0.2 x (compute and network apart).
    h.RecordCompletion(0, 2.0, 2.0, 0.9); // 1 per unit
    BOOST_TEST(std::abs(h.PerUnitDeviation(0) - (0.8 * 1.5 + 0.2 * 2.0)) < 1e-15);
    BOOST_TEST(std::abs(h.PerUnitTime(0) - (0.8 * 3.0 + 0.2 * 1.0)) < 1e-15);
    BOOST_TEST(std::abs(h.NetworkDeviation(0) - (0.8 * 0.2 + 0.2 * 0.5)) < 1e-15);
    BOOST_TEST(std::abs(h.NetworkTime(0) - (0.8 * 0.4 + 0.2 * 0.9)) < 1e-15);
    BOOST_TEST(h.NumObservations(0) == 2u);
    BOOST_TEST(h.NumCensored(0) == 0u);

    // Censored: elapsed minus the network estimate is a lower bound of the compute time, and
    // it only ever makes the worker slower.
    h.RecordCompletion(1, 1.0, 1.0, 0.5); // T = 1, D = 0.5, N = 0.5
    h.RecordCensored(1, 1.2, 1.0);        // bound 0.7 < T: no change
    BOOST_TEST(h.PerUnitTime(1) == 1.0);
    BOOST_TEST(h.PerUnitDeviation(1) == 0.5);
    h.RecordCensored(1, 5.5, 2.0); // bound (5.5 - 0.5) / 2 = 2.5 > T
    BOOST_TEST(std::abs(h.PerUnitDeviation(1) - (0.8 * 0.5 + 0.2 * 1.5)) < 1e-15);
    BOOST_TEST(std::abs(h.PerUnitTime(1) - (0.8 * 1.0 + 0.2 * 2.5)) < 1e-15);
    BOOST_TEST(h.NetworkTime(1) == 0.5); // censoring says nothing about the network
    BOOST_TEST(h.NumCensored(1) == 2u);
    BOOST_TEST(h.NumObservations(1) == 3u);
    // A first observation that is censored sets T to the bound (no network estimate: all of
    // elapsed counts).
    h.RecordCensored(2, 11.0, 2.0);
    BOOST_TEST(h.HasEstimate(2));
    BOOST_TEST(!h.HasNetworkEstimate(2));
    BOOST_TEST(h.PerUnitTime(2) == 5.5);

    BOOST_CHECK_THROW(CompletionHistory(0), std::invalid_argument);
    BOOST_CHECK_THROW(CompletionHistory(3, 1.0), std::invalid_argument);
    BOOST_CHECK_THROW(CompletionHistory(3, 0.5, 0.0), std::invalid_argument);
    BOOST_CHECK_THROW(h.RecordCompletion(3, 1.0, 1.0), std::invalid_argument);
    BOOST_CHECK_THROW(h.RecordCompletion(0, -1.0, 1.0), std::invalid_argument);
    BOOST_CHECK_THROW(h.RecordCompletion(0, 1.0, 0.0), std::invalid_argument);
    BOOST_CHECK_THROW(h.RecordCompletion(0, 1.0, 1.0, -0.1), std::invalid_argument);
    BOOST_CHECK_THROW(h.RecordCensored(0, std::nan(""), 1.0), std::invalid_argument);
    BOOST_CHECK_THROW(h.PerUnitTime(3), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(history_stage_one_quantile)
{
    CompletionHistory h(2, 0.8, 1.0, 4);
    BOOST_TEST(h.StageOneFinishQuantile(0.5) == std::numeric_limits<double>::infinity());
    for (double t : {5.0, 1.0, 3.0, 2.0})
    {
        h.RecordStageOneFinish(t);
    }
    BOOST_TEST(h.StageOneFinishQuantile(0.0) == 1.0);
    BOOST_TEST(h.StageOneFinishQuantile(0.5) == 2.0);
    BOOST_TEST(h.StageOneFinishQuantile(0.51) == 3.0);
    BOOST_TEST(h.StageOneFinishQuantile(1.0) == 5.0);
    h.RecordStageOneFinish(10.0, true); // window of 4: drops the 5.0; a lower bound
    BOOST_TEST(h.NumStageOneFinishes() == 4u);
    BOOST_TEST(h.NumCensoredStageOneFinishes() == 1u);
    BOOST_TEST(h.StageOneFinishQuantile(1.0) == 10.0);
    BOOST_TEST(h.StageOneFinishQuantile(0.75) == 3.0);
    BOOST_CHECK_THROW(h.StageOneFinishQuantile(1.1), std::invalid_argument);
    BOOST_CHECK_THROW(h.RecordStageOneFinish(-1.0), std::invalid_argument);
}

// Every name makes its scheme; an unknown name lists the allowed ones; all decode.
BOOST_AUTO_TEST_CASE(factory_makes_every_scheme)
{
    SeededRandomSource rng(9);
    CodingParameters p;
    p.numWorkers = 9; // (s+1) | n for fractional repetition with s = 2
    const DataPartitioner parts(900, 9);
    const RowGradientTable table(900, 3, rng);
    const CompletionHistory history(9);
    for (const std::string& name : GradientCodeFactory::Names())
    {
        auto code = GradientCodeFactory::Create(name, p, parts, rng);
        BOOST_TEST(code->Name() == name);
        BOOST_TEST(code->NumWorkers() == 9u);
        auto round = code->StartRound(0, history);
        for (uint32_t id = 0; id < round->Plan().NumTasks() && !round->IsDecodable(); ++id)
        {
            round->OnResult(id);
            if (round->ShouldStartStageTwo(0.0))
            {
                round->StartStageTwo(0.0);
            }
        }
        BOOST_TEST_REQUIRE(round->IsDecodable(), name);
        const DenseVector g = table.Total();
        const double err =
            (round->Decode().Combine(table.EncodeAll(round->Plan())) - g).norm() / g.norm();
        if (code->IsExact())
        {
            BOOST_TEST(round->Decode().exact, name);
            BOOST_TEST(err < 1e-6, name);
        }
        else
        {
            BOOST_TEST(std::isfinite(err), name);
        }
    }
    std::string what;
    try
    {
        GradientCodeFactory::Create("mds", p, parts, rng);
    }
    catch (const std::invalid_argument& e)
    {
        what = e.what();
    }
    BOOST_TEST(what.find("unknown scheme \"mds\"; allowed: uncoded, ignore-stragglers, k-sync, "
                         "fractional-repetition, cyclic-repetition, approximate, partial, "
                         "two-stage") != std::string::npos,
               what);
    p.numWorkers = 10;
    for (const char* name : {"uncoded", "cyclic-repetition", "k-sync"})
    {
        BOOST_CHECK_THROW(GradientCodeFactory::Create(name, p, DataPartitioner(900, 9), rng),
                          std::invalid_argument); // K < n
    }
    p.decodeTolerance = 0.0;
    BOOST_CHECK_THROW(GradientCodeFactory::Create("uncoded", p, DataPartitioner(900, 10), rng),
                      std::invalid_argument);
}

// Composite: all-of needs every part; a group decoder needs one result per group.
BOOST_AUTO_TEST_CASE(composite_decoders)
{
    std::vector<std::unique_ptr<GradientDecoder>> parts;
    parts.push_back(std::make_unique<GroupDecoder>(std::vector<std::vector<uint32_t>>{{0}, {1}}));
    parts.push_back(std::make_unique<GroupDecoder>(std::vector<std::vector<uint32_t>>{{2, 3}}));
    AllOfDecoder all(std::move(parts));
    BOOST_TEST(all.MinResults() == 3u);
    BOOST_TEST(!all.OnResult(3));
    BOOST_TEST(!all.OnResult(0));
    BOOST_TEST(all.OnResult(1));
    BOOST_TEST(all.Result().tasks.size() == 3u);
    BOOST_TEST(all.Result().exact);

    GroupDecoder group(std::vector<std::vector<uint32_t>>{{0}, {1, 5}});
    BOOST_TEST(!group.OnResult(0));
    BOOST_CHECK_THROW(group.Result(), std::logic_error);
    BOOST_TEST(group.OnResult(5));
    BOOST_TEST(group.OnResult(1)); // frozen
    BOOST_TEST((group.Result().tasks == std::vector<uint32_t>{0, 5}));
    BOOST_CHECK_THROW(GroupDecoder({{0}, {}}), std::invalid_argument);
    BOOST_CHECK_THROW(GroupDecoder({{0}, {0}}), std::invalid_argument);
}

// A worker's coded result from per-partition gradients equals the one from block gradients
// (K > n: code blocks are groups of partitions); sub-partition blocks are refused.
BOOST_AUTO_TEST_CASE(plan_encodes_from_partitions)
{
    SeededRandomSource rng(10);
    CodingParameters p;
    p.numWorkers = 6;
    const DataPartitioner parts(650, 13);
    const RowGradientTable table(650, 4, rng);
    std::vector<DenseVector> partitionGradients;
    for (uint32_t k = 0; k < 13; ++k)
    {
        partitionGradients.push_back(table.Sum({parts.Partition(k)}));
    }
    for (const char* name : {"uncoded", "cyclic-repetition", "approximate"})
    {
        auto code = GradientCodeFactory::Create(name, p, parts, rng);
        auto round = code->StartRound(0, CompletionHistory(6));
        const IterationPlan& plan = round->Plan();
        const std::vector<DenseVector> byBlocks = table.EncodeAll(plan);
        for (uint32_t id = 0; id < plan.NumTasks(); ++id)
        {
            const DenseVector f = plan.EncodeFromPartitions(id, partitionGradients);
            BOOST_TEST((f - byBlocks[id]).norm() <= 1e-9 * byBlocks[id].norm(), name);
        }
        BOOST_TEST(plan.Blocks()[5].partitions.size() == 2u); // 13 = 3 + 2 + 2 + 2 + 2 + 2
    }
    auto partial = GradientCodeFactory::Create("partial", p, parts, rng);
    auto round = partial->StartRound(0, CompletionHistory(6));
    BOOST_CHECK_THROW(round->Plan().EncodeFromPartitions(0, partitionGradients),
                      std::invalid_argument);

    IterationPlan plan(0, 2, 2);
    const uint32_t b = plan.AddBlock({{0, 5}}, 1.0, {0});
    BOOST_CHECK_THROW(plan.AddBlock({}, 1.0), std::invalid_argument);
    BOOST_CHECK_THROW(plan.AddBlock({{0, 5}}, 1.0, {2}), std::invalid_argument);
    BOOST_CHECK_THROW(plan.AddTask(2, 1, {{b, 1.0}}), std::invalid_argument);
    BOOST_CHECK_THROW(plan.AddTask(0, 3, {{b, 1.0}}), std::invalid_argument);
    BOOST_CHECK_THROW(plan.AddTask(0, 1, {{b, 1.0}, {b, 2.0}}), std::invalid_argument);
    BOOST_CHECK_THROW(plan.AddTask(0, 1, {{b + 1, 1.0}}), std::invalid_argument);
    BOOST_CHECK_THROW(plan.AddTask(0, 1, {}), std::invalid_argument);
    BOOST_TEST(plan.AddTask(1, 2, {{b, 0.5}}) == 0u);
    BOOST_TEST(plan.TasksOfWorker(1).size() == 1u);
    BOOST_TEST(plan.Load(2) == 1.0);
    BOOST_TEST(plan.Load(1) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
