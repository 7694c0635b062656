// SPDX-License-Identifier: GPL-2.0-only
#include "dataset-loader.h"

#include "command-line-checks.h"

#include "ns3/synthetic-data-generator.h"

namespace ns3
{

std::vector<std::string>
DatasetLoader::Names()
{
    return {"fashion-mnist", "synthetic"};
}

DatasetLoader::Sets
DatasetLoader::Load(const DataSettings& settings, coded::RandomSource& rng)
{
    CommandLineChecks::RequireOneOf("dataset", settings.dataset, Names());
    Sets sets;
    if (settings.dataset == "fashion-mnist")
    {
        sets.train = std::make_shared<coded::Dataset>(
            coded::Dataset::LoadFashionMnist(settings.dataDir,
                                             coded::Dataset::Split::TRAIN,
                                             settings.trainLimit));
        sets.test = std::make_shared<coded::Dataset>(
            coded::Dataset::LoadFashionMnist(settings.dataDir,
                                             coded::Dataset::Split::TEST,
                                             settings.testLimit));
    }
    else
    {
        coded::SyntheticDataGenerator gen(settings.syntheticFeatures,
                                          settings.syntheticClasses,
                                          settings.syntheticSeparation,
                                          rng);
        sets.train = std::make_shared<coded::Dataset>(gen.Generate(
            settings.trainLimit > 0 ? settings.trainLimit : settings.syntheticTrainSamples,
            rng));
        sets.test = std::make_shared<coded::Dataset>(gen.Generate(
            settings.testLimit > 0 ? settings.testLimit : settings.syntheticTestSamples,
            rng));
    }
    return sets;
}

} // namespace ns3
