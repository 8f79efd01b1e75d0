#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/json_input.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using ::testing::ElementsAre;
using testing::fields_of;

http::Request json_request(std::string body, std::optional<std::string> content_type = "application/json") {
  http::Request request;
  request.method = "POST";
  if (content_type) request.headers.add("Content-Type", *content_type);
  request.body = std::move(body);
  return request;
}

http::ApiError error_reading(const http::Request& request) {
  return api_error_of([&] { read_json_object(request, {"name", "groups"}); });
}

TEST(ReadJsonObject, ReadsAnObjectWithKnownMembers) {
  const auto body = read_json_object(json_request(R"({"name": "x", "groups": [1]})"), {"name", "groups"});
  EXPECT_EQ(body.at("name"), "x");
  EXPECT_EQ(body.at("groups").as_array().size(), 1u);
  EXPECT_TRUE(read_json_object(json_request("{}"), {"name"}).empty());
}

TEST(ReadJsonObject, AcceptsParametersAndAnyCaseOfTheMediaType) {
  for (const auto* type : {"application/json; charset=utf-8", "Application/JSON", "application/json;charset=UTF-8",
                           "application/json ; charset=utf-8"})
    EXPECT_NO_THROW(read_json_object(json_request("{}", type), {})) << type;
}

TEST(ReadJsonObject, OtherOrMissingMediaTypeIs415) {
  for (const std::optional<std::string>& type :
       {std::optional<std::string>{}, std::optional<std::string>{""}, std::optional<std::string>{"text/plain"},
        std::optional<std::string>{"application/x-www-form-urlencoded"},
        std::optional<std::string>{"application/jsonp"}, std::optional<std::string>{"application/json-patch+json"}}) {
    const auto error = error_reading(json_request("{}", type));
    EXPECT_EQ(error.status(), 415) << type.value_or("(none)");
    EXPECT_EQ(error.code(), "unsupported_media_type");
  }
}

TEST(ReadJsonObject, MediaTypeIsCheckedBeforeTheBody) {
  EXPECT_EQ(error_reading(json_request("not json", "text/plain")).status(), 415);
}

TEST(ReadJsonObject, InvalidJsonIs400) {
  for (const auto* body : {"", "{", "{\"name\": }", "{'name': 1}", "{\"name\": 1} trailing", "\xff"}) {
    const auto error = error_reading(json_request(body));
    EXPECT_EQ(error.status(), 400) << body;
    EXPECT_EQ(error.code(), "validation_failed") << body;
  }
}

TEST(ReadJsonObject, NonObjectIs400) {
  for (const auto* body : {"[]", "null", "1", "\"text\"", "true"}) {
    const auto error = error_reading(json_request(body));
    EXPECT_EQ(error.status(), 400) << body;
    EXPECT_TRUE(error.details().empty()) << body;
  }
}

TEST(ReadJsonObject, UnknownMembersAre400ListingEachInOrder) {
  const auto error = error_reading(json_request(R"({"zeta": 1, "name": "x", "Groups": [], "alpha": null})"));
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.code(), "validation_failed");
  EXPECT_THAT(fields_of(error), ElementsAre("zeta", "Groups", "alpha"));
  EXPECT_EQ(error.details()[0].problem, "unknown field");
}

TEST(FieldProblems, EmptyDoesNotThrow) {
  FieldProblems problems;
  EXPECT_TRUE(problems.empty());
  EXPECT_NO_THROW(problems.throw_if_any());
}

TEST(FieldProblems, ThrowsEveryProblemWithTheMessage) {
  FieldProblems problems;
  problems.add("a", "bad");
  problems.add("b", "worse");
  const auto error = api_error_of([&] { problems.throw_if_any("Nope."); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_STREQ(error.what(), "Nope.");
  EXPECT_THAT(fields_of(error), ElementsAre("a", "b"));
}

TEST(FieldProblems, OptionalIntegerBounds) {
  FieldProblems problems;
  const boost::json::object body{
      {"low", 1},    {"high", 5},   {"under", 0},     {"over", 6}, {"big", std::uint64_t{1} << 63},
      {"text", "3"}, {"real", 3.0}, {"none", nullptr}};
  EXPECT_EQ(problems.optional_integer(body, "low", 1, 5), 1);
  EXPECT_EQ(problems.optional_integer(body, "high", 1, 5), 5);
  EXPECT_FALSE(problems.optional_integer(body, "missing", 1, 5));
  EXPECT_FALSE(problems.optional_integer(body, "none", 1, 5));
  EXPECT_TRUE(problems.empty());
  for (const auto* field : {"under", "over", "big", "text", "real"})
    EXPECT_FALSE(problems.optional_integer(body, field, 1, 5));
  const auto error = api_error_of([&] { problems.throw_if_any(); });
  EXPECT_THAT(fields_of(error), ElementsAre("under", "over", "big", "text", "real"));
  EXPECT_EQ(error.details()[0].problem, "must be an integer from 1 to 5");
}

TEST(FieldProblems, OptionalStringAndBool) {
  FieldProblems problems;
  const boost::json::object body{{"s", "abc"}, {"n", 1}, {"b", true}, {"bs", "true"}};
  EXPECT_EQ(problems.optional_string(body, "s", 3), "abc");
  EXPECT_EQ(problems.optional_bool(body, "b"), true);
  EXPECT_TRUE(problems.empty());
  EXPECT_FALSE(problems.optional_string(body, "s", 2));
  EXPECT_FALSE(problems.optional_string(body, "n", 10));
  EXPECT_FALSE(problems.optional_bool(body, "bs"));
  EXPECT_THAT(fields_of(api_error_of([&] { problems.throw_if_any(); })), ElementsAre("s", "n", "bs"));
}

}  // namespace
}  // namespace vka::api
