// SPDX-License-Identifier: GPL-2.0-only
#include "dataset.h"

#include "idx-file.h"

#include <fstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

const char* const Dataset::DEFAULT_FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

Dataset::Dataset(FeatureMatrix features, std::vector<uint32_t> labels, uint32_t numClasses)
    : m_features(std::move(features)),
      m_labels(std::move(labels)),
      m_numClasses(numClasses)
{
    if (numClasses < 2)
    {
        throw std::invalid_argument("Dataset: numClasses = " + std::to_string(numClasses) +
                                    ", must be >= 2");
    }
    if (static_cast<size_t>(m_features.rows()) != m_labels.size())
    {
        throw std::invalid_argument("Dataset: " + std::to_string(m_features.rows()) +
                                    " samples but " + std::to_string(m_labels.size()) +
                                    " labels; the counts must match");
    }
    for (size_t i = 0; i < m_labels.size(); ++i)
    {
        if (m_labels[i] >= numClasses)
        {
            throw std::invalid_argument("Dataset: label " + std::to_string(m_labels[i]) +
                                        " of sample " + std::to_string(i) +
                                        " is out of range [0, " + std::to_string(numClasses) + ")");
        }
    }
}

Dataset
Dataset::LoadIdx(const std::string& imagesPath,
                 const std::string& labelsPath,
                 uint32_t numClasses,
                 uint32_t limit)
{
    const IdxFile images = IdxFile::Read(imagesPath, limit);
    const IdxFile labels = IdxFile::Read(labelsPath, limit);
    if (labels.Dims().size() != 1)
    {
        throw std::runtime_error("labels file '" + labelsPath + "' has " +
                                 std::to_string(labels.Dims().size()) +
                                 " dimensions, a label file must have exactly 1");
    }
    if (images.Dims().size() < 2)
    {
        throw std::runtime_error("images file '" + imagesPath +
                                 "' has 1 dimension, an image file must have 2 or more "
                                 "(samples x features, or samples x rows x columns)");
    }
    if (images.Dims()[0] != labels.Dims()[0])
    {
        throw std::runtime_error("images file '" + imagesPath + "' has " +
                                 std::to_string(images.Dims()[0]) + " samples but labels file '" +
                                 labelsPath + "' has " + std::to_string(labels.Dims()[0]) +
                                 "; the counts must match");
    }
    const uint32_t n = images.Dims()[0];
    const uint64_t features = images.Data().size() / n;
    FeatureMatrix x(n, static_cast<Eigen::Index>(features));
    const uint8_t* src = images.Data().data();
    float* dst = x.data();
    for (uint64_t i = 0; i < images.Data().size(); ++i)
    {
        dst[i] = static_cast<float>(src[i]) * (1.0f / 255.0f);
    }
    std::vector<uint32_t> y(labels.Data().begin(), labels.Data().end());
    for (uint32_t i = 0; i < n; ++i)
    {
        if (y[i] >= numClasses)
        {
            throw std::runtime_error("labels file '" + labelsPath + "': label " +
                                     std::to_string(y[i]) + " of sample " + std::to_string(i) +
                                     " is out of range [0, " + std::to_string(numClasses) + ")");
        }
    }
    return Dataset(std::move(x), std::move(y), numClasses);
}

Dataset
Dataset::LoadFashionMnist(const std::string& dir, Split split, uint32_t limit)
{
    const std::string prefix = dir + (split == Split::TRAIN ? "/train" : "/t10k");
    const std::string images = prefix + "-images-idx3-ubyte.gz";
    const std::string labels = prefix + "-labels-idx1-ubyte.gz";
    for (const auto& file : {images, labels})
    {
        if (!std::ifstream(file).good())
        {
            throw std::runtime_error(
                "Fashion-MNIST file '" + file +
                "' not found: install the Debian package dataset-fashion-mnist "
                "(apt-get install dataset-fashion-mnist) or point the data directory at a "
                "folder with the four *-idx?-ubyte.gz files");
        }
    }
    Dataset d = LoadIdx(images, labels, 10, limit);
    if (d.NumFeatures() != 784)
    {
        throw std::runtime_error("Fashion-MNIST file '" + images + "' has " +
                                 std::to_string(d.NumFeatures()) +
                                 " pixels per image, expected 784 (28 x 28)");
    }
    return d;
}

RowSet
Dataset::AllRows() const
{
    return RowSet{RowRange{0, NumSamples()}};
}

Dataset
Dataset::Gather(const std::vector<uint32_t>& order) const
{
    FeatureMatrix x(static_cast<Eigen::Index>(order.size()), m_features.cols());
    std::vector<uint32_t> y(order.size());
    for (size_t i = 0; i < order.size(); ++i)
    {
        if (order[i] >= NumSamples())
        {
            throw std::out_of_range("Dataset::Gather: row " + std::to_string(order[i]) +
                                    " does not exist (" + std::to_string(NumSamples()) +
                                    " samples)");
        }
        x.row(static_cast<Eigen::Index>(i)) = m_features.row(order[i]);
        y[i] = m_labels[order[i]];
    }
    return Dataset(std::move(x), std::move(y), m_numClasses);
}

} // namespace coded
} // namespace ns3
