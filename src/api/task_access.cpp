#include "api/task_access.hpp"

#include "auth/permissions.hpp"
#include "http/api_error.hpp"

namespace vka::api {

domain::Task visible_task(Services& services, const auth::Principal& principal, std::string_view id) {
  auto task = services.store.tasks().get(id);
  if (!task) throw http::not_found("No task with this id.");
  require_visible(services, principal, id, task->owner);
  return std::move(*task);
}

void require_visible(Services& services, const auth::Principal& principal, std::string_view id,
                     std::string_view owner) {
  auth::TaskAccess access{owner};
  access.shared_with_principal = principal.role != domain::Role::admin && owner != principal.id &&
                                 services.store.shares().contains(id, principal.id);
  if (!auth::can_see_task(principal, access, services.authenticator.viewer_scope()))
    throw http::not_found("No task with this id.");
}

void require_task_changer(const auth::Principal& principal, const domain::Task& task) {
  if (!auth::can_change_task(principal, task.owner)) throw http::forbidden("You may read this task but not change it.");
}

bool sees_every_task(const Services& services, const auth::Principal& principal) {
  return principal.role == domain::Role::admin ||
         (principal.role == domain::Role::viewer &&
          services.authenticator.viewer_scope() == auth::ViewerScope::all_tasks);
}

}  // namespace vka::api
