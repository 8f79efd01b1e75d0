#include <gtest/gtest.h>

#include "fixture.hpp"
#include "vk/parse.hpp"

namespace vka::vk {
namespace {

using testing::error_of;
using testing::read_fixture;
using testing::success_of;

TEST(ParseWallGet, ReadsPostsProfilesAndGroups) {
  auto page = parse_wall_get(success_of(read_fixture("wall_get.json")).response);
  ASSERT_TRUE(page) << page.error().to_string();
  EXPECT_EQ(page->count, 1523);
  ASSERT_EQ(page->items.size(), 2u);
  const Post& pinned = page->items[0];
  EXPECT_EQ(pinned.id, 48210);
  EXPECT_EQ(pinned.owner_id, -12345);
  EXPECT_EQ(pinned.from_id, -12345);
  EXPECT_EQ(domain::to_unix(pinned.date), 1717000000);
  EXPECT_EQ(pinned.text, "Закреплённый пост");
  EXPECT_TRUE(pinned.is_pinned);
  EXPECT_EQ(pinned.likes, 340);
  EXPECT_EQ(pinned.reposts, 5);
  EXPECT_EQ(pinned.views, 10234);
  EXPECT_EQ(pinned.comments_count, 12);
  EXPECT_EQ(pinned.can_post_comments, true);
  EXPECT_EQ(pinned.attachment_types, (std::vector<std::string>{"photo", "link"}));
  const Post& repost = page->items[1];
  EXPECT_FALSE(repost.is_pinned);
  EXPECT_EQ(repost.post_type, "copy");
  EXPECT_EQ(repost.views, std::nullopt);
  EXPECT_EQ(repost.can_post_comments, false);
  EXPECT_TRUE(repost.attachment_types.empty());
  ASSERT_EQ(page->profiles.size(), 1u);
  EXPECT_EQ(page->profiles[0], (User{551166716, "Анна", "Петрова", std::nullopt}));
  ASSERT_EQ(page->groups.size(), 1u);
  EXPECT_EQ(page->groups[0].screen_name, "testclub");
}

TEST(ParseWallGet, MissingRequiredFieldNamesItsPath) {
  const auto error = error_of(R"({"response": {"count": 2, "items": [
      {"id": 1, "owner_id": -1, "from_id": -1, "date": 5},
      {"id": 2, "owner_id": -1, "from_id": -1}]}})",
                              parse_wall_get);
  EXPECT_EQ(error.path, "response.items[1].date");
  EXPECT_EQ(error.problem, "required field is missing");
  EXPECT_FALSE(error.syntax);
}

TEST(ParseWallGet, WrongTypeNamesItsPath) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "from_id": -1, "date": "yesterday"}]}})",
                              parse_wall_get);
  EXPECT_EQ(error.to_string(), "response.items[0].date: expected an integer, got a string");
}

TEST(ParseWallGet, NullRequiredFieldIsRejected) {
  const auto error = error_of(R"({"response": {"count": null, "items": []}})", parse_wall_get);
  EXPECT_EQ(error.path, "response.count");
  EXPECT_EQ(error.problem, "required field is null");
}

TEST(ParseWallGet, LikesWithoutCountIsRejected) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "from_id": -1, "date": 5, "likes": {"user_likes": 0}}]}})",
                              parse_wall_get);
  EXPECT_EQ(error.path, "response.items[0].likes.count");
}

TEST(ParseWallGet, FlagOutsideZeroOneIsRejected) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "from_id": -1, "date": 5, "is_pinned": 2}]}})",
                              parse_wall_get);
  EXPECT_EQ(error.to_string(), "response.items[0].is_pinned: expected 0 or 1, got 2");
}

TEST(ParseWallGet, FractionalIdIsRejected) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1.5, "owner_id": -1, "from_id": -1, "date": 5}]}})",
                              parse_wall_get);
  EXPECT_EQ(error.to_string(), "response.items[0].id: expected an integer, got a fractional number");
}

TEST(ParseWallGet, ItemsMustBeAnArray) {
  const auto error = error_of(R"({"response": {"count": 1, "items": {}}})", parse_wall_get);
  EXPECT_EQ(error.to_string(), "response.items: expected an array, got an object");
}

TEST(ParseWallGet, AttachmentWithoutTypeIsRejected) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "from_id": -1, "date": 5, "attachments": [{"photo": {}}]}]}})",
                              parse_wall_get);
  EXPECT_EQ(error.path, "response.items[0].attachments[0].type");
}

TEST(ParseWallGetById, ReadsItemsShape) {
  auto list = parse_wall_get_by_id(success_of(read_fixture("wall_get_by_id.json")).response);
  ASSERT_TRUE(list) << list.error().to_string();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id, 340364);
  EXPECT_EQ(list->items[0].views, 50);
  EXPECT_EQ(list->items[0].post_type, "post");
  ASSERT_EQ(list->groups.size(), 1u);
  EXPECT_EQ(list->groups[0].type, "page");
}

TEST(ParseWallGetById, AcceptsOlderBareArray) {
  auto list = parse_wall_get_by_id(success_of(read_fixture("wall_get_by_id_array.json")).response);
  ASSERT_TRUE(list) << list.error().to_string();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].text, "hello");
  EXPECT_EQ(list->items[0].post_type, "post");
}

TEST(ParseWallGetById, ObjectWithoutItemsIsRejected) {
  const auto error = error_of(R"({"response": {"posts": []}})", parse_wall_get_by_id);
  EXPECT_EQ(error.path, "response.items");
}

TEST(ParseWallGetComments, ReadsTopLevelInlineRepliesAndTombstones) {
  auto page = parse_wall_get_comments(success_of(read_fixture("wall_get_comments.json")).response);
  ASSERT_TRUE(page) << page.error().to_string();
  EXPECT_EQ(page->count, 17);
  EXPECT_EQ(page->current_level_count, 17);
  ASSERT_EQ(page->items.size(), 3u);

  const Comment& first = page->items[0];
  EXPECT_EQ(first.id, 766);
  EXPECT_EQ(first.owner_id, -12345);
  EXPECT_EQ(first.post_id, 765);
  EXPECT_EQ(first.from_id, 551166716);
  EXPECT_EQ(first.text, "Первый комментарий");
  EXPECT_EQ(first.likes, 2);
  EXPECT_FALSE(first.deleted);
  EXPECT_TRUE(first.parents_stack.empty());
  EXPECT_EQ(first.thread.count, 14);
  ASSERT_EQ(first.thread.items.size(), 1u);
  const Comment& reply = first.thread.items[0];
  EXPECT_EQ(reply.id, 770);
  EXPECT_EQ(reply.parents_stack, (std::vector<std::int64_t>{766}));
  EXPECT_EQ(reply.reply_to_comment, 766);
  EXPECT_EQ(reply.reply_to_user, 551166716);

  const Comment& tombstone = page->items[1];
  EXPECT_TRUE(tombstone.deleted);
  EXPECT_EQ(tombstone.id, 771);
  EXPECT_EQ(tombstone.from_id, 0);
  EXPECT_EQ(tombstone.text, "");
  EXPECT_EQ(tombstone.thread.count, 1);

  EXPECT_EQ(page->items[2].from_id, -12345);
  EXPECT_EQ(page->profiles.size(), 2u);
  EXPECT_EQ(page->groups.size(), 1u);
}

TEST(ParseWallGetComments, ReadsReplyBranch) {
  auto page = parse_wall_get_comments(success_of(read_fixture("wall_get_comments_branch.json")).response);
  ASSERT_TRUE(page) << page.error().to_string();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[1].reply_to_comment, 770);
  EXPECT_EQ(page->items[1].likes, 3);
}

TEST(ParseWallGetComments, TextsLoseTheNulCharacter) {
  auto page = parse_wall_get_comments(success_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "post_id": 2, "from_id": 3, "date": 4, "text": "до\u0000после\u0000"}],
      "profiles": [{"id": 3, "first_name": "Ан\u0000на", "last_name": ""}]}})")
                                          .response);
  ASSERT_TRUE(page) << page.error().to_string();
  EXPECT_EQ(page->items[0].text, "допосле");
  EXPECT_EQ(page->profiles[0].first_name, "Анна");
}

TEST(ParseWallGetComments, LiveCommentWithoutTextIsRejected) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "post_id": 2, "from_id": 3, "date": 4}]}})",
                              parse_wall_get_comments);
  EXPECT_EQ(error.path, "response.items[0].text");
}

TEST(ParseWallGetComments, BadInlineReplyNamesNestedPath) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "post_id": 2, "from_id": 3, "date": 4, "text": "",
       "thread": {"count": 1, "items": [{"id": 5, "owner_id": -1, "post_id": 2, "from_id": 3, "date": 4,
                                        "text": "", "parents_stack": [1, "x"]}]}}]}})",
                              parse_wall_get_comments);
  EXPECT_EQ(error.to_string(), "response.items[0].thread.items[0].parents_stack[1]: expected an integer, got a string");
}

TEST(ParseWallGetComments, ThreadWithoutCountIsRejected) {
  const auto error = error_of(R"({"response": {"count": 1, "items": [
      {"id": 1, "owner_id": -1, "post_id": 2, "from_id": 3, "date": 4, "text": "", "thread": {"items": []}}]}})",
                              parse_wall_get_comments);
  EXPECT_EQ(error.path, "response.items[0].thread.count");
}

}  // namespace
}  // namespace vka::vk
