// SPDX-License-Identifier: GPL-2.0-only
#include "udp-message-transport.h"

#include "ns3/coded-learning-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("UdpMessageTransport");

NS_OBJECT_ENSURE_REGISTERED(UdpMessageTransport);

TypeId
UdpMessageTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::UdpMessageTransport")
            .SetParent<ChunkedMessageTransport>()
            .SetGroupName("CodedLearning")
            .AddConstructor<UdpMessageTransport>()
            .AddAttribute("MaxChunkPayload",
                          "Largest payload of one datagram (bytes, without the 30-byte header); "
                          "1400 keeps a chunk within a 1500-byte MTU.",
                          UintegerValue(1400),
                          MakeUintegerAccessor(&UdpMessageTransport::m_maxChunkPayload),
                          MakeUintegerChecker<uint32_t>(1, CodedLearningHeader::MAX_CHUNK_PAYLOAD))
            .AddAttribute("PacingRate",
                          "Rate at which queued chunks are handed to the socket (0 = no pacing).",
                          DataRateValue(DataRate("0bps")),
                          MakeDataRateAccessor(&UdpMessageTransport::m_pacingRate),
                          MakeDataRateChecker());
    return tid;
}

UdpMessageTransport::UdpMessageTransport()
    : m_maxChunkPayload(1400)
{
    NS_LOG_FUNCTION(this);
}

void
UdpMessageTransport::Setup(Ptr<Node> node,
                           uint16_t port,
                           const std::vector<Address>& peers,
                           bool isServer)
{
    m_node = node;
    m_port = port;
    m_peers = peers;
    m_isServer = isServer;
}

void
UdpMessageTransport::SetBroadcastAddress(Ipv4Address address)
{
    m_broadcast = address;
    m_canBroadcast = true;
}

bool
UdpMessageTransport::CanBroadcast() const
{
    return m_canBroadcast;
}

void
UdpMessageTransport::Start()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_node, "UdpMessageTransport::Start before Setup");
    m_socket = Socket::CreateSocket(m_node, UdpSocketFactory::GetTypeId());
    if (m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0)
    {
        NS_FATAL_ERROR("UdpMessageTransport: cannot bind UDP port " << m_port << " on node "
                                                                    << m_node->GetId());
    }
    if (m_canBroadcast)
    {
        m_socket->SetAllowBroadcast(true);
    }
    m_socket->SetRecvCallback(MakeCallback(&UdpMessageTransport::HandleRead, this));
}

void
UdpMessageTransport::Stop()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_sendEvent);
    m_queue.clear();
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
}

uint32_t
UdpMessageTransport::GetMaxChunkPayload() const
{
    return m_maxChunkPayload;
}

void
UdpMessageTransport::EnqueueChunks(uint32_t peer, const std::vector<Ptr<Packet>>& packets)
{
    NS_LOG_FUNCTION(this << peer << packets.size());
    NS_ABORT_MSG_IF(peer >= m_peers.size() && !(peer == BROADCAST_PEER && m_canBroadcast),
                    "UdpMessageTransport: no peer " << peer);
    for (const Ptr<Packet>& p : packets)
    {
        m_queue.push_back(Pending{peer, p});
    }
    if (m_sendEvent.IsExpired())
    {
        SendNext();
    }
}

void
UdpMessageTransport::SendNext()
{
    while (!m_queue.empty() && m_socket)
    {
        Pending next = m_queue.front();
        m_queue.pop_front();
        const uint32_t bytes = next.packet->GetSize();
        const Ipv4Address address = next.peer == BROADCAST_PEER
                                        ? m_broadcast
                                        : Ipv4Address::ConvertFrom(m_peers[next.peer]);
        const Address to = InetSocketAddress(address, m_port);
        if (m_socket->SendTo(next.packet, 0, to) < 0)
        {
            Drop("send failed (socket error " + std::to_string(m_socket->GetErrno()) + ")");
        }
        else
        {
            m_bytesSent += bytes;
        }
        if (m_pacingRate.GetBitRate() > 0)
        {
            m_sendEvent = Simulator::Schedule(m_pacingRate.CalculateBytesTxTime(bytes),
                                              &UdpMessageTransport::SendNext,
                                              this);
            return;
        }
    }
}

void
UdpMessageTransport::HandleRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        const uint32_t bytes = packet->GetSize();
        CodedLearningHeader h;
        std::string error;
        if (!CodedLearningHeader::RemoveFromPacket(packet, h, error))
        {
            Drop("malformed chunk: " + error);
            continue;
        }
        uint32_t peer = 0;
        if (!InetSocketAddress::IsMatchingType(from))
        {
            Drop("chunk from a non-IPv4 address");
            continue;
        }
        const Ipv4Address source = InetSocketAddress::ConvertFrom(from).GetIpv4();
        if (m_isServer)
        {
            peer = h.GetWorker();
            if (peer >= m_peers.size() || Ipv4Address::ConvertFrom(m_peers[peer]) != source)
            {
                Drop("chunk claims worker " + std::to_string(h.GetWorker()) +
                     " but comes from an unknown address");
                continue;
            }
        }
        else if (m_peers.empty() || Ipv4Address::ConvertFrom(m_peers[0]) != source)
        {
            Drop("chunk from an address that is not the server");
            continue;
        }
        AcceptChunk(peer, h, packet, bytes);
    }
}

void
UdpMessageTransport::DoDispose()
{
    Stop();
    m_node = nullptr;
    ChunkedMessageTransport::DoDispose();
}

} // namespace ns3
