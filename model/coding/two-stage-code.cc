// SPDX-License-Identifier: GPL-2.0-only
#include "two-stage-code.h"

#include "load-balancer.h"
#include "span-decoder.h"
#include "two-stage-round.h"

#include "ns3/row-set-algebra.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

namespace
{

/// Throws unless value is one of the allowed names. \return value == first
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

/// Throws unless lo <= value <= hi (finite). \param parameter its name
void
RequireRange(const std::string& parameter, double value, double lo, double hi)
{
    if (!(value >= lo && value <= hi))
    {
        std::ostringstream os;
        os << "two-stage: " << parameter << " = " << value << ", must be in [" << lo << ", " << hi
           << "]";
        throw std::invalid_argument(os.str());
    }
}

/// \param values a sample (not empty) \return its median (the lower one for an even count)
double
Median(std::vector<double> values)
{
    const size_t mid = (values.size() - 1) / 2;
    std::nth_element(values.begin(), values.begin() + mid, values.end());
    return values[mid];
}

/// Splits one row range among workers by their shares (cumulative rounding, in worker
/// order). \param rows the rows \param share the amount per worker \return rows per worker
std::vector<RowSet>
SplitRows(const RowSet& rows, const std::vector<double>& share)
{
    double total = 0.0;
    for (double x : share)
    {
        total += x;
    }
    const uint64_t count = RowCount(rows);
    std::vector<RowSet> out(share.size());
    double cumulative = 0.0;
    uint64_t done = 0;
    for (size_t w = 0; w < share.size(); ++w)
    {
        if (share[w] <= 0.0)
        {
            continue;
        }
        cumulative += share[w];
        const auto end = std::min<uint64_t>(
            count,
            static_cast<uint64_t>(std::llround(static_cast<double>(count) * cumulative / total)));
        if (end > done)
        {
            // The rows done..end of the (normal-form) row set.
            uint64_t skipped = 0;
            for (const RowRange& r : rows)
            {
                const uint64_t lo = std::max<uint64_t>(done, skipped);
                const uint64_t hi = std::min<uint64_t>(end, skipped + r.Size());
                if (lo < hi)
                {
                    out[w].push_back(RowRange{static_cast<uint32_t>(r.begin + (lo - skipped)),
                                              static_cast<uint32_t>(r.begin + (hi - skipped))});
                }
                skipped += r.Size();
            }
            done = end;
        }
    }
    return out;
}

} // namespace

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
    if (params.stageTwoTrigger > m_n1)
    {
        throw std::invalid_argument(
            "two-stage: stageTwoTrigger c = " + std::to_string(params.stageTwoTrigger) +
            ", must be 0 (off) or in [1, n1 = " + std::to_string(m_n1) + "]");
    }
    m_c = params.stageTwoTrigger;
    // r >= n: every worker stores every code block, i.e. everything.
    const uint32_t r = params.replication >= n ? 0 : params.replication;
    if (r > 0)
    {
        RequireCodeBlocks();
    }
    RequireRange("deadlineQuantile", params.deadlineQuantile, 0.0, 1.0);
    RequireRange("deadlineDeviations", params.deadlineDeviations, 0.0, 1e6);
    RequireRange("deadlineSlack", params.deadlineSlack, 0.0, 1e6);
    if (params.excludeSlowerThan != 0.0)
    {
        RequireRange("excludeSlowerThan (0 = off)", params.excludeSlowerThan, 1.0, 1e12);
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
    m_predicted = Choose("deadlineRule", params.deadlineRule, "predicted", "quantile");
    m_adaptive = Choose("stageOneSize", params.stageOneSize, "adaptive", "fixed");

    // Placement: worker i stores the code blocks i..i+r-1 (mod n), or everything. The items
    // of the stage-1 split are the code blocks (K >= n) or the partitions (K < n, r = 0).
    const uint32_t items = NumPartitions() >= n ? n : NumPartitions();
    std::vector<std::vector<uint32_t>> blocksOf(n);
    for (uint32_t i = 0; i < n && r > 0; ++i)
    {
        for (uint32_t k = 0; k < r; ++k)
        {
            blocksOf[i].push_back((i + k) % n);
        }
    }
    SetPlacement(r > 0 ? CodeBlockPlacement(blocksOf)
                       : DataPlacement::Everywhere(n, partitioner.NumSamples()));
    m_blockHolders.resize(items);
    for (uint32_t j = 0; j < items; ++j)
    {
        m_blockHolders[j] = Placement().Holders(ItemRows(j));
    }
}

RowSet
TwoStageCode::ItemRows(uint32_t j) const
{
    return NumPartitions() >= NumWorkers() ? CodeBlockRows(j) : RowSet{Partitioner().Partition(j)};
}

double
TwoStageCode::ItemLoad(uint32_t j) const
{
    return NumPartitions() >= NumWorkers() ? static_cast<double>(CodeBlockPartitions(j).size())
                                           : 1.0;
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

TwoStageCode::Estimates
TwoStageCode::Estimate(const CompletionHistory& history) const
{
    CheckHistory(history);
    const uint32_t n = NumWorkers();
    Estimates e;
    std::vector<double> known;
    std::vector<double> knownNetwork;
    for (uint32_t w = 0; w < n; ++w)
    {
        e.known.push_back(history.HasEstimate(w));
        if (e.known.back())
        {
            known.push_back(history.PerUnitTime(w));
        }
        if (history.HasNetworkEstimate(w))
        {
            knownNetwork.push_back(history.NetworkTime(w));
        }
    }
    const double medianUnit = known.empty() ? history.PerUnitTime(0) : Median(known);
    const double medianNetwork = knownNetwork.empty() ? 0.0 : Median(knownNetwork);
    const double ratio = Parameters().excludeSlowerThan;
    for (uint32_t w = 0; w < n; ++w)
    {
        e.perUnit.push_back(e.known[w] ? history.PerUnitTime(w) : medianUnit);
        e.perUnitDeviation.push_back(history.PerUnitDeviation(w));
        e.network.push_back(history.HasNetworkEstimate(w) ? history.NetworkTime(w) : medianNetwork);
        e.networkDeviation.push_back(history.NetworkDeviation(w));
        e.excluded.push_back(ratio > 0.0 && e.known[w] && e.perUnit[w] > ratio * medianUnit);
    }
    return e;
}

uint32_t
TwoStageCode::StageOneSize(const Estimates& e,
                           const std::vector<uint32_t>& candidates,
                           const CompletionHistory& history) const
{
    const auto count = static_cast<uint32_t>(candidates.size());
    if (!m_adaptive)
    {
        return std::min(m_n1, count);
    }
    const CompletionHistory::NetworkModel model = history.StageOneNetworkModel();
    if (!model.fitted)
    {
        // One iteration with every candidate, then one with half of them, so that the network
        // model sees two sizes; every candidate while it still cannot tell.
        return history.NumStageOneNetworkSamples() == 1 ? (count + 1) / 2 : count;
    }
    // Predicted stage-1 time with the m fastest: a + b m + K / (sum of their speeds).
    double speed = 0.0;
    double best = std::numeric_limits<double>::infinity();
    uint32_t size = count;
    for (uint32_t m = 1; m <= count; ++m)
    {
        speed += 1.0 / e.perUnit[candidates[m - 1]];
        const double predicted = model.intercept + model.slope * m + NumPartitions() / speed;
        if (predicted < best)
        {
            best = predicted;
            size = m;
        }
    }
    return size;
}

std::vector<uint32_t>
TwoStageCode::ChooseStageOne(const std::vector<uint32_t>& candidates,
                             const std::vector<uint32_t>& order,
                             uint32_t size) const
{
    const uint32_t n = NumWorkers();
    const auto items = static_cast<uint32_t>(m_blockHolders.size());
    std::vector<bool> chosen(n, false);
    std::vector<bool> covered(items, false);
    uint32_t left = items;
    uint32_t count = 0;
    auto take = [&](uint32_t w) {
        chosen[w] = true;
        ++count;
        for (uint32_t j = 0; j < items; ++j)
        {
            const auto& h = m_blockHolders[j];
            if (!covered[j] && std::find(h.begin(), h.end(), w) != h.end())
            {
                covered[j] = true;
                --left;
            }
        }
    };
    // \return the worker of the list, not chosen yet, that stores the most items nobody
    // chosen stores (the first on ties), or n if none stores any
    auto bestCover = [&](const std::vector<uint32_t>& list) {
        uint32_t best = n;
        uint32_t bestGain = 0;
        for (uint32_t w : list)
        {
            uint32_t gain = 0;
            for (uint32_t j = 0; j < items && !chosen[w]; ++j)
            {
                const auto& h = m_blockHolders[j];
                gain += !covered[j] && std::find(h.begin(), h.end(), w) != h.end() ? 1 : 0;
            }
            if (gain > bestGain)
            {
                best = w;
                bestGain = gain;
            }
        }
        return best;
    };
    // Every item needs a stage-1 worker that stores it: a greedy cover by the candidates
    // (most new items first, then the faster), completed by other workers if the candidates
    // cannot; with raw-sample transfer, uncovered items are sent instead.
    while (left > 0)
    {
        uint32_t w = bestCover(candidates);
        if (w == n && !Parameters().rawSampleTransfer)
        {
            w = bestCover(order);
        }
        if (w == n)
        {
            break;
        }
        take(w);
    }
    // Then the fastest candidates up to the size asked for.
    for (size_t i = 0; i < candidates.size() && count < size; ++i)
    {
        if (!chosen[candidates[i]])
        {
            take(candidates[i]);
        }
    }
    std::vector<uint32_t> s1;
    for (uint32_t w = 0; w < n; ++w)
    {
        if (chosen[w])
        {
            s1.push_back(w);
        }
    }
    return s1;
}

std::unique_ptr<CodingRound>
TwoStageCode::StartRound(uint32_t iteration, const CompletionHistory& history)
{
    const Estimates e = Estimate(history);
    const CodingParameters& params = Parameters();
    const uint32_t n = NumWorkers();
    const bool probe = params.probeInterval > 0 && (iteration + 1) % params.probeInterval == 0;

    // Planning order: a random permutation (the tie break), then fastest first.
    std::vector<uint32_t> order = Rng().Permutation(n);
    if (m_fastest)
    {
        std::stable_sort(order.begin(), order.end(), [&e](uint32_t a, uint32_t b) {
            return e.network[a] + e.perUnit[a] < e.network[b] + e.perUnit[b];
        });
    }
    std::vector<uint32_t> candidates;
    for (uint32_t w : order)
    {
        if (!e.excluded[w] || probe)
        {
            candidates.push_back(w);
        }
    }
    const std::vector<uint32_t> s1 =
        ChooseStageOne(candidates, order, StageOneSize(e, candidates, history));

    // The split: each item over the stage-1 workers that store it.
    LoadBalancer::Problem problem;
    for (uint32_t w = 0; w < n; ++w)
    {
        problem.offset.push_back(m_proportional ? e.network[w] : 0.0);
        problem.rate.push_back(m_proportional ? e.perUnit[w] : 1.0);
    }
    for (uint32_t j = 0; j < m_blockHolders.size(); ++j)
    {
        problem.itemSize.push_back(ItemLoad(j));
        std::vector<uint32_t> holders;
        for (uint32_t w : s1)
        {
            if (std::find(m_blockHolders[j].begin(), m_blockHolders[j].end(), w) !=
                m_blockHolders[j].end())
            {
                holders.push_back(w);
            }
        }
        problem.holders.push_back(holders.empty() ? s1 : holders); // empty: raw transfer
    }
    const LoadBalancer::Solution split = LoadBalancer::Balance(problem);

    IterationPlan plan = NewPlan(iteration, params.rawSampleTransfer);
    TwoStageInfo& info = plan.GetTwoStageInfo();
    info.enabled = true;
    info.triggerCount = m_c;
    for (uint32_t w = 0; w < n; ++w)
    {
        if (e.excluded[w])
        {
            info.excludedWorkers.push_back(w);
            if (probe)
            {
                info.probedWorkers.push_back(w);
            }
        }
    }
    std::vector<std::vector<StageOnePiece>> pieces(n);
    for (uint32_t j = 0; j < m_blockHolders.size(); ++j)
    {
        const RowSet rows = ItemRows(j);
        const std::vector<RowSet> parts = SplitRows(rows, split.share[j]);
        for (uint32_t w = 0; w < n; ++w)
        {
            if (!parts[w].empty())
            {
                const double load = ItemLoad(j) * static_cast<double>(RowCount(parts[w])) /
                                    static_cast<double>(RowCount(rows));
                pieces[w].push_back(StageOnePiece{j, parts[w], load});
            }
        }
    }
    const double inf = std::numeric_limits<double>::infinity();
    const double quantile = params.stageOneDeadline && !m_predicted
                                ? history.StageOneFinishQuantile(params.deadlineQuantile)
                                : inf;
    // A worker's network time was measured with another number of stage-1 workers; on a shared
    // medium the fitted model knows what this number costs.
    const CompletionHistory::NetworkModel network = history.StageOneNetworkModel();
    uint32_t participants = 0;
    for (uint32_t w = 0; w < n; ++w)
    {
        participants += pieces[w].empty() ? 0 : 1;
    }
    const double sharedNetwork =
        network.fitted ? network.intercept + network.slope * participants : 0.0;
    auto decoder =
        std::make_unique<SpanDecoder>(Partitioner().NumSamples(), params.decodeTolerance);
    for (uint32_t w = 0; w < n; ++w)
    {
        if (pieces[w].empty())
        {
            continue;
        }
        RowSet rows;
        double load = 0.0;
        for (const StageOnePiece& p : pieces[w])
        {
            rows = UniteRows(rows, p.rows);
            load += p.load;
        }
        const uint32_t block = plan.AddBlock(rows, load);
        const uint32_t id = plan.AddTask(w, 1, {CodedTerm{block, 1.0}});
        decoder->AddTask(id, {SpanDecoder::Term{rows, 1.0}});
        double deadline = quantile;
        if (params.stageOneDeadline && m_predicted && e.known[w])
        {
            const double predicted = std::max(e.network[w], sharedNetwork) + load * e.perUnit[w];
            const double deviation = e.networkDeviation[w] + load * e.perUnitDeviation[w];
            deadline = predicted + std::max(params.deadlineSlack * predicted,
                                            params.deadlineDeviations * deviation);
        }
        info.stageOneWorkers.push_back(w);
        info.groups.push_back(std::move(pieces[w]));
        info.stageOneTasks.push_back(id);
        info.deadlines.push_back(deadline);
        info.replanned.push_back(false);
    }
    TwoStageRound::Settings settings;
    for (uint32_t w : order)
    {
        (e.excluded[w] ? settings.fallbackOrder : settings.poolOrder).push_back(w);
    }
    settings.finishedInPool = m_finishedInPool;
    settings.rawSampleTransfer = params.rawSampleTransfer;
    settings.tolerance = params.stageTwoTolerance;
    settings.maxCodeCoefficient = params.maxCodeCoefficient;
    settings.maxCodeAttempts = params.maxCodeAttempts;
    return std::make_unique<TwoStageRound>(std::move(plan), std::move(decoder), settings, Rng());
}

} // namespace coded
} // namespace ns3
