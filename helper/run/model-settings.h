// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_MODEL_SETTINGS_H
#define CODED_LEARNING_MODEL_SETTINGS_H

#include <cstdint>
#include <string>

namespace ns3
{

class CommandLine;

/**
 * \ingroup coded-learning
 * \brief The model of a run (LearningModelFactory::Names()) and its arithmetic. Shared by
 * coded-learning-sim (CodedLearningRunSettings::model) and centralised-training.
 */
struct ModelSettings
{
    /// "softmax" (multinomial logistic regression) or "mlp" (one hidden layer) (--model).
    std::string model{"softmax"};
    /// Hidden units of mlp, >= 1 (--hidden).
    uint32_t hidden{64};
    /// Hidden activation of mlp: "relu", "tanh" or "sigmoid" (--activation).
    std::string activation{"relu"};
    /// Per-sample arithmetic inside the model: "float" or "double" (--precision).
    std::string precision{"float"};

    /**
     * Declares --model and --hidden, bound to this object's fields (which must outlive the
     * parse). \param cmd the program's command line
     */
    void AddFlags(CommandLine& cmd);

    /**
     * Declares --activation and --precision (centralised-training). \param cmd the program's
     * command line
     */
    void AddArithmeticFlags(CommandLine& cmd);

    /**
     * Checks the names. (The programs check --hidden themselves, each with its message; the
     * MLP rejects 0 hidden units.) \throws std::invalid_argument naming the flag, the value
     * and the allowed names
     */
    void Validate() const;
};

} // namespace ns3

#endif // CODED_LEARNING_MODEL_SETTINGS_H
