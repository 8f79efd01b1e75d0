#include <gtest/gtest.h>

#include "fixture.hpp"
#include "vk/parse.hpp"

namespace vka::vk {
namespace {

using testing::read_fixture;
using testing::success_of;

TEST(SplitExecute, MatchesFalseEntriesToErrorsInOrder) {
  const Success success = success_of(read_fixture("execute_partial.json"));
  auto outcomes = split_execute(success, 4);
  ASSERT_TRUE(outcomes) << outcomes.error().to_string();
  ASSERT_EQ(outcomes->size(), 4u);

  ASSERT_TRUE(std::holds_alternative<Payload>((*outcomes)[0]));
  auto first = parse_wall_get_comments(std::get<Payload>((*outcomes)[0]));
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(first->count, 120);

  ASSERT_TRUE(std::holds_alternative<ApiError>((*outcomes)[1]));
  EXPECT_EQ(std::get<ApiError>((*outcomes)[1]).code, 212);
  EXPECT_EQ(std::get<ApiError>((*outcomes)[1]).method, "wall.getComments");

  ASSERT_TRUE(std::holds_alternative<Payload>((*outcomes)[2]));
  ASSERT_TRUE(std::holds_alternative<ApiError>((*outcomes)[3]));
  EXPECT_EQ(std::get<ApiError>((*outcomes)[3]).code, 15);
}

TEST(SplitExecute, InnerResultErrorsNameTheirPosition) {
  const Success success = success_of(R"({"response": [{"count": 1, "items": []}, {"count": "x", "items": []}]})");
  auto outcomes = split_execute(success, 2);
  ASSERT_TRUE(outcomes);
  auto second = parse_wall_get_comments(std::get<Payload>((*outcomes)[1]));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().to_string(), "response[1].count: expected an integer, got a string");
}

TEST(SplitExecute, FalseWithoutErrorEntryBecomesRetryableUnknownError) {
  const Success success = success_of(R"({"response": [false, false], "execute_errors": [{"error_code": 212}]})");
  auto outcomes = split_execute(success, 2);
  ASSERT_TRUE(outcomes);
  EXPECT_EQ(std::get<ApiError>((*outcomes)[0]).code, 212);
  EXPECT_EQ(std::get<ApiError>((*outcomes)[1]).code, 1);
}

TEST(SplitExecute, WrongResultCountIsRejected) {
  const Success success = success_of(R"({"response": [1, 2]})");
  auto outcomes = split_execute(success, 3);
  ASSERT_FALSE(outcomes);
  EXPECT_EQ(outcomes.error().to_string(), "response: expected 3 results, got 2");
}

TEST(SplitExecute, NonArrayResponseIsRejected) {
  const Success success = success_of(R"({"response": 1})");
  auto outcomes = split_execute(success, 1);
  ASSERT_FALSE(outcomes);
  EXPECT_EQ(outcomes.error().to_string(), "response: expected an array, got an integer");
}

}  // namespace
}  // namespace vka::vk
