#include <gtest/gtest.h>

#include "domain/base64url.hpp"
#include "domain/crc32.hpp"

namespace vka::domain {
namespace {

std::vector<std::uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }

struct Vector {
  std::string plain;
  std::string encoded;
};

class Base64UrlVectors : public ::testing::TestWithParam<Vector> {};

// RFC 4648 §10 test vectors without padding, plus bytes that need the URL-safe alphabet.
TEST_P(Base64UrlVectors, EncodeAndDecode) {
  EXPECT_EQ(base64url_encode(bytes(GetParam().plain)), GetParam().encoded);
  EXPECT_EQ(base64url_decode(GetParam().encoded), bytes(GetParam().plain));
}

INSTANTIATE_TEST_SUITE_P(Rfc4648, Base64UrlVectors,
                         ::testing::Values(Vector{"", ""}, Vector{"f", "Zg"}, Vector{"fo", "Zm8"},
                                           Vector{"foo", "Zm9v"}, Vector{"foob", "Zm9vYg"}, Vector{"fooba", "Zm9vYmE"},
                                           Vector{"foobar", "Zm9vYmFy"}, Vector{"\xfb\xff\xbf", "-_-_"}));

TEST(Base64Url, RejectsMalformedText) {
  for (std::string_view bad : {"Zg==", "Zm9v+", "Zm/v", "Z", "Zh", "Zm9", "Zm 9v"})
    EXPECT_FALSE(base64url_decode(bad).has_value()) << bad;
}

TEST(Crc32, MatchesTheStandardCheckValue) {
  EXPECT_EQ(crc32(bytes("123456789")), 0xCBF43926u);
  EXPECT_EQ(crc32(bytes("")), 0u);
}

TEST(Crc32, CanBeComputedInPieces) {
  EXPECT_EQ(crc32(bytes("6789"), crc32(bytes("12345"))), crc32(bytes("123456789")));
}

}  // namespace
}  // namespace vka::domain
