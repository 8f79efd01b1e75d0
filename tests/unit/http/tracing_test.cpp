#include <gtest/gtest.h>

#include <set>
#include <string>

#include "http/tracing.hpp"

namespace vka::http {
namespace {

constexpr std::string_view trace = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr std::string_view parent = "00f067aa0ba902b7";

std::string traceparent(std::string_view version, std::string_view trace_id, std::string_view parent_id,
                        std::string_view flags) {
  return std::string{version} + "-" + std::string{trace_id} + "-" + std::string{parent_id} + "-" + std::string{flags};
}

bool is_lower_hex(std::string_view text, std::size_t length) {
  return text.size() == length && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

TEST(RequestId, AcceptsSafeTokensUpTo128Characters) {
  EXPECT_TRUE(is_valid_request_id("a"));
  EXPECT_TRUE(is_valid_request_id("req-42.Z_x:9"));
  EXPECT_TRUE(is_valid_request_id("550e8400-e29b-41d4-a716-446655440000"));
  EXPECT_TRUE(is_valid_request_id(std::string(128, 'a')));
}

TEST(RequestId, RejectsEmptyLongAndUnsafeCharacters) {
  EXPECT_FALSE(is_valid_request_id(""));
  EXPECT_FALSE(is_valid_request_id(std::string(129, 'a')));
  for (const char* bad : {"a b", "a\r\nSet-Cookie: x", "a\"b", "a/b", "a,b", "a;b", "a\tb", "ид", "a=b", "a{b}"})
    EXPECT_FALSE(is_valid_request_id(bad)) << bad;
  EXPECT_FALSE(is_valid_request_id(std::string_view{"a\0b", 3}));
}

TEST(RequestId, NewOnesAreValidAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto id = new_request_id();
    EXPECT_TRUE(is_valid_request_id(id));
    EXPECT_GE(id.size(), 16u);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(RandomHex, HasTwoLowercaseDigitsPerByte) {
  EXPECT_TRUE(is_lower_hex(random_hex(8), 16));
  EXPECT_TRUE(is_lower_hex(random_hex(16), 32));
  EXPECT_EQ(random_hex(0), "");
  EXPECT_NE(random_hex(16), random_hex(16));
}

TEST(TraceContext, HeaderIsVersionZeroFormat) {
  const TraceContext context{std::string{trace}, std::string{parent}, "01"};
  EXPECT_EQ(context.header(), traceparent("00", trace, parent, "01"));
}

TEST(ContinueTrace, WithoutHeaderStartsANewTrace) {
  const auto context = continue_trace(std::nullopt);
  EXPECT_TRUE(is_lower_hex(context.trace_id, 32));
  EXPECT_TRUE(is_lower_hex(context.parent_id, 16));
  EXPECT_EQ(context.flags, "00");
  EXPECT_NE(continue_trace(std::nullopt).trace_id, context.trace_id);
}

TEST(ContinueTrace, ValidHeaderKeepsTraceAndFlagsButGetsItsOwnSpan) {
  const auto context = continue_trace(traceparent("00", trace, parent, "01"));
  EXPECT_EQ(context.trace_id, trace);
  EXPECT_EQ(context.flags, "01");
  EXPECT_TRUE(is_lower_hex(context.parent_id, 16));
  EXPECT_NE(context.parent_id, parent);
  EXPECT_EQ(context.header().substr(0, 36), "00-" + std::string{trace} + "-");
}

void expect_new_trace(const std::string& header) {
  const auto context = continue_trace(header);
  EXPECT_NE(context.trace_id, trace) << header;
  EXPECT_TRUE(is_lower_hex(context.trace_id, 32)) << header;
  EXPECT_TRUE(is_lower_hex(context.parent_id, 16)) << header;
  EXPECT_EQ(context.flags, "00") << header;
}

TEST(ContinueTrace, VersionFfIsInvalid) { expect_new_trace(traceparent("ff", trace, parent, "01")); }

TEST(ContinueTrace, AllZeroIdsAreInvalid) {
  expect_new_trace(traceparent("00", std::string(32, '0'), parent, "01"));
  expect_new_trace(traceparent("00", trace, std::string(16, '0'), "01"));
}

TEST(ContinueTrace, UppercaseHexIsInvalid) {
  expect_new_trace(traceparent("00", "4BF92F3577B34DA6A3CE929D0E0E4736", parent, "01"));
  expect_new_trace(traceparent("00", trace, "00F067AA0BA902B7", "01"));
  expect_new_trace(traceparent("00", trace, parent, "0A"));
  expect_new_trace(traceparent("0A", trace, parent, "01"));
}

TEST(ContinueTrace, WrongShapesAreInvalid) {
  expect_new_trace("");
  expect_new_trace("garbage");
  expect_new_trace(traceparent("00", trace, parent, "01").substr(0, 54));
  expect_new_trace(traceparent("00", trace.substr(1), parent, "01") + "0");
  expect_new_trace(traceparent("00", trace, parent, "0g"));
  expect_new_trace(traceparent("0x", trace, parent, "01"));
  auto underscores = traceparent("00", trace, parent, "01");
  underscores[2] = '_';
  expect_new_trace(underscores);
}

TEST(ContinueTrace, VersionZeroAllowsNothingAfterTheFlags) {
  expect_new_trace(traceparent("00", trace, parent, "01") + "-extra");
  expect_new_trace(traceparent("00", trace, parent, "01") + "0");
}

TEST(ContinueTrace, FutureVersionsMayCarryMoreFields) {
  const auto plain = continue_trace(traceparent("01", trace, parent, "01"));
  EXPECT_EQ(plain.trace_id, trace);
  const auto extended = continue_trace(traceparent("cc", trace, parent, "01") + "-what-the-future-brings");
  EXPECT_EQ(extended.trace_id, trace);
  EXPECT_EQ(extended.flags, "01");
  // This server speaks version 00 onwards.
  EXPECT_TRUE(extended.header().starts_with("00-"));
}

TEST(ContinueTrace, FutureVersionFieldsMustBeDashSeparated) {
  expect_new_trace(traceparent("cc", trace, parent, "01") + "x-more");
}

}  // namespace
}  // namespace vka::http
