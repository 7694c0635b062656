// SPDX-License-Identifier: GPL-2.0-only
#include "load-balancer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

namespace
{

/// Dinic's maximum flow on a small graph with real capacities.
class MaxFlow
{
  public:
    /// \param nodes number of nodes
    explicit MaxFlow(size_t nodes)
        : m_adjacent(nodes),
          m_level(nodes),
          m_next(nodes)
    {
    }

    /// \return the index of the new edge from -> to (its reverse is index + 1)
    size_t AddEdge(size_t from, size_t to, double capacity)
    {
        m_edges.push_back(Edge{to, capacity});
        m_adjacent[from].push_back(m_edges.size() - 1);
        m_edges.push_back(Edge{from, 0.0});
        m_adjacent[to].push_back(m_edges.size() - 1);
        return m_edges.size() - 2;
    }

    /// \return the flow on edge e
    double Flow(size_t e) const
    {
        return m_edges[e + 1].capacity;
    }

    /// \return the maximum flow from s to t
    double Run(size_t s, size_t t)
    {
        double total = 0.0;
        while (Levels(s, t))
        {
            std::fill(m_next.begin(), m_next.end(), 0);
            for (double f = Push(s, t, std::numeric_limits<double>::infinity()); f > EPSILON;
                 f = Push(s, t, std::numeric_limits<double>::infinity()))
            {
                total += f;
            }
        }
        return total;
    }

  private:
    static constexpr double EPSILON = 1e-13; //!< capacities below this count as zero

    /// An edge with its residual capacity.
    struct Edge
    {
        size_t to;       //!< head
        double capacity; //!< residual capacity
    };

    bool Levels(size_t s, size_t t)
    {
        std::fill(m_level.begin(), m_level.end(), -1);
        std::vector<size_t> queue{s};
        m_level[s] = 0;
        for (size_t q = 0; q < queue.size(); ++q)
        {
            for (size_t e : m_adjacent[queue[q]])
            {
                if (m_edges[e].capacity > EPSILON && m_level[m_edges[e].to] < 0)
                {
                    m_level[m_edges[e].to] = m_level[queue[q]] + 1;
                    queue.push_back(m_edges[e].to);
                }
            }
        }
        return m_level[t] >= 0;
    }

    double Push(size_t v, size_t t, double limit)
    {
        if (v == t)
        {
            return limit;
        }
        for (; m_next[v] < m_adjacent[v].size(); ++m_next[v])
        {
            const size_t e = m_adjacent[v][m_next[v]];
            Edge& edge = m_edges[e];
            if (edge.capacity > EPSILON && m_level[edge.to] == m_level[v] + 1)
            {
                const double f = Push(edge.to, t, std::min(limit, edge.capacity));
                if (f > EPSILON)
                {
                    edge.capacity -= f;
                    m_edges[e ^ 1].capacity += f;
                    return f;
                }
            }
        }
        return 0.0;
    }

    std::vector<Edge> m_edges;                   //!< edges and their reverses
    std::vector<std::vector<size_t>> m_adjacent; //!< edge indices per node
    std::vector<int> m_level;                    //!< BFS levels
    std::vector<size_t> m_next;                  //!< current edge per node
};

/// Checks the problem. \param p it
void
Check(const LoadBalancer::Problem& p)
{
    const size_t workers = p.offset.size();
    if (p.rate.size() != workers)
    {
        throw std::invalid_argument("LoadBalancer: " + std::to_string(p.rate.size()) +
                                    " rates for " + std::to_string(workers) + " offsets");
    }
    if (p.holders.size() != p.itemSize.size() || p.itemSize.empty())
    {
        throw std::invalid_argument("LoadBalancer: " + std::to_string(p.itemSize.size()) +
                                    " items with " + std::to_string(p.holders.size()) +
                                    " holder lists; need at least one item and one list each");
    }
    for (size_t w = 0; w < workers; ++w)
    {
        if (!(p.offset[w] >= 0.0) || !std::isfinite(p.offset[w]) || !(p.rate[w] > 0.0) ||
            !std::isfinite(p.rate[w]))
        {
            throw std::invalid_argument("LoadBalancer: worker " + std::to_string(w) +
                                        " has offset " + std::to_string(p.offset[w]) +
                                        " and rate " + std::to_string(p.rate[w]) +
                                        "; need a finite offset >= 0 and a finite rate > 0");
        }
    }
    for (size_t j = 0; j < p.itemSize.size(); ++j)
    {
        if (!(p.itemSize[j] > 0.0) || !std::isfinite(p.itemSize[j]))
        {
            throw std::invalid_argument("LoadBalancer: item " + std::to_string(j) + " has size " +
                                        std::to_string(p.itemSize[j]) + ", must be > 0");
        }
        if (p.holders[j].empty())
        {
            throw std::invalid_argument("LoadBalancer: item " + std::to_string(j) +
                                        " has no holder");
        }
        for (uint32_t w : p.holders[j])
        {
            if (w >= workers)
            {
                throw std::invalid_argument("LoadBalancer: holder " + std::to_string(w) +
                                            " of item " + std::to_string(j) + ", must be < " +
                                            std::to_string(workers));
            }
        }
    }
}

/// The flows of a feasibility test at makespan tau.
struct Test
{
    bool feasible{false};                   //!< every item placed
    std::vector<std::vector<double>> share; //!< share[j][w]
};

Test
Feasible(const LoadBalancer::Problem& p, double tau, double total)
{
    const size_t items = p.itemSize.size();
    const size_t workers = p.offset.size();
    const size_t source = items + workers;
    const size_t sink = source + 1;
    MaxFlow flow(sink + 1);
    for (size_t j = 0; j < items; ++j)
    {
        flow.AddEdge(source, j, p.itemSize[j]);
    }
    std::vector<std::vector<std::pair<uint32_t, size_t>>> edges(items);
    std::vector<bool> used(workers, false);
    for (size_t j = 0; j < items; ++j)
    {
        for (uint32_t w : p.holders[j])
        {
            edges[j].emplace_back(w, flow.AddEdge(j, items + w, total));
            used[w] = true;
        }
    }
    for (size_t w = 0; w < workers; ++w)
    {
        if (used[w])
        {
            flow.AddEdge(items + w, sink, std::max(0.0, (tau - p.offset[w]) / p.rate[w]));
        }
    }
    Test test;
    test.feasible = flow.Run(source, sink) >= total * (1.0 - 1e-12);
    test.share.assign(items, std::vector<double>(workers, 0.0));
    for (size_t j = 0; j < items; ++j)
    {
        for (const auto& [w, e] : edges[j])
        {
            test.share[j][w] += flow.Flow(e);
        }
    }
    return test;
}

} // namespace

LoadBalancer::Solution
LoadBalancer::Balance(const Problem& problem)
{
    Check(problem);
    const size_t items = problem.itemSize.size();
    const size_t workers = problem.offset.size();
    double total = 0.0;
    for (double s : problem.itemSize)
    {
        total += s;
    }
    // A feasible makespan: every item on the holder that finishes it first, one by one.
    std::vector<double> greedy(workers, 0.0);
    double hi = 0.0;
    double lo = std::numeric_limits<double>::infinity();
    for (size_t j = 0; j < items; ++j)
    {
        uint32_t best = problem.holders[j].front();
        for (uint32_t w : problem.holders[j])
        {
            const double finish =
                problem.offset[w] + problem.rate[w] * (greedy[w] + problem.itemSize[j]);
            const double bestFinish =
                problem.offset[best] + problem.rate[best] * (greedy[best] + problem.itemSize[j]);
            best = finish < bestFinish ? w : best;
            lo = std::min(lo, problem.offset[w]);
        }
        greedy[best] += problem.itemSize[j];
        hi = std::max(hi, problem.offset[best] + problem.rate[best] * greedy[best]);
    }
    hi *= 1.0 + 1e-9; // room for rounding in the capacities
    Test best = Feasible(problem, hi, total);
    for (int step = 0; step < 100 && hi - lo > 1e-10 * hi; ++step)
    {
        const double mid = 0.5 * (lo + hi);
        Test t = Feasible(problem, mid, total);
        if (t.feasible)
        {
            hi = mid;
            best = std::move(t);
        }
        else
        {
            lo = mid;
        }
    }
    Solution s;
    s.share = std::move(best.share);
    s.load.assign(workers, 0.0);
    for (size_t j = 0; j < items; ++j)
    {
        double kept = 0.0;
        for (double& x : s.share[j])
        {
            x = x < 1e-9 * problem.itemSize[j] ? 0.0 : x;
            kept += x;
        }
        for (size_t w = 0; w < workers; ++w)
        {
            s.share[j][w] *= problem.itemSize[j] / kept;
            s.load[w] += s.share[j][w];
        }
    }
    for (size_t w = 0; w < workers; ++w)
    {
        if (s.load[w] > 0.0)
        {
            s.makespan = std::max(s.makespan, problem.offset[w] + problem.rate[w] * s.load[w]);
        }
    }
    return s;
}

} // namespace coded
} // namespace ns3
