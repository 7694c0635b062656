// SPDX-License-Identifier: GPL-2.0-only
// The simulation-speed options of the applications (doc/performance.rst): mini-batch SGD stays
// exact under coding, and sharing block gradients between workers changes no result.
#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/test.h"

#include <memory>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Collects the iteration records.
struct PerfRecorder
{
    std::vector<IterationRecord> records; //!< the iterations
};

/// IterationEnd sink.
void
PerfRecord(PerfRecorder* r, const IterationRecord& record)
{
    r->records.push_back(record);
}

/// Settings of one small run on the ideal network.
struct PerfConfig
{
    std::string scheme{"uncoded"}; //!< coding scheme
    uint32_t batchSize{0};         //!< BatchSize attribute
    bool shareGradients{true};     //!< ShareGradients attribute
    bool slowWorkers{false};       //!< workers 1 and 4 twenty times slower
};

/// The outcome of a run.
struct PerfResult
{
    std::vector<IterationRecord> records; //!< iterations
    coded::DenseVector params;            //!< final model
    uint64_t cacheHits{0};                //!< gradients shared between workers
};

/// Six workers, s = 2, 6 iterations of softmax regression on synthetic data (fixed seeds).
PerfResult
RunSmall(const PerfConfig& c)
{
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(1);
    coded::SeededRandomSource rng(5);
    coded::SyntheticDataGenerator gen(8, 3, 1.0, rng);
    auto train = std::make_shared<coded::Dataset>(gen.Generate(1200, rng));
    auto test = std::make_shared<coded::Dataset>(gen.Generate(300, rng));
    auto model = std::make_unique<coded::SoftmaxRegressionModel>(8, 3);
    model->SetPrecision(coded::Precision::FLOAT64);
    Ptr<LearningSetup> setup = CreateObject<LearningSetup>();
    setup->SetAttribute("ShareGradients", BooleanValue(c.shareGradients));
    setup->Set(train, test, std::move(model));

    IdealScenarioHelper net;
    net.SetNumWorkers(6);
    NetworkScenario scenario = net.Build();
    coded::CodingParameters coding;
    coding.stragglers = 2;
    CodedLearningHelper learning;
    learning.SetLearningSetup(setup);
    learning.SetCodingParameters(coding);
    learning.SetServerAttribute("Scheme", StringValue(c.scheme));
    learning.SetServerAttribute("Iterations", UintegerValue(6));
    learning.SetServerAttribute("EvalInterval", UintegerValue(0));
    learning.SetServerAttribute("LearningRate", DoubleValue(0.5));
    learning.SetServerAttribute("BatchSize", UintegerValue(c.batchSize));
    learning.SetComputeTimeAttribute("Distribution", StringValue("shifted-exponential"));
    learning.SetComputeTimeAttribute("UnitTime", TimeValue(MilliSeconds(10)));
    learning.SetSlowWorkers(c.slowWorkers ? std::vector<uint32_t>{1, 4} : std::vector<uint32_t>{},
                            20.0);
    ApplicationContainer apps = learning.Install(scenario);
    apps.Start(Seconds(1.0));
    learning.AssignStreams(100);
    net.AssignStreams(1000);
    PerfRecorder recorder;
    learning.GetServer()->TraceConnectWithoutContext("IterationEnd",
                                                     MakeBoundCallback(&PerfRecord, &recorder));
    Simulator::Stop(Seconds(100));
    Simulator::Run();
    PerfResult result;
    result.records = recorder.records;
    result.params = learning.GetServer()->GetParameters();
    result.cacheHits = setup->GetGradientCache().GetHits();
    Simulator::Destroy();
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
        PerfConfig base;
        base.batchSize = 150;
        const PerfResult reference = RunSmall(base);
        NS_TEST_ASSERT_MSG_EQ(reference.records.size(), 6u, "reference iterations");
        PerfConfig full = base;
        full.batchSize = 0;
        const PerfResult fullBatch = RunSmall(full);
        const double change =
            (fullBatch.params - reference.params).norm() / reference.params.norm();
        NS_TEST_ASSERT_MSG_GT(change, 1e-3, "mini-batch and full-batch models do not differ");
        for (const std::string scheme : {"cyclic-repetition", "fractional-repetition", "two-stage"})
        {
            PerfConfig c = base;
            c.scheme = scheme;
            c.slowWorkers = true;
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
        PerfConfig c;
        c.scheme = "cyclic-repetition";
        c.slowWorkers = true;
        const PerfResult shared = RunSmall(c);
        c.shareGradients = false;
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
        : TestSuite("coded-learning-apps-performance", UNIT)
    {
        AddTestCase(new AppsMiniBatchExactTestCase, TestCase::QUICK);
        AddTestCase(new AppsShareGradientsTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
static AppsPerformanceTestSuite g_appsPerformanceTestSuite;

} // namespace
