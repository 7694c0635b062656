// SPDX-License-Identifier: GPL-2.0-only
//
// Bad data files (issue 7) not covered by learning-idx-file-test.cc: a Fashion-MNIST folder whose
// images have the wrong size for the models, a gzip stream cut in the middle, an image file with
// one dimension, dimensions whose product overflows, and a folder without the test split.

#include "ns3/dataset.h"
#include "ns3/idx-file.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

using namespace ns3::coded;

namespace
{

/// A fresh temporary folder, removed (with the files written into it) when the object dies.
struct TempDir
{
    std::string path;               //!< the folder
    std::vector<std::string> files; //!< files to remove

    TempDir()
        : path("/tmp/coded-learning-hardening-data-" + std::to_string(::getpid()) + "-" +
               std::to_string(counter++))
    {
        ::mkdir(path.c_str(), 0755);
    }

    ~TempDir()
    {
        for (const auto& f : files)
        {
            std::remove(f.c_str());
        }
        ::rmdir(path.c_str());
    }

    /// \return the path of a file in the folder (removed at the end)
    std::string File(const std::string& name)
    {
        files.push_back(path + "/" + name);
        return files.back();
    }

    static int counter; //!< makes the names unique
};

int TempDir::counter = 0;

/// Checks that fn throws std::runtime_error whose message contains every part.
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
        BOOST_TEST_MESSAGE("message: " << msg);
        for (const auto& p : parts)
        {
            BOOST_TEST(msg.find(p) != std::string::npos,
                       "message '" << msg << "' lacks '" << p << "'");
        }
    }
}

/// Writes the four Fashion-MNIST files with n images of side x side pixels.
void
WriteFashionMnist(TempDir& dir, uint32_t side, bool withTestSplit)
{
    for (const std::string split : {"train", "t10k"})
    {
        const std::string images = dir.File(split + "-images-idx3-ubyte.gz");
        const std::string labels = dir.File(split + "-labels-idx1-ubyte.gz");
        if (split == "t10k" && !withTestSplit)
        {
            continue;
        }
        IdxFile({4, side, side}, std::vector<uint8_t>(4 * side * side, 7)).Write(images, true);
        IdxFile({4}, {0, 1, 2, 9}).Write(labels, true);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(learning)

BOOST_AUTO_TEST_CASE(data_fashion_mnist_wrong_image_size)
{
    TempDir dir;
    WriteFashionMnist(dir, 5, true);
    CheckError([&] { Dataset::LoadFashionMnist(dir.path, Dataset::Split::TRAIN); },
               {"train-images-idx3-ubyte.gz", "has 25 pixels per image, expected 784 (28 x 28)"});
}

BOOST_AUTO_TEST_CASE(data_fashion_mnist_test_split_missing)
{
    TempDir dir;
    WriteFashionMnist(dir, 28, false);
    const Dataset train = Dataset::LoadFashionMnist(dir.path, Dataset::Split::TRAIN);
    BOOST_TEST(train.NumSamples() == 4u); // the training split alone is fine
    CheckError([&] { Dataset::LoadFashionMnist(dir.path, Dataset::Split::TEST); },
               {"t10k-images-idx3-ubyte.gz' not found", "dataset-fashion-mnist"});
}

BOOST_AUTO_TEST_CASE(data_gzip_stream_cut_in_the_middle)
{
    TempDir dir;
    const std::string path = dir.File("cut.gz");
    IdxFile({50, 28, 28}, std::vector<uint8_t>(50 * 28 * 28, 3)).Write(path, true);
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
    in.close();
    BOOST_REQUIRE(bytes.size() > 40);
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
    CheckError([&] { IdxFile::Read(path); }, {path});
}

BOOST_AUTO_TEST_CASE(data_images_file_with_one_dimension)
{
    TempDir dir;
    const std::string images = dir.File("images.gz");
    const std::string labels = dir.File("labels.gz");
    IdxFile({3}, {1, 2, 3}).Write(images, true);
    IdxFile({3}, {0, 1, 2}).Write(labels, true);
    CheckError([&] { Dataset::LoadIdx(images, labels, 10); },
               {images, "has 1 dimension, an image file must have 2 or more"});
}

BOOST_AUTO_TEST_CASE(data_dimensions_overflow)
{
    TempDir dir;
    const std::string path = dir.File("huge.idx");
    // 4 dimensions of 2^32 - 1: the product does not fit any buffer.
    std::vector<uint8_t> bytes{0, 0, 0x08, 0x04};
    for (int i = 0; i < 16; ++i)
    {
        bytes.push_back(0xff);
    }
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    CheckError([&] { IdxFile::Read(path); }, {path, "the dimensions describe more than"});
}

BOOST_AUTO_TEST_SUITE_END()
