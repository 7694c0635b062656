// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_GRADIENT_CACHE_H
#define CODED_LEARNING_GRADIENT_CACHE_H

#include "dataset.h"
#include "learning-model.h"
#include "learning-types.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \brief Memoises LearningModel::LossAndGradient() over the simulated workers of one run.
 *
 * In a simulation every worker of an iteration holds the same model (the server's MODEL
 * message decodes to the same bytes everywhere), and a gradient code gives the same block to
 * several workers (s + 1 of them for the repetition codes). The block's gradient is then the
 * same computation, with the same result, on every one of them. The cache computes it once:
 * a call with parameters bit-identical to the cached ones (and the same data set, precision
 * and rows) returns a copy of the stored loss and gradient, which is exactly what the model
 * would have returned, since LossAndGradient() is deterministic. Any other parameters clear
 * the cache, so it holds the blocks of one model at a time.
 */
class GradientCache
{
  public:
    GradientCache() = default;

    /**
     * \param model the model (its parameters and precision are part of the key)
     * \param data the data set
     * \param rows the samples
     * \param gradient receives the summed gradient over rows
     * \return the summed loss over rows
     */
    double LossAndGradient(const LearningModel& model,
                           const Dataset& data,
                           const RowSet& rows,
                           DenseVector& gradient);

    /// Forgets every stored gradient.
    void Clear();

    /// \return calls answered from the cache
    uint64_t GetHits() const
    {
        return m_hits;
    }

    /// \return calls that ran the model
    uint64_t GetMisses() const
    {
        return m_misses;
    }

    /// \return the number of gradients stored now
    std::size_t Size() const
    {
        return m_entries.size();
    }

  private:
    /// A stored result.
    struct Entry
    {
        double loss{0};       //!< summed loss
        DenseVector gradient; //!< summed gradient
    };

    /// The rows as a comparable key.
    using Key = std::vector<std::pair<uint32_t, uint32_t>>;

    const Dataset* m_data{nullptr};            //!< data set of the stored entries
    Precision m_precision{Precision::FLOAT32}; //!< model precision of the stored entries
    DenseVector m_params;                      //!< parameters of the stored entries
    std::map<Key, Entry> m_entries;            //!< results by rows
    uint64_t m_hits{0};                        //!< calls answered from the cache
    uint64_t m_misses{0};                      //!< calls that ran the model
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_GRADIENT_CACHE_H
