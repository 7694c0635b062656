// SPDX-License-Identifier: GPL-2.0-only
#include "mini-batch.h"

#include "random-source.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

MiniBatch
MiniBatch::Sample(uint32_t numSamples, uint32_t batchSize, uint64_t seed)
{
    if (numSamples < 1)
    {
        throw std::invalid_argument("MiniBatch: numSamples = 0, must be >= 1");
    }
    if (batchSize < 1 || batchSize > numSamples)
    {
        throw std::invalid_argument("MiniBatch: batchSize = " + std::to_string(batchSize) +
                                    ", must be in [1, " + std::to_string(numSamples) +
                                    "] (the number of training samples)");
    }
    SeededRandomSource rng(seed);
    std::vector<uint32_t> index(numSamples);
    std::iota(index.begin(), index.end(), 0u);
    // Partial Fisher-Yates: position i gets a uniform pick among the rows not yet drawn.
    for (uint32_t i = 0; i < batchSize; ++i)
    {
        const uint32_t j = i + rng.UniformInt(numSamples - i);
        std::swap(index[i], index[j]);
    }
    MiniBatch batch;
    batch.m_full = false;
    batch.m_rows.assign(index.begin(), index.begin() + batchSize);
    std::sort(batch.m_rows.begin(), batch.m_rows.end());
    return batch;
}

RowSet
MiniBatch::Restrict(const RowSet& rows) const
{
    if (m_full)
    {
        return rows;
    }
    RowSet out;
    for (const RowRange& r : rows)
    {
        auto it = std::lower_bound(m_rows.begin(), m_rows.end(), r.begin);
        for (; it != m_rows.end() && *it < r.end; ++it)
        {
            if (!out.empty() && out.back().end == *it)
            {
                ++out.back().end;
            }
            else
            {
                out.push_back(RowRange{*it, *it + 1});
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const RowRange& a, const RowRange& b) {
        return a.begin < b.begin;
    });
    return out;
}

} // namespace coded
} // namespace ns3
