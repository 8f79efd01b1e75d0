#include "vk/execute.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace vka::vk {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

TEST(ExecuteCode, OneArrayElementPerCallInOrder) {
  const std::vector<Request> calls{wall_get(-1, 0, 2), resolve_screen_name("apiclub")};
  EXPECT_EQ(execute_code(calls), R"(return [API.wall.get({"owner_id":-1,"offset":0,"count":2,"extended":1}),)"
                                 R"(API.utils.resolveScreenName({"screen_name":"apiclub"})];)");
}

TEST(ExecuteCode, EscapesStringValues) {
  const std::vector<Request> calls{Request{"users.get", Params{{"user_ids",
                                                                "a\"b\\c\nd\x01\xE2\x80\xA8"
                                                                "é"}}}};
  EXPECT_EQ(execute_code(calls), R"(return [API.users.get({"user_ids":"a\"b\\c\nd\u0001\u2028é"})];)");
}

TEST(ExecuteCode, OnlyCanonicalIntegersAreBare) {
  const std::vector<Request> calls{
      Request{"users.get", Params{{"a", "007"}, {"b", "-0"}, {"c", "12345678901234567"}, {"d", "1e3"}, {"e", "-42"}}}};
  EXPECT_EQ(execute_code(calls),
            R"(return [API.users.get({"a":"007","b":-0,"c":"12345678901234567","d":"1e3","e":-42})];)");
}

TEST(ExecuteCode, RejectsBadBatchSizesAndNames) {
  EXPECT_THROW(execute_code({}), std::invalid_argument);
  EXPECT_THROW(execute_code(std::vector<Request>(26, wall_get(-1, 0))), std::invalid_argument);
  EXPECT_NO_THROW(execute_code(std::vector<Request>(25, wall_get(-1, 0))));
  const std::vector<Request> bad_method{Request{"wall.get({}),API.x", {}}};
  EXPECT_THROW(execute_code(bad_method), std::invalid_argument);
  const std::vector<Request> bad_key{Request{"wall.get", Params{{"a\"", "1"}}}};
  EXPECT_THROW(execute_code(bad_key), std::invalid_argument);
}

TEST(ExecuteRequest, CarriesCodeParam) {
  const std::vector<Request> calls{wall_get(-1, 0, 1)};
  const Request r = execute_request(calls);
  EXPECT_EQ(r.method, "execute");
  ASSERT_EQ(r.params.size(), 1u);
  EXPECT_EQ(r.params[0].first, "code");
  EXPECT_EQ(r.params[0].second, execute_code(calls));
}

}  // namespace
}  // namespace vka::vk
