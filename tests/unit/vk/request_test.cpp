#include "vk/request.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace vka::vk {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

TEST(WallGet, SendsOwnerOffsetCountExtended) {
  EXPECT_EQ(
      wall_get(-12345, 200, 100),
      (Request{"wall.get", Params{{"owner_id", "-12345"}, {"offset", "200"}, {"count", "100"}, {"extended", "1"}}}));
}

TEST(WallGet, RejectsCountOutsideLimit) {
  EXPECT_THROW(wall_get(-1, 0, 101), std::invalid_argument);
  EXPECT_THROW(wall_get(-1, 0, 0), std::invalid_argument);
  EXPECT_THROW(wall_get(-1, -1, 10), std::invalid_argument);
}

TEST(WallGetComments, TopLevelPageHasFixedCollectorParams) {
  const Request r = wall_get_comments({.owner_id = -1, .post_id = 765, .offset = 100});
  EXPECT_EQ(r, (Request{"wall.getComments", Params{{"owner_id", "-1"},
                                                   {"post_id", "765"},
                                                   {"offset", "100"},
                                                   {"count", "100"},
                                                   {"sort", "asc"},
                                                   {"need_likes", "1"},
                                                   {"preview_length", "0"},
                                                   {"extended", "1"},
                                                   {"thread_items_count", "10"}}}));
}

TEST(WallGetComments, BranchAndResumeAnchor) {
  const Request r =
      wall_get_comments({.owner_id = -1, .post_id = 765, .comment_id = 766, .start_comment_id = 800, .offset = 1});
  EXPECT_EQ(r, (Request{"wall.getComments", Params{{"owner_id", "-1"},
                                                   {"post_id", "765"},
                                                   {"comment_id", "766"},
                                                   {"start_comment_id", "800"},
                                                   {"offset", "1"},
                                                   {"count", "100"},
                                                   {"sort", "asc"},
                                                   {"need_likes", "1"},
                                                   {"preview_length", "0"},
                                                   {"extended", "1"}}}));
}

TEST(WallGetComments, NegativeOffsetOnlyWithAnchor) {
  EXPECT_THROW(wall_get_comments({.owner_id = -1, .post_id = 1, .offset = -5}), std::invalid_argument);
  EXPECT_NO_THROW(wall_get_comments({.owner_id = -1, .post_id = 1, .start_comment_id = 9, .offset = -5}));
  EXPECT_THROW(wall_get_comments({.owner_id = -1, .post_id = 1, .thread_items_count = 11}), std::invalid_argument);
}

TEST(WallGetById, JoinsPostAddresses) {
  const std::vector<std::pair<std::int64_t, std::int64_t>> posts{{-1, 340364}, {5, 7}};
  EXPECT_EQ(wall_get_by_id(posts), (Request{"wall.getById", Params{{"posts", "-1_340364,5_7"}, {"extended", "1"}}}));
  EXPECT_THROW(wall_get_by_id(std::vector<std::pair<std::int64_t, std::int64_t>>(101, {-1, 1})), std::invalid_argument);
  EXPECT_THROW(wall_get_by_id({}), std::invalid_argument);
}

TEST(Lookups, GroupsUsersAndScreenNames) {
  const std::vector<std::string> groups{"1", "apiclub"};
  EXPECT_EQ(groups_get_by_id(groups),
            (Request{"groups.getById", Params{{"group_ids", "1,apiclub"}, {"fields", "members_count"}}}));
  EXPECT_THROW(groups_get_by_id(std::vector<std::string>(501, "x")), std::invalid_argument);
  const std::vector<std::int64_t> users{1, 2};
  EXPECT_EQ(users_get(users), (Request{"users.get", Params{{"user_ids", "1,2"}}}));
  EXPECT_THROW(users_get(std::vector<std::int64_t>(1001, 1)), std::invalid_argument);
  EXPECT_EQ(resolve_screen_name("apiclub"), (Request{"utils.resolveScreenName", Params{{"screen_name", "apiclub"}}}));
  EXPECT_THROW(resolve_screen_name(""), std::invalid_argument);
}

TEST(FormBody, EncodesParamsThenTokenAndVersion) {
  const Request r{"utils.resolveScreenName", Params{{"screen_name", "a b&c=d/é"}}};
  EXPECT_EQ(form_body(r, "tok+en", "5.199"), "screen_name=a+b%26c%3Dd%2F%C3%A9&access_token=tok%2Ben&v=5.199");
}

TEST(MethodUrl, AppendsMethodWithoutQuery) {
  EXPECT_EQ(method_url("https://api.vk.ru/method", wall_get(-1, 0)), "https://api.vk.ru/method/wall.get");
  EXPECT_EQ(method_url("http://127.0.0.1:8081/method/", wall_get(-1, 0)), "http://127.0.0.1:8081/method/wall.get");
}

TEST(Describe, RendersParamsWithoutTokenAndShortensLongValues) {
  EXPECT_EQ(describe(wall_get(-1, 0, 10)), "wall.get owner_id=-1 offset=0 count=10 extended=1");
  const std::string long_text = describe(Request{"execute", Params{{"code", std::string(500, 'x')}}});
  EXPECT_EQ(long_text, "execute code=" + std::string(80, 'x') + "…(500 bytes)");
}

}  // namespace
}  // namespace vka::vk
