// SPDX-License-Identifier: GPL-2.0-only
#include "udp-message-transport.h"

#include "coded-learning-header.h"

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
            .SetParent<MessageTransport>()
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

void
UdpMessageTransport::Send(uint32_t peer,
                          const MessageInfo& info,
                          const std::vector<uint8_t>& payload)
{
    NS_LOG_FUNCTION(this << peer << payload.size());
    NS_ABORT_MSG_IF(peer >= m_peers.size(), "UdpMessageTransport: no peer " << peer);
    NS_ABORT_MSG_IF(payload.size() > CodedLearningHeader::MAX_MESSAGE_BYTES,
                    "UdpMessageTransport: message of " << payload.size() << " bytes exceeds "
                                                       << CodedLearningHeader::MAX_MESSAGE_BYTES);
    const auto length = static_cast<uint32_t>(payload.size());
    const uint32_t count = length == 0 ? 1 : (length + m_maxChunkPayload - 1) / m_maxChunkPayload;
    NS_ABORT_MSG_IF(count > 65535,
                    "UdpMessageTransport: " << length << " bytes need " << count
                                            << " chunks; raise MaxChunkPayload");
    for (uint32_t i = 0; i < count; ++i)
    {
        const uint32_t offset = i * m_maxChunkPayload;
        const uint32_t size = std::min(m_maxChunkPayload, length - offset);
        Ptr<Packet> p = Create<Packet>(payload.data() + offset, size);
        CodedLearningHeader h;
        h.SetMessageType(info.type);
        h.SetIteration(info.iteration);
        h.SetWorker(info.worker);
        h.SetStage(info.stage);
        h.SetFlags(info.flags);
        h.SetTaskId(info.task);
        h.SetChunkIndex(static_cast<uint16_t>(i));
        h.SetChunkCount(static_cast<uint16_t>(count));
        h.SetChunkOffset(offset);
        h.SetMessageLength(length);
        h.SetPayloadLength(size);
        p->AddHeader(h);
        m_queue.push_back(Pending{peer, p});
    }
    if (!m_sendEvent.IsRunning())
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
        const Address to = InetSocketAddress(Ipv4Address::ConvertFrom(m_peers[next.peer]), m_port);
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
        coded::MessageKey key;
        key.type = h.GetMessageType();
        key.iteration = h.GetIteration();
        key.worker = h.GetWorker();
        key.stage = h.GetStage();
        key.task = h.GetTaskId();
        std::vector<uint8_t> data(packet->GetSize());
        packet->CopyData(data.data(), data.size());
        std::vector<uint8_t> message;
        const auto status = m_reassembler.Accept(key,
                                                 h.GetChunkIndex(),
                                                 h.GetChunkCount(),
                                                 h.GetChunkOffset(),
                                                 h.GetMessageLength(),
                                                 data,
                                                 message);
        using Status = coded::MessageReassembler::Status;
        switch (status)
        {
        case Status::INCOMPLETE:
            m_bytesReceived += bytes;
            break;
        case Status::COMPLETE: {
            m_bytesReceived += bytes;
            MessageInfo info;
            info.type = h.GetMessageType();
            info.iteration = h.GetIteration();
            info.worker = h.GetWorker();
            info.stage = h.GetStage();
            info.task = h.GetTaskId();
            info.flags = h.GetFlags();
            Deliver(peer, info, message);
            break;
        }
        case Status::DUPLICATE:
            Drop("duplicate chunk " + key.ToString());
            break;
        case Status::INCONSISTENT:
            Drop("inconsistent chunk " + key.ToString());
            break;
        case Status::MALFORMED:
            Drop("malformed chunk " + key.ToString());
            break;
        case Status::TOO_LARGE:
            Drop("chunk over the reassembly limits " + key.ToString());
            break;
        case Status::STALE:
            Drop("stale chunk " + key.ToString());
            break;
        }
    }
}

void
UdpMessageTransport::DiscardBefore(uint32_t iteration)
{
    m_reassembler.DiscardBefore(iteration);
}

const coded::ReassemblerCounters&
UdpMessageTransport::GetReassemblyCounters() const
{
    return m_reassembler.Counters();
}

uint64_t
UdpMessageTransport::MissingChunks(uint32_t iteration) const
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

void
UdpMessageTransport::DoDispose()
{
    Stop();
    m_node = nullptr;
    MessageTransport::DoDispose();
}

} // namespace ns3
