// SPDX-License-Identifier: GPL-2.0-only
//
// The small training runs of the applications' system tests (training, faults, performance),
// built by the same recipe as coded-learning-sim: CodedLearningRun from a
// CodedLearningRunSettings.
#ifndef CODED_LEARNING_CODED_LEARNING_TEST_RUN_H
#define CODED_LEARNING_CODED_LEARNING_TEST_RUN_H

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"

#include <cstdint>
#include <vector>

namespace codedlearningtest
{

/**
 * \ingroup coded-learning
 * The settings every small test run starts from: synthetic data (8 features, 3 classes,
 * separation 1) drawn from a coded::SeededRandomSource and kept in its order; softmax
 * regression in double precision; SGD with learning rate 0.5, no momentum, test accuracy
 * only after the last iteration; 10 ms compute unit, no slow worker; the ideal network over
 * UDP; no files; the applications on streams from 100, the network from 1000; the simulation
 * runs until its stop time (not stopped after the last iteration).
 * \param dataSeed the seed of the data
 * \param trainSamples training samples
 * \param testSamples test samples
 * \return the settings
 */
inline ns3::CodedLearningRunSettings
SmallRunSettings(uint64_t dataSeed, uint32_t trainSamples, uint32_t testSamples)
{
    ns3::CodedLearningRunSettings s;
    s.data.dataset = "synthetic";
    s.data.syntheticFeatures = 8;
    s.data.syntheticClasses = 3;
    s.data.syntheticSeparation = 1.0;
    s.data.trainLimit = trainSamples;
    s.data.testLimit = testSamples;
    s.model.precision = "double";
    s.training.learningRate = 0.5;
    s.training.momentum = 0.0;
    s.training.evalInterval = 0;
    s.compute.slowFraction = 0.0;
    s.compute.unitMs = 10.0;
    s.network.kind = "ideal";
    s.outputs.writeFiles = false;
    s.simulation.dataSeed = dataSeed;
    s.simulation.shuffleTrainingSet = false;
    s.simulation.applicationStream = 100;
    s.simulation.networkStream = 1000;
    s.simulation.stopAfterLastIteration = false;
    return s;
}

/**
 * \ingroup coded-learning
 * One small test run: fixes ns-3's seed and run number, builds the run and records the
 * server's iterations. Connect further trace sinks through Get() before Run(); read the
 * results after it. The destructor calls Simulator::Destroy().
 */
class SmallRun
{
  public:
    /**
     * \param settings the run
     * \param seed ns-3's RngSeedManager seed
     * \param rngRun ns-3's run number
     */
    SmallRun(const ns3::CodedLearningRunSettings& settings, uint32_t seed, uint32_t rngRun)
        : m_run(settings)
    {
        ns3::RngSeedManager::SetSeed(seed);
        ns3::RngSeedManager::SetRun(rngRun);
        m_run.Build();
        m_run.GetServer()->TraceConnectWithoutContext("IterationEnd",
                                                      ns3::MakeCallback(&SmallRun::Record, this));
    }

    ~SmallRun()
    {
        ns3::Simulator::Destroy();
    }

    SmallRun(const SmallRun&) = delete;
    SmallRun& operator=(const SmallRun&) = delete;

    /// \return the run (its server, workers, scheduler, scenario, learning setup)
    ns3::CodedLearningRun& Get()
    {
        return m_run;
    }

    /// Runs the simulation.
    void Run()
    {
        m_run.Run();
    }

    /// \return the iterations, in the order they ended
    const std::vector<ns3::IterationRecord>& Records() const
    {
        return m_records;
    }

  private:
    /// IterationEnd sink. \param record the iteration
    void Record(const ns3::IterationRecord& record)
    {
        m_records.push_back(record);
    }

    ns3::CodedLearningRun m_run;                 //!< the run
    std::vector<ns3::IterationRecord> m_records; //!< its iterations
};

} // namespace codedlearningtest

#endif // CODED_LEARNING_CODED_LEARNING_TEST_RUN_H
