// SPDX-License-Identifier: GPL-2.0-only
#include "data-partitioner.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

DataPartitioner::DataPartitioner(uint32_t numSamples, uint32_t numPartitions)
    : m_numSamples(numSamples),
      m_numPartitions(numPartitions)
{
    if (numPartitions < 1)
    {
        throw std::invalid_argument("DataPartitioner: numPartitions = 0, must be >= 1");
    }
    if (numSamples < numPartitions)
    {
        throw std::invalid_argument("DataPartitioner: " + std::to_string(numSamples) +
                                    " samples cannot fill " + std::to_string(numPartitions) +
                                    " partitions; need at least one sample per partition");
    }
}

RowRange
DataPartitioner::Partition(uint32_t k) const
{
    if (k >= m_numPartitions)
    {
        throw std::out_of_range("DataPartitioner::Partition: k = " + std::to_string(k) +
                                ", must be < " + std::to_string(m_numPartitions));
    }
    const uint32_t base = m_numSamples / m_numPartitions;
    const uint32_t extra = m_numSamples % m_numPartitions;
    const uint32_t begin = k * base + std::min(k, extra);
    const uint32_t size = base + (k < extra ? 1 : 0);
    return RowRange{begin, begin + size};
}

RowSet
DataPartitioner::Union(const std::vector<uint32_t>& partitions) const
{
    std::vector<bool> seen(m_numPartitions, false);
    RowSet rows;
    rows.reserve(partitions.size());
    for (uint32_t k : partitions)
    {
        const RowRange r = Partition(k);
        if (seen[k])
        {
            throw std::invalid_argument("DataPartitioner::Union: partition " + std::to_string(k) +
                                        " is named twice");
        }
        seen[k] = true;
        if (!rows.empty() && rows.back().end == r.begin)
        {
            rows.back().end = r.end; // merge adjacent partitions
        }
        else
        {
            rows.push_back(r);
        }
    }
    return rows;
}

RowSet
DataPartitioner::Split(const RowSet& rows, uint32_t m, uint32_t j)
{
    const uint64_t total = RowCount(rows);
    if (m < 1 || m > total)
    {
        throw std::invalid_argument("DataPartitioner::Split: m = " + std::to_string(m) +
                                    ", must be in [1, " + std::to_string(total) + "]");
    }
    if (j >= m)
    {
        throw std::out_of_range("DataPartitioner::Split: j = " + std::to_string(j) +
                                ", must be < m = " + std::to_string(m));
    }
    const uint64_t base = total / m;
    const uint64_t extra = total % m;
    uint64_t first = j * base + std::min<uint64_t>(j, extra); // offset within the row set
    uint64_t want = base + (j < extra ? 1 : 0);
    RowSet piece;
    for (const auto& r : rows)
    {
        if (want == 0)
        {
            break;
        }
        if (first >= r.Size())
        {
            first -= r.Size();
            continue;
        }
        const auto begin = static_cast<uint32_t>(r.begin + first);
        const auto take = static_cast<uint32_t>(std::min<uint64_t>(want, r.end - begin));
        piece.push_back(RowRange{begin, begin + take});
        want -= take;
        first = 0;
    }
    return piece;
}

} // namespace coded
} // namespace ns3
