// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_MLP_MODEL_H
#define CODED_LEARNING_MLP_MODEL_H

#include "learning-model.h"

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * A multilayer perceptron with one hidden layer:
 * p(y | x) = softmax(W2^T act(W1^T x + b1) + b2).
 *
 * Parameter layout: W1 (features x hidden, column-major), b1 (hidden), W2 (hidden x classes,
 * column-major), b2 (classes). Initialise() draws W1 and W2 uniformly in +-sqrt(6 / fan)
 * (He fan-in for ReLU, Glorot fan-in + fan-out otherwise); biases start at zero.
 */
class MlpModel : public LearningModel
{
  public:
    /// Hidden-layer activation.
    enum class Activation
    {
        RELU,   ///< max(0, a)
        TANH,   ///< tanh(a)
        SIGMOID ///< 1 / (1 + exp(-a))
    };

    /**
     * \param numFeatures input features, >= 1
     * \param numHidden hidden units, >= 1
     * \param numClasses classes, >= 2
     * \param activation hidden-layer activation
     */
    MlpModel(uint32_t numFeatures,
             uint32_t numHidden,
             uint32_t numClasses,
             Activation activation = Activation::RELU);

    std::string Name() const override;
    std::unique_ptr<LearningModel> Clone() const override;
    void Initialise(RandomSource& rng) override;

    /// \return the number of hidden units
    uint32_t NumHidden() const
    {
        return m_numHidden;
    }

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

    uint32_t m_numHidden;    //!< hidden units
    Activation m_activation; //!< hidden-layer activation
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_MLP_MODEL_H
