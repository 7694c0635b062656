// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_SYNTHETIC_DATA_GENERATOR_H
#define CODED_LEARNING_SYNTHETIC_DATA_GENERATOR_H

#include "dataset.h"
#include "random-source.h"

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Gaussian-class data for fast tests: class c has mean mu_c with entries N(0, separation^2),
 * a sample of class c is mu_c + N(0, I). Labels are uniform over the classes. The means are
 * drawn once at construction, so training and test sets drawn from the same generator share
 * them. Every draw comes from the injected RandomSource.
 */
class SyntheticDataGenerator
{
  public:
    /**
     * \param numFeatures features per sample, >= 1
     * \param numClasses classes, >= 2
     * \param separation standard deviation of the class-mean entries, > 0 (larger = easier)
     * \param rng the source of the class means
     */
    SyntheticDataGenerator(uint32_t numFeatures,
                           uint32_t numClasses,
                           double separation,
                           RandomSource& rng);

    /**
     * \param numSamples samples to draw, >= 1
     * \param rng the source of labels and noise
     * \return a data set
     */
    Dataset Generate(uint32_t numSamples, RandomSource& rng) const;

  private:
    Eigen::MatrixXd m_means; //!< one class mean per row
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_SYNTHETIC_DATA_GENERATOR_H
