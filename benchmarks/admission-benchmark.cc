// SPDX-License-Identifier: GPL-2.0-only
//
// Per-slot cost of the perturbed-Lyapunov admission controller against the number of queues
// (and resource blocks), and of one draw of the slotted Rayleigh channel.
//
//   ./build/benchmarks/admission-benchmark --benchmark_filter=Step

#include "ns3/lyapunov-admission-controller.h"
#include "ns3/random-source.h"
#include "ns3/rayleigh-slot-channel.h"

#include <algorithm>
#include <benchmark/benchmark.h>

using namespace ns3::coded;

namespace
{

/// One controller Step() with N queues (range 0) and M blocks (range 1), SPLIT if M > 1.
void
BM_ControllerStep(benchmark::State& state)
{
    const auto n = static_cast<uint32_t>(state.range(0));
    const auto m = static_cast<uint32_t>(state.range(1));
    RayleighSlotChannel::Config cc;
    cc.meanSnrDb.clear();
    for (uint32_t i = 0; i < n; ++i)
    {
        cc.meanSnrDb.push_back(20.0 * i / std::max<uint32_t>(1, n - 1));
    }
    cc.bandwidthHz = 20e6;
    cc.resourceBlocks = m;
    RayleighSlotChannel channel(cc);
    LyapunovAdmissionController::Config c;
    c.numQueues = n;
    c.maxArrival = 1.5 * channel.MaxService(n - 1);
    c.perturbation = channel.MaxServices();
    c.resourceBlocks = m;
    c.scheduling = m > 1 ? LyapunovAdmissionController::SPLIT : LyapunovAdmissionController::TDMA;
    LyapunovAdmissionController ctl(c);
    SeededRandomSource rng(1);
    // Pre-drawn inputs so that only the controller is timed.
    const int pool = 256;
    std::vector<std::vector<double>> arrivals(pool, std::vector<double>(n));
    std::vector<std::vector<double>> capacity;
    for (int k = 0; k < pool; ++k)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            arrivals[k][i] = c.maxArrival * rng.Uniform();
        }
        capacity.push_back(channel.Draw(rng));
    }
    int k = 0;
    for (auto _ : state)
    {
        benchmark::DoNotOptimize(ctl.Step(arrivals[k], capacity[k]));
        k = (k + 1) % pool;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["queues"] = n;
}

/// Drawing one slot of the Rayleigh channel with N workers.
void
BM_ChannelDraw(benchmark::State& state)
{
    const auto n = static_cast<uint32_t>(state.range(0));
    RayleighSlotChannel::Config cc;
    cc.meanSnrDb.assign(n, 10.0);
    RayleighSlotChannel channel(cc);
    SeededRandomSource rng(2);
    for (auto _ : state)
    {
        benchmark::DoNotOptimize(channel.Draw(rng));
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_ControllerStep)
    ->ArgsProduct({{4, 16, 64, 256, 1024}, {1}})
    ->ArgsProduct({{16, 64, 256}, {8}});
BENCHMARK(BM_ChannelDraw)->Arg(16)->Arg(256);

BENCHMARK_MAIN();
