// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CODED_LEARNING_HEADER_H
#define CODED_LEARNING_CODED_LEARNING_HEADER_H

#include "ns3/header.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The fixed-size header in front of every chunk the parameter server and the workers
 * exchange (UDP datagram payload, or one frame of the TCP byte stream).
 *
 * Layout (30 bytes, every multi-byte field in network byte order, i.e. big-endian):
 *
 * | offset | size | field          | notes                                               |
 * |-------:|-----:|----------------|-----------------------------------------------------|
 * |      0 |    2 | magic          | 0x434C ("CL")                                       |
 * |      2 |    1 | version        | 1                                                   |
 * |      3 |    1 | message type   | MessageType, 1..8                                   |
 * |      4 |    4 | iteration      |                                                     |
 * |      8 |    2 | worker         |                                                     |
 * |     10 |    1 | stage          | 1 or 2 for tasks and results, free otherwise        |
 * |     11 |    1 | flags          | FLAG_FLOAT32, FLAG_RETRANSMISSION; others must be 0 |
 * |     12 |    2 | task id        |                                                     |
 * |     14 |    2 | chunk index    | < chunk count                                       |
 * |     16 |    2 | chunk count    | >= 1                                                |
 * |     18 |    4 | chunk offset   | byte offset of this chunk in the message            |
 * |     22 |    4 | message length | bytes of the whole message payload                  |
 * |     26 |    4 | payload length | bytes of this chunk, following the header           |
 *
 * Deserialize() never reads past the bytes it is given and never asserts: it validates every
 * field and records the outcome in IsValid() / GetValidationError(). Receivers take the
 * header off a packet with RemoveFromPacket() (UDP) or ExtractFrame() (TCP stream), never
 * with a bare Packet::RemoveHeader() on a packet that may be too short.
 *
 * Setters take the exact field widths: callers narrowing wider values (a CodingTask id is
 * uint32_t) must check the range first; Validate() checks a header before it is sent.
 */
class CodedLearningHeader : public Header
{
  public:
    /// Message types (the value on the wire).
    enum MessageType : uint8_t
    {
        MODEL = 1, ///< server -> worker: the model parameters of an iteration
        TASK,      ///< server -> worker: the terms of one coding task
        RESULT,    ///< worker -> server: one coded result (a gradient combination)
        CANCEL,    ///< server -> worker: stop the work of an iteration
        NACK,      ///< worker -> server: the missing chunks of a broadcast MODEL
        REPORT,    ///< worker -> server: upload backlog report (admission control)
        GRANT,     ///< server -> worker: upload budget (admission control)
        HELLO      ///< worker -> server: identifies a TCP connection
    };

    /// Flag bits.
    enum Flag : uint8_t
    {
        FLAG_FLOAT32 = 0x01,       ///< vector payload values are float32 (else float64)
        FLAG_RETRANSMISSION = 0x02 ///< the chunk is sent again (after a NACK or a new GRANT)
    };

    static constexpr uint16_t MAGIC = 0x434C;       ///< "CL"
    static constexpr uint8_t VERSION = 1;           ///< the only version understood
    static constexpr uint8_t KNOWN_FLAGS = 0x03;    ///< the defined flag bits
    static constexpr uint32_t SERIALIZED_SIZE = 30; ///< bytes on the wire
    /// The largest chunk payload: fits one UDP datagram (65507 bytes) with the header.
    static constexpr uint32_t MAX_CHUNK_PAYLOAD = 65000;
    /// The largest message (64 MiB): far above any model of this module, and a bound on what a
    /// receiver can be made to reserve.
    static constexpr uint32_t MAX_MESSAGE_BYTES = 64u * 1024u * 1024u;
    /// The worker field of a MODEL broadcast to every worker (and of its repair chunks): no
    /// worker has this index (at most 65535 workers, 0..65534).
    static constexpr uint16_t ALL_WORKERS = 0xFFFF;

    CodedLearningHeader();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// \return the TypeId of this header (ns3::Header::GetInstanceTypeId)
    TypeId GetInstanceTypeId() const override;
    /// Prints the fields (ns3::Header::Print). \param os the output stream
    void Print(std::ostream& os) const override;
    /// \return the serialised size: 30 bytes (ns3::Header::GetSerializedSize)
    uint32_t GetSerializedSize() const override;
    /// Writes the header in network byte order. \param start where to write
    void Serialize(Buffer::Iterator start) const override;
    /**
     * Reads and validates the header. Never reads past the end of the buffer.
     * \param start where the header begins
     * \return SERIALIZED_SIZE, or 0 when fewer bytes remain (then IsValid() is false)
     */
    uint32_t Deserialize(Buffer::Iterator start) override;

    /**
     * \param type a message type value
     * \return its name ("RESULT"), or "UNKNOWN" for a value outside 1..8
     */
    static const char* MessageTypeName(uint8_t type);

    /**
     * Checks the current field values against every rule of the format.
     * \return an empty string when valid, else a sentence naming the field, the value and
     * what is allowed
     */
    std::string Validate() const;

    /**
     * \return whether the last Deserialize() found a valid header (true for a header built
     * with the setters: call Validate() to check one before sending)
     */
    bool IsValid() const;

    /// \return why the last Deserialize() rejected the header (empty when valid)
    std::string GetValidationError() const;

    /**
     * Takes a header off a datagram safely. On success the header is removed and the packet
     * holds exactly the chunk payload; on failure the packet is left unchanged.
     * \param packet the received packet
     * \param header receives the header (also on failure, if it could be read)
     * \param error receives the reason on failure: the packet is shorter than the header, the
     * header is invalid, or the bytes after it differ from its payload length
     * \return true on success
     */
    static bool RemoveFromPacket(Ptr<Packet> packet,
                                 CodedLearningHeader& header,
                                 std::string& error);

    /// Outcome of ExtractFrame().
    enum FrameStatus
    {
        FRAME_NEED_MORE, ///< not yet a whole frame in the stream buffer
        FRAME_OK,        ///< one frame was taken off the front of the stream buffer
        FRAME_ERROR      ///< the stream holds an invalid header: close the connection
    };

    /**
     * Takes one frame (header + payload) off the front of a TCP receive buffer.
     * \param stream bytes received so far, in order; a frame is removed from its front
     * \param header receives the frame's header
     * \param payload receives the frame's payload (a new packet) on FRAME_OK
     * \param error receives the reason on FRAME_ERROR
     * \return the outcome
     */
    static FrameStatus ExtractFrame(Ptr<Packet> stream,
                                    CodedLearningHeader& header,
                                    Ptr<Packet>& payload,
                                    std::string& error);

    /// \param type the message type
    void SetMessageType(uint8_t type);
    /// \return the message type (a MessageType value when valid)
    uint8_t GetMessageType() const;
    /// \param iteration the iteration
    void SetIteration(uint32_t iteration);
    /// \return the iteration
    uint32_t GetIteration() const;
    /// \param worker the worker index
    void SetWorker(uint16_t worker);
    /// \return the worker index
    uint16_t GetWorker() const;
    /// \param stage the stage (1 or 2 for tasks and results)
    void SetStage(uint8_t stage);
    /// \return the stage
    uint8_t GetStage() const;
    /// \param flags the flag bits (Flag values or-ed)
    void SetFlags(uint8_t flags);
    /// \return the flag bits
    uint8_t GetFlags() const;
    /// \param taskId the task id within the iteration
    void SetTaskId(uint16_t taskId);
    /// \return the task id
    uint16_t GetTaskId() const;
    /// \param index the chunk index (< chunk count)
    void SetChunkIndex(uint16_t index);
    /// \return the chunk index
    uint16_t GetChunkIndex() const;
    /// \param count the number of chunks of the message (>= 1)
    void SetChunkCount(uint16_t count);
    /// \return the number of chunks of the message
    uint16_t GetChunkCount() const;
    /// \param offset the byte offset of this chunk within the message
    void SetChunkOffset(uint32_t offset);
    /// \return the byte offset of this chunk within the message
    uint32_t GetChunkOffset() const;
    /// \param length the bytes of the whole message payload
    void SetMessageLength(uint32_t length);
    /// \return the bytes of the whole message payload
    uint32_t GetMessageLength() const;
    /// \param length the payload bytes following the header in this packet
    void SetPayloadLength(uint32_t length);
    /// \return the payload bytes following the header in this packet
    uint32_t GetPayloadLength() const;
    /// \return the magic read by Deserialize() (MAGIC for a header built with the setters)
    uint16_t GetMagic() const;
    /// \return the version read by Deserialize() (VERSION for a header built with the setters)
    uint8_t GetVersion() const;

  private:
    uint16_t m_magic;         //!< magic (MAGIC when sent)
    uint8_t m_version;        //!< format version (VERSION when sent)
    uint8_t m_type;           //!< MessageType value
    uint32_t m_iteration;     //!< iteration
    uint16_t m_worker;        //!< worker index
    uint8_t m_stage;          //!< stage
    uint8_t m_flags;          //!< flag bits
    uint16_t m_taskId;        //!< task id
    uint16_t m_chunkIndex;    //!< chunk index
    uint16_t m_chunkCount;    //!< chunk count
    uint32_t m_chunkOffset;   //!< offset of the chunk in the message
    uint32_t m_messageLength; //!< bytes of the whole message
    uint32_t m_payloadLength; //!< bytes of this chunk
    std::string m_error;      //!< validation error of the last Deserialize()
};

} // namespace ns3

#endif // CODED_LEARNING_CODED_LEARNING_HEADER_H
