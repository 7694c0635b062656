// SPDX-License-Identifier: GPL-2.0-only
#include "message-reassembler.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace ns3
{
namespace coded
{

namespace
{

/// The name of each MessageReassembler::Status, in the order of the enumeration.
constexpr const char* STATUS_NAMES[] = {
    "INCOMPLETE",
    "COMPLETE",
    "DUPLICATE",
    "INCONSISTENT",
    "MALFORMED",
    "TOO_LARGE",
    "STALE",
};

static_assert(std::size(STATUS_NAMES) ==
                  static_cast<std::size_t>(MessageReassembler::Status::STALE) + 1,
              "one name per status (STALE is the last one)");

/// The counter a refusal increments, in the order of MessageReassembler::Status (none for
/// INCOMPLETE and COMPLETE, which are not refusals).
constexpr uint64_t ReassemblerCounters::*REFUSAL_COUNTERS[] = {
    nullptr,
    nullptr,
    &ReassemblerCounters::duplicates,
    &ReassemblerCounters::inconsistent,
    &ReassemblerCounters::malformed,
    &ReassemblerCounters::tooLarge,
    &ReassemblerCounters::stale,
};

static_assert(std::size(REFUSAL_COUNTERS) == std::size(STATUS_NAMES), "one entry per status");

} // namespace

bool
MessageKey::operator<(const MessageKey& o) const
{
    return std::tie(iteration, type, worker, stage, task) <
           std::tie(o.iteration, o.type, o.worker, o.stage, o.task);
}

bool
MessageKey::operator==(const MessageKey& o) const
{
    return type == o.type && iteration == o.iteration && worker == o.worker && stage == o.stage &&
           task == o.task;
}

std::string
MessageKey::ToString() const
{
    std::ostringstream os;
    os << "type=" << static_cast<uint32_t>(type) << " it=" << iteration << " w=" << worker
       << " st=" << stage << " task=" << task;
    return os.str();
}

MessageReassembler::MessageReassembler(const ReassemblerLimits& limits)
    : m_limits(limits)
{
    const auto require = [](uint64_t value, const char* field) {
        if (value == 0)
        {
            throw std::invalid_argument(std::string("MessageReassembler: ") + field +
                                        " is 0, must be >= 1");
        }
    };
    require(limits.maxMessageBytes, "maxMessageBytes");
    require(limits.maxBytesHeld, "maxBytesHeld");
    require(limits.maxMessagesInProgress, "maxMessagesInProgress");
    require(limits.maxChunksPerMessage, "maxChunksPerMessage");
    require(limits.maxCompletedRemembered, "maxCompletedRemembered");
    const uint64_t needed =
        uint64_t{limits.maxMessageBytes} + MESSAGE_OVERHEAD + 2 * CHUNK_OVERHEAD;
    if (limits.maxBytesHeld < needed)
    {
        throw std::invalid_argument(
            "MessageReassembler: maxBytesHeld is " + std::to_string(limits.maxBytesHeld) +
            ", must be >= maxMessageBytes (" + std::to_string(limits.maxMessageBytes) + ") + " +
            std::to_string(MESSAGE_OVERHEAD + 2 * CHUNK_OVERHEAD) + " bookkeeping bytes = " +
            std::to_string(needed) + " so that a message of the largest size can be reassembled");
    }
}

const char*
MessageReassembler::StatusName(Status status)
{
    const auto index = static_cast<std::size_t>(status);
    return index < std::size(STATUS_NAMES) ? STATUS_NAMES[index] : "UNKNOWN";
}

MessageReassembler::Status
MessageReassembler::Refuse(Status status, const std::string& reason)
{
    const auto index = static_cast<std::size_t>(status);
    if (index < std::size(REFUSAL_COUNTERS) && REFUSAL_COUNTERS[index] != nullptr)
    {
        ++(m_counters.*REFUSAL_COUNTERS[index]);
    }
    m_lastError = "MessageReassembler: " + reason;
    return status;
}

uint64_t
MessageReassembler::Charge(const Partial& p)
{
    return uint64_t{p.messageLength} + MESSAGE_OVERHEAD + CHUNK_OVERHEAD * p.chunks.size();
}

void
MessageReassembler::RememberCompleted(const MessageKey& key)
{
    if (!m_completed.insert(key).second)
    {
        return;
    }
    m_completedOrder.push_back(key);
    while (m_completedOrder.size() > m_limits.maxCompletedRemembered)
    {
        m_completed.erase(m_completedOrder.front());
        m_completedOrder.pop_front();
    }
}

MessageReassembler::Status
MessageReassembler::Accept(const MessageKey& key, const Chunk& c, std::vector<uint8_t>& message)
{
    const std::string where =
        key.ToString() + " chunk " + std::to_string(c.index) + "/" + std::to_string(c.count) + ": ";
    // 1. Iterations already finished.
    if (key.iteration < m_watermark)
    {
        return Refuse(Status::STALE,
                      where + "iteration " + std::to_string(key.iteration) +
                          " is before the discard watermark " + std::to_string(m_watermark));
    }
    // 2. The chunk on its own. 3. Limits.
    std::optional<Status> refusal = CheckShape(c, where);
    if (!refusal)
    {
        refusal = CheckLimits(c, where);
    }
    if (refusal)
    {
        return *refusal;
    }
    // 4. Messages already completed.
    if (m_completed.count(key) != 0)
    {
        return Refuse(Status::DUPLICATE, where + "the message was already completed");
    }
    auto it = m_partials.find(key);
    if (it == m_partials.end())
    {
        return StartMessage(key, c, where, message);
    }
    return AddToMessage(it, c, where, message);
}

std::optional<MessageReassembler::Status>
MessageReassembler::CheckShape(const Chunk& c, const std::string& where)
{
    if (c.count == 0)
    {
        return Refuse(Status::MALFORMED, where + "chunk count is 0, must be >= 1");
    }
    if (c.index >= c.count)
    {
        return Refuse(Status::MALFORMED,
                      where + "chunk index " + std::to_string(c.index) +
                          " must be < the chunk count " + std::to_string(c.count));
    }
    if (c.data == nullptr && c.size > 0)
    {
        return Refuse(Status::MALFORMED,
                      where + "no data pointer for " + std::to_string(c.size) + " bytes");
    }
    const uint64_t end = c.End();
    if (end > c.messageLength)
    {
        return Refuse(Status::MALFORMED,
                      where + "bytes [" + std::to_string(c.offset) + ", " + std::to_string(end) +
                          ") exceed the message length " + std::to_string(c.messageLength));
    }
    if (c.messageLength == 0 && c.count != 1)
    {
        return Refuse(Status::MALFORMED,
                      where + "a zero-length message must have exactly 1 chunk, not " +
                          std::to_string(c.count));
    }
    if (c.messageLength > 0 && c.size == 0)
    {
        return Refuse(Status::MALFORMED,
                      where + "an empty chunk in a message of " + std::to_string(c.messageLength) +
                          " bytes; every chunk of a non-empty message carries >= 1 byte");
    }
    if (c.messageLength > 0 && c.count > c.messageLength)
    {
        return Refuse(Status::MALFORMED,
                      where + "chunk count " + std::to_string(c.count) +
                          " exceeds the message length " + std::to_string(c.messageLength) +
                          " (every chunk carries >= 1 byte)");
    }
    if (c.index == 0 && c.offset != 0)
    {
        return Refuse(Status::MALFORMED,
                      where + "chunk 0 starts at offset " + std::to_string(c.offset) +
                          ", must start at 0");
    }
    if (c.index + 1 == c.count && end != c.messageLength)
    {
        return Refuse(Status::MALFORMED,
                      where + "the last chunk ends at byte " + std::to_string(end) +
                          ", must end at the message length " + std::to_string(c.messageLength));
    }
    if (c.offset < c.index || c.messageLength - end < uint64_t{c.count} - 1 - c.index)
    {
        return Refuse(Status::MALFORMED,
                      where + "bytes [" + std::to_string(c.offset) + ", " + std::to_string(end) +
                          ") leave no room for the other chunks of >= 1 byte each in a " +
                          std::to_string(c.messageLength) + "-byte message");
    }
    return std::nullopt;
}

std::optional<MessageReassembler::Status>
MessageReassembler::CheckLimits(const Chunk& c, const std::string& where)
{
    if (c.messageLength > m_limits.maxMessageBytes)
    {
        return Refuse(Status::TOO_LARGE,
                      where + "message length " + std::to_string(c.messageLength) +
                          " exceeds maxMessageBytes " + std::to_string(m_limits.maxMessageBytes));
    }
    if (c.count > m_limits.maxChunksPerMessage)
    {
        return Refuse(Status::TOO_LARGE,
                      where + "chunk count " + std::to_string(c.count) +
                          " exceeds maxChunksPerMessage " +
                          std::to_string(m_limits.maxChunksPerMessage));
    }
    return std::nullopt;
}

MessageReassembler::Status
MessageReassembler::StartMessage(const MessageKey& key,
                                 const Chunk& c,
                                 const std::string& where,
                                 std::vector<uint8_t>& message)
{
    if (c.count == 1)
    {
        // A one-chunk message completes at once and never occupies memory here.
        message.assign(c.data, c.data + c.size);
        ++m_counters.accepted;
        ++m_counters.completed;
        RememberCompleted(key);
        return Status::COMPLETE;
    }
    if (m_partials.size() >= m_limits.maxMessagesInProgress)
    {
        return Refuse(Status::TOO_LARGE,
                      where + "already " + std::to_string(m_partials.size()) +
                          " messages in progress (maxMessagesInProgress)");
    }
    const uint64_t charge = uint64_t{c.messageLength} + MESSAGE_OVERHEAD + CHUNK_OVERHEAD;
    if (m_bytesHeld + charge > m_limits.maxBytesHeld)
    {
        return Refuse(Status::TOO_LARGE,
                      where + "reserving " + std::to_string(charge) + " bytes would exceed " +
                          "maxBytesHeld " + std::to_string(m_limits.maxBytesHeld) + " (" +
                          std::to_string(m_bytesHeld) + " held)");
    }
    Partial p;
    p.chunkCount = c.count;
    p.messageLength = c.messageLength;
    p.bytes.resize(c.messageLength);
    if (c.size > 0)
    {
        std::memcpy(p.bytes.data() + c.offset, c.data, c.size);
    }
    p.chunks.emplace(c.index, Extent{c.offset, static_cast<uint32_t>(c.size)});
    m_bytesHeld += Charge(p);
    m_partials.emplace(key, std::move(p));
    ++m_counters.accepted;
    return Status::INCOMPLETE;
}

std::optional<MessageReassembler::Status>
MessageReassembler::CheckFit(const Partial& p, const Chunk& c, const std::string& where)
{
    const uint64_t end = c.End();
    if (p.chunkCount != c.count || p.messageLength != c.messageLength)
    {
        return Refuse(Status::INCONSISTENT,
                      where + "says " + std::to_string(c.count) + " chunks of " +
                          std::to_string(c.messageLength) + " bytes, earlier chunks said " +
                          std::to_string(p.chunkCount) + " chunks of " +
                          std::to_string(p.messageLength) + " bytes");
    }
    auto same = p.chunks.find(c.index);
    if (same != p.chunks.end())
    {
        const Extent& e = same->second;
        if (e.offset == c.offset && e.length == c.size &&
            (c.size == 0 || std::memcmp(p.bytes.data() + c.offset, c.data, c.size) == 0))
        {
            return Refuse(Status::DUPLICATE, where + "already received");
        }
        return Refuse(Status::INCONSISTENT,
                      where + "received before as bytes [" + std::to_string(e.offset) + ", " +
                          std::to_string(uint64_t{e.offset} + e.length) +
                          ") with other contents or extent than now [" + std::to_string(c.offset) +
                          ", " + std::to_string(end) + ")");
    }
    // Neighbours: chunk order is byte order, adjacent indices touch exactly.
    auto next = p.chunks.upper_bound(c.index);
    if (next != p.chunks.end())
    {
        // Each of the gap chunks between the two carries >= 1 byte.
        const Extent& n = next->second;
        const uint64_t gap = next->first - c.index - 1;
        if (n.offset < end + gap || (gap == 0 && n.offset != end))
        {
            return Refuse(Status::INCONSISTENT,
                          where + "bytes [" + std::to_string(c.offset) + ", " +
                              std::to_string(end) + ") do not fit before chunk " +
                              std::to_string(next->first) + " at offset " +
                              std::to_string(n.offset));
        }
    }
    if (next != p.chunks.begin())
    {
        auto prev = std::prev(next);
        const Extent& q = prev->second;
        const uint64_t prevEnd = uint64_t{q.offset} + q.length;
        const uint64_t gap = c.index - prev->first - 1;
        if (c.offset < prevEnd + gap || (gap == 0 && c.offset != prevEnd))
        {
            return Refuse(Status::INCONSISTENT,
                          where + "bytes [" + std::to_string(c.offset) + ", " +
                              std::to_string(end) + ") do not fit after chunk " +
                              std::to_string(prev->first) + " ending at byte " +
                              std::to_string(prevEnd));
        }
    }
    return std::nullopt;
}

MessageReassembler::Status
MessageReassembler::AddToMessage(std::map<MessageKey, Partial>::iterator it,
                                 const Chunk& c,
                                 const std::string& where,
                                 std::vector<uint8_t>& message)
{
    Partial& p = it->second;
    if (std::optional<Status> refusal = CheckFit(p, c, where))
    {
        return *refusal;
    }
    if (m_bytesHeld + CHUNK_OVERHEAD > m_limits.maxBytesHeld)
    {
        return Refuse(Status::TOO_LARGE,
                      where + "storing it would exceed maxBytesHeld " +
                          std::to_string(m_limits.maxBytesHeld));
    }
    if (c.size > 0)
    {
        std::memcpy(p.bytes.data() + c.offset, c.data, c.size);
    }
    p.chunks.emplace(c.index, Extent{c.offset, static_cast<uint32_t>(c.size)});
    m_bytesHeld += CHUNK_OVERHEAD;
    ++m_counters.accepted;
    if (p.chunks.size() < p.chunkCount)
    {
        return Status::INCOMPLETE;
    }
    // All c chunks, 0 at offset 0, c-1 ending at L, neighbours touching: [0, L) is tiled.
    const MessageKey key = it->first;
    m_bytesHeld -= Charge(p);
    message = std::move(p.bytes);
    m_partials.erase(it);
    ++m_counters.completed;
    RememberCompleted(key);
    return Status::COMPLETE;
}

std::vector<uint32_t>
MessageReassembler::MissingChunks(const MessageKey& key) const
{
    std::vector<uint32_t> missing;
    auto it = m_partials.find(key);
    if (it == m_partials.end())
    {
        return missing;
    }
    const Partial& p = it->second;
    missing.reserve(p.chunkCount - p.chunks.size());
    auto c = p.chunks.begin();
    for (uint32_t i = 0; i < p.chunkCount; ++i)
    {
        if (c != p.chunks.end() && c->first == i)
        {
            ++c;
        }
        else
        {
            missing.push_back(i);
        }
    }
    return missing;
}

bool
MessageReassembler::InProgress(const MessageKey& key) const
{
    return m_partials.count(key) != 0;
}

bool
MessageReassembler::WasCompleted(const MessageKey& key) const
{
    return m_completed.count(key) != 0;
}

std::vector<MessageKey>
MessageReassembler::PendingMessages() const
{
    std::vector<MessageKey> keys;
    keys.reserve(m_partials.size());
    for (const auto& kv : m_partials)
    {
        keys.push_back(kv.first);
    }
    return keys;
}

uint32_t
MessageReassembler::DiscardBefore(uint32_t iteration)
{
    m_watermark = std::max(m_watermark, iteration);
    uint32_t dropped = 0;
    // Keys order by iteration first, so the stale ones are a prefix.
    while (!m_partials.empty() && m_partials.begin()->first.iteration < m_watermark)
    {
        m_bytesHeld -= Charge(m_partials.begin()->second);
        m_partials.erase(m_partials.begin());
        ++dropped;
    }
    while (!m_completed.empty() && m_completed.begin()->iteration < m_watermark)
    {
        m_completed.erase(m_completed.begin());
    }
    std::deque<MessageKey> kept;
    for (const auto& k : m_completedOrder)
    {
        if (k.iteration >= m_watermark)
        {
            kept.push_back(k);
        }
    }
    m_completedOrder.swap(kept);
    m_counters.discarded += dropped;
    return dropped;
}

bool
MessageReassembler::Discard(const MessageKey& key)
{
    auto it = m_partials.find(key);
    if (it == m_partials.end())
    {
        return false;
    }
    m_bytesHeld -= Charge(it->second);
    m_partials.erase(it);
    ++m_counters.discarded;
    return true;
}

uint32_t
MessageReassembler::Watermark() const
{
    return m_watermark;
}

uint64_t
MessageReassembler::BytesHeld() const
{
    return m_bytesHeld;
}

uint32_t
MessageReassembler::MessagesInProgress() const
{
    return static_cast<uint32_t>(m_partials.size());
}

const ReassemblerCounters&
MessageReassembler::Counters() const
{
    return m_counters;
}

const ReassemblerLimits&
MessageReassembler::Limits() const
{
    return m_limits;
}

const std::string&
MessageReassembler::LastError() const
{
    return m_lastError;
}

std::vector<ChunkSpan>
MessageReassembler::PlanChunks(uint32_t messageLength, uint32_t maxChunkPayload)
{
    if (maxChunkPayload == 0)
    {
        throw std::invalid_argument("MessageReassembler::PlanChunks: maxChunkPayload is 0, "
                                    "must be >= 1");
    }
    std::vector<ChunkSpan> chunks;
    if (messageLength == 0)
    {
        chunks.push_back(ChunkSpan{0, 0, 0});
        return chunks;
    }
    const uint32_t count =
        static_cast<uint32_t>((uint64_t{messageLength} + maxChunkPayload - 1) / maxChunkPayload);
    chunks.reserve(count);
    for (uint32_t i = 0; i < count; ++i)
    {
        const uint64_t off = uint64_t{i} * maxChunkPayload;
        const uint64_t len = std::min<uint64_t>(maxChunkPayload, messageLength - off);
        chunks.push_back(ChunkSpan{i, static_cast<uint32_t>(off), static_cast<uint32_t>(len)});
    }
    return chunks;
}

std::ostream&
operator<<(std::ostream& os, MessageReassembler::Status status)
{
    return os << MessageReassembler::StatusName(status);
}

std::ostream&
operator<<(std::ostream& os, const MessageKey& key)
{
    return os << key.ToString();
}

} // namespace coded
} // namespace ns3
