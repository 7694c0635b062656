// SPDX-License-Identifier: GPL-2.0-only
#include "learning-model-factory.h"

#include "command-line-checks.h"

#include "ns3/mlp-model.h"
#include "ns3/softmax-regression-model.h"

namespace ns3
{

std::vector<std::string>
LearningModelFactory::Names()
{
    return {"softmax", "mlp"};
}

std::vector<std::string>
LearningModelFactory::ActivationNames()
{
    return {"relu", "tanh", "sigmoid"};
}

std::unique_ptr<coded::LearningModel>
LearningModelFactory::Create(const ModelSettings& settings,
                             uint32_t numFeatures,
                             uint32_t numClasses,
                             coded::RandomSource& rng)
{
    settings.Validate();
    std::unique_ptr<coded::LearningModel> model;
    if (settings.model == "softmax")
    {
        model = std::make_unique<coded::SoftmaxRegressionModel>(numFeatures, numClasses);
    }
    else
    {
        const auto activation = settings.activation == "relu" ? coded::MlpModel::Activation::RELU
                                : settings.activation == "tanh"
                                    ? coded::MlpModel::Activation::TANH
                                    : coded::MlpModel::Activation::SIGMOID;
        model =
            std::make_unique<coded::MlpModel>(numFeatures, settings.hidden, numClasses, activation);
    }
    model->SetPrecision(settings.precision == "double" ? coded::Precision::FLOAT64
                                                       : coded::Precision::FLOAT32);
    model->Initialise(rng);
    return model;
}

} // namespace ns3
