// SPDX-License-Identifier: GPL-2.0-only
// Two-stage dynamic partial gradient coding (algorithms.md c.3): properties 12-18 of (d) as
// they hold for our rules (stage 2 only for late workers, placement, mixed decode), driven by a
// small event loop that plays the parameter server: a task's result arrives network + compute
// time after its dispatch; stage 2 starts at the round's deadlines.
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/random-source.h"
#include "ns3/row-gradient-table.h"
#include "ns3/row-set-algebra.h"
#include "ns3/two-stage-code.h"

#include <Eigen/LU>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <tuple>
#include <vector>

using namespace ns3::coded;

namespace
{

const double INF = std::numeric_limits<double>::infinity();

/// The workers' times: compute = load * unit_i * (1 + Exp(mean 0.5)) / 1.5 (mean load * unit_i),
/// 5 times that with probability `transient` (a transient straggler), or exactly load * unit_i
/// when deterministic; network time network_i per task; factor f for (iteration, worker)
/// pairs that straggle once.
struct Workers
{
    std::vector<double> unit;                             //!< mean per-unit compute time
    std::vector<double> network;                          //!< network time per task
    bool deterministic{false};                            //!< no randomness
    double transient{0.05};                               //!< probability of a 5x task
    std::map<std::pair<uint32_t, uint32_t>, double> once; //!< transient slow-downs

    /// \return n workers, the given ones 4 times slower, network 0.2 units
    static Workers WithSlow(uint32_t n, const std::set<uint32_t>& slow, double factor = 4.0)
    {
        Workers w;
        for (uint32_t i = 0; i < n; ++i)
        {
            w.unit.push_back(slow.count(i) ? factor : 1.0);
            w.network.push_back(0.2);
        }
        return w;
    }

    double Compute(uint32_t iteration, uint32_t worker, double load, RandomSource& rng) const
    {
        double t = load * unit[worker];
        if (!deterministic)
        {
            t *= (1.0 - 0.5 * std::log(1.0 - rng.Uniform())) / 1.5;
            t *= rng.Uniform() < transient ? 5.0 : 1.0;
        }
        const auto it = once.find({iteration, worker});
        return it == once.end() ? t : t * it->second;
    }
};

/// What one iteration did.
struct Trace
{
    std::vector<uint32_t> stageOne;     //!< S1
    std::vector<uint32_t> excluded;     //!< left out
    std::vector<uint32_t> probed;       //!< put back
    std::vector<double> deadlines;      //!< per S1 worker
    std::vector<double> stageOneFinish; //!< drawn finish of each S1 task (S1 order)
    std::vector<StageTwoWave> waves;    //!< re-plans
    double decode{INF};                 //!< decode time
    double load{0};                     //!< assigned load
    double stageOneLoad{0};             //!< of which stage 1
    double relError{INF};               //!< ||g_hat - g|| / ||g||
    uint32_t mismatches{0};             //!< arrivals where decodability != the span check
    bool allStageOneAtDecode{false};    //!< every stage-1 result in at decode
    bool mixed{false};                  //!< the decode used a late stage-1 and a stage-2 result
    std::vector<double> coefficients;   //!< decode coefficients
    std::vector<double> waveLoads;      //!< per wave: load of its stage-2 tasks
};

/// Independent check of decodability: the received rows (over atoms) span the all-ones
/// vector iff appending it does not raise the rank (full-pivoting LU).
bool
SpansAllOnes(const IterationPlan& plan, const std::vector<uint32_t>& received, uint32_t rows)
{
    std::set<uint32_t> cuts{0, rows};
    for (uint32_t id : received)
    {
        for (const auto& term : plan.Task(id).terms)
        {
            for (const auto& r : plan.Blocks()[term.block].rows)
            {
                cuts.insert(r.begin);
                cuts.insert(r.end);
            }
        }
    }
    const std::vector<uint32_t> c(cuts.begin(), cuts.end());
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(c.size() - 1, received.size() + 1);
    for (size_t j = 0; j < received.size(); ++j)
    {
        for (const auto& term : plan.Task(received[j]).terms)
        {
            for (const auto& r : plan.Blocks()[term.block].rows)
            {
                for (size_t k = 0; k + 1 < c.size(); ++k)
                {
                    if (c[k] >= r.begin && c[k + 1] <= r.end)
                    {
                        a(k, j) += term.coefficient;
                    }
                }
            }
        }
    }
    a.col(received.size()).setOnes();
    Eigen::FullPivLU<Eigen::MatrixXd> with(a);
    Eigen::FullPivLU<Eigen::MatrixXd> without(a.leftCols(received.size()));
    with.setThreshold(1e-9);
    without.setThreshold(1e-9);
    return with.rank() == without.rank();
}

/**
 * Plays one iteration: stage-1 tasks start at 0, stage-2 waves at the round's deadlines; a
 * result arrives network + compute after its dispatch; stops at the first decodable arrival,
 * then updates the history (completions with compute and network time, censored updates,
 * the last stage-1 finish) and checks the decode.
 */
Trace
RunIteration(GradientCode& code,
             CompletionHistory& history,
             const Workers& workers,
             const RowGradientTable& table,
             RandomSource& timing,
             uint32_t iteration)
{
    auto round = code.StartRound(iteration, history);
    const IterationPlan& plan = round->Plan();
    const TwoStageInfo& info = plan.GetTwoStageInfo();
    Trace tr;
    tr.stageOne = info.stageOneWorkers;
    tr.excluded = info.excludedWorkers;
    tr.probed = info.probedWorkers;
    tr.deadlines = info.deadlines;
    tr.stageOneLoad = plan.Load(1);

    using Event = std::pair<double, uint32_t>; // (time, task)
    std::priority_queue<Event, std::vector<Event>, std::greater<>> events;
    std::vector<double> start;
    std::vector<double> compute;
    std::vector<double> finish;
    auto dispatch = [&](const std::vector<uint32_t>& ids, double now) {
        start.resize(plan.NumTasks(), 0.0);
        compute.resize(plan.NumTasks(), 0.0);
        finish.resize(plan.NumTasks(), INF);
        for (uint32_t id : ids)
        {
            const CodingTask& t = plan.Task(id);
            start[id] = now;
            compute[id] = workers.Compute(iteration, t.worker, t.load, timing);
            finish[id] = now + workers.network[t.worker] + compute[id];
            events.emplace(finish[id], id);
        }
    };
    dispatch(plan.TasksOfStage(1), 0.0);
    for (uint32_t id : info.stageOneTasks)
    {
        tr.stageOneFinish.push_back(finish[id]);
    }
    std::vector<uint32_t> received;
    double now = 0.0;
    while (!round->IsDecodable())
    {
        const double check = round->NextStageTwoTime();
        if (std::isfinite(check) && (events.empty() || check <= events.top().first))
        {
            now = std::max(now, check);
            BOOST_REQUIRE(round->ShouldStartStageTwo(now));
            dispatch(round->StartStageTwo(now), now);
            continue;
        }
        BOOST_REQUIRE_MESSAGE(!events.empty(), "iteration " << iteration << " would hang");
        const auto [time, id] = events.top();
        events.pop();
        now = time;
        received.push_back(id);
        const bool decodable = round->OnResult(id);
        tr.mismatches += decodable != SpansAllOnes(plan, received, table.NumRows()) ? 1 : 0;
        if (!decodable && round->ShouldStartStageTwo(now))
        {
            dispatch(round->StartStageTwo(now), now);
        }
    }
    tr.decode = now;
    tr.waves = info.waves;
    for (const StageTwoWave& wave : info.waves)
    {
        double load = 0.0;
        for (uint32_t id : wave.tasks)
        {
            load += plan.Task(id).load;
        }
        tr.waveLoads.push_back(load);
    }
    tr.allStageOneAtDecode = round->NumReceived(1) == info.stageOneTasks.size();
    tr.load = plan.Load();
    const DecodeResult& d = round->Decode();
    tr.coefficients = d.coefficients;
    bool lateUsed = false;
    bool stageTwoUsed = false;
    for (size_t j = 0; j < d.tasks.size(); ++j)
    {
        const CodingTask& t = plan.Task(d.tasks[j]);
        const auto g = std::find(info.stageOneTasks.begin(), info.stageOneTasks.end(), t.id) -
                       info.stageOneTasks.begin();
        if (std::abs(d.coefficients[j]) > 1e-9 && t.stage == 1 &&
            info.replanned[static_cast<size_t>(g)])
        {
            lateUsed = true;
        }
        stageTwoUsed = stageTwoUsed || (t.stage == 2 && std::abs(d.coefficients[j]) > 1e-9);
    }
    tr.mixed = lateUsed && stageTwoUsed;
    const DenseVector g = table.Total();
    tr.relError = (d.Combine(table.EncodeAll(plan)) - g).norm() / g.norm();

    bool censoredFinish = false;
    double lastFinish = 0.0;
    for (uint32_t id = 0; id < plan.NumTasks(); ++id)
    {
        const CodingTask& t = plan.Task(id);
        if (round->IsReceived(id))
        {
            history.RecordCompletion(t.worker,
                                     compute[id],
                                     t.load,
                                     finish[id] - start[id] - compute[id]);
            lastFinish = t.stage == 1 ? std::max(lastFinish, finish[id]) : lastFinish;
        }
        else
        {
            history.RecordCensored(t.worker, now - start[id], t.load);
            censoredFinish = censoredFinish || t.stage == 1;
        }
    }
    history.RecordStageOneFinish(censoredFinish ? now : lastFinish, censoredFinish);
    return tr;
}

/// A two-stage code with K = n partitions of 50 samples.
struct Setup
{
    CodingParameters params;
    SeededRandomSource codeRng;
    SeededRandomSource timing;
    SeededRandomSource data;
    TwoStageCode code;
    RowGradientTable table;
    CompletionHistory history;

    Setup(const CodingParameters& p, uint64_t seed, uint32_t samplesPerPartition = 50)
        : params(p),
          codeRng(seed),
          timing(seed + 1),
          data(seed + 2),
          code(p, DataPartitioner(samplesPerPartition * p.numWorkers, p.numWorkers), codeRng),
          table(samplesPerPartition * p.numWorkers, 3, data),
          history(p.numWorkers)
    {
    }

    Trace Run(const Workers& workers, uint32_t iteration)
    {
        return RunIteration(code, history, workers, table, timing, iteration);
    }
};

CodingParameters
Defaults(uint32_t n)
{
    CodingParameters p;
    p.numWorkers = n;
    return p;
}

/// \return whether the trace's iteration had a stage-2 wave
bool
HadStageTwo(const Trace& tr)
{
    return !tr.waves.empty();
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding)

// Defaults: every worker is a stage-1 candidate, no count trigger, replication 3 (the storage
// of cyclic repetition with s = 2); no deadline before any history.
BOOST_AUTO_TEST_CASE(two_stage_defaults_and_parameters)
{
    SeededRandomSource rng(1);
    TwoStageCode code(Defaults(10), DataPartitioner(500, 10), rng);
    BOOST_TEST(code.NumStageOneWorkers() == 10u);
    BOOST_TEST(code.TriggerCount() == 0u);
    BOOST_TEST(code.IsExact());
    BOOST_TEST(std::abs(code.Placement().StorageRedundancy() - 3.0) < 1e-12);
    for (uint32_t w = 0; w < 10; ++w)
    {
        // Worker w stores partitions w, w+1, w+2 (mod 10).
        RowSet expected;
        for (uint32_t k = 0; k < 3; ++k)
        {
            expected.push_back(RowRange{(w + k) % 10 * 50, (w + k) % 10 * 50 + 50});
        }
        BOOST_TEST(code.Placement().Stores(w, expected));
        BOOST_TEST(code.Placement().StoredSamples(w) == 150u);
    }
    auto round = code.StartRound(0, CompletionHistory(10));
    BOOST_TEST(round->HasStageTwo());
    BOOST_TEST(round->NextStageTwoTime() == INF);
    BOOST_TEST(!round->ShouldStartStageTwo(1e9));
    BOOST_TEST(round->Plan().NumTasks() == 10u);
    BOOST_TEST(std::abs(round->Plan().Load() - 10.0) < 1e-12);

    auto bad = [&rng](auto change) {
        CodingParameters p = Defaults(10);
        change(p);
        TwoStageCode c(p, DataPartitioner(500, 10), rng);
    };
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageOneFraction = 0.0; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageOneWorkers = 11; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageTwoTrigger = 11; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.deadlineQuantile = 1.5; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.deadlineRule = "median"; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.deadlineSlack = -0.1; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.excludeSlowerThan = 0.5; }),
                      std::invalid_argument);
    // r >= n stores everything on every worker.
    {
        CodingParameters p = Defaults(10);
        p.replication = 11;
        BOOST_TEST(TwoStageCode(p, DataPartitioner(500, 10), rng).Placement().StorageRedundancy() ==
                   10.0);
    }
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageTwoPool = "busy"; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageOneSelection = "slowest"; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageOneLoad = "random"; }),
                      std::invalid_argument);
    // Replication needs the n code blocks (K >= n); without it K < n works.
    BOOST_CHECK_THROW(TwoStageCode(Defaults(10), DataPartitioner(500, 7), rng),
                      std::invalid_argument);
    CodingParameters all = Defaults(10);
    all.replication = 0;
    TwoStageCode everywhere(all, DataPartitioner(500, 7), rng);
    BOOST_TEST(std::abs(everywhere.Placement().StorageRedundancy() - 10.0) < 1e-12);
    BOOST_CHECK_THROW(code.StartRound(0, CompletionHistory(9)), std::invalid_argument);
    CodingParameters p = Defaults(10);
    p.stageOneFraction = 0.6;
    BOOST_TEST(TwoStageCode(p, DataPartitioner(500, 10), rng).NumStageOneWorkers() == 6u);
}

// Property 12: exact recovery in every iteration of long random runs, in several scenarios;
// stage 2 and the mixed decode both occur.
BOOST_AUTO_TEST_CASE(two_stage_exact_recovery_long_random_run)
{
    struct Scenario
    {
        uint32_t n;
        std::set<uint32_t> slow;
        void (*change)(CodingParameters&);
    };

    const std::vector<Scenario> scenarios = {
        {10, {3, 7}, [](CodingParameters&) {}},
        {10,
         {8, 9},
         [](CodingParameters& p) {
             p.stageTwoPool = "idle";
             p.stageOneFraction = 0.6;
         }},
        {20, {1, 5, 9, 13}, [](CodingParameters& p) { p.stageOneSelection = "random"; }},
        {16,
         {2},
         [](CodingParameters& p) {
             p.stageOneLoad = "equal";
             p.stageTwoTolerance = 0;
         }},
        {12, {}, [](CodingParameters& p) { p.replication = 0; }},
        {12,
         {4},
         [](CodingParameters& p) {
             p.deadlineRule = "quantile";
             p.replication = 2;
         }},
        {10, {0}, [](CodingParameters& p) { p.stageTwoTrigger = 5; }},
        {10,
         {0, 1},
         [](CodingParameters& p) {
             p.replication = 1;
             p.rawSampleTransfer = true;
         }},
        {40,
         {0, 10, 20, 30, 31, 32, 33, 34},
         [](CodingParameters& p) { p.stageOneFraction = 0.5; }},
    };
    uint64_t seed = 100;
    uint32_t mixed = 0;
    for (const Scenario& sc : scenarios)
    {
        CodingParameters p = Defaults(sc.n);
        sc.change(p);
        Setup setup(p, seed += 10);
        Workers workers = Workers::WithSlow(sc.n, sc.slow);
        double worst = 0.0;
        uint32_t withStageTwo = 0;
        uint32_t decodedByStageTwo = 0;
        uint32_t mismatches = 0;
        for (uint32_t r = 0; r < 200; ++r)
        {
            const Trace tr = setup.Run(workers, r);
            worst = std::max(worst, tr.relError);
            withStageTwo += HadStageTwo(tr) ? 1 : 0;
            decodedByStageTwo += tr.allStageOneAtDecode ? 0 : 1;
            mixed += tr.mixed ? 1 : 0;
            mismatches += tr.mismatches;
        }
        BOOST_TEST(worst < 1e-6, "n = " << sc.n << ": worst relative error " << worst);
        BOOST_TEST(mismatches == 0u, "n = " << sc.n);
        BOOST_TEST(withStageTwo > 0u, "n = " << sc.n);
        BOOST_TEST(decodedByStageTwo > 0u, "n = " << sc.n);
        BOOST_TEST_MESSAGE("scenario n = " << sc.n << ": stage 2 in " << withStageTwo
                                           << " of 200 iterations, decoded by it in "
                                           << decodedByStageTwo);
    }
    BOOST_TEST(mixed > 0u);
}

// Stage 2 is the exception: with deterministic compute and network times every stage-1
// worker finishes by its deadline and stage 2 never starts; one worker late once starts
// stage 2 exactly at its deadline, and only its group is re-planned, over workers storing it.
BOOST_AUTO_TEST_CASE(two_stage_starts_exactly_when_a_worker_is_late)
{
    for (const uint32_t replication : {3u, 0u})
    {
        CodingParameters p = Defaults(10);
        p.replication = replication;
        Setup setup(p, 200, 2000);
        Workers workers = Workers::WithSlow(10, {8, 9}, 2.0); // 2x: not left out
        workers.deterministic = true;
        for (uint32_t i = 0; i < 10; ++i)
        {
            workers.network[i] = 0.1 + 0.01 * i;
        }
        for (uint32_t r = 0; r < 30; ++r)
        {
            const Trace tr = setup.Run(workers, r);
            BOOST_TEST(!HadStageTwo(tr), "iteration " << r);
            BOOST_TEST(tr.allStageOneAtDecode);
            BOOST_TEST(std::abs(tr.load - 10.0) < 1e-9);
            if (r > 0)
            {
                // Deadlines: predicted finish plus the margin, and never exceeded.
                for (size_t g = 0; g < tr.stageOne.size(); ++g)
                {
                    BOOST_TEST(tr.stageOneFinish[g] <= tr.deadlines[g]);
                }
            }
        }
        // The load split equalises the predicted finish (up to whole samples).
        const Trace split = setup.Run(workers, 30);
        BOOST_TEST(split.stageOne.size() == 10u);
        const double spread =
            *std::max_element(split.stageOneFinish.begin(), split.stageOneFinish.end()) -
            *std::min_element(split.stageOneFinish.begin(), split.stageOneFinish.end());
        BOOST_TEST(spread <= 2.0 * 2.0 / 2000 + 1e-9,
                   "replication " << replication << ": spread " << spread);

        // Worker 4 is 3 times slower in iteration 31 only.
        workers.once[{31, 4}] = 3.0;
        const Trace late = setup.Run(workers, 31);
        BOOST_TEST_REQUIRE(late.waves.size() == 1u);
        const StageTwoWave& wave = late.waves[0];
        const size_t g =
            std::find(late.stageOne.begin(), late.stageOne.end(), 4u) - late.stageOne.begin();
        BOOST_TEST(wave.time == late.deadlines[g]);
        BOOST_TEST((wave.lateWorkers == std::vector<uint32_t>{4}));
        BOOST_TEST(wave.unplaced.empty());
        BOOST_TEST(!wave.tasks.empty());
        for (uint32_t w : wave.workers)
        {
            BOOST_TEST(w != 4u);
            BOOST_TEST(setup.code.Placement().Stores(
                w,
                IntersectRows(wave.uncovered, setup.code.Placement().Stored(w))));
        }
        BOOST_TEST(late.relError < 1e-9);
        BOOST_TEST(!late.allStageOneAtDecode);
        BOOST_TEST(late.decode < late.stageOneFinish[g]);
        // The history recorded worker 4's cancelled task as a lower bound.
        BOOST_TEST(setup.history.NumCensored(4) == 1u);
        // The next iteration is on time again.
        BOOST_TEST(!HadStageTwo(setup.Run(workers, 32)));
    }
}

// Deadline rules: the predicted one is P + max(slack P, k sigma) per worker; the quantile one
// is the same for every stage-1 worker: the q-quantile of past last stage-1 finishes.
BOOST_AUTO_TEST_CASE(two_stage_deadline_rules)
{
    SeededRandomSource rng(3);
    CodingParameters p = Defaults(4);
    TwoStageCode code(p, DataPartitioner(400, 4), rng);
    CompletionHistory h(4);
    h.RecordCompletion(0, 1.0, 1.0, 0.5);
    h.RecordCompletion(0, 2.0, 1.0, 0.5); // T = 1.2, D = 0.8 * 0.5 + 0.2 * 1 = 0.6
    for (uint32_t w = 1; w < 4; ++w)
    {
        h.RecordCompletion(w, 1.0, 1.0, 0.5); // T = 1, D = 0.5, N = 0.5, E = 0.25
    }
    auto round = code.StartRound(0, h);
    const TwoStageInfo& info = round->Plan().GetTwoStageInfo();
    BOOST_TEST_REQUIRE(info.stageOneWorkers.size() == 4u);
    for (size_t g = 0; g < 4; ++g)
    {
        const uint32_t w = info.stageOneWorkers[g];
        const double load = round->Plan().Task(info.stageOneTasks[g]).load;
        const double predicted = h.NetworkTime(w) + load * h.PerUnitTime(w);
        const double sigma = h.NetworkDeviation(w) + load * h.PerUnitDeviation(w);
        const double expected = predicted + std::max(0.1 * predicted, 4.0 * sigma);
        BOOST_TEST(std::abs(info.deadlines[g] - expected) < 1e-12);
    }
    BOOST_TEST(round->NextStageTwoTime() ==
               *std::min_element(info.deadlines.begin(), info.deadlines.end()));

    p.deadlineRule = "quantile";
    TwoStageCode quantile(p, DataPartitioner(400, 4), rng);
    BOOST_TEST(quantile.StartRound(0, h)->NextStageTwoTime() == INF); // no finish recorded
    for (double t : {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0})
    {
        h.RecordStageOneFinish(t);
    }
    auto q = quantile.StartRound(1, h);
    for (double d : q->Plan().GetTwoStageInfo().deadlines)
    {
        BOOST_TEST(d == 10.0); // the 0.95 quantile of 1..10 (nearest rank)
    }
    p.stageOneDeadline = false;
    TwoStageCode none(p, DataPartitioner(400, 4), rng);
    BOOST_TEST(none.StartRound(2, h)->NextStageTwoTime() == INF);

    // The count trigger (a switch): the c-th stage-1 result makes every other one late.
    CodingParameters counted = Defaults(4);
    counted.stageTwoTrigger = 2;
    counted.stageOneDeadline = false;
    TwoStageCode countCode(counted, DataPartitioner(400, 4), rng);
    auto c = countCode.StartRound(3, h);
    const TwoStageInfo& ci = c->Plan().GetTwoStageInfo();
    c->OnResult(ci.stageOneTasks[0]);
    BOOST_TEST(!c->ShouldStartStageTwo(0.0));
    c->OnResult(ci.stageOneTasks[1]);
    BOOST_TEST(c->ShouldStartStageTwo(0.0));
    c->StartStageTwo(0.0);
    BOOST_TEST((ci.waves.at(0).lateWorkers ==
                std::vector<uint32_t>{ci.stageOneWorkers[2], ci.stageOneWorkers[3]}));
    BOOST_TEST(!c->ShouldStartStageTwo(1e9)); // each group is re-planned at most once
    BOOST_TEST(c->StartStageTwo(1e9).empty());
}

// The mixed decode: two late workers whose rows have different holders are re-planned; the
// late result of one and the stage-2 results of the other decode, although neither every
// stage-1 result nor every stage-2 result is in.
BOOST_AUTO_TEST_CASE(two_stage_mixed_decode)
{
    SeededRandomSource rng(4);
    TwoStageCode code(Defaults(8), DataPartitioner(800, 8), rng);
    const RowGradientTable table(800, 3, rng);
    CompletionHistory h(8);
    for (uint32_t w = 0; w < 8; ++w)
    {
        h.RecordCompletion(w, 1.0, 1.0, 0.0);
    }
    auto round = code.StartRound(0, h);
    const IterationPlan& plan = round->Plan();
    const TwoStageInfo& info = plan.GetTwoStageInfo();
    BOOST_TEST_REQUIRE(info.stageOneWorkers.size() == 8u);
    // Everyone but stage-1 workers 0 and 4 delivers, then both are late.
    for (size_t g = 0; g < 8; ++g)
    {
        if (g != 0 && g != 4)
        {
            BOOST_TEST(!round->OnResult(info.stageOneTasks[g]));
        }
    }
    const auto ids = round->StartStageTwo(1e9);
    BOOST_TEST_REQUIRE(!ids.empty());
    BOOST_TEST((info.waves[0].lateWorkers ==
                std::vector<uint32_t>{info.stageOneWorkers[0], info.stageOneWorkers[4]}));
    // Worker 0's late result, then the stage-2 results that do not touch its rows.
    const RowSet rowsOf0 = plan.TaskRows(info.stageOneTasks[0]);
    BOOST_TEST(!round->OnResult(info.stageOneTasks[0]));
    bool decodable = false;
    uint32_t used = 0;
    for (uint32_t id : ids)
    {
        if (!decodable && IntersectRows(rowsOf0, plan.TaskRows(id)).empty())
        {
            decodable = round->OnResult(id);
            ++used;
        }
    }
    BOOST_TEST(decodable);
    BOOST_TEST(round->NumReceived(1) == 7u);
    BOOST_TEST(used < ids.size());
    const DenseVector g = table.Total();
    const double err = (round->Decode().Combine(table.EncodeAll(plan)) - g).norm() / g.norm();
    BOOST_TEST(err < 1e-12);
}

// Property 16, as bounds that can fail: stage 1 assigns exactly K; a wave assigns between
// the load of the late rows it places and (r - 1) = 2 times that (a late piece is stored by
// r = 3 workers, one of which is the late worker itself, still busy and so not in the pool;
// a code over m <= r - 1 holders with tolerance min(s2, m - 1) assigns each row at most m
// times); and over a long run with persistent stragglers the
// mean load stays under 1.3 K, the lightweight target (the old default, a count trigger at the
// ceil(n1 / 2) + 1-th stage-1 result, assigned about 2.6 K on this scenario).
BOOST_AUTO_TEST_CASE(two_stage_load_bound)
{
    Setup setup(Defaults(20), 600);
    const Workers workers = Workers::WithSlow(20, {1, 2, 3, 4});
    double meanLoad = 0.0;
    uint32_t withStageTwo = 0;
    for (uint32_t r = 0; r < 200; ++r)
    {
        const Trace tr = setup.Run(workers, r);
        BOOST_TEST(std::abs(tr.stageOneLoad - 20.0) < 1e-9);
        double total = tr.stageOneLoad;
        for (size_t v = 0; v < tr.waves.size(); ++v)
        {
            // 50 rows per partition-equivalent.
            const double placed = static_cast<double>(RowCount(tr.waves[v].uncovered) -
                                                      RowCount(tr.waves[v].unplaced)) /
                                  50.0;
            BOOST_TEST(tr.waveLoads[v] >= placed - 1e-9, "iteration " << r);
            BOOST_TEST(tr.waveLoads[v] <= 2.0 * placed + 1e-9, "iteration " << r);
            total += tr.waveLoads[v];
        }
        BOOST_TEST(std::abs(tr.load - total) < 1e-9);
        withStageTwo += HadStageTwo(tr) ? 1 : 0;
        meanLoad += tr.load / 200.0;
    }
    BOOST_TEST(meanLoad <= 1.3 * 20.0, "mean load " << meanLoad);
    BOOST_TEST(withStageTwo > 0u);
}

// Property 17: persistently slow workers are left out of stage 1 and of the stage-2 pool
// once the history knows them, put back every probeInterval iterations, and a worker that
// became fast rejoins after its next probe.
BOOST_AUTO_TEST_CASE(two_stage_history_leaves_out_slow_workers)
{
    const std::set<uint32_t> slow = {1, 4};
    Setup setup(Defaults(10), 700);
    Workers workers = Workers::WithSlow(10, slow);
    workers.transient = 0.0;
    for (uint32_t r = 0; r < 40; ++r)
    {
        const Trace tr = setup.Run(workers, r);
        const bool probe = (r + 1) % 10 == 0;
        if (r == 0)
        {
            BOOST_TEST(tr.stageOne.size() == 10u); // nothing known yet
        }
        if (r < 5)
        {
            continue; // a few draws until the estimates settle
        }
        BOOST_TEST((tr.excluded == std::vector<uint32_t>{1, 4}), "iteration " << r);
        BOOST_TEST((tr.probed == (probe ? tr.excluded : std::vector<uint32_t>{})));
        for (uint32_t w : slow)
        {
            const bool inStageOne =
                std::find(tr.stageOne.begin(), tr.stageOne.end(), w) != tr.stageOne.end();
            BOOST_TEST(inStageOne == probe, "iteration " << r << ", worker " << w);
            for (const StageTwoWave& wave : tr.waves)
            {
                BOOST_TEST(std::count(wave.workers.begin(), wave.workers.end(), w) == 0);
            }
        }
        BOOST_TEST(tr.relError < 1e-9);
    }
    for (uint32_t w : slow)
    {
        for (uint32_t f = 0; f < 10; ++f)
        {
            if (!slow.count(f))
            {
                BOOST_TEST(setup.history.PerUnitTime(w) > 3.0 * setup.history.PerUnitTime(f));
            }
        }
    }
    // Worker 4 becomes fast: measured again at the probe of iteration 49, it is back from
    // iteration 50 on (its estimate falls below 3 times the median within a few probes).
    workers.unit[4] = 1.0;
    uint32_t back = 0;
    for (uint32_t r = 40; r < 100 && back == 0; ++r)
    {
        const Trace tr = setup.Run(workers, r);
        if ((r + 1) % 10 != 0 &&
            std::find(tr.stageOne.begin(), tr.stageOne.end(), 4u) != tr.stageOne.end())
        {
            back = r;
        }
    }
    BOOST_TEST(back >= 50u);
    BOOST_TEST(back < 100u);
}

// Property 18: same seeds, same traces.
BOOST_AUTO_TEST_CASE(two_stage_same_seed_same_trace)
{
    auto run = [](uint64_t seed) {
        Setup setup(Defaults(12), seed);
        const Workers workers = Workers::WithSlow(12, {0, 5});
        std::vector<Trace> traces;
        for (uint32_t r = 0; r < 40; ++r)
        {
            traces.push_back(setup.Run(workers, r));
        }
        return traces;
    };
    const auto a = run(800);
    const auto b = run(800);
    const auto c = run(801);
    bool same = true;
    bool differs = false;
    for (size_t r = 0; r < a.size(); ++r)
    {
        same = same && a[r].stageOne == b[r].stageOne && a[r].waves.size() == b[r].waves.size() &&
               a[r].deadlines == b[r].deadlines && a[r].decode == b[r].decode &&
               a[r].coefficients == b[r].coefficients && a[r].load == b[r].load;
        differs = differs || a[r].decode != c[r].decode;
    }
    BOOST_TEST(same);
    BOOST_TEST(differs);
}

BOOST_AUTO_TEST_SUITE_END()
