// SPDX-License-Identifier: GPL-2.0-only
#include "ns3/dataset.h"
#include "ns3/idx-file.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sys/resource.h>
#include <unistd.h>

using namespace ns3::coded;

namespace
{

/// A unique temporary file name, removed when the object dies.
struct TempFile
{
    std::string path;

    explicit TempFile(const std::string& suffix)
        : path("/tmp/coded-learning-test-" + std::to_string(::getpid()) + "-" +
               std::to_string(counter++) + suffix)
    {
    }

    ~TempFile()
    {
        std::remove(path.c_str());
    }

    static int counter;
};

int TempFile::counter = 0;

/// Writes raw bytes (no IDX logic) to a file.
void
WriteRaw(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

/// A small 3 x 2 x 2 image file and its 3 labels.
IdxFile
SmallImages()
{
    return IdxFile({3, 2, 2}, {0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100});
}

/// Checks that fn throws std::runtime_error whose message contains every given part.
template <typename F>
void
CheckError(F fn, const std::vector<std::string>& parts)
{
    try
    {
        fn();
        BOOST_ERROR("no exception thrown");
    }
    catch (const std::runtime_error& e)
    {
        const std::string msg = e.what();
        for (const auto& p : parts)
        {
            BOOST_TEST(msg.find(p) != std::string::npos,
                       "message '" << msg << "' lacks '" << p << "'");
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(idx_round_trip_plain_and_gzip)
{
    for (bool gzip : {false, true})
    {
        TempFile f(gzip ? ".gz" : ".idx");
        const IdxFile original = SmallImages();
        original.Write(f.path, gzip);
        const IdxFile back = IdxFile::Read(f.path);
        BOOST_TEST(back.Dims() == original.Dims());
        BOOST_TEST(back.Data() == original.Data());
        const IdxFile head = IdxFile::Read(f.path, 2);
        BOOST_TEST(head.Dims()[0] == 2u);
        BOOST_TEST(head.Data().size() == 8u);
    }
}

BOOST_AUTO_TEST_CASE(idx_dataset_from_generated_files)
{
    TempFile images(".gz");
    TempFile labels(".gz");
    SmallImages().Write(images.path, true);
    IdxFile({3}, {2, 0, 1}).Write(labels.path, true);
    const Dataset d = Dataset::LoadIdx(images.path, labels.path, 3);
    BOOST_TEST(d.NumSamples() == 3u);
    BOOST_TEST(d.NumFeatures() == 4u);
    BOOST_TEST(d.Features()(0, 1) == 1.0f);
    BOOST_TEST(std::abs(d.Features()(1, 0) - 30.0f / 255.0f) < 1e-7);
    BOOST_TEST(d.Labels()[0] == 2u);
}

BOOST_AUTO_TEST_CASE(idx_error_missing_file)
{
    CheckError([] { IdxFile::Read("/nonexistent/dir/file.gz"); }, {"/nonexistent/dir/file.gz"});
    CheckError([] { Dataset::LoadFashionMnist("/nonexistent", Dataset::Split::TRAIN); },
               {"/nonexistent/train-images-idx3-ubyte.gz", "dataset-fashion-mnist"});
}

BOOST_AUTO_TEST_CASE(idx_error_bad_magic)
{
    TempFile f(".idx");
    WriteRaw(f.path, {0x1f, 0x00, 0x08, 0x01, 0, 0, 0, 1, 5});
    CheckError([&] { IdxFile::Read(f.path); }, {f.path, "bad magic number 0x1f000801"});
}

BOOST_AUTO_TEST_CASE(idx_error_unsupported_type_and_dimensions)
{
    TempFile f(".idx");
    WriteRaw(f.path, {0, 0, 0x0d, 0x01, 0, 0, 0, 1, 0, 0, 0, 0});
    CheckError([&] { IdxFile::Read(f.path); }, {"data type code 13", "only 8"});
    WriteRaw(f.path, {0, 0, 0x08, 0x07});
    CheckError([&] { IdxFile::Read(f.path); }, {"7 dimensions", "allowed 1..4"});
    WriteRaw(f.path, {0, 0, 0x08, 0x02, 0, 0, 0, 3, 0, 0, 0, 0});
    CheckError([&] { IdxFile::Read(f.path); }, {"dimension 1 is 0"});
}

BOOST_AUTO_TEST_CASE(idx_error_truncated)
{
    TempFile f(".gz");
    SmallImages().Write(f.path, false);
    // Cut the file inside the data and inside the header.
    std::ifstream in(f.path, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    in.close();
    std::vector<uint8_t> cut(bytes.begin(), bytes.end() - 3);
    WriteRaw(f.path, cut);
    CheckError([&] { IdxFile::Read(f.path); }, {"truncated", "announces 12 data bytes", "has 9"});
    WriteRaw(f.path, std::vector<uint8_t>(bytes.begin(), bytes.begin() + 6));
    CheckError([&] { IdxFile::Read(f.path); }, {"truncated in the dimension list"});
    WriteRaw(f.path, {0, 0});
    CheckError([&] { IdxFile::Read(f.path); }, {"truncated", "magic"});
    WriteRaw(f.path, {});
    CheckError([&] { IdxFile::Read(f.path); }, {"truncated: 0 bytes"});
}

// Regression (found when writing fuzz/idx-fuzzer): a short file whose header announces a
// gigabyte made the reader allocate and zero the whole gigabyte before finding it truncated.
BOOST_AUTO_TEST_CASE(idx_error_truncated_huge_header_allocates_little)
{
    TempFile f(".idx");
    // 16384 x 65536 = 1 GiB announced, 16 data bytes present.
    std::vector<uint8_t> bytes{0, 0, 0x08, 0x02, 0, 0, 0x40, 0, 0, 1, 0, 0};
    bytes.resize(bytes.size() + 16, 0x55);
    WriteRaw(f.path, bytes);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    CheckError([&] { IdxFile::Read(f.path); },
               {"truncated", "announces 1073741824 data bytes", "has 16"});
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    // ru_maxrss is in KiB; the reader holds one 1 MiB read block, never the gigabyte.
    BOOST_TEST(after.ru_maxrss - before.ru_maxrss < 256 * 1024);
}

BOOST_AUTO_TEST_CASE(idx_error_trailing_bytes)
{
    TempFile f(".idx");
    WriteRaw(f.path, {0, 0, 0x08, 0x01, 0, 0, 0, 2, 7, 7, 7});
    CheckError([&] { IdxFile::Read(f.path); }, {"unexpected data after the announced 2 bytes"});
}

BOOST_AUTO_TEST_CASE(idx_error_count_mismatch_and_bad_labels)
{
    TempFile images(".gz");
    TempFile labels(".gz");
    SmallImages().Write(images.path, true);
    IdxFile({2}, {0, 1}).Write(labels.path, true);
    CheckError([&] { Dataset::LoadIdx(images.path, labels.path, 10); },
               {"has 3 samples", "has 2", "must match"});
    IdxFile({3}, {0, 1, 12}).Write(labels.path, true);
    CheckError([&] { Dataset::LoadIdx(images.path, labels.path, 10); },
               {"label 12 of sample 2", "[0, 10)"});
    IdxFile({3, 1}, {0, 1, 2}).Write(labels.path, true);
    CheckError([&] { Dataset::LoadIdx(images.path, labels.path, 10); }, {"exactly 1"});
}

BOOST_AUTO_TEST_SUITE_END()
