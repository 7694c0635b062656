// SPDX-License-Identifier: GPL-2.0-only
#include "chunked-message-transport.h"

#include "ns3/abort.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(ChunkedMessageTransport);

TypeId
ChunkedMessageTransport::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ChunkedMessageTransport")
                            .SetParent<MessageTransport>()
                            .SetGroupName("CodedLearning");
    return tid;
}

std::vector<Ptr<Packet>>
ChunkedMessageTransport::MakeChunks(const MessageInfo& info,
                                    const std::vector<uint8_t>& payload,
                                    uint32_t maxChunkPayload)
{
    NS_ABORT_MSG_IF(payload.size() > CodedLearningHeader::MAX_MESSAGE_BYTES,
                    "message of " << payload.size() << " bytes exceeds "
                                  << CodedLearningHeader::MAX_MESSAGE_BYTES);
    const auto length = static_cast<uint32_t>(payload.size());
    const std::vector<coded::ChunkSpan> spans =
        coded::MessageReassembler::PlanChunks(length, maxChunkPayload);
    NS_ABORT_MSG_IF(spans.size() > 65535,
                    length << " bytes need " << spans.size()
                           << " chunks (at most 65535); raise MaxChunkPayload");
    std::vector<Ptr<Packet>> packets;
    packets.reserve(spans.size());
    for (const coded::ChunkSpan& s : spans)
    {
        Ptr<Packet> p =
            s.length > 0 ? Create<Packet>(payload.data() + s.offset, s.length) : Create<Packet>();
        CodedLearningHeader h;
        h.SetMessageType(info.type);
        h.SetIteration(info.iteration);
        h.SetWorker(info.worker);
        h.SetStage(info.stage);
        h.SetFlags(info.flags);
        h.SetTaskId(info.task);
        h.SetChunkIndex(static_cast<uint16_t>(s.index));
        h.SetChunkCount(static_cast<uint16_t>(spans.size()));
        h.SetChunkOffset(s.offset);
        h.SetMessageLength(length);
        h.SetPayloadLength(s.length);
        p->AddHeader(h);
        packets.push_back(p);
    }
    return packets;
}

void
ChunkedMessageTransport::AcceptChunk(uint32_t peer,
                                     const CodedLearningHeader& h,
                                     Ptr<const Packet> payload,
                                     uint32_t wireBytes)
{
    coded::MessageKey key;
    key.type = h.GetMessageType();
    key.iteration = h.GetIteration();
    key.worker = h.GetWorker();
    key.stage = h.GetStage();
    key.task = h.GetTaskId();
    std::vector<uint8_t> data(payload->GetSize());
    if (!data.empty())
    {
        payload->CopyData(data.data(), data.size());
    }
    MessageInfo info;
    info.type = h.GetMessageType();
    info.iteration = h.GetIteration();
    info.worker = h.GetWorker();
    info.stage = h.GetStage();
    info.task = h.GetTaskId();
    info.flags = h.GetFlags();
    if ((key.type == CodedLearningHeader::GRANT || key.type == CodedLearningHeader::REPORT ||
         key.type == CodedLearningHeader::NACK) &&
        h.GetChunkCount() == 1 && h.GetChunkIndex() == 0 && h.GetChunkOffset() == 0 &&
        h.GetMessageLength() == data.size())
    {
        // Uplink grants and reports repeat with the same identity (a grant per slot for the
        // same upload, a report again while no grant came; a NACK again while model chunks are
        // still missing): a whole one-chunk GRANT, REPORT or NACK bypasses the reassembler's
        // memory of completed messages.
        m_bytesReceived += wireBytes;
        NotifyChunk(peer, info, 0, static_cast<uint32_t>(data.size()));
        Deliver(peer, info, data);
        return;
    }
    std::vector<uint8_t> message;
    using Status = coded::MessageReassembler::Status;
    const Status status = m_reassembler.Accept(key,
                                               {h.GetChunkIndex(),
                                                h.GetChunkCount(),
                                                h.GetChunkOffset(),
                                                h.GetMessageLength(),
                                                data.data(),
                                                data.size()},
                                               message);
    if (status == Status::INCOMPLETE || status == Status::COMPLETE)
    {
        m_bytesReceived += wireBytes;
        NotifyChunk(peer, info, h.GetChunkIndex(), static_cast<uint32_t>(data.size()));
    }
    if (status == Status::COMPLETE)
    {
        Deliver(peer, info, message);
    }
    else if (status != Status::INCOMPLETE)
    {
        Drop(std::string(coded::MessageReassembler::StatusName(status)) + " chunk " +
             key.ToString());
    }
}

void
ChunkedMessageTransport::Send(uint32_t peer,
                              const MessageInfo& info,
                              const std::vector<uint8_t>& payload)
{
    EnqueueChunks(peer, MakeChunks(info, payload, GetMaxChunkPayload()));
}

void
ChunkedMessageTransport::SendChunks(uint32_t peer,
                                    const MessageInfo& info,
                                    const std::vector<uint8_t>& payload,
                                    const std::vector<uint32_t>& chunks)
{
    const std::vector<Ptr<Packet>> all = MakeChunks(info, payload, GetMaxChunkPayload());
    std::vector<Ptr<Packet>> some;
    some.reserve(chunks.size());
    for (uint32_t c : chunks)
    {
        NS_ABORT_MSG_IF(c >= all.size(),
                        "SendChunks: chunk " << c << " of a message of " << all.size()
                                             << " chunks");
        some.push_back(all[c]);
    }
    EnqueueChunks(peer, some);
}

void
ChunkedMessageTransport::Broadcast(const MessageInfo& info, const std::vector<uint8_t>& payload)
{
    NS_ABORT_MSG_IF(!CanBroadcast(), GetInstanceTypeId().GetName() << " cannot broadcast");
    EnqueueChunks(BROADCAST_PEER, MakeChunks(info, payload, GetMaxChunkPayload()));
}

std::vector<uint32_t>
ChunkedMessageTransport::MissingChunksOf(const MessageInfo& info) const
{
    coded::MessageKey key;
    key.type = info.type;
    key.iteration = info.iteration;
    key.worker = info.worker;
    key.stage = info.stage;
    key.task = info.task;
    return m_reassembler.MissingChunks(key);
}

std::vector<uint32_t>
ChunkedMessageTransport::ChunkSizes(uint32_t messageBytes) const
{
    std::vector<uint32_t> sizes;
    for (const coded::ChunkSpan& s :
         coded::MessageReassembler::PlanChunks(messageBytes, GetMaxChunkPayload()))
    {
        sizes.push_back(s.length);
    }
    return sizes;
}

void
ChunkedMessageTransport::DiscardBefore(uint32_t iteration)
{
    m_reassembler.DiscardBefore(iteration);
}

uint64_t
ChunkedMessageTransport::MissingChunks(uint32_t iteration) const
{
    uint64_t missing = 0;
    for (const auto& key : m_reassembler.PendingMessages())
    {
        if (key.iteration == iteration)
        {
            missing += m_reassembler.MissingChunks(key).size();
        }
    }
    return missing;
}

const coded::ReassemblerCounters&
ChunkedMessageTransport::GetReassemblyCounters() const
{
    return m_reassembler.Counters();
}

} // namespace ns3
