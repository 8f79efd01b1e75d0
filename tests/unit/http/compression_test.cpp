#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "http/compression.hpp"

namespace vka::http {
namespace {

TEST(NegotiateEncoding, NoHeaderOrEmptyHeaderMeansIdentity) {
  EXPECT_EQ(negotiate_encoding(std::nullopt), Encoding::identity);
  EXPECT_EQ(negotiate_encoding(""), Encoding::identity);
  EXPECT_EQ(negotiate_encoding("identity"), Encoding::identity);
  EXPECT_EQ(negotiate_encoding("deflate, compress"), Encoding::identity);
}

TEST(NegotiateEncoding, TakesTheOnlyAcceptedCoding) {
  EXPECT_EQ(negotiate_encoding("gzip"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("x-gzip"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("br"), Encoding::br);
  EXPECT_EQ(negotiate_encoding("deflate, gzip"), Encoding::gzip);
}

TEST(NegotiateEncoding, PrefersBrotliOnTies) {
  EXPECT_EQ(negotiate_encoding("gzip, deflate, br"), Encoding::br);
  EXPECT_EQ(negotiate_encoding("gzip;q=0.5, br;q=0.5"), Encoding::br);
  EXPECT_EQ(negotiate_encoding("*"), Encoding::br);
}

TEST(NegotiateEncoding, HigherQualityWins) {
  EXPECT_EQ(negotiate_encoding("br;q=0.4, gzip;q=0.9"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("gzip;q=0.9, br"), Encoding::br);
  EXPECT_EQ(negotiate_encoding("gzip ; q=0.2 , br ; q=0.1"), Encoding::gzip);
}

TEST(NegotiateEncoding, ZeroQualityRefuses) {
  EXPECT_EQ(negotiate_encoding("br;q=0, gzip"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("br;q=0, gzip;q=0"), Encoding::identity);
  EXPECT_EQ(negotiate_encoding("gzip;q=0.000"), Encoding::identity);
}

TEST(NegotiateEncoding, WildcardCoversOnlyCodingsNotNamed) {
  EXPECT_EQ(negotiate_encoding("br;q=0, *"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("*;q=0.5, gzip"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("gzip;q=0.1, *;q=0.5"), Encoding::br);
  EXPECT_EQ(negotiate_encoding("*;q=0"), Encoding::identity);
  EXPECT_EQ(negotiate_encoding("*;q=0, gzip"), Encoding::gzip);
}

TEST(NegotiateEncoding, IdentityRefusedStillLeavesTheCompressedCodings) {
  EXPECT_EQ(negotiate_encoding("gzip, identity;q=0"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("identity;q=0, *"), Encoding::br);
  // Nothing else acceptable either: sending the body unencoded is the only answer left.
  EXPECT_EQ(negotiate_encoding("identity;q=0"), Encoding::identity);
}

TEST(NegotiateEncoding, MalformedQualityCountsAsRefusal) {
  EXPECT_EQ(negotiate_encoding("br;q=abc, gzip"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("br;q=1.5, gzip;q=0.1"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("br;q=-1, gzip;q=0.1"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("br;q=, gzip;q=0.1"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("gzip;q=0.5x"), Encoding::identity);
}

TEST(NegotiateEncoding, CodingNamesIgnoreCase) {
  // RFC 9110 §8.4.1: content-coding names are case-insensitive.
  EXPECT_EQ(negotiate_encoding("GZIP"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("Br;Q=0.5, gzip;q=0.1"), Encoding::br);
}

TEST(NegotiateEncoding, ToleratesEmptyMembersAndWhitespace) {
  EXPECT_EQ(negotiate_encoding(" ,gzip,, "), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("\tbr\t"), Encoding::br);
}

TEST(EncodingName, IsTheContentEncodingToken) {
  EXPECT_EQ(to_string(Encoding::gzip), "gzip");
  EXPECT_EQ(to_string(Encoding::br), "br");
  EXPECT_EQ(to_string(Encoding::identity), "identity");
}

TEST(IsCompressible, TextualTypesOnly) {
  EXPECT_TRUE(is_compressible("application/json; charset=utf-8"));
  EXPECT_TRUE(is_compressible("application/json"));
  EXPECT_TRUE(is_compressible("text/plain; version=0.0.4; charset=utf-8"));
  EXPECT_TRUE(is_compressible("text/csv"));
  EXPECT_TRUE(is_compressible("text/html; charset=utf-8"));
  EXPECT_TRUE(is_compressible("application/x-ndjson"));
  EXPECT_TRUE(is_compressible("image/svg+xml"));
  EXPECT_TRUE(is_compressible("application/javascript"));
  EXPECT_FALSE(is_compressible("image/png"));
  EXPECT_FALSE(is_compressible("application/octet-stream"));
  EXPECT_FALSE(is_compressible("application/zip"));
  EXPECT_FALSE(is_compressible("application/gzip"));
  EXPECT_FALSE(is_compressible(""));
}

std::string sample_json(std::size_t approx_size) {
  std::string text = "[";
  for (std::size_t i = 0; text.size() < approx_size; ++i)
    text += R"({"id":)" + std::to_string(i) + R"(,"text":"Привет, мир! \u0000 \"quoted\""},)";
  text.back() = ']';
  return text;
}

std::string binary_bytes() {
  std::string bytes;
  for (int i = 0; i < 70000; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
  return bytes;
}

TEST(Gzip, RoundTripsTextEmptyAndBinary) {
  for (const auto& data : {std::string{}, std::string{"a"}, sample_json(5000), sample_json(200000), binary_bytes()}) {
    const auto packed = gzip_compress(data);
    EXPECT_EQ(gzip_decompress(packed), data);
  }
}

TEST(Gzip, ProducesTheGzipFormatAndShrinksJson) {
  const auto data = sample_json(20000);
  const auto packed = gzip_compress(data);
  ASSERT_GE(packed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_LT(packed.size(), data.size() / 4);
}

TEST(Gzip, CorruptInputThrows) {
  const auto packed = gzip_compress(sample_json(5000));
  EXPECT_THROW(gzip_decompress(""), std::runtime_error);
  EXPECT_THROW(gzip_decompress("not gzip at all"), std::runtime_error);
  EXPECT_THROW(gzip_decompress(packed.substr(0, packed.size() / 2)), std::runtime_error);
  auto flipped = packed;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
  EXPECT_THROW(gzip_decompress(flipped), std::runtime_error);
  auto bad_crc = packed;
  bad_crc[bad_crc.size() - 6] = static_cast<char>(bad_crc[bad_crc.size() - 6] ^ 1);
  EXPECT_THROW(gzip_decompress(bad_crc), std::runtime_error);
}

TEST(Brotli, RoundTripsTextEmptyAndBinary) {
  for (const auto& data : {std::string{}, std::string{"a"}, sample_json(5000), sample_json(200000), binary_bytes()}) {
    const auto packed = brotli_compress(data);
    EXPECT_EQ(brotli_decompress(packed), data);
  }
}

TEST(Brotli, ShrinksJson) {
  const auto data = sample_json(20000);
  EXPECT_LT(brotli_compress(data).size(), data.size() / 4);
}

TEST(Brotli, CorruptInputThrows) {
  const auto packed = brotli_compress(sample_json(5000));
  EXPECT_THROW(brotli_decompress(""), std::runtime_error);
  EXPECT_THROW(brotli_decompress(packed.substr(0, packed.size() / 2)), std::runtime_error);
  EXPECT_THROW(brotli_decompress(std::string(64, '\xff')), std::runtime_error);
}

}  // namespace
}  // namespace vka::http
