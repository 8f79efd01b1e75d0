// Signing in and out of browser sessions.
#include "api/account_input.hpp"
#include "api/account_json.hpp"
#include "api/audit_trail.hpp"
#include "api/authenticated.hpp"
#include "api/json_input.hpp"
#include "api/login_throttle.hpp"
#include "api/routes.hpp"
#include "auth/api_key.hpp"
#include "auth/password.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

// Verified in place of a missing user's hash, so that an unknown username costs the same time as a wrong
// password.
const std::string& decoy_hash() {
  static const std::string hash = auth::hash_password(auth::generate_api_key());
  return hash;
}

boost::json::object session_json(const store::User& user, const std::string& csrf_token, domain::Timestamp expires_at) {
  return {{"user", user_to_json(user)}, {"csrf_token", csrf_token}, {"expires_at", domain::format_rfc3339(expires_at)}};
}

void require_session(const auth::Principal& principal) {
  if (principal.credential != auth::CredentialKind::session) throw http::unauthorized("There is no session.");
}

http::Response login(Services& services, http::Request& request) {
  const auto input = parse_login(read_json_object(request, {"username", "password"}));
  const auto now = domain::now();
  auto& store = services.store;
  check_login_throttle(store.audit(), input.username, request.remote_address, now);
  auto user = store.users().find_by_username(input.username);
  const bool password_ok = auth::verify_password(input.password, user ? user->password_hash : decoy_hash());
  if (!user || !password_ok || user->disabled) {
    const std::string actor_id = user ? user->id : "";
    record_audit(store, request, {user ? "user" : "system", actor_id}, "auth.login_failed", input.username);
    throw http::unauthorized("The username or the password is wrong.");
  }
  if (auth::needs_rehash(user->password_hash)) user->password_hash = auth::hash_password(input.password);
  user->last_login_at = now;
  OpenedSession session;
  store.write_together([&] {
    store.users().update(*user);
    session = services.authenticator.sessions().open(user->id, now);
    record_audit(store, request, {"user", user->id}, "auth.login", user->id);
  });
  auto response = http::envelope(request, 200, session_json(*user, session.csrf_token, session.expires_at));
  response.headers.add("Set-Cookie", services.authenticator.sessions().cookie_for(session));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response current_session(Services& services, http::Request& request, const auth::Principal& principal) {
  require_session(principal);
  auto& sessions = services.authenticator.sessions();
  const auto session = sessions.resume(request, domain::now());
  if (!session) throw http::unauthorized("The session has ended; sign in again.");
  auto response =
      http::envelope(request, 200, session_json(session->user, sessions.csrf_token(request), session->expires_at));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

// With an API key there is no session to end; the answer is the same.
http::Response logout(Services& services, http::Request& request, const auth::Principal& principal) {
  auto& store = services.store;
  if (principal.credential == auth::CredentialKind::session)
    store.write_together([&] {
      store.sessions().remove(principal.credential_id);
      record_audit(store, request, principal, "auth.logout", principal.id);
    });
  auto response = http::no_content();
  response.headers.add("Set-Cookie", services.authenticator.sessions().cleared_cookie());
  return response;
}

}  // namespace

void add_auth_routes(http::Router& router, Services& services) {
  router.add("POST", "/api/v1/auth/login", [&services](http::Request& request) { return login(services, request); });
  router.add("GET", "/api/v1/auth/session", authenticated(services, current_session));
  router.add("POST", "/api/v1/auth/logout", authenticated(services, logout));
}

}  // namespace vka::api
