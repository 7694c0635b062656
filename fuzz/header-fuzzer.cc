// SPDX-License-Identifier: GPL-2.0-only
//
// libFuzzer target: the receive path of the wire format. The input is a sequence of records
// [op (1 byte)][length (2 bytes, big-endian)][length bytes] (a short last record takes what is
// left). Per record:
//   op % 4 == 0 or 1: a UDP datagram: CodedLearningHeader::RemoveFromPacket(), then the chunk
//                     goes to a MessageReassembler;
//   op % 4 == 2:      bytes appended to a TCP stream buffer: CodedLearningHeader::ExtractFrame()
//                     until it needs more (or the stream is refused), every frame to the
//                     reassembler;
//   op % 4 == 3:      MessageReassembler::DiscardBefore(the first 4 bytes, big-endian).
// Every record is also deserialised directly from a Buffer. A completed message is decoded
// with the wire codec according to its type. Invariants checked (abort() on violation):
// a valid header re-serialises to the same 30 bytes; a complete message has the announced
// length; the reassembler stays within its limits.
// Seeds: fuzz/corpus/header-fuzzer/ (fuzz/make-corpus.py). See doc/hardening.rst.

#include "ns3/buffer.h"
#include "ns3/coded-learning-header.h"
#include "ns3/message-reassembler.h"
#include "ns3/packet.h"
#include "ns3/wire-codec.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Aborts with a message (libFuzzer reports the input as a crash).
void
Check(bool condition, const char* what)
{
    if (!condition)
    {
        std::fprintf(stderr, "header-fuzzer: invariant violated: %s\n", what);
        std::abort();
    }
}

/// Small limits so that one input cannot make the fuzzer slow (same rules as the defaults).
coded::ReassemblerLimits
FuzzLimits()
{
    coded::ReassemblerLimits limits;
    limits.maxMessageBytes = 1u << 20;
    limits.maxBytesHeld = (4u << 20) + coded::MessageReassembler::MESSAGE_OVERHEAD +
                          2 * coded::MessageReassembler::CHUNK_OVERHEAD;
    limits.maxMessagesInProgress = 64;
    limits.maxCompletedRemembered = 64;
    return limits;
}

/// Decodes a completed message as its receiver would; format errors are expected.
void
DecodeMessage(uint8_t type, uint8_t flags, const std::vector<uint8_t>& message)
{
    const auto precision = (flags & CodedLearningHeader::FLAG_FLOAT32) != 0
                               ? coded::WirePrecision::FLOAT32
                               : coded::WirePrecision::FLOAT64;
    try
    {
        switch (type)
        {
        case CodedLearningHeader::MODEL:
        case CodedLearningHeader::RESULT: {
            const std::size_t width = coded::BytesPerValue(precision);
            const auto values = static_cast<uint32_t>(message.size() / width);
            const auto v = coded::DecodeVector(message, values, precision);
            Check(static_cast<std::size_t>(v.size()) == values, "decoded vector length");
            break;
        }
        case CodedLearningHeader::TASK: {
            const auto task = coded::DecodeTask(message, 100000);
            Check(task.load >= 0, "decoded task load >= 0");
            break;
        }
        case CodedLearningHeader::NACK: {
            const auto list = coded::DecodeChunkList(message.data(), message.size(), 1000);
            for (std::size_t i = 1; i < list.size(); ++i)
            {
                Check(list[i - 1] < list[i], "NACK list strictly ascending");
            }
            break;
        }
        case CodedLearningHeader::REPORT:
        case CodedLearningHeader::GRANT:
            coded::DecodeUint64(message.data(), message.size());
            break;
        default:
            break;
        }
    }
    catch (const coded::WireFormatError&)
    {
        // Refused payload: what a receiver drops and counts.
    }
}

/// Offers a chunk (header + payload) to the reassembler and checks the outcome.
void
Offer(coded::MessageReassembler& reassembler,
      const CodedLearningHeader& h,
      const std::vector<uint8_t>& payload)
{
    coded::MessageKey key;
    key.type = h.GetMessageType();
    key.iteration = h.GetIteration();
    key.worker = h.GetWorker();
    key.stage = h.GetStage();
    key.task = h.GetTaskId();
    std::vector<uint8_t> message;
    const auto status = reassembler.Accept(key,
                                           {h.GetChunkIndex(),
                                            h.GetChunkCount(),
                                            h.GetChunkOffset(),
                                            h.GetMessageLength(),
                                            payload.data(),
                                            payload.size()},
                                           message);
    const auto& limits = reassembler.Limits();
    Check(reassembler.BytesHeld() <= limits.maxBytesHeld, "BytesHeld() <= maxBytesHeld");
    Check(reassembler.MessagesInProgress() <= limits.maxMessagesInProgress,
          "MessagesInProgress() <= maxMessagesInProgress");
    if (status == coded::MessageReassembler::Status::COMPLETE)
    {
        Check(message.size() == h.GetMessageLength(), "complete message has the announced length");
        Check(!reassembler.InProgress(key), "a completed message is no longer in progress");
        DecodeMessage(h.GetMessageType(), h.GetFlags(), message);
    }
    else if (status == coded::MessageReassembler::Status::INCOMPLETE)
    {
        Check(reassembler.InProgress(key), "an incomplete message is in progress");
        Check(!reassembler.MissingChunks(key).empty(), "an incomplete message misses chunks");
    }
    else
    {
        Check(!reassembler.LastError().empty(), "a refused chunk has a reason");
    }
}

/// Deserialises straight from a Buffer; a valid header must re-serialise to the same bytes.
void
DeserializeDirect(const uint8_t* data, std::size_t size)
{
    Buffer buffer;
    buffer.AddAtStart(static_cast<uint32_t>(size));
    buffer.Begin().Write(data, static_cast<uint32_t>(size));
    CodedLearningHeader h;
    const uint32_t read = h.Deserialize(buffer.Begin());
    if (read == 0)
    {
        Check(size < CodedLearningHeader::SERIALIZED_SIZE,
              "Deserialize() refuses only short input");
        Check(!h.IsValid(), "a short header is not valid");
        return;
    }
    Check(read == CodedLearningHeader::SERIALIZED_SIZE, "Deserialize() reads 30 bytes");
    Check(h.IsValid() == h.GetValidationError().empty(), "IsValid() matches the error text");
    if (h.IsValid())
    {
        Check(h.Validate().empty(), "a valid header passes Validate()");
        Buffer out;
        out.AddAtStart(CodedLearningHeader::SERIALIZED_SIZE);
        h.Serialize(out.Begin());
        uint8_t bytes[CodedLearningHeader::SERIALIZED_SIZE];
        out.CopyData(bytes, CodedLearningHeader::SERIALIZED_SIZE);
        Check(std::memcmp(bytes, data, CodedLearningHeader::SERIALIZED_SIZE) == 0,
              "a valid header re-serialises to the same bytes");
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    coded::MessageReassembler reassembler(FuzzLimits());
    Ptr<Packet> stream = Create<Packet>();
    bool streamClosed = false;
    std::size_t pos = 0;
    while (pos < size)
    {
        const uint8_t op = data[pos++];
        std::size_t length = 0;
        if (pos + 2 <= size)
        {
            length = (std::size_t{data[pos]} << 8) | data[pos + 1];
            pos += 2;
        }
        else
        {
            pos = size;
        }
        length = std::min(length, size - pos);
        const uint8_t* record = data + pos;
        pos += length;

        DeserializeDirect(record, length);
        switch (op % 4)
        {
        case 0:
        case 1: {
            Ptr<Packet> packet = Create<Packet>(record, static_cast<uint32_t>(length));
            CodedLearningHeader h;
            std::string error;
            if (CodedLearningHeader::RemoveFromPacket(packet, h, error))
            {
                Check(error.empty(), "no error text on success");
                Check(packet->GetSize() == h.GetPayloadLength(), "payload length after removal");
                std::vector<uint8_t> payload(packet->GetSize());
                packet->CopyData(payload.data(), payload.size());
                Offer(reassembler, h, payload);
            }
            else
            {
                Check(!error.empty(), "a refused datagram has a reason");
                Check(packet->GetSize() == length, "a refused datagram is left unchanged");
            }
            break;
        }
        case 2: {
            if (streamClosed)
            {
                break;
            }
            stream->AddAtEnd(Create<Packet>(record, static_cast<uint32_t>(length)));
            while (true)
            {
                CodedLearningHeader h;
                Ptr<Packet> payload;
                std::string error;
                const uint32_t before = stream->GetSize();
                const auto status = CodedLearningHeader::ExtractFrame(stream, h, payload, error);
                if (status == CodedLearningHeader::FRAME_NEED_MORE)
                {
                    Check(stream->GetSize() == before, "NEED_MORE leaves the stream alone");
                    break;
                }
                if (status == CodedLearningHeader::FRAME_ERROR)
                {
                    Check(!error.empty(), "a refused stream has a reason");
                    streamClosed = true; // the receiver closes the connection
                    break;
                }
                Check(payload && payload->GetSize() == h.GetPayloadLength(), "frame payload size");
                Check(stream->GetSize() ==
                          before - CodedLearningHeader::SERIALIZED_SIZE - h.GetPayloadLength(),
                      "a frame is taken off the stream");
                std::vector<uint8_t> bytes(payload->GetSize());
                payload->CopyData(bytes.data(), bytes.size());
                Offer(reassembler, h, bytes);
            }
            break;
        }
        default: {
            uint32_t iteration = 0;
            for (std::size_t i = 0; i < std::min<std::size_t>(length, 4); ++i)
            {
                iteration = (iteration << 8) | record[i];
            }
            const uint32_t before = reassembler.Watermark();
            reassembler.DiscardBefore(iteration);
            Check(reassembler.Watermark() >= before, "the watermark never moves back");
            for (const auto& key : reassembler.PendingMessages())
            {
                Check(key.iteration >= reassembler.Watermark(),
                      "no partial message below the watermark");
            }
            break;
        }
        }
    }
    return 0;
}
