// SPDX-License-Identifier: GPL-2.0-only
#include "wire-codec.h"

#include "ns3/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

namespace ns3
{
namespace coded
{

static_assert(std::numeric_limits<double>::is_iec559 && sizeof(double) == 8,
              "the wire format needs IEEE 754 binary64 doubles");
static_assert(std::numeric_limits<float>::is_iec559 && sizeof(float) == 4,
              "the wire format needs IEEE 754 binary32 floats");

namespace
{

/// Appends little-endian values to a byte vector.
class Writer
{
  public:
    /// \param reserve bytes to reserve
    explicit Writer(std::size_t reserve)
    {
        m_bytes.reserve(reserve);
    }

    /// \param x appended as 4 bytes
    void U32(uint32_t x)
    {
        for (int i = 0; i < 4; ++i)
        {
            m_bytes.push_back(static_cast<uint8_t>(x >> (8 * i)));
        }
    }

    /// \param x appended as 8 bytes
    void U64(uint64_t x)
    {
        for (int i = 0; i < 8; ++i)
        {
            m_bytes.push_back(static_cast<uint8_t>(x >> (8 * i)));
        }
    }

    /// \param x appended as its binary64 bit pattern
    void F64(double x)
    {
        uint64_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        U64(bits);
    }

    /// \param x appended as its binary32 bit pattern
    void F32(float x)
    {
        uint32_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        U32(bits);
    }

    /// \return the bytes written
    std::vector<uint8_t> Take()
    {
        return std::move(m_bytes);
    }

  private:
    std::vector<uint8_t> m_bytes; //!< output
};

/// Reads little-endian values, never past the end; throws WireFormatError on truncation.
class Reader
{
  public:
    /**
     * \param data the bytes
     * \param size their number
     * \param what the payload's name, for errors
     */
    Reader(const uint8_t* data, std::size_t size, const char* what)
        : m_data(data),
          m_size(size),
          m_what(what)
    {
        if (data == nullptr && size > 0)
        {
            throw WireFormatError(std::string(what) + ": no data pointer for " +
                                  std::to_string(size) + " bytes");
        }
    }

    /// \return the bytes not read yet
    std::size_t Remaining() const
    {
        return m_size - m_pos;
    }

    /**
     * \param n bytes needed
     * \param field what is read, for the error
     */
    void Need(std::size_t n, const std::string& field) const
    {
        if (Remaining() < n)
        {
            throw WireFormatError(std::string(m_what) + ": truncated at byte " +
                                  std::to_string(m_pos) + " of " + std::to_string(m_size) +
                                  " while reading " + field + " (" + std::to_string(n) +
                                  " bytes needed, " + std::to_string(Remaining()) + " left)");
        }
    }

    /// \param field for errors \return 4 bytes
    uint32_t U32(const std::string& field)
    {
        Need(4, field);
        uint32_t x = 0;
        for (int i = 0; i < 4; ++i)
        {
            x |= uint32_t{m_data[m_pos++]} << (8 * i);
        }
        return x;
    }

    /// \param field for errors \return 8 bytes
    uint64_t U64(const std::string& field)
    {
        Need(8, field);
        uint64_t x = 0;
        for (int i = 0; i < 8; ++i)
        {
            x |= uint64_t{m_data[m_pos++]} << (8 * i);
        }
        return x;
    }

    /// \param field for errors \return a binary64
    double F64(const std::string& field)
    {
        const uint64_t bits = U64(field);
        double x;
        std::memcpy(&x, &bits, sizeof x);
        return x;
    }

    /// \param field for errors \return a binary32
    float F32(const std::string& field)
    {
        const uint32_t bits = U32(field);
        float x;
        std::memcpy(&x, &bits, sizeof x);
        return x;
    }

    /// \param n bytes to take \param field for errors \return them
    std::vector<uint8_t> Bytes(std::size_t n, const std::string& field)
    {
        Need(n, field);
        std::vector<uint8_t> out(m_data + m_pos, m_data + m_pos + n);
        m_pos += n;
        return out;
    }

    /// Throws if bytes are left over.
    void End() const
    {
        if (Remaining() != 0)
        {
            throw WireFormatError(std::string(m_what) + ": " + std::to_string(Remaining()) +
                                  " unexpected trailing bytes after byte " + std::to_string(m_pos) +
                                  " of " + std::to_string(m_size));
        }
    }

  private:
    const uint8_t* m_data; //!< bytes
    std::size_t m_size;    //!< their number
    std::size_t m_pos{0};  //!< next byte
    const char* m_what;    //!< payload name
};

/// \param x a non-finite value \return "NaN", "+Inf" or "-Inf"
std::string
NonFiniteName(double x)
{
    if (std::isnan(x))
    {
        return "NaN";
    }
    return x > 0 ? "+Inf" : "-Inf";
}

} // namespace

WireFormatError::WireFormatError(const std::string& what)
    : std::runtime_error(what)
{
}

uint32_t
BytesPerValue(WirePrecision precision)
{
    return precision == WirePrecision::FLOAT32 ? 4 : 8;
}

const char*
WirePrecisionName(WirePrecision precision)
{
    return precision == WirePrecision::FLOAT32 ? "float32" : "float64";
}

std::vector<uint8_t>
EncodeVector(const DenseVector& v, WirePrecision precision)
{
    const auto n = static_cast<std::size_t>(v.size());
    if (n > std::numeric_limits<uint32_t>::max())
    {
        throw std::invalid_argument("EncodeVector: " + std::to_string(n) +
                                    " values, at most 2^32 - 1 are allowed");
    }
    Writer w(n * BytesPerValue(precision));
    for (std::size_t i = 0; i < n; ++i)
    {
        const double x = v[static_cast<Eigen::Index>(i)];
        if (!std::isfinite(x))
        {
            throw std::invalid_argument("EncodeVector: value " + std::to_string(i) + " of " +
                                        std::to_string(n) + " is " + NonFiniteName(x) +
                                        "; only finite values can be sent");
        }
        if (precision == WirePrecision::FLOAT32)
        {
            const auto f = static_cast<float>(x);
            if (!std::isfinite(f))
            {
                std::ostringstream os;
                os << "EncodeVector: value " << i << " of " << n << " is " << x
                   << ", outside the float32 range (|x| <= " << std::numeric_limits<float>::max()
                   << "); send it as float64";
                throw std::invalid_argument(os.str());
            }
            w.F32(f);
        }
        else
        {
            w.F64(x);
        }
    }
    return w.Take();
}

DenseVector
DecodeVector(const uint8_t* data,
             std::size_t size,
             uint32_t expectedLength,
             WirePrecision precision)
{
    Reader r(data, size, "vector payload");
    const uint64_t expectedBytes = uint64_t{expectedLength} * BytesPerValue(precision);
    if (size != expectedBytes)
    {
        throw WireFormatError("vector payload: " + std::to_string(size) + " bytes, expected " +
                              std::to_string(expectedLength) + " " + WirePrecisionName(precision) +
                              " values = " + std::to_string(expectedBytes) + " bytes");
    }
    DenseVector v(static_cast<Eigen::Index>(expectedLength));
    for (uint32_t i = 0; i < expectedLength; ++i)
    {
        const double x = precision == WirePrecision::FLOAT32 ? static_cast<double>(r.F32("value"))
                                                             : r.F64("value");
        if (!std::isfinite(x))
        {
            throw WireFormatError("vector payload: value " + std::to_string(i) + " of " +
                                  std::to_string(expectedLength) + " is " + NonFiniteName(x) +
                                  "; only finite values are allowed");
        }
        v[static_cast<Eigen::Index>(i)] = x;
    }
    return v;
}

DenseVector
DecodeVector(const std::vector<uint8_t>& bytes, uint32_t expectedLength, WirePrecision precision)
{
    return DecodeVector(bytes.data(), bytes.size(), expectedLength, precision);
}

std::vector<uint8_t>
EncodeResultPayload(double computeTime, const DenseVector& v, WirePrecision precision)
{
    if (!std::isfinite(computeTime) || computeTime < 0)
    {
        std::ostringstream os;
        os << "EncodeResultPayload: compute time is " << computeTime << ", must be finite and >= 0";
        throw std::invalid_argument(os.str());
    }
    Writer w(8);
    w.F64(computeTime);
    std::vector<uint8_t> bytes = w.Take();
    const std::vector<uint8_t> values = EncodeVector(v, precision);
    bytes.insert(bytes.end(), values.begin(), values.end());
    return bytes;
}

WireResult
DecodeResultPayload(const uint8_t* data,
                    std::size_t size,
                    uint32_t expectedLength,
                    WirePrecision precision)
{
    Reader r(data, size, "result payload");
    WireResult result;
    result.computeTime = r.F64("the compute time");
    if (!std::isfinite(result.computeTime) || result.computeTime < 0)
    {
        std::ostringstream os;
        os << "result payload: compute time is " << result.computeTime
           << ", must be finite and >= 0";
        throw WireFormatError(os.str());
    }
    result.values = DecodeVector(data + 8, size - 8, expectedLength, precision);
    return result;
}

uint32_t
RawBytesPerSample(const Dataset& data)
{
    return 4 * (data.NumFeatures() + 1);
}

std::vector<uint8_t>
EncodeRawSamples(const Dataset& data, const RowSet& rows)
{
    Writer w(RawBytesPerSample(data) * RowCount(rows));
    for (const RowRange& range : rows)
    {
        if (range.begin >= range.end || range.end > data.NumSamples())
        {
            throw std::invalid_argument("EncodeRawSamples: rows [" + std::to_string(range.begin) +
                                        ", " + std::to_string(range.end) + ") are not within the " +
                                        std::to_string(data.NumSamples()) + " samples");
        }
        for (uint32_t i = range.begin; i < range.end; ++i)
        {
            for (Eigen::Index j = 0; j < data.Features().cols(); ++j)
            {
                w.F32(data.Features()(i, j));
            }
            w.U32(data.Labels()[i]);
        }
    }
    return w.Take();
}

namespace
{

/// Checks raw rows: non-empty ranges, ascending, disjoint, within the limit. \param rows them
/// \param numSamples the limit \return an empty string or the problem
std::string
RawRowsProblem(const RowSet& rows, uint64_t numSamples)
{
    for (std::size_t j = 0; j < rows.size(); ++j)
    {
        const RowRange& r = rows[j];
        if (r.begin >= r.end || r.end > numSamples || (j > 0 && r.begin < rows[j - 1].end))
        {
            return "raw range " + std::to_string(j) + " is [" + std::to_string(r.begin) + ", " +
                   std::to_string(r.end) +
                   "); raw ranges need begin < end <= the number of samples " +
                   std::to_string(numSamples) + ", ascending and disjoint";
        }
    }
    return "";
}

} // namespace

std::vector<uint8_t>
EncodeTask(const WireTask& task)
{
    if (!std::isfinite(task.load) || task.load < 0)
    {
        std::ostringstream os;
        os << "EncodeTask: load is " << task.load << ", must be finite and >= 0";
        throw std::invalid_argument(os.str());
    }
    if (task.terms.size() > std::numeric_limits<uint32_t>::max())
    {
        throw std::invalid_argument("EncodeTask: too many terms (" +
                                    std::to_string(task.terms.size()) + ")");
    }
    std::size_t bytes = 12;
    for (const auto& t : task.terms)
    {
        bytes += 16 + 8 * t.rows.size();
    }
    Writer w(bytes);
    w.F64(task.load);
    w.U32(static_cast<uint32_t>(task.terms.size()));
    for (std::size_t k = 0; k < task.terms.size(); ++k)
    {
        const WireTerm& t = task.terms[k];
        if (!std::isfinite(t.coefficient))
        {
            throw std::invalid_argument("EncodeTask: term " + std::to_string(k) +
                                        " has coefficient " + NonFiniteName(t.coefficient) +
                                        "; must be finite");
        }
        if (t.rows.empty() || t.rows.size() > std::numeric_limits<uint32_t>::max())
        {
            throw std::invalid_argument("EncodeTask: term " + std::to_string(k) + " has " +
                                        std::to_string(t.rows.size()) +
                                        " row ranges; must have at least 1");
        }
        w.U32(t.block);
        w.F64(t.coefficient);
        w.U32(static_cast<uint32_t>(t.rows.size()));
        for (std::size_t j = 0; j < t.rows.size(); ++j)
        {
            const RowRange& r = t.rows[j];
            if (r.begin >= r.end)
            {
                throw std::invalid_argument("EncodeTask: term " + std::to_string(k) + " range " +
                                            std::to_string(j) + " is [" + std::to_string(r.begin) +
                                            ", " + std::to_string(r.end) + "); needs begin < end");
            }
            w.U32(r.begin);
            w.U32(r.end);
        }
    }
    if (!task.rawRows.empty())
    {
        const std::string problem =
            RawRowsProblem(task.rawRows, std::numeric_limits<uint32_t>::max());
        if (!problem.empty())
        {
            throw std::invalid_argument("EncodeTask: " + problem);
        }
        if (task.rawBytesPerSample < 1 ||
            task.rawSamples.size() != uint64_t{task.rawBytesPerSample} * RowCount(task.rawRows))
        {
            throw std::invalid_argument("EncodeTask: " + std::to_string(task.rawSamples.size()) +
                                        " raw bytes for " + std::to_string(RowCount(task.rawRows)) +
                                        " rows of " + std::to_string(task.rawBytesPerSample) +
                                        " bytes (at least 1 each)");
        }
        w.U32(static_cast<uint32_t>(task.rawRows.size()));
        for (const RowRange& r : task.rawRows)
        {
            w.U32(r.begin);
            w.U32(r.end);
        }
        w.U32(task.rawBytesPerSample);
        std::vector<uint8_t> bytes = w.Take();
        bytes.insert(bytes.end(), task.rawSamples.begin(), task.rawSamples.end());
        return bytes;
    }
    return w.Take();
}

WireTask
DecodeTask(const uint8_t* data,
           std::size_t size,
           uint32_t numSamples,
           const TaskCodecLimits& limits)
{
    Reader r(data, size, "task payload");
    WireTask task;
    task.load = r.F64("the load");
    if (!std::isfinite(task.load) || task.load < 0)
    {
        std::ostringstream os;
        os << "task payload: load is " << task.load << ", must be finite and >= 0";
        throw WireFormatError(os.str());
    }
    const uint32_t termCount = r.U32("the term count");
    if (termCount > limits.maxTerms)
    {
        throw WireFormatError("task payload: term count is " + std::to_string(termCount) +
                              ", at most " + std::to_string(limits.maxTerms) +
                              " (maxTerms) are allowed");
    }
    // Each term takes at least 16 bytes (block, coefficient, range count).
    if (uint64_t{termCount} * 16 > r.Remaining())
    {
        throw WireFormatError("task payload: term count is " + std::to_string(termCount) +
                              ", but only " + std::to_string(r.Remaining()) +
                              " bytes follow (at least 16 per term)");
    }
    task.terms.reserve(termCount);
    uint64_t totalRanges = 0;
    for (uint32_t k = 0; k < termCount; ++k)
    {
        const std::string term = "term " + std::to_string(k);
        WireTerm t;
        t.block = r.U32(term + " block");
        t.coefficient = r.F64(term + " coefficient");
        if (!std::isfinite(t.coefficient))
        {
            throw WireFormatError("task payload: " + term + " has coefficient " +
                                  NonFiniteName(t.coefficient) + "; must be finite");
        }
        const uint32_t rangeCount = r.U32(term + " range count");
        if (rangeCount == 0)
        {
            throw WireFormatError("task payload: " + term +
                                  " has 0 row ranges; a term needs at least 1");
        }
        if (rangeCount > limits.maxRangesPerTerm)
        {
            throw WireFormatError("task payload: " + term + " has " + std::to_string(rangeCount) +
                                  " row ranges, at most " +
                                  std::to_string(limits.maxRangesPerTerm) +
                                  " (maxRangesPerTerm) are allowed");
        }
        totalRanges += rangeCount;
        if (totalRanges > limits.maxTotalRanges)
        {
            throw WireFormatError("task payload: " + std::to_string(totalRanges) +
                                  " row ranges up to " + term + ", at most " +
                                  std::to_string(limits.maxTotalRanges) +
                                  " (maxTotalRanges) are allowed");
        }
        r.Need(uint64_t{rangeCount} * 8, term + "'s " + std::to_string(rangeCount) + " ranges");
        t.rows.reserve(rangeCount);
        for (uint32_t j = 0; j < rangeCount; ++j)
        {
            RowRange range;
            range.begin = r.U32("a range begin");
            range.end = r.U32("a range end");
            if (range.begin >= range.end || range.end > numSamples)
            {
                throw WireFormatError(
                    "task payload: " + term + " range " + std::to_string(j) + " is [" +
                    std::to_string(range.begin) + ", " + std::to_string(range.end) +
                    "); needs begin < end <= the number of samples " + std::to_string(numSamples));
            }
            t.rows.push_back(range);
        }
        RowSet sorted = t.rows;
        std::sort(sorted.begin(), sorted.end(), [](const RowRange& a, const RowRange& b) {
            return a.begin < b.begin;
        });
        for (std::size_t j = 1; j < sorted.size(); ++j)
        {
            if (sorted[j].begin < sorted[j - 1].end)
            {
                throw WireFormatError(
                    "task payload: " + term + " ranges [" + std::to_string(sorted[j - 1].begin) +
                    ", " + std::to_string(sorted[j - 1].end) + ") and [" +
                    std::to_string(sorted[j].begin) + ", " + std::to_string(sorted[j].end) +
                    ") overlap; the ranges of a term must be disjoint");
            }
        }
        task.terms.push_back(std::move(t));
    }
    if (r.Remaining() > 0)
    {
        const uint32_t rawCount = r.U32("the raw range count");
        if (rawCount == 0 || totalRanges + rawCount > limits.maxTotalRanges)
        {
            throw WireFormatError("task payload: raw range count is " + std::to_string(rawCount) +
                                  ", must be in [1, " +
                                  std::to_string(limits.maxTotalRanges - totalRanges) + "]");
        }
        r.Need(uint64_t{rawCount} * 8, std::to_string(rawCount) + " raw ranges");
        for (uint32_t j = 0; j < rawCount; ++j)
        {
            RowRange range;
            range.begin = r.U32("a raw range begin");
            range.end = r.U32("a raw range end");
            task.rawRows.push_back(range);
        }
        const std::string problem = RawRowsProblem(task.rawRows, numSamples);
        if (!problem.empty())
        {
            throw WireFormatError("task payload: " + problem);
        }
        task.rawBytesPerSample = r.U32("the bytes per raw sample");
        if (task.rawBytesPerSample < 1 || task.rawBytesPerSample > limits.maxRawBytesPerSample)
        {
            throw WireFormatError("task payload: " + std::to_string(task.rawBytesPerSample) +
                                  " bytes per raw sample, must be in [1, " +
                                  std::to_string(limits.maxRawBytesPerSample) + "]");
        }
        const uint64_t rawBytes = uint64_t{task.rawBytesPerSample} * RowCount(task.rawRows);
        if (rawBytes != r.Remaining())
        {
            throw WireFormatError("task payload: " + std::to_string(r.Remaining()) +
                                  " raw bytes follow, expected " + std::to_string(rawBytes) + " (" +
                                  std::to_string(RowCount(task.rawRows)) + " rows of " +
                                  std::to_string(task.rawBytesPerSample) + " bytes)");
        }
        task.rawSamples = r.Bytes(rawBytes, "the raw samples");
    }
    r.End();
    return task;
}

WireTask
DecodeTask(const std::vector<uint8_t>& bytes, uint32_t numSamples, const TaskCodecLimits& limits)
{
    return DecodeTask(bytes.data(), bytes.size(), numSamples, limits);
}

std::vector<uint8_t>
EncodeChunkList(const std::vector<uint32_t>& chunks)
{
    if (chunks.size() > std::numeric_limits<uint32_t>::max())
    {
        throw std::invalid_argument("EncodeChunkList: too many chunk indices");
    }
    Writer w(4 + 4 * chunks.size());
    w.U32(static_cast<uint32_t>(chunks.size()));
    for (std::size_t i = 0; i < chunks.size(); ++i)
    {
        if (i > 0 && chunks[i] <= chunks[i - 1])
        {
            throw std::invalid_argument("EncodeChunkList: index " + std::to_string(chunks[i]) +
                                        " at position " + std::to_string(i) + " follows " +
                                        std::to_string(chunks[i - 1]) +
                                        "; indices must be strictly ascending");
        }
        w.U32(chunks[i]);
    }
    return w.Take();
}

std::vector<uint32_t>
DecodeChunkList(const uint8_t* data, std::size_t size, uint32_t chunkCount)
{
    Reader r(data, size, "chunk list payload");
    const uint32_t count = r.U32("the index count");
    if (uint64_t{count} * 4 != r.Remaining())
    {
        throw WireFormatError("chunk list payload: index count is " + std::to_string(count) +
                              ", which needs " + std::to_string(uint64_t{count} * 4) +
                              " bytes, but " + std::to_string(r.Remaining()) + " follow");
    }
    if (count > chunkCount)
    {
        throw WireFormatError("chunk list payload: " + std::to_string(count) +
                              " indices for a message of " + std::to_string(chunkCount) +
                              " chunks");
    }
    std::vector<uint32_t> chunks;
    chunks.reserve(count);
    for (uint32_t i = 0; i < count; ++i)
    {
        const uint32_t c = r.U32("an index");
        if (c >= chunkCount)
        {
            throw WireFormatError("chunk list payload: index " + std::to_string(c) +
                                  " at position " + std::to_string(i) +
                                  " must be < the chunk count " + std::to_string(chunkCount));
        }
        if (i > 0 && c <= chunks.back())
        {
            throw WireFormatError("chunk list payload: index " + std::to_string(c) +
                                  " at position " + std::to_string(i) + " follows " +
                                  std::to_string(chunks.back()) +
                                  "; indices must be strictly ascending");
        }
        chunks.push_back(c);
    }
    return chunks;
}

std::vector<uint8_t>
EncodeUint64(uint64_t value)
{
    Writer w(8);
    w.U64(value);
    return w.Take();
}

uint64_t
DecodeUint64(const uint8_t* data, std::size_t size)
{
    Reader r(data, size, "number payload");
    if (size != 8)
    {
        throw WireFormatError("number payload: " + std::to_string(size) +
                              " bytes, expected exactly 8");
    }
    return r.U64("the number");
}

} // namespace coded
} // namespace ns3
