#include "vk/errors.hpp"

#include <gtest/gtest.h>

#include <set>

namespace vka::vk {
namespace {

using enum ErrorAction;

struct Expected {
  int code;
  ErrorAction action;
};

TEST(ClassifyApiError, EveryDocumentedCodeHasItsAction) {
  const Expected table[] = {
      {1, retry_backoff},
      {10, retry_backoff},
      {6, wait_rate},
      {9, flood_backoff},
      {7, skip_record},
      {15, skip_record},
      {18, skip_record},
      {19, skip_record},
      {30, skip_record},
      {100, skip_record},
      {104, skip_record},
      {113, skip_record},
      {125, skip_record},
      {203, skip_record},
      {210, skip_record},
      {211, skip_record},
      {212, skip_record},
      {801, skip_record},
      {2, retire_token},
      {5, retire_token},
      {17, retire_token},
      {1117, retire_token},
      {3609, retire_token},
      {3610, retire_token},
      {14, park_token},
      {29, quota},
      {27, wrong_token_type},
      {28, wrong_token_type},
      {13, smaller_batch},
      {36, smaller_batch},
      {3, fail},
      {8, fail},
      {12, fail},
      {23, fail},
  };
  std::set<std::string_view> codes;
  for (const Expected& e : table) {
    const ErrorClass c = classify_api_error(e.code);
    EXPECT_EQ(c.action, e.action) << "VK error " << e.code << " → " << to_string(c.action);
    EXPECT_TRUE(codes.insert(c.code).second) << "duplicate code name " << c.code;
    EXPECT_TRUE(c.code.starts_with("vk_")) << c.code;
    EXPECT_FALSE(c.message.empty());
  }
}

TEST(ClassifyApiError, StableCodeNames) {
  EXPECT_EQ(classify_api_error(15).code, "vk_access_denied");
  EXPECT_EQ(classify_api_error(212).code, "vk_comments_closed");
  EXPECT_EQ(classify_api_error(18).code, "vk_user_deleted");
  EXPECT_EQ(classify_api_error(30).code, "vk_private");
  EXPECT_EQ(classify_api_error(6).code, "vk_too_many_requests");
}

TEST(ClassifyApiError, UnknownCodeIsSkippedAndRecorded) {
  const ErrorClass c = classify_api_error(424242);
  EXPECT_EQ(c.action, skip_record);
  EXPECT_EQ(c.code, "vk_error");
}

TEST(ClassifyHttpStatus, ServerErrorsAreTransient) {
  EXPECT_EQ(classify_http_status(500).action, retry_backoff);
  EXPECT_EQ(classify_http_status(503).action, retry_backoff);
  EXPECT_EQ(classify_http_status(429).action, retry_backoff);
  EXPECT_EQ(classify_http_status(404).action, fail);
}

TEST(ClassifyParseError, TruncatedJsonIsTransientShapeErrorIsNot) {
  EXPECT_EQ(classify_parse_error(ParseError{"", "invalid JSON", true}).action, retry_backoff);
  EXPECT_EQ(classify_parse_error(ParseError{"response.count", "required field is missing", false}).action, fail);
}

TEST(FailureFrom, ApiErrorCarriesCodeMessageAndDetails) {
  const ApiError captcha{.code = 14, .message = "Captcha needed", .captcha_sid = "42"};
  const VkFailure failure = failure_from(captcha);
  EXPECT_EQ(failure.action, park_token);
  EXPECT_EQ(failure.code, "vk_captcha_needed");
  EXPECT_EQ(failure.vk_error_code, 14);
  EXPECT_EQ(failure.message, "VK error 14: VK demands a captcha for this token (Captcha needed)");
  ASSERT_TRUE(failure.api_error);
  EXPECT_EQ(failure.api_error->captcha_sid, "42");
}

TEST(FailureFrom, HttpStatusAndParseError) {
  EXPECT_EQ(failure_from_http_status(502).http_status, 502);
  const VkFailure parse = failure_from(ParseError{"response.items[3].date", "required field is missing", false});
  EXPECT_EQ(parse.code, "vk_unexpected_response");
  EXPECT_NE(parse.message.find("response.items[3].date: required field is missing"), std::string::npos);
}

TEST(FailureFrom, NetworkFaultsAreTransientAndSayVkIsUnreachableWithTheCause) {
  using Kind = TransportError::Kind;
  const struct {
    Kind kind;
    std::string_view code;
  } faults[] = {{Kind::resolve, "vk_network_error"},
                {Kind::connect, "vk_network_error"},
                {Kind::tls, "vk_network_error"},
                {Kind::io, "vk_network_error"},
                {Kind::timeout, "vk_timeout"}};
  for (const auto& fault : faults) {
    const VkFailure f = failure_from(TransportError{fault.kind, "connect to api.vk.ru failed: Connection refused"});
    EXPECT_EQ(f.action, retry_backoff) << to_string(fault.kind);
    EXPECT_EQ(f.code, fault.code);
    EXPECT_EQ(f.message, "VK unreachable: connect to api.vk.ru failed: Connection refused");
  }
}

TEST(FailureFrom, AnUnusableUrlFailsAndAnOversizedAnswerAsksForASmallerBatch) {
  const VkFailure url = failure_from(TransportError{TransportError::Kind::bad_url, "URL has no host"});
  EXPECT_EQ(url.action, fail);
  EXPECT_EQ(url.code, "vk_bad_url");
  EXPECT_EQ(url.message, "the VK API URL is unusable: URL has no host");
  const VkFailure big = failure_from(TransportError{TransportError::Kind::too_large, "response too large"});
  EXPECT_EQ(big.action, smaller_batch);
  EXPECT_EQ(big.code, "vk_response_too_large");
}

}  // namespace
}  // namespace vka::vk
