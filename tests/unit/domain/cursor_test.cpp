#include "domain/cursor.hpp"

#include "domain/base64url.hpp"
#include "domain/crc32.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

namespace vka::domain {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view scope = "tasks:-created_at";

class CursorRoundTrip : public ::testing::TestWithParam<CursorPosition> {};

TEST_P(CursorRoundTrip, DecodesToWhatWasEncoded) {
  const auto cursor = encode_cursor(scope, GetParam());
  const auto decoded = decode_cursor(scope, cursor);
  ASSERT_TRUE(decoded.has_value()) << decoded.error();
  EXPECT_EQ(*decoded, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Positions, CursorRoundTrip,
                         ::testing::Values(CursorPosition{}, CursorPosition{std::int64_t{0}},
                                           CursorPosition{std::int64_t{1767225600}, std::string("t_01hx")},
                                           CursorPosition{std::numeric_limits<std::int64_t>::min(),
                                                          std::numeric_limits<std::int64_t>::max(), std::int64_t{-1}},
                                           CursorPosition{std::string(""), std::string("котик \"quoted\" \0 byte", 22)},
                                           CursorPosition{std::string(300, 'x')},
                                           CursorPosition(max_cursor_values, CursorValue{std::int64_t{7}})));

TEST(Cursor, FormatIsStable) {
  // Produced independently (Python: version 1, count, 'i' zigzag varint, 's' length + bytes,
  // CRC-32 of scope + NUL + record, big-endian, base64url without padding).
  const auto decoded = decode_cursor("fuzz", "AQJpgOStlQ1zBnRfMDFoeIBRDbk");
  ASSERT_TRUE(decoded.has_value()) << decoded.error();
  EXPECT_EQ(*decoded, (CursorPosition{std::int64_t{1767225600}, std::string("t_01hx")}));
  EXPECT_EQ(encode_cursor("fuzz", *decoded), "AQJpgOStlQ1zBnRfMDFoeIBRDbk");
}

TEST(Cursor, IsUrlSafe) {
  const auto cursor = encode_cursor(scope, {std::int64_t{-123456789}, std::string("a/b+c=d?&")});
  for (char c : cursor) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << c;
}

TEST(Cursor, EveryAlteredCharacterIsDetected) {
  const auto cursor = encode_cursor(scope, {std::int64_t{1767225600}, std::string("t_01hx")});
  for (std::size_t i = 0; i < cursor.size(); ++i) {
    std::string altered = cursor;
    altered[i] = altered[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(decode_cursor(scope, altered).has_value()) << "position " << i;
  }
}

TEST(Cursor, TruncatedOrExtendedIsDetected) {
  const auto cursor = encode_cursor(scope, {std::int64_t{42}, std::string("abc")});
  for (std::size_t n = 0; n < cursor.size(); ++n)
    EXPECT_FALSE(decode_cursor(scope, cursor.substr(0, n)).has_value()) << n;
  EXPECT_FALSE(decode_cursor(scope, cursor + "AA").has_value());
}

TEST(Cursor, CursorOfAnotherListingIsRejected) {
  const auto cursor = encode_cursor("tasks:-created_at", {std::int64_t{1}});
  const auto decoded = decode_cursor("comments:-date", cursor);
  ASSERT_FALSE(decoded.has_value());
  EXPECT_THAT(decoded.error(), HasSubstr("another listing"));
}

TEST(Cursor, OtherFormatVersionIsNamedAsSuch) {
  // A well-formed record of a future version: version 2, no values, valid checksum.
  std::vector<std::uint8_t> record{2, 0};
  const std::uint8_t separator = 0;
  auto sum = crc32({reinterpret_cast<const std::uint8_t*>(scope.data()), scope.size()});
  sum = crc32({&separator, 1}, sum);
  sum = crc32(record, sum);
  for (int shift = 24; shift >= 0; shift -= 8) record.push_back(static_cast<std::uint8_t>(sum >> shift));
  const auto decoded = decode_cursor(scope, base64url_encode(record));
  ASSERT_FALSE(decoded.has_value());
  EXPECT_THAT(decoded.error(), HasSubstr("another server version"));
}

struct Garbage {
  std::string cursor;
  std::string problem_part;
};

class CursorGarbage : public ::testing::TestWithParam<Garbage> {};

TEST_P(CursorGarbage, IsRejectedWithAReason) {
  const auto decoded = decode_cursor(scope, GetParam().cursor);
  ASSERT_FALSE(decoded.has_value());
  EXPECT_THAT(decoded.error(), HasSubstr(GetParam().problem_part));
}

INSTANTIATE_TEST_SUITE_P(Inputs, CursorGarbage,
                         ::testing::Values(Garbage{"", "empty"}, Garbage{"abc=", "base64url"},
                                           Garbage{"a b", "base64url"}, Garbage{"ab+/", "base64url"},
                                           Garbage{"A", "base64url"}, Garbage{"AAAA", "corrupted"},
                                           Garbage{"AAAAAAAAAAAA", "corrupted"}, Garbage{"hello_worlA", "corrupted"},
                                           Garbage{std::string(max_cursor_length + 1, 'A'), "too long"}));

}  // namespace
}  // namespace vka::domain
