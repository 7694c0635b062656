// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_DATASET_H
#define CODED_LEARNING_DATASET_H

#include "learning-types.h"

#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * A labelled classification data set held in memory: one sample per row of a float feature
 * matrix, one label in [0, NumClasses) per sample.
 */
class Dataset
{
  public:
    /// Which half of a benchmark data set.
    enum class Split
    {
        TRAIN, ///< the training set
        TEST   ///< the test set
    };

    /// Folder where Debian's dataset-fashion-mnist package puts the files.
    static const char* const DEFAULT_FASHION_MNIST_DIR;

    Dataset() = default;

    /**
     * \param features one sample per row
     * \param labels one label per sample, each < numClasses
     * \param numClasses the number of classes, >= 2
     */
    Dataset(FeatureMatrix features, std::vector<uint32_t> labels, uint32_t numClasses);

    /**
     * Load an image/label pair of IDX files; pixels are scaled to [0, 1].
     * \param imagesPath IDX file of dimension N x rows x cols (or N x features)
     * \param labelsPath IDX file of dimension N
     * \param numClasses the number of classes; every label must be below it
     * \param limit if > 0, load only the first limit samples
     * \return the data set
     */
    static Dataset LoadIdx(const std::string& imagesPath,
                           const std::string& labelsPath,
                           uint32_t numClasses,
                           uint32_t limit = 0);

    /**
     * Load Fashion-MNIST from the four standard file names in a folder.
     * \param dir the folder (DEFAULT_FASHION_MNIST_DIR for the Debian package)
     * \param split training or test set
     * \param limit if > 0, load only the first limit samples
     * \return the data set (60000 or 10000 samples of 784 features, 10 classes)
     */
    static Dataset LoadFashionMnist(const std::string& dir, Split split, uint32_t limit = 0);

    /// \return the number of samples
    uint32_t NumSamples() const
    {
        return static_cast<uint32_t>(m_features.rows());
    }

    /// \return the number of features per sample
    uint32_t NumFeatures() const
    {
        return static_cast<uint32_t>(m_features.cols());
    }

    /// \return the number of classes
    uint32_t NumClasses() const
    {
        return m_numClasses;
    }

    /// \return the features, one sample per row
    const FeatureMatrix& Features() const
    {
        return m_features;
    }

    /// \return the labels
    const std::vector<uint32_t>& Labels() const
    {
        return m_labels;
    }

    /// \return all samples as one row set
    RowSet AllRows() const;

    /**
     * \param order a permutation of 0..NumSamples()-1, or any list of valid row indices
     * \return a new data set whose row i is row order[i] of this one
     */
    Dataset Gather(const std::vector<uint32_t>& order) const;

  private:
    FeatureMatrix m_features;       //!< samples
    std::vector<uint32_t> m_labels; //!< labels
    uint32_t m_numClasses{0};       //!< number of classes
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_DATASET_H
