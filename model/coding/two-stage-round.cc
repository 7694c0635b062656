// SPDX-License-Identifier: GPL-2.0-only
#include "two-stage-round.h"

#include "cyclic-repetition-code.h"
#include "data-placement.h"

#include "ns3/data-partitioner.h"
#include "ns3/row-set-algebra.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace ns3
{
namespace coded
{

TwoStageRound::TwoStageRound(IterationPlan plan,
                             std::unique_ptr<SpanDecoder> decoder,
                             Settings settings,
                             RandomSource& rng)
    : CodingRound(std::move(plan), std::move(decoder)),
      m_settings(std::move(settings)),
      m_rng(rng)
{
    if (!Plan().GetTwoStageInfo().enabled || !Plan().Placement())
    {
        throw std::invalid_argument("TwoStageRound: the plan needs the two-stage book-keeping "
                                    "and a data placement");
    }
}

std::vector<uint32_t>
TwoStageRound::Idle(const std::vector<uint32_t>& order) const
{
    const IterationPlan& plan = Plan();
    const TwoStageInfo& info = plan.GetTwoStageInfo();
    std::vector<bool> busy(plan.NumWorkers(), false);
    for (const CodingTask& t : plan.Tasks())
    {
        busy[t.worker] = busy[t.worker] || !IsReceived(t.id);
    }
    if (!m_settings.finishedInPool)
    {
        for (uint32_t w : info.stageOneWorkers)
        {
            busy[w] = true;
        }
    }
    std::vector<uint32_t> idle;
    for (uint32_t w : order)
    {
        if (!busy[w])
        {
            idle.push_back(w);
        }
    }
    return idle;
}

std::vector<uint32_t>
TwoStageRound::BuildStageTwo(double elapsed, const std::vector<size_t>& late)
{
    IterationPlan& plan = MutablePlan();
    TwoStageInfo& info = plan.GetTwoStageInfo();
    const DataPlacement& placement = *plan.Placement();
    const std::vector<uint32_t> pool = Idle(m_settings.poolOrder);
    const std::vector<uint32_t> fallback = Idle(m_settings.fallbackOrder);
    StageTwoWave wave;
    wave.time = elapsed;
    // The late pieces, grouped by the pool workers that store them (in pool order).
    std::map<std::vector<uint32_t>, std::pair<RowSet, double>> groups;
    for (size_t g : late)
    {
        wave.lateWorkers.push_back(info.stageOneWorkers[g]);
        for (const StageOnePiece& piece : info.groups[g])
        {
            wave.uncovered = UniteRows(wave.uncovered, piece.rows);
            // Pool workers that store the rows; else the fastest left-out one (slow, but
            // better than waiting for a late worker that may never answer); else, with
            // raw-sample transfer, the pool.
            std::vector<uint32_t> holders;
            for (uint32_t w : pool)
            {
                if (placement.Stores(w, piece.rows))
                {
                    holders.push_back(w);
                }
            }
            for (size_t i = 0; i < fallback.size() && holders.empty(); ++i)
            {
                if (placement.Stores(fallback[i], piece.rows))
                {
                    holders.push_back(fallback[i]);
                }
            }
            if (holders.empty() && m_settings.rawSampleTransfer)
            {
                holders = pool;
            }
            if (holders.empty())
            {
                wave.unplaced = UniteRows(wave.unplaced, piece.rows);
                continue;
            }
            auto& group = groups[holders];
            group.first = UniteRows(group.first, piece.rows);
            group.second += piece.load;
        }
    }
    // One cyclic-repetition code per group. A worker's terms of codes that are plain
    // replication (s2' = m - 1: every row all ones) form one task; a code with s2' < m - 1
    // gets tasks of its own, because its decode needs the same coefficients on all its rows.
    std::map<uint32_t, std::vector<CodedTerm>> replicated;
    std::vector<std::pair<uint32_t, std::vector<CodedTerm>>> tasks;
    for (const auto& [holders, group] : groups)
    {
        const RowSet& rows = group.first;
        const uint64_t count = RowCount(rows);
        const auto m = static_cast<uint32_t>(std::min<uint64_t>(
            {holders.size(), count, static_cast<uint64_t>(CyclicRepetitionCode::MAX_WORKERS)}));
        const uint32_t s2 = std::min(m_settings.tolerance, m - 1);
        const Eigen::MatrixXd b2 = CyclicRepetitionCode::Construct(m,
                                                                   s2,
                                                                   m_rng,
                                                                   m_settings.maxCodeCoefficient,
                                                                   m_settings.maxCodeAttempts)
                                       .b;
        std::vector<uint32_t> blocks(m);
        for (uint32_t j = 0; j < m; ++j)
        {
            RowSet sub = DataPartitioner::Split(rows, m, j);
            const double load =
                group.second * static_cast<double>(RowCount(sub)) / static_cast<double>(count);
            blocks[j] = plan.AddBlock(std::move(sub), load);
        }
        for (uint32_t j = 0; j < m; ++j)
        {
            std::vector<CodedTerm> terms;
            for (uint32_t k = 0; k <= s2; ++k)
            {
                const uint32_t b = (j + k) % m;
                terms.push_back(CodedTerm{blocks[b], b2(j, b)});
            }
            if (s2 + 1 == m)
            {
                auto& mine = replicated[holders[j]];
                mine.insert(mine.end(), terms.begin(), terms.end());
            }
            else
            {
                tasks.emplace_back(holders[j], std::move(terms));
            }
        }
    }
    for (auto& [worker, terms] : replicated)
    {
        tasks.emplace_back(worker, std::move(terms));
    }
    std::stable_sort(tasks.begin(), tasks.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    std::vector<uint32_t> ids;
    for (auto& [worker, terms] : tasks)
    {
        std::vector<SpanDecoder::Term> span;
        for (const CodedTerm& t : terms)
        {
            span.push_back(SpanDecoder::Term{plan.Blocks()[t.block].rows, t.coefficient});
        }
        const uint32_t id = plan.AddTask(worker, 2, std::move(terms));
        Span().AddTask(id, std::move(span));
        wave.workers.push_back(worker);
        wave.tasks.push_back(id);
        ids.push_back(id);
    }
    info.waves.push_back(std::move(wave));
    return ids;
}

} // namespace coded
} // namespace ns3
