// SPDX-License-Identifier: GPL-2.0-only
// Google Benchmark of the gradient codes: plan (StartRound, and StartStageTwo for two-stage)
// and decode (every OnResult until decodable, then Decode) per scheme, for
// n in {10, 20, 50, 100, 200}. Manual timing: each benchmark runs whole iterations and
// times only its part. Arrival orders are uniformly random (drawn outside the timed part).
//
//   build-coding/benchmarks/coding-benchmark --benchmark_min_time=0.2
//
// Parameters: s = 2, except fractional-repetition with s = 4 ((s+1) | n for every n here);
// approximate: d = 2, optimal decoder; partial: one private unit; two-stage: defaults.
#include "ns3/completion-history.h"
#include "ns3/data-partitioner.h"
#include "ns3/gradient-code-factory.h"
#include "ns3/random-source.h"

#include <benchmark/benchmark.h>
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

using Clock = std::chrono::steady_clock;

/// Which part of an iteration is timed.
enum class Part
{
    PLAN,
    DECODE
};

/// A time past every stage-1 deadline.
constexpr double LATE = 1e9;

void
RunScheme(benchmark::State& state, const std::string& scheme, Part part)
{
    const auto n = static_cast<uint32_t>(state.range(0));
    CodingParameters p;
    p.numWorkers = n;
    p.stragglers = scheme == "fractional-repetition" ? 4 : 2;
    SeededRandomSource codeRng(1);
    SeededRandomSource order(2);
    const DataPartitioner parts(100 * n, n);
    auto code = GradientCodeFactory::Create(scheme, p, parts, codeRng);
    // Every worker observed once (1 s per partition): two-stage then has finite deadlines, and
    // the loop below makes every stage-1 group still out late after the first result.
    CompletionHistory history(n);
    for (uint32_t w = 0; w < n; ++w)
    {
        history.RecordCompletion(w, 1.0, 1.0);
    }
    uint32_t iteration = 0;
    double received = 0;
    double tasks = 0;
    for (auto _ : state)
    {
        double planSeconds = 0;
        double decodeSeconds = 0;
        auto t0 = Clock::now();
        auto round = code->StartRound(iteration++, history);
        planSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
        std::vector<uint32_t> pending = order.Permutation(round->Plan().NumTasks());
        size_t next = 0;
        while (!round->IsDecodable())
        {
            if (next == pending.size())
            {
                state.SkipWithError("not decodable with every result in");
                return;
            }
            const uint32_t id = pending[next++];
            t0 = Clock::now();
            round->OnResult(id);
            decodeSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
            if (round->ShouldStartStageTwo(LATE))
            {
                t0 = Clock::now();
                const std::vector<uint32_t> added = round->StartStageTwo(LATE);
                planSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
                // Stage-2 results arrive before the stage-1 results still pending (the
                // stage-1 stragglers), so that stage 2 decodes.
                std::vector<uint32_t> more;
                for (uint32_t j : order.Permutation(static_cast<uint32_t>(added.size())))
                {
                    more.push_back(added[j]);
                }
                pending.insert(pending.begin() + static_cast<std::ptrdiff_t>(next),
                               more.begin(),
                               more.end());
            }
        }
        t0 = Clock::now();
        benchmark::DoNotOptimize(round->Decode().coefficients.data());
        decodeSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
        received += round->NumReceivedAtDecode();
        tasks += round->Plan().NumTasks();
        state.SetIterationTime(part == Part::PLAN ? planSeconds : decodeSeconds);
    }
    state.counters["results"] = benchmark::Counter(received, benchmark::Counter::kAvgIterations);
    state.counters["tasks"] = benchmark::Counter(tasks, benchmark::Counter::kAvgIterations);
}

} // namespace

int
main(int argc, char** argv)
{
    for (const std::string& scheme : GradientCodeFactory::Names())
    {
        for (Part part : {Part::PLAN, Part::DECODE})
        {
            const std::string name = std::string(part == Part::PLAN ? "plan/" : "decode/") + scheme;
            benchmark::RegisterBenchmark(
                name.c_str(),
                [scheme, part](benchmark::State& st) { RunScheme(st, scheme, part); })
                ->ArgName("n")
                ->Arg(10)
                ->Arg(20)
                ->Arg(50)
                ->Arg(100)
                ->Arg(200)
                ->UseManualTime()
                ->Unit(benchmark::kMicrosecond);
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
    {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
