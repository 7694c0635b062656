// SPDX-License-Identifier: GPL-2.0-only
#include "gradient-decoder.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

DenseVector
DecodeResult::Combine(const std::vector<DenseVector>& results) const
{
    if (tasks.size() != coefficients.size())
    {
        throw std::logic_error("DecodeResult::Combine: " + std::to_string(tasks.size()) +
                               " tasks but " + std::to_string(coefficients.size()) +
                               " coefficients");
    }
    if (tasks.empty())
    {
        throw std::logic_error("DecodeResult::Combine: the result names no task");
    }
    DenseVector g;
    for (size_t j = 0; j < tasks.size(); ++j)
    {
        if (tasks[j] >= results.size() || results[tasks[j]].size() == 0)
        {
            throw std::invalid_argument("DecodeResult::Combine: no result for task " +
                                        std::to_string(tasks[j]));
        }
        const DenseVector& f = results[tasks[j]];
        if (j == 0)
        {
            g = coefficients[0] * f;
            continue;
        }
        if (f.size() != g.size())
        {
            throw std::invalid_argument(
                "DecodeResult::Combine: result of task " + std::to_string(tasks[j]) + " has size " +
                std::to_string(f.size()) + ", expected " + std::to_string(g.size()));
        }
        g.noalias() += coefficients[j] * f;
    }
    return g;
}

} // namespace coded
} // namespace ns3
