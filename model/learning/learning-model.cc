// SPDX-License-Identifier: GPL-2.0-only
#include "learning-model.h"

#include <stdexcept>

namespace ns3
{
namespace coded
{

LearningModel::LearningModel(uint32_t numFeatures, uint32_t numClasses, uint32_t numParameters)
    : m_params(DenseVector::Zero(numParameters)),
      m_numFeatures(numFeatures),
      m_numClasses(numClasses)
{
    if (numFeatures < 1)
    {
        throw std::invalid_argument("model: numFeatures = 0, must be >= 1");
    }
    if (numClasses < 2)
    {
        throw std::invalid_argument("model: numClasses = " + std::to_string(numClasses) +
                                    ", must be >= 2");
    }
}

void
LearningModel::SetParameters(const DenseVector& params)
{
    if (params.size() != m_params.size())
    {
        throw std::invalid_argument(Name() + ": " + std::to_string(params.size()) +
                                    " parameters given, the model has " +
                                    std::to_string(m_params.size()));
    }
    if (!params.allFinite())
    {
        throw std::invalid_argument(Name() + ": the new parameters contain NaN or infinity");
    }
    m_params = params;
}

double
LearningModel::Sweep(const Dataset& data,
                     const RowSet& rows,
                     DenseVector* gradient,
                     uint64_t* correct) const
{
    if (data.NumFeatures() != m_numFeatures || data.NumClasses() != m_numClasses)
    {
        throw std::invalid_argument(
            Name() + ": the data set has " + std::to_string(data.NumFeatures()) + " features and " +
            std::to_string(data.NumClasses()) + " classes, the model expects " +
            std::to_string(m_numFeatures) + " and " + std::to_string(m_numClasses));
    }
    double loss = 0.0;
    for (const auto& range : rows)
    {
        if (range.begin > range.end || range.end > data.NumSamples())
        {
            throw std::out_of_range(Name() + ": rows [" + std::to_string(range.begin) + ", " +
                                    std::to_string(range.end) + ") are outside the data set (" +
                                    std::to_string(data.NumSamples()) + " samples)");
        }
        for (uint32_t begin = range.begin; begin < range.end; begin += BLOCK_ROWS)
        {
            const uint32_t end = std::min(range.end, begin + BLOCK_ROWS);
            loss += Block(data, RowRange{begin, end}, gradient, correct);
        }
    }
    return loss;
}

double
LearningModel::LossAndGradient(const Dataset& data, const RowSet& rows, DenseVector& gradient) const
{
    gradient.setZero(m_params.size());
    return Sweep(data, rows, &gradient, nullptr);
}

double
LearningModel::Loss(const Dataset& data, const RowSet& rows) const
{
    return Sweep(data, rows, nullptr, nullptr);
}

uint64_t
LearningModel::CountCorrect(const Dataset& data, const RowSet& rows) const
{
    uint64_t correct = 0;
    Sweep(data, rows, nullptr, &correct);
    return correct;
}

double
LearningModel::Accuracy(const Dataset& data) const
{
    if (data.NumSamples() == 0)
    {
        throw std::invalid_argument(Name() + ": accuracy of an empty data set");
    }
    return static_cast<double>(CountCorrect(data, data.AllRows())) / data.NumSamples();
}

} // namespace coded
} // namespace ns3
