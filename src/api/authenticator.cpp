#include "api/authenticator.hpp"

#include <algorithm>
#include <array>

#include "http/api_error.hpp"
#include "http/cookies.hpp"

namespace vka::api {

namespace {

constexpr std::chrono::seconds last_use_resolution{60};

bool is_unsafe(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// What a user who must change their password may still do.
constexpr std::array<std::string_view, 3> password_change_routes{"/api/v1/auth/session", "/api/v1/auth/logout",
                                                                 "/api/v1/users/me/password"};

}  // namespace

domain::Role lesser_role(domain::Role a, domain::Role b) { return std::max(a, b); }  // admin < analyst < viewer

http::ApiError csrf_failed() {
  return http::ApiError{403, "csrf_failed", "This request needs the session's CSRF token in X-CSRF-Token."};
}

Authenticator::Authenticator(store::Store& store, auth::ApiKeyHasher hasher, Sessions& sessions,
                             std::optional<auth::BootstrapAdminKey> bootstrap_admin, auth::ViewerScope viewer_scope)
    : store_(store),
      hasher_(std::move(hasher)),
      sessions_(sessions),
      bootstrap_admin_(std::move(bootstrap_admin)),
      viewer_scope_(viewer_scope) {}

auth::Principal Authenticator::authenticate(const http::Request& request) const {
  const auto header = request.headers.get("Authorization");
  if (!header) return by_session(request);
  constexpr std::string_view scheme = "bearer ";
  if (header->size() <= scheme.size() || !http::iequals(header->substr(0, scheme.size()), scheme))
    throw http::unauthorized("Use 'Authorization: Bearer <API key>'.");
  return by_api_key(header->substr(scheme.size()));
}

// A key that belongs to a user acts as that user (their tasks, shares and tokens), with the lesser of the
// key's and the user's roles, and only while the user is enabled.
auth::Principal Authenticator::by_api_key(std::string_view credential) const {
  if (bootstrap_admin_ && bootstrap_admin_->matches(credential))
    return {std::string{bootstrap_admin_id}, domain::Role::admin, "bootstrap admin", auth::CredentialKind::api_key,
            std::string{bootstrap_key_id}};
  const auto now = domain::now();
  if (auth::looks_like_api_key(credential))
    if (const auto key = store_.api_keys().find_by_hash(hasher_.hash(credential));
        key && (!key->expires_at || *key->expires_at > now)) {
      auth::Principal principal{key->id, key->role, key->name, auth::CredentialKind::api_key, key->id};
      if (key->owner_id) {
        const auto owner = store_.users().get(*key->owner_id);
        if (!owner || owner->disabled) throw http::unauthorized("The API key is not valid.");
        principal.id = owner->id;
        principal.role = lesser_role(principal.role, owner->role);
      }
      store_.api_keys().mark_used(key->id, now, last_use_resolution);
      return principal;
    }
  throw http::unauthorized("The API key is not valid.");
}

auth::Principal Authenticator::by_session(const http::Request& request) const {
  if (!http::cookie(request, session_cookie_name)) throw http::unauthorized();
  const auto session = sessions_.resume(request, domain::now());
  if (!session) throw http::unauthorized("The session has ended; sign in again.");
  if (is_unsafe(request.method)) {
    const auto token = request.headers.get("X-CSRF-Token");
    if (!token || !sessions_.csrf_matches(request, *token)) throw csrf_failed();
  }
  if (session->user.must_change_password && std::find(password_change_routes.begin(), password_change_routes.end(),
                                                      request.route) == password_change_routes.end())
    throw http::forbidden("Change your password first (PATCH /api/v1/users/me/password).");
  return {session->user.id, session->user.role, session->user.display_name, auth::CredentialKind::session,
          session->id_hash};
}

}  // namespace vka::api
