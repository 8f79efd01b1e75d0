// Read-only shares of a task with users, managed by the task's owner or an admin.
#include <boost/json/array.hpp>

#include "api/audit_trail.hpp"
#include "api/authenticated.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "auth/permissions.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

// 404 when the caller cannot see the task, 403 when they may see it but not share it.
domain::Task shareable_task(Services& services, const http::Request& request, const auth::Principal& principal) {
  auto task = visible_task(services, principal, request.path_param("id"));
  if (!auth::can_share_task(principal, task.owner))
    throw http::forbidden("Only the task's owner or an admin shares it.");
  return task;
}

http::Response put_share(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = shareable_task(services, request, principal);
  const auto user = services.store.users().get(request.path_param("user_id"));
  if (!user) throw http::not_found("No user with this id.");
  services.store.write_together([&] {
    if (services.store.shares().add({task.id, user->id, domain::now()}))
      record_audit(services.store, request, principal, "share.created", task.id + "/" + user->id);
  });
  return http::no_content();
}

http::Response delete_share(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = shareable_task(services, request, principal);
  const auto user_id = std::string{request.path_param("user_id")};
  services.store.write_together([&] {
    if (!services.store.shares().remove(task.id, user_id))
      throw http::not_found("The task is not shared with this user.");
    record_audit(services.store, request, principal, "share.deleted", task.id + "/" + user_id);
  });
  return http::no_content();
}

http::Response list_shares(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = shareable_task(services, request, principal);
  boost::json::array items;
  for (const auto& share : services.store.shares().list(task.id)) {
    const auto user = services.store.users().get(share.user_id);
    if (!user) continue;  // deleted meanwhile; its shares went with it
    items.push_back({{"user_id", user->id},
                     {"username", user->username},
                     {"display_name", user->display_name},
                     {"role", domain::to_string(user->role)},
                     {"shared_at", domain::format_rfc3339(share.created_at)}});
  }
  return http::envelope(request, 200, std::move(items));
}

}  // namespace

void add_share_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/shares", authenticated(services, list_shares));
  router.add("PUT", "/api/v1/tasks/{id}/shares/{user_id}", authenticated(services, put_share));
  router.add("DELETE", "/api/v1/tasks/{id}/shares/{user_id}", authenticated(services, delete_share));
}

}  // namespace vka::api
