#include "domain/post_ref.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vka::domain {
namespace {

using ::testing::HasSubstr;

struct Accepted {
  std::string input;
  PostRef expected;
};

class PostRefAccepts : public ::testing::TestWithParam<Accepted> {};

TEST_P(PostRefAccepts, Normalizes) {
  const auto result = parse_post_ref(GetParam().input);
  ASSERT_TRUE(result.has_value()) << result.error();
  EXPECT_EQ(*result, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, PostRefAccepts,
    ::testing::Values(Accepted{"-1_123", {-1, 123}}, Accepted{"wall-1_123", {-1, 123}},
                      Accepted{"WALL-1_123", {-1, 123}}, Accepted{"5_7", {5, 7}}, Accepted{" -1_2 ", {-1, 2}},
                      Accepted{"https://vk.com/wall-1_123", {-1, 123}}, Accepted{"vk.com/wall-1_123/", {-1, 123}},
                      Accepted{"https://m.vk.ru/wall-1_123?reply=5#x", {-1, 123}},
                      Accepted{"https://vk.com/apiclub?w=wall-1_123", {-1, 123}},
                      Accepted{"https://vk.com/apiclub?z=1&w=wall-22_33", {-22, 33}},
                      Accepted{"-9007199254740991_9007199254740991", {-9007199254740991, 9007199254740991}}));

struct Rejected {
  std::string input;
  std::string problem_part;
};

class PostRefRejects : public ::testing::TestWithParam<Rejected> {};

TEST_P(PostRefRejects, ExplainsWhy) {
  const auto result = parse_post_ref(GetParam().input);
  ASSERT_FALSE(result.has_value()) << "accepted";
  EXPECT_THAT(result.error(), HasSubstr(GetParam().problem_part));
}

INSTANTIATE_TEST_SUITE_P(Forms, PostRefRejects,
                         ::testing::Values(Rejected{"", "empty post reference"}, Rejected{"  ", "empty post reference"},
                                           Rejected{"-1", "'-1' is not a post reference (expected a post like -1_123"},
                                           Rejected{"-1_", "is not a post reference"},
                                           Rejected{"_5", "is not a post reference"},
                                           Rejected{"-1_123_456", "is not a post reference"},
                                           Rejected{"-1_abc", "is not a post"},
                                           Rejected{"0_5", "has an owner id that is not a valid id"},
                                           Rejected{"-1_0", "has a post id that is not a valid id"},
                                           Rejected{"-9007199254740992_1", "has an owner id that is out of range"},
                                           Rejected{"https://vk.com/apiclub", "links to a page, not to a post"},
                                           Rejected{"https://example.com/wall-1_2", "is not a link to vk.com"},
                                           Rejected{"https://vk.com/apiclub?w=photo-1_2", "is not a post reference"},
                                           Rejected{"https://vk.com/wall-1_2/x", "points inside a page"}));

TEST(NormalizePostRefs, CollapsesDuplicatesAndReportsIndexes) {
  const auto out = normalize_post_refs(
      {"-1_123", "https://vk.com/wall-1_123", "bad", "wall-1_124", "https://vk.com/apiclub?w=wall-1_123", "1_123"});
  EXPECT_EQ(out.refs, (std::vector<PostRef>{{-1, 123}, {-1, 124}, {1, 123}}));
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_EQ(out.problems[0].index, 2u);
  EXPECT_THAT(out.problems[0].problem, HasSubstr("'bad'"));
}

TEST(PostRefText, RendersIdAndUrlThatParseBack) {
  const PostRef post{-1, 123};
  EXPECT_EQ(to_string(post), "-1_123");
  EXPECT_EQ(post_url(post), "https://vk.com/wall-1_123");
  EXPECT_EQ(*parse_post_ref(post_url(post)), post);
  EXPECT_EQ(*parse_post_ref(to_string(post)), post);
}

TEST(CommentUrl, ReplyAndThread) {
  EXPECT_EQ(comment_url({-1, 123}, 456, std::nullopt), "https://vk.com/wall-1_123?reply=456");
  EXPECT_EQ(comment_url({-1, 123}, 457, 456), "https://vk.com/wall-1_123?reply=457&thread=456");
}

}  // namespace
}  // namespace vka::domain
