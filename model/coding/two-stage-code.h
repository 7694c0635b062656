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
 * scheme (algorithms.md c.3; the paper's exact rules are not public, so every rule below is a
 * parameter with our default).
 *
 * Stage 1 (StartRound): with T_i the history's per-unit times and v_i = 1/T_i,
 * S1 = the n1 fastest workers (ties broken by a random permutation; or n1 random workers),
 * n1 = ceil(0.6 n). The K partitions are split into n1 groups of consecutive partitions
 * G_i (i in S1 in index order) with |G_i| proportional to v_i (largest remainder, each >= 1;
 * or equal). Worker i computes h_i = sum_{k in G_i} g_k, uncoded. The round's stage-2 rule
 * is: trigger at min(tau1, time of the c-th stage-1 result), c = ceil(n1/2) + 1 (capped at
 * n1), tau1 = the deadlineQuantile (0.5) quantile of past stage-1 finish times (infinite
 * without history, or with stageOneDeadline off).
 *
 * Stage 2 (CodingRound::StartStageTwo): C1 = stage-1 workers whose result is in,
 * U = union of G_i over S1 \ C1. If U is empty there is no stage 2. The pool S2 = idle
 * workers (not in S1) plus C1 (or idle only), ordered fastest first, at most
 * CyclicRepetitionCode::MAX_WORKERS and at most |rows(U)|; m = |S2|, s2' = min(s2, m - 1).
 * The samples of U are split into m near-equal blocks beta_j (sample granularity,
 * DataPartitioner::Split), and a fresh m x m cyclic-repetition code B2 with tolerance s2' is
 * drawn; row j goes to the j-th fastest pool worker: f_j = sum_b B2[j,b] G_{beta_b}.
 * Stage-1 stragglers keep running.
 *
 * Decode (exact; FirstOfDecoder): (i) every stage-1 result: g = sum_{S1} h_i; or (ii) any
 * m - s2' stage-2 results that pass the QR residual check:
 * g = sum_{C1} h_i + sum_{j in F} a_j f_j. Load: K + (s2'+1)|U| partition-equivalents.
 *
 * Not implemented: the "mixed" decode that stacks late stage-1 results with stage-2 rows,
 * and unequal (speed-proportional) stage-2 blocks.
 */
class TwoStageCode : public GradientCode
{
  public:
    /**
     * \param params parameters (numWorkers and the two-stage block of CodingParameters)
     * \param partitioner K >= n1 partitions
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

    /// \return n1
    uint32_t NumStageOneWorkers() const
    {
        return m_n1;
    }

    /// \return c
    uint32_t TriggerCount() const
    {
        return m_c;
    }

    /**
     * Largest-remainder split of K units proportionally to weights, each share >= 1.
     * \param weights positive finite weights (at most K of them)
     * \param total K
     * \return the shares, summing to K
     */
    static std::vector<uint32_t> SplitLoad(const std::vector<double>& weights, uint32_t total);

  private:
    uint32_t m_n1;         //!< stage-1 workers
    uint32_t m_c;          //!< trigger count
    bool m_fastest;        //!< select S1 by speed (else at random)
    bool m_proportional;   //!< stage-1 load proportional to speed (else equal)
    bool m_finishedInPool; //!< C1 joins the stage-2 pool
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_TWO_STAGE_CODE_H
