#include "collect/convert.hpp"

#include <gtest/gtest.h>

#include "analyzer_fixture.hpp"

namespace vka::collect {
namespace {

TEST(Convert, AuthorsFromProfilesAndGroups) {
  const auto authors = authors_of({{7, "Иван", "Петров", std::nullopt}, {8, "Solo", "", std::nullopt}},
                                  {{42, "Клуб", "club", vk::GroupAccess::open, "page", std::nullopt, std::nullopt}});
  EXPECT_EQ(authors, (std::vector<domain::Author>{{7, "Иван Петров"}, {8, "Solo"}, {-42, "Клуб"}}));
}

TEST(Convert, PostAndCommunity) {
  vk::Post post;
  post.owner_id = -1;
  post.id = 5;
  post.from_id = -1;
  post.date = domain::from_unix(100);
  post.text = "t";
  post.is_pinned = true;
  post.likes = 3;
  post.views = 9;
  post.comments_count = 4;
  const domain::Post out = to_post(post);
  EXPECT_EQ(out.owner_id, -1);
  EXPECT_EQ(out.from_id, -1);
  EXPECT_TRUE(out.is_pinned);
  EXPECT_EQ(out.views, 9);
  EXPECT_EQ(out.comments_count, 4);
  const auto community =
      to_community({1, "VK API", "apiclub", vk::GroupAccess::private_, "page", std::string("banned"), 10});
  EXPECT_EQ(community.screen_name, "apiclub");
  EXPECT_EQ(community.is_closed, domain::CommunityAccess::private_);
  EXPECT_EQ(community.deactivated, "banned");
}

TEST(Convert, ReplyParentsAndAnalysis) {
  vk::Comment reply;
  reply.owner_id = -1;
  reply.post_id = 5;
  reply.id = 30;
  reply.from_id = 7;
  reply.text = "Котики прекрасны";
  reply.parents_stack = {10, 20};
  auto out = to_comment(reply, 10, testing::analyzer());
  EXPECT_EQ(out.parent_id, 20);  // the last of parents_stack without reply_to_comment
  EXPECT_EQ(out.thread_root_id, 10);
  EXPECT_TRUE(out.sentiment);
  EXPECT_NE(out.stems.find("котик"), std::string::npos);
  EXPECT_EQ(out.phrases, std::vector<std::string>{"котики прекрасны"});  // kept for analytics
  reply.reply_to_comment = 25;
  EXPECT_EQ(to_comment(reply, 10, testing::analyzer()).parent_id, 25);
  reply.parents_stack.clear();
  reply.reply_to_comment.reset();
  EXPECT_EQ(to_comment(reply, 10, testing::analyzer()).parent_id, 10);
  EXPECT_FALSE(to_comment(reply, std::nullopt, testing::analyzer()).parent_id);
}

}  // namespace
}  // namespace vka::collect
