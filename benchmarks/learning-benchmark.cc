// SPDX-License-Identifier: GPL-2.0-only
//
// GFLOP/s of the per-partition gradient (LearningModel::LossAndGradient) for softmax regression
// and the MLP on Fashion-MNIST shapes (784 inputs, 10 classes, 64 hidden units), float32 vs
// float64 arithmetic, against the machine's measured peak: a large Eigen GEMM compiled with the
// same flags, in the same program.
//
//   ./build/benchmarks/learning-benchmark --benchmark_min_time=0.5
//
// Rows per partition: 60000 / n for n in {1, 10, 100, 1000} workers (one partition each).
// Features are uniform in [0, 1) (the FLOPs do not depend on the values; Fashion-MNIST is
// not needed to run this).
//
// Counted FLOPs (multiply and add counted separately, matrix products only; the bias adds,
// the softmax's exp/log/divide per class and the float<->double casts of the parameters and
// gradient are NOT counted, so the rates are lower bounds):
//   softmax, per row: forward x*W 2dc, gradient x^T*delta 2dc          -> 4dc
//   mlp, per row:     forward x*W1 2dh, a*W2 2hc; backward h^T*delta 2hc,
//                     delta*W2^T 2hc, x^T*delta1 2dh                    -> 4dh + 6hc
//   GEMM m x m x m: 2 m^3.
// The counter "GFLOPs" is reported per second (Google Benchmark kIsRate), and "of_peak" is
// the fraction of the best GEMM rate of the same precision measured in this process (the GEMM
// benchmarks run first).
#include "ns3/dataset.h"
#include "ns3/learning-types.h"
#include "ns3/mlp-model.h"
#include "ns3/random-source.h"
#include "ns3/softmax-regression-model.h"

#include <Eigen/Core>
#include <benchmark/benchmark.h>
#include <map>
#include <memory>
#include <string>

using namespace ns3::coded;

namespace
{

constexpr uint32_t FEATURES = 784; //!< Fashion-MNIST pixels
constexpr uint32_t CLASSES = 10;   //!< Fashion-MNIST classes
constexpr uint32_t HIDDEN = 64;    //!< coded-learning-sim's default --hidden
constexpr uint32_t TRAIN = 60000;  //!< Fashion-MNIST training samples

/// Best GEMM rate measured so far per precision (GFLOP/s), the reference of "of_peak".
std::map<std::string, double>&
Peak()
{
    static std::map<std::string, double> peak;
    return peak;
}

/// \return a data set with Fashion-MNIST's shape and uniform features
const Dataset&
Data()
{
    static const Dataset data = [] {
        SeededRandomSource rng(1);
        FeatureMatrix x(TRAIN, FEATURES);
        std::vector<uint32_t> y(TRAIN);
        for (uint32_t i = 0; i < TRAIN; ++i)
        {
            for (uint32_t j = 0; j < FEATURES; ++j)
            {
                x(i, j) = static_cast<float>(rng.Uniform());
            }
            y[i] = rng.UniformInt(CLASSES);
        }
        return Dataset(std::move(x), std::move(y), CLASSES);
    }();
    return data;
}

/// A large square GEMM C = A * B in T (range 0 = m).
template <typename T>
void
BM_Gemm(benchmark::State& state, const std::string& name)
{
    using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    const Eigen::Index m = state.range(0);
    const Matrix a = Matrix::Random(m, m);
    const Matrix b = Matrix::Random(m, m);
    Matrix c(m, m);
    for (auto _ : state)
    {
        c.noalias() = a * b;
        benchmark::DoNotOptimize(c.data());
        benchmark::ClobberMemory();
    }
    const double flops = 2.0 * m * m * m;
    state.counters["GFLOPs"] =
        benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
}

/// Records the GEMM rate of a finished run as the peak of its precision.
class PeakReporter : public benchmark::ConsoleReporter
{
  public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& run : runs)
        {
            const std::string name = run.benchmark_name();
            if (name.rfind("gemm/", 0) == 0 && run.counters.count("GFLOPs"))
            {
                const std::string precision = name.substr(5, name.find('/', 5) - 5);
                const double rate = run.counters.at("GFLOPs").value;
                Peak()[precision] = std::max(Peak()[precision], rate);
            }
        }
        benchmark::ConsoleReporter::ReportRuns(runs);
    }
};

/// One LossAndGradient over a partition of TRAIN / n rows (range 0 = n).
void
BM_Gradient(benchmark::State& state,
            const std::string& modelName,
            Precision precision,
            const std::string& precisionName)
{
    const auto n = static_cast<uint32_t>(state.range(0));
    const uint32_t rows = TRAIN / n;
    std::unique_ptr<LearningModel> model;
    double flopsPerRow = 0;
    if (modelName == "softmax")
    {
        model = std::make_unique<SoftmaxRegressionModel>(FEATURES, CLASSES);
        flopsPerRow = 4.0 * FEATURES * CLASSES;
    }
    else
    {
        model = std::make_unique<MlpModel>(FEATURES, HIDDEN, CLASSES);
        flopsPerRow = 4.0 * FEATURES * HIDDEN + 6.0 * HIDDEN * CLASSES;
    }
    SeededRandomSource rng(3);
    model->Initialise(rng);
    model->SetPrecision(precision);
    const Dataset& data = Data();
    const RowSet partition{RowRange{0, rows}};
    DenseVector g;
    for (auto _ : state)
    {
        benchmark::DoNotOptimize(model->LossAndGradient(data, partition, g));
        benchmark::ClobberMemory();
    }
    state.counters["rows"] = rows;
    state.counters["GFLOPs"] = benchmark::Counter(flopsPerRow * rows * 1e-9,
                                                  benchmark::Counter::kIsIterationInvariantRate);
    // "of_peak" is added by RatioReporter once the rate is known.
    state.SetLabel(precisionName);
}

/// Adds "of_peak" (gradient rate / GEMM peak of the same precision) to the gradient runs.
class RatioReporter : public PeakReporter
{
  public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        std::vector<Run> copy = runs;
        for (Run& run : copy)
        {
            const std::string name = run.benchmark_name();
            if (name.rfind("gradient/", 0) == 0 && run.counters.count("GFLOPs"))
            {
                const std::string precision = run.report_label;
                if (Peak().count(precision) && Peak()[precision] > 0)
                {
                    run.counters["of_peak"] = run.counters.at("GFLOPs").value / Peak()[precision];
                }
            }
        }
        PeakReporter::ReportRuns(copy);
    }
};

} // namespace

int
main(int argc, char** argv)
{
    // The GEMMs are registered first so that they run first and set the peaks.
    benchmark::RegisterBenchmark("gemm/float32",
                                 [](benchmark::State& st) { BM_Gemm<float>(st, "float32"); })
        ->Arg(512)
        ->Arg(1024)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("gemm/float64",
                                 [](benchmark::State& st) { BM_Gemm<double>(st, "float64"); })
        ->Arg(512)
        ->Arg(1024)
        ->Unit(benchmark::kMillisecond);
    for (const std::string model : {"softmax", "mlp"})
    {
        for (const auto& [precision, name] : {std::make_pair(Precision::FLOAT32, "float32"),
                                              std::make_pair(Precision::FLOAT64, "float64")})
        {
            const std::string precisionName = name;
            const std::string title = "gradient/" + model + "/" + precisionName;
            const Precision p = precision;
            benchmark::RegisterBenchmark(title.c_str(),
                                         [model, p, precisionName](benchmark::State& st) {
                                             BM_Gradient(st, model, p, precisionName);
                                         })
                ->ArgName("n")
                ->Arg(1)
                ->Arg(10)
                ->Arg(100)
                ->Arg(1000)
                ->Unit(benchmark::kMicrosecond);
        }
    }
    Data(); // build the data set before any timing
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
    {
        return 1;
    }
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
