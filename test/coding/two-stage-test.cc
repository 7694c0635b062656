// SPDX-License-Identifier: GPL-2.0-only
// Two-stage dynamic partial gradient coding (algorithms.md c.3): properties 12-18 of (d),
// driven by a small event loop that plays the parameter server (completion = arrival).
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/random-source.h"
#include "ns3/row-gradient-table.h"
#include "ns3/two-stage-code.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <queue>
#include <set>
#include <tuple>
#include <vector>

using namespace ns3::coded;

namespace
{

const double INF = std::numeric_limits<double>::infinity();

/// Straggler model: a task of load l on worker i takes l (1 + Exp(mu_i)) (shifted exponential).
struct Workers
{
    std::vector<double> mu; //!< rate of each worker

    /// \return workers of which the given ones are slow (mu 0.2) and the others fast (mu 2)
    static Workers WithSlow(uint32_t n, const std::set<uint32_t>& slow)
    {
        Workers w;
        for (uint32_t i = 0; i < n; ++i)
        {
            w.mu.push_back(slow.count(i) ? 0.2 : 2.0);
        }
        return w;
    }

    double Duration(uint32_t worker, double load, RandomSource& rng) const
    {
        return load * (1.0 + -std::log(1.0 - rng.Uniform()) / mu[worker]);
    }
};

/// What one iteration did.
struct Trace
{
    std::vector<uint32_t> stageOne;     //!< S1
    std::vector<uint32_t> finished;     //!< C1
    std::vector<uint32_t> uncovered;    //!< U
    std::vector<uint32_t> stageTwo;     //!< S2
    std::vector<double> stageOneFinish; //!< drawn finish time of each S1 task (S1 order)
    uint32_t c{0};                      //!< trigger count
    double deadline{INF};               //!< tau1
    double trigger{INF};                //!< when stage 2 started (INF if never)
    double decode{INF};                 //!< decode time
    uint32_t s2{0};                     //!< stage-2 tolerance used
    uint32_t stageTwoAtDecode{0};       //!< stage-2 results in at decode
    bool allStageOneAtDecode{false};    //!< every stage-1 result in at decode
    double load{0};                     //!< assigned load (partition-equivalents)
    double relError{INF};               //!< ||g_hat - g|| / ||g||
    uint32_t earlyOrLate{0};            //!< arrivals where decodability != the rule
    std::vector<double> coefficients;   //!< decode coefficients
};

/**
 * Plays one iteration: stage-1 tasks start at 0, stage 2 starts at the round's trigger, a
 * task's result arrives when it completes; stops at the first decodable arrival, then
 * updates the history (completions and censored updates) and checks the decode.
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
    tr.c = round->StageTwoTriggerCount();
    tr.deadline = round->StageTwoDeadline();

    using Event = std::pair<double, uint32_t>; // (time, task)
    std::priority_queue<Event, std::vector<Event>, std::greater<>> events;
    std::vector<double> start(plan.NumTasks(), 0.0);
    std::vector<double> finish(plan.NumTasks(), INF);
    for (uint32_t id : plan.TasksOfStage(1))
    {
        finish[id] = workers.Duration(plan.Task(id).worker, plan.Task(id).load, timing);
        events.emplace(finish[id], id);
        tr.stageOneFinish.push_back(finish[id]);
    }
    auto startStageTwo = [&](double now) {
        tr.trigger = now;
        for (uint32_t id : round->StartStageTwo())
        {
            start.resize(plan.NumTasks(), 0.0);
            finish.resize(plan.NumTasks(), INF);
            start[id] = now;
            finish[id] = now + workers.Duration(plan.Task(id).worker, plan.Task(id).load, timing);
            events.emplace(finish[id], id);
        }
    };
    // Decode rule of c.3 step 9, checked against the round at every arrival.
    auto ruleHolds = [&]() {
        bool allOne = true;
        for (uint32_t id : info.stageOneTasks)
        {
            allOne = allOne && round->IsReceived(id);
        }
        const auto m = static_cast<uint32_t>(info.stageTwoTasks.size());
        return allOne || (m > 0 && round->NumReceived(2) >= m - info.stageTwoTolerance);
    };
    bool deadlinePending = std::isfinite(tr.deadline);
    double now = 0.0;
    while (!round->IsDecodable())
    {
        if (deadlinePending && (events.empty() || tr.deadline <= events.top().first))
        {
            deadlinePending = false;
            now = tr.deadline;
            if (round->ShouldStartStageTwo(now))
            {
                startStageTwo(now);
            }
            continue;
        }
        BOOST_REQUIRE_MESSAGE(!events.empty(), "iteration " << iteration << " would hang");
        const auto [time, id] = events.top();
        events.pop();
        now = time;
        const bool decodable = round->OnResult(id);
        tr.earlyOrLate += decodable != ruleHolds() ? 1 : 0;
        if (!decodable && round->ShouldStartStageTwo(now))
        {
            startStageTwo(now);
        }
    }
    tr.decode = now;
    tr.finished = info.finishedAtTrigger;
    tr.uncovered = info.uncoveredPartitions;
    tr.stageTwo = info.stageTwoWorkers;
    tr.s2 = info.stageTwoTolerance;
    tr.stageTwoAtDecode = round->NumReceived(2);
    tr.allStageOneAtDecode = round->NumReceived(1) == info.stageOneTasks.size();
    tr.load = plan.Load();
    tr.coefficients = round->Decode().coefficients;
    const DenseVector g = table.Total();
    tr.relError = (round->Decode().Combine(table.EncodeAll(plan)) - g).norm() / g.norm();

    // History: completions, censored updates for the cancelled, stage-1 finish times.
    for (uint32_t id = 0; id < plan.NumTasks(); ++id)
    {
        const CodingTask& t = plan.Task(id);
        if (round->IsReceived(id))
        {
            history.RecordCompletion(t.worker, finish[id] - start[id], t.load);
        }
        else
        {
            history.RecordCensored(t.worker, now - start[id], t.load);
        }
    }
    for (uint32_t id : info.stageOneTasks)
    {
        history.RecordStageOneFinish(round->IsReceived(id) ? finish[id] : now);
    }
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
};

CodingParameters
Defaults(uint32_t n)
{
    CodingParameters p;
    p.numWorkers = n;
    return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding)

// Defaults of c.2: n = 10 gives n1 = 6, c = 4; no tau1 before any history.
BOOST_AUTO_TEST_CASE(two_stage_defaults_and_parameters)
{
    SeededRandomSource rng(1);
    TwoStageCode code(Defaults(10), DataPartitioner(500, 10), rng);
    BOOST_TEST(code.NumStageOneWorkers() == 6u);
    BOOST_TEST(code.TriggerCount() == 4u);
    BOOST_TEST(code.IsExact());
    auto round = code.StartRound(0, CompletionHistory(10));
    BOOST_TEST(round->HasStageTwo());
    BOOST_TEST(round->StageTwoDeadline() == INF);
    BOOST_TEST(round->Plan().NumTasks() == 6u);
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
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageTwoTrigger = 7; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.deadlineQuantile = 1.5; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageTwoPool = "busy"; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageOneSelection = "slowest"; }),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad([](CodingParameters& p) { p.stageOneLoad = "random"; }),
                      std::invalid_argument);
    CodingParameters p = Defaults(10);
    p.stageOneWorkers = 8;
    BOOST_CHECK_THROW(TwoStageCode(p, DataPartitioner(500, 7), rng), std::invalid_argument);
    BOOST_CHECK_THROW(code.StartRound(0, CompletionHistory(9)), std::invalid_argument);
    // The default c stays below n1 (for n1 >= 2), so stage 2 can start while a stage-1
    // result is still missing: n = 4 -> n1 = 3, c = 2; n = 2 -> n1 = 2, c = 1; n = 1 -> c = 1.
    for (auto [n, n1, c] :
         {std::tuple<uint32_t, uint32_t, uint32_t>{4, 3, 2}, {2, 2, 1}, {1, 1, 1}, {20, 12, 7}})
    {
        TwoStageCode small(Defaults(n), DataPartitioner(50 * n, n), rng);
        BOOST_TEST(small.NumStageOneWorkers() == n1, "n = " << n);
        BOOST_TEST(small.TriggerCount() == c, "n = " << n);
    }
}

// Stage-1 load split: largest remainder, proportional to speed, each >= 1, sum K.
BOOST_AUTO_TEST_CASE(two_stage_load_split_largest_remainder)
{
    const auto a = TwoStageCode::SplitLoad({1, 1, 1}, 10);
    BOOST_TEST((a == std::vector<uint32_t>{4, 3, 3}));
    const auto b = TwoStageCode::SplitLoad({3, 1}, 8);
    BOOST_TEST((b == std::vector<uint32_t>{6, 2}));
    const auto c = TwoStageCode::SplitLoad({100, 1, 1}, 4); // minimum one each
    BOOST_TEST((c == std::vector<uint32_t>{2, 1, 1}));
    SeededRandomSource rng(2);
    for (uint32_t t = 0; t < 200; ++t)
    {
        const uint32_t count = 1 + rng.UniformInt(20);
        const uint32_t total = count + rng.UniformInt(60);
        std::vector<double> w(count);
        for (auto& x : w)
        {
            x = 0.01 + rng.Uniform();
        }
        const auto s = TwoStageCode::SplitLoad(w, total);
        uint32_t sum = 0;
        for (uint32_t x : s)
        {
            BOOST_TEST(x >= 1u);
            sum += x;
        }
        BOOST_TEST(sum == total);
    }
    BOOST_CHECK_THROW(TwoStageCode::SplitLoad({1, 1, 1}, 2), std::invalid_argument);
    BOOST_CHECK_THROW(TwoStageCode::SplitLoad({1, -1}, 5), std::invalid_argument);
}

// Property 12: exact recovery in every iteration of long random runs, in several scenarios.
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
        {10, {0, 1, 2, 3, 4}, [](CodingParameters& p) { p.stageTwoPool = "idle"; }},
        {20, {1, 5, 9, 13}, [](CodingParameters& p) { p.stageOneSelection = "random"; }},
        {16,
         {2},
         [](CodingParameters& p) {
             p.stageOneLoad = "equal";
             p.stageTwoTolerance = 4;
         }},
        {12,
         {},
         [](CodingParameters& p) {
             p.stageOneDeadline = false;
             p.stageTwoTolerance = 0;
         }},
        {40,
         {0, 10, 20, 30, 31, 32, 33, 34},
         [](CodingParameters& p) { p.stageOneFraction = 0.3; }},
    };
    uint64_t seed = 100;
    for (const Scenario& sc : scenarios)
    {
        CodingParameters p = Defaults(sc.n);
        sc.change(p);
        Setup setup(p, seed += 10);
        const Workers workers = Workers::WithSlow(sc.n, sc.slow);
        double worst = 0.0;
        uint32_t withStageTwo = 0;
        uint32_t decodedByStageTwo = 0;
        for (uint32_t r = 0; r < 300; ++r)
        {
            const Trace tr =
                RunIteration(setup.code, setup.history, workers, setup.table, setup.timing, r);
            worst = std::max(worst, tr.relError);
            withStageTwo += std::isfinite(tr.trigger) ? 1 : 0;
            decodedByStageTwo += tr.allStageOneAtDecode ? 0 : 1;
        }
        BOOST_TEST(worst < 1e-6, "n = " << sc.n << ": worst relative error " << worst);
        // Both decode paths are exercised.
        BOOST_TEST(withStageTwo > 0u, "n = " << sc.n);
        BOOST_TEST(decodedByStageTwo > 0u, "n = " << sc.n);
    }
}

// Property 13: stage 2 starts at min(tau1, c-th stage-1 completion); U is exactly the
// partitions of the unfinished stage-1 workers; sum_{C1} |G_i| + |U| = K.
BOOST_AUTO_TEST_CASE(two_stage_trigger_time_and_uncovered_set)
{
    Setup setup(Defaults(10), 300);
    const Workers workers = Workers::WithSlow(10, {2, 6});
    uint32_t byDeadline = 0;
    uint32_t byCount = 0;
    for (uint32_t r = 0; r < 200; ++r)
    {
        const Trace tr =
            RunIteration(setup.code, setup.history, workers, setup.table, setup.timing, r);
        if (!std::isfinite(tr.trigger))
        {
            continue; // decoded by stage 1 alone before any trigger
        }
        const double expected = CodingRound::TriggerTime(tr.stageOneFinish, tr.c, tr.deadline);
        BOOST_TEST(tr.trigger == expected);
        (tr.trigger == tr.deadline ? byDeadline : byCount)++;
        // C1: exactly the S1 workers finished by the trigger (U is checked below).
        std::vector<uint32_t> finished;
        for (size_t g = 0; g < tr.stageOne.size(); ++g)
        {
            if (tr.stageOneFinish[g] <= tr.trigger)
            {
                finished.push_back(tr.stageOne[g]);
            }
        }
        BOOST_TEST(finished == tr.finished);
    }
    BOOST_TEST(byDeadline > 0u);
    BOOST_TEST(byCount > 0u);

    // The partition count identity, checked on a round driven by hand.
    SeededRandomSource rng(5);
    TwoStageCode code(Defaults(10), DataPartitioner(500, 10), rng);
    CompletionHistory history(10);
    for (uint32_t w = 0; w < 10; ++w)
    {
        history.RecordCompletion(w, 1.0 + w, 1.0); // worker 0 fastest
    }
    auto round = code.StartRound(0, history);
    const TwoStageInfo& info = round->Plan().GetTwoStageInfo();
    BOOST_TEST((info.stageOneWorkers == std::vector<uint32_t>{0, 1, 2, 3, 4, 5}));
    for (uint32_t g = 0; g < 4; ++g)
    {
        BOOST_TEST(round->ShouldStartStageTwo(0.0) == false);
        round->OnResult(info.stageOneTasks[g]);
    }
    BOOST_TEST(round->ShouldStartStageTwo(0.0)); // c = 4 results
    const auto ids = round->StartStageTwo();
    size_t covered = 0;
    for (uint32_t g = 0; g < 4; ++g)
    {
        covered += info.stageOneGroups[g].size();
    }
    std::vector<uint32_t> expectedU = info.stageOneGroups[4];
    expectedU.insert(expectedU.end(), info.stageOneGroups[5].begin(), info.stageOneGroups[5].end());
    BOOST_TEST(info.uncoveredPartitions == expectedU);
    BOOST_TEST(covered + info.uncoveredPartitions.size() == 10u);
    // Pool: idle workers 6..9 and finished 0..3, fastest first.
    BOOST_TEST((info.stageTwoWorkers == std::vector<uint32_t>{0, 1, 2, 3, 6, 7, 8, 9}));
    BOOST_TEST(ids.size() == 8u);
    BOOST_TEST(info.stageTwoTolerance == 2u);
    BOOST_CHECK_THROW(round->StartStageTwo(), std::logic_error);
}

// Property 14: when nothing is left at the trigger (c = n1), no stage-2 work; load = K.
BOOST_AUTO_TEST_CASE(two_stage_no_stage_two_when_nothing_left)
{
    CodingParameters p = Defaults(10);
    p.stageTwoTrigger = 6; // = n1
    p.stageOneDeadline = false;
    Setup setup(p, 400);
    const Workers workers = Workers::WithSlow(10, {1});
    for (uint32_t r = 0; r < 50; ++r)
    {
        const Trace tr =
            RunIteration(setup.code, setup.history, workers, setup.table, setup.timing, r);
        BOOST_TEST(tr.stageTwo.empty());
        BOOST_TEST(std::abs(tr.load - 10.0) < 1e-12);
        BOOST_TEST(tr.allStageOneAtDecode);
        BOOST_TEST(tr.relError < 1e-12);
    }
    // Starting stage 2 once every stage-1 result is in issues nothing.
    SeededRandomSource rng(6);
    TwoStageCode code(Defaults(10), DataPartitioner(500, 10), rng);
    auto round = code.StartRound(0, CompletionHistory(10));
    for (uint32_t id : round->Plan().TasksOfStage(1))
    {
        round->OnResult(id);
    }
    BOOST_TEST(round->IsDecodable());
    BOOST_TEST(round->StartStageTwo().empty());
    BOOST_TEST(std::abs(round->Plan().Load() - 10.0) < 1e-12);
}

// Property 15: decodable at the first arrival at which every stage-1 result or m - s2
// stage-2 results are in, never earlier.
BOOST_AUTO_TEST_CASE(two_stage_decodes_exactly_when_allowed)
{
    for (uint32_t n : {6u, 10u, 25u})
    {
        CodingParameters p = Defaults(n);
        p.stageTwoTolerance = n / 5;
        Setup setup(p, 500 + n);
        const Workers workers = Workers::WithSlow(n, {0, n / 2});
        uint32_t mismatches = 0;
        uint32_t byStageTwo = 0;
        for (uint32_t r = 0; r < 150; ++r)
        {
            const Trace tr =
                RunIteration(setup.code, setup.history, workers, setup.table, setup.timing, r);
            mismatches += tr.earlyOrLate;
            if (!tr.allStageOneAtDecode)
            {
                ++byStageTwo;
                BOOST_TEST(tr.stageTwoAtDecode == tr.stageTwo.size() - tr.s2);
            }
        }
        BOOST_TEST(mismatches == 0u, "n = " << n);
        BOOST_TEST(byStageTwo > 0u, "n = " << n);
    }
}

// Property 16: load <= K + (s2+1)|U| (equality), below the full-GC load (s+1)K here.
BOOST_AUTO_TEST_CASE(two_stage_load_bound)
{
    Setup setup(Defaults(20), 600);
    const Workers workers = Workers::WithSlow(20, {1, 2, 3, 4});
    double meanLoad = 0.0;
    for (uint32_t r = 0; r < 200; ++r)
    {
        const Trace tr =
            RunIteration(setup.code, setup.history, workers, setup.table, setup.timing, r);
        const double bound = 20.0 + (tr.s2 + 1.0) * static_cast<double>(tr.uncovered.size());
        const double issued = tr.stageTwo.empty() ? 20.0 : bound;
        BOOST_TEST(tr.load <= bound + 1e-9);
        BOOST_TEST(std::abs(tr.load - issued) < 1e-9);
        if ((tr.s2 + 1.0) * tr.uncovered.size() <= 2.0 * 20.0)
        {
            BOOST_TEST(tr.load <= 3.0 * 20.0 + 1e-9); // full cyclic GC, s = 2
        }
        meanLoad += tr.load / 200.0;
    }
    BOOST_TEST(meanLoad < 3.0 * 20.0);
}

// Property 17: persistently slow workers leave the stage-1 set as the history learns them.
BOOST_AUTO_TEST_CASE(two_stage_history_excludes_slow_workers)
{
    const std::set<uint32_t> slow = {1, 4};
    Setup setup(Defaults(10), 700);
    const Workers workers = Workers::WithSlow(10, slow);
    std::vector<double> inStageOne;
    for (uint32_t r = 0; r < 100; ++r)
    {
        const Trace tr =
            RunIteration(setup.code, setup.history, workers, setup.table, setup.timing, r);
        double count = 0;
        for (uint32_t w : tr.stageOne)
        {
            count += slow.count(w);
        }
        inStageOne.push_back(count / slow.size());
    }
    auto mean = [&inStageOne](size_t a, size_t b) {
        double s = 0;
        for (size_t i = a; i < b; ++i)
        {
            s += inStageOne[i];
        }
        return s / (b - a);
    };
    const double early = mean(0, 10);
    const double late = mean(50, 100);
    BOOST_TEST(late < early, "early " << early << ", late " << late);
    BOOST_TEST(late < 0.05, "late " << late);
    for (uint32_t w : slow)
    {
        for (uint32_t f = 0; f < 10; ++f)
        {
            if (!slow.count(f))
            {
                BOOST_TEST(setup.history.PerUnitTime(w) > setup.history.PerUnitTime(f));
            }
        }
    }
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
            traces.push_back(
                RunIteration(setup.code, setup.history, workers, setup.table, setup.timing, r));
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
        same = same && a[r].stageOne == b[r].stageOne && a[r].stageTwo == b[r].stageTwo &&
               a[r].trigger == b[r].trigger && a[r].decode == b[r].decode &&
               a[r].coefficients == b[r].coefficients && a[r].load == b[r].load;
        differs = differs || a[r].decode != c[r].decode;
    }
    BOOST_TEST(same);
    BOOST_TEST(differs);
}

BOOST_AUTO_TEST_SUITE_END()
