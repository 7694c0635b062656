// SPDX-License-Identifier: GPL-2.0-only
//
// libFuzzer target: IdxFile::Read(). The input is [mode (1 byte)][limit (1 byte)][file bytes].
// The file bytes are written to a private temporary file, raw when bit 0 of mode is clear,
// gzip-compressed (a valid gzip stream around the fuzzed IDX bytes) when it is set; a raw file
// starting with the gzip magic exercises zlib on corrupt gzip data. limit is IdxFile::Read()'s
// limitFirst (0: the whole file). Invariants checked (abort() on violation): a file that reads
// has 1..4 dimensions, each >= 1, as many data bytes as their product, at most limit items,
// and writes back and re-reads to the same contents. Errors must be std::runtime_error.
// Seeds: fuzz/corpus/idx-fuzzer/ (fuzz/make-corpus.py). See doc/hardening.rst.

#include "ns3/idx-file.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <zlib.h>

using ns3::coded::IdxFile;

namespace
{

std::string g_input;  //!< the temporary file Read() parses
std::string g_output; //!< the temporary file of the round trip

/// Aborts with a message (libFuzzer reports the input as a crash).
void
Check(bool condition, const char* what)
{
    if (!condition)
    {
        std::fprintf(stderr, "idx-fuzzer: invariant violated: %s\n", what);
        std::abort();
    }
}

/// Removes the temporary files at exit.
void
RemoveTemporaries()
{
    std::remove(g_input.c_str());
    std::remove(g_output.c_str());
}

/// \return the path of a new empty private file in $TMPDIR (or /tmp)
std::string
MakeTemporary(const char* suffix)
{
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir != nullptr && *dir != 0 ? dir : "/tmp") +
                          "/coded-learning-idx-fuzzer-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const int fd = mkstemp(buf.data());
    Check(fd >= 0, "mkstemp() works");
    close(fd);
    std::string path(buf.data());
    std::remove(path.c_str());
    return path + suffix;
}

/// Writes bytes to path, raw or through gzip.
void
WriteFile(const std::string& path, const uint8_t* data, std::size_t size, bool gzip)
{
    gzFile f = gzopen(path.c_str(), gzip ? "wb1" : "wbT");
    Check(f != nullptr, "the temporary file opens");
    if (size > 0)
    {
        Check(gzwrite(f, data, static_cast<unsigned>(size)) == static_cast<int>(size),
              "the temporary file is written");
    }
    Check(gzclose(f) == Z_OK, "the temporary file closes");
}

} // namespace

extern "C" int
LLVMFuzzerInitialize(int* /* argc */, char*** /* argv */)
{
    g_input = MakeTemporary(".idx");
    g_output = MakeTemporary(".idx.gz");
    std::atexit(RemoveTemporaries);
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size < 2)
    {
        return 0;
    }
    const bool gzip = (data[0] & 1) != 0;
    const uint32_t limit = data[1];
    WriteFile(g_input, data + 2, size - 2, gzip);
    IdxFile file;
    try
    {
        file = IdxFile::Read(g_input, limit);
    }
    catch (const std::runtime_error&)
    {
        return 0; // refused with a message: the expected outcome for most inputs
    }
    const auto& dims = file.Dims();
    Check(!dims.empty() && dims.size() <= IdxFile::MAX_DIMENSIONS, "1..4 dimensions");
    uint64_t count = 1;
    for (uint32_t d : dims)
    {
        Check(d >= 1, "every dimension >= 1");
        count *= d;
    }
    Check(count == file.Data().size(), "data size = product of the dimensions");
    Check(limit == 0 || dims[0] <= limit, "at most limit items");
    file.Write(g_output, (data[0] & 2) != 0);
    const IdxFile again = IdxFile::Read(g_output);
    Check(again.Dims() == dims && again.Data() == file.Data(), "write + read round trip");
    return 0;
}
