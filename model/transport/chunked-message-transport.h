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

    void DiscardBefore(uint32_t iteration) override;
    uint64_t MissingChunks(uint32_t iteration) const override;

    /// \return the reassembler's counters
    const coded::ReassemblerCounters& GetReassemblyCounters() const;

  protected:
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
