// User accounts: admins manage everyone; each user changes their own password.
#include <boost/json/array.hpp>

#include "api/account_input.hpp"
#include "api/account_json.hpp"
#include "api/accounts.hpp"
#include "api/audit_trail.hpp"
#include "api/authenticated.hpp"
#include "api/idempotency.hpp"
#include "api/json_input.hpp"
#include "api/newest_first_cursor.hpp"
#include "api/query.hpp"
#include "api/routes.hpp"
#include "auth/password.hpp"
#include "auth/permissions.hpp"
#include "http/envelope.hpp"
#include "store/error.hpp"

namespace vka::api {

namespace {

constexpr std::string_view users_cursor_scope = "users:-created_at";

void require_user_manager(const auth::Principal& principal) {
  if (!auth::can_manage_users(principal)) throw http::forbidden("Only admins manage users.");
}

store::User existing_user(Services& services, std::string_view id) {
  auto user = services.store.users().get(id);
  if (!user) throw http::not_found("No user with this id.");
  return std::move(*user);
}

http::Response create_user(Services& services, http::Request& request, const auth::Principal& principal) {
  require_user_manager(principal);
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    const auto input = parse_new_user(
        read_json_object(request, {"username", "password", "role", "display_name", "must_change_password"}));
    const auto user = make_user(input, domain::now());
    try {
      services.store.write_together([&] {
        services.store.users().create(user);
        record_audit(services.store, request, principal, "user.created", user.id);
      });
    } catch (const store::StoreError& error) {
      if (error.kind() != store::StoreErrorKind::conflict) throw;
      throw http::conflict("A user with this username exists.");
    }
    auto response = http::envelope(request, 201, user_to_json(user));
    response.headers.set("Location", "/api/v1/users/" + user.id);
    return response;
  });
}

http::Response list_users(Services& services, http::Request& request, const auth::Principal& principal) {
  require_user_manager(principal);
  const QueryParams query{request};
  const int limit = query.limit();
  std::optional<store::UserCursor> after;
  if (auto position = read_newest_first_cursor(query, users_cursor_scope))
    after = store::UserCursor{position->created_at, std::move(position->id)};
  const auto page = services.store.users().list(after, limit);
  boost::json::array items;
  for (const auto& user : page.items) items.push_back(user_to_json(user));
  std::optional<NewestFirstPosition> next;
  if (page.next) next = NewestFirstPosition{page.next->created_at, page.next->id};
  boost::json::object meta{{"limit", limit}, {"next_cursor", next_cursor_json(users_cursor_scope, next)}};
  return http::envelope(request, 200, std::move(items), std::move(meta));
}

http::Response get_user(Services& services, http::Request& request, const auth::Principal& principal) {
  require_user_manager(principal);
  return http::envelope(request, 200, user_to_json(existing_user(services, request.path_param("id"))));
}

// An admin cannot lock themselves out: no disabling, demoting or deleting their own account.
void refuse_self_lockout(const auth::Principal& principal, const store::User& user, const UserChanges& changes) {
  if (principal.id != user.id) return;
  if (changes.disabled.value_or(false)) throw http::conflict("You cannot disable your own account.");
  if (changes.role && *changes.role != domain::Role::admin) throw http::conflict("You cannot demote yourself.");
}

http::Response patch_user(Services& services, http::Request& request, const auth::Principal& principal) {
  require_user_manager(principal);
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    auto user = existing_user(services, request.path_param("id"));
    const auto changes = parse_user_changes(
        read_json_object(request, {"role", "display_name", "disabled", "password", "must_change_password"}));
    refuse_self_lockout(principal, user, changes);
    if (changes.role) user.role = *changes.role;
    if (changes.display_name) user.display_name = *changes.display_name;
    if (changes.disabled) user.disabled = *changes.disabled;
    if (changes.must_change_password) user.must_change_password = *changes.must_change_password;
    if (changes.password) user.password_hash = auth::hash_password(*changes.password);
    const auto now = domain::now();
    services.store.write_together([&] {
      if (!services.store.users().update(user)) throw http::not_found("No user with this id.");
      if (user.disabled) cut_off(services.store, user.id, now);
      if (changes.password) services.store.sessions().remove_for_user(user.id);
      record_audit(services.store, request, principal, "user.updated", user.id);
      if (changes.password) record_audit(services.store, request, principal, "user.password_reset", user.id);
    });
    return http::envelope(request, 200, user_to_json(user));
  });
}

http::Response delete_user(Services& services, http::Request& request, const auth::Principal& principal) {
  require_user_manager(principal);
  const auto user = existing_user(services, request.path_param("id"));
  if (principal.id == user.id) throw http::conflict("You cannot delete your own account.");
  services.store.write_together([&] {
    cut_off(services.store, user.id, domain::now());
    if (!services.store.users().remove(user.id)) throw http::not_found("No user with this id.");
    record_audit(services.store, request, principal, "user.deleted", user.id);
  });
  return http::no_content();
}

// Needs the current password even within a session, so that a borrowed browser cannot take the account over.
http::Response change_own_password(Services& services, http::Request& request, const auth::Principal& principal) {
  auto user = services.store.users().get(principal.id);
  if (!user) throw http::forbidden("Only users have a password; API keys without an owner do not.");
  const auto change = parse_password_change(read_json_object(request, {"current_password", "new_password"}));
  if (!auth::verify_password(change.current_password, user->password_hash))
    throw http::validation_failed("The current password is wrong.", {{"current_password", "is not your password"}});
  user->password_hash = auth::hash_password(change.new_password);
  user->must_change_password = false;
  services.store.write_together([&] {
    services.store.users().update(*user);
    if (principal.credential == auth::CredentialKind::session)
      services.store.sessions().remove_for_user(user->id, principal.credential_id);
    else
      services.store.sessions().remove_for_user(user->id);
    record_audit(services.store, request, principal, "user.password_changed", user->id);
  });
  return http::no_content();
}

}  // namespace

void add_user_routes(http::Router& router, Services& services) {
  router.add("PATCH", "/api/v1/users/me/password", authenticated(services, change_own_password));
  router.add("POST", "/api/v1/users", authenticated(services, create_user));
  router.add("GET", "/api/v1/users", authenticated(services, list_users).taking({"cursor", "limit"}));
  router.add("GET", "/api/v1/users/{id}", authenticated(services, get_user));
  router.add("PATCH", "/api/v1/users/{id}", authenticated(services, patch_user));
  router.add("DELETE", "/api/v1/users/{id}", authenticated(services, delete_user));
}

}  // namespace vka::api
