#include "auth/permissions.hpp"

#include <gtest/gtest.h>

namespace vka::auth {
namespace {

using domain::Role;

const Principal admin{"k_admin", Role::admin, "root"};
const Principal alice{"u_alice", Role::analyst, "Alice"};
const Principal bob{"u_bob", Role::analyst, "Bob"};
const Principal viewer{"u_view", Role::viewer, "Vera"};

TEST(Permissions, TaskVisibility) {
  const TaskAccess alices{"u_alice"};
  const TaskAccess alices_shared{"u_alice", true};
  EXPECT_TRUE(can_see_task(admin, alices, ViewerScope::shared_only));
  EXPECT_TRUE(can_see_task(alice, alices, ViewerScope::shared_only));
  EXPECT_FALSE(can_see_task(bob, alices, ViewerScope::all_tasks));
  EXPECT_TRUE(can_see_task(bob, alices_shared, ViewerScope::shared_only));
  EXPECT_FALSE(can_see_task(viewer, alices, ViewerScope::shared_only));
  EXPECT_TRUE(can_see_task(viewer, alices_shared, ViewerScope::shared_only));
  EXPECT_TRUE(can_see_task(viewer, alices, ViewerScope::all_tasks));
}

TEST(Permissions, AnEmptyIdOwnsNothing) {
  const Principal anonymous{"", Role::analyst, "?"};
  EXPECT_FALSE(can_see_task(anonymous, TaskAccess{""}, ViewerScope::shared_only));
  EXPECT_FALSE(can_change_task(anonymous, ""));
}

TEST(Permissions, OnlyOwnersAndAdminsChangeTasks) {
  EXPECT_TRUE(can_change_task(admin, "u_alice"));
  EXPECT_TRUE(can_change_task(alice, "u_alice"));
  EXPECT_FALSE(can_change_task(bob, "u_alice"));
  // Even a viewer who somehow owns a task (e.g. demoted analyst) only reads it.
  EXPECT_FALSE(can_change_task(Principal{"u_view", Role::viewer, "Vera"}, "u_view"));
}

TEST(Permissions, ViewersCreateNothing) {
  EXPECT_TRUE(can_create_tasks(admin));
  EXPECT_TRUE(can_create_tasks(alice));
  EXPECT_FALSE(can_create_tasks(viewer));
  EXPECT_TRUE(can_manage_vk_tokens(alice));
  EXPECT_FALSE(can_manage_vk_tokens(viewer));
}

TEST(Permissions, VkTokensBelongToTheirOwner) {
  EXPECT_TRUE(can_use_vk_token(alice, "u_alice"));
  EXPECT_FALSE(can_use_vk_token(bob, "u_alice"));
  EXPECT_TRUE(can_use_vk_token(admin, "u_alice"));
  EXPECT_FALSE(can_use_vk_token(viewer, "u_view"));
}

TEST(Permissions, OnlyAdminsManageKeysAndUsers) {
  EXPECT_TRUE(can_manage_keys(admin));
  EXPECT_TRUE(can_manage_users(admin));
  for (const auto& who : {alice, viewer}) {
    EXPECT_FALSE(can_manage_keys(who));
    EXPECT_FALSE(can_manage_users(who));
  }
}

}  // namespace
}  // namespace vka::auth
