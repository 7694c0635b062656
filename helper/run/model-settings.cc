// SPDX-License-Identifier: GPL-2.0-only
#include "model-settings.h"

#include "command-line-checks.h"
#include "learning-model-factory.h"

#include "ns3/command-line.h"

namespace ns3
{

void
ModelSettings::AddFlags(CommandLine& cmd)
{
    cmd.AddValue("model", "Model: softmax or mlp", model);
    cmd.AddValue("hidden", "Hidden units of mlp (>= 1)", hidden);
}

void
ModelSettings::AddArithmeticFlags(CommandLine& cmd)
{
    cmd.AddValue("activation",
                 "Hidden activation of the mlp model: relu, tanh or sigmoid",
                 activation);
    cmd.AddValue("precision", "Per-sample arithmetic: float or double", precision);
}

void
ModelSettings::Validate() const
{
    CommandLineChecks::RequireOneOf("model", model, LearningModelFactory::Names());
    CommandLineChecks::RequireOneOf("activation",
                                    activation,
                                    LearningModelFactory::ActivationNames());
    CommandLineChecks::RequireOneOf("precision", precision, {"float", "double"});
}

} // namespace ns3
