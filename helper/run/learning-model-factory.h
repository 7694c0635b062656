// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LEARNING_MODEL_FACTORY_H
#define CODED_LEARNING_LEARNING_MODEL_FACTORY_H

#include "model-settings.h"

#include "ns3/learning-model.h"
#include "ns3/random-source.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Makes the model a ModelSettings names, for a data set's shape: softmax regression or
 * the one-hidden-layer MLP, with the chosen arithmetic, initialised.
 */
class LearningModelFactory
{
  public:
    /// \return the model names Create() knows, in the order error messages list them
    static std::vector<std::string> Names();

    /// \return the MLP's activation names, in the order error messages list them
    static std::vector<std::string> ActivationNames();

    /**
     * \param settings the model, its hidden units, activation and arithmetic
     * \param numFeatures features per sample of the data
     * \param numClasses classes of the data
     * \param rng the source of the initial parameters (softmax starts at zero, draws nothing)
     * \return the model, initialised
     * \throws std::invalid_argument for an unknown name
     */
    static std::unique_ptr<coded::LearningModel> Create(const ModelSettings& settings,
                                                        uint32_t numFeatures,
                                                        uint32_t numClasses,
                                                        coded::RandomSource& rng);
};

} // namespace ns3

#endif // CODED_LEARNING_LEARNING_MODEL_FACTORY_H
