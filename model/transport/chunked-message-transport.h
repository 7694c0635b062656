// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CHUNKED_MESSAGE_TRANSPORT_H
#define CODED_LEARNING_CHUNKED_MESSAGE_TRANSPORT_H

#include "message-transport.h"

#include "ns3/coded-learning-header.h"
#include "ns3/message-reassembler.h"
#include "ns3/packet.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief What the packet transports (UDP, TCP) share: cutting a message into chunks behind a
 * CodedLearningHeader, and reassembling received chunks with a bounded MessageReassembler
 * into whole messages (malformed, duplicate, inconsistent, oversized and stale chunks are
 * dropped, counted and traced).
 */
class ChunkedMessageTransport : public MessageTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * Cuts the message into chunks and queues them all (EnqueueChunks()).
     * \param peer the destination peer \param info the message's identity
     * \param payload its bytes
     */
    void Send(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload) final;
    /**
     * Cuts the message into chunks and queues the ones named (EnqueueChunks()).
     * \param peer the destination peer \param info the identity (flags) of these chunks
     * \param payload the whole message \param chunks the indices to send, ascending
     */
    void SendChunks(uint32_t peer,
                    const MessageInfo& info,
                    const std::vector<uint8_t>& payload,
                    const std::vector<uint32_t>& chunks) final;
    /**
     * Cuts the message into chunks and queues them all for the broadcast address
     * (EnqueueChunks() with BROADCAST_PEER); only when CanBroadcast().
     * \param info the message's identity \param payload its bytes
     */
    void Broadcast(const MessageInfo& info, const std::vector<uint8_t>& payload) final;
    /// \param info a message's identity \return the missing chunks of it if it is partial
    std::vector<uint32_t> MissingChunksOf(const MessageInfo& info) const final;
    /// \param messageBytes a message size \return the payload bytes of each of its chunks
    std::vector<uint32_t> ChunkSizes(uint32_t messageBytes) const final;
    void DiscardBefore(uint32_t iteration) override;
    uint64_t MissingChunks(uint32_t iteration) const override;

    /// \return the reassembler's counters
    const coded::ReassemblerCounters& GetReassemblyCounters() const;

  protected:
    /// The peer number EnqueueChunks() gets for a broadcast (no peer has it).
    static constexpr uint32_t BROADCAST_PEER = 0xFFFFFFFF;
    /// \return the largest chunk payload (the MaxChunkPayload attribute)
    virtual uint32_t GetMaxChunkPayload() const = 0;

    /**
     * Queues packets (header + chunk) for a peer.
     * \param peer the destination peer
     * \param packets the chunks, in the order to send them
     */
    virtual void EnqueueChunks(uint32_t peer, const std::vector<Ptr<Packet>>& packets) = 0;

    /**
     * \param info the message's identity
     * \param payload the message
     * \param maxChunkPayload the largest chunk
     * \return one packet (header + chunk) per chunk, in order
     */
    static std::vector<Ptr<Packet>> MakeChunks(const MessageInfo& info,
                                               const std::vector<uint8_t>& payload,
                                               uint32_t maxChunkPayload);

    /**
     * Reassemble a received, header-validated chunk; deliver its message when complete.
     * \param peer the peer it came from (already checked against the header)
     * \param header its header
     * \param payload its bytes (after the header)
     * \param wireBytes header and payload bytes, for the byte counter
     */
    void AcceptChunk(uint32_t peer,
                     const CodedLearningHeader& header,
                     Ptr<const Packet> payload,
                     uint32_t wireBytes);

  private:
    coded::MessageReassembler m_reassembler; //!< partial messages
};

} // namespace ns3

#endif // CODED_LEARNING_CHUNKED_MESSAGE_TRANSPORT_H
