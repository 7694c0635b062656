// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_SOFTMAX_REGRESSION_MODEL_H
#define CODED_LEARNING_SOFTMAX_REGRESSION_MODEL_H

#include "learning-model.h"

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Multinomial logistic (softmax) regression: p(y | x) = softmax(W^T x + b).
 *
 * Parameter layout: W (features x classes, column-major) followed by b (classes).
 * Starts from zeros, so Initialise() draws nothing.
 */
class SoftmaxRegressionModel : public LearningModel
{
  public:
    /**
     * \param numFeatures input features, >= 1
     * \param numClasses classes, >= 2
     */
    SoftmaxRegressionModel(uint32_t numFeatures, uint32_t numClasses);

    std::string Name() const override;
    std::unique_ptr<LearningModel> Clone() const override;
    void Initialise(RandomSource& rng) override;

  private:
    double Block(const Dataset& data,
                 RowRange rows,
                 DenseVector* gradient,
                 uint64_t* correct) const override;

    /// The block computation in arithmetic T (float or double).
    /// \param data the data set \param rows the block's rows \param gradient where the summed
    /// gradient is added \param correct if not null, gets the correct predictions added
    /// \return the summed loss of the block
    template <typename T>
    double BlockT(const Dataset& data,
                  RowRange rows,
                  DenseVector* gradient,
                  uint64_t* correct) const;
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_SOFTMAX_REGRESSION_MODEL_H
