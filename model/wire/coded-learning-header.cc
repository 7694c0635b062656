// SPDX-License-Identifier: GPL-2.0-only
#include "coded-learning-header.h"

#include "ns3/log.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CodedLearningHeader");

NS_OBJECT_ENSURE_REGISTERED(CodedLearningHeader);

namespace
{

/// \return x as "0x" followed by at least `digits` upper-case hex digits
std::string
Hex(uint32_t x, int digits)
{
    std::ostringstream os;
    os << "0x" << std::hex << std::uppercase << std::setw(digits) << std::setfill('0') << x;
    return os.str();
}

/// Prefix of every validation error.
const char* const ERROR_PREFIX = "CodedLearningHeader: ";

} // namespace

CodedLearningHeader::CodedLearningHeader()
    : m_magic(MAGIC),
      m_version(VERSION),
      m_type(MODEL),
      m_iteration(0),
      m_worker(0),
      m_stage(0),
      m_flags(0),
      m_taskId(0),
      m_chunkIndex(0),
      m_chunkCount(1),
      m_chunkOffset(0),
      m_messageLength(0),
      m_payloadLength(0),
      m_error()
{
}

TypeId
CodedLearningHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CodedLearningHeader")
                            .SetParent<Header>()
                            .SetGroupName("CodedLearning")
                            .AddConstructor<CodedLearningHeader>();
    return tid;
}

TypeId
CodedLearningHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

const char*
CodedLearningHeader::MessageTypeName(uint8_t type)
{
    switch (type)
    {
    case MODEL:
        return "MODEL";
    case TASK:
        return "TASK";
    case RESULT:
        return "RESULT";
    case CANCEL:
        return "CANCEL";
    case NACK:
        return "NACK";
    case REPORT:
        return "REPORT";
    case GRANT:
        return "GRANT";
    case HELLO:
        return "HELLO";
    default:
        return "UNKNOWN";
    }
}

void
CodedLearningHeader::Print(std::ostream& os) const
{
    if (m_type >= MODEL && m_type <= HELLO)
    {
        os << MessageTypeName(m_type);
    }
    else
    {
        os << "type=" << static_cast<uint32_t>(m_type);
    }
    os << " it=" << m_iteration << " w=" << m_worker << " st=" << static_cast<uint32_t>(m_stage)
       << " task=" << m_taskId << " chunk=" << m_chunkIndex << "/" << m_chunkCount
       << " off=" << m_chunkOffset << " len=" << m_payloadLength << "/" << m_messageLength;
    if (m_flags != 0)
    {
        os << " flags=" << Hex(m_flags, 2);
    }
    if (!m_error.empty())
    {
        os << " INVALID (" << m_error << ")";
    }
}

uint32_t
CodedLearningHeader::GetSerializedSize() const
{
    return SERIALIZED_SIZE;
}

void
CodedLearningHeader::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteHtonU16(MAGIC);
    i.WriteU8(VERSION);
    i.WriteU8(m_type);
    i.WriteHtonU32(m_iteration);
    i.WriteHtonU16(m_worker);
    i.WriteU8(m_stage);
    i.WriteU8(m_flags);
    i.WriteHtonU16(m_taskId);
    i.WriteHtonU16(m_chunkIndex);
    i.WriteHtonU16(m_chunkCount);
    i.WriteHtonU32(m_chunkOffset);
    i.WriteHtonU32(m_messageLength);
    i.WriteHtonU32(m_payloadLength);
}

uint32_t
CodedLearningHeader::Deserialize(Buffer::Iterator start)
{
    const uint32_t available = start.GetRemainingSize();
    if (available < SERIALIZED_SIZE)
    {
        *this = CodedLearningHeader();
        m_error = std::string(ERROR_PREFIX) + "only " + std::to_string(available) +
                  " bytes are left, fewer than the " + std::to_string(SERIALIZED_SIZE) +
                  "-byte header";
        return 0;
    }
    Buffer::Iterator i = start;
    m_magic = i.ReadNtohU16();
    m_version = i.ReadU8();
    m_type = i.ReadU8();
    m_iteration = i.ReadNtohU32();
    m_worker = i.ReadNtohU16();
    m_stage = i.ReadU8();
    m_flags = i.ReadU8();
    m_taskId = i.ReadNtohU16();
    m_chunkIndex = i.ReadNtohU16();
    m_chunkCount = i.ReadNtohU16();
    m_chunkOffset = i.ReadNtohU32();
    m_messageLength = i.ReadNtohU32();
    m_payloadLength = i.ReadNtohU32();
    m_error = Validate();
    if (!m_error.empty())
    {
        NS_LOG_LOGIC("rejected: " << m_error);
    }
    return SERIALIZED_SIZE;
}

std::string
CodedLearningHeader::Validate() const
{
    std::ostringstream e;
    e << ERROR_PREFIX;
    if (m_magic != MAGIC)
    {
        e << "magic is " << Hex(m_magic, 4) << ", expected " << Hex(MAGIC, 4) << " (\"CL\")";
        return e.str();
    }
    if (m_version != VERSION)
    {
        e << "version is " << static_cast<uint32_t>(m_version) << ", only version "
          << static_cast<uint32_t>(VERSION) << " is supported";
        return e.str();
    }
    if (m_type < MODEL || m_type > HELLO)
    {
        e << "message type is " << static_cast<uint32_t>(m_type) << ", allowed are "
          << static_cast<uint32_t>(MODEL) << " (MODEL) to " << static_cast<uint32_t>(HELLO)
          << " (HELLO)";
        return e.str();
    }
    if ((m_flags & ~KNOWN_FLAGS) != 0)
    {
        e << "flags are " << Hex(m_flags, 2) << ", only the bits " << Hex(KNOWN_FLAGS, 2)
          << " (FLOAT32, RETRANSMISSION) are defined";
        return e.str();
    }
    if (m_chunkCount == 0)
    {
        e << "chunk count is 0, must be >= 1";
        return e.str();
    }
    if (m_chunkIndex >= m_chunkCount)
    {
        e << "chunk index is " << m_chunkIndex << ", must be < the chunk count " << m_chunkCount;
        return e.str();
    }
    if (m_payloadLength > MAX_CHUNK_PAYLOAD)
    {
        e << "payload length is " << m_payloadLength << " bytes, must be <= " << MAX_CHUNK_PAYLOAD
          << " (MAX_CHUNK_PAYLOAD)";
        return e.str();
    }
    if (m_messageLength > MAX_MESSAGE_BYTES)
    {
        e << "message length is " << m_messageLength << " bytes, must be <= " << MAX_MESSAGE_BYTES
          << " (MAX_MESSAGE_BYTES)";
        return e.str();
    }
    const uint64_t end = uint64_t{m_chunkOffset} + m_payloadLength;
    if (end > m_messageLength)
    {
        e << "chunk offset " << m_chunkOffset << " + payload length " << m_payloadLength << " = "
          << end << " exceeds the message length " << m_messageLength;
        return e.str();
    }
    if (m_messageLength == 0)
    {
        if (m_chunkCount != 1)
        {
            e << "chunk count is " << m_chunkCount
              << " for a zero-length message, which must have exactly 1 chunk";
            return e.str();
        }
        return "";
    }
    if (m_chunkCount > m_messageLength)
    {
        e << "chunk count is " << m_chunkCount << " for a message of " << m_messageLength
          << " bytes; every chunk carries at least 1 byte, so at most " << m_messageLength
          << " chunks are allowed";
        return e.str();
    }
    const uint64_t minChunks =
        (uint64_t{m_messageLength} + MAX_CHUNK_PAYLOAD - 1) / MAX_CHUNK_PAYLOAD;
    if (m_chunkCount < minChunks)
    {
        e << "chunk count is " << m_chunkCount << " for a message of " << m_messageLength
          << " bytes; chunks carry at most " << MAX_CHUNK_PAYLOAD << " bytes, so at least "
          << minChunks << " chunks are needed";
        return e.str();
    }
    if (m_payloadLength == 0)
    {
        e << "payload length is 0 in a chunk of a " << m_messageLength
          << "-byte message; every chunk of a non-empty message carries at least 1 byte";
        return e.str();
    }
    if (m_chunkIndex == 0 && m_chunkOffset != 0)
    {
        e << "chunk offset is " << m_chunkOffset << " for chunk 0, which must start at offset 0";
        return e.str();
    }
    if (m_chunkIndex + 1u == m_chunkCount && end != m_messageLength)
    {
        e << "the last chunk (" << m_chunkIndex << ") ends at byte " << end
          << ", must end at the message length " << m_messageLength;
        return e.str();
    }
    if (m_chunkOffset < m_chunkIndex ||
        m_messageLength - end < uint64_t{m_chunkCount} - 1u - m_chunkIndex)
    {
        e << "chunk " << m_chunkIndex << " of " << m_chunkCount << " covers bytes ["
          << m_chunkOffset << ", " << end << ") of a " << m_messageLength
          << "-byte message, leaving no room for the other chunks of at least 1 byte each";
        return e.str();
    }
    return "";
}

bool
CodedLearningHeader::IsValid() const
{
    return m_error.empty();
}

std::string
CodedLearningHeader::GetValidationError() const
{
    return m_error;
}

bool
CodedLearningHeader::RemoveFromPacket(Ptr<Packet> packet,
                                      CodedLearningHeader& header,
                                      std::string& error)
{
    if (!packet)
    {
        error = std::string(ERROR_PREFIX) + "no packet (null pointer)";
        return false;
    }
    const uint32_t size = packet->GetSize();
    if (size < SERIALIZED_SIZE)
    {
        header = CodedLearningHeader();
        error = std::string(ERROR_PREFIX) + "packet of " + std::to_string(size) +
                " bytes is shorter than the " + std::to_string(SERIALIZED_SIZE) + "-byte header";
        header.m_error = error;
        return false;
    }
    packet->PeekHeader(header);
    if (!header.IsValid())
    {
        error = header.GetValidationError();
        return false;
    }
    const uint32_t remaining = size - SERIALIZED_SIZE;
    if (remaining != header.GetPayloadLength())
    {
        error = std::string(ERROR_PREFIX) + "packet carries " + std::to_string(remaining) +
                " bytes after the header, but the header's payload length is " +
                std::to_string(header.GetPayloadLength());
        header.m_error = error;
        return false;
    }
    packet->RemoveHeader(header);
    error.clear();
    return true;
}

CodedLearningHeader::FrameStatus
CodedLearningHeader::ExtractFrame(Ptr<Packet> stream,
                                  CodedLearningHeader& header,
                                  Ptr<Packet>& payload,
                                  std::string& error)
{
    if (!stream)
    {
        error = std::string(ERROR_PREFIX) + "no stream buffer (null pointer)";
        return FRAME_ERROR;
    }
    const uint32_t size = stream->GetSize();
    if (size < SERIALIZED_SIZE)
    {
        return FRAME_NEED_MORE;
    }
    stream->PeekHeader(header);
    if (!header.IsValid())
    {
        error = header.GetValidationError();
        return FRAME_ERROR;
    }
    const uint32_t total = SERIALIZED_SIZE + header.GetPayloadLength(); // <= 65030
    if (size < total)
    {
        return FRAME_NEED_MORE;
    }
    payload = stream->CreateFragment(SERIALIZED_SIZE, header.GetPayloadLength());
    stream->RemoveAtStart(total);
    error.clear();
    return FRAME_OK;
}

void
CodedLearningHeader::SetMessageType(uint8_t type)
{
    m_type = type;
}

uint8_t
CodedLearningHeader::GetMessageType() const
{
    return m_type;
}

void
CodedLearningHeader::SetIteration(uint32_t iteration)
{
    m_iteration = iteration;
}

uint32_t
CodedLearningHeader::GetIteration() const
{
    return m_iteration;
}

void
CodedLearningHeader::SetWorker(uint16_t worker)
{
    m_worker = worker;
}

uint16_t
CodedLearningHeader::GetWorker() const
{
    return m_worker;
}

void
CodedLearningHeader::SetStage(uint8_t stage)
{
    m_stage = stage;
}

uint8_t
CodedLearningHeader::GetStage() const
{
    return m_stage;
}

void
CodedLearningHeader::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

uint8_t
CodedLearningHeader::GetFlags() const
{
    return m_flags;
}

void
CodedLearningHeader::SetTaskId(uint16_t taskId)
{
    m_taskId = taskId;
}

uint16_t
CodedLearningHeader::GetTaskId() const
{
    return m_taskId;
}

void
CodedLearningHeader::SetChunkIndex(uint16_t index)
{
    m_chunkIndex = index;
}

uint16_t
CodedLearningHeader::GetChunkIndex() const
{
    return m_chunkIndex;
}

void
CodedLearningHeader::SetChunkCount(uint16_t count)
{
    m_chunkCount = count;
}

uint16_t
CodedLearningHeader::GetChunkCount() const
{
    return m_chunkCount;
}

void
CodedLearningHeader::SetChunkOffset(uint32_t offset)
{
    m_chunkOffset = offset;
}

uint32_t
CodedLearningHeader::GetChunkOffset() const
{
    return m_chunkOffset;
}

void
CodedLearningHeader::SetMessageLength(uint32_t length)
{
    m_messageLength = length;
}

uint32_t
CodedLearningHeader::GetMessageLength() const
{
    return m_messageLength;
}

void
CodedLearningHeader::SetPayloadLength(uint32_t length)
{
    m_payloadLength = length;
}

uint32_t
CodedLearningHeader::GetPayloadLength() const
{
    return m_payloadLength;
}

uint16_t
CodedLearningHeader::GetMagic() const
{
    return m_magic;
}

uint8_t
CodedLearningHeader::GetVersion() const
{
    return m_version;
}

} // namespace ns3
