// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LEARNING_MODEL_H
#define CODED_LEARNING_LEARNING_MODEL_H

#include "dataset.h"
#include "learning-types.h"
#include "random-source.h"

#include <memory>
#include <string>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * A classifier with a flat parameter vector, so that gradients from different data
 * partitions (and linear codes of them) can be added.
 *
 * LossAndGradient() returns the loss and gradient SUMMED (not averaged) over an arbitrary
 * set of rows: the sum over the partitions of a data set is then exactly the full-batch sum
 * (up to rounding), which is what gradient coding needs. Averaging and regularisation belong
 * to the optimiser (SgdOptimizer). The loss is the cross-entropy of a softmax output.
 */
class LearningModel
{
  public:
    virtual ~LearningModel() = default;

    /// \return a short name ("softmax", "mlp")
    virtual std::string Name() const = 0;

    /// \return a copy of this model, parameters included
    virtual std::unique_ptr<LearningModel> Clone() const = 0;

    /**
     * Draw initial parameters.
     * \param rng the source of the draws (models that start from zeros draw nothing)
     */
    virtual void Initialise(RandomSource& rng) = 0;

    /// \return the number of parameters
    uint32_t NumParameters() const
    {
        return static_cast<uint32_t>(m_params.size());
    }

    /// \return the number of input features
    uint32_t NumFeatures() const
    {
        return m_numFeatures;
    }

    /// \return the number of classes
    uint32_t NumClasses() const
    {
        return m_numClasses;
    }

    /// \return the parameters
    const DenseVector& Parameters() const
    {
        return m_params;
    }

    /**
     * \param params new parameters; size NumParameters(), all finite
     */
    void SetParameters(const DenseVector& params);

    /// \param precision arithmetic for the per-sample work
    void SetPrecision(Precision precision)
    {
        m_precision = precision;
    }

    /// \return the arithmetic for the per-sample work
    Precision GetPrecision() const
    {
        return m_precision;
    }

    /**
     * \param data the data set; its shape must match the model
     * \param rows the samples to use
     * \param gradient receives the gradient of the summed loss (resized to NumParameters())
     * \return the summed cross-entropy loss over rows
     */
    double LossAndGradient(const Dataset& data, const RowSet& rows, DenseVector& gradient) const;

    /**
     * \param data the data set
     * \param rows the samples to use
     * \return the summed cross-entropy loss over rows
     */
    double Loss(const Dataset& data, const RowSet& rows) const;

    /**
     * \param data the data set
     * \param rows the samples to use
     * \return the number of rows whose most probable class is the label
     */
    uint64_t CountCorrect(const Dataset& data, const RowSet& rows) const;

    /**
     * \param data the data set
     * \return the fraction of all samples classified correctly
     */
    double Accuracy(const Dataset& data) const;

  protected:
    /**
     * \param numFeatures input features, >= 1
     * \param numClasses classes, >= 2
     * \param numParameters length of the parameter vector
     */
    LearningModel(uint32_t numFeatures, uint32_t numClasses, uint32_t numParameters);

    /**
     * The work on one contiguous block of rows (at most BLOCK_ROWS of them).
     * \param data the data set
     * \param rows the block
     * \param gradient if not null, the block's gradient is ADDED to it
     * \param correct if not null, the number of correct predictions is ADDED to it
     * \return the summed loss over the block
     */
    virtual double Block(const Dataset& data,
                         RowRange rows,
                         DenseVector* gradient,
                         uint64_t* correct) const = 0;

    /// Rows processed per Block() call, bounding temporary memory.
    static constexpr uint32_t BLOCK_ROWS = 4096;

    DenseVector m_params; //!< the flat parameter vector

  private:
    /// Runs Block() over every row of rows after checking shapes and bounds.
    /// \param data the data set \param rows the rows \param gradient if not null, gets the
    /// summed gradient \param correct if not null, gets the correct predictions
    /// \return the summed loss
    double Sweep(const Dataset& data,
                 const RowSet& rows,
                 DenseVector* gradient,
                 uint64_t* correct) const;

    uint32_t m_numFeatures;                    //!< input features
    uint32_t m_numClasses;                     //!< classes
    Precision m_precision{Precision::FLOAT32}; //!< per-sample arithmetic
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_LEARNING_MODEL_H
