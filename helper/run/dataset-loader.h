// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_DATASET_LOADER_H
#define CODED_LEARNING_DATASET_LOADER_H

#include "data-settings.h"

#include "ns3/dataset.h"
#include "ns3/random-source.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Loads the training and test sets a DataSettings names: Fashion-MNIST from its files
 * or a synthetic Gaussian-mixture task (coded::SyntheticDataGenerator).
 */
class DatasetLoader
{
  public:
    /// The training and the test set.
    struct Sets
    {
        std::shared_ptr<coded::Dataset> train; //!< the training set
        std::shared_ptr<coded::Dataset> test;  //!< the test set
    };

    /// \return the data-set names Load() knows, in the order error messages list them
    static std::vector<std::string> Names();

    /**
     * Loads both sets. The synthetic data draws the class means, then the training samples,
     * then the test samples from rng; Fashion-MNIST draws nothing.
     * \param settings the data set and its sizes
     * \param rng the random source of the synthetic data
     * \return the sets
     * \throws std::invalid_argument for an unknown name; std::runtime_error (naming the
     *         file) for a missing or malformed Fashion-MNIST file
     */
    static Sets Load(const DataSettings& settings, coded::RandomSource& rng);
};

} // namespace ns3

#endif // CODED_LEARNING_DATASET_LOADER_H
