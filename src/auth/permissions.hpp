#pragma once
// What each role may do. Admins may do everything; analysts work on their own tasks and VK
// tokens; viewers only read. Handlers answer 404 (not 403) when a task is not visible, so that
// its existence does not leak.
#include <string_view>

#include "auth/principal.hpp"

namespace vka::auth {

// Configuration: whether viewers read every task or only those shared with them.
enum class ViewerScope { shared_only, all_tasks };

struct TaskAccess {
  std::string_view owner;              // Principal::id of the creator
  bool shared_with_principal = false;  // explicitly shared with the caller
};

bool can_see_task(const Principal& who, const TaskAccess& task, ViewerScope viewers);
bool can_change_task(const Principal& who, std::string_view task_owner);  // pause, resume, cancel, delete
bool can_create_tasks(const Principal& who);
bool can_share_task(const Principal& who, std::string_view task_owner);  // add, remove or list its shares

bool can_manage_vk_tokens(const Principal& who);                            // add or list one's own
bool can_use_vk_token(const Principal& who, std::string_view token_owner);  // also delete it

bool can_manage_keys(const Principal& who);  // create or revoke API keys of anyone
bool can_manage_users(const Principal& who);
bool can_read_audit(const Principal& who);

}  // namespace vka::auth
