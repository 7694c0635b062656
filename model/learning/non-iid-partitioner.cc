// SPDX-License-Identifier: GPL-2.0-only
#include "non-iid-partitioner.h"

#include "data-partitioner.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace coded
{

namespace
{

/// The kinds and their names, in the order of KindNames().
const std::pair<NonIidPartitioner::Kind, const char*> KINDS[] = {
    {NonIidPartitioner::Kind::IID, "iid"},
    {NonIidPartitioner::Kind::SORTED, "sorted"},
    {NonIidPartitioner::Kind::LABEL_SKEW, "label-skew"},
    {NonIidPartitioner::Kind::DIRICHLET, "dirichlet"},
};

/// \param n N \param k K \return the partition sizes of DataPartitioner(N, K)
std::vector<uint32_t>
Sizes(uint32_t n, uint32_t k)
{
    const DataPartitioner p(n, k);
    std::vector<uint32_t> sizes(k);
    for (uint32_t j = 0; j < k; ++j)
    {
        sizes[j] = p.Partition(j).Size();
    }
    return sizes;
}

} // namespace

NonIidPartitioner::Kind
NonIidPartitioner::ParseKind(const std::string& name)
{
    for (const auto& [kind, text] : KINDS)
    {
        if (name == text)
        {
            return kind;
        }
    }
    std::string allowed;
    for (const auto& n : KindNames())
    {
        allowed += (allowed.empty() ? "" : ", ") + n;
    }
    throw std::invalid_argument("partitioning '" + name + "' is unknown (allowed: " + allowed +
                                ")");
}

std::string
NonIidPartitioner::KindName(Kind kind)
{
    for (const auto& [k, text] : KINDS)
    {
        if (k == kind)
        {
            return text;
        }
    }
    return "?";
}

std::vector<std::string>
NonIidPartitioner::KindNames()
{
    std::vector<std::string> names;
    for (const auto& entry : KINDS)
    {
        names.emplace_back(entry.second);
    }
    return names;
}

NonIidPartitioner::NonIidPartitioner(const Config& config, uint32_t numPartitions)
    : m_config(config),
      m_numPartitions(numPartitions)
{
    if (numPartitions < 1)
    {
        throw std::invalid_argument("NonIidPartitioner: numPartitions = 0, must be >= 1");
    }
    if (config.kind == Kind::LABEL_SKEW && config.classesPerPartition < 1)
    {
        throw std::invalid_argument(
            "NonIidPartitioner: classesPerPartition = 0, must be >= 1 (label-skew)");
    }
    if (config.kind == Kind::DIRICHLET && !(std::isfinite(config.alpha) && config.alpha > 0.0))
    {
        std::ostringstream os;
        os << "NonIidPartitioner: alpha = " << config.alpha << ", must be in (0, inf) (dirichlet)";
        throw std::invalid_argument(os.str());
    }
    if (config.fittingIterations < 1)
    {
        throw std::invalid_argument("NonIidPartitioner: fittingIterations = 0, must be >= 1");
    }
}

std::vector<std::vector<uint32_t>>
NonIidPartitioner::Histograms(const std::vector<uint32_t>& labels,
                              uint32_t numClasses,
                              uint32_t numPartitions)
{
    const DataPartitioner p(static_cast<uint32_t>(labels.size()), numPartitions);
    std::vector<std::vector<uint32_t>> counts(numPartitions, std::vector<uint32_t>(numClasses, 0));
    for (uint32_t j = 0; j < numPartitions; ++j)
    {
        const RowRange r = p.Partition(j);
        for (uint32_t i = r.begin; i < r.end; ++i)
        {
            if (labels[i] >= numClasses)
            {
                throw std::invalid_argument(
                    "NonIidPartitioner: label " + std::to_string(labels[i]) + " of row " +
                    std::to_string(i) + " is not < " + std::to_string(numClasses) + " classes");
            }
            ++counts[j][labels[i]];
        }
    }
    return counts;
}

double
NonIidPartitioner::Gamma(double shape, RandomSource& rng)
{
    if (!(std::isfinite(shape) && shape > 0.0))
    {
        throw std::invalid_argument("NonIidPartitioner::Gamma: shape must be in (0, inf)");
    }
    if (shape < 1.0)
    {
        // Gamma(k) = Gamma(k + 1) U^(1/k) (Marsaglia and Tsang 2000, section 6).
        double u = rng.Uniform();
        while (u <= 0.0)
        {
            u = rng.Uniform();
        }
        return Gamma(shape + 1.0, rng) * std::pow(u, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    while (true)
    {
        double x = 0.0;
        double v = 0.0;
        do
        {
            x = rng.Normal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = rng.Uniform();
        if (u < 1.0 - 0.0331 * x * x * x * x)
        {
            return d * v;
        }
        if (u > 0.0 && std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
        {
            return d * v;
        }
    }
}

std::vector<double>
NonIidPartitioner::Dirichlet(double alpha, uint32_t dim, RandomSource& rng)
{
    if (dim < 1)
    {
        throw std::invalid_argument("NonIidPartitioner::Dirichlet: dim = 0, must be >= 1");
    }
    std::vector<double> p(dim);
    double sum = 0.0;
    for (auto& x : p)
    {
        x = Gamma(alpha, rng);
        sum += x;
    }
    if (!(sum > 0.0))
    {
        // Every draw underflowed (tiny alpha): all mass on one uniformly chosen component.
        std::fill(p.begin(), p.end(), 0.0);
        p[rng.UniformInt(dim)] = 1.0;
        return p;
    }
    for (auto& x : p)
    {
        x /= sum;
    }
    return p;
}

std::vector<std::vector<uint32_t>>
NonIidPartitioner::Pools(const std::vector<uint32_t>& labels, uint32_t numClasses)
{
    std::vector<std::vector<uint32_t>> pools(numClasses);
    for (uint32_t i = 0; i < labels.size(); ++i)
    {
        if (labels[i] >= numClasses)
        {
            throw std::invalid_argument("NonIidPartitioner: label " + std::to_string(labels[i]) +
                                        " of row " + std::to_string(i) + " is not < " +
                                        std::to_string(numClasses) + " classes");
        }
        pools[labels[i]].push_back(i);
    }
    return pools;
}

void
NonIidPartitioner::LabelSkewCounts(Plan& plan,
                                   const std::vector<uint32_t>& labels,
                                   uint32_t c,
                                   RandomSource& rng) const
{
    const uint32_t k = m_config.classesPerPartition;
    if (k > c)
    {
        throw std::invalid_argument(
            "NonIidPartitioner: classesPerPartition = " + std::to_string(k) + " exceeds the " +
            std::to_string(c) + " classes (label-skew)");
    }
    const std::vector<uint32_t> sizes =
        Sizes(static_cast<uint32_t>(labels.size()), m_numPartitions);
    std::vector<uint32_t> left(c, 0);
    for (uint32_t l : labels)
    {
        ++left[l];
    }
    const std::vector<uint32_t> relabel = rng.Permutation(c);
    std::vector<std::vector<uint32_t>> classes(m_numPartitions);
    std::vector<uint32_t> shortfall(m_numPartitions, 0);
    for (uint32_t j = 0; j < m_numPartitions; ++j)
    {
        for (uint32_t t = 0; t < k; ++t)
        {
            const uint32_t cls = relabel[(static_cast<uint64_t>(j) * k + t) % c];
            classes[j].push_back(cls);
            const uint32_t quota = sizes[j] / k + (t < sizes[j] % k ? 1 : 0);
            const uint32_t take = std::min(quota, left[cls]);
            plan.counts[j][cls] += take;
            left[cls] -= take;
            shortfall[j] += quota - take;
        }
    }
    // Partitions short of samples of their classes: first their other classes, then the
    // classes with most samples left.
    for (uint32_t j = 0; j < m_numPartitions; ++j)
    {
        for (uint32_t cls : classes[j])
        {
            const uint32_t take = std::min(shortfall[j], left[cls]);
            plan.counts[j][cls] += take;
            left[cls] -= take;
            shortfall[j] -= take;
        }
        while (shortfall[j] > 0)
        {
            const auto most =
                static_cast<uint32_t>(std::max_element(left.begin(), left.end()) - left.begin());
            const uint32_t take = std::min(shortfall[j], left[most]);
            if (take == 0)
            {
                throw std::logic_error("NonIidPartitioner: quotas exceed the samples");
            }
            plan.counts[j][most] += take;
            left[most] -= take;
            shortfall[j] -= take;
            plan.spilled += take;
        }
    }
}

void
NonIidPartitioner::DirichletCounts(Plan& plan,
                                   const std::vector<uint32_t>& labels,
                                   uint32_t c,
                                   RandomSource& rng) const
{
    const uint32_t k = m_numPartitions;
    const std::vector<uint32_t> sizes = Sizes(static_cast<uint32_t>(labels.size()), k);
    std::vector<double> classTotal(c, 0.0);
    for (uint32_t l : labels)
    {
        classTotal[l] += 1.0;
    }
    // x_jc = m_j p_jc, fitted to both margins by iterative proportional fitting. A tiny floor
    // keeps every cell positive so that every class with samples can be matched.
    std::vector<std::vector<double>> x(k, std::vector<double>(c, 0.0));
    for (uint32_t j = 0; j < k; ++j)
    {
        plan.proportions.push_back(Dirichlet(m_config.alpha, c, rng));
        for (uint32_t l = 0; l < c; ++l)
        {
            x[j][l] = sizes[j] * std::max(plan.proportions[j][l], 1e-12);
        }
    }
    for (uint32_t it = 0; it < m_config.fittingIterations; ++it)
    {
        double worst = 0.0;
        for (uint32_t l = 0; l < c; ++l)
        {
            double col = 0.0;
            for (uint32_t j = 0; j < k; ++j)
            {
                col += x[j][l];
            }
            for (uint32_t j = 0; j < k; ++j)
            {
                x[j][l] = col > 0.0 ? x[j][l] * classTotal[l] / col : 0.0;
            }
        }
        for (uint32_t j = 0; j < k; ++j)
        {
            const double row = std::accumulate(x[j].begin(), x[j].end(), 0.0);
            worst = std::max(worst, std::abs(row - sizes[j]) / std::max(1.0, double(sizes[j])));
            for (uint32_t l = 0; l < c; ++l)
            {
                x[j][l] *= sizes[j] / row;
            }
        }
        if (worst < 1e-12)
        {
            break;
        }
    }
    // Integers with both margins exact: row by row, floors then the largest remainders,
    // within what each class has left; the last row takes what is left.
    std::vector<uint32_t> left(c);
    for (uint32_t l = 0; l < c; ++l)
    {
        left[l] = static_cast<uint32_t>(classTotal[l]);
    }
    for (uint32_t j = 0; j + 1 < k; ++j)
    {
        uint32_t need = sizes[j];
        std::vector<std::pair<double, uint32_t>> remainders;
        for (uint32_t l = 0; l < c; ++l)
        {
            const auto base =
                std::min(left[l], static_cast<uint32_t>(std::min(std::floor(x[j][l]), 4e9)));
            const uint32_t take = std::min(base, need);
            plan.counts[j][l] = take;
            need -= take;
            remainders.emplace_back(-(x[j][l] - std::floor(x[j][l])), l);
        }
        std::sort(remainders.begin(), remainders.end());
        while (need > 0)
        {
            bool placed = false;
            for (const auto& [negFraction, l] : remainders)
            {
                if (need > 0 && plan.counts[j][l] < left[l])
                {
                    ++plan.counts[j][l];
                    --need;
                    placed = true;
                }
            }
            if (!placed)
            {
                throw std::logic_error("NonIidPartitioner: rounding found no class with samples");
            }
        }
        for (uint32_t l = 0; l < c; ++l)
        {
            left[l] -= plan.counts[j][l];
        }
    }
    plan.counts[k - 1] = left;
}

NonIidPartitioner::Plan
NonIidPartitioner::Make(const std::vector<uint32_t>& labels,
                        uint32_t numClasses,
                        RandomSource& rng) const
{
    const auto n = static_cast<uint32_t>(labels.size());
    if (n < m_numPartitions)
    {
        throw std::invalid_argument("NonIidPartitioner: " + std::to_string(n) +
                                    " samples cannot fill " + std::to_string(m_numPartitions) +
                                    " partitions");
    }
    std::vector<std::vector<uint32_t>> pools = Pools(labels, numClasses);
    Plan plan;
    plan.counts.assign(m_numPartitions, std::vector<uint32_t>(numClasses, 0));
    switch (m_config.kind)
    {
    case Kind::IID:
        plan.order.resize(n);
        std::iota(plan.order.begin(), plan.order.end(), 0u);
        plan.counts = Histograms(labels, numClasses, m_numPartitions);
        return plan;
    case Kind::SORTED:
        for (const auto& pool : pools)
        {
            plan.order.insert(plan.order.end(), pool.begin(), pool.end());
        }
        {
            std::vector<uint32_t> sorted(n);
            for (uint32_t i = 0; i < n; ++i)
            {
                sorted[i] = labels[plan.order[i]];
            }
            plan.counts = Histograms(sorted, numClasses, m_numPartitions);
        }
        return plan;
    case Kind::LABEL_SKEW:
        LabelSkewCounts(plan, labels, numClasses, rng);
        break;
    case Kind::DIRICHLET:
        DirichletCounts(plan, labels, numClasses, rng);
        break;
    }
    // Partition j takes counts[j][c] rows of class c from the front of the class's pool; its
    // rows keep their input order.
    std::vector<uint32_t> next(numClasses, 0);
    plan.order.reserve(n);
    for (uint32_t j = 0; j < m_numPartitions; ++j)
    {
        std::vector<uint32_t> rows;
        for (uint32_t l = 0; l < numClasses; ++l)
        {
            const uint32_t take = plan.counts[j][l];
            if (next[l] + take > pools[l].size())
            {
                throw std::logic_error("NonIidPartitioner: partition " + std::to_string(j) +
                                       " asks more samples of class " + std::to_string(l) +
                                       " than there are");
            }
            rows.insert(rows.end(), pools[l].begin() + next[l], pools[l].begin() + next[l] + take);
            next[l] += take;
        }
        std::sort(rows.begin(), rows.end());
        plan.order.insert(plan.order.end(), rows.begin(), rows.end());
    }
    return plan;
}

} // namespace coded
} // namespace ns3
