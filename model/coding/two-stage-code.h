// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_TWO_STAGE_CODE_H
#define CODED_LEARNING_TWO_STAGE_CODE_H

#include "gradient-code.h"

#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Two-stage dynamic partial gradient coding ("two-stage"): our reconstruction of the paper's
 * scheme (algorithms.md c.3), lightweight by design: stage 1 is uncoded and stage 2 is the
 * exception, started only for a stage-1 worker that the history says is late. Every rule is
 * a parameter with our default (doc/coding.rst gives the measurements behind them).
 *
 * Placement (before training): worker i stores the code blocks i..i+r-1 (mod n), r =
 * replication (default 3, the storage of cyclic repetition with s = 2); r = 0 or r >= n stores
 * every sample on every worker.
 *
 * Estimates (CompletionHistory): per-unit compute time T_i, network time N_i and their mean
 * deviations D_i, E_i; a worker never observed gets the median of the observed ones. A worker
 * with T_i > excludeSlowerThan (3) times the median is left out of stage 1 and of the stage-2
 * pool; every probeInterval (10) iterations the left-out workers are put back into the stage-1
 * candidates, so that their speed is measured again (a worker that became fast rejoins; a slow
 * one costs one iteration's share, which the load split keeps small).
 *
 * Stage 1 (StartRound): the candidates, fastest first by N_i + T_i (ties by a random
 * permutation; or a random order), the first n1 = ceil(stageOneFraction n) of them (default
 * all), plus, for every code block none of them stores, the fastest candidate that stores it
 * (a left-out holder if no candidate does; with raw-sample transfer, nobody: its rows are
 * sent). The rows are split among them by LoadBalancer so that the predicted finish
 * N_i + load_i T_i is as equal as possible (or, "equal", the loads are), each worker only
 * rows it stores: worker i computes h_i = the gradient summed over its rows, uncoded. Load K.
 *
 * Deadlines: worker i's result is late after d_i = P_i + max(deadlineSlack P_i,
 * deadlineDeviations (E_i + load_i D_i)), P_i = N_i + load_i T_i ("predicted", default;
 * +inf while i was never observed), or after the deadlineQuantile (0.95) quantile of past
 * iterations' last stage-1 finish ("quantile"), or never (stageOneDeadline off). The count
 * trigger c (stageTwoTrigger, default 0 = off) makes every stage-1 worker still out late at
 * the c-th stage-1 result.
 *
 * Stage 2 (CodingRound::StartStageTwo at a deadline): only the late workers' groups are
 * re-planned. The pool: the workers not left out that have no task still out (idle ones and
 * finished stage-1 ones; or idle only), fastest first. Each piece (the rows of one code block)
 * of a late group goes to the m pool workers that store it (with raw-sample transfer and no
 * such worker: to the pool), split into m sub-blocks and coded with a fresh m x m cyclic
 * repetition code of tolerance s2' = min(s2, m - 1); a worker's terms over all pieces form one
 * stage-2 task. Late stage-1 workers keep running.
 *
 * Decode (exact; SpanDecoder): as soon as the received results span the full gradient,
 * whichever mix: every stage-1 result; the finished groups plus a decode of the re-planned
 * pieces; or late stage-1 results with stage-2 rows (the "mixed" decode).
 */
class TwoStageCode : public GradientCode
{
  public:
    /**
     * \param params parameters (numWorkers and the two-stage block of CodingParameters)
     * \param partitioner K >= n partitions when 0 < replication < n, else K >= 1
     * \param rng source of tie breaks, random selections and the stage-2 codes
     */
    TwoStageCode(const CodingParameters& params,
                 const DataPartitioner& partitioner,
                 RandomSource& rng);

    std::string Name() const override;
    bool IsExact() const override;
    uint32_t StragglerTolerance() const override;
    std::unique_ptr<CodingRound> StartRound(uint32_t iteration,
                                            const CompletionHistory& history) override;

    /// \return n1, the number of stage-1 workers asked for (coverage may add more)
    uint32_t NumStageOneWorkers() const
    {
        return m_n1;
    }

    /// \return c (0 = no count trigger)
    uint32_t TriggerCount() const
    {
        return m_c;
    }

    /// What the planner uses of the history.
    struct Estimates
    {
        std::vector<double> perUnit;          //!< T_i (median for a worker never observed)
        std::vector<double> perUnitDeviation; //!< D_i
        std::vector<double> network;          //!< N_i (median for a worker never observed)
        std::vector<double> networkDeviation; //!< E_i
        std::vector<bool> known;              //!< whether T_i comes from an observation
        std::vector<bool> excluded;           //!< left out as far slower than the median
    };

    /**
     * \param history the completion history (n workers)
     * \return the estimates of every worker and who is left out
     */
    Estimates Estimate(const CompletionHistory& history) const;

  private:
    /// \param j a stage-1 item (code block, or partition when K < n) \return its rows
    RowSet ItemRows(uint32_t j) const;

    /// \param j a stage-1 item \return its load (partition-equivalents)
    double ItemLoad(uint32_t j) const;

    /**
     * \param e the estimates
     * \param candidates the stage-1 candidates, fastest first
     * \param history the history (its network model)
     * \return how many of the candidates to take (before coverage adds any)
     */
    uint32_t StageOneSize(const Estimates& e,
                          const std::vector<uint32_t>& candidates,
                          const CompletionHistory& history) const;

    /**
     * \param candidates the stage-1 candidates, fastest first
     * \param order every worker in planning order
     * \param size how many candidates to take
     * \return the stage-1 workers before the split: the first size candidates and, for every
     *         item none of them stores, its fastest holder among the candidates (else among all)
     */
    std::vector<uint32_t> ChooseStageOne(const std::vector<uint32_t>& candidates,
                                         const std::vector<uint32_t>& order,
                                         uint32_t size) const;

    bool m_adaptive;                                   //!< stage-1 size from the network model
    uint32_t m_n1;                                     //!< stage-1 workers asked for (fixed)
    uint32_t m_c;                                      //!< count trigger (0 = off)
    bool m_fastest;                                    //!< order candidates by speed
    bool m_proportional;                               //!< split to equalise predicted finish
    bool m_finishedInPool;                             //!< finished stage-1 workers join the pool
    bool m_predicted;                                  //!< deadline rule "predicted"
    std::vector<std::vector<uint32_t>> m_blockHolders; //!< workers storing each code block
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_TWO_STAGE_CODE_H
