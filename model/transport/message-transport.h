// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_MESSAGE_TRANSPORT_H
#define CODED_LEARNING_MESSAGE_TRANSPORT_H

#include "ns3/callback.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief What identifies a message between the parameter server and a worker (the fields of
 * CodedLearningHeader that are the same in every chunk of the message).
 */
struct MessageInfo
{
    uint8_t type{0};       //!< CodedLearningHeader::MessageType
    uint32_t iteration{0}; //!< training iteration
    uint16_t worker{0};    //!< the worker (sender of uplink, receiver of downlink messages)
    uint8_t stage{0};      //!< coding stage (1 or 2) of TASK and RESULT messages
    uint16_t task{0};      //!< coding task id of TASK and RESULT messages
    uint8_t flags{0};      //!< CodedLearningHeader flag bits
};

/**
 * \ingroup coded-learning
 * \brief Moves whole messages between the parameter server and its workers.
 *
 * The applications see messages (MessageInfo + payload bytes), never packets: a transport
 * chunks, frames, reassembles and validates. Peers are numbered: for the server, peer i is
 * worker i; for a worker, peer 0 is the server. Implementations: UdpMessageTransport (chunks
 * in datagrams, reassembly, losses make a message missing), IdealMessageTransport (zero
 * delay, no packets: the oracle network).
 */
class MessageTransport : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Called with (peer, info, payload) for every complete, valid message.
    typedef Callback<void, uint32_t, const MessageInfo&, const std::vector<uint8_t>&>
        ReceiveCallback;

    /**
     * TracedCallback signature of a dropped chunk or message.
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(const std::string& reason);

    /**
     * TracedCallback signature of a message handed to the application.
     * \param peer the peer it came from
     * \param info its identity
     * \param payloadBytes its payload size in bytes (without headers)
     */
    typedef void (*DeliverTracedCallback)(uint32_t peer,
                                          const MessageInfo& info,
                                          uint32_t payloadBytes);

    /**
     * TracedCallback signature of a received chunk that is new (stored by the reassembler or
     * completing its message; duplicates and refused chunks are not reported). A transport
     * without chunks reports every message as its chunk 0.
     * \param peer the peer it came from
     * \param info its message's identity
     * \param chunk the chunk index
     * \param payloadBytes its payload bytes (without headers)
     */
    typedef void (*ChunkTracedCallback)(uint32_t peer,
                                        const MessageInfo& info,
                                        uint32_t chunk,
                                        uint32_t payloadBytes);

    /// \param cb the receive callback
    void SetReceiveCallback(ReceiveCallback cb);

    /// Open sockets / connections.
    virtual void Start() = 0;

    /// Close everything; no callback afterwards.
    virtual void Stop() = 0;

    /**
     * \param peer the destination peer
     * \param info the message's identity
     * \param payload its bytes
     */
    virtual void Send(uint32_t peer,
                      const MessageInfo& info,
                      const std::vector<uint8_t>& payload) = 0;

    /**
     * Sends some chunks of a message (the chunks an uplink grant names).
     * \param peer the destination peer
     * \param info the message's identity (the flags of these chunks)
     * \param payload the whole message
     * \param chunks indices into ChunkSizes(payload.size()), ascending
     * The default (transports without chunks: the message is its chunk 0) sends the whole
     * message when chunk 0 is named.
     */
    virtual void SendChunks(uint32_t peer,
                            const MessageInfo& info,
                            const std::vector<uint8_t>& payload,
                            const std::vector<uint32_t>& chunks);

    /**
     * \return whether Broadcast() reaches every peer with one transmission (default: no; a UDP
     *         transport with a broadcast address can)
     */
    virtual bool CanBroadcast() const;
    /**
     * Sends a message once to every peer (one datagram per chunk to the subnet's broadcast
     * address). Only when CanBroadcast(); the default aborts.
     * \param info the message's identity
     * \param payload its bytes
     */
    virtual void Broadcast(const MessageInfo& info, const std::vector<uint8_t>& payload);
    /**
     * \param info a message's identity (type, iteration, worker, stage, task)
     * \return the chunk indices still missing from that message if it is partial (some but
     *         not all of its chunks arrived); empty otherwise (default: always empty)
     */
    virtual std::vector<uint32_t> MissingChunksOf(const MessageInfo& info) const;
    /**
     * \param messageBytes a message's payload size
     * \return the payload bytes of each chunk Send() cuts it into (default: one chunk)
     */
    virtual std::vector<uint32_t> ChunkSizes(uint32_t messageBytes) const;

    /**
     * Forget partial messages of iterations before the given one, and refuse their late
     * chunks from now on (a no-op for transports that never hold partial messages).
     * \param iteration the first iteration still of interest
     */
    virtual void DiscardBefore(uint32_t iteration);

    /**
     * \param iteration an iteration
     * \return chunks still missing from that iteration's partial messages (0 for transports
     *         without chunks)
     */
    virtual uint64_t MissingChunks(uint32_t iteration) const;

    /// \return payload and header bytes sent so far
    uint64_t GetBytesSent() const
    {
        return m_bytesSent;
    }

    /// \return payload and header bytes received so far (valid chunks)
    uint64_t GetBytesReceived() const
    {
        return m_bytesReceived;
    }

    /// \return chunks (or messages) dropped as malformed, unknown, stale or duplicate
    uint64_t GetDropped() const
    {
        return m_dropped;
    }

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

    /**
     * Hand a complete message to the application.
     * \param peer the peer it came from
     * \param info its identity
     * \param payload its bytes
     */
    void Deliver(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload);

    /**
     * Count and trace a drop.
     * \param reason why
     */
    void Drop(const std::string& reason);

    /**
     * Report a new received chunk (the ChunkReceived trace).
     * \param peer the peer \param info its message \param chunk its index \param bytes its size
     */
    void NotifyChunk(uint32_t peer, const MessageInfo& info, uint32_t chunk, uint32_t bytes);

    uint64_t m_bytesSent{0};     //!< bytes sent
    uint64_t m_bytesReceived{0}; //!< bytes received

  private:
    ReceiveCallback m_receive;                                             //!< the application
    uint64_t m_dropped{0};                                                 //!< drops
    TracedCallback<const std::string&> m_dropTrace;                        //!< drop trace
    TracedCallback<uint32_t, const MessageInfo&, uint32_t> m_deliverTrace; //!< deliver trace
    TracedCallback<uint32_t, const MessageInfo&, uint32_t, uint32_t> m_chunkTrace; //!< chunks
};

} // namespace ns3

#endif // CODED_LEARNING_MESSAGE_TRANSPORT_H
