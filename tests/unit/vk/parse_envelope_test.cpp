#include <gtest/gtest.h>

#include "fixture.hpp"
#include "vk/parse.hpp"

namespace vka::vk {
namespace {

using testing::read_fixture;

ApiError api_error_of(const std::string& body) {
  auto envelope = parse_envelope(body);
  if (!envelope) throw std::runtime_error(envelope.error().to_string());
  return std::get<ApiError>(*envelope);
}

ParseError envelope_error_of(const std::string& body) {
  auto envelope = parse_envelope(body);
  if (envelope) throw std::runtime_error("expected an envelope error");
  return envelope.error();
}

TEST(ParseEnvelope, SuccessExposesResponseValue) {
  auto envelope = parse_envelope(R"({"response": {"count": 0, "items": []}})");
  ASSERT_TRUE(envelope);
  const auto& success = std::get<Success>(*envelope);
  EXPECT_EQ(success.response.path(), "response");
  EXPECT_TRUE(success.execute_errors.empty());
}

TEST(ParseEnvelope, RateErrorDropsRequestParams) {
  const ApiError error = api_error_of(read_fixture("error_rate.json"));
  EXPECT_EQ(error, (ApiError{.code = 6, .message = "Too many requests per second"}));
}

TEST(ParseEnvelope, CaptchaErrorKeepsChallengeFields) {
  const ApiError error = api_error_of(read_fixture("error_captcha.json"));
  EXPECT_EQ(error.code, 14);
  EXPECT_EQ(error.captcha_sid, "123456789012");
  EXPECT_EQ(error.captcha_img, "https://api.vk.com/captcha.php?sid=123456789012");
  EXPECT_EQ(error.redirect_uri, "https://id.vk.com/not_robot_captcha?session_token=x");
}

TEST(ParseEnvelope, NumericCaptchaSidBecomesText) {
  const ApiError error = api_error_of(R"({"error": {"error_code": 14, "captcha_sid": 987}})");
  EXPECT_EQ(error.captcha_sid, "987");
  EXPECT_EQ(error.message, "");
}

TEST(ParseEnvelope, ValidationErrorKeepsRedirect) {
  const ApiError error = api_error_of(read_fixture("error_validation.json"));
  EXPECT_EQ(error.code, 17);
  EXPECT_EQ(error.redirect_uri, "https://m.vk.com/login?act=security_check");
}

TEST(ParseEnvelope, ConfirmationErrorKeepsTextAndSubcode) {
  const ApiError error = api_error_of(read_fixture("error_confirmation.json"));
  EXPECT_EQ(error.code, 24);
  EXPECT_EQ(error.subcode, 3);
  EXPECT_EQ(error.confirmation_text, "Are you sure?");
}

TEST(ParseEnvelope, AccessErrorsParse) {
  EXPECT_EQ(api_error_of(read_fixture("error_access_denied.json")).code, 15);
  EXPECT_EQ(api_error_of(read_fixture("error_comments_closed.json")).code, 212);
}

TEST(ParseEnvelope, ErrorWithoutCodeIsRejected) {
  const ParseError error = envelope_error_of(R"({"error": {"error_msg": "x"}})");
  EXPECT_EQ(error.to_string(), "error.error_code: required field is missing");
}

TEST(ParseEnvelope, ErrorCodeAsStringIsRejected) {
  const ParseError error = envelope_error_of(R"({"error": {"error_code": "6"}})");
  EXPECT_EQ(error.to_string(), "error.error_code: expected an integer, got a string");
}

TEST(ParseEnvelope, NeitherResponseNorErrorIsRejected) {
  const ParseError error = envelope_error_of(R"({"result": 1})");
  EXPECT_EQ(error.to_string(), "response: required field is missing");
  EXPECT_FALSE(error.syntax);
}

TEST(ParseEnvelope, TopLevelArrayIsRejected) {
  EXPECT_EQ(envelope_error_of("[1]").to_string(), "expected an object, got an array");
}

TEST(ParseEnvelope, TruncatedJsonIsASyntaxError) {
  const ParseError error = envelope_error_of(read_fixture("truncated.json"));
  EXPECT_TRUE(error.syntax);
  EXPECT_EQ(error.path, "");
  EXPECT_NE(error.problem.find("invalid JSON"), std::string::npos);
}

TEST(ParseEnvelope, EmptyAndGarbageBodiesAreSyntaxErrors) {
  EXPECT_TRUE(envelope_error_of("").syntax);
  EXPECT_TRUE(envelope_error_of("<html>502 Bad Gateway</html>").syntax);
  EXPECT_TRUE(envelope_error_of(R"({"response": 1} trailing)").syntax);
}

TEST(ParseEnvelope, TrailingWhitespaceIsAccepted) { EXPECT_TRUE(parse_envelope("{\"response\": 1}\n")); }

TEST(ParseEnvelope, ExcessiveNestingIsASyntaxErrorNotACrash) {
  std::string deep = R"({"response": )" + std::string(10000, '[') + std::string(10000, ']') + "}";
  EXPECT_TRUE(envelope_error_of(deep).syntax);
}

TEST(ParseEnvelope, MalformedExecuteErrorsAreRejected) {
  const ParseError error = envelope_error_of(R"({"response": [false], "execute_errors": [{"method": "wall.get"}]})");
  EXPECT_EQ(error.path, "execute_errors[0].error_code");
}

}  // namespace
}  // namespace vka::vk
