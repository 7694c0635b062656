// SPDX-License-Identifier: GPL-2.0-only
//
// CodedLearningHeader: round trip through real packets, the exact byte layout, Print(), TCP
// stream framing, and one case per malformed input, each asserting the error text.

#include "ns3/buffer.h"
#include "ns3/coded-learning-header.h"
#include "ns3/packet.h"
#include "ns3/test.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A header with a distinct value in every field: chunk 1 of 4 of a 5600-byte RESULT.
CodedLearningHeader
SampleHeader()
{
    CodedLearningHeader h;
    h.SetMessageType(CodedLearningHeader::RESULT);
    h.SetIteration(3);
    h.SetWorker(2);
    h.SetStage(1);
    h.SetFlags(CodedLearningHeader::FLAG_FLOAT32);
    h.SetTaskId(5);
    h.SetChunkIndex(1);
    h.SetChunkCount(4);
    h.SetChunkOffset(1400);
    h.SetMessageLength(5600);
    h.SetPayloadLength(1400);
    return h;
}

/// \return the bytes of a packet
std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// \return the serialized SampleHeader() followed by its 1400 payload bytes
std::vector<uint8_t>
SampleBytes()
{
    // No Packet here: this runs in the TestSuite constructor (static initialisation), and a
    // Packet created then makes a later PacketMetadata::Enable() in test-runner abort.
    const CodedLearningHeader h = SampleHeader();
    Buffer buffer(1400); // 1400 zero payload bytes, as Create<Packet>(1400)
    buffer.AddAtStart(h.GetSerializedSize());
    h.Serialize(buffer.Begin());
    std::vector<uint8_t> b(buffer.GetSize());
    buffer.CopyData(b.data(), b.size());
    return b;
}

/// Writes a big-endian 16-bit value at an offset.
void
Put16(std::vector<uint8_t>& b, std::size_t off, uint16_t v)
{
    b[off] = static_cast<uint8_t>(v >> 8);
    b[off + 1] = static_cast<uint8_t>(v);
}

/// Writes a big-endian 32-bit value at an offset.
void
Put32(std::vector<uint8_t>& b, std::size_t off, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
    {
        b[off + i] = static_cast<uint8_t>(v >> (24 - 8 * i));
    }
}

/// \return whether text contains part
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

/**
 * \ingroup coded-learning
 * A header survives a real Packet: AddHeader, RemoveFromPacket, every field equal.
 */
class WireHeaderRoundTripTestCase : public TestCase
{
  public:
    WireHeaderRoundTripTestCase()
        : TestCase("serialize and deserialize round trip through a Packet")
    {
    }

  private:
    void DoRun() override
    {
        const CodedLearningHeader sent = SampleHeader();
        NS_TEST_ASSERT_MSG_EQ(sent.Validate(), "", "the sample header must be valid");
        NS_TEST_ASSERT_MSG_EQ(sent.GetSerializedSize(),
                              CodedLearningHeader::SERIALIZED_SIZE,
                              "fixed size");
        Ptr<Packet> p = Create<Packet>(1400);
        p->AddHeader(sent);
        NS_TEST_ASSERT_MSG_EQ(p->GetSize(), 1430u, "header + payload");

        CodedLearningHeader got;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::RemoveFromPacket(p, got, error),
                              true,
                              "valid packet refused: " << error);
        NS_TEST_ASSERT_MSG_EQ(error, "", "no error on success");
        NS_TEST_ASSERT_MSG_EQ(got.IsValid(), true, "valid");
        NS_TEST_ASSERT_MSG_EQ(got.GetValidationError(), "", "no validation error");
        NS_TEST_ASSERT_MSG_EQ(p->GetSize(), 1400u, "only the payload is left");
        NS_TEST_ASSERT_MSG_EQ(got.GetMagic(), CodedLearningHeader::MAGIC, "magic");
        NS_TEST_ASSERT_MSG_EQ(+got.GetVersion(), +CodedLearningHeader::VERSION, "version");
        NS_TEST_ASSERT_MSG_EQ(+got.GetMessageType(), +CodedLearningHeader::RESULT, "type");
        NS_TEST_ASSERT_MSG_EQ(got.GetIteration(), 3u, "iteration");
        NS_TEST_ASSERT_MSG_EQ(got.GetWorker(), 2u, "worker");
        NS_TEST_ASSERT_MSG_EQ(+got.GetStage(), 1, "stage");
        NS_TEST_ASSERT_MSG_EQ(+got.GetFlags(), +CodedLearningHeader::FLAG_FLOAT32, "flags");
        NS_TEST_ASSERT_MSG_EQ(got.GetTaskId(), 5u, "task");
        NS_TEST_ASSERT_MSG_EQ(got.GetChunkIndex(), 1u, "chunk index");
        NS_TEST_ASSERT_MSG_EQ(got.GetChunkCount(), 4u, "chunk count");
        NS_TEST_ASSERT_MSG_EQ(got.GetChunkOffset(), 1400u, "offset");
        NS_TEST_ASSERT_MSG_EQ(got.GetMessageLength(), 5600u, "message length");
        NS_TEST_ASSERT_MSG_EQ(got.GetPayloadLength(), 1400u, "payload length");

        // Extreme but valid values of the wide fields.
        CodedLearningHeader big;
        big.SetMessageType(CodedLearningHeader::MODEL);
        big.SetIteration(0xFFFFFFFFu);
        big.SetWorker(0xFFFF);
        big.SetStage(0xFF);
        big.SetTaskId(0xFFFF);
        big.SetChunkCount(1033);
        big.SetChunkIndex(1032);
        big.SetMessageLength(CodedLearningHeader::MAX_MESSAGE_BYTES);
        big.SetPayloadLength(CodedLearningHeader::MAX_MESSAGE_BYTES - 1032u * 65000u);
        big.SetChunkOffset(1032u * 65000u);
        NS_TEST_ASSERT_MSG_EQ(big.Validate(), "", "extreme valid header");
        Ptr<Packet> q = Create<Packet>(big.GetPayloadLength());
        q->AddHeader(big);
        NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::RemoveFromPacket(q, got, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(got.GetIteration(), 0xFFFFFFFFu, "iteration");
        NS_TEST_ASSERT_MSG_EQ(got.GetWorker(), 0xFFFF, "worker");
        NS_TEST_ASSERT_MSG_EQ(got.GetChunkOffset(), 1032u * 65000u, "offset");
        NS_TEST_ASSERT_MSG_EQ(got.GetMessageLength(),
                              CodedLearningHeader::MAX_MESSAGE_BYTES,
                              "length");

        // A zero-length message (CANCEL) is one empty chunk.
        CodedLearningHeader cancel;
        cancel.SetMessageType(CodedLearningHeader::CANCEL);
        cancel.SetIteration(9);
        Ptr<Packet> c = Create<Packet>();
        c->AddHeader(cancel);
        NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::RemoveFromPacket(c, got, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(c->GetSize(), 0u, "empty payload");
        NS_TEST_ASSERT_MSG_EQ(+got.GetMessageType(), +CodedLearningHeader::CANCEL, "type");
    }
};

/**
 * \ingroup coded-learning
 * The bytes on the wire are exactly the documented layout (network byte order).
 */
class WireHeaderLayoutTestCase : public TestCase
{
  public:
    WireHeaderLayoutTestCase()
        : TestCase("byte layout of the serialized header")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Packet> p = Create<Packet>();
        CodedLearningHeader h = SampleHeader();
        h.SetIteration(0x01020304);
        h.SetWorker(0x0506);
        h.SetTaskId(0x0708);
        p->AddHeader(h);
        const std::vector<uint8_t> expected = {
            0x43, 0x4C,             // magic "CL"
            0x01,                   // version
            0x03,                   // RESULT
            0x01, 0x02, 0x03, 0x04, // iteration
            0x05, 0x06,             // worker
            0x01,                   // stage
            0x01,                   // flags
            0x07, 0x08,             // task
            0x00, 0x01,             // chunk index
            0x00, 0x04,             // chunk count
            0x00, 0x00, 0x05, 0x78, // offset 1400
            0x00, 0x00, 0x15, 0xE0, // message length 5600
            0x00, 0x00, 0x05, 0x78, // payload length 1400
        };
        const std::vector<uint8_t> got = Bytes(p);
        NS_TEST_ASSERT_MSG_EQ(got.size(), expected.size(), "30 bytes");
        for (std::size_t i = 0; i < expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(+got[i], +expected[i], "byte " << i);
        }
    }
};

/**
 * \ingroup coded-learning
 * Print() gives one readable line, also for an invalid header.
 */
class WireHeaderPrintTestCase : public TestCase
{
  public:
    WireHeaderPrintTestCase()
        : TestCase("Print output")
    {
    }

  private:
    void DoRun() override
    {
        CodedLearningHeader h = SampleHeader();
        h.SetFlags(0);
        std::ostringstream os;
        h.Print(os);
        NS_TEST_ASSERT_MSG_EQ(os.str(),
                              "RESULT it=3 w=2 st=1 task=5 chunk=1/4 off=1400 len=1400/5600",
                              "Print");

        std::ostringstream withFlags;
        SampleHeader().Print(withFlags);
        NS_TEST_ASSERT_MSG_EQ(withFlags.str(),
                              "RESULT it=3 w=2 st=1 task=5 chunk=1/4 off=1400 len=1400/5600 "
                              "flags=0x01",
                              "Print with flags");

        std::vector<uint8_t> b = SampleBytes();
        b[3] = 42;
        Ptr<Packet> p = Create<Packet>(b.data(), b.size());
        CodedLearningHeader bad;
        p->PeekHeader(bad);
        std::ostringstream invalid;
        bad.Print(invalid);
        NS_TEST_ASSERT_MSG_EQ(invalid.str(),
                              "type=42 it=3 w=2 st=1 task=5 chunk=1/4 off=1400 len=1400/5600 "
                              "flags=0x01 INVALID (CodedLearningHeader: message type is 42, "
                              "allowed are 1 (MODEL) to 8 (HELLO))",
                              "Print of an invalid header");

        const char* names[] = {"UNKNOWN",
                               "MODEL",
                               "TASK",
                               "RESULT",
                               "CANCEL",
                               "NACK",
                               "REPORT",
                               "GRANT",
                               "HELLO",
                               "UNKNOWN"};
        for (uint8_t t = 0; t <= 9; ++t)
        {
            NS_TEST_EXPECT_MSG_EQ(std::string(CodedLearningHeader::MessageTypeName(t)),
                                  names[t],
                                  "type " << +t);
        }
    }
};

/**
 * \ingroup coded-learning
 * One malformed packet: RemoveFromPacket refuses it with the expected error text and leaves
 * the packet unchanged.
 */
class WireHeaderMalformedTestCase : public TestCase
{
  public:
    /**
     * \param name what is wrong
     * \param bytes the packet's bytes
     * \param expected a part of the expected error
     */
    WireHeaderMalformedTestCase(const std::string& name,
                                std::vector<uint8_t> bytes,
                                std::string expected)
        : TestCase("malformed: " + name),
          m_bytes(std::move(bytes)),
          m_expected(std::move(expected))
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Packet> p = Create<Packet>(m_bytes.data(), m_bytes.size());
        CodedLearningHeader h;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::RemoveFromPacket(p, h, error),
                              false,
                              "malformed packet accepted");
        NS_TEST_ASSERT_MSG_EQ(Contains(error, m_expected),
                              true,
                              "error '" << error << "' lacks '" << m_expected << "'");
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "CodedLearningHeader: "), true, "prefix");
        NS_TEST_ASSERT_MSG_EQ(h.IsValid(), false, "header must be marked invalid");
        NS_TEST_ASSERT_MSG_EQ(h.GetValidationError(), error, "same error on the header");
        NS_TEST_ASSERT_MSG_EQ((Bytes(p) == m_bytes), true, "packet must be left unchanged");

        // The TCP framing refuses the same bytes, except a payload-length mismatch (the
        // stream just waits for more bytes or keeps the rest for the next frame).
        if (m_bytes.size() >= CodedLearningHeader::SERIALIZED_SIZE &&
            !Contains(m_expected, "bytes after the header"))
        {
            Ptr<Packet> stream = Create<Packet>(m_bytes.data(), m_bytes.size());
            Ptr<Packet> payload;
            std::string frameError;
            NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::ExtractFrame(stream, h, payload, frameError),
                                  CodedLearningHeader::FRAME_ERROR,
                                  "stream framing must refuse it");
            NS_TEST_ASSERT_MSG_EQ(frameError, error, "same error");
        }
    }

    std::vector<uint8_t> m_bytes; //!< the packet
    std::string m_expected;       //!< part of the error
};

/**
 * \ingroup coded-learning
 * Deserialize() on a raw Buffer shorter than the header reads nothing and returns 0.
 */
class WireHeaderShortBufferTestCase : public TestCase
{
  public:
    WireHeaderShortBufferTestCase()
        : TestCase("Deserialize on a too-short Buffer returns 0 without reading")
    {
    }

  private:
    void DoRun() override
    {
        for (uint32_t n = 0; n < CodedLearningHeader::SERIALIZED_SIZE; ++n)
        {
            Buffer b;
            b.AddAtStart(n);
            CodedLearningHeader h;
            NS_TEST_ASSERT_MSG_EQ(h.Deserialize(b.Begin()), 0u, "nothing read from " << n);
            NS_TEST_ASSERT_MSG_EQ(h.IsValid(), false, "invalid");
            NS_TEST_ASSERT_MSG_EQ(
                Contains(h.GetValidationError(),
                         "only " + std::to_string(n) + " bytes are left, fewer than the 30-byte"),
                true,
                h.GetValidationError());
        }
        Buffer b;
        b.AddAtStart(CodedLearningHeader::SERIALIZED_SIZE);
        SampleHeader().Serialize(b.Begin());
        CodedLearningHeader h;
        NS_TEST_ASSERT_MSG_EQ(h.Deserialize(b.Begin()), 30u, "whole header read");
        NS_TEST_ASSERT_MSG_EQ(h.IsValid(), true, h.GetValidationError());
        // Reading at the end of a buffer (iterator not at its start).
        Buffer::Iterator end = b.Begin();
        end.Next(20);
        NS_TEST_ASSERT_MSG_EQ(h.Deserialize(end), 0u, "10 bytes left");
        NS_TEST_ASSERT_MSG_EQ(h.IsValid(), false, "invalid");
    }
};

/**
 * \ingroup coded-learning
 * TCP framing: frames split at arbitrary points of the byte stream come out whole, in order.
 */
class WireHeaderStreamFramingTestCase : public TestCase
{
  public:
    WireHeaderStreamFramingTestCase()
        : TestCase("ExtractFrame reassembles frames from an arbitrarily split byte stream")
    {
    }

  private:
    void DoRun() override
    {
        // Three frames: 100 bytes, 0 bytes, 5000 bytes of payload with recognisable contents.
        std::vector<uint8_t> wire;
        const uint32_t sizes[] = {100, 0, 5000};
        for (uint32_t f = 0; f < 3; ++f)
        {
            std::vector<uint8_t> payload(sizes[f]);
            for (uint32_t i = 0; i < sizes[f]; ++i)
            {
                payload[i] = static_cast<uint8_t>(f * 31 + i);
            }
            CodedLearningHeader h;
            h.SetMessageType(CodedLearningHeader::MODEL);
            h.SetIteration(f);
            h.SetMessageLength(sizes[f]);
            h.SetPayloadLength(sizes[f]);
            Ptr<Packet> p = Create<Packet>(payload.data(), payload.size());
            p->AddHeader(h);
            const auto b = Bytes(p);
            wire.insert(wire.end(), b.begin(), b.end());
        }
        // Pieces are fragments of one packet (as TCP delivers a byte stream), so that with
        // packet metadata enabled (test-runner enables it) contiguous pieces merge into one
        // metadata item instead of overflowing PacketMetadata with thousands of items.
        const Ptr<Packet> whole = Create<Packet>(wire.data(), wire.size());
        for (uint32_t step : {1u, 7u, 29u, 30u, 31u, 1000u, 100000u})
        {
            Ptr<Packet> stream = Create<Packet>();
            uint32_t frames = 0;
            for (std::size_t pos = 0; pos < wire.size(); pos += step)
            {
                const std::size_t n = std::min<std::size_t>(step, wire.size() - pos);
                stream->AddAtEnd(whole->CreateFragment(pos, n));
                while (true)
                {
                    CodedLearningHeader h;
                    Ptr<Packet> payload;
                    std::string error;
                    const auto status =
                        CodedLearningHeader::ExtractFrame(stream, h, payload, error);
                    NS_TEST_ASSERT_MSG_NE(status,
                                          CodedLearningHeader::FRAME_ERROR,
                                          "step " << step << ": " << error);
                    if (status == CodedLearningHeader::FRAME_NEED_MORE)
                    {
                        break;
                    }
                    NS_TEST_ASSERT_MSG_LT(frames, 3u, "too many frames");
                    NS_TEST_ASSERT_MSG_EQ(h.GetIteration(), frames, "frame order");
                    NS_TEST_ASSERT_MSG_EQ(payload->GetSize(), sizes[frames], "payload size");
                    const auto got = Bytes(payload);
                    for (uint32_t i = 0; i < got.size(); ++i)
                    {
                        NS_TEST_ASSERT_MSG_EQ(+got[i],
                                              +static_cast<uint8_t>(frames * 31 + i),
                                              "payload byte " << i);
                    }
                    ++frames;
                }
            }
            NS_TEST_ASSERT_MSG_EQ(frames, 3u, "step " << step << ": all frames");
            NS_TEST_ASSERT_MSG_EQ(stream->GetSize(), 0u, "nothing left over");
        }

        Ptr<Packet> garbage = Create<Packet>(64);
        CodedLearningHeader h;
        Ptr<Packet> payload;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::ExtractFrame(garbage, h, payload, error),
                              CodedLearningHeader::FRAME_ERROR,
                              "zero bytes are not a header");
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "magic is 0x0000"), true, error);
        NS_TEST_ASSERT_MSG_EQ(garbage->GetSize(), 64u, "stream left unchanged");
        NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::ExtractFrame(nullptr, h, payload, error),
                              CodedLearningHeader::FRAME_ERROR,
                              "null stream");
        std::string removeError;
        NS_TEST_ASSERT_MSG_EQ(CodedLearningHeader::RemoveFromPacket(nullptr, h, removeError),
                              false,
                              "null packet");
        NS_TEST_ASSERT_MSG_EQ(Contains(removeError, "null pointer"), true, removeError);
    }
};

/**
 * \ingroup coded-learning
 * The header's suite: label "apps".
 */
class WireHeaderTestSuite : public TestSuite
{
  public:
    WireHeaderTestSuite()
        : TestSuite("coded-learning-wire-header", Type::UNIT)
    {
        AddTestCase(new WireHeaderRoundTripTestCase);
        AddTestCase(new WireHeaderLayoutTestCase);
        AddTestCase(new WireHeaderPrintTestCase);
        AddTestCase(new WireHeaderShortBufferTestCase);
        AddTestCase(new WireHeaderStreamFramingTestCase);

        const std::vector<uint8_t> good = SampleBytes(); // chunk 1/4 of 5600 bytes, 1400 bytes
        auto with = [&good](std::size_t off, int width, uint32_t value) {
            std::vector<uint8_t> b = good;
            if (width == 1)
            {
                b[off] = static_cast<uint8_t>(value);
            }
            else if (width == 2)
            {
                Put16(b, off, static_cast<uint16_t>(value));
            }
            else
            {
                Put32(b, off, value);
            }
            return b;
        };
        /// A header-only packet with the given counts and lengths (index, count, offset,
        /// message length, payload length), the payload bytes appended.
        auto chunk = [&good](uint16_t index,
                             uint16_t count,
                             uint32_t offset,
                             uint32_t messageLength,
                             uint32_t payloadLength) {
            std::vector<uint8_t> b(good.begin(), good.begin() + 30);
            Put16(b, 14, index);
            Put16(b, 16, count);
            Put32(b, 18, offset);
            Put32(b, 22, messageLength);
            Put32(b, 26, payloadLength);
            b.resize(30 + std::min<uint32_t>(payloadLength, 70000), 0xAB);
            return b;
        };
        auto add = [this](const std::string& name,
                          std::vector<uint8_t> bytes,
                          const std::string& expected) {
            AddTestCase(new WireHeaderMalformedTestCase(name, std::move(bytes), expected));
        };

        add("empty packet", {}, "packet of 0 bytes is shorter than the 30-byte header");
        add("truncated header (1 byte)",
            std::vector<uint8_t>(good.begin(), good.begin() + 1),
            "packet of 1 bytes is shorter than the 30-byte header");
        add("truncated header (29 bytes)",
            std::vector<uint8_t>(good.begin(), good.begin() + 29),
            "packet of 29 bytes is shorter than the 30-byte header");
        add("bad magic", with(0, 2, 0x4142), "magic is 0x4142, expected 0x434C (\"CL\")");
        add("bad version", with(2, 1, 2), "version is 2, only version 1 is supported");
        add("message type 0", with(3, 1, 0), "message type is 0, allowed are 1 (MODEL) to 8");
        add("message type 9", with(3, 1, 9), "message type is 9, allowed are 1 (MODEL) to 8");
        add("unknown flag bits", with(11, 1, 0x85), "flags are 0x85, only the bits 0x03");
        add("chunk count 0", with(16, 2, 0), "chunk count is 0, must be >= 1");
        add("chunk index == count",
            with(14, 2, 4),
            "chunk index is 4, must be < the chunk count 4");
        add("chunk index > count",
            with(14, 2, 0xFFFF),
            "chunk index is 65535, must be < the chunk count 4");
        add("payload length over the chunk limit",
            chunk(1, 4, 0, 200000, 65001),
            "payload length is 65001 bytes, must be <= 65000 (MAX_CHUNK_PAYLOAD)");
        add("absurd payload length",
            with(26, 4, 0xFFFFFFFFu),
            "payload length is 4294967295 bytes, must be <= 65000");
        add("absurd message length",
            with(22, 4, 0xFFFFFFFFu),
            "message length is 4294967295 bytes, must be <= 67108864 (MAX_MESSAGE_BYTES)");
        add("message length just over the limit",
            with(22, 4, 64u * 1024u * 1024u + 1u),
            "message length is 67108865 bytes, must be <= 67108864");
        add("chunk beyond the message",
            with(18, 4, 5000),
            "chunk offset 5000 + payload length 1400 = 6400 exceeds the message length 5600");
        add("absurd offset",
            with(18, 4, 0xFFFFFFFFu),
            "chunk offset 4294967295 + payload length 1400 = 4294968695 exceeds");
        add("zero-length message with 2 chunks",
            chunk(0, 2, 0, 0, 0),
            "chunk count is 2 for a zero-length message, which must have exactly 1 chunk");
        add("more chunks than message bytes",
            chunk(0, 5, 0, 3, 1),
            "chunk count is 5 for a message of 3 bytes; every chunk carries at least 1 byte, so "
            "at most 3 chunks");
        add("too few chunks for the message length",
            chunk(0, 2, 0, 200000, 65000),
            "chunk count is 2 for a message of 200000 bytes; chunks carry at most 65000 bytes, "
            "so at least 4 chunks are needed");
        add("empty chunk of a non-empty message",
            chunk(1, 4, 100, 5600, 0),
            "payload length is 0 in a chunk of a 5600-byte message");
        add("chunk 0 not at offset 0",
            chunk(0, 4, 10, 5600, 1400),
            "chunk offset is 10 for chunk 0, which must start at offset 0");
        add("last chunk short of the message end",
            chunk(3, 4, 4000, 5600, 1400),
            "the last chunk (3) ends at byte 5400, must end at the message length 5600");
        add("no room for the other chunks",
            chunk(1, 4, 1, 5600, 5598),
            "chunk 1 of 4 covers bytes [1, 5599) of a 5600-byte message, leaving no room");
        std::vector<uint8_t> shortPayload = good;
        shortPayload.resize(good.size() - 1);
        add("payload shorter than the payload length",
            shortPayload,
            "packet carries 1399 bytes after the header, but the header's payload length is 1400");
        std::vector<uint8_t> longPayload = good;
        longPayload.push_back(0);
        add("payload longer than the payload length",
            longPayload,
            "packet carries 1401 bytes after the header, but the header's payload length is 1400");
        add("header only, payload missing",
            std::vector<uint8_t>(good.begin(), good.begin() + 30),
            "packet carries 0 bytes after the header, but the header's payload length is 1400");
    }
};

/// Registers the suite.
static WireHeaderTestSuite g_wireHeaderTestSuite;
