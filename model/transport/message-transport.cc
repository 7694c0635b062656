// SPDX-License-Identifier: GPL-2.0-only
#include "message-transport.h"

#include "ns3/fatal-error.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MessageTransport");

NS_OBJECT_ENSURE_REGISTERED(MessageTransport);

TypeId
MessageTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MessageTransport")
            .SetParent<Object>()
            .SetGroupName("CodedLearning")
            .AddTraceSource("Drop",
                            "A chunk or message was dropped (with the reason).",
                            MakeTraceSourceAccessor(&MessageTransport::m_dropTrace),
                            "ns3::MessageTransport::DropTracedCallback")
            .AddTraceSource("Deliver",
                            "A complete, valid message was handed to the "
                            "application: peer, message identity, payload bytes.",
                            MakeTraceSourceAccessor(&MessageTransport::m_deliverTrace),
                            "ns3::MessageTransport::DeliverTracedCallback")
            .AddTraceSource("ChunkReceived",
                            "A new chunk was received (stored or completing its message): "
                            "peer, message identity, chunk index, payload bytes.",
                            MakeTraceSourceAccessor(&MessageTransport::m_chunkTrace),
                            "ns3::MessageTransport::ChunkTracedCallback");
    return tid;
}

void
MessageTransport::SetReceiveCallback(ReceiveCallback cb)
{
    m_receive = cb;
}

void
MessageTransport::DiscardBefore(uint32_t /* iteration */)
{
}

bool
MessageTransport::CanBroadcast() const
{
    return false;
}

void
MessageTransport::Broadcast(const MessageInfo& /* info */,
                            const std::vector<uint8_t>& /* payload */)
{
    NS_FATAL_ERROR(GetInstanceTypeId().GetName() << " cannot broadcast");
}

std::vector<uint32_t>
MessageTransport::MissingChunksOf(const MessageInfo& /* info */) const
{
    return {};
}

uint64_t
MessageTransport::MissingChunks(uint32_t /* iteration */) const
{
    return 0;
}

void
MessageTransport::Deliver(uint32_t peer,
                          const MessageInfo& info,
                          const std::vector<uint8_t>& payload)
{
    m_deliverTrace(peer, info, static_cast<uint32_t>(payload.size()));
    if (!m_receive.IsNull())
    {
        m_receive(peer, info, payload);
    }
}

void
MessageTransport::Drop(const std::string& reason)
{
    NS_LOG_LOGIC("drop: " << reason);
    ++m_dropped;
    m_dropTrace(reason);
}

void
MessageTransport::NotifyChunk(uint32_t peer,
                              const MessageInfo& info,
                              uint32_t chunk,
                              uint32_t bytes)
{
    m_chunkTrace(peer, info, chunk, bytes);
}

void
MessageTransport::SendChunks(uint32_t peer,
                             const MessageInfo& info,
                             const std::vector<uint8_t>& payload,
                             const std::vector<uint32_t>& chunks)
{
    if (!chunks.empty() && chunks.front() == 0)
    {
        Send(peer, info, payload);
    }
}

std::vector<uint32_t>
MessageTransport::ChunkSizes(uint32_t messageBytes) const
{
    return {messageBytes};
}

void
MessageTransport::DoDispose()
{
    m_receive = MakeNullCallback<void, uint32_t, const MessageInfo&, const std::vector<uint8_t>&>();
    Object::DoDispose();
}

} // namespace ns3
