// SPDX-License-Identifier: GPL-2.0-only
#include "uplink-grant-ledger.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

namespace
{
/// Owner name in error messages.
const char* const OWNER = "UplinkGrantLedger";
/// Slack for comparing byte offsets computed from data units.
constexpr double BYTE_SLACK = 1e-6;

/// Throws std::invalid_argument naming the parameter, the value and the allowed range.
[[noreturn]] void
Refuse(const std::string& name, double value, const std::string& allowed)
{
    std::ostringstream os;
    os << OWNER << ": " << name << " = " << value << " is out of range; allowed: " << allowed;
    throw std::invalid_argument(os.str());
}
} // namespace

bool
UploadId::operator==(const UploadId& o) const
{
    return iteration == o.iteration && task == o.task && stage == o.stage;
}

void
UplinkGrantLedger::Validate(const Config& c)
{
    if (c.numWorkers < 1)
    {
        Refuse("numWorkers", c.numWorkers, ">= 1");
    }
    if (!(std::isfinite(c.initialRate) && c.initialRate > 0.0))
    {
        Refuse("initialRate", c.initialRate, "(0, inf) bytes/s");
    }
    if (!(std::isfinite(c.minRate) && c.minRate > 0.0 && c.minRate <= c.initialRate))
    {
        Refuse("minRate", c.minRate, "(0, initialRate] bytes/s");
    }
    if (!(c.rateGain > 0.0 && c.rateGain <= 1.0))
    {
        Refuse("rateGain", c.rateGain, "(0, 1]");
    }
    if (!(std::isfinite(c.timeout) && c.timeout > 0.0))
    {
        Refuse("timeout", c.timeout, "(0, inf) s");
    }
}

UplinkGrantLedger::UplinkGrantLedger(const Config& config)
    : m_config(config)
{
    Validate(config);
    m_workers.resize(config.numWorkers);
    for (Worker& w : m_workers)
    {
        w.rate = config.initialRate;
    }
}

UplinkGrantLedger::Worker&
UplinkGrantLedger::At(uint32_t worker)
{
    if (worker >= m_workers.size())
    {
        throw std::out_of_range(std::string(OWNER) + ": worker " + std::to_string(worker) + " of " +
                                std::to_string(m_workers.size()));
    }
    return m_workers[worker];
}

const UplinkGrantLedger::Worker&
UplinkGrantLedger::At(uint32_t worker) const
{
    return const_cast<UplinkGrantLedger*>(this)->At(worker);
}

void
UplinkGrantLedger::AddUpload(uint32_t worker,
                             const UploadId& id,
                             const std::vector<uint32_t>& chunkBytes)
{
    Worker& w = At(worker);
    if (chunkBytes.empty())
    {
        throw std::invalid_argument(std::string(OWNER) + ": an upload needs at least one chunk");
    }
    for (const Upload& u : w.uploads)
    {
        if (u.id == id)
        {
            throw std::invalid_argument(std::string(OWNER) + ": upload (iteration " +
                                        std::to_string(id.iteration) + ", task " +
                                        std::to_string(id.task) + ") of worker " +
                                        std::to_string(worker) + " added twice");
        }
    }
    Upload u;
    u.id = id;
    u.bytes = chunkBytes;
    u.state.assign(chunkBytes.size(), ChunkState::PENDING);
    u.grant.assign(chunkBytes.size(), 0);
    u.grantedBefore.assign(chunkBytes.size(), false);
    u.start = w.streamEnd;
    uint64_t total = 0;
    for (uint32_t b : chunkBytes)
    {
        total += b;
    }
    w.streamEnd += static_cast<double>(total);
    w.outstanding += total;
    m_counters.offeredBytes += total;
    w.uploads.push_back(std::move(u));
}

bool
UplinkGrantLedger::HasUpload(uint32_t worker, const UploadId& id) const
{
    for (const Upload& u : At(worker).uploads)
    {
        if (u.id == id)
        {
            return true;
        }
    }
    return false;
}

void
UplinkGrantLedger::Admit(uint32_t worker, double bytes)
{
    Worker& w = At(worker);
    if (!(std::isfinite(bytes) && bytes >= 0.0))
    {
        Refuse("admitted bytes", bytes, "[0, inf)");
    }
    w.admitted = std::min(w.streamEnd, w.admitted + bytes);
}

std::vector<ChunkGrant>
UplinkGrantLedger::Grant(uint32_t worker, double budget, double now)
{
    Worker& w = At(worker);
    std::vector<ChunkGrant> out;
    if (!(std::isfinite(budget) && budget > 0.0))
    {
        return out;
    }
    GrantRecord g;
    g.serial = w.nextSerial;
    g.time = now;
    double left = budget + w.credit;
    bool blockedBySize = false;
    for (Upload& u : w.uploads)
    {
        ChunkGrant cg;
        cg.upload = u.id;
        double offset = u.start;
        for (uint32_t c = 0; c < u.bytes.size(); ++c)
        {
            const double end = offset + u.bytes[c];
            offset = end;
            if (u.state[c] != ChunkState::PENDING)
            {
                continue;
            }
            if (end > w.admitted + BYTE_SLACK)
            {
                break; // not admitted yet, nor anything after it
            }
            if (u.bytes[c] > left + BYTE_SLACK)
            {
                blockedBySize = true; // stream order: a later, smaller chunk does not overtake
                break;
            }
            left -= u.bytes[c];
            u.state[c] = ChunkState::IN_FLIGHT;
            u.grant[c] = g.serial;
            (u.grantedBefore[c] ? cg.again : cg.fresh).push_back(c);
            if (u.grantedBefore[c])
            {
                ++m_counters.regrantedChunks;
            }
            u.grantedBefore[c] = true;
            cg.bytes += u.bytes[c];
        }
        if (cg.bytes > 0)
        {
            g.bytes += cg.bytes;
            g.chunks += static_cast<uint32_t>(cg.fresh.size() + cg.again.size());
            out.push_back(std::move(cg));
        }
        if (blockedBySize || offset > w.admitted + BYTE_SLACK)
        {
            break;
        }
    }
    // Deficit: a budget too small for the next chunk is kept for the next grant (less than
    // one chunk); with nothing left to grant the credit is gone.
    w.credit = blockedBySize ? std::max(0.0, left) : 0.0;
    if (g.chunks > 0)
    {
        g.remaining = g.chunks;
        ++w.nextSerial;
        w.inFlight += g.bytes;
        m_counters.grantedBytes += g.bytes;
        w.grants.push_back(g);
    }
    return out;
}

uint64_t
UplinkGrantLedger::OnChunkArrived(uint32_t worker, const UploadId& id, uint32_t chunk, double now)
{
    Worker& w = At(worker);
    for (Upload& u : w.uploads)
    {
        if (!(u.id == id))
        {
            continue;
        }
        if (chunk >= u.state.size() || u.state[chunk] == ChunkState::ARRIVED ||
            !u.grantedBefore[chunk])
        {
            ++m_counters.duplicateChunks;
            return 0;
        }
        const uint32_t bytes = u.bytes[chunk];
        if (u.state[chunk] == ChunkState::IN_FLIGHT)
        {
            w.inFlight -= bytes;
            for (GrantRecord& g : w.grants)
            {
                if (g.serial == u.grant[chunk])
                {
                    if (g.arrivedChunks == 0)
                    {
                        g.firstBytes = bytes;
                        g.firstArrival = now;
                    }
                    ++g.arrivedChunks;
                    g.arrivedBytes += bytes;
                    g.lastArrival = now;
                    --g.remaining;
                    break;
                }
            }
        }
        // A chunk whose grant expired may still arrive late: it counts as arrived.
        u.state[chunk] = ChunkState::ARRIVED;
        w.outstanding -= bytes;
        m_counters.arrivedBytes += bytes;
        Prune(w);
        return bytes;
    }
    ++m_counters.duplicateChunks;
    return 0;
}

uint64_t
UplinkGrantLedger::ExpireGrants(double now)
{
    uint64_t returned = 0;
    for (Worker& w : m_workers)
    {
        for (GrantRecord& g : w.grants)
        {
            if (g.remaining == 0 || now - g.time < m_config.timeout)
            {
                continue;
            }
            for (Upload& u : w.uploads)
            {
                for (uint32_t c = 0; c < u.state.size(); ++c)
                {
                    if (u.state[c] == ChunkState::IN_FLIGHT && u.grant[c] == g.serial)
                    {
                        u.state[c] = ChunkState::PENDING;
                        w.inFlight -= u.bytes[c];
                        returned += u.bytes[c];
                        m_counters.expiredBytes += u.bytes[c];
                    }
                }
            }
            g.remaining = 0;
        }
        Prune(w);
    }
    return returned;
}

void
UplinkGrantLedger::Sample(Worker& w, const GrantRecord& g)
{
    if (g.chunks < 2 || g.arrivedChunks < 2 || !(g.lastArrival > g.firstArrival))
    {
        return;
    }
    const double goodput = static_cast<double>(g.arrivedBytes - g.firstBytes) /
                           (g.lastArrival - g.firstArrival) *
                           (static_cast<double>(g.arrivedBytes) / static_cast<double>(g.bytes));
    w.rate = std::max(m_config.minRate,
                      (1.0 - m_config.rateGain) * w.rate + m_config.rateGain * goodput);
    ++m_counters.rateSamples;
}

void
UplinkGrantLedger::Prune(Worker& w)
{
    while (!w.grants.empty() && w.grants.front().remaining == 0)
    {
        Sample(w, w.grants.front());
        w.grants.pop_front();
    }
    // Later grants may finish before an earlier one: sample and drop them too.
    for (auto it = w.grants.begin(); it != w.grants.end();)
    {
        if (it->remaining == 0)
        {
            Sample(w, *it);
            it = w.grants.erase(it);
        }
        else
        {
            ++it;
        }
    }
    while (!w.uploads.empty() && std::all_of(w.uploads.front().state.begin(),
                                             w.uploads.front().state.end(),
                                             [](ChunkState s) { return s == ChunkState::ARRIVED; }))
    {
        w.uploads.pop_front();
    }
}

void
UplinkGrantLedger::Flush(uint32_t worker)
{
    Worker& w = At(worker);
    const double rate = w.rate;
    const uint32_t serial = w.nextSerial;
    w = Worker();
    w.rate = rate;
    w.nextSerial = serial;
}

double
UplinkGrantLedger::Rate(uint32_t worker) const
{
    return At(worker).rate;
}

uint64_t
UplinkGrantLedger::Outstanding(uint32_t worker) const
{
    return At(worker).outstanding;
}

uint64_t
UplinkGrantLedger::InFlight(uint32_t worker) const
{
    return At(worker).inFlight;
}

uint64_t
UplinkGrantLedger::Grantable(uint32_t worker) const
{
    const Worker& w = At(worker);
    uint64_t total = 0;
    for (const Upload& u : w.uploads)
    {
        double offset = u.start;
        for (uint32_t c = 0; c < u.bytes.size(); ++c)
        {
            offset += u.bytes[c];
            if (offset > w.admitted + BYTE_SLACK)
            {
                return total;
            }
            if (u.state[c] == ChunkState::PENDING)
            {
                total += u.bytes[c];
            }
        }
    }
    return total;
}

double
UplinkGrantLedger::Credit(uint32_t worker) const
{
    return At(worker).credit;
}

const UplinkGrantLedger::Counters&
UplinkGrantLedger::GetCounters() const
{
    return m_counters;
}

uint32_t
UplinkGrantLedger::NumWorkers() const
{
    return static_cast<uint32_t>(m_workers.size());
}

} // namespace coded
} // namespace ns3
