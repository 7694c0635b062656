// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LOAD_BALANCER_H
#define CODED_LEARNING_LOAD_BALANCER_H

#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Splits divisible work among workers so that the predicted finish time of the slowest is as
 * small as possible, where each item may only go to its holders (the workers that store it):
 *
 *   minimise tau  subject to  sum_w x_jw = size_j for every item j,
 *                             x_jw = 0 unless w holds j,  x_jw >= 0,
 *                             offset_w + rate_w * sum_j x_jw <= tau for every worker used.
 *
 * offset_w is the part of a worker's finish time that does not grow with its load (network
 * time), rate_w its time per unit of load (per-unit compute time). The solver bisects on tau;
 * each step is a maximum-flow feasibility test (source -> items (size) -> holders -> sink
 * (capacity (tau - offset_w) / rate_w)), Dinic's algorithm. Items are small in number (code
 * blocks), so a plan costs well under a millisecond for n = 100.
 */
class LoadBalancer
{
  public:
    /// The work and the workers.
    struct Problem
    {
        std::vector<double> itemSize;               //!< size of each item (> 0)
        std::vector<std::vector<uint32_t>> holders; //!< workers that may take each item
        std::vector<double> offset;                 //!< per worker, finite and >= 0
        std::vector<double> rate;                   //!< per worker, finite and > 0
    };

    /// The split.
    struct Solution
    {
        std::vector<std::vector<double>> share; //!< share[j][w]: amount of item j on worker w
        std::vector<double> load;               //!< per worker, sum over the items
        double makespan{0};                     //!< max over loaded workers of offset + rate load
    };

    /**
     * \param problem the items and workers (std::invalid_argument if an item has no holder,
     *        a size is not positive, a worker index is out of range, or an offset or rate is
     *        invalid)
     * \return a split within a relative 1e-9 of the smallest makespan; shares below 1e-9 of
     *         an item are dropped (and the rest rescaled)
     */
    static Solution Balance(const Problem& problem);
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_LOAD_BALANCER_H
