// SPDX-License-Identifier: GPL-2.0-only
#include "learning-setup.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"

#include <stdexcept>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(LearningSetup);

TypeId
LearningSetup::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LearningSetup")
                            .SetParent<Object>()
                            .SetGroupName("CodedLearning")
                            .AddConstructor<LearningSetup>()
                            .AddAttribute("ShareGradients",
                                          "Compute a block's gradient once per model and hand "
                                          "the same (bit-identical) result to every worker "
                                          "that is given that block, instead of recomputing "
                                          "it on each (simulation speed only; results are "
                                          "unchanged).",
                                          BooleanValue(true),
                                          MakeBooleanAccessor(&LearningSetup::m_shareGradients),
                                          MakeBooleanChecker());
    return tid;
}

void
LearningSetup::Set(std::shared_ptr<const coded::Dataset> train,
                   std::shared_ptr<const coded::Dataset> test,
                   std::unique_ptr<coded::LearningModel> prototype)
{
    if (!train || !test || !prototype)
    {
        throw std::invalid_argument("LearningSetup::Set: training set, test set and model are "
                                    "all required");
    }
    if (train->NumSamples() == 0 || test->NumSamples() == 0)
    {
        throw std::invalid_argument("LearningSetup::Set: empty training or test set");
    }
    if (train->NumFeatures() != prototype->NumFeatures() ||
        test->NumFeatures() != prototype->NumFeatures() ||
        train->NumClasses() != prototype->NumClasses() ||
        test->NumClasses() != prototype->NumClasses())
    {
        throw std::invalid_argument(
            "LearningSetup::Set: the model expects " + std::to_string(prototype->NumFeatures()) +
            " features and " + std::to_string(prototype->NumClasses()) +
            " classes; the training set has " + std::to_string(train->NumFeatures()) + " and " +
            std::to_string(train->NumClasses()) + ", the test set " +
            std::to_string(test->NumFeatures()) + " and " + std::to_string(test->NumClasses()));
    }
    m_train = std::move(train);
    m_test = std::move(test);
    m_prototype = std::move(prototype);
}

void
LearningSetup::SetPlacement(std::shared_ptr<const coded::DataPlacement> placement)
{
    if (placement && m_train && placement->NumSamples() != m_train->NumSamples())
    {
        throw std::invalid_argument("LearningSetup::SetPlacement: a placement of " +
                                    std::to_string(placement->NumSamples()) + " rows for " +
                                    std::to_string(m_train->NumSamples()) + " training samples");
    }
    m_placement = std::move(placement);
}

const coded::Dataset&
LearningSetup::Train() const
{
    NS_ABORT_MSG_IF(!m_train, "LearningSetup used before Set()");
    return *m_train;
}

const coded::Dataset&
LearningSetup::Test() const
{
    NS_ABORT_MSG_IF(!m_test, "LearningSetup used before Set()");
    return *m_test;
}

std::unique_ptr<coded::LearningModel>
LearningSetup::NewModel() const
{
    NS_ABORT_MSG_IF(!m_prototype, "LearningSetup used before Set()");
    return m_prototype->Clone();
}

double
LearningSetup::LossAndGradient(const coded::LearningModel& model,
                               const coded::RowSet& rows,
                               coded::DenseVector& gradient)
{
    if (m_shareGradients)
    {
        return m_cache.LossAndGradient(model, Train(), rows, gradient);
    }
    return model.LossAndGradient(Train(), rows, gradient);
}

} // namespace ns3
