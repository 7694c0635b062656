// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LEARNING_SETUP_H
#define CODED_LEARNING_LEARNING_SETUP_H

#include "ns3/data-placement.h"
#include "ns3/dataset.h"
#include "ns3/gradient-cache.h"
#include "ns3/learning-model.h"
#include "ns3/object.h"

#include <memory>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The learning task shared by a parameter server and its workers in one simulation:
 * the training and test sets (held once in memory, read by every application) and the model
 * architecture. Each application clones its own model from the prototype.
 *
 * The training set is the one the gradient codes partition (K partitions of
 * DataPartitioner); shuffle it before handing it over if partitions are to be random.
 */
class LearningSetup : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LearningSetup() = default;

    /**
     * \param train the training set (not empty)
     * \param test the test set (same features and classes)
     * \param prototype the model; its shape must match the data
     */
    void Set(std::shared_ptr<const coded::Dataset> train,
             std::shared_ptr<const coded::Dataset> test,
             std::unique_ptr<coded::LearningModel> prototype);

    /// \return the training set
    const coded::Dataset& Train() const;

    /// \return the test set
    const coded::Dataset& Test() const;

    /// \return a fresh copy of the prototype model (with the prototype's parameters)
    std::unique_ptr<coded::LearningModel> NewModel() const;

    /**
     * The per-block gradient of a worker: model.LossAndGradient() on the training set, through
     * the shared GradientCache when the attribute ShareGradients is true (bit-identical
     * results; a block given to several workers with the same model is computed once).
     * \param model the worker's model
     * \param rows the samples
     * \param gradient receives the summed gradient
     * \return the summed loss
     */
    double LossAndGradient(const coded::LearningModel& model,
                           const coded::RowSet& rows,
                           coded::DenseVector& gradient);

    /// \return the shared cache (its hit and miss counts)
    const coded::GradientCache& GetGradientCache() const
    {
        return m_cache;
    }

    /// \return whether Set() was called
    bool IsReady() const
    {
        return m_prototype != nullptr;
    }

    /**
     * Which training rows each worker stores (set by the server when its gradient code is
     * made, before the first iteration). A worker refuses a task that needs rows it neither
     * stores nor receives with the task.
     * \param placement the placement (the training set's rows)
     */
    void SetPlacement(std::shared_ptr<const coded::DataPlacement> placement);

    /// \return the placement, or nullptr when none was set (every worker stores everything)
    std::shared_ptr<const coded::DataPlacement> GetPlacement() const
    {
        return m_placement;
    }

  private:
    std::shared_ptr<const coded::Dataset> m_train;           //!< training set
    std::shared_ptr<const coded::Dataset> m_test;            //!< test set
    std::unique_ptr<coded::LearningModel> m_prototype;       //!< model prototype
    bool m_shareGradients{true};                             //!< use m_cache
    coded::GradientCache m_cache;                            //!< gradients shared by the workers
    std::shared_ptr<const coded::DataPlacement> m_placement; //!< who stores which rows
};

} // namespace ns3

#endif // CODED_LEARNING_LEARNING_SETUP_H
