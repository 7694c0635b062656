// SPDX-License-Identifier: GPL-2.0-only
#include "idx-file.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <zlib.h>

namespace ns3
{
namespace coded
{

namespace
{

/// Closes a gzFile when it goes out of scope.
struct GzCloser
{
    void operator()(gzFile_s* f) const
    {
        if (f != nullptr)
        {
            gzclose(f);
        }
    }
};

using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

/// Reads exactly n bytes or reports how many were read.
int64_t
ReadBytes(gzFile f, uint8_t* dst, uint64_t n)
{
    uint64_t done = 0;
    while (done < n)
    {
        const auto chunk = static_cast<unsigned>(std::min<uint64_t>(n - done, 1u << 30));
        const int got = gzread(f, dst + done, chunk);
        if (got < 0)
        {
            return -1;
        }
        if (got == 0)
        {
            break;
        }
        done += static_cast<uint64_t>(got);
    }
    return static_cast<int64_t>(done);
}

std::string
GzErrorText(gzFile f)
{
    int code = 0;
    const char* msg = gzerror(f, &code);
    return msg != nullptr ? std::string(msg) : std::string("unknown zlib error");
}

} // namespace

IdxFile::IdxFile(std::vector<uint32_t> dims, std::vector<uint8_t> data)
    : m_dims(std::move(dims)),
      m_data(std::move(data))
{
    if (m_dims.empty() || m_dims.size() > MAX_DIMENSIONS)
    {
        throw std::invalid_argument("IdxFile: " + std::to_string(m_dims.size()) +
                                    " dimensions given, allowed 1.." +
                                    std::to_string(MAX_DIMENSIONS));
    }
    uint64_t count = 1;
    for (uint32_t d : m_dims)
    {
        if (d == 0)
        {
            throw std::invalid_argument("IdxFile: a dimension is 0, each must be >= 1");
        }
        count *= d;
    }
    if (count != m_data.size())
    {
        throw std::invalid_argument("IdxFile: " + std::to_string(m_data.size()) +
                                    " data bytes given, the dimensions need " +
                                    std::to_string(count));
    }
}

IdxFile
IdxFile::Read(const std::string& path, uint32_t limitFirst)
{
    errno = 0;
    GzHandle f(gzopen(path.c_str(), "rb"));
    if (!f)
    {
        const std::string reason = errno != 0 ? std::strerror(errno) : "cannot open";
        throw std::runtime_error("IDX file '" + path + "': " + reason);
    }
    std::array<uint8_t, 4> magic{};
    const int64_t gotMagic = ReadBytes(f.get(), magic.data(), magic.size());
    if (gotMagic < 0)
    {
        throw std::runtime_error("IDX file '" + path + "': read error: " + GzErrorText(f.get()));
    }
    if (gotMagic < 4)
    {
        throw std::runtime_error("IDX file '" + path + "': truncated: " + std::to_string(gotMagic) +
                                 " bytes, the 4-byte magic number needs 4");
    }
    if (magic[0] != 0 || magic[1] != 0)
    {
        char buf[64];
        std::snprintf(buf,
                      sizeof(buf),
                      "0x%02x%02x%02x%02x",
                      magic[0],
                      magic[1],
                      magic[2],
                      magic[3]);
        throw std::runtime_error("IDX file '" + path + "': bad magic number " + buf +
                                 ": the first two bytes must be 0 (not an IDX file?)");
    }
    if (magic[2] != TYPE_UBYTE)
    {
        throw std::runtime_error("IDX file '" + path + "': data type code " +
                                 std::to_string(magic[2]) +
                                 " is not supported, only 8 (unsigned byte)");
    }
    const uint8_t ndims = magic[3];
    if (ndims == 0 || ndims > MAX_DIMENSIONS)
    {
        throw std::runtime_error("IDX file '" + path + "': " + std::to_string(ndims) +
                                 " dimensions, allowed 1.." + std::to_string(MAX_DIMENSIONS));
    }
    std::vector<uint8_t> raw(4u * ndims);
    const int64_t gotDims = ReadBytes(f.get(), raw.data(), raw.size());
    if (gotDims != static_cast<int64_t>(raw.size()))
    {
        throw std::runtime_error("IDX file '" + path + "': truncated in the dimension list (" +
                                 std::to_string(std::max<int64_t>(gotDims, 0)) + " of " +
                                 std::to_string(raw.size()) + " bytes)");
    }
    std::vector<uint32_t> dims(ndims);
    uint64_t count = 1;
    for (uint8_t i = 0; i < ndims; ++i)
    {
        dims[i] = (uint32_t{raw[4 * i]} << 24) | (uint32_t{raw[4 * i + 1]} << 16) |
                  (uint32_t{raw[4 * i + 2]} << 8) | uint32_t{raw[4 * i + 3]};
        if (dims[i] == 0)
        {
            throw std::runtime_error("IDX file '" + path + "': dimension " + std::to_string(i) +
                                     " is 0, each must be >= 1");
        }
        count *= dims[i];
        if (count > MAX_BYTES)
        {
            throw std::runtime_error("IDX file '" + path + "': the dimensions describe more than " +
                                     std::to_string(MAX_BYTES) + " bytes");
        }
    }
    const uint64_t itemSize = count / dims[0];
    const uint32_t items = (limitFirst > 0 && limitFirst < dims[0]) ? limitFirst : dims[0];
    const uint64_t wanted = itemSize * items;
    // The buffer grows with the bytes actually read (at most READ_BLOCK ahead of them), so a
    // short file whose header announces gigabytes cannot make the reader allocate them.
    constexpr uint64_t READ_BLOCK = uint64_t{1} << 20;
    std::vector<uint8_t> data;
    uint64_t got = 0;
    while (got < wanted)
    {
        const uint64_t block = std::min(wanted - got, READ_BLOCK);
        data.resize(got + block);
        const int64_t n = ReadBytes(f.get(), data.data() + got, block);
        if (n < 0)
        {
            throw std::runtime_error("IDX file '" + path +
                                     "': read error: " + GzErrorText(f.get()));
        }
        got += static_cast<uint64_t>(n);
        if (static_cast<uint64_t>(n) < block)
        {
            break;
        }
    }
    if (got != wanted)
    {
        throw std::runtime_error("IDX file '" + path + "': truncated: the header announces " +
                                 std::to_string(count) + " data bytes, the file has " +
                                 std::to_string(got));
    }
    if (items == dims[0])
    {
        uint8_t extra = 0;
        const int64_t more = ReadBytes(f.get(), &extra, 1);
        if (more != 0)
        {
            throw std::runtime_error("IDX file '" + path +
                                     "': unexpected data after the announced " +
                                     std::to_string(count) + " bytes");
        }
    }
    dims[0] = items;
    return IdxFile(std::move(dims), std::move(data));
}

void
IdxFile::Write(const std::string& path, bool gzip) const
{
    GzHandle f(gzopen(path.c_str(), gzip ? "wb6" : "wbT"));
    if (!f)
    {
        throw std::runtime_error("IDX file '" + path +
                                 "': cannot open for writing: " + std::strerror(errno));
    }
    std::vector<uint8_t> header{0, 0, TYPE_UBYTE, static_cast<uint8_t>(m_dims.size())};
    for (uint32_t d : m_dims)
    {
        header.push_back(static_cast<uint8_t>(d >> 24));
        header.push_back(static_cast<uint8_t>(d >> 16));
        header.push_back(static_cast<uint8_t>(d >> 8));
        header.push_back(static_cast<uint8_t>(d));
    }
    bool ok = gzwrite(f.get(), header.data(), static_cast<unsigned>(header.size())) ==
              static_cast<int>(header.size());
    uint64_t done = 0;
    while (ok && done < m_data.size())
    {
        const auto chunk =
            static_cast<unsigned>(std::min<uint64_t>(m_data.size() - done, 1u << 30));
        ok = gzwrite(f.get(), m_data.data() + done, chunk) == static_cast<int>(chunk);
        done += chunk;
    }
    if (!ok)
    {
        throw std::runtime_error("IDX file '" + path + "': write error: " + GzErrorText(f.get()));
    }
    gzFile raw = f.release();
    if (gzclose(raw) != Z_OK)
    {
        throw std::runtime_error("IDX file '" + path + "': error when closing");
    }
}

} // namespace coded
} // namespace ns3
