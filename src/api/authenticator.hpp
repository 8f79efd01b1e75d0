#pragma once
// Who is calling: "Authorization: Bearer <API key>" checked against the bootstrap admin key and the
// stored (hashed) API keys, else the session cookie, which unsafe methods must back with X-CSRF-Token.
#include <optional>

#include "api/sessions.hpp"
#include "auth/api_key.hpp"
#include "auth/permissions.hpp"
#include "auth/role.hpp"
#include "http/api_error.hpp"
#include "http/message.hpp"
#include "store/store.hpp"

namespace vka::api {

class Authenticator {
 public:
  Authenticator(store::Store& store, auth::ApiKeyHasher hasher, Sessions& sessions,
                std::optional<auth::BootstrapAdminKey> bootstrap_admin, auth::ViewerScope viewer_scope);

  // Throws 401 unauthorized when there is no valid credential, 403 csrf_failed when a cookie-authenticated
  // unsafe request lacks the session's CSRF token, and 403 forbidden when the user must first change their
  // password and the request is not about that.
  auth::Principal authenticate(const http::Request& request) const;
  auth::ViewerScope viewer_scope() const { return viewer_scope_; }
  Sessions& sessions() const { return sessions_; }
  const auth::ApiKeyHasher& key_hasher() const { return hasher_; }

 private:
  auth::Principal by_api_key(std::string_view credential) const;
  auth::Principal by_session(const http::Request& request) const;

  store::Store& store_;
  auth::ApiKeyHasher hasher_;
  Sessions& sessions_;
  std::optional<auth::BootstrapAdminKey> bootstrap_admin_;
  auth::ViewerScope viewer_scope_;
};

auth::Role to_auth_role(store::ApiKeyRole role);
store::ApiKeyRole to_store_role(auth::Role role);
// The less privileged of two roles.
auth::Role lesser_role(auth::Role a, auth::Role b);

// The principal the bootstrap key stands for; tasks it creates are owned by this id.
inline constexpr std::string_view bootstrap_admin_id = "admin";
// The credential id of the bootstrap key in the audit trail.
inline constexpr std::string_view bootstrap_key_id = "bootstrap";

// 403 csrf_failed.
http::ApiError csrf_failed();

}  // namespace vka::api
