// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_UDP_MESSAGE_TRANSPORT_H
#define CODED_LEARNING_UDP_MESSAGE_TRANSPORT_H

#include "chunked-message-transport.h"

#include "ns3/address.h"
#include "ns3/data-rate.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/socket.h"

#include <deque>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Messages over UDP: each message is cut into chunks of at most MaxChunkPayload bytes,
 * each sent as one datagram with a CodedLearningHeader; the receiver validates every chunk
 * (malformed, unknown-peer, stale, duplicate and inconsistent chunks are dropped and counted)
 * and reassembles messages. A lost chunk makes its message missing: the server treats that
 * result as a straggler.
 *
 * With a broadcast address (SetBroadcastAddress), Broadcast() sends each chunk once to it:
 * every worker on the subnet receives it (the header's worker field is then
 * CodedLearningHeader::ALL_WORKERS).
 *
 * Chunks leave through a FIFO paced at PacingRate (0 = as fast as the socket accepts them),
 * so that a large broadcast does not overflow the device queue in one burst.
 */
class UdpMessageTransport : public ChunkedMessageTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    UdpMessageTransport();

    /**
     * \param node the node the socket lives on
     * \param port the local UDP port (peers use the same port)
     * \param peers peer addresses (Ipv4Address), indexed by peer number
     * \param isServer true on the server: the header's worker field then names the sending
     *        peer and must match the source address
     */
    void Setup(Ptr<Node> node, uint16_t port, const std::vector<Address>& peers, bool isServer);

    /**
     * Lets Broadcast() send to this address (the subnet-directed broadcast address of the
     * server's link; the socket allows broadcast then). Call before Start().
     * \param address the broadcast address
     */
    void SetBroadcastAddress(Ipv4Address address);
    /// \return whether a broadcast address was set
    bool CanBroadcast() const override;
    void Start() override;
    void Stop() override;

  protected:
    uint32_t GetMaxChunkPayload() const override;
    void EnqueueChunks(uint32_t peer, const std::vector<Ptr<Packet>>& packets) override;
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// A chunk waiting to be sent.
    struct Pending
    {
        uint32_t peer;      //!< destination
        Ptr<Packet> packet; //!< header + payload
    };

    /// Sends queued chunks (paced).
    void SendNext();

    /// \param socket the socket with data to read
    void HandleRead(Ptr<Socket> socket);

    Ptr<Node> m_node;             //!< node
    uint16_t m_port{0};           //!< UDP port
    std::vector<Address> m_peers; //!< peer addresses
    bool m_isServer{false};       //!< server side
    Ipv4Address m_broadcast;      //!< broadcast address (unset: no broadcast)
    bool m_canBroadcast{false};   //!< SetBroadcastAddress() was called
    Ptr<Socket> m_socket;         //!< the socket
    uint32_t m_maxChunkPayload;   //!< chunk size
    DataRate m_pacingRate;        //!< pacing
    std::deque<Pending> m_queue;  //!< chunks to send
    EventId m_sendEvent;          //!< next paced send
};

} // namespace ns3

#endif // CODED_LEARNING_UDP_MESSAGE_TRANSPORT_H
