// SPDX-License-Identifier: GPL-2.0-only
// The simulation-speed options of the applications (doc/performance.rst): mini-batch SGD stays
// exact under coding, and sharing block gradients between workers changes no result.
#include "coded-learning-test-run.h"

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/test.h"

#include <memory>
#include <string>
#include <vector>

using namespace ns3;
using namespace codedlearningtest;

namespace
{

/// The outcome of a run.
struct PerfResult
{
    std::vector<IterationRecord> records; //!< iterations
    coded::DenseVector params;            //!< final model
    uint64_t cacheHits{0};                //!< gradients shared between workers
};

/// The settings the cases start from: six uncoded workers (s = 2) on the ideal network, 6
/// iterations of softmax regression, shifted-exponential compute times, slow workers (when
/// set) twenty times slower, 1200 training and 300 test samples (data seed 5).
CodedLearningRunSettings
PerfSettings()
{
    CodedLearningRunSettings s = SmallRunSettings(5, 1200, 300);
    s.training.scheme = "uncoded";
    s.coding.numWorkers = 6;
    s.coding.stragglers = 2;
    s.training.iterations = 6;
    s.training.deadline = 10.0;
    s.compute.distribution = "shifted-exponential";
    s.compute.slowdown = 20.0;
    s.simulation.stopTime = 100.0;
    return s;
}

/// Runs one small training (ns-3 seed 3, run 1).
PerfResult
RunSmall(const CodedLearningRunSettings& c)
{
    SmallRun run(c, 3, 1);
    run.Run();
    PerfResult result;
    result.records = run.Records();
    result.params = run.Get().GetServer()->GetParameters();
    result.cacheHits = run.Get().GetLearningSetup()->GetGradientCache().GetHits();
    return result;
}

/**
 * \ingroup coded-learning
 * Mini-batches: a coded run with stragglers decodes the same model as uncoded with the same
 * batches, and differs from full-batch training.
 */
class AppsMiniBatchExactTestCase : public TestCase
{
  public:
    AppsMiniBatchExactTestCase()
        : TestCase("mini-batch SGD: coded runs give the uncoded model of the same batches")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings base = PerfSettings();
        base.training.batchSize = 150;
        const PerfResult reference = RunSmall(base);
        NS_TEST_ASSERT_MSG_EQ(reference.records.size(), 6u, "reference iterations");
        CodedLearningRunSettings full = base;
        full.training.batchSize = 0;
        const PerfResult fullBatch = RunSmall(full);
        const double change =
            (fullBatch.params - reference.params).norm() / reference.params.norm();
        NS_TEST_ASSERT_MSG_GT(change, 1e-3, "mini-batch and full-batch models do not differ");
        for (const std::string scheme : {"cyclic-repetition", "fractional-repetition", "two-stage"})
        {
            CodedLearningRunSettings c = base;
            c.training.scheme = scheme;
            c.compute.slowWorkers = {1, 4};
            const PerfResult r = RunSmall(c);
            NS_TEST_ASSERT_MSG_EQ(r.records.size(), 6u, scheme << ": iterations");
            for (const auto& rec : r.records)
            {
                NS_TEST_ASSERT_MSG_EQ(rec.decoded, true, scheme << " iteration " << rec.iteration);
            }
            const double err = (r.params - reference.params).norm() / reference.params.norm();
            NS_TEST_ASSERT_MSG_LT(err, 1e-9, scheme << ": model differs from uncoded by " << err);
        }
    }
};

/**
 * \ingroup coded-learning
 * ShareGradients computes a repeated block once and changes nothing else.
 */
class AppsShareGradientsTestCase : public TestCase
{
  public:
    AppsShareGradientsTestCase()
        : TestCase("sharing block gradients between workers leaves every result unchanged")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningRunSettings c = PerfSettings();
        c.training.scheme = "cyclic-repetition";
        c.compute.slowWorkers = {1, 4};
        const PerfResult shared = RunSmall(c);
        c.training.shareGradients = false;
        const PerfResult own = RunSmall(c);
        NS_TEST_ASSERT_MSG_GT(shared.cacheHits, 0u, "no block gradient was shared");
        NS_TEST_ASSERT_MSG_EQ(own.cacheHits, 0u, "the cache was used although disabled");
        NS_TEST_ASSERT_MSG_EQ(shared.records.size(), own.records.size(), "iterations");
        for (size_t i = 0; i < shared.records.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(shared.records[i].endTime, own.records[i].endTime, "end time");
            NS_TEST_ASSERT_MSG_EQ(shared.records[i].trainLoss, own.records[i].trainLoss, "loss");
        }
        NS_TEST_ASSERT_MSG_EQ((shared.params - own.params).cwiseAbs().maxCoeff(),
                              0.0,
                              "models differ");
    }
};

/**
 * \ingroup coded-learning
 * The performance options of the applications.
 */
class AppsPerformanceTestSuite : public TestSuite
{
  public:
    AppsPerformanceTestSuite()
        : TestSuite("coded-learning-apps-performance", Type::UNIT)
    {
        AddTestCase(new AppsMiniBatchExactTestCase);
        AddTestCase(new AppsShareGradientsTestCase);
    }
};

/// The suite's instance.
static AppsPerformanceTestSuite g_appsPerformanceTestSuite;

} // namespace
