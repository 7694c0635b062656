// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_MESSAGE_REASSEMBLER_H
#define CODED_LEARNING_MESSAGE_REASSEMBLER_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * \brief Identifies one message: its chunks share the key (the header fields type, iteration,
 * worker, stage and task id).
 */
struct MessageKey
{
    uint8_t type{0};       //!< message type (CodedLearningHeader::MessageType)
    uint32_t iteration{0}; //!< iteration
    uint32_t worker{0};    //!< worker index
    uint32_t stage{0};     //!< stage
    uint32_t task{0};      //!< task id

    /**
     * \param o another key
     * \return whether this key orders before o (iteration first)
     */
    bool operator<(const MessageKey& o) const;

    /**
     * \param o another key
     * \return whether the keys are equal
     */
    bool operator==(const MessageKey& o) const;

    /// \return "type=3 it=7 w=2 st=1 task=5"
    std::string ToString() const;
};

/**
 * \ingroup coded-learning
 * \brief One chunk of a message as the sender cuts it: bytes [offset, offset + length).
 */
struct ChunkSpan
{
    uint32_t index{0};  //!< chunk index
    uint32_t offset{0}; //!< first byte in the message
    uint32_t length{0}; //!< bytes in the chunk
};

/**
 * \ingroup coded-learning
 * \brief Resource limits of a MessageReassembler (a hostile peer cannot exceed them).
 */
struct ReassemblerLimits
{
    uint32_t maxMessageBytes{64u * 1024u * 1024u}; //!< largest message accepted
    uint64_t maxBytesHeld{256ull * 1024u * 1024u}; //!< bound on BytesHeld()
    uint32_t maxMessagesInProgress{1024};          //!< bound on partial messages
    uint32_t maxChunksPerMessage{65535};           //!< largest chunk count accepted
    uint32_t maxCompletedRemembered{4096};         //!< completed keys kept to flag duplicates
};

/**
 * \ingroup coded-learning
 * \brief Counters of a MessageReassembler, one per Accept() outcome (for statistics).
 */
struct ReassemblerCounters
{
    uint64_t accepted{0};     //!< chunks stored or completing a message
    uint64_t completed{0};    //!< messages completed
    uint64_t duplicates{0};   //!< chunks already received (or of a completed message)
    uint64_t inconsistent{0}; //!< chunks contradicting earlier chunks of their message
    uint64_t malformed{0};    //!< chunks contradicting themselves
    uint64_t tooLarge{0};     //!< chunks refused by a limit
    uint64_t stale{0};        //!< chunks of iterations before the watermark
    uint64_t discarded{0};    //!< partial messages dropped by Discard() / DiscardBefore()
};

/**
 * \ingroup coded-learning
 * \brief Collects the chunks of messages (in any order, with losses, duplicates and hostile
 * input) and hands out each message once all its chunks have arrived.
 *
 * Rules checked for every chunk (chunk i of count c, bytes [offset, offset + size) of a
 * message of L bytes):
 * - itself (MALFORMED otherwise): c >= 1, i < c, offset + size <= L; size >= 1 when L > 0;
 *   L == 0 implies c == 1; c <= L when L > 0; chunk 0 starts at 0; chunk c-1 ends at L;
 * - the limits (TOO_LARGE): L <= maxMessageBytes, c <= maxChunksPerMessage, and room in
 *   maxMessagesInProgress and maxBytesHeld;
 * - earlier chunks of the same message (INCONSISTENT): the same c and L; chunk order equals
 *   byte order; neighbours i-1 and i+1 touch it exactly; no overlap. A chunk index received
 *   before with the same offset and bytes is a DUPLICATE, with other bytes INCONSISTENT.
 * Together these imply that c chunks tile [0, L) exactly, so the message completes when the
 * c-th distinct chunk arrives. A refused chunk never changes the stored state.
 *
 * Memory: a message reserves L bytes when its first chunk arrives (a one-chunk message
 * completes at once and reserves nothing); BytesHeld() counts these reservations plus
 * MESSAGE_OVERHEAD per message and CHUNK_OVERHEAD per stored chunk.
 *
 * Completed keys are remembered (up to maxCompletedRemembered, oldest forgotten first) so
 * that late copies of their chunks are reported as DUPLICATE instead of starting a new
 * message. DiscardBefore(r) drops every partial message and remembered key of iterations
 * < r, and refuses later chunks of them as STALE. Iterations are not expected to wrap.
 */
class MessageReassembler
{
  public:
    /// Outcome of Accept() (message-reassembler.cc keeps a name and a counter per value, in
    /// this order; STALE stays last).
    enum class Status
    {
        INCOMPLETE,   ///< stored; the message still misses chunks
        COMPLETE,     ///< the message is complete and handed out
        DUPLICATE,    ///< already received (same bytes), or the message already completed
        INCONSISTENT, ///< contradicts earlier chunks of the same message
        MALFORMED,    ///< contradicts itself (index >= count, outside the message, ...)
        TOO_LARGE,    ///< refused by a limit
        STALE         ///< its iteration is before the discard watermark
    };

    /// Bookkeeping bytes counted per partial message.
    static constexpr uint64_t MESSAGE_OVERHEAD = 256;
    /// Bookkeeping bytes counted per stored chunk.
    static constexpr uint64_t CHUNK_OVERHEAD = 64;

    /// One chunk as a receiver read it from its header and payload (the bytes are not copied).
    struct Chunk
    {
        uint32_t index;         //!< chunk index i
        uint32_t count;         //!< chunks in the message c
        uint32_t offset;        //!< offset of its first byte in the message
        uint32_t messageLength; //!< message length L
        const uint8_t* data;    //!< its bytes (may be null when size is 0)
        std::size_t size;       //!< number of bytes

        /// \return the offset one past its last byte
        uint64_t End() const
        {
            return uint64_t{offset} + size;
        }
    };

    /**
     * \param limits the resource limits; every field must be >= 1 and maxBytesHeld >=
     * maxMessageBytes + MESSAGE_OVERHEAD + 2 * CHUNK_OVERHEAD (else std::invalid_argument
     * naming the field)
     */
    explicit MessageReassembler(const ReassemblerLimits& limits = ReassemblerLimits());

    /**
     * Offers one chunk.
     * \param key the message it belongs to
     * \param chunk the chunk
     * \param message receives the whole message on COMPLETE (untouched otherwise)
     * \return the outcome; LastError() explains a refusal
     */
    Status Accept(const MessageKey& key, const Chunk& chunk, std::vector<uint8_t>& message);

    /**
     * \param key a message
     * \return the ascending indices of its chunks not yet received; empty when the message
     * is not in progress (never seen, completed or discarded)
     */
    std::vector<uint32_t> MissingChunks(const MessageKey& key) const;

    /**
     * \param key a message
     * \return whether some but not all of its chunks have arrived
     */
    bool InProgress(const MessageKey& key) const;

    /**
     * \param key a message
     * \return whether it completed and is still remembered
     */
    bool WasCompleted(const MessageKey& key) const;

    /// \return the keys of the partial messages, ascending
    std::vector<MessageKey> PendingMessages() const;

    /**
     * Drops the partial messages and remembered keys of iterations < iteration, and refuses
     * later chunks of those iterations as STALE. The watermark never moves back.
     * \param iteration the first iteration still accepted
     * \return the number of partial messages dropped
     */
    uint32_t DiscardBefore(uint32_t iteration);

    /**
     * Drops one partial message (later chunks of it start it afresh).
     * \param key the message
     * \return whether it was in progress
     */
    bool Discard(const MessageKey& key);

    /// \return the first iteration accepted (0 until DiscardBefore() is called)
    uint32_t Watermark() const;

    /// \return the bytes reserved by partial messages, with the bookkeeping overheads
    uint64_t BytesHeld() const;

    /// \return the number of partial messages
    uint32_t MessagesInProgress() const;

    /// \return the counters
    const ReassemblerCounters& Counters() const;

    /// \return the limits
    const ReassemblerLimits& Limits() const;

    /// \return why the last refused chunk was refused (empty if none was)
    const std::string& LastError() const;

    /**
     * \param status an outcome
     * \return its name ("COMPLETE")
     */
    static const char* StatusName(Status status);

    /**
     * How a sender cuts a message into chunks: ceil(L / maxChunkPayload) chunks of
     * maxChunkPayload bytes, the last one shorter; one empty chunk when L == 0.
     * \param messageLength L
     * \param maxChunkPayload the largest chunk (>= 1, else std::invalid_argument)
     * \return the chunks in order
     */
    static std::vector<ChunkSpan> PlanChunks(uint32_t messageLength, uint32_t maxChunkPayload);

  private:
    /// Where a stored chunk sits in its message.
    struct Extent
    {
        uint32_t offset; //!< first byte
        uint32_t length; //!< bytes
    };

    /// A message still missing chunks.
    struct Partial
    {
        uint32_t chunkCount{0};            //!< the message's chunk count
        uint32_t messageLength{0};         //!< the message's length
        std::vector<uint8_t> bytes;        //!< the message buffer (messageLength bytes)
        std::map<uint32_t, Extent> chunks; //!< received chunks by index
    };

    /**
     * Checks a chunk on its own (Accept() step 2).
     * \param c the chunk \param where the prefix of the refusal message
     * \return the refusal (recorded by Refuse()), or nothing if the chunk is well formed
     */
    std::optional<Status> CheckShape(const Chunk& c, const std::string& where);

    /**
     * Checks a chunk against the limits (Accept() step 3).
     * \param c the chunk \param where the prefix of the refusal message
     * \return the refusal, or nothing
     */
    std::optional<Status> CheckLimits(const Chunk& c, const std::string& where);

    /**
     * Starts a message with its first chunk to arrive (or completes a one-chunk message).
     * \param key the message \param c the chunk \param where the prefix of a refusal message
     * \param message receives a one-chunk message
     * \return the outcome
     */
    Status StartMessage(const MessageKey& key,
                        const Chunk& c,
                        const std::string& where,
                        std::vector<uint8_t>& message);

    /**
     * Checks a chunk against the chunks of its message received before.
     * \param p the message \param c the chunk \param where the prefix of the refusal message
     * \return the refusal, or nothing if it fits
     */
    std::optional<Status> CheckFit(const Partial& p, const Chunk& c, const std::string& where);

    /**
     * Adds a chunk to a message in progress.
     * \param it the message \param c the chunk \param where the prefix of a refusal message
     * \param message receives the message when it completes
     * \return the outcome
     */
    Status AddToMessage(std::map<MessageKey, Partial>::iterator it,
                        const Chunk& c,
                        const std::string& where,
                        std::vector<uint8_t>& message);

    /**
     * Records a refusal.
     * \param status the outcome to return
     * \param reason the explanation
     * \return status
     */
    Status Refuse(Status status, const std::string& reason);

    /**
     * Remembers a completed key (forgetting the oldest when full).
     * \param key the key
     */
    void RememberCompleted(const MessageKey& key);

    /**
     * \param p a partial message
     * \return the bytes it is charged in BytesHeld()
     */
    static uint64_t Charge(const Partial& p);

    ReassemblerLimits m_limits;               //!< limits
    std::map<MessageKey, Partial> m_partials; //!< messages in progress
    std::set<MessageKey> m_completed;         //!< completed keys still remembered
    std::deque<MessageKey> m_completedOrder;  //!< m_completed, oldest first
    uint32_t m_watermark{0};                  //!< first iteration accepted
    uint64_t m_bytesHeld{0};                  //!< sum of Charge() over m_partials
    ReassemblerCounters m_counters;           //!< counters
    std::string m_lastError;                  //!< reason of the last refusal
};

/**
 * \ingroup coded-learning
 * \param os a stream
 * \param status an outcome
 * \return os, after writing the outcome's name
 */
std::ostream& operator<<(std::ostream& os, MessageReassembler::Status status);

/**
 * \ingroup coded-learning
 * \param os a stream
 * \param key a message key
 * \return os, after writing key.ToString()
 */
std::ostream& operator<<(std::ostream& os, const MessageKey& key);

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_MESSAGE_REASSEMBLER_H
