// SPDX-License-Identifier: GPL-2.0-only
//
// Wire codec: vector, task, chunk-list and number payloads; round trips, the exact bytes,
// float32 precision, and every decode and encode error.

#include "ns3/wire-codec.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace ns3::coded;

namespace
{

/// Checks that fn throws E whose message contains every given part.
template <typename E, typename F>
void
CheckError(F fn, const std::vector<std::string>& parts)
{
    try
    {
        fn();
        BOOST_ERROR("no exception thrown, expected one with '" << parts.front() << "'");
    }
    catch (const E& e)
    {
        const std::string msg = e.what();
        for (const auto& p : parts)
        {
            BOOST_TEST(msg.find(p) != std::string::npos,
                       "message '" << msg << "' lacks '" << p << "'");
        }
    }
}

/// A task with two terms, one of them with two ranges out of order.
WireTask
SampleTask()
{
    WireTask t;
    t.load = 1.5;
    WireTerm a;
    a.block = 3;
    a.coefficient = -0.25;
    a.rows = {{900, 1000}, {0, 100}};
    WireTerm b;
    b.block = 7;
    b.coefficient = 2.0;
    b.rows = {{100, 300}};
    t.terms = {a, b};
    return t;
}

/// Little-endian bytes of a u32.
std::vector<uint8_t>
Le32(uint32_t x)
{
    return {static_cast<uint8_t>(x),
            static_cast<uint8_t>(x >> 8),
            static_cast<uint8_t>(x >> 16),
            static_cast<uint8_t>(x >> 24)};
}

/// Little-endian bytes of a double.
std::vector<uint8_t>
LeF64(double x)
{
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    std::vector<uint8_t> b(8);
    for (int i = 0; i < 8; ++i)
    {
        b[i] = static_cast<uint8_t>(bits >> (8 * i));
    }
    return b;
}

/// Concatenation.
std::vector<uint8_t>
Cat(std::initializer_list<std::vector<uint8_t>> parts)
{
    std::vector<uint8_t> out;
    for (const auto& p : parts)
    {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

/// A task payload with one term and the given fields.
std::vector<uint8_t>
OneTermTask(double load, double coefficient, std::vector<std::pair<uint32_t, uint32_t>> ranges)
{
    std::vector<uint8_t> b = Cat({LeF64(load), Le32(1), Le32(0), LeF64(coefficient)});
    const auto n = Le32(static_cast<uint32_t>(ranges.size()));
    b.insert(b.end(), n.begin(), n.end());
    for (const auto& r : ranges)
    {
        const auto x = Cat({Le32(r.first), Le32(r.second)});
        b.insert(b.end(), x.begin(), x.end());
    }
    return b;
}

} // namespace

BOOST_AUTO_TEST_SUITE(wire)

BOOST_AUTO_TEST_CASE(wire_codec_vector_float64_round_trip_is_exact)
{
    DenseVector v(9);
    v << 0.0, -0.0, 1.0, -3.5, 1e-300, std::numeric_limits<double>::denorm_min(),
        std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(), 3.141592653589793;
    const auto bytes = EncodeVector(v, WirePrecision::FLOAT64);
    BOOST_TEST(bytes.size() == 72u);
    const DenseVector back = DecodeVector(bytes, 9, WirePrecision::FLOAT64);
    BOOST_TEST(back.size() == 9);
    for (int i = 0; i < 9; ++i)
    {
        BOOST_TEST(std::memcmp(&back[i], &v[i], 8) == 0, "value " << i); // bit-exact, -0.0 too
    }
    BOOST_TEST(EncodeVector(DenseVector(0), WirePrecision::FLOAT64).empty());
    BOOST_TEST(DecodeVector(nullptr, 0, 0, WirePrecision::FLOAT64).size() == 0);
    BOOST_TEST(BytesPerValue(WirePrecision::FLOAT64) == 8u);
    BOOST_TEST(BytesPerValue(WirePrecision::FLOAT32) == 4u);
}

BOOST_AUTO_TEST_CASE(wire_codec_vector_byte_order_is_little_endian)
{
    DenseVector v(2);
    v << 1.0, -2.0;
    const std::vector<uint8_t> f64 = {0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0xC0};
    BOOST_TEST(EncodeVector(v, WirePrecision::FLOAT64) == f64);
    const std::vector<uint8_t> f32 = {0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0};
    BOOST_TEST(EncodeVector(v, WirePrecision::FLOAT32) == f32);
    const DenseVector back = DecodeVector(f32, 2, WirePrecision::FLOAT32);
    BOOST_TEST(back[0] == 1.0);
    BOOST_TEST(back[1] == -2.0);
}

BOOST_AUTO_TEST_CASE(wire_codec_vector_float32_precision)
{
    std::mt19937 gen(1);
    std::normal_distribution<double> normal(0.0, 1.0);
    DenseVector v(1000);
    for (int i = 0; i < v.size(); ++i)
    {
        v[i] = normal(gen) * std::pow(10.0, (i % 60) - 30);
    }
    const auto bytes = EncodeVector(v, WirePrecision::FLOAT32);
    BOOST_TEST(bytes.size() == 4000u);
    const DenseVector back = DecodeVector(bytes, 1000, WirePrecision::FLOAT32);
    for (int i = 0; i < v.size(); ++i)
    {
        // Round to nearest: relative error <= 2^-24 for normal floats.
        BOOST_TEST(std::abs(back[i] - v[i]) <= std::ldexp(std::abs(v[i]), -24), "value " << i);
        BOOST_TEST(back[i] == static_cast<double>(static_cast<float>(v[i])));
    }
    // float32 extremes survive.
    DenseVector e(2);
    e << std::numeric_limits<float>::max(), -std::numeric_limits<float>::denorm_min();
    const DenseVector eb =
        DecodeVector(EncodeVector(e, WirePrecision::FLOAT32), 2, WirePrecision::FLOAT32);
    BOOST_TEST(eb[0] == e[0]);
    BOOST_TEST(eb[1] == e[1]);
}

BOOST_AUTO_TEST_CASE(wire_codec_vector_decode_errors)
{
    DenseVector v(3);
    v << 1, 2, 3;
    const auto f64 = EncodeVector(v, WirePrecision::FLOAT64);
    CheckError<WireFormatError>([&] { DecodeVector(f64.data(), 23, 3, WirePrecision::FLOAT64); },
                                {"vector payload: 23 bytes, expected 3 float64 values = 24 bytes"});
    CheckError<WireFormatError>([&] { DecodeVector(f64, 2, WirePrecision::FLOAT64); },
                                {"24 bytes, expected 2 float64 values = 16 bytes"});
    CheckError<WireFormatError>([&] { DecodeVector(f64, 3, WirePrecision::FLOAT32); },
                                {"24 bytes, expected 3 float32 values = 12 bytes"});
    CheckError<WireFormatError>([&] { DecodeVector(f64, 0xFFFFFFFFu, WirePrecision::FLOAT64); },
                                {"expected 4294967295 float64 values = 34359738360 bytes"});
    CheckError<WireFormatError>([&] { DecodeVector(nullptr, 8, 1, WirePrecision::FLOAT64); },
                                {"no data pointer for 8 bytes"});

    const double specials[] = {std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::infinity(),
                               -std::numeric_limits<double>::infinity()};
    const char* names[] = {"NaN", "+Inf", "-Inf"};
    for (int k = 0; k < 3; ++k)
    {
        auto b64 = f64;
        const auto x = LeF64(specials[k]);
        std::copy(x.begin(), x.end(), b64.begin() + 8);
        CheckError<WireFormatError>(
            [&] { DecodeVector(b64, 3, WirePrecision::FLOAT64); },
            {std::string("value 1 of 3 is ") + names[k], "only finite values are allowed"});
        auto b32 = EncodeVector(v, WirePrecision::FLOAT32);
        const float f = static_cast<float>(specials[k]);
        uint32_t bits;
        std::memcpy(&bits, &f, 4);
        const auto y = Le32(bits);
        std::copy(y.begin(), y.end(), b32.begin() + 8);
        CheckError<WireFormatError>([&] { DecodeVector(b32, 3, WirePrecision::FLOAT32); },
                                    {std::string("value 2 of 3 is ") + names[k]});
    }
    // A signalling-NaN bit pattern and an Inf exponent with payload are NaN too.
    auto b = f64;
    const std::vector<uint8_t> snan = {1, 0, 0, 0, 0, 0, 0xF0, 0x7F};
    std::copy(snan.begin(), snan.end(), b.begin());
    CheckError<WireFormatError>([&] { DecodeVector(b, 3, WirePrecision::FLOAT64); },
                                {"value 0 of 3 is NaN"});
}

BOOST_AUTO_TEST_CASE(wire_codec_vector_encode_errors)
{
    DenseVector v(3);
    v << 1, std::numeric_limits<double>::quiet_NaN(), 3;
    CheckError<std::invalid_argument>([&] { EncodeVector(v, WirePrecision::FLOAT64); },
                                      {"EncodeVector: value 1 of 3 is NaN"});
    v[1] = -std::numeric_limits<double>::infinity();
    CheckError<std::invalid_argument>([&] { EncodeVector(v, WirePrecision::FLOAT32); },
                                      {"value 1 of 3 is -Inf", "only finite values"});
    v[1] = 1e39;
    CheckError<std::invalid_argument>(
        [&] { EncodeVector(v, WirePrecision::FLOAT32); },
        {"value 1 of 3 is 1e+39, outside the float32 range", "send it as float64"});
    BOOST_CHECK_NO_THROW(EncodeVector(v, WirePrecision::FLOAT64));
    BOOST_TEST(std::string(WirePrecisionName(WirePrecision::FLOAT32)) == "float32");
}

BOOST_AUTO_TEST_CASE(wire_codec_task_round_trip_and_layout)
{
    const WireTask t = SampleTask();
    const auto bytes = EncodeTask(t);
    // 8 load + 4 count + (4 + 8 + 4 + 2 * 8) + (4 + 8 + 4 + 8) = 68
    BOOST_TEST(bytes.size() == 68u);
    const auto expected = Cat({LeF64(1.5),
                               Le32(2),
                               Le32(3),
                               LeF64(-0.25),
                               Le32(2),
                               Le32(900),
                               Le32(1000),
                               Le32(0),
                               Le32(100),
                               Le32(7),
                               LeF64(2.0),
                               Le32(1),
                               Le32(100),
                               Le32(300)});
    BOOST_TEST(bytes == expected);
    const WireTask back = DecodeTask(bytes, 1000);
    BOOST_TEST(back.load == 1.5);
    BOOST_TEST_REQUIRE(back.terms.size() == 2u);
    for (std::size_t k = 0; k < 2; ++k)
    {
        BOOST_TEST(back.terms[k].block == t.terms[k].block);
        BOOST_TEST(back.terms[k].coefficient == t.terms[k].coefficient);
        BOOST_TEST_REQUIRE(back.terms[k].rows.size() == t.terms[k].rows.size());
        for (std::size_t j = 0; j < t.terms[k].rows.size(); ++j)
        {
            BOOST_TEST(back.terms[k].rows[j].begin == t.terms[k].rows[j].begin);
            BOOST_TEST(back.terms[k].rows[j].end == t.terms[k].rows[j].end);
        }
    }
    // A task without terms is legal (an empty combination).
    WireTask empty;
    const auto e = EncodeTask(empty);
    BOOST_TEST(e.size() == 12u);
    BOOST_TEST(DecodeTask(e, 0).terms.empty());
}

BOOST_AUTO_TEST_CASE(wire_codec_task_every_truncation_is_refused)
{
    const auto bytes = EncodeTask(SampleTask());
    for (std::size_t n = 0; n < bytes.size(); ++n)
    {
        CheckError<WireFormatError>([&] { DecodeTask(bytes.data(), n, 1000); }, {"task payload: "});
    }
    CheckError<WireFormatError>([&] { DecodeTask(bytes.data(), 0, 1000); },
                                {"truncated at byte 0 of 0 while reading the load"});
    CheckError<WireFormatError>([&] { DecodeTask(bytes.data(), 40, 1000); },
                                {"term count is 2, but only 28 bytes follow (at least 16 per "
                                 "term)"});
    // Bytes after the terms start the optional raw-sample section (its u32 range count).
    auto longer = bytes;
    longer.push_back(0);
    CheckError<WireFormatError>([&] { DecodeTask(longer, 1000); },
                                {"truncated at byte 68 of 69 while reading the raw range count"});
    longer.insert(longer.end(), {0, 0, 0});
    CheckError<WireFormatError>([&] { DecodeTask(longer, 1000); },
                                {"raw range count is 0, must be in [1, "});
    CheckError<WireFormatError>([&] { DecodeTask(nullptr, 4, 1000); },
                                {"no data pointer for 4 bytes"});
}

BOOST_AUTO_TEST_CASE(wire_codec_task_decode_errors)
{
    const uint32_t N = 1000;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    BOOST_CHECK_NO_THROW(DecodeTask(OneTermTask(1, 1, {{0, 1000}}), N));
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(nan, 1, {{0, 1}}), N);
        },
        {"load is nan, must be finite and >= 0"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(inf, 1, {{0, 1}}), N);
        },
        {"load is inf, must be finite and >= 0"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(-1, 1, {{0, 1}}), N);
        },
        {"load is -1, must be finite and >= 0"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(1, nan, {{0, 1}}), N);
        },
        {"term 0 has coefficient NaN; must be finite"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(1, -inf, {{0, 1}}), N);
        },
        {"term 0 has coefficient -Inf; must be finite"});
    CheckError<WireFormatError>([&] { DecodeTask(OneTermTask(1, 1, {}), N); },
                                {"term 0 has 0 row ranges; a term needs at least 1"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(1, 1, {{5, 5}}), N);
        },
        {"term 0 range 0 is [5, 5); needs begin < end <= the number of "
         "samples 1000"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(1, 1, {{0, 10}, {9, 7}}), N);
        },
        {"term 0 range 1 is [9, 7)"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(1, 1, {{0, 1001}}), N);
        },
        {"range 0 is [0, 1001); needs begin < end <= the number of "
         "samples 1000"});
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(1, 1, {{0, 100}, {500, 600}, {99, 200}}), N);
        },
        {"term 0 ranges [0, 100) and [99, 200) overlap; the ranges of a term must be disjoint"});

    // Counts against the limits and against the bytes left.
    TaskCodecLimits limits;
    limits.maxTerms = 1;
    limits.maxRangesPerTerm = 2;
    limits.maxTotalRanges = 3;
    auto two = EncodeTask(SampleTask());
    CheckError<WireFormatError>([&] { DecodeTask(two, N, limits); },
                                {"term count is 2, at most 1 (maxTerms) are allowed"});
    limits.maxTerms = 10;
    CheckError<WireFormatError>(
        [&] {
            DecodeTask(OneTermTask(1, 1, {{0, 1}, {2, 3}, {4, 5}}), N, limits);
        },
        {"term 0 has 3 row ranges, at most 2 (maxRangesPerTerm) are allowed"});
    limits.maxRangesPerTerm = 10;
    limits.maxTotalRanges = 2;
    CheckError<WireFormatError>([&] { DecodeTask(two, N, limits); },
                                {"3 row ranges up to term 1, at most 2 (maxTotalRanges)"});
    // Absurd counts: refused before any allocation.
    auto hugeTerms = Cat({LeF64(1), Le32(0xFFFFFFFFu)});
    CheckError<WireFormatError>([&] { DecodeTask(hugeTerms, N); },
                                {"term count is 4294967295, at most 65536 (maxTerms)"});
    auto manyTerms = Cat({LeF64(1), Le32(1000)});
    CheckError<WireFormatError>([&] { DecodeTask(manyTerms, N); },
                                {"term count is 1000, but only 0 bytes follow"});
    auto hugeRanges = Cat({LeF64(1),
                           Le32(1),
                           Le32(0),
                           LeF64(1),
                           Le32(60000),
                           Le32(0),
                           Le32(1),
                           Le32(2),
                           Le32(3),
                           Le32(4),
                           Le32(5)});
    CheckError<WireFormatError>([&] { DecodeTask(hugeRanges, N); },
                                {"truncated at byte 28 of 52 while reading term 0's 60000 ranges "
                                 "(480000 bytes needed, 24 left)"});
}

BOOST_AUTO_TEST_CASE(wire_codec_task_encode_errors)
{
    WireTask t = SampleTask();
    t.load = -0.5;
    CheckError<std::invalid_argument>([&] { EncodeTask(t); },
                                      {"EncodeTask: load is -0.5, must be finite and >= 0"});
    t = SampleTask();
    t.terms[1].coefficient = std::numeric_limits<double>::infinity();
    CheckError<std::invalid_argument>([&] { EncodeTask(t); },
                                      {"term 1 has coefficient +Inf; must be finite"});
    t = SampleTask();
    t.terms[0].rows.clear();
    CheckError<std::invalid_argument>([&] { EncodeTask(t); },
                                      {"term 0 has 0 row ranges; must have at least 1"});
    t = SampleTask();
    t.terms[0].rows[1] = {7, 3};
    CheckError<std::invalid_argument>([&] { EncodeTask(t); },
                                      {"term 0 range 1 is [7, 3); needs begin < end"});
}

BOOST_AUTO_TEST_CASE(wire_codec_chunk_list)
{
    const std::vector<uint32_t> missing = {0, 3, 4, 9};
    const auto bytes = EncodeChunkList(missing);
    BOOST_TEST(bytes == Cat({Le32(4), Le32(0), Le32(3), Le32(4), Le32(9)}));
    BOOST_TEST(DecodeChunkList(bytes.data(), bytes.size(), 10) == missing);
    const auto none = EncodeChunkList({});
    BOOST_TEST(DecodeChunkList(none.data(), none.size(), 1).empty());

    CheckError<WireFormatError>([&] { DecodeChunkList(bytes.data(), bytes.size(), 9); },
                                {"index 9 at position 3 must be < the chunk count 9"});
    CheckError<WireFormatError>([&] { DecodeChunkList(bytes.data(), bytes.size() - 1, 10); },
                                {"index count is 4, which needs 16 bytes, but 15 follow"});
    CheckError<WireFormatError>([&] { DecodeChunkList(bytes.data(), 3, 10); },
                                {"truncated at byte 0 of 3 while reading the index count"});
    const auto unordered = Cat({Le32(2), Le32(5), Le32(5)});
    CheckError<WireFormatError>(
        [&] { DecodeChunkList(unordered.data(), unordered.size(), 10); },
        {"index 5 at position 1 follows 5; indices must be strictly ascending"});
    const auto tooMany = Cat({Le32(3), Le32(0), Le32(1), Le32(2)});
    CheckError<WireFormatError>([&] { DecodeChunkList(tooMany.data(), tooMany.size(), 2); },
                                {"3 indices for a message of 2 chunks"});
    CheckError<std::invalid_argument>(
        [&] {
            EncodeChunkList({3, 1});
        },
        {"index 1 at position 1 follows 3"});
}

BOOST_AUTO_TEST_CASE(wire_codec_uint64)
{
    const auto bytes = EncodeUint64(0x0102030405060708ull);
    BOOST_TEST(bytes == (std::vector<uint8_t>{8, 7, 6, 5, 4, 3, 2, 1}));
    BOOST_TEST(DecodeUint64(bytes.data(), 8) == 0x0102030405060708ull);
    BOOST_TEST(DecodeUint64(EncodeUint64(~0ull).data(), 8) == ~0ull);
    CheckError<WireFormatError>([&] { DecodeUint64(bytes.data(), 7); },
                                {"number payload: 7 bytes, expected exactly 8"});
    CheckError<WireFormatError>([&] { DecodeUint64(bytes.data(), 0); },
                                {"0 bytes, expected exactly 8"});
}

BOOST_AUTO_TEST_SUITE_END()
