// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WIRE_CODEC_H
#define CODED_LEARNING_WIRE_CODEC_H

#include "ns3/learning-types.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup coded-learning
 * Payload codec of the coded-learning messages (the bytes after CodedLearningHeader, once a
 * message is reassembled).
 *
 * Every payload is little-endian and written byte by byte with shifts, so the encoding does
 * not depend on the host's byte order. Floating-point values are IEEE 754 binary64 / binary32
 * bit patterns (the code static_asserts that the host's double and float are IEEE 754).
 *
 * Payloads:
 * - MODEL: a vector, EncodeVector() (8 or 4 bytes per value, no length prefix: the receiver
 *   knows the model's dimension; the header flag FLAG_FLOAT32 selects the width).
 * - RESULT: EncodeResultPayload(): f64 compute time (seconds the worker computed the task),
 *   then the vector as for MODEL.
 * - TASK: EncodeTask(): f64 load, u32 term count, then per term u32 block, f64 coefficient,
 *   u32 range count and that many (u32 begin, u32 end) pairs; then, only when the task needs
 *   rows its worker does not store (raw-sample transfer), u32 raw range count (>= 1), that
 *   many (u32 begin, u32 end) pairs (ascending, disjoint), u32 bytes per sample and the raw
 *   samples (EncodeRawSamples(): per row, its features as float32 and its label as u32).
 * - NACK: EncodeChunkList(): u32 count, then that many u32 chunk indices, ascending.
 * - GRANT: empty (the whole result) or EncodeChunkList() (the chunks to send now).
 * - REPORT: EncodeUint64(): one u64 (the result's size in bytes).
 * - CANCEL, HELLO: empty (everything is in the header).
 *
 * Decoders never read past the bytes given, check every count against the bytes left and
 * the limits before allocating, and throw WireFormatError (a std::runtime_error) naming the
 * field, the value found and what is allowed. Encoders throw std::invalid_argument for
 * values the format cannot carry (NaN / Inf, float32 overflow, empty ranges, ...).
 */

namespace ns3
{
namespace coded
{

class Dataset;

/**
 * \ingroup coded-learning
 * \brief A received payload violates the wire format.
 */
class WireFormatError : public std::runtime_error
{
  public:
    /// \param what the explanation
    explicit WireFormatError(const std::string& what);
};

/**
 * \ingroup coded-learning
 * Width of the values of a vector payload.
 */
enum class WirePrecision
{
    FLOAT64, ///< IEEE binary64, exact
    FLOAT32  ///< IEEE binary32: half the bytes, about 7 significant digits
};

/**
 * \ingroup coded-learning
 * \param precision a precision
 * \return the bytes per value (8 or 4)
 */
uint32_t BytesPerValue(WirePrecision precision);

/**
 * \ingroup coded-learning
 * \param precision a precision
 * \return its name ("float64", "float32")
 */
const char* WirePrecisionName(WirePrecision precision);

/**
 * \ingroup coded-learning
 * Encodes a vector (MODEL and RESULT payloads).
 * \param v the values (all finite; for FLOAT32 also within float's range)
 * \param precision the width on the wire
 * \return v.size() * BytesPerValue(precision) bytes
 */
std::vector<uint8_t> EncodeVector(const DenseVector& v, WirePrecision precision);

/**
 * \ingroup coded-learning
 * Decodes a vector.
 * \param data the payload
 * \param size its bytes; must be expectedLength * BytesPerValue(precision)
 * \param expectedLength the number of values the receiver expects
 * \param precision the width on the wire
 * \return the values; WireFormatError for a wrong byte count or a NaN / Inf value
 */
DenseVector DecodeVector(const uint8_t* data,
                         std::size_t size,
                         uint32_t expectedLength,
                         WirePrecision precision);

/**
 * \ingroup coded-learning
 * Decodes a vector (vector form).
 * \param bytes the payload
 * \param expectedLength the number of values the receiver expects
 * \param precision the width on the wire
 * \return the values
 */
DenseVector DecodeVector(const std::vector<uint8_t>& bytes,
                         uint32_t expectedLength,
                         WirePrecision precision);

/**
 * \ingroup coded-learning
 * \brief One term of a task on the wire: coefficient * (summed gradient over rows).
 */
struct WireTerm
{
    uint32_t block{0};       //!< block index in the iteration's plan (lets a worker reuse it)
    double coefficient{1.0}; //!< the coefficient
    RowSet rows;             //!< the samples, disjoint non-empty ranges
};

/**
 * \ingroup coded-learning
 * \brief A task on the wire (the TASK payload); id, worker and stage travel in the header.
 */
struct WireTask
{
    double load{0};                  //!< partition-equivalents of work (scales the compute time)
    std::vector<WireTerm> terms;     //!< the linear combination
    RowSet rawRows;                  //!< rows whose raw samples travel with the task (normal form)
    uint32_t rawBytesPerSample{0};   //!< bytes of one raw sample (0 without raw rows)
    std::vector<uint8_t> rawSamples; //!< rawBytesPerSample bytes per row of rawRows, in order
};

/**
 * \ingroup coded-learning
 * \brief A result on the wire (the RESULT payload).
 */
struct WireResult
{
    double computeTime{0}; //!< seconds the worker computed the task (finite, >= 0)
    DenseVector values;    //!< the coded result (gradient combination and loss)
};

/**
 * \ingroup coded-learning
 * \brief Bounds DecodeTask() enforces against hostile payloads.
 */
struct TaskCodecLimits
{
    uint32_t maxTerms{65536};                //!< terms per task
    uint32_t maxRangesPerTerm{65536};        //!< row ranges per term
    uint32_t maxTotalRanges{1u << 20};       //!< row ranges over all terms (and raw ranges)
    uint32_t maxRawBytesPerSample{1u << 20}; //!< bytes of one raw sample
};

/**
 * \ingroup coded-learning
 * Encodes a result.
 * \param computeTime seconds the worker computed the task (finite, >= 0)
 * \param v the values (as for EncodeVector())
 * \param precision the width of the values
 * \return 8 + v.size() * BytesPerValue(precision) bytes
 */
std::vector<uint8_t> EncodeResultPayload(double computeTime,
                                         const DenseVector& v,
                                         WirePrecision precision);

/**
 * \ingroup coded-learning
 * Decodes a result.
 * \param data the payload
 * \param size its bytes
 * \param expectedLength the number of values the receiver expects
 * \param precision the width of the values
 * \return the result; WireFormatError for a wrong byte count, a compute time that is not
 * finite or negative, or a NaN / Inf value
 */
WireResult DecodeResultPayload(const uint8_t* data,
                               std::size_t size,
                               uint32_t expectedLength,
                               WirePrecision precision);

/**
 * \ingroup coded-learning
 * \param data a data set
 * \return the bytes of one raw sample on the wire: 4 per feature and 4 for the label
 */
uint32_t RawBytesPerSample(const Dataset& data);

/**
 * \ingroup coded-learning
 * The raw samples of rows, as a task carries them: per row (in the order of rows), its
 * features as float32 and its label as u32, little-endian.
 * \param data the data set
 * \param rows rows of it
 * \return RawBytesPerSample(data) bytes per row
 */
std::vector<uint8_t> EncodeRawSamples(const Dataset& data, const RowSet& rows);

/**
 * \ingroup coded-learning
 * Encodes a task.
 * \param task the task: finite load >= 0, finite coefficients, every range begin < end; raw
 *        rows (if any) ascending and disjoint, with rawBytesPerSample >= 1 bytes per row
 * \return the payload
 */
std::vector<uint8_t> EncodeTask(const WireTask& task);

/**
 * \ingroup coded-learning
 * Decodes and validates a task.
 * \param data the payload
 * \param size its bytes
 * \param numSamples the size of the worker's data set: every range needs begin < end <=
 * numSamples
 * \param limits count limits
 * \return the task; WireFormatError for truncation, trailing bytes, counts over the limits,
 * a non-finite or negative load, a non-finite coefficient, an empty, out-of-range or
 * overlapping range, a term without ranges, or a raw section whose ranges are not ascending
 * and disjoint or whose byte count is not bytes per sample times its rows
 */
WireTask DecodeTask(const uint8_t* data,
                    std::size_t size,
                    uint32_t numSamples,
                    const TaskCodecLimits& limits = TaskCodecLimits());

/**
 * \ingroup coded-learning
 * Decodes and validates a task (vector form).
 * \param bytes the payload
 * \param numSamples the size of the worker's data set
 * \param limits count limits
 * \return the task
 */
WireTask DecodeTask(const std::vector<uint8_t>& bytes,
                    uint32_t numSamples,
                    const TaskCodecLimits& limits = TaskCodecLimits());

/**
 * \ingroup coded-learning
 * Encodes a list of chunk indices (the NACK and chunk-GRANT payloads).
 * \param chunks strictly ascending indices
 * \return the payload
 */
std::vector<uint8_t> EncodeChunkList(const std::vector<uint32_t>& chunks);

/**
 * \ingroup coded-learning
 * Decodes a list of chunk indices.
 * \param data the payload
 * \param size its bytes
 * \param chunkCount the chunk count of the message the list is about: every index < it
 * \return the indices; WireFormatError for a wrong size, an index >= chunkCount, or indices
 * not strictly ascending
 */
std::vector<uint32_t> DecodeChunkList(const uint8_t* data, std::size_t size, uint32_t chunkCount);

/**
 * \ingroup coded-learning
 * Encodes one unsigned number (the REPORT and GRANT payloads).
 * \param value the number
 * \return 8 bytes
 */
std::vector<uint8_t> EncodeUint64(uint64_t value);

/**
 * \ingroup coded-learning
 * Decodes one unsigned number.
 * \param data the payload
 * \param size its bytes; must be 8
 * \return the number
 */
uint64_t DecodeUint64(const uint8_t* data, std::size_t size);

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_WIRE_CODEC_H
