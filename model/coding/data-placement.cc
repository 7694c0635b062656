// SPDX-License-Identifier: GPL-2.0-only
#include "data-placement.h"

#include "ns3/row-set-algebra.h"

#include <stdexcept>

namespace ns3
{
namespace coded
{

DataPlacement::DataPlacement(uint32_t numWorkers, uint32_t numSamples)
    : m_numSamples(numSamples)
{
    if (numWorkers < 1)
    {
        throw std::invalid_argument("DataPlacement: numWorkers = 0, must be >= 1");
    }
    if (numSamples < 1)
    {
        throw std::invalid_argument("DataPlacement: numSamples = 0, must be >= 1");
    }
    m_rows.resize(numWorkers);
}

DataPlacement
DataPlacement::Everywhere(uint32_t numWorkers, uint32_t numSamples)
{
    DataPlacement p(numWorkers, numSamples);
    for (uint32_t w = 0; w < numWorkers; ++w)
    {
        p.Store(w, {RowRange{0, numSamples}});
    }
    return p;
}

void
DataPlacement::CheckWorker(const char* what, uint32_t worker) const
{
    if (worker >= m_rows.size())
    {
        throw std::out_of_range(std::string("DataPlacement::") + what +
                                ": worker = " + std::to_string(worker) +
                                ", must be < n = " + std::to_string(m_rows.size()));
    }
}

void
DataPlacement::Store(uint32_t worker, const RowSet& rows)
{
    CheckWorker("Store", worker);
    for (const RowRange& r : rows)
    {
        if (r.end > m_numSamples || r.begin > r.end)
        {
            throw std::invalid_argument(
                "DataPlacement::Store: rows [" + std::to_string(r.begin) + ", " +
                std::to_string(r.end) + ") of worker " + std::to_string(worker) +
                " are not within [0, N = " + std::to_string(m_numSamples) + ")");
        }
    }
    m_rows[worker] = UniteRows(m_rows[worker], rows);
}

const RowSet&
DataPlacement::Stored(uint32_t worker) const
{
    CheckWorker("Stored", worker);
    return m_rows[worker];
}

bool
DataPlacement::Stores(uint32_t worker, const RowSet& rows) const
{
    CheckWorker("Stores", worker);
    return ContainsRows(m_rows[worker], rows);
}

RowSet
DataPlacement::Missing(uint32_t worker, const RowSet& rows) const
{
    CheckWorker("Missing", worker);
    return SubtractRows(rows, m_rows[worker]);
}

std::vector<uint32_t>
DataPlacement::Holders(const RowSet& rows) const
{
    std::vector<uint32_t> holders;
    for (uint32_t w = 0; w < m_rows.size(); ++w)
    {
        if (ContainsRows(m_rows[w], rows))
        {
            holders.push_back(w);
        }
    }
    return holders;
}

uint64_t
DataPlacement::StoredSamples(uint32_t worker) const
{
    CheckWorker("StoredSamples", worker);
    return RowCount(m_rows[worker]);
}

double
DataPlacement::StorageRedundancy() const
{
    uint64_t total = 0;
    for (const RowSet& rows : m_rows)
    {
        total += RowCount(rows);
    }
    return static_cast<double>(total) / static_cast<double>(m_numSamples);
}

bool
DataPlacement::CoversAllSamples() const
{
    RowSet all;
    for (const RowSet& rows : m_rows)
    {
        all = UniteRows(all, rows);
    }
    return RowCount(all) == m_numSamples;
}

} // namespace coded
} // namespace ns3
