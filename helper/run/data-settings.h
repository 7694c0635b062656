// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_DATA_SETTINGS_H
#define CODED_LEARNING_DATA_SETTINGS_H

#include "ns3/dataset.h"

#include <cstdint>
#include <string>

namespace ns3
{

class CommandLine;

/**
 * \ingroup coded-learning
 * \brief The data set of a run: which one (DatasetLoader::Names()), where its files are, how
 * many samples, and the shape of the synthetic one. Shared by coded-learning-sim
 * (CodedLearningRunSettings::data) and centralised-training; the defaults are theirs.
 */
struct DataSettings
{
    /// "fashion-mnist" (files in dataDir) or "synthetic" (SyntheticDataGenerator) (--dataset).
    std::string dataset{"fashion-mnist"};
    /// Folder with the four Fashion-MNIST files (--dataDir; default: Debian's package).
    std::string dataDir{coded::Dataset::DEFAULT_FASHION_MNIST_DIR};
    /// Use only the first N training samples; 0 = all (synthetic: syntheticTrainSamples).
    uint32_t trainLimit{0};
    /// Use only the first N test samples; 0 = all (synthetic: syntheticTestSamples).
    uint32_t testLimit{0};
    /// Synthetic data: features per sample.
    uint32_t syntheticFeatures{50};
    /// Synthetic data: classes.
    uint32_t syntheticClasses{10};
    /// Synthetic data: standard deviation of the class-mean entries (larger = easier).
    double syntheticSeparation{0.35};
    /// Synthetic data: training samples when trainLimit is 0.
    uint32_t syntheticTrainSamples{10000};
    /// Synthetic data: test samples when testLimit is 0.
    uint32_t syntheticTestSamples{2000};

    /**
     * Declares --dataset, --dataDir and --trainLimit, bound to this object's fields (which
     * must outlive the parse); their current values are the defaults --PrintHelp shows.
     * \param cmd the program's command line
     */
    void AddFlags(CommandLine& cmd);

    /**
     * Declares --testLimit (centralised-training; coded-learning-sim evaluates on the whole
     * test set). \param cmd the program's command line
     */
    void AddTestLimitFlag(CommandLine& cmd);

    /**
     * Checks the data-set name. \throws std::invalid_argument naming the flag, the value and
     * the allowed names
     */
    void Validate() const;
};

} // namespace ns3

#endif // CODED_LEARNING_DATA_SETTINGS_H
