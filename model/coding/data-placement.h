// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_DATA_PLACEMENT_H
#define CODED_LEARNING_DATA_PLACEMENT_H

#include "ns3/learning-types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Which training samples each worker stores, fixed before training (the data placement of a
 * gradient code). A task may only use rows its worker stores; a scheme that needs other rows
 * either does not assign them or sends their raw samples with the task (CodingTask::transfer,
 * the raw-sample transfer switch).
 *
 * The rows of each worker are kept in normal form (NormalizeRows). The storage redundancy is
 * the number of stored samples summed over the workers divided by N: 1 when every sample is
 * stored once, n when every worker stores everything.
 */
class DataPlacement
{
  public:
    /**
     * An empty placement (nobody stores anything yet).
     * \param numWorkers n >= 1
     * \param numSamples N >= 1
     */
    DataPlacement(uint32_t numWorkers, uint32_t numSamples);

    /**
     * \param numWorkers n >= 1
     * \param numSamples N >= 1
     * \return the placement in which every worker stores every sample
     */
    static DataPlacement Everywhere(uint32_t numWorkers, uint32_t numSamples);

    /// \return n
    uint32_t NumWorkers() const
    {
        return static_cast<uint32_t>(m_rows.size());
    }

    /// \return N
    uint32_t NumSamples() const
    {
        return m_numSamples;
    }

    /**
     * Adds rows to what a worker stores.
     * \param worker the worker (< n)
     * \param rows rows within [0, N)
     */
    void Store(uint32_t worker, const RowSet& rows);

    /**
     * \param worker the worker (< n)
     * \return the rows it stores, in normal form
     */
    const RowSet& Stored(uint32_t worker) const;

    /**
     * \param worker the worker (< n)
     * \param rows a row set
     * \return whether the worker stores every row of it
     */
    bool Stores(uint32_t worker, const RowSet& rows) const;

    /**
     * \param worker the worker (< n)
     * \param rows a row set
     * \return the rows of it that the worker does not store (normal form, empty if none)
     */
    RowSet Missing(uint32_t worker, const RowSet& rows) const;

    /**
     * \param rows a row set
     * \return the workers that store all of it, ascending
     */
    std::vector<uint32_t> Holders(const RowSet& rows) const;

    /**
     * \param worker the worker (< n)
     * \return the number of samples it stores
     */
    uint64_t StoredSamples(uint32_t worker) const;

    /// \return the stored samples summed over the workers, divided by N
    double StorageRedundancy() const;

    /// \return whether every sample is stored by at least one worker
    bool CoversAllSamples() const;

  private:
    /// Throws std::out_of_range for a bad worker. \param what the caller \param worker it
    void CheckWorker(const char* what, uint32_t worker) const;

    uint32_t m_numSamples;      //!< N
    std::vector<RowSet> m_rows; //!< stored rows per worker (normal form)
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_DATA_PLACEMENT_H
