// SPDX-License-Identifier: GPL-2.0-only
#include "data-settings.h"

#include "command-line-checks.h"
#include "dataset-loader.h"

#include "ns3/command-line.h"

namespace ns3
{

void
DataSettings::AddFlags(CommandLine& cmd)
{
    cmd.AddValue("dataset", "Data set: fashion-mnist or synthetic", dataset);
    cmd.AddValue("dataDir", "Folder with the Fashion-MNIST files", dataDir);
    cmd.AddValue("trainLimit", "Use only the first N training samples (0 = all)", trainLimit);
}

void
DataSettings::AddTestLimitFlag(CommandLine& cmd)
{
    cmd.AddValue("testLimit", "Use only the first N test samples (0 = all)", testLimit);
}

void
DataSettings::Validate() const
{
    CommandLineChecks::RequireOneOf("dataset", dataset, DatasetLoader::Names());
}

} // namespace ns3
