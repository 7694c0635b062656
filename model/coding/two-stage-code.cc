// SPDX-License-Identifier: GPL-2.0-only
#include "two-stage-code.h"

#include "all-of-decoder.h"
#include "cyclic-repetition-code.h"
#include "first-of-decoder.h"
#include "group-decoder.h"
#include "least-squares-decoder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

namespace
{

/**
 * A round of the two-stage scheme: stage 1 is planned at construction, stage 2 by
 * BuildStageTwo() from the stage-1 results received.
 */
class TwoStageRound : public CodingRound
{
  public:
    TwoStageRound(IterationPlan plan,
                  std::unique_ptr<FirstOfDecoder> decoder,
                  FirstOfDecoder* first,
                  const CodingParameters& params,
                  const DataPartitioner& partitioner,
                  std::vector<double> perUnitTimes,
                  bool finishedInPool,
                  RandomSource& rng)
        : CodingRound(std::move(plan), std::move(decoder)),
          m_first(first),
          m_params(params),
          m_partitioner(partitioner),
          m_perUnitTimes(std::move(perUnitTimes)),
          m_finishedInPool(finishedInPool),
          m_rng(rng)
    {
    }

  protected:
    std::vector<uint32_t> BuildStageTwo() override;

  private:
    FirstOfDecoder* m_first;            //!< the round's decoder (owned by the base class)
    CodingParameters m_params;          //!< parameters
    DataPartitioner m_partitioner;      //!< partitions
    std::vector<double> m_perUnitTimes; //!< history snapshot at round start
    bool m_finishedInPool;              //!< C1 joins the pool
    RandomSource& m_rng;                //!< stage-2 code draws
};

std::vector<uint32_t>
TwoStageRound::BuildStageTwo()
{
    IterationPlan& plan = MutablePlan();
    TwoStageInfo& info = plan.GetTwoStageInfo();
    const uint32_t n = plan.NumWorkers();

    std::vector<bool> inStageOne(n, false);
    std::vector<uint32_t> finishedTasks;
    info.finishedAtTrigger.clear();
    info.uncoveredPartitions.clear();
    for (size_t g = 0; g < info.stageOneWorkers.size(); ++g)
    {
        const uint32_t w = info.stageOneWorkers[g];
        inStageOne[w] = true;
        if (IsReceived(info.stageOneTasks[g]))
        {
            info.finishedAtTrigger.push_back(w);
            finishedTasks.push_back(info.stageOneTasks[g]);
        }
        else
        {
            info.uncoveredPartitions.insert(info.uncoveredPartitions.end(),
                                            info.stageOneGroups[g].begin(),
                                            info.stageOneGroups[g].end());
        }
    }
    std::sort(info.uncoveredPartitions.begin(), info.uncoveredPartitions.end());
    if (info.uncoveredPartitions.empty())
    {
        return {};
    }

    std::vector<uint32_t> pool;
    for (uint32_t w = 0; w < n; ++w)
    {
        if (!inStageOne[w])
        {
            pool.push_back(w);
        }
    }
    if (m_finishedInPool)
    {
        pool.insert(pool.end(), info.finishedAtTrigger.begin(), info.finishedAtTrigger.end());
    }
    if (pool.empty())
    {
        return {}; // nobody to run stage 2: wait for stage 1
    }
    std::stable_sort(pool.begin(), pool.end(), [this](uint32_t a, uint32_t b) {
        return m_perUnitTimes[a] < m_perUnitTimes[b] ||
               (m_perUnitTimes[a] == m_perUnitTimes[b] && a < b);
    });

    const RowSet uncovered = m_partitioner.Union(info.uncoveredPartitions);
    const uint64_t rows = RowCount(uncovered);
    const auto m = static_cast<uint32_t>(std::min<uint64_t>(
        {pool.size(), rows, static_cast<uint64_t>(CyclicRepetitionCode::MAX_WORKERS)}));
    pool.resize(m);
    const uint32_t s2 = std::min(m_params.stageTwoTolerance, m - 1);
    CyclicRepetitionCode::Matrices code =
        CyclicRepetitionCode::Construct(m,
                                        s2,
                                        m_rng,
                                        m_params.maxCodeCoefficient,
                                        m_params.maxCodeAttempts);
    auto b2 = std::make_shared<const Eigen::MatrixXd>(std::move(code.b));

    const double unitsU = static_cast<double>(info.uncoveredPartitions.size());
    std::vector<uint32_t> blocks(m);
    for (uint32_t j = 0; j < m; ++j)
    {
        RowSet piece = DataPartitioner::Split(uncovered, m, j);
        const double load =
            unitsU * static_cast<double>(RowCount(piece)) / static_cast<double>(rows);
        blocks[j] = plan.AddBlock(std::move(piece), load);
    }
    std::vector<uint32_t> ids;
    ids.reserve(m);
    for (uint32_t j = 0; j < m; ++j)
    {
        std::vector<CodedTerm> terms;
        terms.reserve(s2 + 1);
        for (uint32_t k = 0; k <= s2; ++k)
        {
            const uint32_t b = (j + k) % m;
            terms.push_back(CodedTerm{blocks[b], (*b2)(j, b)});
        }
        ids.push_back(plan.AddTask(pool[j], 2, std::move(terms)));
    }
    info.stageTwoWorkers = pool;
    info.stageTwoTasks = ids;
    info.stageTwoTolerance = s2;

    // Alternative (ii): the finished stage-1 groups plus a decode of stage 2.
    std::unique_ptr<GradientDecoder> stageTwo =
        std::make_unique<LeastSquaresDecoder>(ids,
                                              b2,
                                              m - s2,
                                              LeastSquaresDecoder::Mode::EXACT,
                                              m_params.decodeTolerance);
    std::unique_ptr<GradientDecoder> alternative;
    if (finishedTasks.empty())
    {
        alternative = std::move(stageTwo);
    }
    else
    {
        std::vector<std::vector<uint32_t>> groups;
        for (uint32_t id : finishedTasks)
        {
            groups.push_back({id});
        }
        std::vector<std::unique_ptr<GradientDecoder>> parts;
        parts.push_back(std::make_unique<GroupDecoder>(std::move(groups)));
        parts.push_back(std::move(stageTwo));
        alternative = std::make_unique<AllOfDecoder>(std::move(parts));
    }
    for (uint32_t id : Arrivals())
    {
        alternative->OnResult(id);
    }
    m_first->AddAlternative(std::move(alternative));
    return ids;
}

/// Throws unless value is one of the allowed names.
bool
Choose(const std::string& parameter,
       const std::string& value,
       const std::string& first,
       const std::string& second)
{
    if (value == first)
    {
        return true;
    }
    if (value == second)
    {
        return false;
    }
    throw std::invalid_argument("two-stage: " + parameter + " = \"" + value + "\", allowed: \"" +
                                first + "\", \"" + second + "\"");
}

} // namespace

std::vector<uint32_t>
TwoStageCode::SplitLoad(const std::vector<double>& weights, uint32_t total)
{
    const auto count = static_cast<uint32_t>(weights.size());
    if (count < 1 || count > total)
    {
        throw std::invalid_argument("two-stage: cannot split K = " + std::to_string(total) +
                                    " partitions into " + std::to_string(count) +
                                    " non-empty groups; need 1 <= n1 <= K");
    }
    double sum = 0.0;
    for (double w : weights)
    {
        if (!(w > 0.0) || !std::isfinite(w))
        {
            throw std::invalid_argument("two-stage: load weight " + std::to_string(w) +
                                        ", must be finite and > 0");
        }
        sum += w;
    }
    std::vector<double> quota(count);
    std::vector<uint32_t> share(count);
    int64_t assigned = 0;
    for (uint32_t i = 0; i < count; ++i)
    {
        quota[i] = static_cast<double>(total) * weights[i] / sum;
        share[i] = std::max<uint32_t>(1, static_cast<uint32_t>(std::floor(quota[i])));
        assigned += share[i];
    }
    while (assigned < total)
    {
        uint32_t best = 0;
        for (uint32_t i = 1; i < count; ++i)
        {
            if (quota[i] - share[i] > quota[best] - share[best])
            {
                best = i;
            }
        }
        ++share[best];
        ++assigned;
    }
    while (assigned > total)
    {
        int64_t best = -1;
        for (uint32_t i = 0; i < count; ++i)
        {
            if (share[i] > 1 && (best < 0 || share[i] - quota[i] > share[best] - quota[best]))
            {
                best = i;
            }
        }
        --share[best];
        --assigned;
    }
    return share;
}

TwoStageCode::TwoStageCode(const CodingParameters& params,
                           const DataPartitioner& partitioner,
                           RandomSource& rng)
    : GradientCode("two-stage", params, partitioner, rng)
{
    const uint32_t n = params.numWorkers;
    if (params.stageOneWorkers == 0)
    {
        if (!(params.stageOneFraction > 0.0 && params.stageOneFraction <= 1.0))
        {
            throw std::invalid_argument(
                "two-stage: stageOneFraction = " + std::to_string(params.stageOneFraction) +
                ", must be in (0, 1]");
        }
        m_n1 = static_cast<uint32_t>(std::ceil(params.stageOneFraction * n - 1e-9));
        m_n1 = std::min(std::max<uint32_t>(m_n1, 1), n);
    }
    else
    {
        if (params.stageOneWorkers > n)
        {
            throw std::invalid_argument(
                "two-stage: stageOneWorkers n1 = " + std::to_string(params.stageOneWorkers) +
                ", must be in [1, n = " + std::to_string(n) + "]");
        }
        m_n1 = params.stageOneWorkers;
    }
    if (NumPartitions() < m_n1)
    {
        throw std::invalid_argument("two-stage: K = " + std::to_string(NumPartitions()) +
                                    " partitions for n1 = " + std::to_string(m_n1) +
                                    " stage-1 workers; need K >= n1");
    }
    if (params.stageTwoTrigger == 0)
    {
        // ceil(n1/2) + 1 (algorithms.md c.2), but below n1 whenever n1 >= 2: with c = n1,
        // stage 2 could only start once every stage-1 result is in, when nothing is left to
        // cover, so a single lost or very late stage-1 result would stall the iteration until
        // tau1 (infinite before any history exists) or the server's deadline.
        m_c = std::min((m_n1 + 1) / 2 + 1, std::max<uint32_t>(m_n1 - 1, 1));
    }
    else
    {
        if (params.stageTwoTrigger > m_n1)
        {
            throw std::invalid_argument(
                "two-stage: stageTwoTrigger c = " + std::to_string(params.stageTwoTrigger) +
                ", must be in [1, n1 = " + std::to_string(m_n1) + "]");
        }
        m_c = params.stageTwoTrigger;
    }
    if (!(params.deadlineQuantile >= 0.0 && params.deadlineQuantile <= 1.0))
    {
        throw std::invalid_argument(
            "two-stage: deadlineQuantile = " + std::to_string(params.deadlineQuantile) +
            ", must be in [0, 1]");
    }
    if (!(params.maxCodeCoefficient > 1.0))
    {
        throw std::invalid_argument("two-stage: maxCodeCoefficient = " +
                                    std::to_string(params.maxCodeCoefficient) + ", must be > 1");
    }
    if (params.maxCodeAttempts < 1)
    {
        throw std::invalid_argument("two-stage: maxCodeAttempts = 0, must be >= 1");
    }
    m_fastest = Choose("stageOneSelection", params.stageOneSelection, "fastest", "random");
    m_proportional = Choose("stageOneLoad", params.stageOneLoad, "proportional", "equal");
    m_finishedInPool = Choose("stageTwoPool", params.stageTwoPool, "idle-and-finished", "idle");
}

std::string
TwoStageCode::Name() const
{
    return "two-stage";
}

bool
TwoStageCode::IsExact() const
{
    return true;
}

uint32_t
TwoStageCode::StragglerTolerance() const
{
    return Parameters().stageTwoTolerance;
}

std::unique_ptr<CodingRound>
TwoStageCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    CheckHistory(history);
    const uint32_t n = NumWorkers();
    const std::vector<double>& t = history.PerUnitTimes();

    // S1: a random order (the tie break), then the fastest first.
    std::vector<uint32_t> order = Rng().Permutation(n);
    if (m_fastest)
    {
        std::stable_sort(order.begin(), order.end(), [&t](uint32_t a, uint32_t b) {
            return t[a] < t[b];
        });
    }
    std::vector<uint32_t> s1(order.begin(), order.begin() + m_n1);
    std::sort(s1.begin(), s1.end());

    std::vector<double> weights(m_n1, 1.0);
    if (m_proportional)
    {
        for (uint32_t g = 0; g < m_n1; ++g)
        {
            weights[g] = 1.0 / t[s1[g]];
        }
    }
    const std::vector<uint32_t> sizes = SplitLoad(weights, NumPartitions());

    IterationPlan plan(iteration, n, NumPartitions());
    TwoStageInfo& info = plan.GetTwoStageInfo();
    info.enabled = true;
    info.stageOneWorkers = s1;
    info.triggerCount = m_c;
    info.deadline = Parameters().stageOneDeadline
                        ? history.StageOneFinishQuantile(Parameters().deadlineQuantile)
                        : std::numeric_limits<double>::infinity();
    std::vector<std::vector<uint32_t>> groups;
    uint32_t next = 0;
    for (uint32_t g = 0; g < m_n1; ++g)
    {
        std::vector<uint32_t> parts(sizes[g]);
        std::iota(parts.begin(), parts.end(), next);
        next += sizes[g];
        const uint32_t block =
            plan.AddBlock(Partitioner().Union(parts), static_cast<double>(parts.size()), parts);
        const uint32_t id = plan.AddTask(s1[g], 1, {CodedTerm{block, 1.0}});
        info.stageOneGroups.push_back(std::move(parts));
        info.stageOneTasks.push_back(id);
        groups.push_back({id});
    }
    auto decoder = std::make_unique<FirstOfDecoder>();
    decoder->AddAlternative(std::make_unique<GroupDecoder>(std::move(groups)));
    FirstOfDecoder* first = decoder.get();
    return std::make_unique<TwoStageRound>(std::move(plan),
                                           std::move(decoder),
                                           first,
                                           Parameters(),
                                           Partitioner(),
                                           t,
                                           m_finishedInPool,
                                           Rng());
}

} // namespace coded
} // namespace ns3
