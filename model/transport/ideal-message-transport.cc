// SPDX-License-Identifier: GPL-2.0-only
#include "ideal-message-transport.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IdealMessageTransport");

NS_OBJECT_ENSURE_REGISTERED(IdealMessageTransport);

TypeId
IdealMessageTransport::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IdealMessageTransport")
                            .SetParent<MessageTransport>()
                            .SetGroupName("CodedLearning")
                            .AddConstructor<IdealMessageTransport>();
    return tid;
}

void
IdealMessageTransport::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
IdealMessageTransport::AddPeer(Ptr<IdealMessageTransport> peer, uint32_t indexAtPeer)
{
    m_peers.push_back(peer);
    m_indexAtPeer.push_back(indexAtPeer);
}

void
IdealMessageTransport::Start()
{
    m_running = true;
}

void
IdealMessageTransport::Stop()
{
    m_running = false;
}

void
IdealMessageTransport::Send(uint32_t peer,
                            const MessageInfo& info,
                            const std::vector<uint8_t>& payload)
{
    NS_LOG_FUNCTION(this << peer << payload.size());
    NS_ABORT_MSG_IF(peer >= m_peers.size(), "IdealMessageTransport: no peer " << peer);
    if (!m_running)
    {
        return;
    }
    m_bytesSent += payload.size();
    Ptr<IdealMessageTransport> to = m_peers[peer];
    const uint32_t context = to->m_node ? to->m_node->GetId() : Simulator::GetContext();
    Simulator::ScheduleWithContext(context,
                                   Time(0),
                                   &IdealMessageTransport::Receive,
                                   to,
                                   m_indexAtPeer[peer],
                                   info,
                                   payload);
}

void
IdealMessageTransport::Receive(uint32_t fromPeer, MessageInfo info, std::vector<uint8_t> payload)
{
    if (!m_running)
    {
        return;
    }
    m_bytesReceived += payload.size();
    NotifyChunk(fromPeer, info, 0, static_cast<uint32_t>(payload.size()));
    Deliver(fromPeer, info, payload);
}

void
IdealMessageTransport::DoDispose()
{
    m_peers.clear();
    m_node = nullptr;
    MessageTransport::DoDispose();
}

} // namespace ns3
