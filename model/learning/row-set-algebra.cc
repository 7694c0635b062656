// SPDX-License-Identifier: GPL-2.0-only
#include "row-set-algebra.h"

#include <algorithm>

namespace ns3
{
namespace coded
{

RowSet
NormalizeRows(RowSet rows)
{
    rows.erase(std::remove_if(rows.begin(),
                              rows.end(),
                              [](const RowRange& r) { return r.end <= r.begin; }),
               rows.end());
    std::sort(rows.begin(), rows.end(), [](const RowRange& a, const RowRange& b) {
        return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
    });
    RowSet out;
    out.reserve(rows.size());
    for (const RowRange& r : rows)
    {
        if (!out.empty() && r.begin <= out.back().end)
        {
            out.back().end = std::max(out.back().end, r.end);
        }
        else
        {
            out.push_back(r);
        }
    }
    return out;
}

RowSet
UniteRows(const RowSet& a, const RowSet& b)
{
    RowSet all = a;
    all.insert(all.end(), b.begin(), b.end());
    return NormalizeRows(std::move(all));
}

RowSet
IntersectRows(const RowSet& a, const RowSet& b)
{
    const RowSet x = NormalizeRows(a);
    const RowSet y = NormalizeRows(b);
    RowSet out;
    size_t i = 0;
    size_t j = 0;
    while (i < x.size() && j < y.size())
    {
        const uint32_t begin = std::max(x[i].begin, y[j].begin);
        const uint32_t end = std::min(x[i].end, y[j].end);
        if (begin < end)
        {
            out.push_back(RowRange{begin, end});
        }
        (x[i].end < y[j].end) ? ++i : ++j;
    }
    return out;
}

RowSet
SubtractRows(const RowSet& a, const RowSet& b)
{
    const RowSet x = NormalizeRows(a);
    const RowSet y = NormalizeRows(b);
    RowSet out;
    size_t j = 0;
    for (RowRange r : x)
    {
        while (j < y.size() && y[j].end <= r.begin)
        {
            ++j;
        }
        size_t k = j;
        while (k < y.size() && y[k].begin < r.end)
        {
            if (y[k].begin > r.begin)
            {
                out.push_back(RowRange{r.begin, y[k].begin});
            }
            r.begin = std::max(r.begin, y[k].end);
            ++k;
        }
        if (r.begin < r.end)
        {
            out.push_back(r);
        }
    }
    return out;
}

bool
ContainsRows(const RowSet& outer, const RowSet& inner)
{
    return SubtractRows(inner, outer).empty();
}

} // namespace coded
} // namespace ns3
