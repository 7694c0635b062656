// SPDX-License-Identifier: GPL-2.0-only
#include "gradient-cache.h"

#include <cstring>

namespace ns3
{
namespace coded
{

double
GradientCache::LossAndGradient(const LearningModel& model,
                               const Dataset& data,
                               const RowSet& rows,
                               DenseVector& gradient)
{
    const DenseVector& params = model.Parameters();
    const bool same = m_data == &data && m_precision == model.GetPrecision() &&
                      m_params.size() == params.size() &&
                      std::memcmp(m_params.data(),
                                  params.data(),
                                  sizeof(double) * static_cast<std::size_t>(params.size())) == 0;
    if (!same)
    {
        m_entries.clear();
        m_data = &data;
        m_precision = model.GetPrecision();
        m_params = params;
    }
    Key key;
    key.reserve(rows.size());
    for (const RowRange& r : rows)
    {
        key.emplace_back(r.begin, r.end);
    }
    auto it = m_entries.find(key);
    if (it != m_entries.end())
    {
        ++m_hits;
        gradient = it->second.gradient;
        return it->second.loss;
    }
    ++m_misses;
    Entry e;
    e.loss = model.LossAndGradient(data, rows, e.gradient);
    gradient = e.gradient;
    const double loss = e.loss;
    m_entries.emplace(std::move(key), std::move(e));
    return loss;
}

void
GradientCache::Clear()
{
    m_entries.clear();
    m_params.resize(0);
    m_data = nullptr;
}

} // namespace coded
} // namespace ns3
