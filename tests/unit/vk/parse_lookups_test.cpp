#include <gtest/gtest.h>

#include "fixture.hpp"
#include "vk/parse.hpp"

namespace vka::vk {
namespace {

using testing::error_of;
using testing::read_fixture;
using testing::success_of;

TEST(ParseGroupsGetById, ReadsObjectShape) {
  auto groups = parse_groups_get_by_id(success_of(read_fixture("groups_get_by_id.json")).response);
  ASSERT_TRUE(groups) << groups.error().to_string();
  ASSERT_EQ(groups->size(), 3u);
  EXPECT_EQ((*groups)[0], (Group{1, "VK API", "apiclub", GroupAccess::open, "page", std::nullopt, 1500000}));
  EXPECT_EQ((*groups)[1].is_closed, GroupAccess::private_);
  EXPECT_EQ((*groups)[1].members_count, std::nullopt);
  EXPECT_EQ((*groups)[2].deactivated, "deleted");
}

TEST(ParseGroupsGetById, AcceptsOlderBareArray) {
  auto groups = parse_groups_get_by_id(success_of(read_fixture("groups_get_by_id_array.json")).response);
  ASSERT_TRUE(groups) << groups.error().to_string();
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].screen_name, "apiclub");
}

TEST(ParseGroupsGetById, IsClosedOutOfRangeIsRejected) {
  const auto error = error_of(R"({"response": {"groups": [
      {"id": 1, "name": "n", "screen_name": "s", "is_closed": 3, "type": "group"}]}})",
                              parse_groups_get_by_id);
  EXPECT_EQ(error.to_string(), "response.groups[0].is_closed: expected 0, 1 or 2, got 3");
}

TEST(ParseGroupsGetById, ScalarResponseIsRejected) {
  const auto error = error_of(R"({"response": 1})", parse_groups_get_by_id);
  EXPECT_EQ(error.to_string(), "response: expected an object, got an integer");
}

TEST(ParseResolveScreenName, ReadsObject) {
  auto name = parse_resolve_screen_name(success_of(read_fixture("resolve_screen_name.json")).response);
  ASSERT_TRUE(name) << name.error().to_string();
  EXPECT_EQ(*name, (ResolvedName{"group", 1}));
}

TEST(ParseResolveScreenName, EmptyArrayMeansNotFound) {
  auto name = parse_resolve_screen_name(success_of(read_fixture("resolve_screen_name_not_found.json")).response);
  ASSERT_TRUE(name) << name.error().to_string();
  EXPECT_EQ(*name, std::nullopt);
}

TEST(ParseResolveScreenName, NonEmptyArrayIsRejected) {
  const auto error = error_of(R"({"response": [1]})", parse_resolve_screen_name);
  EXPECT_EQ(error.to_string(), "response: expected an object or an empty array");
}

TEST(ParseResolveScreenName, MissingObjectIdIsRejected) {
  const auto error = error_of(R"({"response": {"type": "user"}})", parse_resolve_screen_name);
  EXPECT_EQ(error.path, "response.object_id");
}

TEST(ParseUsersGet, ReadsUsersAndDeactivated) {
  auto users = parse_users_get(success_of(read_fixture("users_get.json")).response);
  ASSERT_TRUE(users) << users.error().to_string();
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0], (User{1, "Павел", "Дуров", std::nullopt}));
  EXPECT_EQ((*users)[1].deactivated, "deleted");
}

TEST(ParseUsersGet, ObjectInsteadOfArrayIsRejected) {
  const auto error = error_of(R"({"response": {"items": []}})", parse_users_get);
  EXPECT_EQ(error.to_string(), "response: expected an array, got an object");
}

TEST(ParseUsersGet, IdOutOfRangeIsRejected) {
  const auto error =
      error_of(R"({"response": [{"id": 18446744073709551615, "first_name": "a", "last_name": "b"}]})", parse_users_get);
  EXPECT_EQ(error.to_string(), "response[0].id: integer out of range");
}

}  // namespace
}  // namespace vka::vk
