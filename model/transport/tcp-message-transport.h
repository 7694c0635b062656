// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_TCP_MESSAGE_TRANSPORT_H
#define CODED_LEARNING_TCP_MESSAGE_TRANSPORT_H

#include "chunked-message-transport.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/socket.h"

#include <deque>
#include <map>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Messages over TCP: one connection per worker, carrying a stream of frames
 * (CodedLearningHeader + chunk payload, the header's payload length delimiting the frame).
 *
 * Each message is cut into chunks of at most MaxChunkPayload bytes with
 * coded::MessageReassembler::PlanChunks (the same rule as UdpMessageTransport); the frames are
 * appended to the destination peer's send queue and written as far as the socket's
 * GetTxAvailable() allows, the rest from the socket's send callback. Nothing blocks and nothing
 * is lost once written (TCP retransmits); messages sent to a peer that is not connected yet
 * wait in its queue and leave when it connects.
 *
 * The receiver accumulates the bytes of every connection in a buffer, takes frames off it with
 * CodedLearningHeader::ExtractFrame() and hands the chunks to a coded::MessageReassembler, so
 * that both transports validate alike (same drop reasons, same counters).
 *
 * Connections:
 * - the server listens on the port and accepts any connection; a connection is bound to
 *   worker i by its first frame, a HELLO whose worker field is i, coming from the address
 *   peers[i]. Frames before the HELLO are dropped and counted (the connection stays); a
 *   frame stream that cannot be parsed (bad magic, bad field), a HELLO naming an unknown
 *   worker, coming from another address than that worker's, or naming a worker that is
 *   already bound closes the connection (counted as one drop). A bound connection's frames
 *   must name its worker, else they are dropped. When a bound connection closes, the worker's
 *   queue waits for the next HELLO.
 * - a worker (SetLocalIndex() first) connects to peers[0] on Start(), sends the HELLO as the
 *   first frame, and reconnects ConnectRetryInterval after a failed attempt or a lost
 *   connection (resending the frame that was being written whole: the receiver's reassembler
 *   drops what it already has as duplicates). Frames the old connection had accepted but not
 *   delivered are lost with it; the message is then missing, as with UDP.
 *
 * Counters: GetBytesSent() counts the bytes written into sockets (frames, HELLO included),
 * GetBytesReceived() the bytes of valid frames (HELLO included); every dropped frame, refused
 * connection, queue discarded by Stop() (one drop per peer) and message sent after Stop() is
 * counted by GetDropped() and traced by Drop. Messages sent before Start() are queued.
 */
class TcpMessageTransport : public ChunkedMessageTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TcpMessageTransport();

    /**
     * \param node the node the sockets live on
     * \param port the server's TCP port (the server listens on it; workers connect to it)
     * \param peers peer addresses (Ipv4Address), indexed by peer number: the workers on the
     *        server, {the server's address} on a worker
     * \param isServer true on the server
     */
    void Setup(Ptr<Node> node, uint16_t port, const std::vector<Address>& peers, bool isServer);

    /**
     * Worker side only, required before Start(): the worker's index, sent in the HELLO that
     * binds the connection to the worker on the server (must be the index under which the
     * server has this worker's address).
     * \param index the worker index
     */
    void SetLocalIndex(uint16_t index);

    void Start() override;
    void Stop() override;

    /**
     * \param peer a peer number
     * \return whether a connection to it is established (server: bound by a HELLO)
     */
    bool IsConnected(uint32_t peer) const;

    /**
     * \param peer a peer number
     * \return the bytes queued for it and not yet written into a socket
     */
    uint64_t GetQueuedBytes(uint32_t peer) const;

  protected:
    uint32_t GetMaxChunkPayload() const override;
    void EnqueueChunks(uint32_t peer, const std::vector<Ptr<Packet>>& packets) override;
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// One open TCP connection.
    struct Connection
    {
        Ptr<Socket> socket;   //!< the connected socket
        Ipv4Address remote;   //!< the remote address
        int64_t peer{-1};     //!< the peer it is bound to (-1: no HELLO yet, server side)
        Ptr<Packet> rxBuffer; //!< bytes received and not yet framed
    };

    /// What is queued for one peer.
    struct PeerState
    {
        Ptr<Socket> socket;             //!< its bound connection (null: not connected)
        std::deque<Ptr<Packet>> frames; //!< frames to write, the front one partly written
        uint32_t frontOffset{0};        //!< bytes of the front frame already written
        uint64_t queuedBytes{0};        //!< unwritten bytes in frames
    };

    /// Worker: opens a connection to the server.
    void Connect();
    /// \param socket the worker's socket, now connected
    void ConnectionSucceeded(Ptr<Socket> socket);
    /// \param socket the worker's socket, whose connection attempt failed
    void ConnectionFailed(Ptr<Socket> socket);
    /**
     * Server: accepts every connection request (HELLO decides).
     * \param socket the listening socket
     * \param from the requester
     * \return true
     */
    bool ConnectionRequested(Ptr<Socket> socket, const Address& from);
    /**
     * Server: a new connection.
     * \param socket its socket
     * \param from the remote address
     */
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    /// \param socket a connection closed by the remote side
    void HandlePeerClose(Ptr<Socket> socket);
    /// \param socket a connection closed by an error
    void HandlePeerError(Ptr<Socket> socket);
    /// \param socket the socket with data to read
    void HandleRead(Ptr<Socket> socket);
    /**
     * \param socket a socket with room in its send buffer
     * \param available the room
     */
    void HandleSend(Ptr<Socket> socket, uint32_t available);

    /**
     * Wires the callbacks of a connection socket and registers it.
     * \param socket the socket
     * \param remote the remote address
     * \param peer the peer it is bound to, or -1
     */
    void AddConnection(Ptr<Socket> socket, Ipv4Address remote, int64_t peer);
    /**
     * Forgets a connection (unbinding its peer), optionally closing it.
     * \param socket the socket
     * \param close whether to call Close() on it
     */
    void RemoveConnection(Ptr<Socket> socket, bool close);
    /**
     * Binds a peer to a connection and flushes its queue.
     * \param peer the peer
     * \param socket the connection
     */
    void Bind(uint32_t peer, Ptr<Socket> socket);
    /// \param peer writes as much of its queue as its socket accepts
    void Flush(uint32_t peer);
    /**
     * \param socket a connection
     * \param h a frame's header
     * \param payload its payload
     * \return false when the connection was closed (stop reading it)
     */
    bool HandleFrame(Ptr<Socket> socket, const CodedLearningHeader& h, Ptr<Packet> payload);
    /// Worker: schedules a reconnection attempt, unless stopped or already scheduled.
    void ScheduleReconnect();

    Ptr<Node> m_node;                            //!< node
    uint16_t m_port{0};                          //!< server TCP port
    std::vector<Address> m_peers;                //!< peer addresses
    bool m_isServer{false};                      //!< server side
    bool m_running{false};                       //!< between Start() and Stop()
    bool m_stopped{false};                       //!< Stop() ended a run: Send() drops
    bool m_hasLocalIndex{false};                 //!< SetLocalIndex() was called
    uint16_t m_localIndex{0};                    //!< worker index (worker side)
    uint32_t m_maxChunkPayload;                  //!< frame payload size
    Time m_connectRetryInterval;                 //!< worker reconnection delay
    Ptr<Socket> m_listenSocket;                  //!< server: listening socket
    std::map<Socket*, Connection> m_connections; //!< open connections
    std::vector<PeerState> m_peerStates;         //!< per peer: queue and connection
    Ptr<Socket> m_connectSocket;                 //!< worker: connection attempt under way
    EventId m_connectEvent;                      //!< worker: next connection attempt
};

} // namespace ns3

#endif // CODED_LEARNING_TCP_MESSAGE_TRANSPORT_H
