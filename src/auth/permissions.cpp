#include "auth/permissions.hpp"

namespace vka::auth {

namespace {
bool is_admin(const Principal& who) { return who.role == Role::admin; }
bool owns(const Principal& who, std::string_view owner) { return !who.id.empty() && who.id == owner; }
}  // namespace

bool can_see_task(const Principal& who, const TaskAccess& task, ViewerScope viewers) {
  if (is_admin(who) || owns(who, task.owner) || task.shared_with_principal) return true;
  return who.role == Role::viewer && viewers == ViewerScope::all_tasks;
}

bool can_change_task(const Principal& who, std::string_view task_owner) {
  return is_admin(who) || (who.role == Role::analyst && owns(who, task_owner));
}

bool can_create_tasks(const Principal& who) { return who.role != Role::viewer; }

bool can_share_task(const Principal& who, std::string_view task_owner) { return can_change_task(who, task_owner); }

bool can_manage_vk_tokens(const Principal& who) { return who.role != Role::viewer; }

bool can_use_vk_token(const Principal& who, std::string_view token_owner) {
  return is_admin(who) || (who.role == Role::analyst && owns(who, token_owner));
}

bool can_manage_keys(const Principal& who) { return is_admin(who); }

bool can_manage_users(const Principal& who) { return is_admin(who); }

bool can_read_audit(const Principal& who) { return is_admin(who); }

}  // namespace vka::auth
