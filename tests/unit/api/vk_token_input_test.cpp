#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "api/vk_token_input.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using ::testing::ElementsAre;
using testing::fields_of;

constexpr const char* good_token = "vk1.a.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xY";

// A JSON string of any bytes, embedded NULs included.
boost::json::value text(std::string_view bytes) { return boost::json::string(bytes); }

boost::json::object body(boost::json::value name, boost::json::value token, boost::json::value kind) {
  return {{"name", std::move(name)}, {"token", std::move(token)}, {"kind", std::move(kind)}};
}

http::ApiError problems_of(const boost::json::object& object) {
  return api_error_of([&] { parse_vk_token_input(object); });
}

// Everything a client would see: the message and every detail.
std::string visible_text(const http::ApiError& error) {
  std::string text = error.what();
  for (const auto& detail : error.details()) text += "\n" + detail.field + ": " + detail.problem;
  return text;
}

TEST(ParseVkTokenInput, ReadsEveryField) {
  const auto input = parse_vk_token_input(body("Рабочий токен", good_token, "community"));
  EXPECT_EQ(input.name, "Рабочий токен");
  EXPECT_EQ(input.token, good_token);
  EXPECT_EQ(input.kind, store::VkTokenKind::community);
  EXPECT_EQ(parse_vk_token_input(body("a", good_token, "user")).kind, store::VkTokenKind::user);
  EXPECT_EQ(parse_vk_token_input(body("a", good_token, "service")).kind, store::VkTokenKind::service);
}

TEST(ParseVkTokenInput, EveryFieldIsRequired) {
  const auto error = problems_of({});
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.code(), "validation_failed");
  EXPECT_THAT(fields_of(error), ElementsAre("name", "token", "kind"));
  EXPECT_THAT(fields_of(problems_of(body(nullptr, nullptr, nullptr))), ElementsAre("name", "token", "kind"));
}

TEST(ParseVkTokenInput, WrongTypesAreReportedByField) {
  EXPECT_THAT(fields_of(problems_of(body(1, boost::json::array{}, true))), ElementsAre("name", "token", "kind"));
}

TEST(ParseVkTokenInput, NameIsOneToTwoHundredCharactersCountedAsCharactersNotBytes) {
  EXPECT_THAT(fields_of(problems_of(body("", good_token, "user"))), ElementsAre("name"));
  EXPECT_EQ(parse_vk_token_input(body(text(std::string(200, 'a')), good_token, "user")).name.size(), 200u);
  EXPECT_THAT(fields_of(problems_of(body(text(std::string(201, 'a')), good_token, "user"))), ElementsAre("name"));
  std::string cyrillic;
  for (int i = 0; i < 200; ++i) cyrillic += "ж";
  EXPECT_EQ(parse_vk_token_input(body(text(cyrillic), good_token, "user")).name, cyrillic);
  EXPECT_THAT(fields_of(problems_of(body(text(cyrillic + "ж"), good_token, "user"))), ElementsAre("name"));
}

TEST(ParseVkTokenInput, NameMustNotHoldControlCharacters) {
  EXPECT_THAT(fields_of(problems_of(body("two\nlines", good_token, "user"))), ElementsAre("name"));
  EXPECT_THAT(fields_of(problems_of(body(text(std::string_view("nul\0", 4)), good_token, "user"))),
              ElementsAre("name"));
}

TEST(ParseVkTokenInput, TokenIsOneToFiveHundredTwelvePrintableCharactersWithoutSpaces) {
  EXPECT_EQ(parse_vk_token_input(body("a", text(std::string(512, 'x')), "user")).token.size(), 512u);
  EXPECT_EQ(parse_vk_token_input(body("a", "!~", "user")).token, "!~");
  for (const std::string& bad :
       {std::string{}, std::string(513, 'x'), std::string{"has space"}, std::string{"tab\there"}, std::string{"line\n"},
        std::string{"кириллица"}, std::string{"del\x7f"}})
    EXPECT_THAT(fields_of(problems_of(body("a", text(bad), "user"))), ElementsAre("token")) << bad;
}

TEST(ParseVkTokenInput, KindIsOneOfThree) {
  for (const char* bad : {"group", "User", ""})
    EXPECT_THAT(fields_of(problems_of(body("a", good_token, bad))), ElementsAre("kind")) << bad;
}

TEST(ParseVkTokenInput, ProblemsNeverQuoteTheToken) {
  const std::string secret = "vk1.a.SECRETsecretSECRET secret";
  for (const std::string& token : {secret, secret + std::string(600, 'z'), std::string{"vk1.a.SECRETЖ"}}) {
    const auto error = problems_of(body("", text(token), "nope"));
    EXPECT_THAT(fields_of(error), ElementsAre("name", "token", "kind"));
    EXPECT_EQ(visible_text(error).find("SECRET"), std::string::npos) << visible_text(error);
  }
}

}  // namespace
}  // namespace vka::api
