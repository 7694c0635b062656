// SPDX-License-Identifier: GPL-2.0-only
#include "tcp-message-transport.h"

#include "ns3/abort.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TcpMessageTransport");

namespace
{

/**
 * \param a an address
 * \return its dotted form
 */
std::string
AddressString(Ipv4Address a)
{
    std::ostringstream os;
    os << a;
    return os.str();
}

} // namespace

NS_OBJECT_ENSURE_REGISTERED(TcpMessageTransport);

TypeId
TcpMessageTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TcpMessageTransport")
            .SetParent<ChunkedMessageTransport>()
            .SetGroupName("CodedLearning")
            .AddConstructor<TcpMessageTransport>()
            .AddAttribute("MaxChunkPayload",
                          "Largest payload of one frame (bytes, without the 30-byte header). "
                          "Frames are not datagrams: TCP segments the stream, so the default is "
                          "the largest chunk the header allows (fewest headers).",
                          UintegerValue(CodedLearningHeader::MAX_CHUNK_PAYLOAD),
                          MakeUintegerAccessor(&TcpMessageTransport::m_maxChunkPayload),
                          MakeUintegerChecker<uint32_t>(1, CodedLearningHeader::MAX_CHUNK_PAYLOAD))
            .AddAttribute("ConnectRetryInterval",
                          "Worker side: delay before a new connection attempt after a failed "
                          "attempt or a lost connection (> 0).",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&TcpMessageTransport::m_connectRetryInterval),
                          MakeTimeChecker(NanoSeconds(1)));
    return tid;
}

TcpMessageTransport::TcpMessageTransport()
    : m_maxChunkPayload(CodedLearningHeader::MAX_CHUNK_PAYLOAD),
      m_connectRetryInterval(MilliSeconds(100))
{
    NS_LOG_FUNCTION(this);
}

void
TcpMessageTransport::Setup(Ptr<Node> node,
                           uint16_t port,
                           const std::vector<Address>& peers,
                           bool isServer)
{
    NS_ABORT_MSG_IF(m_running, "TcpMessageTransport::Setup after Start");
    NS_ABORT_MSG_IF(!isServer && peers.size() != 1,
                    "TcpMessageTransport: a worker has exactly one peer (the server), not "
                        << peers.size());
    for (const Address& a : peers)
    {
        NS_ABORT_MSG_UNLESS(Ipv4Address::IsMatchingType(a),
                            "TcpMessageTransport: peer addresses must be Ipv4Address");
    }
    m_node = node;
    m_port = port;
    m_peers = peers;
    m_isServer = isServer;
    m_peerStates.assign(peers.size(), PeerState());
}

void
TcpMessageTransport::SetLocalIndex(uint16_t index)
{
    m_localIndex = index;
    m_hasLocalIndex = true;
}

void
TcpMessageTransport::Start()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_node, "TcpMessageTransport::Start before Setup");
    NS_ABORT_MSG_IF(!m_isServer && !m_hasLocalIndex,
                    "TcpMessageTransport: a worker needs SetLocalIndex() before Start()");
    if (m_running)
    {
        return;
    }
    m_running = true;
    if (m_isServer)
    {
        m_listenSocket = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
        if (m_listenSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0)
        {
            NS_FATAL_ERROR("TcpMessageTransport: cannot bind TCP port " << m_port << " on node "
                                                                        << m_node->GetId());
        }
        m_listenSocket->Listen();
        m_listenSocket->SetAcceptCallback(
            MakeCallback(&TcpMessageTransport::ConnectionRequested, this),
            MakeCallback(&TcpMessageTransport::HandleAccept, this));
    }
    else
    {
        Connect();
    }
}

void
TcpMessageTransport::Stop()
{
    NS_LOG_FUNCTION(this);
    const bool wasRunning = m_running;
    m_running = false;
    m_stopped = m_stopped || wasRunning;
    Simulator::Cancel(m_connectEvent);
    if (m_listenSocket)
    {
        m_listenSocket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                          MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_listenSocket->Close();
        m_listenSocket = nullptr;
    }
    if (m_connectSocket)
    {
        m_connectSocket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                            MakeNullCallback<void, Ptr<Socket>>());
        m_connectSocket->Close();
        m_connectSocket = nullptr;
    }
    while (!m_connections.empty())
    {
        RemoveConnection(m_connections.begin()->second.socket, true);
    }
    for (uint32_t peer = 0; peer < m_peerStates.size(); ++peer)
    {
        PeerState& ps = m_peerStates[peer];
        if (wasRunning && !ps.frames.empty())
        {
            Drop("stopped with " + std::to_string(ps.frames.size()) + " frames (" +
                 std::to_string(ps.queuedBytes) + " bytes) unsent to peer " + std::to_string(peer));
        }
        ps = PeerState();
    }
}

void
TcpMessageTransport::Connect()
{
    NS_LOG_FUNCTION(this);
    if (!m_running || PeekPointer(m_connectSocket) != nullptr ||
        PeekPointer(m_peerStates[0].socket) != nullptr)
    {
        return;
    }
    m_connectSocket = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
    m_connectSocket->Bind();
    m_connectSocket->SetConnectCallback(
        MakeCallback(&TcpMessageTransport::ConnectionSucceeded, this),
        MakeCallback(&TcpMessageTransport::ConnectionFailed, this));
    m_connectSocket->Connect(InetSocketAddress(Ipv4Address::ConvertFrom(m_peers[0]), m_port));
}

void
TcpMessageTransport::ConnectionSucceeded(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_connectSocket)
    {
        return;
    }
    m_connectSocket = nullptr;
    socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                               MakeNullCallback<void, Ptr<Socket>>());
    AddConnection(socket, Ipv4Address::ConvertFrom(m_peers[0]), -1);
    MessageInfo hello;
    hello.type = CodedLearningHeader::HELLO;
    hello.worker = m_localIndex;
    PeerState& ps = m_peerStates[0];
    ps.frontOffset = 0; // a frame cut by a lost connection is sent again whole
    ps.frames.push_front(MakeChunks(hello, {}, m_maxChunkPayload).front());
    ps.queuedBytes += CodedLearningHeader::SERIALIZED_SIZE;
    Bind(0, socket);
}

void
TcpMessageTransport::ConnectionFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (socket != m_connectSocket)
    {
        return;
    }
    NS_LOG_INFO("connection to the server failed; retrying in " << m_connectRetryInterval);
    m_connectSocket = nullptr;
    socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                               MakeNullCallback<void, Ptr<Socket>>());
    socket->Close();
    ScheduleReconnect();
}

void
TcpMessageTransport::ScheduleReconnect()
{
    if (m_running && !m_isServer && m_connectEvent.IsExpired())
    {
        m_connectEvent =
            Simulator::Schedule(m_connectRetryInterval, &TcpMessageTransport::Connect, this);
    }
}

bool
TcpMessageTransport::ConnectionRequested(Ptr<Socket> /* socket */, const Address& /* from */)
{
    return m_running;
}

void
TcpMessageTransport::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    Ipv4Address remote;
    if (InetSocketAddress::IsMatchingType(from))
    {
        remote = InetSocketAddress::ConvertFrom(from).GetIpv4();
    }
    AddConnection(socket, remote, -1);
}

void
TcpMessageTransport::AddConnection(Ptr<Socket> socket, Ipv4Address remote, int64_t peer)
{
    Connection c;
    c.socket = socket;
    c.remote = remote;
    c.peer = peer;
    c.rxBuffer = Create<Packet>();
    m_connections[PeekPointer(socket)] = c;
    socket->SetRecvCallback(MakeCallback(&TcpMessageTransport::HandleRead, this));
    socket->SetSendCallback(MakeCallback(&TcpMessageTransport::HandleSend, this));
    socket->SetCloseCallbacks(MakeCallback(&TcpMessageTransport::HandlePeerClose, this),
                              MakeCallback(&TcpMessageTransport::HandlePeerError, this));
}

void
TcpMessageTransport::RemoveConnection(Ptr<Socket> socket, bool close)
{
    auto it = m_connections.find(PeekPointer(socket));
    if (it == m_connections.end())
    {
        return;
    }
    const int64_t peer = it->second.peer;
    if (peer >= 0 && m_peerStates[peer].socket == socket)
    {
        m_peerStates[peer].socket = nullptr;
        m_peerStates[peer].frontOffset = 0; // a cut frame is sent again whole
    }
    m_connections.erase(it);
    socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                              MakeNullCallback<void, Ptr<Socket>>());
    if (close)
    {
        socket->Close();
    }
    ScheduleReconnect();
}

void
TcpMessageTransport::HandlePeerClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    RemoveConnection(socket, true);
}

void
TcpMessageTransport::HandlePeerError(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    RemoveConnection(socket, false);
}

void
TcpMessageTransport::Bind(uint32_t peer, Ptr<Socket> socket)
{
    auto it = m_connections.find(PeekPointer(socket));
    NS_ASSERT(it != m_connections.end());
    it->second.peer = peer;
    m_peerStates[peer].socket = socket;
    m_peerStates[peer].frontOffset = 0;
    Flush(peer);
}

uint32_t
TcpMessageTransport::GetMaxChunkPayload() const
{
    return m_maxChunkPayload;
}

void
TcpMessageTransport::EnqueueChunks(uint32_t peer, const std::vector<Ptr<Packet>>& packets)
{
    NS_LOG_FUNCTION(this << peer << packets.size());
    NS_ABORT_MSG_IF(peer >= m_peers.size(), "TcpMessageTransport: no peer " << peer);
    if (m_stopped)
    {
        Drop("message to peer " + std::to_string(peer) + " sent after Stop");
        return;
    }
    PeerState& ps = m_peerStates[peer];
    for (const Ptr<Packet>& frame : packets)
    {
        ps.queuedBytes += frame->GetSize();
        ps.frames.push_back(frame);
    }
    Flush(peer);
}

void
TcpMessageTransport::Flush(uint32_t peer)
{
    PeerState& ps = m_peerStates[peer];
    while (PeekPointer(ps.socket) != nullptr && !ps.frames.empty())
    {
        const uint32_t available = ps.socket->GetTxAvailable();
        if (available == 0)
        {
            return; // HandleSend resumes
        }
        Ptr<Packet> front = ps.frames.front();
        const uint32_t remaining = front->GetSize() - ps.frontOffset;
        const uint32_t n = std::min(remaining, available);
        Ptr<Packet> piece = (ps.frontOffset == 0 && n == front->GetSize())
                                ? front
                                : front->CreateFragment(ps.frontOffset, n);
        const int sent = ps.socket->Send(piece);
        if (sent <= 0)
        {
            // The socket refuses data (e.g. closing): keep the queue; a close callback or a
            // later send callback decides what happens next.
            NS_LOG_LOGIC("send refused (socket error " << ps.socket->GetErrno() << ")");
            return;
        }
        m_bytesSent += static_cast<uint32_t>(sent);
        ps.queuedBytes -= static_cast<uint32_t>(sent);
        ps.frontOffset += static_cast<uint32_t>(sent);
        if (ps.frontOffset >= front->GetSize())
        {
            ps.frames.pop_front();
            ps.frontOffset = 0;
        }
    }
}

void
TcpMessageTransport::HandleSend(Ptr<Socket> socket, uint32_t /* available */)
{
    auto it = m_connections.find(PeekPointer(socket));
    if (it != m_connections.end() && it->second.peer >= 0)
    {
        Flush(static_cast<uint32_t>(it->second.peer));
    }
}

void
TcpMessageTransport::HandleRead(Ptr<Socket> socket)
{
    auto it = m_connections.find(PeekPointer(socket));
    if (it == m_connections.end())
    {
        return;
    }
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        if (packet->GetSize() == 0)
        {
            break;
        }
        it->second.rxBuffer->AddAtEnd(packet);
    }
    while (true)
    {
        // Look the connection up again: delivering a message may Stop() the transport.
        it = m_connections.find(PeekPointer(socket));
        if (it == m_connections.end())
        {
            return;
        }
        CodedLearningHeader h;
        Ptr<Packet> payload;
        std::string error;
        const auto status =
            CodedLearningHeader::ExtractFrame(it->second.rxBuffer, h, payload, error);
        if (status == CodedLearningHeader::FRAME_NEED_MORE)
        {
            return;
        }
        if (status == CodedLearningHeader::FRAME_ERROR)
        {
            Drop("framing error from " + AddressString(it->second.remote) +
                 ", connection closed: " + error);
            RemoveConnection(socket, true);
            return;
        }
        if (!HandleFrame(socket, h, payload))
        {
            return;
        }
    }
}

bool
TcpMessageTransport::HandleFrame(Ptr<Socket> socket,
                                 const CodedLearningHeader& h,
                                 Ptr<Packet> payload)
{
    Connection& c = m_connections.at(PeekPointer(socket));
    const uint32_t bytes = CodedLearningHeader::SERIALIZED_SIZE + payload->GetSize();
    if (h.GetMessageType() == CodedLearningHeader::HELLO)
    {
        if (!m_isServer)
        {
            Drop("HELLO from the server");
            return true;
        }
        const uint32_t index = h.GetWorker();
        std::string reason;
        if (index >= m_peers.size())
        {
            reason = "HELLO from unknown worker " + std::to_string(index);
        }
        else if (Ipv4Address::ConvertFrom(m_peers[index]) != c.remote)
        {
            reason = "HELLO claims worker " + std::to_string(index) + " but comes from " +
                     AddressString(c.remote);
        }
        else if (c.peer >= 0 || PeekPointer(m_peerStates[index].socket) != nullptr)
        {
            reason = "second HELLO for worker " + std::to_string(index);
        }
        if (!reason.empty())
        {
            Drop(reason + ", connection closed");
            RemoveConnection(socket, true);
            return false;
        }
        m_bytesReceived += bytes;
        Bind(index, socket);
        return m_connections.count(PeekPointer(socket)) > 0;
    }
    uint32_t peer = 0;
    if (m_isServer)
    {
        if (c.peer < 0)
        {
            Drop(std::string("frame ") + CodedLearningHeader::MessageTypeName(h.GetMessageType()) +
                 " before HELLO from " + AddressString(c.remote));
            return true;
        }
        peer = static_cast<uint32_t>(c.peer);
        if (h.GetWorker() != peer)
        {
            Drop("frame claims worker " + std::to_string(h.GetWorker()) +
                 " on the connection of worker " + std::to_string(peer));
            return true;
        }
    }
    AcceptChunk(peer, h, payload, bytes);
    return true;
}

bool
TcpMessageTransport::IsConnected(uint32_t peer) const
{
    return peer < m_peerStates.size() && PeekPointer(m_peerStates[peer].socket) != nullptr;
}

uint64_t
TcpMessageTransport::GetQueuedBytes(uint32_t peer) const
{
    return peer < m_peerStates.size() ? m_peerStates[peer].queuedBytes : 0;
}

void
TcpMessageTransport::DoDispose()
{
    // Release the sockets without Close(): during Simulator::Destroy() the node's IPv4 stack
    // may already be disposed, and the FIN that Close() sends through it crashes ns-3.35
    // (Ipv4L3Protocol::Send dereferences its null m_node on the no-route path).
    for (auto& entry : m_connections)
    {
        const Ptr<Socket> socket = entry.second.socket;
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                  MakeNullCallback<void, Ptr<Socket>>());
    }
    m_connections.clear();
    if (m_listenSocket)
    {
        m_listenSocket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                          MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_listenSocket = nullptr;
    }
    if (m_connectSocket)
    {
        m_connectSocket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                            MakeNullCallback<void, Ptr<Socket>>());
        m_connectSocket = nullptr;
    }
    Stop();
    m_node = nullptr;
    ChunkedMessageTransport::DoDispose();
}

} // namespace ns3
