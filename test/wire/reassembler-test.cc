// SPDX-License-Identifier: GPL-2.0-only
//
// MessageReassembler: every status, out-of-order and duplicate chunks, limits, NACK lists,
// the discard watermark, and a hostile random stream that must never break the invariants.

#include "ns3/message-reassembler.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3::coded;
using Status = MessageReassembler::Status;

namespace
{

/// A message of n bytes with recognisable contents.
std::vector<uint8_t>
Message(uint32_t n, uint32_t seed = 1)
{
    std::vector<uint8_t> m(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        m[i] = static_cast<uint8_t>(i * 7 + seed * 13 + (i >> 8));
    }
    return m;
}

/// A RESULT key.
MessageKey
Key(uint32_t iteration, uint32_t worker = 1, uint32_t task = 0)
{
    MessageKey k;
    k.type = 3;
    k.iteration = iteration;
    k.worker = worker;
    k.stage = 1;
    k.task = task;
    return k;
}

/// Offers chunk `span` of `message`.
Status
Offer(MessageReassembler& r,
      const MessageKey& key,
      const std::vector<uint8_t>& message,
      const std::vector<ChunkSpan>& spans,
      uint32_t i,
      std::vector<uint8_t>& out)
{
    const ChunkSpan& s = spans[i];
    return r.Accept(key,
                    {s.index,
                     static_cast<uint32_t>(spans.size()),
                     s.offset,
                     static_cast<uint32_t>(message.size()),
                     message.data() + s.offset,
                     s.length},
                    out);
}

/// \return whether text contains part
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(wire)

BOOST_AUTO_TEST_CASE(wire_reassembler_plan_chunks)
{
    auto spans = MessageReassembler::PlanChunks(5600, 1400);
    BOOST_TEST(spans.size() == 4u);
    for (uint32_t i = 0; i < 4; ++i)
    {
        BOOST_TEST(spans[i].index == i);
        BOOST_TEST(spans[i].offset == i * 1400);
        BOOST_TEST(spans[i].length == 1400u);
    }
    spans = MessageReassembler::PlanChunks(5601, 1400);
    BOOST_TEST(spans.size() == 5u);
    BOOST_TEST(spans.back().offset == 5600u);
    BOOST_TEST(spans.back().length == 1u);
    spans = MessageReassembler::PlanChunks(0, 1400);
    BOOST_TEST(spans.size() == 1u);
    BOOST_TEST(spans[0].length == 0u);
    spans = MessageReassembler::PlanChunks(0xFFFFFFFFu, 0xFFFFFFFFu);
    BOOST_TEST(spans.size() == 1u);
    BOOST_CHECK_THROW(MessageReassembler::PlanChunks(10, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_in_order)
{
    MessageReassembler r;
    const auto msg = Message(5000);
    const auto spans = MessageReassembler::PlanChunks(5000, 1400);
    std::vector<uint8_t> out;
    BOOST_TEST(Offer(r, Key(0), msg, spans, 0, out) == Status::INCOMPLETE);
    BOOST_TEST(r.MessagesInProgress() == 1u);
    BOOST_TEST(r.BytesHeld() ==
               5000u + MessageReassembler::MESSAGE_OVERHEAD + MessageReassembler::CHUNK_OVERHEAD);
    BOOST_TEST(Offer(r, Key(0), msg, spans, 1, out) == Status::INCOMPLETE);
    BOOST_TEST(Offer(r, Key(0), msg, spans, 2, out) == Status::INCOMPLETE);
    BOOST_TEST(out.empty());
    BOOST_TEST(Offer(r, Key(0), msg, spans, 3, out) == Status::COMPLETE);
    BOOST_TEST(out == msg);
    BOOST_TEST(r.MessagesInProgress() == 0u);
    BOOST_TEST(r.BytesHeld() == 0u);
    BOOST_TEST(r.WasCompleted(Key(0)));
    BOOST_TEST(r.Counters().accepted == 4u);
    BOOST_TEST(r.Counters().completed == 1u);
    BOOST_TEST(r.LastError().empty());
}

BOOST_AUTO_TEST_CASE(wire_reassembler_out_of_order_and_missing_chunks)
{
    const auto msg = Message(10000, 3);
    const auto spans = MessageReassembler::PlanChunks(10000, 1000);
    std::vector<uint32_t> order(spans.size());
    std::iota(order.begin(), order.end(), 0u);
    std::mt19937 gen(42);
    for (int trial = 0; trial < 20; ++trial)
    {
        std::shuffle(order.begin(), order.end(), gen);
        MessageReassembler r;
        std::vector<uint8_t> out;
        std::vector<uint32_t> received;
        for (std::size_t k = 0; k < order.size(); ++k)
        {
            const Status s = Offer(r, Key(5), msg, spans, order[k], out);
            received.push_back(order[k]);
            if (k + 1 < order.size())
            {
                BOOST_TEST(s == Status::INCOMPLETE);
                std::vector<uint32_t> expected;
                for (uint32_t i = 0; i < spans.size(); ++i)
                {
                    if (std::find(received.begin(), received.end(), i) == received.end())
                    {
                        expected.push_back(i);
                    }
                }
                BOOST_TEST(r.MissingChunks(Key(5)) == expected);
            }
            else
            {
                BOOST_TEST(s == Status::COMPLETE);
            }
        }
        BOOST_TEST(out == msg);
        BOOST_TEST(r.MissingChunks(Key(5)).empty());
    }
}

BOOST_AUTO_TEST_CASE(wire_reassembler_missing_chunks_for_nack)
{
    MessageReassembler r;
    const auto msg = Message(6000);
    const auto spans = MessageReassembler::PlanChunks(6000, 1000);
    std::vector<uint8_t> out;
    BOOST_TEST(r.MissingChunks(Key(1)).empty()); // never seen
    BOOST_TEST(!r.InProgress(Key(1)));
    Offer(r, Key(1), msg, spans, 1, out);
    Offer(r, Key(1), msg, spans, 4, out);
    BOOST_TEST(r.InProgress(Key(1)));
    BOOST_TEST(r.MissingChunks(Key(1)) == (std::vector<uint32_t>{0, 2, 3, 5}));
    BOOST_TEST(r.PendingMessages().size() == 1u);
    BOOST_TEST(r.PendingMessages()[0] == Key(1));
    // The NACKed chunks arrive (retransmission): the message completes.
    for (uint32_t i : {5u, 0u, 3u})
    {
        BOOST_TEST(Offer(r, Key(1), msg, spans, i, out) == Status::INCOMPLETE);
    }
    BOOST_TEST(r.MissingChunks(Key(1)) == (std::vector<uint32_t>{2}));
    BOOST_TEST(Offer(r, Key(1), msg, spans, 2, out) == Status::COMPLETE);
    BOOST_TEST(out == msg);
    BOOST_TEST(r.MissingChunks(Key(1)).empty());
}

BOOST_AUTO_TEST_CASE(wire_reassembler_single_chunk_and_empty_messages)
{
    MessageReassembler r;
    std::vector<uint8_t> out{9, 9};
    BOOST_TEST(r.Accept(Key(0), {0, 1, 0, 0, nullptr, 0}, out) == Status::COMPLETE);
    BOOST_TEST(out.empty());
    const auto msg = Message(700);
    BOOST_TEST(r.Accept(Key(0, 2), {0, 1, 0, 700, msg.data(), msg.size()}, out) ==
               Status::COMPLETE);
    BOOST_TEST(out == msg);
    BOOST_TEST(r.MessagesInProgress() == 0u);
    BOOST_TEST(r.BytesHeld() == 0u);
    BOOST_TEST(r.Counters().completed == 2u);
    // Again: the message was completed, so this is a duplicate.
    BOOST_TEST(r.Accept(Key(0, 2), {0, 1, 0, 700, msg.data(), msg.size()}, out) ==
               Status::DUPLICATE);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_duplicates)
{
    MessageReassembler r;
    const auto msg = Message(3000);
    const auto spans = MessageReassembler::PlanChunks(3000, 1000);
    std::vector<uint8_t> out;
    BOOST_TEST(Offer(r, Key(2), msg, spans, 1, out) == Status::INCOMPLETE);
    BOOST_TEST(Offer(r, Key(2), msg, spans, 1, out) == Status::DUPLICATE);
    BOOST_TEST(Contains(r.LastError(), "already received"), r.LastError());
    BOOST_TEST(r.Counters().duplicates == 1u);
    BOOST_TEST(Offer(r, Key(2), msg, spans, 0, out) == Status::INCOMPLETE);
    BOOST_TEST(Offer(r, Key(2), msg, spans, 2, out) == Status::COMPLETE);
    // Late copies of a completed message are duplicates, not a new message.
    for (uint32_t i = 0; i < 3; ++i)
    {
        BOOST_TEST(Offer(r, Key(2), msg, spans, i, out) == Status::DUPLICATE);
    }
    BOOST_TEST(Contains(r.LastError(), "already completed"), r.LastError());
    BOOST_TEST(r.MessagesInProgress() == 0u);
    BOOST_TEST(r.Counters().duplicates == 4u);
    BOOST_TEST(r.Counters().completed == 1u);
    BOOST_TEST(r.Counters().accepted == 3u);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_inconsistent_chunks)
{
    const auto msg = Message(4000);
    const auto spans = MessageReassembler::PlanChunks(4000, 1000);
    MessageReassembler r;
    std::vector<uint8_t> out;
    BOOST_TEST(Offer(r, Key(0), msg, spans, 1, out) == Status::INCOMPLETE);
    const uint64_t held = r.BytesHeld();

    // Another chunk count.
    BOOST_TEST(r.Accept(Key(0), {2, 5, 2000, 4000, msg.data() + 2000, 500}, out) ==
               Status::INCONSISTENT);
    BOOST_TEST(Contains(r.LastError(),
                        "says 5 chunks of 4000 bytes, earlier chunks said 4 "
                        "chunks of 4000 bytes"),
               r.LastError());
    // Another message length.
    BOOST_TEST(r.Accept(Key(0), {2, 4, 2000, 4001, msg.data() + 2000, 1000}, out) ==
               Status::INCONSISTENT);
    // Same index, other bytes.
    std::vector<uint8_t> other(msg.begin() + 1000, msg.begin() + 2000);
    other[10] ^= 1;
    BOOST_TEST(r.Accept(Key(0), {1, 4, 1000, 4000, other.data(), other.size()}, out) ==
               Status::INCONSISTENT);
    BOOST_TEST(Contains(r.LastError(), "with other contents or extent"), r.LastError());
    // Same index, other extent.
    BOOST_TEST(r.Accept(Key(0), {1, 4, 1000, 4000, msg.data() + 1000, 999}, out) ==
               Status::INCONSISTENT);
    // Adjacent chunk 2 must start where chunk 1 ends (2000).
    BOOST_TEST(r.Accept(Key(0), {2, 4, 2001, 4000, msg.data() + 2001, 999}, out) ==
               Status::INCONSISTENT);
    BOOST_TEST(Contains(r.LastError(), "do not fit after chunk 1 ending at byte 2000"),
               r.LastError());
    // Adjacent chunk 0 must end where chunk 1 starts (1000).
    BOOST_TEST(r.Accept(Key(0), {0, 4, 0, 4000, msg.data(), 999}, out) == Status::INCONSISTENT);
    BOOST_TEST(Contains(r.LastError(), "do not fit before chunk 1 at offset 1000"), r.LastError());
    // Chunk 3 (last) at 3500 would leave 1500 bytes for chunk 2 - fine - but overlap with a
    // chunk 3 stored first, then a chunk 2 overlapping it, is refused.
    BOOST_TEST(r.Accept(Key(0), {3, 4, 3500, 4000, msg.data() + 3500, 500}, out) ==
               Status::INCOMPLETE);
    BOOST_TEST(r.Accept(Key(0), {2, 4, 2000, 4000, msg.data() + 2000, 1600}, out) ==
               Status::INCONSISTENT);
    BOOST_TEST(r.Counters().inconsistent == 7u);
    BOOST_TEST(r.BytesHeld() == held + MessageReassembler::CHUNK_OVERHEAD);
    // Refused chunks changed nothing: the right chunks complete the message.
    BOOST_TEST(r.Accept(Key(0), {0, 4, 0, 4000, msg.data(), 1000}, out) == Status::INCOMPLETE);
    BOOST_TEST(r.Accept(Key(0), {2, 4, 2000, 4000, msg.data() + 2000, 1500}, out) ==
               Status::COMPLETE);
    BOOST_TEST(out == msg);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_non_adjacent_gap_needs_room)
{
    // Chunks 0 and 3 of 4 leave bytes [1000, 1001) for chunks 1 and 2: impossible.
    const auto msg = Message(2000);
    MessageReassembler r;
    std::vector<uint8_t> out;
    BOOST_TEST(r.Accept(Key(0), {0, 4, 0, 2000, msg.data(), 1000}, out) == Status::INCOMPLETE);
    BOOST_TEST(r.Accept(Key(0), {3, 4, 1001, 2000, msg.data() + 1001, 999}, out) ==
               Status::INCONSISTENT);
    BOOST_TEST(r.Accept(Key(0), {3, 4, 1002, 2000, msg.data() + 1002, 998}, out) ==
               Status::INCOMPLETE);
    BOOST_TEST(r.Accept(Key(0), {1, 4, 1000, 2000, msg.data() + 1000, 1}, out) ==
               Status::INCOMPLETE);
    BOOST_TEST(r.Accept(Key(0), {2, 4, 1001, 2000, msg.data() + 1001, 1}, out) == Status::COMPLETE);
    BOOST_TEST(out == msg);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_malformed_chunks)
{
    MessageReassembler r;
    const auto msg = Message(4000);
    std::vector<uint8_t> out;

    struct Case
    {
        uint32_t index, count, offset, length;
        const uint8_t* data;
        std::size_t size;
        std::string error;
    };

    const uint8_t* d = msg.data();
    const std::vector<Case> cases = {
        {0, 0, 0, 4000, d, 1000, "chunk count is 0, must be >= 1"},
        {4, 4, 0, 4000, d, 1000, "chunk index 4 must be < the chunk count 4"},
        {1, 4, 1000, 4000, nullptr, 1000, "no data pointer for 1000 bytes"},
        {1, 4, 3500, 4000, d, 1000, "bytes [3500, 4500) exceed the message length 4000"},
        {1, 4, 0xFFFFFFFFu, 4000, d, 1, "exceed the message length 4000"},
        {0, 2, 0, 0, nullptr, 0, "a zero-length message must have exactly 1 chunk, not 2"},
        {1, 4, 1000, 4000, d, 0, "an empty chunk in a message of 4000 bytes"},
        {0, 5, 0, 4, d, 1, "chunk count 5 exceeds the message length 4"},
        {0, 4, 10, 4000, d, 1000, "chunk 0 starts at offset 10, must start at 0"},
        {3, 4, 2000, 4000, d, 1000, "the last chunk ends at byte 3000, must end at"},
        {2, 4, 1, 4000, d, 1000, "leave no room for the other chunks"},
        {1, 4, 1000, 4000, d, 2999, "leave no room for the other chunks"},
    };
    for (const auto& c : cases)
    {
        BOOST_TEST(r.Accept(Key(0), {c.index, c.count, c.offset, c.length, c.data, c.size}, out) ==
                       Status::MALFORMED,
                   c.error);
        BOOST_TEST(Contains(r.LastError(), c.error), r.LastError() << " lacks " << c.error);
    }
    BOOST_TEST(r.Counters().malformed == cases.size());
    BOOST_TEST(r.MessagesInProgress() == 0u);
    BOOST_TEST(r.BytesHeld() == 0u);
    BOOST_TEST(r.Counters().accepted == 0u);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_limits)
{
    ReassemblerLimits limits;
    limits.maxMessageBytes = 10000;
    limits.maxChunksPerMessage = 8;
    limits.maxMessagesInProgress = 2;
    limits.maxBytesHeld =
        10000 + MessageReassembler::MESSAGE_OVERHEAD + 2 * MessageReassembler::CHUNK_OVERHEAD;
    MessageReassembler r(limits);
    const auto msg = Message(10001);
    std::vector<uint8_t> out;
    // Message too large.
    BOOST_TEST(r.Accept(Key(0), {0, 11, 0, 10001, msg.data(), 1000}, out) == Status::TOO_LARGE);
    BOOST_TEST(Contains(r.LastError(), "message length 10001 exceeds maxMessageBytes 10000"),
               r.LastError());
    // Too many chunks.
    BOOST_TEST(r.Accept(Key(0), {0, 9, 0, 9000, msg.data(), 1000}, out) == Status::TOO_LARGE);
    BOOST_TEST(Contains(r.LastError(), "chunk count 9 exceeds maxChunksPerMessage 8"),
               r.LastError());
    // The largest message fits, with its first two chunks ...
    BOOST_TEST(r.Accept(Key(0, 1), {0, 8, 0, 10000, msg.data(), 1250}, out) == Status::INCOMPLETE);
    BOOST_TEST(r.Accept(Key(0, 1), {1, 8, 1250, 10000, msg.data() + 1250, 1250}, out) ==
               Status::INCOMPLETE);
    BOOST_TEST(r.BytesHeld() == limits.maxBytesHeld);
    // ... but no third chunk's bookkeeping, and no second message.
    BOOST_TEST(r.Accept(Key(0, 1), {2, 8, 2500, 10000, msg.data() + 2500, 1250}, out) ==
               Status::TOO_LARGE);
    BOOST_TEST(Contains(r.LastError(), "would exceed maxBytesHeld"), r.LastError());
    BOOST_TEST(r.Accept(Key(0, 2), {0, 2, 0, 2, msg.data(), 1}, out) == Status::TOO_LARGE);
    BOOST_TEST(Contains(r.LastError(), "would exceed maxBytesHeld"), r.LastError());
    BOOST_TEST(r.Counters().tooLarge == 4u);
    BOOST_TEST(r.BytesHeld() <= limits.maxBytesHeld);
    // One-chunk messages never occupy memory, so they still pass.
    BOOST_TEST(r.Accept(Key(0, 3), {0, 1, 0, 5, msg.data(), 5}, out) == Status::COMPLETE);
    BOOST_TEST(r.Discard(Key(0, 1)));
    BOOST_TEST(r.BytesHeld() == 0u);

    // Messages in progress.
    limits.maxBytesHeld = 1000000;
    MessageReassembler s(limits);
    BOOST_TEST(s.Accept(Key(0, 1), {0, 2, 0, 2, msg.data(), 1}, out) == Status::INCOMPLETE);
    BOOST_TEST(s.Accept(Key(0, 2), {0, 2, 0, 2, msg.data(), 1}, out) == Status::INCOMPLETE);
    BOOST_TEST(s.Accept(Key(0, 3), {0, 2, 0, 2, msg.data(), 1}, out) == Status::TOO_LARGE);
    BOOST_TEST(Contains(s.LastError(), "already 2 messages in progress (maxMessagesInProgress)"),
               s.LastError());
    // Chunks of messages already in progress are still taken.
    BOOST_TEST(s.Accept(Key(0, 1), {1, 2, 1, 2, msg.data() + 1, 1}, out) == Status::COMPLETE);
    BOOST_TEST(s.Accept(Key(0, 3), {0, 2, 0, 2, msg.data(), 1}, out) == Status::INCOMPLETE);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_constructor_validates_limits)
{
    const auto expectError = [](ReassemblerLimits l, const std::string& part) {
        try
        {
            MessageReassembler r(l);
            BOOST_ERROR("no exception for " << part);
        }
        catch (const std::invalid_argument& e)
        {
            BOOST_TEST(Contains(e.what(), part), e.what());
        }
    };
    ReassemblerLimits l;
    l.maxMessageBytes = 0;
    expectError(l, "maxMessageBytes is 0, must be >= 1");
    l = ReassemblerLimits();
    l.maxBytesHeld = 0;
    expectError(l, "maxBytesHeld is 0, must be >= 1");
    l = ReassemblerLimits();
    l.maxMessagesInProgress = 0;
    expectError(l, "maxMessagesInProgress is 0");
    l = ReassemblerLimits();
    l.maxChunksPerMessage = 0;
    expectError(l, "maxChunksPerMessage is 0");
    l = ReassemblerLimits();
    l.maxCompletedRemembered = 0;
    expectError(l, "maxCompletedRemembered is 0");
    l = ReassemblerLimits();
    l.maxMessageBytes = 1000;
    l.maxBytesHeld = 1000;
    expectError(l, "maxBytesHeld is 1000, must be >= maxMessageBytes (1000)");
    BOOST_CHECK_NO_THROW(MessageReassembler{ReassemblerLimits()});
}

BOOST_AUTO_TEST_CASE(wire_reassembler_stale_and_discard)
{
    MessageReassembler r;
    const auto msg = Message(3000);
    const auto spans = MessageReassembler::PlanChunks(3000, 1000);
    std::vector<uint8_t> out;
    Offer(r, Key(3), msg, spans, 0, out);
    Offer(r, Key(4), msg, spans, 0, out);
    Offer(r, Key(5), msg, spans, 0, out);
    BOOST_TEST(Offer(r, Key(4, 9), msg, spans, 0, out) == Status::INCOMPLETE);
    BOOST_TEST(r.Accept(Key(4, 7), {0, 1, 0, 0, nullptr, 0}, out) == Status::COMPLETE);
    BOOST_TEST(r.MessagesInProgress() == 4u);

    BOOST_TEST(r.DiscardBefore(5) == 3u);
    BOOST_TEST(r.Watermark() == 5u);
    BOOST_TEST(r.MessagesInProgress() == 1u);
    BOOST_TEST(r.InProgress(Key(5)));
    BOOST_TEST(!r.WasCompleted(Key(4, 7)));
    BOOST_TEST(r.Counters().discarded == 3u);
    BOOST_TEST(r.BytesHeld() ==
               3000u + MessageReassembler::MESSAGE_OVERHEAD + MessageReassembler::CHUNK_OVERHEAD);
    // Chunks of finished iterations are stale, also those of completed messages.
    BOOST_TEST(Offer(r, Key(4), msg, spans, 1, out) == Status::STALE);
    BOOST_TEST(Contains(r.LastError(), "iteration 4 is before the discard watermark 5"),
               r.LastError());
    BOOST_TEST(r.Accept(Key(4, 7), {0, 1, 0, 0, nullptr, 0}, out) == Status::STALE);
    BOOST_TEST(r.Counters().stale == 2u);
    // The watermark never moves back.
    BOOST_TEST(r.DiscardBefore(2) == 0u);
    BOOST_TEST(r.Watermark() == 5u);
    BOOST_TEST(Offer(r, Key(3), msg, spans, 1, out) == Status::STALE);
    // The current iteration goes on.
    BOOST_TEST(Offer(r, Key(5), msg, spans, 1, out) == Status::INCOMPLETE);
    BOOST_TEST(Offer(r, Key(5), msg, spans, 2, out) == Status::COMPLETE);
    BOOST_TEST(out == msg);

    // Discard one message: later chunks start it afresh.
    Offer(r, Key(6), msg, spans, 0, out);
    BOOST_TEST(r.Discard(Key(6)));
    BOOST_TEST(!r.Discard(Key(6)));
    BOOST_TEST(!r.InProgress(Key(6)));
    BOOST_TEST(r.BytesHeld() == 0u);
    BOOST_TEST(Offer(r, Key(6), msg, spans, 2, out) == Status::INCOMPLETE);
    BOOST_TEST(r.MissingChunks(Key(6)) == (std::vector<uint32_t>{0, 1}));
    BOOST_TEST(r.DiscardBefore(0xFFFFFFFFu) == 1u);
    BOOST_TEST(r.BytesHeld() == 0u);
    BOOST_TEST(r.PendingMessages().empty());
}

BOOST_AUTO_TEST_CASE(wire_reassembler_keys_are_distinct)
{
    // Same iteration, differing in one key field each: five separate messages.
    MessageReassembler r;
    const auto msg = Message(2);
    std::vector<uint8_t> out;
    MessageKey base = Key(1, 1, 1);
    std::vector<MessageKey> keys(5, base);
    keys[1].type = 1;
    keys[2].worker = 2;
    keys[3].stage = 2;
    keys[4].task = 2;
    for (const auto& k : keys)
    {
        BOOST_TEST(r.Accept(k, {0, 2, 0, 2, msg.data(), 1}, out) == Status::INCOMPLETE);
    }
    BOOST_TEST(r.MessagesInProgress() == 5u);
    BOOST_TEST(keys[2].ToString() == "type=3 it=1 w=2 st=1 task=1");
}

BOOST_AUTO_TEST_CASE(wire_reassembler_completed_memory_is_bounded)
{
    ReassemblerLimits limits;
    limits.maxCompletedRemembered = 3;
    MessageReassembler r(limits);
    std::vector<uint8_t> out;
    for (uint32_t t = 0; t < 5; ++t)
    {
        BOOST_TEST(r.Accept(Key(0, 0, t), {0, 1, 0, 0, nullptr, 0}, out) == Status::COMPLETE);
    }
    // The two oldest keys are forgotten; a late copy of them completes again.
    BOOST_TEST(!r.WasCompleted(Key(0, 0, 0)));
    BOOST_TEST(!r.WasCompleted(Key(0, 0, 1)));
    BOOST_TEST(r.WasCompleted(Key(0, 0, 4)));
    BOOST_TEST(r.Accept(Key(0, 0, 4), {0, 1, 0, 0, nullptr, 0}, out) == Status::DUPLICATE);
    BOOST_TEST(r.Accept(Key(0, 0, 0), {0, 1, 0, 0, nullptr, 0}, out) == Status::COMPLETE);
}

BOOST_AUTO_TEST_CASE(wire_reassembler_status_names)
{
    BOOST_TEST(std::string(MessageReassembler::StatusName(Status::INCOMPLETE)) == "INCOMPLETE");
    BOOST_TEST(std::string(MessageReassembler::StatusName(Status::COMPLETE)) == "COMPLETE");
    BOOST_TEST(std::string(MessageReassembler::StatusName(Status::DUPLICATE)) == "DUPLICATE");
    BOOST_TEST(std::string(MessageReassembler::StatusName(Status::INCONSISTENT)) == "INCONSISTENT");
    BOOST_TEST(std::string(MessageReassembler::StatusName(Status::MALFORMED)) == "MALFORMED");
    BOOST_TEST(std::string(MessageReassembler::StatusName(Status::TOO_LARGE)) == "TOO_LARGE");
    BOOST_TEST(std::string(MessageReassembler::StatusName(Status::STALE)) == "STALE");
}

BOOST_AUTO_TEST_CASE(wire_reassembler_hostile_random_stream)
{
    // Random chunks, valid, corrupted and duplicated, of a few messages of few iterations:
    // never a crash, BytesHeld() within the limit and equal to its recomputation, counters
    // adding up, and every COMPLETE message equal to the original.
    ReassemblerLimits limits;
    limits.maxMessageBytes = 20000;
    limits.maxBytesHeld = 60000;
    limits.maxMessagesInProgress = 4;
    limits.maxChunksPerMessage = 64;
    MessageReassembler r(limits);
    std::mt19937 gen(7);
    std::uniform_int_distribution<uint32_t> pick(0, 0xFFFFFFFFu);
    std::vector<std::vector<uint8_t>> messages;
    for (uint32_t m = 0; m < 8; ++m)
    {
        messages.push_back(Message(1 + pick(gen) % 20000, m));
    }
    uint64_t offers = 0;
    uint64_t completes = 0;
    for (int step = 0; step < 200000; ++step)
    {
        const uint32_t m = pick(gen) % messages.size();
        const auto& msg = messages[m];
        const uint32_t chunkSize = 1000 + 500 * (m % 3);
        const auto spans =
            MessageReassembler::PlanChunks(static_cast<uint32_t>(msg.size()), chunkSize);
        MessageKey key = Key(m % 4 + step / 50000, m);
        const ChunkSpan s = spans[pick(gen) % spans.size()];
        uint32_t index = s.index;
        uint32_t count = static_cast<uint32_t>(spans.size());
        uint32_t offset = s.offset;
        uint32_t length = static_cast<uint32_t>(msg.size());
        uint32_t size = s.length;
        switch (pick(gen) % 16)
        {
        case 0:
            index = pick(gen) % 70;
            break;
        case 1:
            count = pick(gen) % 70;
            break;
        case 2:
            offset = pick(gen) % (length + 10);
            break;
        case 3:
            length = pick(gen) % 30000;
            break;
        case 4:
            size = pick(gen) % 3000;
            break;
        default:
            break;
        }
        std::vector<uint8_t> bytes(size, 0x5A);
        if (uint64_t{offset} + size <= msg.size())
        {
            std::copy(msg.begin() + offset, msg.begin() + offset + size, bytes.begin());
        }
        std::vector<uint8_t> out;
        const Status st =
            r.Accept(key, {index, count, offset, length, bytes.data(), bytes.size()}, out);
        ++offers;
        if (st == Status::COMPLETE)
        {
            ++completes;
            BOOST_TEST_REQUIRE(out == msg, "step " << step);
        }
        BOOST_TEST_REQUIRE(r.BytesHeld() <= limits.maxBytesHeld);
        BOOST_TEST_REQUIRE(r.MessagesInProgress() <= limits.maxMessagesInProgress);
        if (step % 10000 == 9999)
        {
            r.DiscardBefore(step / 50000 + 2); // iterations m % 4 + era in {0, 1} go stale
        }
    }
    const auto& c = r.Counters();
    BOOST_TEST(completes == c.completed);
    BOOST_TEST(completes > 10u);
    BOOST_TEST(c.duplicates > 0u);
    BOOST_TEST(c.inconsistent + c.malformed > 0u);
    BOOST_TEST(c.stale > 0u);
    BOOST_TEST(c.accepted + c.duplicates + c.inconsistent + c.malformed + c.tooLarge + c.stale ==
               offers);
    r.DiscardBefore(0xFFFFFFFFu);
    BOOST_TEST(r.BytesHeld() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
